"""The vocabulary of import kinds: a kind is a table, its columns, its key and how a re-import replaces."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

ColumnType = Literal[
    "text", "uscc", "region", "industry", "int", "float", "bool", "date", "year", "period", "enum",
]


@dataclass(frozen=True)
class Column:
    """One column of an import kind.

    ``name`` is the store column and the English header; ``aliases`` are the other accepted headers
    (Chinese first). ``dimension`` makes a unit required (in the header, e.g. ``营业收入(亿元)``, or by
    ``--unit``) and converts it to the store's canonical unit.
    """

    name: str
    type: ColumnType
    label: str
    aliases: tuple[str, ...] = ()
    required: bool = False
    dimension: str | None = None
    min: float | None = None
    max: float | None = None
    choices: dict[str, str] | None = None
    references: tuple[str, str] | None = None
    industry_level: int | None = 4
    store_reported: str | None = None  # for region columns: where the code as imported is kept
    help: str = ""


@dataclass(frozen=True)
class RowRule:
    """A check across columns of one row, on parsed values: ``bad(t)`` marks the rows that break it."""

    column: str  # where the problem is reported
    needs: tuple[str, ...]  # the columns the rule reads; it runs only when all are in the file
    reason: str
    fix: str
    bad: object  # Callable[[ibis.Table], ibis.BooleanValue]


@dataclass(frozen=True)
class Kind:
    """One importable table."""

    name: str
    table: str
    label: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    replace: Literal["key", "period"] = "key"
    period_column: str | None = None
    row_rules: tuple[RowRule, ...] = field(default_factory=tuple)
    constants: dict[str, str] = field(default_factory=dict)  # store columns every imported row gets
    # Validate and insert in one statement, then delete the replaced periods (a table without a key
    # constraint, so new and old rows of a period may stand side by side until the old go).
    append_first: bool = False
    help: str = ""

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)
