"""Industrial chains (链长制): the chain list, a chain's map, 本地配套率, leakage, gaps, 精准招商, projects.

A thin layer over :class:`gaodi.chains.ChainAnalysis` (see docs/chains.md for every formula). The
figures are published aggregates: a cell with fewer than 3 enterprises, or one that a total would
give back by subtraction, is ``null`` with ``suppressed`` set to ``primary`` or ``secondary``, never 0.
Rates and shares are fractions from 0 to 1 (unit ``fraction``), as in the core and ``gaodi chains --json``;
CSV and XLSX exports, read by people, show them in percent. Scope: a chain office sees its chains only (another chain is 403);
other users see every chain's province-wide figures, the breakdown by city only for the cities of
their scope, and chain masters and key projects only inside their scope.
"""

from __future__ import annotations

from typing import Any, Literal

import pandas as pd
from fastapi import APIRouter, Query

from gaodi.access.scope import Scope
from gaodi.api.deps import Audit, CacheDep, Format, GaodiDep, Paging, UserScope, choices
from gaodi.api.listing import rows_response, sort_rows
from gaodi.api.responses import (ChainDetailPublic, ChainGraphPublic, ChainPublic, ChainRatePublic,
                                 ListPublic)
from gaodi.api.schemas import ERRORS
from gaodi.chains import ChainAnalysis, Options
from gaodi.chains.service import SHARE_UNIT, SHARES
from gaodi.chains.suppression import ALL
from gaodi.serialize import to_jsonable
from gaodi.directory.paging import records
from gaodi.errors import ForbiddenError
from gaodi.terms import TERMS

router = APIRouter(prefix="/chains", tags=["产业链 chains"], responses=ERRORS)

PeriodQ = Query(None, description="2025、2025-03 或 2025-01:2025-06；默认有发票数据的最近一年 (period)")
SortQ = Query(None, description="排序列，前加 - 为降序 (column, -column)")
MIN_COUNT = Options().min_count
BY_DIMENSIONS = {"segment": "环节", "city": "市州", "month": "月份"}
STAGES = {stage: zh for stage, (zh, _) in TERMS["stage"].items()}  # the English view names them by gaodi.terms


def _columns(*specs: tuple[str, str, str, str]) -> list[dict[str, str]]:
    return [{"key": k, "label": zh, "label_en": en, "unit": SHARE_UNIT if k in SHARES else u}
            for k, zh, en, u in specs]


SEGMENT = (("segment_id", "环节代码", "segment", ""), ("segment_name", "环节", "segment name", ""),
           ("stage_label", "上中下游", "stage", ""))
CITY = (("buyer_city", "市州代码", "city code", ""), ("city_name", "市州", "city", ""))
SUPPRESSED = ("suppressed", "不公布", "suppressed", "")
VALUE = (("purchases", "采购额", "purchases", "万元"), ("local_amount", "本省采购额", "local purchases", "万元"),
         ("leakage", "省外采购（外流）", "leakage", "万元"), ("province_rate", "本省配套率", "province rate", "%"),
         ("city_rate", "本市配套率", "city rate", "%"))
COUNT = (("suppliers", "供应商数", "suppliers", "家"), ("local_suppliers", "本省供应商数", "local suppliers", "家"),
         ("supplier_rate", "本省供应商占比", "local supplier share", "%"))
BUYERS = ("buyers", "采购企业数", "buying enterprises", "家")
CHAIN_COLUMNS = _columns(("chain_id", "产业链代码", "chain", ""), ("name", "产业链", "chain name", ""),
                         ("leader", "链长", "chain leader", ""), ("segments", "环节数", "segments", "个"),
                         ("enterprises", "链上企业数", "enterprises placed", "家"), *VALUE, BUYERS, SUPPRESSED)
LEAK_SEGMENT = _columns(*SEGMENT, ("purchases", "采购额", "purchases", "万元"), ("leakage", "外流", "leakage", "万元"),
                        ("province_rate", "本省配套率", "province rate", "%"), BUYERS,
                        ("suppliers", "供应商数", "suppliers", "家"), SUPPRESSED)
LEAK_REGION = _columns(("supplier_province", "供应商所在省代码", "supplier province", ""),
                       ("province_name", "供应商所在省", "province", ""), ("leakage", "外流", "leakage", "万元"),
                       ("share", "占外流比重", "share of leakage", "%"), ("sellers", "省外供应商数", "sellers", "家"),
                       BUYERS, SUPPRESSED)
GAP_COLUMNS = _columns(*SEGMENT, ("gap_label", "诊断", "diagnosis", ""), *VALUE[:4], BUYERS,
                       ("suppliers", "供应商数", "suppliers", "家"), ("local_suppliers", "本省供应商数", "local suppliers", "家"),
                       ("local_enterprises", "本省链上企业数", "local enterprises placed", "家"),
                       ("hhi", "供应集中度 HHI", "HHI", "0–1"), ("top2_share", "前两家本省供应商份额", "top-2 local share", "%"),
                       ("single_source_buyers", "单一来源采购企业数", "single-source buyers", "家"),
                       ("single_source_outside", "其中来源在省外", "of which from outside", "家"), SUPPRESSED)
TARGET_COLUMNS = _columns(("rank", "排序", "rank", ""), *SEGMENT, ("gap_label", "诊断", "diagnosis", ""),
                          ("leakage", "外流", "leakage", "万元"), ("province_rate", "本省配套率", "province rate", "%"),
                          BUYERS, ("local_suppliers", "本省供应商数", "local suppliers", "家"),
                          ("local_enterprises", "本省链上企业数", "local enterprises placed", "家"),
                          ("reasons", "理由", "reasons", ""), SUPPRESSED)
SUPPLIER_COLUMNS = _columns(("rank", "排序", "rank", ""), ("seller_uscc", "统一社会信用代码", "USCC", ""),
                            ("seller_region", "所在地区代码", "region", ""), ("region_name", "所在地区", "place", ""),
                            ("chain_buyers", "本链采购企业数", "chain buyers", "家"))
PROJECT_COLUMNS = _columns(
    ("project_id", "项目编号", "project", ""), ("name", "项目名称", "name", ""), *SEGMENT[:2],
    ("stage_label", "阶段", "stage", ""), ("region_code", "地区代码", "region", ""), ("park_id", "园区", "park", ""),
    ("investment", "总投资", "investment", "万元"), ("expected_output", "预计年产值", "expected output", "万元"),
    ("signed_date", "签约日期", "signed", ""), ("start_date", "开工日期", "started", ""),
    ("production_date", "投产日期", "in production", ""), ("output_in_period", "本期产值", "output in period", "万元"),
    ("replaced", "可替代外流", "leakage replaced", "万元"), ("segment_rate", "环节配套率", "segment rate", "%"),
    ("segment_rate_after", "项目后环节配套率", "segment rate after", "%"), ("chain_rate", "全链配套率", "chain rate", "%"),
    ("chain_rate_after", "项目后全链配套率", "chain rate after", "%"), SUPPRESSED)


# --- helpers: the analysis, the period, the caller's chains ---------------------------------
def _analysis(g) -> ChainAnalysis:
    return g.chains.analysis()


def _years(g, cache) -> list[str]:
    return cache.get(("chain-years",), g.chains.periods)


def _period(g, cache, period: str | None) -> str | None:
    if period:
        return period
    years = _years(g, cache)
    return years[0] if years else None


def _visible(chain_id: str, scope: Scope) -> bool:
    return scope.kind != "chain" or chain_id in scope.values


def _chain(g, cache, scope: Scope, chain_id: str) -> dict:
    """The chain's row; NotFoundError when unknown, ForbiddenError outside a chain office's chains."""
    found = cache.get(("chain", chain_id), lambda: to_jsonable(_analysis(g).chain(chain_id).to_dict()))
    if not _visible(chain_id, scope):
        raise ForbiddenError(f"产业链 {chain_id} 不在您的数据范围（{scope.describe()}）内",
                             f"chain {chain_id} is outside your scope ({scope.kind})",
                             fix="如需查看，请联系上级部门授权", details={"scope": scope.as_dict()})
    return found


def _need(g, period: str | None) -> str:
    return g.chains.require_period(period)


# --- helpers: presentation ------------------------------------------------------------------
def _rows(frame: pd.DataFrame) -> list[dict]:
    """Records with stage labels; shares stay fractions; suppressed figures stay None."""
    out = frame.copy()
    hidden = out["suppressed"].notna() if "suppressed" in out else pd.Series(False, index=out.index)
    for c in SHARES:
        if c in out:
            out[c] = [None if h or v is None or pd.isna(v) else float(v) for v, h in zip(out[c], hidden)]
    if "stage" in out and "stage_label" not in out:
        out["stage_label"] = out["stage"].map(STAGES)
    for c in out.select_dtypes("datetime").columns:
        out[c] = out[c].dt.strftime("%Y-%m-%d")
    if "suppressed" in out:
        out["suppressed"] = out["suppressed"].where(hidden, None)
    return to_jsonable(records(out))


def _place_names(g, codes) -> dict[str, str]:
    return g.chains.place_names(codes)


def _listed(rows: list[dict], paging, fmt: str, columns: list[dict], filename: str, sort: str | None):
    rows = sort_rows(rows, sort)
    if fmt != "json":  # a file read by people: notes in words, shares in percent
        notes = {"primary": f"不公布（少于{MIN_COUNT}家）", "secondary": "不公布（防减推）", ALL: "合计"}
        rows = [{k: notes.get(v, v) if isinstance(v, str) else _percent(k, v) for k, v in r.items()} for r in rows]
        columns = [{**c, "unit": "%"} if c["key"] in SHARES else c for c in columns]
    return rows_response(rows, paging, fmt, columns, filename)


def _percent(key: str, value):
    return round(value * 100, 10) if key in SHARES and isinstance(value, float) else value


def _respond(cache, key: tuple, rows, paging, fmt, columns, filename, sort, extra: dict | None = None):
    """A page (cached as encoded JSON per data version) or the whole list as a file."""
    if fmt != "json":
        return _listed(rows(), paging, fmt, columns, filename, sort)
    return cache.response((*key, paging, sort), lambda: {
        **_listed(rows(), paging, "json", columns, "", sort), **(extra or {})})


# --- routes ---------------------------------------------------------------------------------
@router.get("", response_model=ListPublic[ChainPublic],
            summary="产业链列表及全链本地配套率 (chains with their local supporting rate)")
def chains(g: GaodiDep, scope: UserScope, cache: CacheDep, paging: Paging, period: str | None = PeriodQ,
           sort: str | None = SortQ, fmt: Format = "json"):
    p = _period(g, cache, period)

    def compute() -> list[dict]:
        return _rows(g.chains.overview(p))

    def rows() -> list[dict]:
        return [r for r in cache.get(("chains", p), compute) if _visible(r["chain_id"], scope)]
    return _respond(cache, ("chains", scope, p), rows, paging, fmt, CHAIN_COLUMNS, f"产业链-{p}", sort,
                    {"period": p, "periods": _years(g, cache), "min_count": MIN_COUNT})


@router.get("/{chain_id}", response_model=ChainDetailPublic,
            summary="一条产业链：链长、链主、环节 (one chain)")
def chain(chain_id: str, g: GaodiDep, scope: UserScope, cache: CacheDep, audit: Audit,
          period: str | None = PeriodQ) -> dict:
    info = _chain(g, cache, scope, chain_id)
    p = _period(g, cache, period)

    def compute() -> dict:
        found = g.chains.detail(chain_id, p)
        together = found["masters_together"]
        return {"segments": _rows(found["segments"]), "masters": _rows(found["masters"]),
                "masters_together": [] if together is None else _rows(together)}
    found = cache.get(("chain-detail", chain_id, p), compute)
    masters = found["masters"]
    if scope.kind != "province":
        inside = g.directory.enterprise_ids(scope)
        masters = [m for m in masters if m["uscc"] in inside]
    audit("read_chain", f"chain:{chain_id}", f"period={p}")
    return {"chain": info, "period": p, "periods": _years(g, cache), "segments": found["segments"],
            "masters": masters, "masters_total": len(found["masters"]),
            "masters_together": (found["masters_together"] or [None])[0], "min_count": MIN_COUNT}


@router.get("/{chain_id}/rates", response_model=ListPublic[ChainRatePublic],
            summary="本地配套率：按环节、市州、月份 (local supporting rate)")
def rates(chain_id: str, g: GaodiDep, scope: UserScope, cache: CacheDep, paging: Paging,
          by: str = Query("segment", description="segment（环节）、city（市州）、month（月份），可用逗号组合"),
          purchase_scope: Literal["chain_inputs", "all_purchases"] = Query(
              "chain_inputs", alias="scope", description="chain_inputs（链内配套口径）| all_purchases（全部采购口径）"),
          weight: Literal["value", "count"] = Query("value", description="value（按金额）| count（按供应商家数）"),
          period: str | None = PeriodQ, sort: str | None = SortQ, fmt: Format = "json"):
    _chain(g, cache, scope, chain_id)
    p = _need(g, _period(g, cache, period))
    dims = choices(by, "by", BY_DIMENSIONS, ("segment",))

    def compute() -> list[dict]:
        table = _analysis(g).rates(p, by=dims, scope=purchase_scope, chain_id=chain_id)
        if "buyer_city" in table:
            names = _place_names(g, table.buyer_city)
            table.insert(table.columns.get_loc("buyer_city") + 1, "city_name", table.buyer_city.map(names))
        return _rows(table)

    def rows() -> list[dict]:
        listed = cache.get(("chain-rates", chain_id, p, dims, purchase_scope), compute)
        if "city" in dims and scope.kind not in ("province", "chain"):
            cities = set(g.directory.city_codes(scope)) | {ALL}
            listed = [r for r in listed if r["buyer_city"] in cities]
        return listed
    keys = {"segment": SEGMENT, "city": CITY, "month": (("month", "月份", "month", ""),)}
    columns = _columns(*(c for d in dims if d in keys for c in keys[d]),
                       *(VALUE if weight == "value" else COUNT), BUYERS, SUPPRESSED)
    return _respond(cache, ("chain-rates", scope, chain_id, p, dims, purchase_scope, weight), rows, paging, fmt,
                    columns, f"本地配套率-{chain_id}-{p}", sort,
                    {"period": p, "by": list(dims), "scope": purchase_scope, "weight": weight,
                     "rate_key": "province_rate" if weight == "value" else "supplier_rate"})


def _analysed(g, cache, scope: Scope, chain_id: str, period: str | None, listing: tuple, key: tuple, compute,
              columns: list[dict], filename: str, extra: dict | None = None):
    """A table the analysis computes for one chain and period, cached, as a page or a file."""
    _chain(g, cache, scope, chain_id)
    p = _need(g, _period(g, cache, period))
    paging, fmt, sort = listing

    def rows() -> list[dict]:
        return cache.get((*key, chain_id, p), lambda: _rows(compute(_analysis(g), p)))
    return _respond(cache, (*key, chain_id, p), rows, paging, fmt, columns, f"{filename}-{chain_id}-{p}", sort,
                    {"period": p, **(extra or {})})


@router.get("/{chain_id}/leakage", response_model=ListPublic[ChainRatePublic],
            summary="采购外流：按环节或供应商所在省 (purchase leakage)")
def leakage(chain_id: str, g: GaodiDep, scope: UserScope, cache: CacheDep, paging: Paging,
            by: Literal["segment", "region"] = Query("segment", description="segment（环节）| region（供应商所在省）"),
            period: str | None = PeriodQ, sort: str | None = SortQ, fmt: Format = "json"):
    return _analysed(g, cache, scope, chain_id, period, (paging, fmt, sort), ("chain-leakage", by),
                     lambda a, p: a.leakage(p, chain_id, by), LEAK_SEGMENT if by == "segment" else LEAK_REGION,
                     "采购外流", {"by": by})


@router.get("/{chain_id}/gaps", response_model=ListPublic[ChainRatePublic],
            summary="缺链、弱链、集中度与单一来源 (missing and weak links)")
def gaps(chain_id: str, g: GaodiDep, scope: UserScope, cache: CacheDep, paging: Paging,
         period: str | None = PeriodQ, sort: str | None = SortQ, fmt: Format = "json"):
    return _analysed(g, cache, scope, chain_id, period, (paging, fmt, sort), ("chain-gaps",),
                     lambda a, p: a.gaps(p, chain_id), GAP_COLUMNS, "断链弱链")


@router.get("/{chain_id}/targets", response_model=ListPublic[ChainRatePublic],
            summary="精准招商：应招引的环节及理由 (investment targets)")
def targets(chain_id: str, g: GaodiDep, scope: UserScope, cache: CacheDep, paging: Paging,
            period: str | None = PeriodQ, sort: str | None = SortQ, fmt: Format = "json"):
    return _analysed(g, cache, scope, chain_id, period, (paging, fmt, sort), ("chain-targets",),
                     lambda a, p: a.targets(p, chain_id), TARGET_COLUMNS, "招商目标")


@router.get("/{chain_id}/targets/{segment_id}/suppliers", response_model=ListPublic[dict[str, Any]],
            summary="已向本链供货的省外企业（招商对象）(outside suppliers of a segment)")
def suppliers(chain_id: str, segment_id: str, g: GaodiDep, scope: UserScope, cache: CacheDep, paging: Paging,
              audit: Audit, top: int = Query(20, ge=1, le=500, description="列出前几名 (how many)"),
              period: str | None = PeriodQ, sort: str | None = SortQ, fmt: Format = "json"):
    def compute(a: ChainAnalysis, p: str) -> pd.DataFrame:
        table = a.suppliers(p, chain_id, segment_id, top)
        return table.assign(region_name=table.seller_region.map(_place_names(g, table.seller_region)))
    found = _analysed(g, cache, scope, chain_id, period, (paging, fmt, sort), ("chain-suppliers", segment_id, top),
                      compute, SUPPLIER_COLUMNS, f"省外供应商-{segment_id}", {"segment_id": segment_id})
    audit("list_chain_suppliers", f"chain:{chain_id}", f"segment={segment_id} top={top}")
    return found


@router.get("/{chain_id}/projects", response_model=ListPublic[ChainRatePublic],
            summary="重点项目及达产后的本地配套率 (key projects and the what-if rate)")
def projects(chain_id: str, g: GaodiDep, scope: UserScope, cache: CacheDep, paging: Paging,
             stage: Literal["signed", "started", "production"] | None = Query(
                 None, description="signed 签约 | started 开工 | production 投产"),
             period: str | None = PeriodQ, sort: str | None = SortQ, fmt: Format = "json"):
    _chain(g, cache, scope, chain_id)
    p = _period(g, cache, period)

    def compute() -> list[dict]:
        a = _analysis(g)
        listed = a.projects(chain_id, stage)
        if p is not None:
            effects = a.project_effects(p, chain_id, stage)
            listed = listed.merge(effects.drop(columns=["chain_id", "segment_id"]), on="project_id", how="left")
            together = effects[effects.project_id == ALL].assign(name="全部项目合计 all projects")
            listed = pd.concat([listed, together], ignore_index=True)
        return _rows(listed)

    def rows() -> list[dict]:
        listed = cache.get(("chain-projects", chain_id, stage, p), compute)
        if scope.kind in ("province", "chain"):
            return listed
        inside = _projects_inside(g, scope)
        return [r for r in listed if r["project_id"] != ALL and inside(r)]
    return _respond(cache, ("chain-projects", scope, chain_id, stage, p), rows, paging, fmt, PROJECT_COLUMNS,
                    f"重点项目-{chain_id}", sort, {"period": p})


def _projects_inside(g, scope: Scope):
    """Whether a project is in a city, park or enterprise scope: by its place, its park or its unit."""
    if scope.kind == "park":
        return lambda project: project["park_id"] in scope.values
    if scope.kind == "enterprise":
        return lambda project: project["uscc"] in scope.values
    places = g.directory.places_in(scope.values)
    return lambda project: project["region_code"] in places


@router.get("/{chain_id}/graph", response_model=ChainGraphPublic,
            summary="链图：环节为节点（本地配套率），环节间采购为边 (the chain map)")
def graph(chain_id: str, g: GaodiDep, scope: UserScope, cache: CacheDep, period: str | None = PeriodQ):
    _chain(g, cache, scope, chain_id)
    p = _need(g, _period(g, cache, period))

    def compute() -> dict:
        found = _analysis(g).graph(p, chain_id)
        return {**found, "nodes": _rows(pd.DataFrame(found["nodes"])), "period": p, "min_count": MIN_COUNT}
    return cache.response(("chain-graph", chain_id, p), compute)
