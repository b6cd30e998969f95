"""The appendix 数据来源与口径: every figure traced to its definition, formula, classification, rule
version, data period and the imports (file name and sha256) it was computed from, and the plan document."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from gaodi.catalogs.files import file_sha256
from gaodi.indicators.definitions import VERSION, definition
from gaodi.monitor.records import MonitorRecord
from gaodi.reports.model import Column, Heading, Paragraph, Section, Table
from gaodi.reports.wording import kind_label, plain, rule_version

RULES = ("状态判定：达标 = 本期值已达到目标值（增速类为规划期年均增速达到目标）；正常 = 不低于按期进度，"
         "或趋势预测到目标年可完成目标（增速类为本期增速不低于目标）；预警 = 落后于按期进度、趋势预测未达目标，"
         "但 80% 预测区间可达目标（增速类为低于目标不足 1 个百分点）；滞后 = 其余情形；待评估 = 定性目标或暂无数据。"
         "年度指标在非全年统计期采用上一完整年度数据。")


def definition_table(records: Sequence[MonitorRecord]) -> Table:
    """One row per figure: formula, classification, rule version, data period, import ids (no code keys:
    readers of an official document trace a figure by its name and number)."""
    rows = []
    for r in records:
        classification = definition(r.definition).classification if r.definition else "官方发布值（录入）"
        note = f"；{plain(r.note)}" if r.note else ""
        rows.append([r.number, r.indicator, plain(r.formula or "录入官方发布值") + note,
                     classification, rule_version(r.rule_version), r.data_period or "—",
                     "、".join(str(i) for i in r.inputs) or "—"])
    cols = [Column("序号", "text", 0.45), Column("指标", "text", 2.2), Column("计算公式", "text", 4.5), Column("统计分类", "text", 1.8), Column("规则版本", "text", 1.3),
            Column("数据期", "text", 0.8), Column("导入编号", "text", 0.8)]
    return Table("指标口径与数据来源", cols, rows, "附录-口径", font_pt=8.0, wide=True)


def extra_rows(figures: Iterable[tuple[str, str, str, list[int]]]) -> list[list]:
    """Rows for figures outside the plan table (the city comparisons): (name, key, data period, inputs)."""
    out = []
    for i, (name, key, period, inputs) in enumerate(figures, start=1):
        d = definition(key)
        out.append([f"附{i}", name, plain(d.formula), d.classification, rule_version(VERSION), period,
                    "、".join(str(x) for x in inputs) or "—"])
    return out


def import_table(imports: dict[int, dict], cited: dict[int, list[str]]) -> Table:
    """The imports behind the figures, from the import log: those a figure cites (its statistics, titles,
    clusters or entered values) with the figures citing them, then the other successful imports the
    definitions read (enterprise and park lists, price indices), so no input is left out."""
    cols = [Column("导入编号", "int", 0.7), Column("数据类型", "text", 1.0), Column("文件名", "text", 1.8),
            Column("SHA-256", "text", 4.2), Column("导入行数", "int", 0.8), Column("导入时间", "text", 1.4),
            Column("引用指标", "text", 1.3)]
    ids = sorted(set(cited) | {i for i, log in imports.items()
                               if log.get("outcome") == "ok" and log.get("kind") != "catalogue"})
    rows = []
    for i in ids:
        log = imports.get(i)
        use = "、".join(cited.get(i, [])) or "名录或参数"
        if log is None:
            rows.append([i, "—", "（导入记录缺失）", "—", None, "—", use])
            continue
        when = log.get("finished_at") or log.get("started_at")
        rows.append([i, kind_label(log["kind"]), log["file_name"], log["sha256"], log.get("rows_imported"),
                     when.strftime("%Y-%m-%d %H:%M") if when else "—", use])
    return Table("数据导入记录", cols, rows, "附录-导入", note="SHA-256 为导入文件的哈希值，可用以核对原始文件；"
                 "“引用指标”为直接引用该导入的指标序号。", font_pt=8.0, wide=True)


def boundary_note(path: Path) -> str:
    """The reference line of a map's boundary file, by what it holds rather than its file name."""
    level = "县市区" if "district" in path.stem or "county" in path.stem else "市州"
    return (f"地图边界：{level}行政区划边界数据（SHA-256：{file_sha256(path)}），"
            "来源与许可见随软件发布的边界数据来源说明。")


def appendix(records: Sequence[MonitorRecord], imports: dict[int, dict], plan_name: str,
             doc_number: str | None, plan_sha256: str | None, extra: Sequence[tuple[str, str, str, list[int]]] = (),
             boundaries: Path | None = None) -> Section:
    """The appendix section: definitions, imports, plan and reference files, status rules."""
    table = definition_table(records)
    table.rows.extend(extra_rows(extra))
    cited: dict[int, list[str]] = {}
    for number, ids in [(r.number, r.inputs) for r in records] + [(f"附{k}", e[3]) for k, e in enumerate(extra, 1)]:
        for i in ids:
            cited.setdefault(i, []).append(number)
    sec = Section("附录：数据来源与口径")
    sec.add(Heading("（一）指标口径"), table, Heading("（二）数据导入记录"), import_table(imports, cited))
    refs = [f"规划文件：《{plan_name}》{doc_number or '（无文号）'}，库中规划文本 SHA-256：{plan_sha256 or '—'}。",
            f"指标口径规则版本：{rule_version(VERSION)}。"]
    if boundaries is not None:
        refs.append(boundary_note(boundaries))
    sec.add(Heading("（三）规划与参考文件"), *[Paragraph(t, "note") for t in refs],
            Heading("（四）状态判定规则"), Paragraph(RULES, "note"))
    return sec
