"""The server's side of a CLI command sent by a client (``gaodi.cli.remote``): run it here, in-process.

The command line runs through the same Typer app as on the client, in the request's thread, with
its own consoles (the client's width, colours and terminal-ness, printing into buffers) and its own
cursor on the server's open workspace (``gaodi.cli.routing``). Relative paths in path arguments
are taken from the client's working directory. A command cannot ask questions here: a prompt is
refused with a message naming the option to use. Live progress displays are not drawn; their final
state is, as when the CLI's output goes to a file.
"""

from __future__ import annotations

import io
import os
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import wraps
from pathlib import Path, PurePath
from typing import Any

import typer
import typer._click.termui as termui
from rich.console import Console

from gaodi.cli.routing import forwarded, routed
from gaodi.errors import InputError

# Typer sets PYDANTIC_DISABLE_PLUGINS while it builds a parameter's validator and deletes it after
# when it was unset before. Commands run here side by side in request threads, so one command's
# delete can meet another's (KeyError). With the variable already set, Typer restores it instead.
# Its value is the one Typer itself uses; a value the operator set is kept.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "1")


@dataclass
class Terminal:
    """What the client's console can show."""

    width: int = 80
    height: int = 25
    is_terminal: bool = False
    color_system: str | None = None
    no_color: bool = False
    term: str = ""

    def console(self, file: io.StringIO, stderr: bool) -> Console:
        return Console(file=file, width=self.width, height=self.height, force_terminal=self.is_terminal,
                       force_interactive=False, color_system=self.color_system, no_color=self.no_color,
                       legacy_windows=False, stderr=stderr, _environ={"TERM": self.term})


@dataclass
class Outcome:
    stdout: str
    stderr: str
    exit_code: int
    opened: list = field(default_factory=list, repr=False)


def run_command(args: list[str], cwd: str, stdout: Terminal, stderr: Terminal, debug: bool,
                open_workspace: Callable[[], Any]) -> Outcome:
    """Run the command line ``args`` as `gaodi` would in ``cwd``, on workspaces from ``open_workspace``."""
    from gaodi.cli.main import app, execute

    out, err = io.StringIO(), io.StringIO()
    opened: list = []

    def workspace():
        g = open_workspace()
        opened.append(g)
        return g

    command = typer.main.get_command(app)
    command.load_all()
    _resolve_paths(command, Path(cwd))
    try:
        with routed(stdout.console(out, False), stderr.console(err, True), workspace):
            try:
                code = execute(args, command=command, debug=debug)
            except Exception:  # what the CLI would let through as a traceback
                err.write(traceback.format_exc())
                code = 1
    finally:
        for g in opened:
            g.close()
    return Outcome(out.getvalue(), err.getvalue(), code)


def _resolve_paths(command, cwd: Path) -> None:
    """Make every callback of the command tree see relative paths as relative to the client's folder."""
    if command.callback is not None:
        command.callback = _with_client_paths(command.callback, cwd)
    for sub in getattr(command, "commands", {}).values():
        _resolve_paths(sub, cwd)


def _with_client_paths(callback: Callable, cwd: Path) -> Callable:
    @wraps(callback)
    def call(*args, **kwargs):
        return callback(*[_absolute(a, cwd) for a in args], **{k: _absolute(v, cwd) for k, v in kwargs.items()})
    return call


def _absolute(value: Any, cwd: Path) -> Any:
    if isinstance(value, PurePath):
        return value if value.is_absolute() else cwd / value
    if isinstance(value, (list, tuple)) and any(isinstance(v, PurePath) for v in value):
        return type(value)(_absolute(v, cwd) for v in value)
    return value


def _no_prompt(ask: Callable[[str], str]) -> Callable[[str], str]:
    @wraps(ask)
    def prompt(text: str) -> str:
        if forwarded():
            raise InputError("gaodi 服务运行时，命令不能交互提问", "a command run by the server cannot prompt",
                             fix="用命令的选项给出这个值（如 gaodi users add … --password …）")
        return ask(text)
    return prompt


termui.visible_prompt_func = _no_prompt(termui.visible_prompt_func)
termui.hidden_prompt_func = _no_prompt(termui.hidden_prompt_func)
