"""Store evaluation rule sets: who is evaluated, on what, how, and what each class means.

A rule set is a named, versioned YAML file for one kind of subject (enterprises, parks or
clusters) of a jurisdiction: the population and its not-graded groups (不参评), the indicators with
their definitions, direction, weight, benchmark and cap, the scoring method, the class bounds and
the differentiated measures (差别化措施) of each class, and for clusters and parks the dynamic
management rules (动态管理). The format is documented in docs/evaluation-rules.md; the shipped rule
sets live in ``gaodi/evaluation/rulesets``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from gaodi.errors import InputError, Location, NotFoundError
from gaodi.evaluation.definitions import IndicatorDefinition, parse_definition
from gaodi.evaluation.rules import EvaluationRules, parse_rules
from gaodi.evaluation.store_data import SUBJECTS

RULESET_DIR = Path(__file__).with_name("rulesets")

_TOP = {
    "name", "version", "subject", "jurisdiction", "year", "description", "source", "population",
    "not_graded", "method", "cap", "floor", "span", "scale", "entropy_normalization",
    "indicators", "classes", "measures", "dynamic",
}
_POPULATION = {"above_scale", "sections", "levels"}
_GROUP = {"id", "label", "founded_within_years", "land_mu_below", "enterprises_below"}
_DYNAMIC = {"warning_bottom", "loss_bottom", "loss_consecutive_years"}
_BENCHMARK_WORDS = ("average", "median")


@dataclass(frozen=True)
class NotGradedGroup:
    """A group that is in scope but not graded (不参评), e.g. enterprises founded < 2 years ago."""

    id: str
    label: str
    founded_within_years: int | None = None
    land_mu_below: float | None = None
    enterprises_below: int | None = None


@dataclass(frozen=True)
class DynamicRules:
    """动态管理: warn the bottom N of a year; strip the status of the bottom N for k years running."""

    warning_bottom: int | None = None
    loss_bottom: int | None = None
    loss_consecutive_years: int = 2


@dataclass(frozen=True)
class RuleSet:
    """A validated store evaluation rule set."""

    name: str
    version: str
    subject: str
    scoring: EvaluationRules
    definitions: dict[str, IndicatorDefinition]
    jurisdiction: str | None = None
    year: int | None = None
    description: str = ""
    source_text: str = ""
    population: dict[str, Any] = field(default_factory=dict)
    not_graded: tuple[NotGradedGroup, ...] = ()
    benchmark_rules: dict[str, str] = field(default_factory=dict)
    dimensions: dict[str, str] = field(default_factory=dict)
    measures: dict[str, list[str]] = field(default_factory=dict)
    dynamic: DynamicRules | None = None
    path: str | None = None

    @property
    def indicators(self) -> list[str]:
        return list(self.scoring.indicators)

    def describe(self) -> dict[str, Any]:
        """Name, version and origin, as every result records them."""
        return {"name": self.name, "version": self.version, "subject": self.subject,
                "jurisdiction": self.jurisdiction, "file": self.path}


def list_rulesets() -> list[RuleSet]:
    """The rule sets shipped with gaodi."""
    return [load_ruleset(p) for p in sorted(RULESET_DIR.glob("*.yaml"))]


def load_ruleset(name_or_path: str | Path) -> RuleSet:
    """Load a rule set from a YAML path, or a shipped one by its ``name`` or file stem."""
    path = Path(name_or_path)
    if not path.exists():
        wanted = str(name_or_path)
        for candidate in sorted(RULESET_DIR.glob("*.yaml")):
            if candidate.stem == wanted or _peek_name(candidate) == wanted:
                path = candidate
                break
        else:
            names = [_peek_name(p) or p.stem for p in sorted(RULESET_DIR.glob("*.yaml"))]
            raise NotFoundError(
                f"找不到评价规则 {wanted}。",
                f"No rule set named {wanted!r}.",
                fix=f"给出 YAML 文件路径，或用内置规则：{'、'.join(names)}。",
            )
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise InputError(
            "规则文件不是有效的 YAML。",
            f"The rule file is not valid YAML: {exc}.",
            fix="检查缩进和冒号；可参照 docs/evaluation-rules.md 中的示例。",
            location=Location(file=str(path), row=None if mark is None else mark.line + 1),
        ) from None
    return parse_ruleset(data, source=str(path))


def _peek_name(path: Path) -> str | None:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except (OSError, yaml.YAMLError):
        return None
    return str(data.get("name")) if isinstance(data, Mapping) and data.get("name") else None


def parse_ruleset(data: Any, source: str | None = None) -> RuleSet:
    """Validate a rule-set mapping (as loaded from YAML); every refusal is an InputError."""
    where = Location(file=source)
    if not isinstance(data, Mapping):
        raise _error("规则文件的顶层应为键值对。", "The rule file must be a mapping.", where)
    _no_unknown(data, _TOP, "规则文件", where)
    for key in ("name", "version", "subject", "indicators"):
        if data.get(key) in (None, ""):
            raise _error(f"规则文件缺少 {key}。", f"The rule file lacks '{key}'.", where,
                         fix="规则须有 name、version、subject 和 indicators。")
    subject = str(data["subject"])
    if subject not in SUBJECTS:
        raise _error(f"subject 的取值 {subject!r} 无效。", f"Invalid subject {subject!r}.", where,
                     fix=f"可选：{'、'.join(SUBJECTS)}。")
    raw_indicators = data["indicators"]
    if not isinstance(raw_indicators, Mapping) or not raw_indicators:
        raise _error("indicators 应为“指标名: 设置”的映射。",
                     "'indicators' must map indicator names to settings.", where)
    definitions: dict[str, IndicatorDefinition] = {}
    benchmark_rules: dict[str, str] = {}
    dimensions: dict[str, str] = {}
    scoring_indicators: dict[str, dict] = {}
    for name, spec in raw_indicators.items():
        name = str(name)
        at = Location(file=source, column=name)
        if spec is not None and not isinstance(spec, Mapping):
            raise _error(f"指标 {name} 的设置应为键值对。",
                         f"Settings of indicator {name} must be a mapping.", at,
                         fix="例如 亩均税收: {weight: 0.3, benchmark: average}")
        spec = dict(spec or {})
        definitions[name] = parse_definition(name, spec.pop("definition", None), at)
        if spec.get("dimension") is not None:
            dimensions[name] = str(spec.pop("dimension"))
        if isinstance(spec.get("benchmark"), str):
            word = spec.pop("benchmark")
            if word not in _BENCHMARK_WORDS:
                raise _error(f"指标 {name} 的 benchmark {word!r} 无效。",
                             f"Invalid benchmark {word!r} for {name}.", at,
                             fix="写数值，或 average（参评对象合计之比）、median（中位数）。")
            benchmark_rules[name] = word
        scoring_indicators[name] = spec
    scoring_keys = ("name", "version", "method", "cap", "floor", "span", "scale",
                    "entropy_normalization", "classes")
    scoring = parse_rules(
        {**{k: data[k] for k in scoring_keys if k in data}, "indicators": scoring_indicators},
        source=source,
    )
    method = scoring.method or ("weighted" if scoring.weights else "entropy-topsis")
    if method in ("weighted", "minmax-floor", "topsis") and not scoring.weights:
        raise _error(f"方法 {method} 需要每个指标的权重。",
                     f"Method {method} needs a weight for every indicator.", where)
    if method == "weighted":
        absent = [n for n in scoring.indicators
                  if n not in scoring.benchmarks and n not in benchmark_rules]
        if absent:
            raise _error(f"对标计分法需要基准值：{'、'.join(absent)} 没有 benchmark。",
                         f"Method weighted needs a benchmark for: {', '.join(absent)}.",
                         Location(file=source, column=absent[0]),
                         fix="写数值，或 benchmark: average。")
    scoring = dataclasses.replace(scoring, method=method)
    labels = _class_labels(scoring)
    measures = _measures(data.get("measures"), labels, where)
    return RuleSet(
        name=str(data["name"]),
        version=str(data["version"]),
        subject=subject,
        scoring=scoring,
        definitions=definitions,
        jurisdiction=None if data.get("jurisdiction") is None else str(data["jurisdiction"]),
        year=_integer(data, "year", where),
        description=str(data.get("description", "")).strip(),
        source_text=str(data.get("source", "")).strip(),
        population=_population(data.get("population"), subject, where),
        not_graded=_groups(data.get("not_graded"), where),
        benchmark_rules=benchmark_rules,
        dimensions=dimensions,
        measures=measures,
        dynamic=_dynamic(data.get("dynamic"), where),
        path=source,
    )


def _class_labels(scoring: EvaluationRules) -> list[str]:
    scheme = scoring.classes
    if scheme is None:
        return ["A", "B", "C", "D"]
    if scheme.kind == "thresholds":
        return [b.label for b in scheme.bounds]
    return [label for label, _ in scheme.cuts]


def _measures(raw: Any, labels: list[str], where: Location) -> dict[str, list[str]]:
    if raw is None:
        return {}
    if not isinstance(raw, Mapping):
        raise _error("measures 应为“类别: [措施, ...]”。", "'measures' must map class to list.",
                     where)
    out = {}
    for label, items in raw.items():
        if str(label) not in labels:
            raise _error(f"measures 中的类别 {label} 不是分类中的类别。",
                         f"measures names class {label!r}, which is not a class.", where,
                         fix=f"类别为：{'、'.join(labels)}。")
        items = [items] if isinstance(items, str) else list(items or [])
        out[str(label)] = [str(i) for i in items]
    return out


def _population(raw: Any, subject: str, where: Location) -> dict[str, Any]:
    if raw is None:
        return {}
    if not isinstance(raw, Mapping):
        raise _error("population 应为键值对。", "'population' must be a mapping.", where)
    _no_unknown(raw, _POPULATION, "population", where)
    out = dict(raw)
    if "above_scale" in out and not isinstance(out["above_scale"], bool):
        raise _error("population.above_scale 应为 true 或 false。",
                     "population.above_scale must be true or false.", where)
    for key in ("sections", "levels"):
        if key in out:
            out[key] = [str(v) for v in (out[key] or [])]
    if "levels" in out and subject == "enterprises":
        raise _error("population.levels 只用于园区和集群。",
                     "population.levels applies to parks and clusters only.", where)
    return out


def _groups(raw: Any, where: Location) -> tuple[NotGradedGroup, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise _error("not_graded 应为列表。", "'not_graded' must be a list.", where)
    groups = []
    for item in raw:
        if not isinstance(item, Mapping) or not item.get("id") or not item.get("label"):
            raise _error("not_graded 的每一项须有 id 和 label。",
                         "Each not_graded group needs an id and a label.", where)
        _no_unknown(item, _GROUP, f"not_graded {item.get('id')}", where)
        tests = [k for k in ("founded_within_years", "land_mu_below", "enterprises_below")
                 if item.get(k) is not None]
        if len(tests) != 1:
            raise _error(f"不参评组 {item['id']} 须恰好给出一个条件。",
                         f"Not-graded group {item['id']} needs exactly one test.", where,
                         fix="founded_within_years、land_mu_below 或 enterprises_below 之一。")
        number = item[tests[0]]
        if isinstance(number, bool) or not isinstance(number, (int, float)) or number <= 0:
            raise _error(f"不参评组 {item['id']} 的 {tests[0]} 应为正数。",
                         f"{tests[0]} of group {item['id']} must be a positive number.", where)
        groups.append(NotGradedGroup(str(item["id"]), str(item["label"]), **{tests[0]: number}))
    return tuple(groups)


def _dynamic(raw: Any, where: Location) -> DynamicRules | None:
    if raw is None:
        return None
    if not isinstance(raw, Mapping):
        raise _error("dynamic 应为键值对。", "'dynamic' must be a mapping.", where)
    _no_unknown(raw, _DYNAMIC, "dynamic", where)
    values = {}
    for key in _DYNAMIC:
        if raw.get(key) is None:
            continue
        value = raw[key]
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise _error(f"dynamic.{key} 应为正整数。", f"dynamic.{key} must be a positive integer.",
                         where)
        values[key] = value
    return DynamicRules(**values)


def _integer(data: Mapping, key: str, where: Location) -> int | None:
    if data.get(key) is None:
        return None
    value = data[key]
    if isinstance(value, bool) or not isinstance(value, int):
        raise _error(f"{key} 应为整数年份。", f"'{key}' must be an integer year.", where)
    return value


def _no_unknown(raw: Mapping, allowed: set[str], what: str, where: Location) -> None:
    unknown = sorted(set(map(str, raw)) - allowed)
    if unknown:
        raise _error(f"{what} 中有未知的键：{'、'.join(unknown)}。",
                     f"Unknown key(s) in {what}: {', '.join(unknown)}.", where,
                     fix=f"可用的键：{'、'.join(sorted(allowed))}。")


def _error(message: str, message_en: str, where: Location, fix: str = "") -> InputError:
    return InputError(message, message_en, fix=fix, location=where)
