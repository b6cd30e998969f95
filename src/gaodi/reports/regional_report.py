"""The regional layout report (区域布局分析报告): specialisation, strong clusters, complexity, growth
opportunities and growth sources by city or county, with maps and charts (brief: 一核两副三带四区,
一市一特色, 未来产业; the measures of :mod:`gaodi.regional`, formulas in the report's appendix).

Sections: 一、总体情况；二、专业化与区位熵；三、强集群；四、经济复杂度；五、发展机会；六、增长来源；附录：方法与数据来源.
Every sentence restates a computed figure; nothing is invented. The measures are always computed over
the whole province (an LQ compares a region with the province); a city's report shows that city's rows.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np

from gaodi.catalogs import region_catalog
from gaodi.errors import DataQualityError, InputError, NotFoundError
from gaodi.regional.maps import map_layer
from gaodi.regional.store_analysis import DIGITS, LEVELS, RegionalOptions, StoreAnalysis, in_cities
from gaodi.reports import narrative as nv
from gaodi.reports import regional_charts as rc
from gaodi.reports.appendix import boundary_note, import_table
from gaodi.reports.charts import png
from gaodi.reports.model import Column, Figure, Heading, Paragraph, Report, Section, Table
from gaodi.reports.province_map import short_name
from gaodi.reports.region_map import region_map

HEAT_INDUSTRIES = 8  # industries in the LQ heat table (the largest in the area)
HEAT_REGIONS = 20  # regions in the LQ heat table and the ECI chart at most (the largest)
OPPORTUNITY_REGIONS = 20  # regions listed in the opportunities table at most (the largest)
OPPORTUNITIES_EACH = 3  # candidates per region in that table

METHODS = (
    "区位熵 LQ_ri =（x_ri ÷ x_r）÷（x_i ÷ x），x_ri 为地区 r 行业 i 的数值，x_r、x_i、x 为地区、行业、全省合计；"
    "LQ > 1 表示该地区比全省更专注于该行业（Isard 1960）。",
    "克鲁格曼专业化指数 K_r = Σ_i |s_ri − s_i|（s_ri 为行业在地区内的占比，s_i 为在全省的占比），0 表示与全省结构相同，"
    "越大越专业化（Krugman 1991，与含本地区在内的全省比较）；赫芬达尔指数 H_r = Σ_i s_ri²，越大越集中于少数行业。",
    "强集群：在有该行业的地区中，区位熵居前四分之一且不小于 1、规模高于后四分之一（美国集群地图项目，"
    "Delgado、Porter、Stern 2016）。",
    "经济复杂度：显性比较优势 RCA ≥ 1 记为具备该行业；ECI、PCI 取特征向量法并标准化为 z 分数，ECI 与多样性同向"
    "（Hidalgo、Hausmann 2009；经济复杂度图集）。",
    "发展机会：地区尚未具备比较优势的行业，按密度（该行业的相关行业中本地区已具备的比例，越高越易进入；"
    "Hidalgo 等 2007）和吸引力（PCI + 优先级，未来产业权重 1、潜力赛道 0.5）排序；排序只供研判，不是结论。",
    "偏离-份额分解（Dunn 1960）：增量 = 全域份额 NS + 结构效应 IM + 竞争效应 RS，RS > 0 表示该地区增长快于"
    "同行业全省水平。",
)


def build_regional(g, year: str | None = None, area: str | None = None, *, measure: str = "value_added",
                   level: str | None = None, digits: int = 2, font: Path, issuer: str | None = None,
                   date: dt.date | None = None) -> Report:
    """Build the regional report of ``area`` (None: the province; or a city code) from the workspace ``g``.

    ``level`` defaults to city for the province and county for a city; ``year`` to the latest annual
    statistics; ``measure`` is value_added | revenue | employees | gross_output.
    """
    province = g.settings.province_code
    catalog = region_catalog(province)
    if area is not None and area != province:
        found = catalog.regions.get(area)
        if found is None or found.level != "city" or found.status != "current":
            raise NotFoundError(f"本省没有代码为 {area} 的市州", f"no city {area} in the province",
                                fix="区域布局分析报告的范围为全省或一个市州（6 位代码，如 430100）")
    else:
        area = None
    level = level or ("county" if area else "city")
    a = StoreAnalysis(g.store, RegionalOptions(measure, level, digits, year), province)
    cities = {area} if area else None
    area_name = catalog.get(area).name if area else catalog.get(province).name
    figures = _Counter()
    boundaries: list[Path] = []
    sections = [overview(a, cities, area, area_name, font, figures, boundaries),
                location_quotients(a, cities, area, font, figures, boundaries),
                clusters(a, cities),
                complexity(a, cities, area, font, figures, boundaries),
                opportunities(a, cities, area, area_name, font, figures),
                growth(a, cities)]
    imports = {int(i["import_id"]): i for i in g.imports()}
    label = LEVELS[level][0]
    o = a.options
    return Report(
        "regional", f"{area_name}先进制造业区域布局分析报告",
        f"（{a.year}年，{o.measure_label}，{label}，行业{DIGITS[digits][0]}）",
        issuer or f"{catalog.get(province).name}工业和信息化厅", f"{a.year}年区域布局分析",
        date or dt.date.today(), a.year, sections, appendix(a, imports, boundaries),
        summary(a, area, cities), series="先进制造业区域布局分析")


class _Counter:
    def __init__(self) -> None:
        self.n = 0

    def next(self) -> int:
        self.n += 1
        return self.n


def summary(a: StoreAnalysis, area: str | None, cities: set[str] | None) -> dict:
    rows = in_cities(a.specialisation_rows(), cities)
    strong = in_cities(a.cluster_rows(True), cities)
    try:
        eci = in_cities(a.eci_rows(), cities)
    except DataQualityError:
        eci = []
    return {"kind": "regional", "year": a.year, "area": area, **a.options.describe(), "regions": len(rows),
            "strong_clusters": len(strong), "top_eci": eci[0]["region_name"] if eci else None}


def _map_figure(a: StoreAnalysis, measure: str, industry: str | None, area: str | None, title: str, font: Path,
                figures: _Counter, boundaries: list[Path], caption: str, digits: int = 2) -> Figure:
    layer = map_layer(a, measure, industry, {area} if area else None)
    fig, path = region_map(a.options.level, a.province_code, layer.values(), title, layer.unit, font,
                           city=area if a.options.level == "county" else None, digits=digits)
    if path not in boundaries:
        boundaries.append(path)
    return Figure(f"图{figures.next()}  {title}", png(fig), caption, 13.0)


def overview(a: StoreAnalysis, cities, area, area_name: str, font: Path, figures: _Counter,
             boundaries: list[Path]) -> Section:
    o = a.options
    label = LEVELS[o.level][0]
    rows = in_cities(a.specialisation_rows(), cities)
    listed = [c for c, _ in a.regions_of_level() if cities is None or c[:4] + "00" in cities]
    idle = len([c for c in listed if c not in {r["region"] for r in rows}])
    sec = Section("一、总体情况")
    text = (f"本报告以{a.year}年规模以上工业企业{o.measure_label}（{o.unit}）为指标，按国民经济行业分类"
            f"（GB/T 4754-2017）{DIGITS[o.digits][0]}和{label}分析{area_name}的产业布局。{len(listed)}个{label}中"
            f"{len(rows)}个有规上工业企业数据" + (f"，{idle}个没有（图中灰色）" if idle else "") + "。")
    ranked = sorted(rows, key=lambda r: -r["total"])[:3]
    if ranked:
        text += "规模居前的是" + "、".join(f"{r['region_name']}（占全省 {nv.num(r['share'], 1)}%）"
                                          for r in ranked) + "。"
    special = sorted(rows, key=lambda r: -r["krugman"])[:3]
    if special:
        text += ("专业化程度（克鲁格曼指数）最高的是" + "、".join(
            f"{r['region_name']}（{nv.num(r['krugman'], 2)}，最突出的是{r['top_industry_name']}，区位熵 "
            f"{nv.num(r['top_lq'], 2)}）" for r in special) + "。")
    sec.add(Paragraph(text))
    cols = [Column("地区", "text", 1.3), Column(f"合计({o.unit})", "num1", 1.1), Column("占全省(%)", "num2", 0.8),
            Column("克鲁格曼指数", "num2", 0.9), Column("赫芬达尔指数", "num2", 0.9),
            Column("区位熵最高的行业", "text", 2.0), Column("最高区位熵", "num2", 0.8)]
    table_rows = [[r["region_name"], r["total"], r["share"], r["krugman"], r["herfindahl"],
                   f"{r['top_industry']} {r['top_industry_name']}", r["top_lq"]] for r in rows]
    sec.add(Table(f"各{label}专业化指标", cols, table_rows, "专业化", font_pt=8.5,
                  note="占全省为占全省合计的比重；克鲁格曼指数 0 表示与全省结构相同，越大越专业化。"))
    if rows:
        sec.add(_map_figure(a, "krugman", None, area, f"各{label}专业化程度（克鲁格曼指数）", font, figures,
                            boundaries, "按分位数分为五级设色（每级约五分之一的地区），颜色越深越专业化；灰色为没有规上工业企业数据。"))
    return sec


def location_quotients(a: StoreAnalysis, cities, area, font: Path, figures: _Counter,
                       boundaries: list[Path]) -> Section:
    o = a.options
    label = LEVELS[o.level][0]
    sec = Section("二、专业化与区位熵")
    regions = sorted(in_cities(a.specialisation_rows(), cities), key=lambda r: -r["total"])[:HEAT_REGIONS]
    if not regions:
        return sec.add(Paragraph("范围内没有规上工业企业数据。"))
    codes = [r["region"] for r in regions]
    sub = a.matrix.loc[codes]
    industries = list(sub.sum(axis=0).sort_values(ascending=False, kind="stable").index[:HEAT_INDUSTRIES])
    lq = a.specialisation.location_quotients
    grid = np.array([[lq.loc[r, i] if i in lq.columns else np.nan for i in industries] for r in codes])
    sec.add(Paragraph(f"区位熵大于 1 表示该{label}比全省更专注于该行业。图{figures.n + 1}列出范围内规模最大的 "
                      f"{len(industries)} 个行业在各{label}的区位熵。"))
    fig = rc.lq_heat_table([short_name(r["region_name"]) for r in regions], [a.industry_name(i) for i in industries],
                           grid, font, f"主要行业区位熵（{a.year}年）")
    sec.add(Figure(f"图{figures.next()}  主要行业区位熵", png(fig),
                   "颜色分五档：<0.5、0.5–1、1–1.5、1.5–3、≥3；“—”为没有数据。", 15.5))
    first = industries[0]
    sec.add(_map_figure(a, "lq", first, area, f"{a.industry_name(first)}区位熵", font, figures, boundaries,
                        "区位熵为 0 表示该地区有规上工业但没有该行业；灰色为没有规上工业企业数据。"))
    return sec


def clusters(a: StoreAnalysis, cities) -> Section:
    o = a.options
    sec = Section("三、强集群")
    strong = in_cities(a.cluster_rows(True), cities)
    pairs = in_cities(a.cluster_rows(False), cities)
    rule = "区位熵居该行业前四分之一且不小于 1、规模高于该行业后四分之一"
    if not strong:
        reasons = {}
        for p in pairs:
            reasons[p["reason_zh"]] = reasons.get(p["reason_zh"], 0) + 1
        why = "、".join(f"{k} {v} 个" for k, v in reasons.items())
        return sec.add(Paragraph(f"按强集群规则（{rule}），范围内没有识别出强集群。共 {len(pairs)} 个地区×行业组合，"
                                 f"其中{why}。"))
    sec.add(Paragraph(f"按强集群规则（{rule}），范围内识别出 {len(strong)} 个强集群（地区×行业），见下表。"))
    cols = [Column("地区", "text", 1.2), Column("行业", "text", 2.2), Column(f"{o.measure_label}({o.unit})", "num1", 1.1),
            Column("区位熵", "num2", 0.8), Column("区位熵门槛", "num2", 0.8), Column("规模门槛", "num1", 1.0)]
    rows = [[r["region_name"], f"{r['industry']} {r['industry_name']}", r["value"], r["lq"], r["lq_threshold"],
             r["size_threshold"]] for r in strong]
    return sec.add(Table("强集群", cols, rows, "强集群", font_pt=8.5,
                         note="门槛在有该行业的地区中计算：区位熵门槛为第 75 百分位数（不低于 1），规模门槛为第 25 百分位数。"))


def complexity(a: StoreAnalysis, cities, area, font: Path, figures: _Counter, boundaries: list[Path]) -> Section:
    label = LEVELS[a.options.level][0]
    sec = Section("四、经济复杂度")
    try:
        eci = in_cities(a.eci_rows(), cities)
        pci = a.pci_rows()
    except DataQualityError as exc:
        return sec.add(Paragraph(f"经济复杂度无法计算：{exc.message}。{exc.fix}"))
    if not eci:
        return sec.add(Paragraph("范围内没有参与经济复杂度计算的地区。"))
    top = eci[:3]
    sec.add(Paragraph(f"经济复杂度（ECI）衡量一个地区所具备的产业能力是否多样而稀有。范围内 ECI 最高的是"
                      + "、".join(f"{r['region_name']}（{nv.num(r['eci'], 2)}，具备比较优势的行业 {r['diversity']} 个）"
                                  for r in top) + "。"))
    for note in a.complexity.notes:
        sec.add(Paragraph(f"注：{note}", "note"))
    shown = eci[:HEAT_REGIONS]
    fig = rc.eci_bars([short_name(r["region_name"]) for r in shown], [r["eci"] for r in shown], font,
                      f"各{label}经济复杂度（ECI）")
    sec.add(Figure(f"图{figures.next()}  各{label}经济复杂度排名", png(fig),
                   f"ECI 为标准化 z 分数，0 为全省{label}平均水平" + ("；只列出最高的 20 个。" if len(eci) > len(shown) else "。"),
                   14.0))
    sec.add(_map_figure(a, "eci", None, area, f"各{label}经济复杂度（ECI）", font, figures, boundaries,
                        "颜色越深复杂度越高；灰色为没有数据或未参与计算。"))
    cols = [Column("名次", "int", 0.5), Column("行业", "text", 2.6), Column("普遍性（具备的地区数）", "int", 1.2),
            Column("行业复杂度 PCI", "num2", 1.0)]
    rows = [[r["rank"], f"{r['industry']} {r['industry_name']}", r["ubiquity"], r["pci"]] for r in pci[:15]]
    sec.add(Paragraph("行业复杂度（PCI）衡量一个行业需要的能力有多稀有，全省最高的行业见下表。"),
            Table("行业复杂度（前 15 位）", cols, rows, "行业复杂度", font_pt=8.5))
    return sec


def opportunities(a: StoreAnalysis, cities, area, area_name: str, font: Path, figures: _Counter) -> Section:
    o = a.options
    sec = Section("五、发展机会")
    try:
        found = a.opportunity_rows(future=True)
    except DataQualityError as exc:
        return sec.add(Paragraph(f"发展机会依赖经济复杂度，无法计算：{exc.message}。"))
    items = in_cities(found["items"], cities)
    if not items:
        return sec.add(Paragraph("范围内没有可列出的发展机会。"))
    order = [r["region"] for r in sorted(in_cities(a.specialisation_rows(), cities), key=lambda r: -r["total"])]
    shown_regions = [r for r in order if any(i["region"] == r for i in items)][:OPPORTUNITY_REGIONS]
    sec.add(Paragraph(f"对每个{LEVELS[o.level][0]}尚未具备比较优势的行业，按密度（可行性）排序，列出前 {OPPORTUNITIES_EACH} 个，"
                      "并给出行业复杂度、是否属于未来产业等优先方向和吸引力，供招商和培育研判。"
                      + ("" if len(shown_regions) == len(order) else
                         f"表中只列出规模最大的 {len(shown_regions)} 个地区，完整结果见 Excel 版或接口。")))
    cols = [Column("地区", "text", 1.1), Column("行业", "text", 2.3), Column("密度", "num2", 0.7),
            Column("PCI", "num2", 0.7), Column("优先方向", "text", 1.2), Column("吸引力", "num2", 0.7),
            Column("可行性名次", "int", 0.7)]
    rows = []
    for region in shown_regions:
        mine = [i for i in items if i["region"] == region and i["feasibility_rank"] <= OPPORTUNITIES_EACH]
        for i in sorted(mine, key=lambda i: (i["feasibility_rank"], i["industry"]))[:OPPORTUNITIES_EACH]:
            rows.append([i["region_name"], f"{i['industry']} {i['industry_name']}", i["density"], i["pci"],
                         i["priority_label"] or "—", i["attractiveness"], i["feasibility_rank"]])
    sec.add(Table("发展机会（各地区可行性前 3 位）", cols, rows, "发展机会", font_pt=8.5,
                  note="密度越高，该行业的相关行业在本地区越多，越容易发展；吸引力 = PCI + 优先级。"))
    points = [i for i in items if i["feasibility_rank"] <= 10]
    several = len({i["region"] for i in points}) > 1
    fig = rc.opportunity_scatter([i["density"] for i in points], [i["pci"] for i in points],
                                 [f"{short_name(i['region_name'])}·{i['industry_name']}" if several
                                  else i["industry_name"]
                                  for i in points], [i["priority"] > 0 for i in points], font,
                                 f"{area_name}发展机会：可行性与复杂度")
    sec.add(Figure(f"图{figures.next()}  发展机会：密度与行业复杂度", png(fig),
                   "每点为一个地区尚未具备比较优势的行业（每个地区可行性前 10 位）；右上方既易进入又复杂；"
                   "红色菱形为未来产业或潜力赛道。", 14.5))
    return sec


def growth(a: StoreAnalysis, cities) -> Section:
    o = a.options
    sec = Section("六、增长来源（偏离-份额分解）")
    try:
        found = a.shift_share_rows()
    except InputError as exc:
        return sec.add(Paragraph(f"{exc.message}。"))
    rows = in_cities(found["items"], cities)
    g = found["provincial_growth"]
    leaders = sorted(rows, key=lambda r: -r["regional_shift"])[:3]
    sec.add(Paragraph(f"{found['base_year']}—{found['final_year']}年，全省{o.measure_label}增长 {nv.num(100 * g, 1)}%。"
                      + ("竞争效应（快于同行业全省增速带来的增量）最大的是" + "、".join(
                          f"{r['region_name']}（{nv.num(r['regional_shift'], 1)} {o.unit}）" for r in leaders) + "。"
                         if leaders else "")))
    cols = [Column("地区", "text", 1.2), Column("基期", "num1", 1.0), Column("末期", "num1", 1.0),
            Column("增量", "num1", 1.0), Column("全域份额 NS", "num1", 1.0), Column("结构效应 IM", "num1", 1.0),
            Column("竞争效应 RS", "num1", 1.0)]
    table_rows = [[r["region_name"], r["base"], r["final"], r["change"], r["national_share"], r["industry_mix"],
                   r["regional_shift"]] for r in rows]
    return sec.add(Table(f"偏离-份额分解（{o.unit}）", cols, table_rows, "偏离份额", font_pt=8.5,
                         note="增量 = NS + IM + RS；数值为现价。"))


def appendix(a: StoreAnalysis, imports: dict[int, dict], boundaries: list[Path]) -> Section:
    cited = {i: ["区域指标"] for i, log in imports.items()
             if log.get("kind") == "statistics" and log.get("outcome") == "ok"}
    sec = Section("附录：方法与数据来源")
    sec.add(Heading("（一）方法"), *[Paragraph(f"{k}. {t}", "note") for k, t in enumerate(METHODS, 1)])
    o = a.options
    sec.add(Heading("（二）数据"),
            Paragraph(f"数据为库中规模以上工业企业年度统计的{o.measure_label}，按企业所在{LEVELS[o.level][0]}和行业代码前 "
                      f"{o.digits} 位汇总；库中年份：{'、'.join(a.years)}。", "note"),
            import_table(imports, cited))
    refs = [boundary_note(p) for p in boundaries]
    if refs:
        sec.add(Heading("（三）参考文件"), *[Paragraph(t, "note") for t in refs])
    return sec
