"""How CLI commands print: Rich tables for people, one JSON document with --json for scripts."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from typing import Any

from rich.console import Console
from rich.table import Table

from gaodi.cli.routing import ConsoleRoute, forwarded
from gaodi.serialize import to_jsonable

# Routed: a command that the server runs for a CLI client prints to that client (gaodi.cli.routing).
console: Console = ConsoleRoute(Console(), 0)  # type: ignore[assignment]
err_console: Console = ConsoleRoute(Console(stderr=True), 1)  # type: ignore[assignment]


def print_json(value: Any) -> None:
    """Print one JSON document on stdout (UTF-8, Chinese kept readable)."""
    console.file.write(json.dumps(to_jsonable(value), ensure_ascii=False, indent=2) + "\n")


class _Quiet:
    """A status line that shows nothing (a command run by the server reaches its client only at the end)."""

    def __enter__(self) -> "_Quiet":
        return self

    def __exit__(self, *exc) -> None:
        return None

    def update(self, *args, **kwargs) -> None:
        return None


def working(text: str):
    """A spinner on stderr saying what a long command is doing, to ``update`` as it goes; ``with`` it."""
    return _Quiet() if forwarded() else err_console.status(text)


def print_table(rows: Sequence[Mapping[str, Any]], title: str | None = None,
                columns: Sequence[str] | None = None) -> None:
    """Print records as a Rich table; columns default to the keys of the first row."""
    if not rows:
        console.print(f"[dim]{title + '：' if title else ''}没有记录 (no rows)[/dim]")
        return
    cols = list(columns or rows[0].keys())
    table = Table(title=title, show_lines=False)
    for c in cols:
        table.add_column(str(c))
    for r in rows:
        table.add_row(*[_cell(r.get(c)) for c in cols])
    console.print(table)


def _cell(v: Any) -> str:
    if v is None:
        return "—"
    if isinstance(v, float):
        if math.isnan(v):
            return "—"
        return f"{v:,.4g}" if abs(v) < 1e4 else f"{v:,.0f}"
    return str(v)
