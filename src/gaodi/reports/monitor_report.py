"""The periodic 先进制造业统计监测分析报告 (seed 002: 定期发布先进制造业统计监测分析报告).

Sections: 一、总体情况；二、主要指标监测；三、重点领域；四、存在问题；五、下一步建议；附录：数据来源与口径.
"""

from __future__ import annotations

from pathlib import Path

from gaodi.reports import figures as fg
from gaodi.reports import narrative as nv
from gaodi.reports.appendix import appendix
from gaodi.reports.city_values import city_values
from gaodi.reports.gather import ReportData
from gaodi.reports.model import Heading, Paragraph, Report, Section
from gaodi.reports.tables import city_table, status_table, targets_table

# The key areas compared by city: (definition key, title, unit).
KEY_AREAS = (("hightech_share", "高技术制造业增加值占比", "%"),
             ("advanced_share", "先进制造业占制造业比重", "%"),
             ("park_share", "园区工业增加值占比", "%"),
             ("profit_margin", "营业收入利润率", "%"))


def default_issuer(data: ReportData) -> str:
    """The body that issues the monitoring report (seed 002: the province's 工业和信息化厅)."""
    return f"{data.plan.jurisdiction or ''}工业和信息化厅"


def summary(data: ReportData) -> dict:
    return {"kind": data.kind, "plan_id": data.plan.id, "period": data.period.key, "area": data.area.code,
            "indicators": len(data.records), "status": nv.status_counts(data.records),
            "behind": [r.indicator for r in data.records if r.status == "behind"],
            "at_risk": [r.indicator for r in data.records if r.status == "at_risk"]}


def key_areas(data: ReportData, font: Path, first_figure: int) -> tuple[Section, list, Path | None]:
    """三、重点领域: city values of the key shares, a bar chart, the map and a table (province reports only)."""
    sec = Section("三、重点领域")
    if data.area.kind != "province":
        sec.add(Paragraph(f"本报告范围为{data.area.name}，市州比较见全省报告。"))
        return sec, [], None
    cols = [(title, unit, city_values(data.sources, key, data.period, data.plan.base_year))
            for key, title, unit in KEY_AREAS]
    province = [fg.province_value(data, key) for key, *_ in KEY_AREAS]
    extra = [(f"{t}（各市州）", key, data.period.key, sorted({i for cv in col for i in cv.inputs}))
             for (key, *_), (t, _, col) in zip(KEY_AREAS, cols)]
    hightech, advanced, park = cols[0][2], cols[1][2], cols[2][2]

    def spread(values, title):
        known = sorted((v for v in values if v.value is not None), key=lambda v: -v.value)
        if not known:
            return f"{title}各市州暂无数据。"
        return (f"{title}最高的是{known[0].name}（{nv.num(known[0].value, 1)}%），最低的是{known[-1].name}"
                f"（{nv.num(known[-1].value, 1)}%）")

    n = first_figure
    sec.add(Heading("（一）高技术制造业"),
            Paragraph(f"{data.period.label}，全省高技术制造业增加值占规模工业增加值比重为 "
                      f"{nv.num(province[0], 1)}%。{spread(hightech, '分市州看，占比')}。"),
            fg.bars_figure(hightech, province[0], "各市州高技术制造业增加值占规模工业增加值比重", "%", font, n))
    map_fig, boundaries = fg.map_figure(advanced, "各市州先进制造业增加值占制造业比重", "%",
                                        data.sources.province_code, font, n + 1)
    sec.add(Heading("（二）先进制造业"),
            Paragraph(f"全省先进制造业增加值占全部制造业比重为 {nv.num(province[1], 1)}%。"
                      f"{spread(advanced, '分市州看，比重')}。"),
            map_fig,
            Heading("（三）园区"),
            Paragraph(f"园区工业占全省规模以上工业企业增加值比重为 {nv.num(province[2], 1)}%。"
                      f"{spread(park, '分市州看，比重')}。"),
            city_table(cols, province))
    return sec, extra, boundaries


def build_monitor(data: ReportData, font: Path, issuer: str | None = None) -> Report:
    plan, period, records = data.plan, data.period, data.records
    area_name = data.area.name or data.area.code
    one = Section("一、总体情况").add(
        Paragraph(nv.overview(records, plan.name, plan.doc_number, period.label, area_name)),
        *[Paragraph(t) for t in data.notes],
        fg.status_figure(data, font, 1))
    two = Section("二、主要指标监测").add(
        Paragraph(f"{period.label}{area_name}规划主要指标的本期值、目标、进度、趋势预测和状态见表 1。"),
        status_table(records, "本期值"))
    if data.counts or data.sectors:
        two.add(Paragraph("规划数量目标和产业营收目标的实际值、所需年均变化和状态见表 2。"),
                targets_table(data.counts, data.sectors))
    trend = fg.trend_figure(data, font, 2)
    if trend is not None:
        two.add(trend)
    three, extra, boundaries = key_areas(data, font, 3 if trend is not None else 2)
    issues = nv.problems(records)
    four = Section("四、存在问题").add(*([Paragraph(f"{i}. {t}") for i, t in enumerate(issues, 1)]
                                        or [Paragraph("本期各项指标均达标或运行正常。")]))
    steps = nv.suggestions(records)
    five = Section("五、下一步建议").add(*([Paragraph(f"{i}. {t}") for i, t in enumerate(steps, 1)]
                                         or [Paragraph("各项指标运行正常，建议保持监测频次，按期发布监测报告。")]))
    app = appendix(records, data.imports, plan.name, plan.doc_number, data.plan_sha256, extra, boundaries)
    number = f"{period.year}年第{period.month}期" if period.month else f"{period.year}年年度报告"
    return Report("monitor", f"{area_name}先进制造业统计监测分析报告", f"（{period.label}）",
                  issuer or default_issuer(data), number, data.date, period.key, [one, two, three, four, five], app,
                  summary(data), records)
