"""What the store knows about each enterprise for the ladder criteria of one year.

``year`` is the criteria's "上年度" (the last full year of data): a 2026 application is judged on
``year = 2025``. Money in 万元, shares and growth rates in %, years as whole years.

Proxies, each named in the metric's description and shown with every verdict:
- 主营业务收入 is read as the store's 营业收入 (for industrial enterprises the statistical
  threshold and the 2022 measures use the same figure in practice);
- 从事特定细分市场时间 is read as the years since founding (year − founded_year).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from gaodi.catalogs.size_class import is_sme as size_is_sme

from gaodi.enterprise_ratios import growth_pct, intensity_pct
from gaodi.evaluation.store_data import enterprise_rows


@dataclass(frozen=True)
class Metric:
    """A fact about an enterprise that criteria may test."""

    label: str
    unit: str
    description: str


METRICS: dict[str, Metric] = {
    "revenue": Metric("上年度营业收入", "万元", "statistics.revenue（用作主营业务收入）"),
    "revenue_growth": Metric("上年度营业收入增长率", "%", "(revenue_Y / revenue_{Y−1} − 1) × 100"),
    "revenue_growth_avg_2y": Metric(
        "近2年营业收入平均增长率", "%", "Y 与 Y−1 两年增长率的算术平均（用作主营业务收入）"),
    "rd_expense": Metric("上年度研发费用", "万元", "statistics.rd_expense"),
    "rd_expense_avg_2y": Metric("近2年研发费用均值", "万元", "(rd_Y + rd_{Y−1}) / 2"),
    "rd_expense_min_2y": Metric("近2年研发费用（较低一年）", "万元",
                                "min(rd_Y, rd_{Y−1})（“近两年每年不低于”）"),
    "rd_expense_sum_2y": Metric("近2年研发费用合计", "万元", "rd_Y + rd_{Y−1}"),
    "revenue_avg_3y": Metric("近3年营业收入平均值", "万元",
                             "(revenue_Y + revenue_{Y−1} + revenue_{Y−2}) / 3（用作主营业务收入）"),
    "rd_intensity": Metric("上年度研发费用占营业收入比重", "%", "rd_expense / revenue × 100"),
    "rd_intensity_min_2y": Metric("近2年研发费用占比（较低一年）", "%",
                                  "min(Y, Y−1) 的 rd_expense / revenue × 100"),
    "employees": Metric("从业人员", "人", "statistics.employees"),
    "profit": Metric("利润总额", "万元", "statistics.profit"),
    "years_in_business": Metric("经营年限", "年", "year − founded_year（用作从事细分市场年限）"),
    "is_sme": Metric("属于中小企业", "", "工业：从业人员<1000人 或 营业收入<40000万元"
                                          "（《中小企业划型标准规定》工信部联企业〔2011〕300号）"),
    "industrial": Metric("属于工业", "", "行业门类 B 采矿业、C 制造业、D 电力热力燃气及水"),
    "manufacturing": Metric("属于制造业", "", "行业门类 C 制造业"),
    "above_scale": Metric("规模以上工业企业", "", "statistics.above_scale"),
    "strategic_emerging": Metric("所属行业属于战略性新兴产业分类(2018)", "",
                                 "严格口径：整类纳入的行业为是；部分纳入(*)的行业为未知，"
                                 "需核对主导产品是否在目录所列产品中"),
    "energy_per_va": Metric("单位增加值能耗", "吨标准煤/万元", "energy_tce / value_added"),
    "energy_vs_industry": Metric("单位增加值能耗与同行业中位数之比", "",
                                 "energy_per_va / 同一行业大类（2位码）当年中位数"),
    "digital_design_tools": Metric("使用数字化研发设计工具", "", "statistics.digital_design_tools"),
}
"""Store metrics, by the name criteria use."""


def enterprise_facts(store, year: int) -> pd.DataFrame:
    """One row per enterprise with an annual row for ``year``: the METRICS and descriptors."""
    rows = enterprise_rows(store, year)
    frame = store.execute(rows).set_index("uscc", drop=False)
    st = store.table("statistics")
    older = st.filter((st.period == str(year - 2)) & (st.period_type == "year"))
    older = store.execute(older.select("uscc", "revenue")).set_index("uscc")["revenue"]
    flags = store.execute(st.filter((st.period == str(year)) & (st.period_type == "year"))
                          .select("uscc", "digital_design_tools")).set_index("uscc")
    catalogue = store.table("industry_catalogue")
    sei = store.execute(catalogue.filter(catalogue.catalogue == "strategic_emerging")
                        .select("code", "partial")).set_index("code")["partial"]
    return build_facts(frame, older.reindex(frame.index),
                       flags["digital_design_tools"].reindex(frame.index), sei, year)


def build_facts(frame: pd.DataFrame, revenue_prev2: pd.Series, digital: pd.Series,
                strategic_partial: pd.Series, year: int) -> pd.DataFrame:
    """Derive the metrics from the base rows (pure; see METRICS for each formula)."""
    f = pd.DataFrame(index=frame.index)
    for column in ("uscc", "name", "region_code", "city_code", "park_id", "industry_code",
                   "section", "founded_year"):
        f[column] = frame[column]
    num = {c: pd.to_numeric(frame[c], errors="coerce").astype(float)
           for c in ("revenue", "prev_revenue", "rd_expense", "prev_rd_expense", "employees",
                     "profit", "value_added", "energy_tce")}
    rev, prev = num["revenue"], num["prev_revenue"]
    prev2 = pd.to_numeric(revenue_prev2, errors="coerce").astype(float)
    f["revenue"] = rev
    f["revenue_growth"] = growth_pct(rev, prev)
    f["revenue_growth_avg_2y"] = (growth_pct(rev, prev) + growth_pct(prev, prev2)) / 2
    f["rd_expense"] = num["rd_expense"]
    f["rd_expense_avg_2y"] = (num["rd_expense"] + num["prev_rd_expense"]) / 2
    f["rd_expense_min_2y"] = np.minimum(num["rd_expense"], num["prev_rd_expense"])
    f["rd_expense_sum_2y"] = num["rd_expense"] + num["prev_rd_expense"]
    f["revenue_avg_3y"] = (rev + prev + prev2) / 3
    f["rd_intensity"] = intensity_pct(num["rd_expense"], rev)
    f["rd_intensity_min_2y"] = np.fmin(intensity_pct(num["rd_expense"], rev),
                                       intensity_pct(num["prev_rd_expense"], prev))
    f.loc[intensity_pct(num["prev_rd_expense"], prev).isna(), "rd_intensity_min_2y"] = np.nan
    f["employees"] = num["employees"]
    f["profit"] = num["profit"]
    f["years_in_business"] = year - pd.to_numeric(frame["founded_year"], errors="coerce")
    f["is_sme"] = is_sme(num["employees"], rev, frame["section"], frame["industry_code"])
    f["industrial"] = _bool(frame["section"].isin(["B", "C", "D"]), frame["section"].isna(),
                            f.index)
    f["manufacturing"] = _bool(frame["section"] == "C", frame["section"].isna(), f.index)
    f["above_scale"] = frame["above_scale"].astype(object).where(frame["above_scale"].notna(),
                                                                 None)
    codes = frame["industry_code"].astype(str)
    in_catalogue = codes.isin(strategic_partial.index)
    partial = [bool(strategic_partial.get(c, False)) for c in codes]
    f["strategic_emerging"] = pd.Series(
        [None if p else bool(c) for c, p in zip(in_catalogue, partial)], index=f.index,
        dtype=object)
    f["energy_per_va"] = num["energy_tce"] / num["value_added"].where(num["value_added"] > 0)
    division = codes.str[:2]
    median = f["energy_per_va"].groupby(division).transform("median")
    f["energy_vs_industry"] = f["energy_per_va"] / median.where(median > 0)
    f["digital_design_tools"] = digital.astype(object).where(digital.notna(), None)
    for column in frame.columns:
        if column.startswith("title_"):
            f[column] = frame[column]
    return f


def is_sme(employees: pd.Series, revenue: pd.Series, section: pd.Series,
           industry_code: pd.Series) -> pd.Series:
    """中小企业 (True/False/None per enterprise) by the size classes of each enterprise's own sector
    (《统计上大中小微型企业划分办法(2017)》, 国统字〔2017〕213号, which applies 工信部联企业〔2011〕300号):
    the one place the ladders decide 中小企业, through :func:`gaodi.catalogs.size_class.is_sme`.
    ``section`` is not needed: the sector follows from the industry class.
    """
    del section
    def value(v):
        return None if v is None or pd.isna(v) else float(v)

    return pd.Series([size_is_sme(code if isinstance(code, str) else None, value(e), value(r))
                      for code, e, r in zip(industry_code, employees, revenue)],
                     index=employees.index, dtype=object)


def _bool(values: pd.Series, unknown: pd.Series, index: pd.Index) -> pd.Series:
    """True/False, or None where the inputs are missing (kept as Python objects)."""
    return pd.Series([None if u else bool(v) for v, u in zip(values, unknown)], index=index,
                     dtype=object)


def held_titles(store, year: int) -> dict[str, list[dict]]:
    """Titles held in ``year`` per enterprise: title, level, year_granted, year_expiring, product."""
    t = store.table("enterprise_titles")
    held = t.filter((t.year_granted <= year) & (t.year_expiring.isnull() | (t.year_expiring >= year)))
    frame = store.execute(held.select("uscc", "title", "level", "year_granted", "year_expiring",
                                      "product"))
    out: dict[str, list[dict]] = {}
    for record in frame.to_dict(orient="records"):
        clean = {k: (None if isinstance(v, float) and np.isnan(v) else v)
                 for k, v in record.items() if k != "uscc"}
        out.setdefault(record["uscc"], []).append(clean)
    return out
