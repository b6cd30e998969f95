"""Province figures computed from enterprise data by their statistical definitions (Ibis expressions).

Each function takes Ibis tables of the store and returns an Ibis scalar expression, so it runs on
any engine Ibis supports. Money in 万元; shares in percent. The population of 规模以上工业企业 is
the rows of ``statistics`` for the period with ``above_scale`` true whose enterprise's class lies in
门类 B, C or D (see ``scopes``).
"""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from gaodi.indicators.scopes import Scope

TIER_1000YI = 1e7  # 万元 = 1000 亿元
TIER_100YI = 1e6  # 万元 = 100 亿元


def above_scale(statistics: ir.Table, enterprises: ir.Table, period: str, scope: Scope) -> ir.Table:
    """Above-scale rows of ``period`` for enterprises whose class is in ``scope``, with the class and park."""
    s = statistics.filter((statistics.period == period) & statistics.above_scale)
    e = enterprises.select("uscc", "industry_code", "park_id", "region_code")
    joined = s.inner_join(e, "uscc")
    return joined.filter(joined.industry_code.isin(list(scope.codes)))


def scope_share(rows: ir.Table, column: str, part: Scope) -> ir.FloatingScalar:
    """Σ column over rows whose class is in ``part`` ÷ Σ column over ``rows``, in percent
    (e.g. 高技术制造业增加值占规模以上工业增加值比重); a class in ``part.shares`` counts by its share."""
    weight = rows.industry_code.isin(list(part.codes)).ifelse(1.0, 0.0)
    if part.shares:
        weight = ibis.cases(*((rows.industry_code == c, s) for c, s in part.shares.items()),
                            else_=weight)
    return 100 * (weight * rows[column]).sum() / rows[column].sum()


def park_share(rows: ir.Table, column: str) -> ir.FloatingScalar:
    """Σ column over enterprises located in a park ÷ Σ column over ``rows``, in percent (园区工业占比)."""
    return 100 * rows.park_id.notnull().ifelse(rows[column], 0).sum() / rows[column].sum()


def profit_margin(rows: ir.Table) -> ir.FloatingScalar:
    """营业收入利润率 = Σ 利润总额 ÷ Σ 营业收入 × 100 (国家统计局 工业企业主要经济指标)."""
    return 100 * rows.profit.sum() / rows.revenue.sum()


def revenue_tier_count(rows: ir.Table, low: float, high: float | None = None) -> ir.IntegerScalar:
    """Enterprises with low ≤ 营业收入 < high (万元): the 千百十 ladder's rungs are exclusive."""
    cond = rows.revenue >= low
    if high is not None:
        cond &= rows.revenue < high
    return rows.filter(cond).uscc.nunique()


def digital_tools_rate(rows: ir.Table) -> ir.FloatingScalar:
    """数字化研发设计工具普及率 = enterprises using the tools ÷ enterprises reporting, in percent."""
    reported = rows.filter(rows.digital_design_tools.notnull())
    return 100 * reported.digital_design_tools.cast("int64").sum() / reported.count()


def new_above_scale(statistics: ir.Table, year: int) -> ir.IntegerScalar:
    """新增规模以上工业企业: above scale in ``year`` and not in ``year``−1 (entered and left in the same
    year cannot show in annual data and so are already netted out)."""
    now = statistics.filter((statistics.period == str(year)) & statistics.above_scale).select("uscc")
    before = statistics.filter((statistics.period == str(year - 1)) & statistics.above_scale).select("uscc")
    return now.anti_join(before, "uscc").count()


def titles_valid(titles: ir.Table, title: str, year: int, levels: list[str] | None = None
                 ) -> ir.IntegerScalar:
    """Titles held in ``year``: granted in or before it and not expired before it."""
    t = titles.filter((titles.title == title) & (titles.year_granted <= year)
                      & (titles.year_expiring.isnull() | (titles.year_expiring >= year)))
    if levels:
        t = t.filter(t.level.isin(levels))
    return t.count()


def comparable_growth(statistics: ir.Table, enterprises: ir.Table, deflators: ir.Table, year: int,
                      scope: Scope, deflator_scope: str, region_code: str) -> ir.FloatingScalar:
    """Value-added growth at comparable prices over enterprises above scale in both years (同口径):

    g = Σ VA_year ÷ (Σ VA_year−1 × P_year / 100) − 1, in percent, where P is the price index with the
    previous year = 100 (e.g. 工业生产者出厂价格指数 of manufacturing).
    """
    now = above_scale(statistics, enterprises, str(year), scope).select("uscc", va_now="value_added")
    before = above_scale(statistics, enterprises, str(year - 1), scope).select("uscc", va_before="value_added")
    both = now.inner_join(before, "uscc")
    totals = both.aggregate(va_now=both.va_now.sum(), va_before=both.va_before.sum())
    price = deflators.filter((deflators.year == year) & (deflators.scope == deflator_scope)
                             & (deflators.region_code == region_code)).select("index_value")
    t = totals.cross_join(price)
    return (100 * (t.va_now / (t.va_before * t.index_value / 100) - 1)).max()


def clusters_count(clusters: ir.Table, level: str) -> ir.IntegerScalar:
    return clusters.filter(clusters.level == level).count()

