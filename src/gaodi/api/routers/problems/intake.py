"""Batch intake: a 送解优 collection sheet (CSV/XLSX) is recorded whole or not at all, inside the caller's scope."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, File, UploadFile

from gaodi.access.roles import require
from gaodi.access.scope import Scope
from gaodi.api.deps import Audit, CurrentUser, GaodiDep
from gaodi.api.responses import ProblemBatchPublic
from gaodi.errors import ForbiddenError, GaodiError, InputError
from gaodi.ingest.limits import ReadLimits
from gaodi.problems.intake import read_collection_file
from gaodi.serialize import to_jsonable

router = APIRouter(prefix="/problems")

MAX_UPLOAD_BYTES = 20 * 1024 * 1024


@router.post("/batch", response_model=ProblemBatchPublic, summary="导入送解优问题收集表（CSV/XLSX）：有错误行则整表不入库 (batch intake)")
def batch(g: GaodiDep, user: CurrentUser, audit: Audit,
          file: Annotated[UploadFile, File(description="送解优问题收集表 CSV 或 XLSX")]) -> dict:
    require(user.role, "handle_problem")
    name = re.sub(r"[\\/\x00-\x1f:*?\"<>|]", "_", Path(file.filename or "upload.csv").name)[-120:]
    if not name.lower().endswith((".csv", ".xlsx")):
        raise InputError(f"不支持的文件类型：{name}", f"unsupported file type: {name}", fix="上传 .csv 或 .xlsx 文件")
    with tempfile.TemporaryDirectory(prefix="problems-", dir=_upload_dir(g)) as folder:
        path = Path(folder) / name
        body = file.file.read(MAX_UPLOAD_BYTES + 1)
        if len(body) > MAX_UPLOAD_BYTES:
            raise InputError("文件超过 20 MB", "the file exceeds 20 MB", fix="按月分成几个文件上传")
        path.write_bytes(body)
        try:
            read = read_collection_file(path, limits=ReadLimits.from_settings(g.settings))
            read.raise_if_errors()
            _ensure_rows_in_scope(g, user.scope, [(row, sub.uscc) for row, sub, _ in read.submissions])
            outcome = g.problems.import_collection(path, actor=user.username)
        except GaodiError as exc:
            audit("import_problems", f"file:{name}", f"outcome=refused code={exc.code}")
            raise
    audit("import_problems", f"file:{name}",
          f"submitted={len(outcome.submitted)} already_recorded={len(outcome.already_recorded)}")
    return to_jsonable(outcome)


def _upload_dir(g) -> Path:
    folder = g.settings.imports_dir / "uploads"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _ensure_rows_in_scope(g, scope: Scope, rows: list[tuple[int, str]]) -> None:
    if scope.is_province:
        return
    inside = g.directory.enterprise_ids(scope)
    outside = [{"row": row, "uscc": uscc} for row, uscc in rows if uscc not in inside]
    if outside:
        first = outside[0]
        raise ForbiddenError(f"{len(outside)} 行的企业不在您的数据范围（{scope.describe()}）内，第一处：第 "
                             f"{first['row']} 行 {first['uscc']}；整表未导入",
                             f"{len(outside)} rows name enterprises outside your scope; nothing was recorded",
                             fix="删去这些行，或交由上级部门导入", details={"rows": outside, "scope": scope.as_dict()})
