"""Batch intake of a 送解优 monthly collection file (问题收集表) into problem submissions.

The file is CSV (UTF-8 or GB18030, as Excel on Chinese Windows saves it) or XLSX, one problem per
row, with Chinese or English headers (see :data:`HEADERS`). Every row is checked on its own; a bad
row is reported with the file, the spreadsheet row number (the header is row 1), the column and the
fix, and the good rows are returned for submission. A file that lacks a required column, or cannot
be read at all, raises :class:`~gaodi.errors.InputError` at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from gaodi.errors import InputError, Location, ValidationFailed
from gaodi.ingest.limits import ReadLimits, check_xlsx_archive, check_xlsx_cells
from gaodi.ingest.text_frames import read_csv_text
from gaodi.problems.desk import (
    DEFAULT_CATEGORIES,
    ProblemDesk,
    ProblemSubmission,
    validate_submission,
)
from gaodi.problems.events import CHINA_TZ
from gaodi.problems.states import Problem, Role

__all__ = ["HEADERS", "REQUIRED", "IntakeResult", "RowError", "read_collection_file", "submit_collection"]

#: Accepted headers for each field (compared after stripping spaces; English names in any case).
HEADERS: dict[str, tuple[str, ...]] = {
    "uscc": ("统一社会信用代码", "信用代码", "社会信用代码", "uscc"),
    "enterprise_name": ("企业名称", "单位名称", "enterprise_name", "name"),
    "title": ("问题标题", "标题", "问题概述", "title"),
    "description": ("问题描述", "问题内容", "具体问题", "诉求内容", "description"),
    "category": ("问题类别", "问题类型", "问题分类", "category"),
    "chain": ("所属产业链", "产业链", "chain"),
    "park": ("所在园区", "园区", "park"),
    "region_code": ("行政区划代码", "地区代码", "区划代码", "region_code"),
    "collected_on": ("收集日期", "提交日期", "登记日期", "collected_on"),
}
REQUIRED = ("uscc", "title", "description", "category")


@dataclass(frozen=True)
class RowError:
    """One rejected cell: where it is, what is wrong, how to fix it."""

    file: str
    row: int
    column: str
    value: str
    message: str
    message_en: str
    fix: str


@dataclass
class IntakeResult:
    """The submissions read from a file (with their row numbers) and the rejected rows."""

    file: str
    submissions: list[tuple[int, ProblemSubmission, dt.date | None]] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def raise_if_errors(self) -> None:
        """Raise ValidationFailed carrying every row error when the file had any."""
        if self.errors:
            first = self.errors[0]
            raise ValidationFailed(
                message=f"{len(self.errors)} 处错误，第一处：{first.message}",
                message_en=f"{len(self.errors)} errors; first: {first.message_en}",
                fix=first.fix, location=Location(file=first.file, row=first.row, column=first.column),
                details={"errors": [e.__dict__ for e in self.errors]})


def read_collection_file(path: str | Path, sheet: str | int = 0,
                         categories: Sequence[str] | None = DEFAULT_CATEGORIES,
                         limits: ReadLimits = ReadLimits()) -> IntakeResult:
    """Read a collection file into submissions (source = "batch") and row-level errors; ``limits`` bound
    what an XLSX may cost to read (:mod:`gaodi.ingest.limits`)."""
    path = Path(path)
    raw = _read_table(path, sheet, limits)
    columns = _map_headers(raw.columns, path)
    result = IntakeResult(file=path.name)
    seen: dict[tuple[str, str], int] = {}
    for i, record in enumerate(raw.to_dict(orient="records")):
        row = i + 2
        values = {f: _text(record.get(col)) for f, col in columns.items()}
        if not any(values.values()):
            continue  # blank lines at the end of sheets are common and harmless
        found: list[tuple[str, str, str, str]] = []  # (field, message, message_en, fix)
        collected = None
        if values.get("collected_on"):
            try:
                collected = pd.Timestamp(values["collected_on"]).date()
            except (ValueError, TypeError):
                found.append(("collected_on", f"日期无法识别：{values['collected_on']!r}",
                              f"unreadable date {values['collected_on']!r}",
                              "写成 2026-02-10 这样的格式 (use YYYY-MM-DD)"))
        sub = ProblemSubmission(
            uscc=values["uscc"].upper(), title=values["title"], description=values["description"],
            category=values["category"], chain=values.get("chain") or None, park=values.get("park") or None,
            region_code=values.get("region_code") or None,
            enterprise_name=values.get("enterprise_name") or None, source="batch")
        found += [(i.field, i.message, i.message_en, i.fix) for i in validate_submission(sub, categories)]
        key = (sub.uscc, sub.title)
        if not found and key in seen:
            found.append(("title", f"与第 {seen[key]} 行重复（同一企业、同一标题）",
                          f"duplicate of row {seen[key]} (same enterprise and title)",
                          "删除重复行 (remove the duplicate row)"))
        errors = [RowError(path.name, row, columns.get(fld, fld), values.get(fld, ""), zh, en, fix)
                  for fld, zh, en, fix in found]
        if errors:
            result.errors.extend(errors)
        else:
            seen[key] = row
            result.submissions.append((row, sub, collected))
    return result


def submit_collection(desk: ProblemDesk, result: IntakeResult, *, actor: str,
                      at: dt.datetime | None = None) -> list[Problem]:
    """Submit the good rows of a collection file, as service staff, dated by their 收集日期 if any.

    A row with a collection date is recorded at 09:00 China Standard Time that day; other rows at
    ``at`` (default: now). Refuses a file with errors unless they were dealt with first.
    """
    result.raise_if_errors()
    problems = []
    for _row, sub, collected in result.submissions:
        when = dt.datetime.combine(collected, dt.time(9), CHINA_TZ) if collected else at
        problems.append(desk.submit(sub, actor=actor, role=Role.STAFF, at=when))
    return problems


def _read_table(path: Path, sheet: str | int, limits: ReadLimits) -> pd.DataFrame:
    if not path.exists():
        raise InputError(message="文件不存在", message_en="file not found", location=Location(file=str(path)),
                         fix="检查路径 (check the path)")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        check_xlsx_archive(path, limits)  # a zip bomb, or too many cells, is refused before pandas loads it
        check_xlsx_cells(path, sheet, limits)
        try:
            return pd.read_excel(path, sheet_name=sheet, dtype=str, engine="openpyxl")
        except (ValueError, KeyError) as exc:
            raise InputError(message=f"无法读取工作表 {sheet!r}：{exc}", message_en=f"cannot read sheet {sheet!r}",
                             location=Location(file=path.name, sheet=str(sheet)),
                             fix="检查工作表名称 (check the sheet name)") from exc
    if suffix == ".csv":
        return read_csv_text(path)
    raise InputError(message=f"不支持的文件类型 {suffix}", message_en=f"unsupported file type {suffix}",
                     location=Location(file=path.name), fix="使用 .csv 或 .xlsx (use .csv or .xlsx)")


def _map_headers(headers: Sequence[str], path: Path) -> dict[str, str]:
    """Map each field to the file's column header; raise when a required field has no column."""
    normal = {str(h).strip().replace(" ", "").lower(): str(h) for h in headers}
    columns = {}
    for fld, names in HEADERS.items():
        for name in names:
            if name.lower() in normal:
                columns[fld] = normal[name.lower()]
                break
    missing = [f for f in REQUIRED if f not in columns]
    if missing:
        wanted = "、".join(HEADERS[f][0] for f in missing)
        raise InputError(message=f"缺少必填列：{wanted}", message_en=f"missing required columns: {', '.join(missing)}",
                         location=Location(file=path.name, row=1),
                         fix=f"在表头加上 {wanted} 列 (add these header columns)",
                         details={"missing": missing, "found": [str(h) for h in headers]})
    return columns


def _text(value) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return str(value).strip()
