"""The top-level `gaodi` group that imports a command's module only when that command runs.

Click documents this pattern ("lazily loading subcommands"): ``list_commands`` names every command
from the table in ``gaodi.cli.commands`` and ``get_command`` imports the one asked for. The top-level
help shows each command by its table line (``gaodi.cli.top_help``), so `gaodi --help` imports none.
"""

from __future__ import annotations

import importlib
from difflib import get_close_matches

import typer
from typer import _click
from typer.core import TyperGroup

from gaodi.cli.commands import BY_NAME, COMMANDS, Entry


class LazyGroup(TyperGroup):
    """A TyperGroup whose subcommands come from ``gaodi.cli.commands`` and load on first use."""

    def list_commands(self, ctx: _click.Context) -> list[str]:
        eager = [name for name in self.commands if name not in BY_NAME]
        return [entry.name for entry in COMMANDS] + eager

    def get_command(self, ctx: _click.Context, cmd_name: str) -> _click.Command | None:
        entry = BY_NAME.get(cmd_name)
        if entry is None or cmd_name in self.commands:
            return self.commands.get(cmd_name)
        command = load(entry)
        self.commands[cmd_name] = command
        return command

    def load_all(self) -> None:
        """Import every command (the server does, once, so it can wrap each callback)."""
        for entry in COMMANDS:
            self.get_command(None, entry.name)  # type: ignore[arg-type]

    def format_help(self, ctx: _click.Context, formatter: _click.HelpFormatter) -> None:
        from gaodi.cli import top_help

        top_help.render(self, ctx)

    def resolve_command(self, ctx: _click.Context, args: list[str]):
        try:
            return self._click_resolve_command(ctx, args)
        except _click.exceptions.UsageError as exc:
            matches = get_close_matches(args[0], self.list_commands(ctx)) if args else []
            if matches:
                exc.message = f"{exc.message.rstrip('.')}. 是否想用 (did you mean) {', '.join(matches)}?"
            raise


def load(entry: Entry) -> _click.Command:
    """The click command of a table entry: its module's Typer group, or its single command function."""
    target = getattr(importlib.import_module(f"gaodi.cli.{entry.module}"), entry.attribute)
    if isinstance(target, typer.Typer):
        command = typer.main.get_command(target)
    else:
        single = typer.Typer(rich_markup_mode="rich")
        single.command(entry.name, rich_help_panel=entry.panel)(target)
        command = typer.main.get_command(single)
    command.name = entry.name
    return command
