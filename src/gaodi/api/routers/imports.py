"""Imports: the kinds and their columns, the import log, and uploading a file (validated, all or nothing)."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import quote

from fastapi import APIRouter, File, Form, Query, UploadFile
from fastapi.responses import Response

from gaodi.api.deps import Audit, Format, GaodiDep, Importer, Paging, UserScope
from gaodi.api.import_responses import ImportHeadersPublic
from gaodi.api.listing import EXPORTS, rows_response
from gaodi.api.responses import ImportKindPublic, ImportLogList, ImportResultPublic
from gaodi.api.schemas import ERRORS
from gaodi.serialize import to_jsonable
from gaodi.errors import GaodiError, InputError
from gaodi.ingest.importer import ImportOptions
from gaodi.ingest.kinds import KINDS
from gaodi.ingest.kinds import kind as get_kind
from gaodi.ingest.units import CANONICAL

router = APIRouter(prefix="/imports", tags=["导入 imports"], responses=ERRORS)

MAX_UPLOAD_BYTES = 512 * 1024 * 1024
SUFFIXES = (".csv", ".xlsx", ".parquet")
LOG_COLUMNS = [{"key": k, "label": zh, "label_en": en, "unit": ""} for k, zh, en in (
    ("import_id", "编号", "id"), ("kind", "类型", "kind"), ("file_name", "文件", "file"), ("sha256", "SHA-256", "sha256"),
    ("rows_read", "读取行数", "rows read"), ("rows_imported", "导入行数", "rows imported"),
    ("rows_rejected", "拒收行数", "rows rejected"), ("rows_replaced", "替换行数", "rows replaced"),
    ("periods", "统计期", "periods"), ("outcome", "结果", "outcome"), ("message", "说明", "message"),
    ("finished_at", "完成时间", "finished"))]


@router.get("/kinds", response_model=list[ImportKindPublic], summary="导入类型及其列 (import kinds and their columns)")
def kinds(_: UserScope) -> list[dict]:
    return [{"name": k.name, "label": k.label, "key": list(k.key), "replace": k.replace, "help": k.help,
             "columns": [{"name": c.name, "label": c.label, "required": c.required, "type": c.type,
                          "unit": CANONICAL.get(c.dimension, "") if c.dimension else "",
                          "aliases": list(c.aliases)} for c in k.columns]} for k in KINDS]


@router.get("", response_model=ImportLogList, responses=EXPORTS, summary="导入记录 (the import log)")
def import_log(_: Importer, g: GaodiDep, paging: Paging, fmt: Format = "json"):
    rows = sorted(g.imports(), key=lambda r: -r["import_id"])
    return rows_response(to_jsonable(rows), paging, fmt, LOG_COLUMNS, "导入记录")


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MEDIA = {"xlsx": XLSX, "csv": "text/csv; charset=utf-8"}


def _file(body: bytes, name: str, fmt: str) -> Response:
    return Response(body, media_type=MEDIA[fmt],
                    headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(name)}"})


@router.get("/{kind}/template", summary="下载导入模板：中文表头、示例行、填表说明 (the kind's XLSX template)",
            response_class=Response, responses={200: {"content": {XLSX: {}}}})
def template(kind: str, g: GaodiDep, _: Importer) -> Response:
    label = get_kind(kind).label
    return _file(g.imports.template(kind), f"{label}-导入模板.xlsx", "xlsx")


@router.get("/{kind}/export", summary="按导入格式导出库中全部行，可原样再导入 (every stored row, re-importable)",
            response_class=Response, responses={200: {"content": {XLSX: {}, "text/csv": {}}}})
def export(kind: str, g: GaodiDep, _: Importer, audit: Audit,
           fmt: Annotated[Literal["xlsx", "csv"], Query(alias="format")] = "xlsx") -> Response:
    label = get_kind(kind).label
    body = g.imports.export(kind, fmt)
    audit("export_kind", f"import:{kind}", f"format={fmt}")
    return _file(body, f"{label}.{fmt}", fmt)


@router.post("/{kind}/headers", response_model=ImportHeadersPublic,
             summary="读取文件表头并给出对应字段，供上传前核对和调整 (a file's headers against the kind)")
def headers(kind: str, g: GaodiDep, user: Importer,
            file: Annotated[UploadFile, File(description="CSV、XLSX 或 Parquet 文件")],
            sheet: Annotated[str | None, Form(description="XLSX 工作表名")] = None) -> dict:
    get_kind(kind)
    path = _save(g, user, file, "headers")
    try:
        return g.imports.headers(kind, path, sheet)
    finally:
        path.unlink(missing_ok=True)


def _save(g, user, file: UploadFile, purpose: str) -> Path:
    name = file.filename or "upload"
    if not name.lower().endswith(SUFFIXES):
        raise InputError(f"不支持的文件类型：{name}", f"unsupported file type: {name}",
                         fix="上传 .csv、.xlsx 或 .parquet 文件")
    folder = g.settings.imports_dir / "uploads"
    folder.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    path = folder / f"{stamp}-{purpose}-{user.username}-{_safe(name)}"
    size = 0
    with open(path, "wb") as out:
        for block in iter(lambda: file.file.read(1 << 20), b""):
            size += len(block)
            if size > MAX_UPLOAD_BYTES:
                out.close()
                path.unlink()
                raise InputError("文件超过 512 MB", "the file exceeds 512 MB", fix="分成几个文件上传")
            out.write(block)
    return path


def _header_map(text: str | None) -> dict[str, str]:
    """The web page's column mapping: a JSON object 文件表头 → 字段名 (an empty name ignores the header)."""
    if not text:
        return {}
    try:
        value = json.loads(text)
    except ValueError:
        value = None
    if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()) \
            or len(value) > 500:
        raise InputError("表头对应的格式不对", "header_map must be a JSON object of strings",
                         fix="重新选择文件后再设置表头对应")
    return value


@router.post("/{kind}", response_model=ImportResultPublic,
             summary="上传并导入一个文件；有无效行时整体拒收并给出逐行原因 (upload a file)")
def upload(kind: str, g: GaodiDep, user: Importer, audit: Audit,
           file: Annotated[UploadFile, File(description="CSV、XLSX 或 Parquet 文件")],
           skip_invalid: Annotated[bool, Form(description="只导入有效行，无效行隔离")] = False,
           sheet: Annotated[str | None, Form(description="XLSX 工作表名")] = None,
           header_map: Annotated[str | None, Form(
               description="表头对应：JSON 对象 {文件表头: 字段名}，字段名为空表示忽略该列")] = None) -> dict:
    get_kind(kind)
    name = file.filename or "upload"
    mapping = _header_map(header_map)
    path = _save(g, user, file, "import")
    try:
        result = g.import_file(kind, path, ImportOptions(skip_invalid=skip_invalid, sheet=sheet,
                                                         header_map=mapping, edge="web"))
    except GaodiError as exc:
        audit("import", f"import:{kind}", f"file={name} outcome=rejected code={exc.code}")
        raise
    audit("import", f"import:{kind}", f"file={name} outcome={result.outcome} rows={result.rows_imported}")
    return to_jsonable(result)


def _safe(name: str) -> str:
    """A file name without path separators or control characters (Chinese kept)."""
    return re.sub(r"[\\/\x00-\x1f:*?\"<>|]", "_", name)[-120:]
