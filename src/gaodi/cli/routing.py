"""Where a command prints and which workspace it opens, per thread.

A command run in-process by the server for a CLI client (``gaodi.cli.forwarded``) prints to that
client's consoles and opens the server's workspace; everywhere else the defaults apply (the
terminal, and the workspace that --home names). ``console`` and ``err_console`` of
``gaodi.cli.output`` are :class:`ConsoleRoute` objects, so the commands need not know.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from rich.console import Console

_local = threading.local()


class ConsoleRoute:
    """A Rich console that is, in a thread running a forwarded command, that command's console."""

    def __init__(self, default: Console, index: int) -> None:
        object.__setattr__(self, "_default", default)
        object.__setattr__(self, "_index", index)

    def target(self) -> Console:
        consoles = getattr(_local, "consoles", None)
        return consoles[self._index] if consoles else self._default

    def __getattr__(self, name: str) -> Any:
        return getattr(self.target(), name)

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(self.target(), name, value)

    def __enter__(self) -> Console:
        return self.target().__enter__()

    def __exit__(self, *exc: object) -> None:
        self.target().__exit__(*exc)


@contextmanager
def routed(stdout: Console, stderr: Console, open_workspace: Callable[[], Any]) -> Iterator[None]:
    """Run the block with these consoles and this workspace opener (the current thread only)."""
    _local.consoles, _local.open_workspace = (stdout, stderr), open_workspace
    try:
        yield
    finally:
        _local.consoles = _local.open_workspace = None


def forwarded() -> bool:
    """Whether the current thread runs a command for a CLI client."""
    return getattr(_local, "open_workspace", None) is not None


def workspace_opener() -> Callable[[], Any] | None:
    return getattr(_local, "open_workspace", None)
