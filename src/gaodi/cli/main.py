"""Entry point of the `gaodi` command: global options, error translation, command groups."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from gaodi.cli.lazy_group import LazyGroup
from gaodi.errors import GaodiError
from gaodi.home import DEFAULT_HOME, HOME_ENV

app = typer.Typer(
    name="gaodi",
    cls=LazyGroup,
    help="高地 gaodi：先进制造业高地监测与决策平台 (monitoring and decision platform).",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)

_state = {"debug": False}


@app.callback()
def main(
    home: Annotated[Optional[Path], typer.Option(
        "--home", envvar=HOME_ENV,
        help=f"工作区目录，存放数据库 (workspace folder holding the store). 默认 default: ./{DEFAULT_HOME}")] = None,
    debug: Annotated[bool, typer.Option("--debug", help="出错时显示完整回溯 (show tracebacks)")] = False,
) -> None:
    """高地 gaodi."""
    if home is not None:
        os.environ["GAODI_HOME"] = str(home)
    _state["debug"] = debug


def run() -> None:
    """Run the CLI; while `gaodi serve` owns the workspace, the server runs the command (gaodi.cli.remote)."""
    from gaodi.cli import remote

    args = sys.argv[1:]
    forwarded = remote.forward(args)
    sys.exit(execute(args) if forwarded is None else forwarded)


def execute(args: list[str], command=None, debug: bool | None = None) -> int:
    """Run the command line ``args`` and return the exit code, turning a GaodiError into its message
    (and JSON when --json was asked). ``command`` is the click command to run (default the app's)."""
    try:
        (command or typer.main.get_command(app)).main(args=list(args), prog_name="gaodi", standalone_mode=False)
    except GaodiError as exc:
        if _state["debug"] if debug is None else debug:
            raise
        from gaodi.cli.output import err_console, print_json

        if "--json" in args:
            print_json(exc.as_dict())
        err_console.print(f"[bold red]错误 ({exc.code})[/bold red] {exc}")
        if exc.message_en:
            err_console.print(f"[dim]{exc.message_en}[/dim]")
        return 2
    except (typer.Abort, KeyboardInterrupt):
        return 130
    except Exception as exc:  # click usage errors (typer's own click): shown as click shows them
        if hasattr(exc, "show") and hasattr(exc, "exit_code"):
            from gaodi.cli.output import err_console

            exc.show(file=err_console.file)
            return exc.exit_code
        raise
    return 0


# The commands are named in gaodi.cli.commands and imported when one runs (gaodi.cli.lazy_group), so that
# `gaodi --help` and a command's first step do not pay for the whole domain.
