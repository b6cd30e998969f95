"""Entry point of the `gaodi` command: global options, error translation, command groups."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from gaodi.cli.output import err_console, print_json
from gaodi.errors import GaodiError

app = typer.Typer(
    name="gaodi",
    help="高地 gaodi：先进制造业高地监测与决策平台 (monitoring and decision platform).",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)

_state = {"debug": False}


@app.callback()
def main(
    home: Annotated[Optional[Path], typer.Option(
        "--home", envvar="GAODI_HOME",
        help="工作区目录，存放数据库 (workspace folder holding the store). Default: ./.gaodi")] = None,
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
            exc.show(file=err_console.file)
            return exc.exit_code
        raise
    return 0


def _register() -> None:
    from gaodi.cli import (audit, calendar, catalog, chains, data, demo, evaluate, ladder, monitor, plan, policy,
                           problem, region, report, serve, users)

    app.add_typer(catalog.app, name="catalog")
    app.add_typer(evaluate.app, name="evaluate")
    app.add_typer(plan.app, name="plan")
    app.add_typer(region.app, name="region")
    app.add_typer(ladder.app, name="ladder")
    app.add_typer(chains.app, name="chains")
    app.add_typer(policy.app, name="policy")
    app.add_typer(problem.app, name="problem")
    app.add_typer(report.app, name="report")
    app.add_typer(calendar.app, name="calendar")
    app.command("serve")(serve.serve_command)
    app.add_typer(users.app, name="users")
    app.add_typer(audit.app, name="audit")
    app.command("import")(data.import_command)
    app.command("kinds")(data.kinds_command)
    app.command("imports")(data.imports_command)
    app.add_typer(data.app, name="data")
    app.command("demo")(demo.demo_command)
    app.add_typer(monitor.app, name="monitor")


_register()
