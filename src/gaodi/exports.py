"""Neutralise spreadsheet formulas in every cell gaodi writes to a CSV or XLSX file.

A name imported from a user's file (an enterprise called ``=HYPERLINK(...)``, a problem titled
``+cmd|...``, a failed login as ``@SUM(1)``) would run as a formula when an official opens the export
in Excel or WPS (CSV injection, OWASP). The rule here is the OWASP one: a text cell that starts with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a single quote in front, so the spreadsheet
shows it as text; a text that is a plain number (``-12.5``, ``+3``) stays as it is, and numbers stored
as numbers are never touched. The same rule is offered for Python values (:func:`neutralise`), for
frames (:func:`neutralise_frame`) and for columns computed by the store (:func:`neutralise_column`).
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
_RISKY = "^[=+\\-@\t\r]"

__all__ = ["FORMULA_START", "neutralise", "neutralise_column", "neutralise_frame"]


def neutralise(value: Any) -> Any:
    """``value`` with a leading ``'`` when it is text that a spreadsheet would read as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_START) and not _NUMBER.fullmatch(value):
        return "'" + value
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
    risky = column.re_search(_RISKY) & ~column.re_search(f"^{_PLAIN_NUMBER}$")
    return ibis.ifelse(risky.fill_null(False), ibis.literal("'") + column, column)
