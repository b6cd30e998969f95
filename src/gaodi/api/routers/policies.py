"""The policy calculator (政策计算器): policies with their reach in the caller's scope, a policy's
enterprises, and an enterprise's own view (what it qualifies for and what it still lacks).

Every answer comes from ``Gaodi.policies``: the rule set loaded last (``gaodi policy load``) and the
one enterprise attribute table of :mod:`gaodi.policies.store_attributes`, so the web UI, the REST API
and ``gaodi policy match`` give the same verdicts."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Query
from fastapi.responses import Response

from gaodi.access.scope import Scope
from gaodi.api.deps import Audit, CacheDep, DataYear, Format, GaodiDep, Paging, UserScope
from gaodi.api.listing import EXPORTS, rows_response
from gaodi.api.responses import (EnterprisePoliciesPublic, ListPublic, PolicyEnterprisePublic,
                                 PolicyReachPublic)
from gaodi.api.schemas import ERRORS
from gaodi.serialize import to_jsonable
from gaodi.directory.paging import records
from gaodi.policies.explain import enterprise_policies, explain, policy_enterprises
from gaodi.policies.match import MatchResult

router = APIRouter(prefix="/policies", tags=["政策计算器 policies"], responses=ERRORS)

AsOf = Query(None, description="判断日期，默认今天 (date the policies are judged on; default today)")
SUMMARY_COLUMNS = [{"key": k, "label": zh, "label_en": en, "unit": u} for k, zh, en, u in (
    ("policy_id", "政策编号", "policy", ""), ("name", "政策名称", "name", ""),
    ("document_number", "文号", "document", ""), ("article", "条款", "article", ""), ("level", "层级", "level", ""),
    ("mode", "兑现方式", "mode", ""), ("qualifies", "符合企业数", "qualifying", "家"),
    ("near_miss", "接近符合企业数", "near misses", "家"), ("total_outlay_wan", "预计兑现金额", "outlay", "万元"))]
FIRM_COLUMNS = [{"key": k, "label": zh, "label_en": en, "unit": u} for k, zh, en, u in (
    ("uscc", "统一社会信用代码", "USCC", ""), ("name", "企业名称", "enterprise", ""),
    ("region_code", "地区代码", "region", ""), ("verdict", "判断", "verdict", ""),
    ("amount_wan", "预计金额", "amount", "万元"), ("conditions_to_meet", "尚缺条件数", "conditions to meet", "个"),
    ("lacking", "尚缺条件", "lacking", ""), ("action", "下一步", "action", ""))]


def _match(g, cache, scope: Scope, year: int, as_of: dt.date) -> MatchResult:
    return cache.get(("policies", scope, year, as_of), lambda: g.policies.match(as_of, year, scope=scope))


@router.get("", response_model=ListPublic[PolicyReachPublic], responses=EXPORTS,
            summary="政策及其在本范围内的符合企业数 (policies and their reach)")
def policies(g: GaodiDep, scope: UserScope, cache: CacheDep, paging: Paging, year: DataYear,
             as_of: dt.date | None = AsOf, fmt: Format = "json"):
    day = as_of or dt.date.today()

    def page(target: str) -> dict | Response:
        result = _match(g, cache, scope, year, day)
        rows = records(result.summary()) if result.outcomes else []
        listed = rows_response(rows, paging, target, SUMMARY_COLUMNS, f"政策-{year}")
        if target != "json":
            return listed
        return {**listed, "year": year, "as_of": result.as_of.isoformat(), "rule_set": result.policy_set.name,
                "version": result.policy_set.version}
    if fmt != "json":
        return page(fmt)
    return cache.response(("policies-page", scope, year, day, paging), lambda: page("json"))


@router.get("/{policy_id}/enterprises", response_model=ListPublic[PolicyEnterprisePublic], responses=EXPORTS,
            summary="一项政策的符合与接近符合企业 (a policy's enterprises)")
def policy_firms(policy_id: str, g: GaodiDep, scope: UserScope, cache: CacheDep, paging: Paging, audit: Audit,
                 year: DataYear, as_of: dt.date | None = AsOf, fmt: Format = "json"):
    day = as_of or dt.date.today()
    def rows() -> list[dict]:
        return cache.get(("policy_enterprises", scope, year, day, policy_id),
                         lambda: records(policy_enterprises(_match(g, cache, scope, year, day), policy_id)))
    audit("list_policy_enterprises", f"policy:{policy_id}", f"year={year}")
    if fmt != "json":
        return rows_response(rows(), paging, fmt, FIRM_COLUMNS, f"政策企业-{policy_id}")
    return cache.response(("policy_enterprises", scope, year, day, policy_id, paging),
                          lambda: rows_response(rows(), paging, fmt, FIRM_COLUMNS, ""))


@router.get("/enterprise/{uscc}", response_model=EnterprisePoliciesPublic,
            summary="企业的政策：符合、接近符合及所缺条件（企业自助）(an enterprise's policies)")
def firm_policies(uscc: str, g: GaodiDep, scope: UserScope, audit: Audit, year: DataYear,
                  as_of: dt.date | None = AsOf) -> dict:
    g.directory.check_enterprise(scope, uscc)
    result = g.policies.match(as_of or dt.date.today(), year, uscc=uscc)
    table = result.table
    listed = records(enterprise_policies(result, uscc, include_not_eligible=True))
    for item in listed:
        item["checks"] = to_jsonable(explain(result, uscc, item["policy_id"]))
    audit("read_enterprise_policies", f"enterprise:{uscc}", f"year={year}")
    return to_jsonable({"uscc": uscc, "year": year, "as_of": result.as_of, "policies": listed,
                        "profile": records(table.frame)[0] if table.n else None})
