"""The problems of the caller's scope, filtered and paged or exported, and their statistics by group."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from fastapi import APIRouter, Query

from gaodi.api.deps import Audit, CacheDep, Format, GaodiDep, Paging, UserScope
from gaodi.api.listing import EXPORTS, rows_response, sort_rows
from gaodi.api.problem_responses import DepartmentList
from gaodi.api.responses import ProblemList, ProblemStatsList
from gaodi.api.routers.problems.lookup import scoped
from gaodi.api.routers.problems.rows import AS_OF, BY, LIST_COLUMNS, STATS_COLUMNS, deadline_of, problem_row, china_today
from gaodi.errors import InputError
from gaodi.problems.states import STATE_LABELS, State
from gaodi.serialize import to_jsonable

router = APIRouter(prefix="/problems")


@router.get("", response_model=ProblemList, responses=EXPORTS, summary="本范围内的企业诉求：按状态、超期、类别筛选 (problems)")
def problems(g: GaodiDep, scope: UserScope, cache: CacheDep, paging: Paging, audit: Audit, fmt: Format = "json",
             state: str | None = Query(None, description="状态：" + "、".join(s.value for s in State)),
             overdue: bool | None = Query(None, description="只看已超期（true）或未超期（false）"),
             category: str | None = Query(None, description="问题类别"),
             q: str | None = Query(None, description="标题或企业名称中的文字"),
             as_of: dt.date | None = AS_OF,
             sort: str | None = Query(None, description="排序列，前加 - 为降序；默认最新的在前")):
    if state is not None and state not in State._value2member_map_:
        raise InputError(f"未知的状态 {state!r}", f"unknown state {state!r}",
                         fix="可选：" + "、".join(s.value for s in State))
    today = as_of or china_today()
    asked = {"state": state, "overdue": overdue, "category": category, "q": q}
    audit("list_problems" if fmt == "json" else "export_problems", "problems",
          f"{ {k: v for k, v in asked.items() if v is not None} }")
    cal = g.problems.calendar
    rows = [problem_row(p, today, cal) for p in scoped(g, cache, scope)
            if (state is None or p.state == state) and (category is None or p.category == category)
            and (not q or q in p.title or q in (p.enterprise_name or ""))]
    rows = [r for r in rows if overdue is None or r["overdue"] == overdue]
    listed = rows_response(to_jsonable(sort_rows(rows, sort)), paging, fmt, LIST_COLUMNS, f"企业诉求-{today}")
    if fmt != "json":
        return listed
    return {**listed, "as_of": today, "overdue": sum(r["overdue"] for r in rows)}


@router.get("/stats", response_model=ProblemStatsList, responses=EXPORTS, summary="诉求统计：按状态，及按类别、市、园区、产业链、部门的数量、超期、按期率、办结用时、满意度")
def stats(g: GaodiDep, scope: UserScope, cache: CacheDep, paging: Paging, fmt: Format = "json",
          by: str = Query("category", description="分组：" + "、".join(BY)),
          as_of: dt.date | None = AS_OF):
    if by not in BY:
        raise InputError(f"不能按「{by}」分组", f"cannot group by {by!r}", fix="可选：" + "、".join(BY))
    today = as_of or china_today()
    found = scoped(g, cache, scope)
    names = cache.get(("region-names",), lambda: _region_names(g))
    table = g.problems.stats(by, today, problems=found)
    rows = [{"group": r.pop(by), **r} for r in to_jsonable(table)]
    for r in rows:
        r["name"] = names.get(r["group"], r["group"]) if by in ("city", "region_code") else r["group"]
    listed = rows_response(rows, paging, fmt, STATS_COLUMNS, f"企业诉求统计-按{BY[by]}-{today}")
    if fmt != "json":
        return listed
    counts = Counter(str(p.state) for p in found)
    cal = g.problems.calendar
    overdue = sum(bool((s := deadline_of(cal, p, today)) and s.status == "overdue") for p in found)
    # ``total`` stays the page's count of rows (groups), so a table pages by areas, not by problems.
    return {**listed, "by": by, "as_of": today, "problems": len(found), "overdue": overdue,
            "by_state": [{"state": str(s), "label": STATE_LABELS[s], "count": counts.get(str(s), 0)} for s in State]}


def _region_names(g) -> dict[str, str]:
    """Region code → name, to label the groups of problems by city or county."""
    return g.region_names()


@router.get("/departments", response_model=DepartmentList,
            summary="承办部门目录：省直、市州部门及库中已使用的部门 (departments to assign to)")
def departments(g: GaodiDep, _: UserScope) -> dict:
    return {"items": g.problems.departments()}
