"""Neutralise spreadsheet formulas in every cell gaodi writes to a CSV or XLSX file.

A name imported from a user's file (an enterprise called ``=HYPERLINK(...)``, a problem titled
``+cmd|...``, a failed login as ``@SUM(1)``) would run as a formula when an official opens the export
in Excel or WPS (CSV injection, OWASP). The rule here is the OWASP one: a text cell that starts with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a single quote in front, so the spreadsheet
shows it as text; a text that is a plain number (``-12.5``, ``+3``) stays as it is, and numbers stored
as numbers are never touched. The same rule is offered for Python values (:func:`neutralise`), for
frames (:func:`neutralise_frame`) and for columns computed by the store (:func:`neutralise_column`).

Every export can be imported again as it is, so the rule has an exact inverse (:func:`restore`,
:func:`restore_column`, applied by the import): a text that already starts with quotes before a risky
character (``'=x``) gets one more quote on the way out, and exactly one quote is taken off on the way
in. ``restore(neutralise(v)) == v`` for every text ``v``.
"""

from __future__ import annotations

import re
from typing import Any

import ibis
import ibis.expr.types as ir
import pandas as pd

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?"
_NUMBER = re.compile(_PLAIN_NUMBER)
_RISKY = "^'*[=+\\-@\t\r]"

__all__ = ["FORMULA_START", "neutralise", "neutralise_column", "neutralise_frame", "restore", "restore_column"]


def _risky(value: str) -> bool:
    """Text a spreadsheet would run (``=1+1``), or such text behind quotes (``'=1+1``); not a plain number."""
    bare = value.lstrip("'")
    return bare.startswith(FORMULA_START) and not _NUMBER.fullmatch(bare)


def neutralise(value: Any) -> Any:
    """``value`` with a leading ``'`` when it is text that a spreadsheet would read as a formula."""
    if isinstance(value, str) and _risky(value):
        return "'" + value
    return value


def restore(value: Any) -> Any:
    """The text :func:`neutralise` was given: one leading ``'`` off a neutralised text, anything else as it is."""
    if isinstance(value, str) and value.startswith("'") and _risky(value[1:]):
        return value[1:]
    return value


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells, and headers, are neutralised; numeric columns are unchanged."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column].dtype):
            out[column] = out[column].map(neutralise)
    return out.rename(columns={c: neutralise(c) for c in out.columns if isinstance(c, str)})


def neutralise_column(column: ir.StringValue) -> ir.StringValue:
    """The same rule as :func:`neutralise` for a text column of a store expression (streamed exports)."""
    return ibis.ifelse(_risky_column(column), ibis.literal("'") + column, column)


def restore_column(column: ir.StringValue) -> ir.StringValue:
    """The inverse of :func:`neutralise_column` (what the import applies to every text cell)."""
    rest = column.substr(1)
    return ibis.ifelse(column.startswith("'").fill_null(False) & _risky_column(rest), rest, column)


def _risky_column(column: ir.StringValue) -> ir.BooleanValue:
    bare = column.re_replace("^'+", "")
    return (column.re_search(_RISKY) & ~bare.re_search(f"^{_PLAIN_NUMBER}$")).fill_null(False)
