"""The plan table's base-year figures, recomputed from the store by their definitions.

Used by ``gaodi demo`` to print its summary and by the calibration tests: each figure names the
plan indicator it reproduces and the definition used.
"""

from __future__ import annotations

from dataclasses import dataclass

from gaodi.catalogs.industry import industry_catalog
from gaodi.indicators import enterprise_figures as f
from gaodi.indicators import scopes
from gaodi.store import Store


@dataclass
class Figure:
    key: str
    name: str
    value: float
    unit: str
    year: int
    definition: str


def base_figures(store: Store, year: int = 2025, province_code: str = "430000") -> list[Figure]:
    """Counts and shares of ``year`` (the strategic-emerging share for ``year``−1, as the plan gives it)."""
    cat = industry_catalog()
    ind, mfg = scopes.industrial(cat), scopes.manufacturing(cat)
    ht = scopes.catalogue_scope(cat, "hightech_manufacturing")
    sei = scopes.catalogue_scope(cat, "strategic_emerging")
    adv = scopes.advanced_manufacturing(cat)
    st, en, ti = store.table("statistics"), store.table("enterprises"), store.table("enterprise_titles")
    rows = f.above_scale(st, en, str(year), ind)
    mrows = f.above_scale(st, en, str(year), mfg)
    prev = f.above_scale(st, en, str(year - 1), ind)
    run = store.execute
    out = [
        Figure("revenue_1000yi", "年营业收入千亿企业数量", run(f.revenue_tier_count(rows, f.TIER_1000YI)), "家",
               year, "营业收入 ≥ 1000 亿元"),
        Figure("revenue_100yi", "年营业收入百亿企业数量",
               run(f.revenue_tier_count(rows, f.TIER_100YI, f.TIER_1000YI)), "家", year,
               "100 亿元 ≤ 营业收入 < 1000 亿元"),
        Figure("little_giant", "国家专精特新“小巨人”企业数量", run(f.titles_valid(ti, "专精特新小巨人", year)), "家",
               year, "当年有效的小巨人称号"),
        Figure("single_champion", "国家制造业单项冠军企业（产品）数量",
               run(f.titles_valid(ti, "制造业单项冠军", year)), "个", year, "当年有效的单项冠军称号"),
        Figure("smart_excellent_plus", "卓越级以上智能工厂数量",
               run(f.titles_valid(ti, "智能工厂", year, ["卓越级", "领航级"])), "家", year, "卓越级与领航级"),
        Figure("new_above_scale", "新增规模以上工业企业数量", run(f.new_above_scale(st, year)), "家", year,
               "当年规上且上年非规上"),
        Figure("national_clusters", "国家先进制造业集群数量",
               run(f.clusters_count(store.table("clusters"), "national")), "个", year, "集群级别 = 国家级"),
        Figure("sme_clusters", "国家中小企业特色产业集群数量",
               run(f.clusters_count(store.table("clusters"), "sme_featured")), "个", year, "中小企业特色产业集群"),
        Figure("profit_margin", "规模以上工业企业营业收入利润率", run(f.profit_margin(rows)), "%", year,
               "Σ利润总额 ÷ Σ营业收入"),
        Figure("advanced_share", "全省先进制造业占全部制造业比重", run(f.scope_share(mrows, "value_added", adv)),
               "%", year, adv.note + "；按增加值"),
        Figure("park_share", "园区工业占全省规模以上工业企业增加值比重", run(f.park_share(rows, "value_added")),
               "%", year, "园区内企业增加值 ÷ 规上工业增加值"),
        Figure("sei_share_2024", "工业战略性新兴产业总产值占工业总产值比重",
               run(f.scope_share(prev, "gross_output", sei)), "%", year - 1, sei.note + "；按总产值"),
        Figure("hightech_share", "高技术制造业增加值占规模工业增加值比重", run(f.scope_share(rows, "value_added", ht)),
               "%", year, "高技术产业(制造业)分类(2017) 85 个小类"),
        Figure("digital_tools", "规模以上工业企业数字化研发设计工具普及率", run(f.digital_tools_rate(rows)), "%",
               year, "使用数字化研发设计工具的规上企业 ÷ 规上企业"),
    ]
    growth = store.execute(f.comparable_growth(st, en, store.table("deflators"), year, mfg, "制造业",
                                               province_code))
    out.append(Figure("mfg_va_growth", "全省规模以上制造业增加值增速", growth, "%", year,
                      "同口径企业增加值，按制造业出厂价格指数折算可比价"))
    for fig in out:
        fig.value = float(fig.value)
    return out
