"""The reports kept in a workspace: generate one into ``<home>/reports/web/<id>/`` with a record beside it,
list them, find one, and say whose scope may see it.

A generated report is the file written by :func:`gaodi.reports.build.write_report` and ``record.json``
(kind, title, period, area, format, options, who asked and when). Files written by the CLI or the demo
straight into ``<home>/reports/`` under their default names are listed too, with the area their name
holds: ``monitor-2026-10.docx`` is the province's, ``monitor-430100-2026-10.docx`` 长沙市's.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable

from gaodi.access.filters import scoped_city_codes, scoped_parks
from gaodi.access.scope import Scope
from gaodi.errors import InputError, NotFoundError
from gaodi.reports.build import FORMATS, build_report, check_format, default_name, write_report

# kind -> (Chinese name, English name, whether it takes a park as its area)
KINDS = {"monitor": ("先进制造业统计监测分析报告", "monitoring report", True),
         "midterm": ("规划实施中期评估报告", "mid-term evaluation", True),
         "final": ("规划实施总结评估报告", "final evaluation", True),
         "regional": ("先进制造业区域布局分析报告", "regional layout report", False)}
RECORD = "record.json"
_ROOT_FILE = re.compile(rf"^({'|'.join(KINDS)})-(?:(.+?)-)?(\d{{4}}(?:-\d{{1,2}})?)\.({'|'.join(FORMATS)})$")
_ID = re.compile(r"^[0-9a-f]{16}$")


@dataclass
class StoredReport:
    id: str
    kind: str
    title: str
    period: str
    area: str | None  # None: the province; a city code or a park id
    area_name: str
    format: str
    file: str
    size: int
    created_at: str
    created_by: str = ""
    options: dict[str, Any] = field(default_factory=dict)
    path: Path | None = None

    def public(self) -> dict[str, Any]:
        out = {k: v for k, v in asdict(self).items() if k != "path"}
        out["kind_label"], out["kind_label_en"], _ = KINDS[self.kind]
        return out


def kinds() -> list[dict[str, Any]]:
    return [{"kind": k, "label": zh, "label_en": en, "park_area": park} for k, (zh, en, park) in KINDS.items()]


def generate(g, kind: str, fmt: str, *, user: str, period: str | None = None, area: str | None = None,
             plan_id: str | None = None, options: dict[str, Any] | None = None) -> StoredReport:
    """Build report ``kind`` for ``area`` (None: the province) and keep it in the workspace."""
    if kind not in KINDS:
        raise InputError(f"报告类型“{kind}”不存在", f"unknown report kind {kind}", fix="可选：" + "、".join(KINDS))
    fmt = check_format(fmt)
    report = build_report(g, kind, period, plan_id, area, options=options if kind == "regional" else None)
    rid = uuid.uuid4().hex[:16]
    folder = g.settings.reports_dir / "web" / rid
    path = write_report(report, fmt, folder / default_name(report, fmt, area))
    _within_cap(path, g.settings.report_max_mb)
    stored = StoredReport(rid, kind, report.title + report.subtitle, report.period, area,
                          g.area(area).name or area or "", fmt, path.name, path.stat().st_size,
                          dt.datetime.now().isoformat(timespec="seconds"), user, dict(options or {}), path)
    (folder / RECORD).write_text(json.dumps(stored.public(), ensure_ascii=False, indent=1), encoding="utf-8")
    return stored


def _within_cap(path: Path, max_mb: int) -> None:
    """Remove a generated report larger than ``max_mb`` and say so (setting ``report_max_mb``)."""
    size = path.stat().st_size
    if size > max_mb << 20:
        shutil.rmtree(path.parent, ignore_errors=True)
        raise InputError(f"生成的报告有 {size / (1 << 20):,.0f} MB，超过 {max_mb} MB 的上限，已删除",
                         f"the report came to {size / (1 << 20):,.0f} MB, over the {max_mb} MB cap; it was removed",
                         fix="缩小地区或统计期后重试；管理员可调整设置 GAODI_REPORT_MAX_MB",
                         details={"bytes": size, "limit_mb": max_mb, "setting": "GAODI_REPORT_MAX_MB"})


def stored_reports(reports_dir: Path, area_name: Callable[[str], str] = str) -> list[StoredReport]:
    """Every kept report, newest first: generated ones (with their record) and default-named CLI files,
    whose area is read from the name and shown as ``area_name(code)``."""
    found = []
    for record in (reports_dir / "web").glob(f"*/{RECORD}"):
        data = json.loads(record.read_text(encoding="utf-8"))
        path = record.parent / data["file"]
        if path.is_file():
            data = {k: v for k, v in data.items() if k in StoredReport.__dataclass_fields__}
            found.append(StoredReport(**data, path=path))
    for path in reports_dir.glob("*.*"):
        m = _ROOT_FILE.match(path.name)
        if m and path.is_file():
            stat = path.stat()
            kind, area, period, fmt = m.groups()
            found.append(StoredReport(path.name, kind, KINDS[kind][0], period, area,
                                      area_name(area) if area else "全省", fmt, path.name, stat.st_size,
                                      dt.datetime.fromtimestamp(stat.st_mtime).isoformat(timespec="seconds"),
                                      path=path))
    return sorted(found, key=lambda r: (r.created_at, r.id), reverse=True)


def area_namer(g) -> Callable[[str], str]:
    """The name of a city or park for the list (长沙市); the code itself when the workspace does not know it."""
    def name(code: str) -> str:
        try:
            return g.area(code).name or code
        except NotFoundError:
            return code
    return name


def find_report(reports_dir: Path, report_id: str) -> StoredReport:
    """The kept report ``report_id``; NotFoundError for an unknown id (ids never become paths)."""
    if _ID.match(report_id) or _ROOT_FILE.match(report_id):
        for r in stored_reports(reports_dir):
            if r.id == report_id:
                return r
    raise NotFoundError(f"没有编号为 {report_id} 的报告", f"no report {report_id}", fix="在报告列表中选择")


def visible(store, scope: Scope, report: StoredReport) -> bool:
    """Whether ``scope`` may read ``report``: province scopes all; chain scopes the province's reports;
    a city its own and its parks'; a park its own and its city's regional report; enterprises none."""
    if scope.kind == "province":
        return True
    if scope.kind in ("chain", "enterprise"):
        return scope.kind == "chain" and report.area is None
    if report.area is None:
        return False
    if scope.kind == "city":
        if report.area in scope.values:
            return True
        parks = scoped_parks(store, scope)
        return bool(store.execute(parks.filter(parks.park_id == report.area).count()))
    return report.area in scope.values or (report.kind == "regional"
                                           and report.area in scoped_city_codes(store, scope))

