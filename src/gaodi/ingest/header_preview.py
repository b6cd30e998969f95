"""The headers of a file and the fields they are taken for, before anything is imported.

The web import page shows this so that a user whose sheet says 单位全称 where the kind expects
企业名称 can map one to the other (the mapping is sent with the upload). Only the header row is read:
the first line of a CSV, the first row with two filled cells among the first rows of a sheet, or a
Parquet file's schema; bounded work whatever the file's size.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from gaodi.errors import InputError, Location
from gaodi.ingest.headers import normalise, split_unit
from gaodi.ingest.kinds import kind as get_kind
from gaodi.ingest.limits import ReadLimits
from gaodi.ingest.readers import detect_encoding, open_sheet
from gaodi.ingest.units import CANONICAL

HEADER_SEARCH_ROWS = 50  # an export's title and blank rows above the header stay well under this


def read_headers(path: Path, sheet: str | None = None, limits: ReadLimits = ReadLimits()) -> list[str]:
    """The header cells of ``path`` (CSV, XLSX or Parquet), blanks dropped at the end."""
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt", ".tsv"):
        with open(path, encoding=detect_encoding(path), newline="") as fh:
            first = next(csv.reader(fh, delimiter="\t" if suffix == ".tsv" else ","), None) or []
        cells = first
    elif suffix in (".xlsx", ".xlsm"):
        cells = _xlsx_headers(path, sheet, limits)
    elif suffix in (".parquet", ".pq"):
        import pyarrow.parquet as pq

        cells = list(pq.read_schema(path).names)
    else:
        raise InputError(f"不支持的文件类型 {suffix}", f"unsupported file type {suffix}",
                         fix="请另存为 CSV（UTF-8 或 GBK）、XLSX 或 Parquet", location=Location(file=path.name))
    headers = [str(c).strip() if c is not None else "" for c in cells]
    while headers and not headers[-1]:
        headers.pop()
    if len([h for h in headers if h]) < 1:
        raise InputError("文件中找不到表头行", "no header row", fix="第一行应为表头",
                         location=Location(file=path.name))
    return headers


def _xlsx_headers(path: Path, sheet: str | None, limits: ReadLimits) -> list:
    book, ws = open_sheet(path, sheet, limits)
    try:
        for i, values in enumerate(ws.iter_rows(values_only=True)):
            if i >= HEADER_SEARCH_ROWS:
                break
            if sum(v is not None and str(v).strip() != "" for v in values) >= 2:
                return list(values)
        return []
    finally:
        book.close()


def preview(kind_name: str, path: Path, sheet: str | None = None,
            limits: ReadLimits = ReadLimits()) -> dict[str, Any]:
    """Each header of the file with the field it is taken for (or none), and the required fields left unmatched."""
    kind = get_kind(kind_name)
    lookup = {}
    for col in kind.columns:
        for name in (col.name, col.label, *col.aliases):
            lookup.setdefault(normalise(name), col)
    rows, taken = [], set()
    for header in read_headers(path, sheet, limits):
        base, unit = split_unit(header)
        col = lookup.get(normalise(header)) or lookup.get(base)
        if col is not None and col.name in taken:
            col = None  # a second header for the same field: the user chooses
        if col is not None:
            taken.add(col.name)
        rows.append({"header": header, "column": col.name if col else None, "label": col.label if col else None,
                     "unit": unit})
    return {"kind": kind.name, "headers": rows,
            "fields": [{"name": c.name, "label": c.label, "required": c.required,
                        "unit": CANONICAL.get(c.dimension, "") if c.dimension else ""} for c in kind.columns],
            "missing": [c.name for c in kind.columns if c.required and c.name not in taken]}
