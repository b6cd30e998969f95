"""The catalogue of indicator definitions: formula, data, official classification, unit, and how to compute.

Each definition is matched to a plan indicator by its name (the plan's wording or an alias). Values are
computed from the store for any period (a year, or 1-N月 cumulative) and area (province, city, park);
a definition with ``annual_only`` uses the latest complete year for a partial period and says so.
``VERSION`` names the rule version every monitoring record carries.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

import ibis
import ibis.expr.types as ir

from gaodi.indicators import enterprise_figures as ef
from gaodi.indicators.frame import Area, Period
from gaodi.indicators.scopes import Scope
from gaodi.indicators.sources import Sources

VERSION = "gaodi-indicators-2026.1"


@dataclass
class Value:
    """A computed figure with the data period it really used and the imports it came from."""

    value: float | None
    data_period: str
    inputs: list[int] = field(default_factory=list)
    note: str = ""


@dataclass(frozen=True)
class Definition:
    key: str
    name: str
    unit: str
    kind: str  # level | rate | count | cumulative | entered
    formula: str
    classification: str
    data: str
    compute: Callable[[Sources, Period, Area, dict], Value] | None = None
    aliases: tuple[str, ...] = ()
    annual_only: bool = False
    population: str | None = None  # the enterprise scope whose reporting the figure rests on
    bounds: tuple[float, float] | None = None  # a share's range: forecasts are kept inside it
    # one reduction over the population's rows, for figures that are one: lets the same formula run
    # grouped by city, county or park (report maps, directory lists)
    expression: Expression | None = None
    # for the breakdown by area (gaodi.monitor.why): a ratio's denominator as a reduction over the rows,
    # so the province's ratio is the weighted mean of the areas'; a growth's column and deflation
    weight: Callable[[ir.Table], ir.Scalar] | None = None
    column: str | None = None
    deflated: bool = False


def _num(x) -> float | None:
    if x is None:
        return None
    x = float(x)
    return None if x != x else x


def _complete(period: Period, src: Sources) -> tuple[Period, str]:
    """The latest complete year at or before ``period`` (data lag for annual-only figures)."""
    if period.month is None:
        return period, ""
    return Period(period.year - 1), f"年度指标，{period.label}采用上一完整年度（{period.year - 1}年）数据"


def _no_annual(used: Period, note: str) -> Value:
    """No annual statistics for the year an annual-only figure needs: no data, not zero."""
    return Value(None, used.key, [], (note + "；" if note else "") + f"{used.year}年年报尚未导入")


def _list_year(src: Sources, table, column: str, period: Period) -> int | None:
    """The year a list (titles, clusters) speaks for: its latest entry, at most ``period``'s year.

    None when the list was never imported, so that a count of it is "no data" and not 0."""
    latest = src.run(table[column].max())
    if latest is None or math.isnan(latest):
        return None
    return min(int(latest), period.year)


Expression = Callable[[ir.Table, dict[str, Scope]], ir.Scalar]


def _share_of(part: str | None, column: str) -> Expression:
    """Σ column of the ``part`` scope's classes (None: of enterprises in a park) ÷ Σ column, in percent."""
    if part is None:
        return lambda rows, scopes: ef.park_share(rows, column)
    return lambda rows, scopes: ef.scope_share(rows, column, scopes[part])


def _over_rows(expression: Expression, population: str, part: str | None = None):
    """Compute one reduction over the population's above-scale rows of the period in the area."""
    def compute(src: Sources, period: Period, area: Area, ctx: dict) -> Value:
        rows = src.rows(period, area, population)
        note = src.scopes[part].note if part else ""
        return Value(_num(src.run(expression(rows, src.scopes))), period.key, src.period_imports(period), note)
    return compute


PROFIT_MARGIN: Expression = lambda rows, scopes: ef.profit_margin(rows)
ADVANCED_VA = _share_of("advanced", "value_added")
PARK_VA = _share_of(None, "value_added")
SEI_OUTPUT = _share_of("strategic_emerging", "gross_output")
HIGHTECH_VA = _share_of("hightech", "value_added")


def _digital_tools(src, period, area, ctx) -> Value:
    used, note = _complete(period, src)
    if not src.has_period(used):
        return _no_annual(used, note)
    rows = src.rows(used, area, "industrial")
    return Value(_num(src.run(ef.digital_tools_rate(rows))), used.key, src.period_imports(used), note)


def _growth(scope: str, column: str, deflate: bool):
    """Growth over enterprises above scale in both periods (同口径), deflated when ``deflate``."""
    def compute(src: Sources, period: Period, area: Area, ctx: dict) -> Value:
        both = src.same_scope(period, area, scope, column)
        totals = src.run(both.aggregate(now=both.now.sum(), before=both.before.sum()))
        now, before = _num(totals.now.iloc[0]), _num(totals.before.iloc[0])
        if not before:
            return Value(None, period.key, [], f"缺少{period.previous_year().label}同期数据")
        price, note = 100.0, "现价"
        if deflate:
            p = src.deflator(period.year)
            if p is None:
                return Value(None, period.key, [], f"缺少{period.year}年价格指数（需在数据导入中导入“价格指数（可比价）”）")
            price, note = p, f"可比价，价格指数 {p}（上年=100）"
        inputs = src.period_imports(period, period.previous_year())
        return Value(100 * (now / (before * price / 100) - 1), period.key, inputs, note)
    return compute


def _intensity_drop(column: str):
    """Reduction of ``column`` per unit of value added at comparable prices, same-scope enterprises."""
    def compute(src: Sources, period: Period, area: Area, ctx: dict) -> Value:
        now = src.rows(period, area, "industrial").select("uscc", x1=column, v1="value_added")
        before = src.rows(period.previous_year(), area, "industrial").select("uscc", x0=column, v0="value_added")
        both = now.inner_join(before, "uscc")
        t = src.run(both.aggregate(x1=both.x1.sum(), v1=both.v1.sum(), x0=both.x0.sum(), v0=both.v0.sum()))
        p = src.deflator(period.year, "制造业")
        if p is None or not _num(t.v0.iloc[0]) or not _num(t.x0.iloc[0]):
            return Value(None, period.key, [], "缺少上年同期数据或价格指数")
        ratio = (t.x1.iloc[0] / (t.v1.iloc[0] / (p / 100))) / (t.x0.iloc[0] / t.v0.iloc[0])
        return Value(100 * (1 - float(ratio)), period.key, src.period_imports(period, period.previous_year()),
                     f"可比价，价格指数 {p}")
    return compute


def _titles(title: str, levels: list[str] | None = None):
    """Titles held in the list's year: granted in or before it and not expired before it."""
    def compute(src: Sources, period: Period, area: Area, ctx: dict) -> Value:
        ti = src.table("enterprise_titles")
        ti = ti.filter(ti.title == title)
        year = _list_year(src, ti, "year_granted", period)
        if year is None:
            return Value(None, period.key, [], f"未导入“{title}”名单")
        held = ti.filter((ti.year_granted <= year) & (ti.year_expiring.isnull() | (ti.year_expiring >= year)))
        if levels:
            held = held.filter(held.level.isin(levels))
        e = src.in_area(src.table("enterprises").select("uscc", "region_code", "park_id"), area)
        rows = held.inner_join(e, "uscc")
        note = f"名单最新为{year}年" if year < period.year else ""
        return Value(_num(src.run(rows.count())), str(year), src.import_ids(ti), note)
    return compute


def _revenue_tier(low: float, high: float | None):
    def compute(src: Sources, period: Period, area: Area, ctx: dict) -> Value:
        used, note = _complete(period, src)
        if not src.has_period(used):
            return _no_annual(used, note)
        rows = src.rows(used, area, "industrial")
        return Value(_num(src.run(ef.revenue_tier_count(rows, low, high))), used.key, src.period_imports(used),
                     note)
    return compute


def _new_above_scale(src: Sources, period: Period, area: Area, ctx: dict) -> Value:
    used, note = _complete(period, src)
    start = ctx.get("base_year", used.year - 1) + 1 if ctx.get("cumulative") else used.year
    if start > used.year:  # a running sum since the base with no complete year after it: no data, not 0
        return Value(None, used.key, [], (note + "；" if note else "") + f"基期之后尚无完整年度：{start}年年报尚未导入")
    missing = [y for y in range(min(start, used.year) - 1, used.year + 1) if not src.has_period(Period(y))]
    if missing:
        return _no_annual(Period(missing[-1]), note)
    st = src.table("statistics")
    e = src.in_area(src.table("enterprises").select("uscc", "region_code", "park_id"), area)
    total = 0.0
    for year in range(start, used.year + 1):
        now = st.filter((st.period == str(year)) & st.above_scale).select("uscc")
        before = st.filter((st.period == str(year - 1)) & st.above_scale).select("uscc")
        total += float(src.run(now.anti_join(before, "uscc").semi_join(e, "uscc").count()))
    inputs = src.period_imports(*(Period(y) for y in range(min(start, used.year) - 1, used.year + 1)))
    return Value(total, used.key, inputs, note or (f"{start}-{used.year}年累计" if start < used.year else ""))


def _cluster_list_year(src: Sources, listed) -> tuple[int, str]:
    """The year the imported cluster list speaks for, and how that is known: the 名单年份 the import gave,
    else the date of the latest import that wrote the list (a list describes what was known when imported)."""
    stated = src.run(listed.list_year.max())
    if stated is not None and not math.isnan(stated):
        return int(stated), f"集群名单为{int(stated)}年名单（导入时注明名单年份）"
    log = src.table("import_log")
    when = src.run(log.filter(log.import_id.isin(src.import_ids(listed))).finished_at.max())
    return when.year, f"集群名单未注明名单年份，按导入日期 {when:%Y-%m-%d} 计为{when.year}年名单"


def _clusters(level: str):
    """Clusters of ``level`` in the list's year: the year the list speaks for (its import), at most the
    period's year; clusters recognised after that year are not counted."""
    def compute(src: Sources, period: Period, area: Area, ctx: dict) -> Value:
        listed = src.table("clusters")
        if not int(src.run(listed.count())):
            return Value(None, period.key, [], "未导入集群名单")
        listed_year, how = _cluster_list_year(src, listed)
        year = min(listed_year, period.year)
        c = listed.filter((listed.level == level)
                          & (listed.year_recognised.isnull() | (listed.year_recognised <= year)))
        if area.kind == "chain":
            c = c.filter(c.chain_id == area.code)
        elif area.kind != "province":
            c = area.regions(c.filter(c.region_code.notnull()))
        note = how + (f"；名单最新为{listed_year}年" if listed_year < period.year else "")
        return Value(_num(src.run(c.count())), str(year), src.import_ids(listed), note)
    return compute


def _green_output_share(src: Sources, period: Period, area: Area, ctx: dict) -> Value:
    rows = src.rows(period, area, "manufacturing")
    ti = src.table("enterprise_titles")
    green = ti.filter((ti.title == "绿色工厂") & ti.level.isin(["国家级", "省级"])
                      & (ti.year_granted <= period.year)).select("uscc").distinct()
    flagged = rows.left_join(green.mutate(g=ibis.literal(True)), "uscc")
    expr = 100 * flagged.g.fill_null(False).ifelse(flagged.gross_output, 0).sum() / flagged.gross_output.sum()
    return Value(_num(src.run(expr)), period.key, src.period_imports(period), "省级以上绿色工厂")


def entered_value(src: Sources, period: Period, area: Area, ctx: dict) -> Value:
    """The latest official value entered for the indicator (by any of ``ctx["names"]``) at or before ``period``."""
    iv = src.table("indicator_values")
    names = ctx.get("names", [])
    hit = iv.filter(iv.indicator.isin(names) & (iv.region_code == area.code) & (iv.period <= period.key))
    got = src.run(hit.order_by(ibis.desc("period")).limit(1))
    if not len(got):
        return Value(None, period.key, [], "无计算口径，需录入官方发布值（在数据导入中导入“指标公布值（官方发布）”）")
    r = got.iloc[0]
    lag = "" if r.period == period.key else f"采用 {r.period} 的发布值"
    return Value(float(r.value), r.period, [int(r.import_id)] if r.import_id == r.import_id else [],
                 f"来源：{r.source}" + (f"；{lag}" if lag else ""))


DEFINITIONS: tuple[Definition, ...] = (
    Definition("mfg_va_growth", "全省规模以上制造业增加值年均增速", "%", "rate",
               "Σ增加值(本期) ÷ [Σ增加值(上年同期) × 价格指数/100] − 1，同口径规上制造业企业",
               "GB/T 4754-2017 门类 C", "企业增加值、制造业出厂价格指数", _growth("manufacturing", "value_added", True),
               ("规模以上制造业增加值增速", "制造业增加值增速"), population="manufacturing",
               column="value_added", deflated=True),
    Definition("profit_margin", "规模以上工业企业营业收入利润率", "%", "level", "Σ利润总额 ÷ Σ营业收入 × 100",
               "规上工业（门类 B、C、D）", "企业营业收入、利润总额", _over_rows(PROFIT_MARGIN, "industrial"), population="industrial",
               expression=PROFIT_MARGIN,
               weight=lambda rows: rows.revenue.sum()),
    Definition("advanced_share", "全省先进制造业占全部制造业比重", "%", "level",
               "先进制造业增加值 ÷ 制造业增加值 × 100", "高技术制造业(2017)、装备制造业、战略性新兴产业(2018) 中的制造业小类",
               "企业增加值、行业代码", _over_rows(ADVANCED_VA, "manufacturing", "advanced"), population="manufacturing",
               bounds=(0.0, 100.0), expression=ADVANCED_VA,
               weight=lambda rows: rows.value_added.sum()),
    Definition("park_share", "园区工业占全省规模以上工业企业增加值比重", "%", "level",
               "园区内规上工业企业增加值 ÷ 规上工业增加值 × 100", "规上工业", "企业增加值、所在园区",
               _over_rows(PARK_VA, "industrial"), population="industrial", bounds=(0.0, 100.0), expression=PARK_VA,
               weight=lambda rows: rows.value_added.sum()),
    Definition("national_clusters", "国家先进制造业集群数量", "个", "count", "集群级别为国家级的集群个数",
               "工信部 国家先进制造业集群名单", "集群名单", _clusters("national")),
    Definition("sme_clusters", "国家中小企业特色产业集群数量", "个", "count", "中小企业特色产业集群个数",
               "工信部 中小企业特色产业集群名单", "集群名单", _clusters("sme_featured")),
    Definition("sei_share", "工业战略性新兴产业总产值占工业总产值比重", "%", "level",
               "战略性新兴产业小类企业总产值 ÷ 规上工业总产值 × 100", "战略性新兴产业分类(2018)",
               "企业总产值、行业代码", _over_rows(SEI_OUTPUT, "industrial", "strategic_emerging"), population="industrial",
               bounds=(0.0, 100.0), expression=SEI_OUTPUT,
               weight=lambda rows: rows.gross_output.sum()),
    Definition("new_above_scale", "新增规模以上工业企业数量", "家", "cumulative",
               "当年规上且上年非规上的企业数，累计目标按年相加", "规上工业", "企业历年规上标志",
               _new_above_scale, annual_only=True, population="industrial"),
    Definition("revenue_1000yi", "年营业收入千亿企业数量", "家", "count", "营业收入 ≥ 1000 亿元的企业数", "千百十企业",
               "企业营业收入", _revenue_tier(ef.TIER_1000YI, None), annual_only=True, population="industrial"),
    Definition("revenue_100yi", "年营业收入百亿企业数量", "家", "count", "100 亿元 ≤ 营业收入 < 1000 亿元的企业数",
               "千百十企业", "企业营业收入", _revenue_tier(ef.TIER_100YI, ef.TIER_1000YI), annual_only=True, population="industrial"),
    Definition("little_giant", "国家专精特新“小巨人”企业数量", "家", "count", "当年有效的国家级专精特新“小巨人”称号数",
               "工信部 小巨人名单", "企业称号", _titles("专精特新小巨人"), ("专精特新“小巨人”企业数量",)),
    Definition("single_champion", "国家制造业单项冠军企业（产品）数量", "个", "count", "当年有效的单项冠军称号数",
               "工信部 单项冠军名单", "企业称号", _titles("制造业单项冠军")),
    Definition("hightech_share", "高技术制造业增加值占规模工业增加值比重", "%", "level",
               "高技术制造业增加值 ÷ 规上工业增加值 × 100", "高技术产业(制造业)分类(2017)", "企业增加值、行业代码",
               _over_rows(HIGHTECH_VA, "industrial", "hightech"), population="industrial", bounds=(0.0, 100.0),
               expression=HIGHTECH_VA,
               weight=lambda rows: rows.value_added.sum()),
    Definition("rd_growth", "规模以上工业企业研发经费支出年均增长", "%", "rate",
               "Σ研发经费(本期) ÷ Σ研发经费(上年同期) − 1，同口径规上工业企业，现价", "规上工业", "企业研发经费",
               _growth("industrial", "rd_expense", False), population="industrial",
               column="rd_expense"),
    Definition("digital_economy_share", "数字经济核心产业增加值占GDP比重", "%", "entered",
               "官方发布值（需 GDP 核算，企业数据无法计算）", "数字经济及其核心产业统计分类(2021)", "统计部门发布值",
               entered_value),
    Definition("digital_tools", "规模以上工业企业数字化研发设计工具普及率", "%", "level",
               "使用数字化研发设计工具的规上企业数 ÷ 规上企业数 × 100", "规上工业", "企业调查标志", _digital_tools,
               annual_only=True, population="industrial", bounds=(0.0, 100.0),
               weight=lambda rows: rows.digital_design_tools.count()),
    Definition("smart_excellent_plus", "卓越级以上智能工厂数量", "家", "count", "卓越级与领航级智能工厂数",
               "智能工厂梯度培育", "企业称号", _titles("智能工厂", ["卓越级", "领航级"])),
    Definition("smart_basic", "基础级智能工厂数量", "家", "count", "基础级智能工厂数（不含已升为更高等级的）",
               "智能工厂梯度培育", "企业称号", _titles("智能工厂", ["基础级"])),
    Definition("smart_advanced", "先进级智能工厂数量", "家", "count", "先进级智能工厂数（不含已升为更高等级的）",
               "智能工厂梯度培育", "企业称号", _titles("智能工厂", ["先进级"])),
    Definition("energy_intensity_drop", "规模工业单位增加值能耗降低", "%", "level",
               "1 − (本期能耗 ÷ 可比价增加值) ÷ (上年同期能耗 ÷ 增加值)", "规上工业", "企业综合能耗、增加值、价格指数",
               _intensity_drop("energy_tce"), population="industrial", column="energy_tce"),
    Definition("carbon_intensity_drop", "规模工业单位增加值碳排放降低", "%", "level",
               "1 − (本期碳排放 ÷ 可比价增加值) ÷ (上年同期碳排放 ÷ 增加值)", "规上工业", "企业碳排放、增加值、价格指数",
               _intensity_drop("carbon_t"), population="industrial", column="carbon_t"),
    Definition("water_intensity_drop", "万元工业增加值用水量下降", "%", "level",
               "1 − (本期用水量 ÷ 可比价增加值) ÷ (上年同期用水量 ÷ 增加值)", "规上工业", "企业用水量、增加值、价格指数",
               _intensity_drop("water_m3"), population="industrial", column="water_m3"),
    Definition("green_output_share", "省级以上绿色工厂产值占制造业总产值比重", "%", "level",
               "省级以上绿色工厂企业总产值 ÷ 规上制造业总产值 × 100", "绿色制造名单", "企业总产值、绿色工厂称号",
               _green_output_share, population="manufacturing", bounds=(0.0, 100.0),
               weight=lambda rows: rows.gross_output.sum()),

)


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).replace(" ", "").replace('"', "").replace("“", "").replace("”", "")


def find_definition(name: str) -> Definition | None:
    """The definition whose name or alias is the plan indicator's name (ignoring quotes and widths)."""
    target = _norm(name)
    for d in DEFINITIONS:
        if target in {_norm(n) for n in (d.name, *d.aliases)}:
            return d
    return None


def definition(key: str) -> Definition:
    from gaodi.errors import NotFoundError

    for d in DEFINITIONS:
        if d.key == key:
            return d
    raise NotFoundError(f"没有指标口径 {key}", f"no indicator definition {key}",
                        fix="可用：" + "、".join(d.key for d in DEFINITIONS))
