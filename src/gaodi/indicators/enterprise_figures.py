"""Figures computed from enterprise rows by their statistical definitions (Ibis expressions).

Each function takes Ibis tables of the store and returns an Ibis reduction, so it runs on any engine
Ibis supports, over one area or grouped by city, county or park (the directory and the report maps
group them through the definitions' ``expression``). Money in 万元; shares in percent. The
population of 规模以上工业企业 is the rows of ``statistics`` for the period with ``above_scale`` true whose enterprise's class lies in
门类 B, C or D (see ``scopes``).
"""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from gaodi.indicators.scopes import Scope

TIER_1000YI = 1e7  # 万元 = 1000 亿元
TIER_100YI = 1e6  # 万元 = 100 亿元


def percent(part: ir.NumericValue, whole: ir.NumericValue) -> ir.FloatingValue:
    """100 × part ÷ whole, and no value (not infinity) when the whole is 0."""
    return ibis.ifelse(whole == 0, ibis.null(), 100 * part / whole)


def scope_share(rows: ir.Table, column: str, part: Scope) -> ir.FloatingScalar:
    """Σ column over rows whose class is in ``part`` ÷ Σ column over ``rows``, in percent
    (e.g. 高技术制造业增加值占规模以上工业增加值比重); a class in ``part.shares`` counts by its share;
    no value when the whole is 0."""
    weight = rows.industry_code.isin(list(part.codes)).ifelse(1.0, 0.0)
    if part.shares:
        weight = ibis.cases(*((rows.industry_code == c, s) for c, s in part.shares.items()),
                            else_=weight)
    return percent((weight * rows[column]).sum(), rows[column].sum())


def park_share(rows: ir.Table, column: str) -> ir.FloatingScalar:
    """Σ column over enterprises located in a park ÷ Σ column over ``rows``, in percent (园区工业占比)."""
    return percent(rows.park_id.notnull().ifelse(rows[column], 0).sum(), rows[column].sum())


def profit_margin(rows: ir.Table) -> ir.FloatingScalar:
    """营业收入利润率 = Σ 利润总额 ÷ Σ 营业收入 × 100 (国家统计局 工业企业主要经济指标)."""
    return percent(rows.profit.sum(), rows.revenue.sum())


def revenue_tier_count(rows: ir.Table, low: float, high: float | None = None) -> ir.IntegerScalar:
    """Enterprises with low ≤ 营业收入 < high (万元): the 千百十 ladder's rungs are exclusive."""
    cond = rows.revenue >= low
    if high is not None:
        cond &= rows.revenue < high
    return rows.filter(cond).uscc.nunique()


def digital_tools_rate(rows: ir.Table) -> ir.FloatingScalar:
    """数字化研发设计工具普及率 = enterprises using the tools ÷ enterprises reporting, in percent."""
    reported = rows.filter(rows.digital_design_tools.notnull())
    return percent(reported.digital_design_tools.cast("int64").sum(), reported.count())
