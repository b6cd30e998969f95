"""Enterprises with their figures of one year, and one enterprise's page (its confidential data)."""

from __future__ import annotations

from typing import Any

import ibis
import ibis.expr.types as ir

from gaodi.access.filters import city_of_regions, ensure_enterprise, scoped_enterprises
from gaodi.access.scope import Scope
from gaodi.directory.paging import records, sorted_by
from gaodi.store import Store

ENTERPRISE_COLUMNS = [
    {"key": "uscc", "label": "统一社会信用代码", "label_en": "USCC", "unit": ""},
    {"key": "name", "label": "企业名称", "label_en": "enterprise", "unit": ""},
    {"key": "city_name", "label": "所在市", "label_en": "city", "unit": ""},
    {"key": "county_name", "label": "所在县区", "label_en": "county", "unit": ""},
    {"key": "park_name", "label": "所在园区", "label_en": "park", "unit": ""},
    {"key": "industry_code", "label": "行业代码", "label_en": "industry code", "unit": ""},
    {"key": "industry_name", "label": "行业名称", "label_en": "industry", "unit": ""},
    {"key": "above_scale", "label": "规上", "label_en": "above scale", "unit": ""},
    {"key": "revenue", "label": "营业收入", "label_en": "revenue", "unit": "万元"},
    {"key": "value_added", "label": "工业增加值", "label_en": "value added", "unit": "万元"},
    {"key": "profit", "label": "利润总额", "label_en": "profit", "unit": "万元"},
    {"key": "employees", "label": "从业人员", "label_en": "employees", "unit": "人"},
]
STATISTICS_COLUMNS = ("period", "above_scale", "revenue", "value_added", "gross_output", "profit", "tax",
                      "rd_expense", "employees", "energy_tce", "land_mu", "investment", "digital_design_tools")


def enterprise_list(store: Store, scope: Scope, year: int, *, q: str | None = None, city: str | None = None,
                    county: str | None = None, park_id: str | None = None, industry: str | None = None,
                    above_scale: bool | None = None, title: str | None = None,
                    sort: str = "uscc") -> ir.Table:
    """Enterprises in scope with their figures of ``year``; ``industry`` matches a code prefix."""
    en = scoped_enterprises(store, scope)
    if q:
        en = en.filter(en.name.contains(q) | en.uscc.startswith(q.upper()))
    if park_id:
        en = en.filter(en.park_id == park_id)
    if county:
        en = en.filter(en.region_code == county)
    if industry:
        en = en.filter(en.industry_code.startswith(industry))
    if title:
        ti = store.table("enterprise_titles")
        held = ti.filter((ti.title == title) & (ti.year_granted <= year)
                         & (ti.year_expiring.isnull() | (ti.year_expiring >= year))).select(_t_uscc="uscc")
        en = en.semi_join(held, en.uscc == held._t_uscc)
    r = store.table("regions")
    places = city_of_regions(store).inner_join(r.select(code="code", county_name="name"), "code")
    places = places.inner_join(r.select(city_code="code", city_name="name"), "city_code")
    en = en.inner_join(places, en.region_code == places.code)
    if city:
        en = en.filter(en.city_code == city)
    st = store.table("statistics")
    st = st.filter(st.period == str(year)).select("uscc", "above_scale", "revenue", "value_added", "profit",
                                                   "employees")
    parks = store.table("parks").select(_p_id="park_id", park_name="name")
    inds = store.table("industries").select(_i_code="code", industry_name="name")
    table = en.left_join(st, "uscc").drop("uscc_right")
    table = table.left_join(parks, table.park_id == parks._p_id)
    table = table.left_join(inds, table.industry_code == inds._i_code)
    if above_scale is not None:
        table = table.filter(ibis.coalesce(table.above_scale, False) == above_scale)
    table = table.select("uscc", "name", "city_code", "city_name", "region_code", "county_name", "park_id",
                         "park_name", "industry_code", "industry_name", "above_scale", "revenue", "value_added",
                         "profit", "employees")
    return sorted_by(table, sort)


def enterprise_detail(store: Store, scope: Scope, uscc: str) -> dict[str, Any]:
    """One enterprise: its record, annual statistics, titles, chain placements and clusters."""
    ensure_enterprise(store, scope, uscc)
    years = store.table("statistics")
    latest = store.execute(years.filter((years.uscc == uscc) & (years.period_type == "year")).year.max())
    base = records(store.execute(enterprise_list(store, scope, int(latest or 0)).filter(lambda t: t.uscc == uscc)))
    record = base[0]
    en = store.table("enterprises")
    record.update(records(store.execute(en.filter(en.uscc == uscc).select(
        "founded_year", "ownership", "listed", "region_code_reported")))[0])
    st = store.table("statistics")
    stats = st.filter((st.uscc == uscc) & (st.period_type == "year")).order_by("period")
    ti = store.table("enterprise_titles")
    titles = ti.filter(ti.uscc == uscc).order_by(["year_granted", "title"]).select(
        "title", "level", "year_granted", "year_expiring", "product")
    pl, ch, sg = store.table("placements"), store.table("chains"), store.table("segments")
    placed = (pl.filter(pl.uscc == uscc)
              .inner_join(ch.select("chain_id", chain_name="name"), "chain_id")
              .inner_join(sg.select("chain_id", "segment_id", segment_name="name", stage="stage"),
                          ["chain_id", "segment_id"])
              .select("chain_id", "chain_name", "segment_id", "segment_name", "stage", "role"))
    cm, cl = store.table("cluster_members"), store.table("clusters")
    clusters = cm.filter(cm.uscc == uscc).inner_join(cl, "cluster_id").select(
        "cluster_id", "name", "level")
    return {**record, "year": int(latest) if latest else None,
            "statistics": records(store.execute(stats.select(*STATISTICS_COLUMNS))),
            "titles": records(store.execute(titles)),
            "placements": records(store.execute(placed)),
            "clusters": records(store.execute(clusters))}
