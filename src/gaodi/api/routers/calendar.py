"""The working-day calendar (工作日历): each year's basis, and loading an official holiday arrangement.

Every account sees which years are official (with the notice's document number) and which are
provisional (暂定, with the reason). Loading an arrangement is the administrator's
(``manage_calendar``); the file is checked line by line and nothing is stored when it is refused.
Provisional deadlines of that year are recomputed on the next read.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, File, Query, UploadFile

from gaodi.access.roles import require
from gaodi.api.deps import Audit, CurrentUser, GaodiDep, UserScope
from gaodi.api.responses import CalendarLoadedPublic, CalendarYearsPublic
from gaodi.api.schemas import ERRORS
from gaodi.serialize import to_jsonable
from gaodi.errors import GaodiError, InputError

router = APIRouter(prefix="/calendar", tags=["工作日历 calendar"], responses=ERRORS)

MAX_UPLOAD_BYTES = 256 * 1024


@router.get("/years", response_model=CalendarYearsPublic, summary="各年工作日历的依据：正式安排（文号）或暂定（原因）(each year's basis)")
def years(g: GaodiDep, _: UserScope,
          first: int | None = Query(None, description="起始年份，默认去年"),
          last: int | None = Query(None, description="结束年份，默认五年后")) -> dict:
    return to_jsonable({"years": g.problems.calendar_years(first, last)})


@router.post("/arrangements", response_model=CalendarLoadedPublic, status_code=201,
             summary="载入国务院办公厅节假日安排（YAML，仅管理员）(load an official holiday arrangement)")
def load(g: GaodiDep, user: CurrentUser, audit: Audit,
         file: Annotated[UploadFile, File(description="节假日安排 YAML 文件（格式见 docs/enterprise-services.md）")]
         ) -> dict:
    require(user.role, "manage_calendar")
    name = re.sub(r"[\\/\x00-\x1f:*?\"<>|]", "_", Path(file.filename or "arrangement.yaml").name)[-120:]
    if not name.lower().endswith((".yaml", ".yml")):
        raise InputError(f"不支持的文件类型：{name}", f"unsupported file type: {name}", fix="上传 .yaml 文件")
    body = file.file.read(MAX_UPLOAD_BYTES + 1)
    if len(body) > MAX_UPLOAD_BYTES:
        raise InputError("文件超过 256 KB", "the file exceeds 256 KB", fix="一个文件只写一年的安排")
    with tempfile.TemporaryDirectory(prefix="calendar-") as folder:
        path = Path(folder) / name
        path.write_bytes(body)
        try:
            loaded = g.problems.load_calendar(path, loaded_by=user.username)
        except GaodiError as exc:
            audit("load_calendar", f"file:{name}", f"outcome=refused code={exc.code}")
            raise
    audit("load_calendar", f"calendar:{loaded['year']}", f"document={loaded['document_number']} new={loaded['new']}")
    return to_jsonable(loaded)
