"""The mid-term and final evaluations of a plan (seed 004, 四、保障措施: 规划实施情况监测分析、中期评估和总结评估).

Mid-term (``midterm``): the plan's middle year; final (``final``): its target year. Each indicator is
set against the straight path from its base to the target (按期应达), with what is achieved, what is
behind and the change still needed per year.
"""

from __future__ import annotations

from pathlib import Path

from gaodi.reports import figures as fg
from gaodi.reports import narrative as nv
from gaodi.reports.appendix import appendix
from gaodi.reports.gather import ReportData, evaluation_year
from gaodi.reports.model import Paragraph, Report, Section
from gaodi.reports.monitor_report import summary
from gaodi.reports.tables import conclusion, evaluation_table

NAMES = {"midterm": "中期评估", "final": "总结评估"}


def build_evaluation(data: ReportData, font: Path, issuer: str | None = None) -> Report:
    plan, period, records, kind = data.plan, data.period, data.records, data.kind
    name = NAMES[kind]
    year = evaluation_year(plan, kind)
    words = {r.number: conclusion(r, kind) for r in records}
    good = [r for r in records if r.status in ("achieved", "on_track")]
    late = [r for r in records if r.status in ("behind", "at_risk")]
    pending = [r for r in records if r.status == "pending"]
    counts = {w: sum(1 for v in words.values() if v == w) for w in dict.fromkeys(words.values())}
    tally = "、".join(f"{w} {n} 项" for w, n in counts.items())
    one = Section("一、规划实施总体情况").add(
        Paragraph(f"《{plan.name}》（{plan.doc_number or '无文号'}）以 {plan.base_year} 年为基期、{plan.target_year} 年"
                  f"为目标年，共 {len(records)} 项主要指标。按{period.label}数据{name}，{tally}。"),
        *[Paragraph(t) for t in data.notes],
        fg.status_figure(data, font, 1))
    two = Section("二、主要指标完成情况").add(
        Paragraph(f"各项指标与按期应达水平、目标值的对照见表 1（评估年份 {year} 年）。"),
        evaluation_table(records, kind, "评估期值"))
    three = Section("三、已完成和进度较好的指标").add(
        *([Paragraph(f"{i}. {nv.describe(r)}") for i, r in enumerate(good, 1)]
          or [Paragraph("暂无达标或符合进度的指标。")]))
    four = Section("四、进度滞后的指标").add(
        *([Paragraph(f"{i}. {nv.describe(r)}") for i, r in enumerate(late, 1)]
          or [Paragraph("没有进度滞后的指标。")]),
        *([Paragraph(f"另有{'、'.join(r.indicator for r in pending)}共 {len(pending)} 项待评估"
                     f"（定性目标或暂无数据）。")] if pending else []))
    sections = [one, two, three, four]
    trend = fg.trend_figure(data, font, 2)
    if trend is not None:
        sections.append(Section("五、趋势研判").add(
            Paragraph("按历年数据的线性趋势外推到目标年，并给出 80% 预测区间，用于判断目标实现的可能性。"), trend))
    steps = nv.suggestions(records)
    closing = ("规划期已结束，未完成的指标应在下一轮规划中分析原因、延续或调整目标。" if kind == "final" else
               "建议对滞后指标开展专项督导，必要时按程序调整规划后半期的推进措施。")
    sections.append(Section(f"{'六' if trend is not None else '五'}、下一步建议").add(
        *[Paragraph(f"{i}. {t}") for i, t in enumerate(steps, 1)], Paragraph(closing)))
    app = appendix(records, data.imports, plan.name, plan.doc_number, data.plan_sha256)
    return Report(kind, f"《{plan.name}》实施{name}报告", f"（评估年份 {year} 年，数据期 {period.label}）",
                  issuer or f"{plan.jurisdiction or ''}工业和信息化厅", f"{plan.doc_number or plan.id}实施{name}",
                  data.date, period.key, sections, app, {**summary(data), "evaluation_year": year,
                                                          "conclusions": counts}, records)
