"""The tables of the reports, built from monitoring records; values stay numbers for XLSX."""

from __future__ import annotations

from collections.abc import Sequence

from gaodi.monitor.records import MonitorRecord
from gaodi.reports.city_values import CityValue
from gaodi.reports.model import Column, Table, whole
from gaodi.reports.wording import plain


def _target(r: MonitorRecord) -> str:
    return r.target if r.target_op == "qualitative" else f"{r.target}（{r.target_year}年）"



def status_table(records: Sequence[MonitorRecord], period_label: str) -> Table:
    """The status table of every plan indicator: value, target, progress, forecast, status and the reason."""
    cols = [Column("序号", "text", 0.45), Column("指标名称", "text", 2.6), Column("单位", "text", 0.5),
            Column("基期值", "num2", 0.85), Column(f"{period_label}", "num2", 0.95), Column("数据期", "text", 0.85),
            Column("目标值", "text", 1.2), Column("进度", "text", 0.9), Column("预测值", "num2", 0.85),
            Column("状态", "text", 0.6), Column("说明", "text", 2.6)]
    rows = [[r.number, r.indicator, r.unit or "", whole(r.base, r.unit), whole(r.value, r.unit),
             r.value_label or r.data_period or "", _target(r), _progress(r), r.forecast, r.status_zh, plain(r.reason)]
            for r in records]
    note = ("进度 =（本期值 − 基期值）÷（目标值 − 基期值）× 100，离目标反向变化时写“倒退”及其幅度，增速类指标不计进度；"
            "预测值为按年度序列线性趋势外推到目标年的数值；状态判定规则见附录。")
    return Table("主要指标监测情况", cols, rows, "指标监测", note, font_pt=9.0, wide=True)


def _progress(r: MonitorRecord) -> str:
    return "—" if r.progress_text in ("", "年均增速指标不计完成进度，见所需年均增速") else r.progress_text


def targets_table(counts: Sequence[MonitorRecord], sectors: Sequence) -> Table:
    """The plan's count targets and sector revenue targets: actual value, data year, target, status."""
    cols = [Column("目标", "text", 2.6), Column("单位", "text", 0.5), Column("实际值", "num2", 0.95),
            Column("数据期", "text", 0.9), Column("目标值", "text", 1.2), Column("所需年均变化", "text", 1.0),
            Column("状态", "text", 0.6), Column("说明", "text", 2.6)]
    rows = [[r.indicator, r.unit or "", whole(r.value, r.unit), r.value_label or "", _target(r),
             "—" if r.required is None else f"{r.required:.4g}{r.required_unit or ''}", r.status_zh, r.reason]
            for r in counts]
    rows += [[f"{s.sector}营收", "亿元", s.value, str(s.data_year or "—"), f"{s.target:g}（{s.target_year}年）",
              "—" if s.required_growth is None else f"{s.required_growth:.1f}%/年", s.status_zh, s.reason]
             for s in sectors]
    note = "数量目标按指标口径计算；产业营收按行业小类对应关系（sectors.yaml）汇总规上企业营业收入。"
    return Table("数量目标与产业营收目标监测情况", cols, rows, "目标监测", note, font_pt=9.0, wide=True)


def evaluation_table(records: Sequence[MonitorRecord], kind: str, period_label: str) -> Table:
    """Progress of every indicator against the straight path to the target year, with the conclusion."""
    cols = [Column("序号", "text", 0.45), Column("指标名称", "text", 2.6), Column("单位", "text", 0.5),
            Column("基期值", "num2", 0.85), Column(period_label, "num2", 0.95), Column("按期应达", "num2", 0.85),
            Column("目标值", "text", 1.2), Column("进度(%)", "num1", 0.75), Column("所需年均变化", "num2", 0.9),
            Column("结论", "text", 0.9), Column("说明", "text", 2.2)]
    rows = [[r.number, r.indicator, r.unit or "", whole(r.base, r.unit), whole(r.value, r.unit), r.expected_now,
             _target(r), r.progress, r.required, conclusion(r, kind), plain(r.reason)] for r in records]
    note = ("按期应达 = 基期值 +（目标值 − 基期值）×（评估年 − 基期年）÷（目标年 − 基期年）；所需年均变化为剩余年份"
            "每年需提高（降低）的数量，增速类为剩余年份需达到的年均增速（%）。")
    return Table("主要指标完成情况", cols, rows, "指标评估", note, font_pt=9.0, wide=True)


def conclusion(r: MonitorRecord, kind: str) -> str:
    """The evaluation's word on one indicator: final = 完成/未完成; midterm = 已达标/符合进度/进度滞后."""
    if r.status == "pending":
        return "待评估"
    if kind == "final":
        return "完成" if r.status == "achieved" else "未完成"
    return {"achieved": "已达标", "on_track": "符合进度", "at_risk": "略有滞后", "behind": "进度滞后"}[r.status]


def city_table(columns: Sequence[tuple[str, str, list[CityValue]]], province: Sequence[float | None]) -> Table:
    """Key shares by city, the province last; ``columns`` are (title, unit, values in city order)."""
    cols = [Column("市州", "text", 1.4)] + [Column(f"{t}({u})", "num1", 1.0) for t, u, _ in columns]
    first = columns[0][2]
    rows = [[cv.name] + [col[2][i].value for col in columns] for i, cv in enumerate(first)]
    rows.append(["全省"] + list(province))
    return Table("各市州重点领域指标", cols, rows, "市州比较", font_pt=9.0)
