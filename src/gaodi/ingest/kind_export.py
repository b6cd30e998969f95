"""The stored rows of an import kind, written as that kind's import sheet, so the file imports again as it is.

Headers are the template's (``营业收入(万元)``: values in the store's unit), choices are written in
Chinese (国家级, 上游, 是/否), codes as text, and every text cell is neutralised
(:func:`gaodi.exports.neutralise`); the import restores it, so a name that starts with ``=`` comes back
unchanged and never runs as a formula in between.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from typing import Any

import pandas as pd

from gaodi.errors import InputError
from gaodi.exports import neutralise
from gaodi.ingest.kinds import kind as get_kind
from gaodi.ingest.spec import Column, Kind
from gaodi.ingest.templates import DATA_SHEET, header
from gaodi.store import Store

EXPORT_MAX_ROWS = 1_000_000  # an XLSX sheet holds 1,048,576 rows; CSV keeps the same bound on work


def export_rows(store: Store, kind_name: str) -> tuple[Kind, pd.DataFrame]:
    """The rows of ``kind_name`` as they would be imported: one column per kind column, ordered by the key."""
    kind = get_kind(kind_name)
    table = store.table(kind.table)
    n = int(store.execute(table.count()))
    if n > EXPORT_MAX_ROWS:
        raise InputError(f"{kind.label}有 {n} 行，超过一次导出的上限 {EXPORT_MAX_ROWS} 行",
                         f"{kind.name} has {n} rows, more than {EXPORT_MAX_ROWS}",
                         fix="按统计期或地区分批导出，或直接使用工作区数据库文件")
    columns = [c for c in kind.columns if c.name in table.columns]
    frame = store.execute(table.select(*[c.name for c in columns]).order_by(list(kind.key)))
    # object columns: a year column with blanks stays 2001, not 2001.0
    out = pd.DataFrame({header(c): pd.Series([_cell(c, v) for v in frame[c.name]], dtype=object) for c in columns})
    return kind, out


def export_workbook(store: Store, kind_name: str, fmt: str = "xlsx") -> bytes:
    """The rows of ``kind_name`` as XLSX (sheet 填报) or CSV (UTF-8 with BOM, for Excel) bytes."""
    _, frame = export_rows(store, kind_name)
    if fmt == "csv":
        return "\ufeff".encode() + frame.to_csv(index=False).encode("utf-8")
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        frame.to_excel(writer, index=False, sheet_name=DATA_SHEET)
    return buffer.getvalue()


def _cell(column: Column, value: Any) -> Any:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT:
        return None
    if column.type == "bool":
        return "是" if bool(value) else "否"
    if column.type == "enum":
        return _choice_name(column, str(value))
    if column.type in ("int", "year"):
        return int(value)
    if column.type == "float":
        return float(value)
    if column.type == "date":
        return value.isoformat() if isinstance(value, (dt.date, pd.Timestamp)) else str(value)
    return neutralise(str(value))


def _choice_name(column: Column, stored: str) -> str:
    """The Chinese word for a stored choice (national → 国家级); the stored value when there is none."""
    words = [k for k, v in (column.choices or {}).items() if v == stored and not k.isascii()]
    return words[0] if words else stored
