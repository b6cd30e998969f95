"""Warning rules as data: a versioned rule set per jurisdiction, read from YAML and checked line by line.

A rule set names its jurisdiction (the province or a city code), a version and the date it takes effect;
each rule has an ``id``, a ``kind``, a ``measure`` of that kind, a ``threshold`` (where the measure takes
one), a ``period`` (N months, at least 1), a ``severity`` (high / medium / low), and optionally an ``area``
(a city, county or park of the jurisdiction) that narrows it. What each measure means is in ``MEASURES``
and in docs/warnings.md. A file with an unknown kind or measure, a period below 1, a negative threshold or
an unknown area is refused with the file, the line and the fix; nothing is stored then.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from importlib import resources
from typing import Any, Callable

import yaml

from gaodi.errors import InputError, Location

KINDS = {"plan": "规划指标", "operation": "企业运行", "chain": "产业链", "project": "重点项目", "problem": "企业诉求"}
KINDS_EN = {"plan": "plan indicators", "operation": "enterprise operation", "chain": "chains",
            "project": "projects", "problem": "problems"}
SEVERITIES = {"high": "高", "medium": "中", "low": "低"}
SEVERITIES_EN = {"high": "high", "medium": "medium", "low": "low"}

# measure → (kind, takes a threshold, what it means)
MEASURES: dict[str, tuple[str, bool, str]] = {
    "at_risk": ("plan", False, "规划指标监测状态为预警（at risk）"),
    "behind": ("plan", False, "规划指标监测状态为滞后"),
    "revenue_fall": ("operation", True, "营业收入当月同比下降幅度 ≥ 阈值，连续 N 个月"),
    "value_added_fall": ("operation", True, "工业增加值当月同比下降幅度 ≥ 阈值，连续 N 个月"),
    "tax_fall": ("operation", True, "税收当月同比下降幅度 ≥ 阈值，连续 N 个月"),
    "energy_fall": ("operation", True, "综合能耗当月同比下降幅度 ≥ 阈值，连续 N 个月"),
    "loss": ("operation", True, "累计利润总额为负且亏损额 ≥ 阈值（万元），连续 N 个月末"),
    "no_output": ("operation", False, "当月工业总产值为零（停产信号），连续 N 个月"),
    "scale_line": ("operation", True, "规上企业按累计营业收入折算的全年营收低于阈值（万元），可能退出规上"),
    "single_outside_supplier": ("chain", True, "环节中向同一省外供应商采购 ≥90% 的链内企业数 ≥ 阈值"),
    "supplier_hhi": ("chain", True, "环节供应商集中度 HHI ≥ 阈值"),
    "leakage_rise": ("chain", True, "省外采购占比：最近 N 个月比之前 N 个月上升 ≥ 阈值（比例）"),
    "start_overdue": ("project", False, "已签约项目：计划开工日已过（或签约满 N 个月）仍未开工"),
    "production_overdue": ("project", False, "已开工项目：计划投产日已过（或开工满 N 个月）仍未投产"),
    "problem_overdue": ("problem", False, "企业诉求超过办理期限未办结"),
    "repeated_problems": ("problem", True, "同一企业（或园区）最近 N 个月提出的诉求数 ≥ 阈值"),
}
FIELDS = {"id", "kind", "measure", "threshold", "period", "severity", "area", "title", "note"}


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str
    measure: str
    threshold: float | None
    period: int
    severity: str
    area: str | None = None
    title: str = ""
    line: int = 0


@dataclass(frozen=True)
class RuleSet:
    jurisdiction: str
    name: str
    version: str
    effective: dt.date
    rules: tuple[Rule, ...]


class _LineLoader(yaml.SafeLoader):
    """A safe loader that remembers the line of every mapping and of each of its keys."""

    def construct_mapping(self, node, deep=False):
        mapping = super().construct_mapping(node, deep=deep)
        mapping["__lines__"] = {k.value: k.start_mark.line + 1 for k, _ in node.value}
        mapping["__line__"] = node.start_mark.line + 1
        return mapping


def parse_rule_set(text: str, file: str, known_area: Callable[[str], bool],
                   known_jurisdiction: Callable[[str], bool]) -> RuleSet:
    """Read and check a rule set; InputError naming the file, the line and the fix on the first fault."""
    try:
        doc = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        raise _bad(file, None if line is None else line + 1, "不是有效的 YAML", "not valid YAML",
                   "检查缩进与冒号（YAML 格式）") from None
    if not isinstance(doc, dict):
        raise _bad(file, 1, "顶层应为映射（jurisdiction、version、rules …）", "the top level must be a mapping",
                   "参照 gaodi 自带的 rulesets/hunan.yaml")
    lines = doc["__lines__"]
    for key in ("jurisdiction", "version", "effective", "rules"):
        if doc.get(key) in (None, ""):
            raise _bad(file, 1, f"缺少 {key}", f"missing {key}", f"在文件开头写 {key}: …")
    jurisdiction = str(doc["jurisdiction"])
    if not known_jurisdiction(jurisdiction):
        raise _bad(file, lines["jurisdiction"], f"地区 {jurisdiction} 不是本省或本省的市州",
                   f"unknown jurisdiction {jurisdiction}", "写省代码（如 430000）或市州代码（如 430100）")
    effective = doc["effective"]
    if not isinstance(effective, dt.date):
        try:
            effective = dt.date.fromisoformat(str(effective))
        except ValueError:
            raise _bad(file, lines["effective"], f"生效日期 {effective} 无法识别", "unreadable effective date",
                       "写成 2026-01-01") from None
    if not isinstance(doc["rules"], list) or not doc["rules"]:
        raise _bad(file, lines["rules"], "rules 应为非空列表", "rules must be a non-empty list",
                   "每条规则以 - id: … 开头")
    rules, ids = [], set()
    for raw in doc["rules"]:
        rule = _rule(raw, file, known_area, lines["rules"])
        if rule.id in ids:
            raise _bad(file, rule.line, f"规则编号 {rule.id} 重复", f"duplicate rule id {rule.id}", "每条规则的 id 唯一")
        ids.add(rule.id)
        rules.append(rule)
    return RuleSet(jurisdiction, str(doc.get("name") or ""), str(doc["version"]), effective, tuple(rules))


def _rule(raw: Any, file: str, known_area: Callable[[str], bool], list_line: int) -> Rule:
    if not isinstance(raw, dict):
        raise _bad(file, list_line, "每条规则应为映射", "each rule must be a mapping", "写成 - id: … kind: …")
    lines, at = raw["__lines__"], raw["__line__"]
    unknown = [k for k in lines if k not in FIELDS]
    if unknown:
        raise _bad(file, lines[unknown[0]], f"不认识的字段 {unknown[0]}", f"unknown field {unknown[0]}",
                   "可用字段：" + "、".join(sorted(FIELDS)))
    for key in ("id", "kind", "measure", "period", "severity"):
        if raw.get(key) in (None, ""):
            raise _bad(file, at, f"规则缺少 {key}", f"rule without {key}", f"为这条规则写上 {key}")
    kind, measure = str(raw["kind"]), str(raw["measure"])
    if kind not in KINDS:
        raise _bad(file, lines["kind"], f"未知的预警类型 {kind}", f"unknown kind {kind}",
                   "可选：" + "、".join(f"{k}（{v}）" for k, v in KINDS.items()))
    if measure not in MEASURES or MEASURES[measure][0] != kind:
        choices = [m for m, (k, _, _) in MEASURES.items() if k == kind]
        raise _bad(file, lines["measure"], f"未知的度量 {measure}（类型 {kind}）", f"unknown measure {measure}",
                   "可选：" + "、".join(choices))
    period = raw["period"]
    if isinstance(period, bool) or not isinstance(period, int) or period < 1:
        raise _bad(file, lines["period"], f"期数 {period} 不是正整数", f"period {period} is not a positive integer",
                   "period 写连续的月数，至少 1")
    takes = MEASURES[measure][1]
    threshold = raw.get("threshold")
    if takes:
        if isinstance(threshold, bool) or not isinstance(threshold, (int, float)) or threshold < 0:
            raise _bad(file, lines.get("threshold", at), f"阈值 {threshold} 应为非负数", "threshold must be ≥ 0",
                       "跌幅写比例（0.2 即 20%），金额写万元")
    elif threshold is not None:
        raise _bad(file, lines["threshold"], f"度量 {measure} 不带阈值", f"measure {measure} takes no threshold",
                   "删去 threshold")
    severity = str(raw["severity"])
    if severity not in SEVERITIES:
        raise _bad(file, lines["severity"], f"未知的级别 {severity}", f"unknown severity {severity}",
                   "可选：high（高）、medium（中）、low（低）")
    area = raw.get("area")
    if area is not None and not known_area(str(area)):
        raise _bad(file, lines["area"], f"地区 {area} 不是本地区的市州、县市区或园区", f"unknown area {area}",
                   "写 6 位区划代码或园区代码，或删去 area（适用全地区）")
    return Rule(str(raw["id"]), kind, measure, None if threshold is None else float(threshold), period, severity,
                None if area is None else str(area), str(raw.get("title") or ""), at)


def _bad(file: str, line: int | None, message: str, message_en: str, fix: str) -> InputError:
    where = f"{file} 第 {line} 行：" if line else f"{file}："
    return InputError(where + message, f"{file} line {line}: {message_en}", fix=fix,
                      location=Location(file=file, row=line))


def builtin_rule_text(name: str = "hunan") -> str:
    """The text of a rule set shipped in the package (``rulesets/<name>.yaml``)."""
    return (resources.files("gaodi.alerts") / "rulesets" / f"{name}.yaml").read_text(encoding="utf-8")
