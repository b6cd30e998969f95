"""The policy calculator's enterprise table (政策计算器的企业画像表), read from the store for a scope.

Columns follow ``gaodi.policies.attributes``; ``year`` is the last full year of data:
- revenue, rd_expense, investment, employees, above_scale: the enterprise's ``statistics`` of ``year``;
  revenue_prev of ``year``−1; revenue_growth = (revenue ÷ revenue_prev − 1) × 100 (%);
  rd_intensity = rd_expense ÷ revenue × 100 (%);
- size_class: 统计上大中小微型企业划分办法(2017)（国统字〔2017〕213号）by the enterprise's sector
  (:func:`gaodi.catalogs.size_class.size_classes`), missing when the figures do not settle it;
- titles: titles held in ``year`` as "名称:级别" (级别 only when 市级/省级/国家级); smart_factory_level: the highest 智能工厂 level held;
- catalogues: the names of the industry catalogues the 4-digit class belongs to;
- age_years = year − founded_year.
Attributes the store does not hold (invention patents, 亩均 class, violations) are left absent, so a
condition on them reports missing data instead of passing.
"""

from __future__ import annotations

import pandas as pd

from gaodi.access.filters import restrict, scoped_enterprises
from gaodi.access.scope import Scope
from gaodi.catalogs.industry import industry_catalog
from gaodi.catalogs.size_class import size_classes
from gaodi.policies.attributes import TITLE_LEVELS
from gaodi.store import Store

POLICY_CATALOGUES = ("hightech_manufacturing", "strategic_emerging", "digital_economy_core",
                     "equipment_manufacturing")
SMART_LEVELS = {"基础级": "基础", "先进级": "先进", "卓越级": "卓越", "领航级": "领航"}
_SMART_ORDER = ["无", "基础", "先进", "卓越", "领航"]


def policy_frame(store: Store, scope: Scope, year: int) -> pd.DataFrame:
    """One row per enterprise in scope, with the attribute columns above."""
    en = store.execute(scoped_enterprises(store, scope).select("uscc", "name", "region_code", "industry_code",
                                                               "founded_year"))
    st = restrict(store.table("statistics"), store, scope)
    cols = ["uscc", "above_scale", "revenue", "rd_expense", "investment", "employees"]
    now = store.execute(st.filter(st.period == str(year)).select(*cols))
    prev = store.execute(st.filter(st.period == str(year - 1)).select("uscc", revenue_prev="revenue"))
    frame = en.merge(now, on="uscc", how="left").merge(prev, on="uscc", how="left")
    frame["revenue_growth"] = (frame.revenue / frame.revenue_prev - 1) * 100
    frame["rd_intensity"] = frame.rd_expense / frame.revenue * 100
    frame["size_class"] = size_classes(frame.industry_code, frame.employees, frame.revenue)
    frame["age_years"] = year - frame.founded_year
    ti = restrict(store.table("enterprise_titles"), store, scope)
    held = store.execute(ti.filter((ti.year_granted <= year)
                                   & (ti.year_expiring.isnull() | (ti.year_expiring >= year)))
                         .select("uscc", "title", "level"))
    labels = held.title + held.level.map(lambda v: f":{v}" if v in TITLE_LEVELS else "")
    titles = labels.groupby(held.uscc).agg(list)
    frame["titles"] = frame.uscc.map(titles).apply(lambda v: v if isinstance(v, list) else [])
    smart = held[held.title == "智能工厂"].assign(rank=lambda d: d.level.map(SMART_LEVELS).map(_SMART_ORDER.index))
    best = smart.groupby("uscc")["rank"].max()
    frame["smart_factory_level"] = frame.uscc.map(best).map(lambda r: "无" if pd.isna(r) else _SMART_ORDER[int(r)])
    frame["catalogues"] = frame.industry_code.map(_catalogue_names())
    frame["catalogues"] = frame.catalogues.apply(lambda v: v if isinstance(v, list) else [])
    frame["above_scale"] = frame.above_scale.astype(object).where(frame.above_scale.notna(), None)
    return frame.drop(columns=["founded_year"])


def _catalogue_names() -> dict[str, list[str]]:
    """4-digit class → the names of the catalogues it belongs to (高技术制造业, 战略性新兴产业 …)."""
    cat = industry_catalog()
    out: dict[str, list[str]] = {}
    for key in POLICY_CATALOGUES:
        for code in cat.codes_in(key):
            out.setdefault(code, []).append(cat.catalogue(key).name)
    return out
