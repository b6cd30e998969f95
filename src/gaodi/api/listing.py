"""Lists leave as one JSON page, or whole as CSV (UTF-8 with BOM, for Excel) or XLSX.

Every text cell of a file is neutralised (:mod:`gaodi.exports`): nothing imported becomes a formula.
"""

from __future__ import annotations

import io
from typing import Any
from urllib.parse import quote

import ibis.expr.types as ir
import pandas as pd
from fastapi.responses import Response

from gaodi.serialize import to_jsonable
from gaodi.directory.paging import Page, PageRequest
from gaodi.directory.service import Directory
from gaodi.errors import InputError
from gaodi.exports import neutralise

MEDIA = {"csv": "text/csv; charset=utf-8",
         "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
EXPORTS: dict[int | str, dict] = {200: {"description": "一页 JSON；format=csv 或 xlsx 时为整表文件 (a page as JSON, or "
                                                      "the whole list as a CSV or XLSX file)",
                                        "content": {MEDIA["csv"].split(";")[0]: {}, MEDIA["xlsx"]: {}}}}
"""The OpenAPI ``responses`` of a list route that also exports (``format=csv|xlsx``): the file media types."""


def list_response(directory: Directory, expr: ir.Table, paging: PageRequest, fmt: str,
                  columns: list[dict[str, str]], filename: str) -> dict[str, Any] | Response:
    """A page of ``expr`` as JSON, or every row of it as a file named ``filename``.csv/.xlsx."""
    if fmt == "json":
        return to_jsonable(directory.page(expr, paging, columns).as_dict())
    return file_response(directory.all(expr), columns, filename, fmt)


def rows_response(rows: list[dict[str, Any]], paging: PageRequest, fmt: str, columns: list[dict[str, str]],
                  filename: str) -> dict[str, Any] | Response:
    """The same for a list already in memory (results of the analytics)."""
    if fmt == "json":
        part = rows[paging.offset:paging.offset + paging.size]
        return to_jsonable(Page(part, len(rows), paging.page, paging.size, columns).as_dict())
    return file_response(rows, columns, filename, fmt)


def sort_rows(rows: list[dict[str, Any]], sort: str | None) -> list[dict[str, Any]]:
    """In-memory rows ordered by the ``sort`` parameter the web tables send (``-column`` descending),
    blanks last; an unknown column is refused, as the store-backed lists refuse it."""
    key = (sort or "").lstrip("-")
    if not key or not rows:
        return rows
    if key not in rows[0]:
        raise InputError(f"不能按 {key} 排序", f"cannot sort by {key}", fix=f"可选：{'、'.join(rows[0])}")
    present = [r for r in rows if r[key] is not None]
    blank = [r for r in rows if r[key] is None]
    return sorted(present, key=lambda r: r[key], reverse=sort.startswith("-")) + blank


def file_response(rows: list[dict[str, Any]], columns: list[dict[str, str]], filename: str,
                  fmt: str) -> Response:
    frame = export_frame(rows, columns)
    if fmt == "csv":
        body = "\ufeff".encode() + frame.to_csv(index=False).encode("utf-8")
    else:
        buffer = io.BytesIO()
        with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
            frame.to_excel(writer, index=False, sheet_name=filename[:31])
        body = buffer.getvalue()
    name = f"{filename}.{fmt}"
    return Response(body, media_type=MEDIA[fmt], headers={
        "Content-Disposition": f"attachment; filename*=UTF-8''{quote(name)}"})


def export_frame(rows: list[dict[str, Any]], columns: list[dict[str, str]]) -> pd.DataFrame:
    """The rows with Chinese headers carrying their unit, e.g. ``营业收入（万元）``; unknown keys keep their name.

    Text that a spreadsheet would read as a formula gets a leading ``'`` (numbers stay numbers)."""
    known = [c for c in columns if not rows or c["key"] in rows[0]]
    keys = [c["key"] for c in known] or (list(rows[0]) if rows else [])
    headers = {c["key"]: c["label"] + (f"（{c['unit']}）" if c.get("unit") else "") for c in known}
    frame = pd.DataFrame([{k: neutralise(to_jsonable(r.get(k))) for k in keys} for r in rows], columns=keys)
    return frame.rename(columns={k: neutralise(v) for k, v in headers.items()})
