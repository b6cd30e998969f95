"""Evaluation rule files: directions, weights, benchmarks, caps and class bounds as data (YAML).

Rules that differ by place and year live in a small YAML file rather than in code; the format is
documented in docs/evaluation-methods.md. :func:`parse_rules` validates a loaded mapping and
:func:`load_rules` reads one from disk.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from gaodi.errors import InputError, Location
from gaodi.evaluation.classes import DEFAULT_PERCENTILE_CUTS, ClassScheme
from gaodi.evaluation.decision_matrix import check_weights, resolve_directions

_TOP_KEYS = {
    "name",
    "version",
    "description",
    "method",
    "id_column",
    "indicators",
    "cap",
    "floor",
    "span",
    "scale",
    "entropy_normalization",
    "classes",
}
_INDICATOR_KEYS = {"direction", "weight", "benchmark", "cap", "unit", "label"}


@dataclass(frozen=True)
class EvaluationRules:
    """A validated rule set. Empty mappings and None mean "not set here"."""

    indicators: list[str] = field(default_factory=list)
    directions: dict[str, str] = field(default_factory=dict)
    weights: dict[str, float] = field(default_factory=dict)
    benchmarks: dict[str, float] = field(default_factory=dict)
    caps: dict[str, float] = field(default_factory=dict)
    default_cap: float | None = None
    floor: float | None = None
    span: float | None = None
    scale: float | None = None
    entropy_normalization: str | None = None
    method: str | None = None
    id_column: str | None = None
    classes: ClassScheme | None = None
    name: str | None = None
    version: str | None = None
    source: str | None = None


def load_rules(path: str | Path) -> EvaluationRules:
    """Read and validate a YAML rule file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise InputError(
            f"无法读取规则文件：{exc.strerror or exc}。",
            f"Cannot read the rule file: {exc}.",
            location=Location(file=str(path)),
        ) from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise InputError(
            "规则文件不是有效的 YAML。",
            f"The rule file is not valid YAML: {exc}.",
            fix="检查缩进和冒号；可参照 docs/evaluation-methods.md 中的示例。",
            location=Location(file=str(path), row=None if mark is None else mark.line + 1),
        ) from None
    return parse_rules(data, source=str(path))


def parse_rules(data: Any, source: str | None = None) -> EvaluationRules:
    """Validate a rule mapping (as loaded from YAML) and return it as :class:`EvaluationRules`."""
    where = Location(file=source)
    if not isinstance(data, Mapping):
        raise InputError(
            "规则文件的顶层应为键值对。",
            "The rule file must be a mapping at the top level.",
            fix="参照 docs/evaluation-methods.md 中的示例。",
            location=where,
        )
    unknown = sorted(set(map(str, data)) - _TOP_KEYS)
    if unknown:
        raise InputError(
            f"规则文件中有未知的键：{'、'.join(unknown)}。",
            f"Unknown key(s) in the rule file: {', '.join(unknown)}.",
            fix=f"可用的键：{'、'.join(sorted(_TOP_KEYS))}。",
            location=where,
        )
    indicators, directions, weights, benchmarks, caps = _indicators(data.get("indicators"), where)
    if weights:
        absent = [n for n in indicators if n not in weights]
        if absent:
            raise InputError(
                f"规则文件中这些指标没有权重：{'、'.join(absent)}。",
                f"The rule file gives no weight for: {', '.join(absent)}.",
                fix="要么为每个指标写 weight，要么都不写（改用熵权法或 AHP）。",
                location=Location(file=source, column=absent[0]),
            )
        try:
            weights = check_weights(weights, indicators)
        except InputError as exc:
            raise _located(exc, source) from None
    try:
        directions = resolve_directions(directions, indicators)
    except InputError as exc:
        raise _located(exc, source) from None
    return EvaluationRules(
        indicators=indicators,
        directions=directions,
        weights=weights,
        benchmarks=benchmarks,
        caps=caps,
        default_cap=_number(data, "cap", where, positive=True),
        floor=_number(data, "floor", where),
        span=_number(data, "span", where, positive=True),
        scale=_number(data, "scale", where, positive=True),
        entropy_normalization=_choice(data, "entropy_normalization", ("minmax", "sum"), where),
        method=_choice(
            data, "method", ("topsis", "entropy-topsis", "weighted", "minmax-floor", "ahp"), where
        ),
        id_column=None if data.get("id_column") is None else str(data["id_column"]),
        classes=_classes(data.get("classes"), where),
        name=None if data.get("name") is None else str(data["name"]),
        version=None if data.get("version") is None else str(data["version"]),
        source=source,
    )


def _indicators(raw: Any, where: Location):
    indicators: list[str] = []
    directions: dict[str, str] = {}
    weights: dict[str, float] = {}
    benchmarks: dict[str, float] = {}
    caps: dict[str, float] = {}
    if raw is None:
        return indicators, directions, weights, benchmarks, caps
    if isinstance(raw, list):
        raw = {str(name): {} for name in raw}
    if not isinstance(raw, Mapping):
        raise InputError(
            "indicators 应为“指标名: 设置”的映射。",
            "'indicators' must map indicator names to settings.",
            location=where,
        )
    for name, spec in raw.items():
        name = str(name)
        spec = {} if spec is None else spec
        at = Location(file=where.file, column=name)
        if not isinstance(spec, Mapping):
            raise InputError(
                f"指标 {name} 的设置应为键值对。",
                f"Settings of indicator {name} must be a mapping.",
                fix="例如 亩均税收: {direction: '+', weight: 0.3, benchmark: 26.01}",
                location=at,
            )
        unknown = sorted(set(map(str, spec)) - _INDICATOR_KEYS)
        if unknown:
            raise InputError(
                f"指标 {name} 有未知的设置：{'、'.join(unknown)}。",
                f"Unknown setting(s) for indicator {name}: {', '.join(unknown)}.",
                fix=f"可用的设置：{'、'.join(sorted(_INDICATOR_KEYS))}。",
                location=at,
            )
        indicators.append(name)
        if "direction" in spec:
            directions[name] = str(spec["direction"])
        for key, target, positive in (
            ("weight", weights, False),
            ("benchmark", benchmarks, True),
            ("cap", caps, True),
        ):
            value = _number(spec, key, at, positive=positive)
            if value is not None:
                target[name] = value
    return indicators, directions, weights, benchmarks, caps


def _classes(raw: Any, where: Location) -> ClassScheme | None:
    if raw is None:
        return None
    if not isinstance(raw, Mapping) or raw.get("kind") not in ("percentile", "thresholds"):
        raise InputError(
            "classes 须写明 kind: percentile 或 kind: thresholds。",
            "'classes' needs kind: percentile or kind: thresholds.",
            location=where,
        )
    try:
        if raw["kind"] == "thresholds":
            if not isinstance(raw.get("bounds"), Mapping):
                raise InputError(
                    "分数线分类须给出 bounds，如 A: [80, null]。",
                    "Threshold classes need 'bounds', e.g. A: [80, null].",
                )
            return ClassScheme.thresholds(raw["bounds"])
        cuts = raw.get("cuts", dict(DEFAULT_PERCENTILE_CUTS))
        if not isinstance(cuts, Mapping):
            raise InputError(
                "比例分类的 cuts 应为“类别: 累计比例”，如 A: 0.25。",
                "Percentile 'cuts' must map class to cumulative share, e.g. A: 0.25.",
            )
        return ClassScheme.percentile(cuts)
    except InputError as exc:
        raise _located(exc, where.file) from None


def _number(spec: Mapping, key: str, where: Location, positive: bool = False) -> float | None:
    if spec.get(key) is None:
        return None
    value = spec[key]
    try:
        number = float(value)
        ok = not isinstance(value, bool) and number == number and abs(number) != float("inf")
    except (TypeError, ValueError):
        ok = False
    if not ok or (positive and number <= 0):
        kind = "正数" if positive else "数值"
        raise InputError(
            f"{key} 应为{kind}，实际为 {value!r}。",
            f"'{key}' must be a {'positive ' if positive else ''}number, got {value!r}.",
            location=where,
        )
    return number


def _choice(spec: Mapping, key: str, allowed: tuple[str, ...], where: Location) -> str | None:
    if spec.get(key) is None:
        return None
    value = str(spec[key])
    if value not in allowed:
        raise InputError(
            f"{key} 的取值 {value!r} 无效。",
            f"Invalid {key} {value!r}.",
            fix=f"可选：{'、'.join(allowed)}。",
            location=where,
        )
    return value


def _located(exc: InputError, source: str | None) -> InputError:
    return InputError(
        exc.message,
        exc.message_en,
        fix=exc.fix,
        location=Location(file=source, column=exc.location.column),
        details=exc.details,
    )
