"""`gaodi --help`, drawn with rich's console, table and panel only.

Typer's own help renderer imports rich's Markdown and Syntax support (markdown-it, Pygments), which
costs more than the rest of the CLI's start together; the top-level help needs none of it. Command
groups and commands keep Typer's renderer.
"""

from __future__ import annotations

import os

from rich import box
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from gaodi.cli.commands import COMMANDS


def render(group, ctx) -> None:
    """Print the help of the top-level group: usage, description, options, then commands by panel."""
    width = int(os.environ["TERMINAL_WIDTH"]) if os.environ.get("TERMINAL_WIDTH") else None
    console = Console(width=width, highlight=False)
    console.print()
    console.print(Text.assemble(" Usage: ", (f"{ctx.command_path} [OPTIONS] COMMAND [ARGS]...", "bold")))
    console.print()
    if group.help:
        console.print(f" {group.help}")
        console.print()
    console.print(_panel("选项 Options", _options(group, ctx)))
    panels: dict[str, list] = {}
    for entry in COMMANDS:
        panels.setdefault(entry.panel, []).append((entry.name, entry.summary))
    for title, rows in panels.items():
        console.print(_panel(title, rows))


def _options(group, ctx) -> list[tuple[str, str]]:
    rows = []
    for param in group.get_params(ctx):
        names = ", ".join(param.opts + list(param.secondary_opts))
        text = getattr(param, "help", None) or ""
        if getattr(param, "envvar", None):
            text = f"{text} [环境变量 env var: {param.envvar}]"
        rows.append((names, text))
    return rows


def _panel(title: str, rows: list[tuple[str, str]]) -> Panel:
    table = Table(box=None, show_header=False, pad_edge=False, padding=(0, 1), expand=True)
    table.add_column(style="bold cyan", no_wrap=True)
    table.add_column(ratio=10)
    for name, text in rows:
        table.add_row(name, text)
    return Panel(Group(table), title=title, title_align="left", border_style="dim", box=box.ROUNDED)
