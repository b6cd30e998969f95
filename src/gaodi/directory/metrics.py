"""The figures shown for a city, a county or a park, aggregated from enterprise statistics.

The population is the above-scale industrial enterprises (规模以上工业企业: ``above_scale`` true,
门类 B/C/D) of one annual period, as in ``gaodi.indicators.sources``. 营业收入利润率 and 高技术制造业增加值占比
are the plan indicators' definitions (``gaodi.indicators.definitions``), grouped here. Money in 亿元 here
(the store's 万元 ÷ 10 000), shares in percent.

| key | figure | formula | source |
| --- | --- | --- | --- |
| above_scale | 规上工业企业数 | count of enterprises | 国家统计局 规模以上工业统计口径 |
| revenue | 营业收入 | Σ revenue ÷ 10⁴ (亿元) | 工业企业主要经济指标 |
| value_added | 工业增加值 | Σ value_added ÷ 10⁴ (亿元) | |
| profit_margin | 营业收入利润率 | Σ profit ÷ Σ revenue × 100 (%) | 工业企业主要经济指标 |
| hightech_share | 高技术制造业增加值占比 | Σ VA of 高技术产业(制造业)分类(2017) classes ÷ Σ VA × 100 (%) | 国统字〔2017〕200号 |
| rd_intensity | 研发经费投入强度 | Σ rd_expense ÷ Σ revenue × 100 (%) | |
| tax | 税金 | Σ tax ÷ 10⁴ (亿元) | |
| tax_per_mu | 亩均税收 | Σ tax ÷ Σ land_mu (万元/亩) | 亩均效益综合评价 |
"""

from __future__ import annotations

from dataclasses import dataclass

import ibis
import ibis.expr.types as ir

from gaodi.indicators.definitions import definition
from gaodi.indicators.scopes import INDUSTRIAL_SECTIONS
from gaodi.indicators.sources import indicator_scopes


@dataclass(frozen=True)
class Metric:
    key: str
    label: str
    label_en: str
    unit: str


METRICS: tuple[Metric, ...] = (
    Metric("above_scale", "规上工业企业数", "above-scale enterprises", "家"),
    Metric("revenue", "营业收入", "revenue", "亿元"),
    Metric("value_added", "工业增加值", "value added", "亿元"),
    Metric("profit_margin", "营业收入利润率", "profit margin", "%"),
    Metric("hightech_share", "高技术制造业增加值占比", "high-tech manufacturing share of VA", "%"),
    Metric("rd_intensity", "研发经费投入强度", "R&D intensity", "%"),
    Metric("tax", "税金", "taxes", "亿元"),
    Metric("tax_per_mu", "亩均税收", "tax per mu", "万元/亩"),
)
METRIC_KEYS = tuple(m.key for m in METRICS)


def above_scale_rows(statistics: ir.Table, enterprises: ir.Table, industries: ir.Table, year: int) -> ir.Table:
    """Above-scale industrial rows (门类 B, C, D) of the annual period ``year`` with region, park and class."""
    s = statistics.filter((statistics.period == str(year)) & statistics.above_scale)
    e = enterprises.select("uscc", "industry_code", "park_id", "region_code")
    classes = industries.filter((industries.level == 4) & industries.section.isin(INDUSTRIAL_SECTIONS))
    rows = s.inner_join(e, "uscc")
    return rows.semi_join(classes, rows.industry_code == classes.code)


def grouped_metrics(rows: ir.Table, by: str) -> ir.Table:
    """The METRICS of ``rows`` grouped by the column ``by`` (formulas in the module docstring); the
    profit margin and the high-tech share are the plan indicators' own definitions, grouped."""
    scopes = indicator_scopes()
    g = rows.group_by(by).aggregate(
        above_scale=rows.uscc.nunique(), _rev=rows.revenue.sum(), _va=rows.value_added.sum(),
        _margin=definition("profit_margin").expression(rows, scopes),
        _ht=definition("hightech_share").expression(rows, scopes), _rd=rows.rd_expense.sum(),
        _tax=rows.tax.sum(), _land=rows.land_mu.sum())
    return g.select(
        by, "above_scale", revenue=(g._rev / 1e4).round(2), value_added=(g._va / 1e4).round(2),
        profit_margin=g._margin.round(2), hightech_share=g._ht.round(2),
        rd_intensity=_pct(g._rd, g._rev), tax=(g._tax / 1e4).round(2),
        tax_per_mu=ibis.ifelse(g._land > 0, (g._tax / g._land).round(2), ibis.null()))


def _pct(part: ir.NumericValue, whole: ir.NumericValue) -> ir.NumericValue:
    return ibis.ifelse(whole != 0, (100 * part / whole).round(2), ibis.null())


def metric_columns() -> list[dict[str, str]]:
    return [{"key": m.key, "label": m.label, "label_en": m.label_en, "unit": m.unit} for m in METRICS]
