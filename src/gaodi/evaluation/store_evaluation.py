"""Evaluate enterprises, parks or clusters of the store under a rule set (亩均效益, 五好园区, 赛马).

The steps, each recorded in the result so that every class explains itself:

1. the base table for the year (:func:`gaodi.evaluation.store_data.subject_frame`), restricted to
   the rule set's population and jurisdiction;
2. each indicator computed by its definition (:mod:`gaodi.evaluation.definitions`);
3. the not-graded groups (不参评) set aside, then whoever lacks data for an indicator (a zero or
   missing denominator) — never scored as 0;
4. benchmarks written as ``average`` (Σ numerator / Σ denominator over the graded alternatives,
   i.e. the population's own ratio) or ``median`` resolved;
5. scoring, ranking and classes by :func:`gaodi.evaluation.table.evaluate_table`, and the
   measures (差别化措施) of each class attached.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from gaodi.errors import DataQualityError
from gaodi.evaluation.classes import ClassScheme
from gaodi.evaluation.results import EvaluationResult, _plain
from gaodi.evaluation.ruleset import RuleSet
from gaodi.evaluation.store_data import subject_frame, years_with_data
from gaodi.evaluation.table import evaluate_table

_DESCRIPTIVE = ("name", "region_code", "city_code", "park_id", "industry_code", "founded_year",
                "level", "area_mu", "enterprises")


@dataclass(frozen=True)
class Explanation:
    """Why one alternative got its class: inputs, indicator values, points, class and measures."""

    id: str
    name: str
    graded: bool
    inputs: dict[str, Any]
    values: dict[str, float | None]
    contributions: dict[str, float] = field(default_factory=dict)
    total: float | None = None
    rank: int | None = None
    class_label: str | None = None
    measures: list[str] = field(default_factory=list)
    not_graded: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class StoreEvaluation:
    """The evaluation of one year under one rule set (name and version recorded)."""

    ruleset: dict[str, Any]
    year: int
    method: str
    benchmarks: dict[str, float]
    result: EvaluationResult
    items: list[Explanation]
    class_labels: list[str]
    units: dict[str, str] = field(default_factory=dict)
    formulas: dict[str, str] = field(default_factory=dict)

    def explain(self, alternative_id: str) -> Explanation:
        for item in self.items:
            if item.id == alternative_id:
                return item
        raise DataQualityError(
            f"评价结果中没有 {alternative_id}。",
            f"{alternative_id} is not in this evaluation.",
            fix="检查编号，或确认它属于本规则的评价范围。",
        )

    @property
    def graded(self) -> list[Explanation]:
        return [i for i in self.items if i.graded]

    @property
    def not_graded(self) -> list[Explanation]:
        return [i for i in self.items if not i.graded]

    def class_counts(self) -> dict[str, int]:
        counts = {label: 0 for label in self.class_labels}
        for item in self.graded:
            counts[item.class_label] = counts.get(item.class_label, 0) + 1
        counts["不参评"] = len(self.not_graded)
        return counts

    def to_records(self) -> list[dict[str, Any]]:
        """One flat record per alternative: graded ones by rank, then the not-graded."""
        out = []
        for item in self.items:
            record = {"id": item.id, "name": item.name, "rank": item.rank,
                      "class": item.class_label if item.graded else "不参评",
                      "total": item.total}
            record.update(item.values)
            record["reason"] = "；".join(item.not_graded)
            out.append(record)
        return out

    def as_dict(self) -> dict[str, Any]:
        return _plain({
            "ruleset": self.ruleset,
            "year": self.year,
            "method": self.method,
            "indicators": self.result.indicators,
            "units": self.units,
            "formulas": self.formulas,
            "directions": self.result.directions,
            "weights": self.result.weights,
            "benchmarks": self.benchmarks,
            "class_scheme": self.result.class_scheme,
            "class_counts": self.class_counts(),
            "notes": self.result.notes,
            "items": [item.__dict__ for item in self.items],
        })


def evaluate_store(
    store,
    ruleset: RuleSet,
    year: int | None = None,
    *,
    method: str | None = None,
    weights: dict[str, float] | None = None,
    classes: ClassScheme | None = None,
) -> StoreEvaluation:
    """Evaluate the rule set's subjects in ``year`` (default: the rule set's, else the latest)."""
    year = year or ruleset.year or _latest_year(store)
    base = subject_frame(store, ruleset.subject, year,
                         {"above_scale": ruleset.population.get("above_scale")})
    base = _restrict(base, ruleset)
    values = pd.DataFrame(
        {n: d.compute(base) for n, d in ruleset.definitions.items()}, index=base.index
    )[ruleset.indicators]
    reasons = _not_graded(base, values, ruleset, year)
    graded_ids = [i for i in base.index if not reasons.get(i)]
    if len(graded_ids) < 2:
        raise DataQualityError(
            f"{year} 年参评对象不足 2 个（范围内 {len(base)} 个），无法评价。",
            f"Fewer than 2 alternatives can be graded in {year} ({len(base)} in scope).",
            fix="检查该年的统计数据是否已导入，或规则的评价范围与不参评条件。",
            details={"ruleset": ruleset.describe(), "year": year},
        )
    graded_values = values.loc[graded_ids]
    benchmarks = _benchmarks(ruleset, base.loc[graded_ids], graded_values)
    table = graded_values.reset_index().rename(columns={"index": "id"})
    table["id"] = table["id"].astype(str)
    result = evaluate_table(
        table, method or ruleset.scoring.method, id_column="id", rules=ruleset.scoring,
        benchmarks=benchmarks, weights=weights, classes=classes,
    )
    scheme = result.class_scheme or {}
    labels = (list(scheme.get("bounds", {})) if scheme.get("kind") == "thresholds"
              else list(scheme.get("cuts", {})))
    scored = {a.id: a for a in result.alternatives}
    items = []
    for alt_id in base.index:
        row = base.loc[alt_id]
        a = scored.get(str(alt_id))
        items.append(Explanation(
            id=str(alt_id),
            name=str(row.get("name", alt_id)),
            graded=a is not None,
            inputs=_inputs(row, ruleset),
            values={n: _num(values.at[alt_id, n]) for n in ruleset.indicators},
            contributions=dict(a.contributions) if a else {},
            total=a.total if a else None,
            rank=a.rank if a else None,
            class_label=a.class_label if a else None,
            measures=list(ruleset.measures.get(a.class_label, [])) if a else [],
            not_graded=reasons.get(alt_id, []),
        ))
    items.sort(key=lambda i: (not i.graded, i.rank or 0, i.id))
    return StoreEvaluation(
        ruleset={**ruleset.describe(), "description": ruleset.description},
        year=year,
        method=result.method,
        benchmarks=benchmarks,
        result=result,
        items=items,
        class_labels=labels,
        units={n: d.unit for n, d in ruleset.definitions.items()},
        formulas={n: d.formula() for n, d in ruleset.definitions.items()},
    )


def _latest_year(store) -> int:
    years = years_with_data(store)
    if not years:
        raise DataQualityError(
            "库中没有年度统计数据。", "The store has no annual statistics.",
            fix="先导入企业统计（gaodi import statistics 文件）。",
        )
    return years[-1]


def _restrict(base: pd.DataFrame, ruleset: RuleSet) -> pd.DataFrame:
    keep = pd.Series(True, index=base.index)
    if ruleset.jurisdiction:
        prefix = _prefix(ruleset.jurisdiction)
        keep &= base["region_code"].astype(str).str.startswith(prefix)
    sections = ruleset.population.get("sections")
    if sections and "section" in base:
        keep &= base["section"].isin(sections)
    levels = ruleset.population.get("levels")
    if levels and "level" in base:
        keep &= base["level"].isin(levels)
    return base[keep]


def _prefix(code: str) -> str:
    """430000 → "43", 430100 → "4301", 430102 → "430102" (GB/T 2260 levels)."""
    code = str(code)
    if code.endswith("0000"):
        return code[:2]
    if code.endswith("00"):
        return code[:4]
    return code


def _not_graded(base: pd.DataFrame, values: pd.DataFrame, ruleset: RuleSet,
                year: int) -> dict[Any, list[str]]:
    reasons: dict[Any, list[str]] = {}
    for group in ruleset.not_graded:
        if group.founded_within_years is not None and "founded_year" in base:
            age = year - pd.to_numeric(base["founded_year"], errors="coerce")
            hit = age < group.founded_within_years
            detail = lambda i: f"成立于 {int(base.at[i, 'founded_year'])} 年"
        elif group.land_mu_below is not None:
            land = pd.to_numeric(base["land_mu"], errors="coerce")
            hit = land.isna() | (land < group.land_mu_below)
            detail = lambda i: f"用地 {_fmt(base.at[i, 'land_mu'])} 亩"
        elif group.enterprises_below is not None and "enterprises" in base:
            hit = base["enterprises"] < group.enterprises_below
            detail = lambda i: f"企业 {int(base.at[i, 'enterprises'])} 家"
        else:
            continue
        for i in base.index[hit.fillna(False).to_numpy(dtype=bool)]:
            reasons.setdefault(i, []).append(f"{group.label}（{group.id}：{detail(i)}）")
    for name, definition in ruleset.definitions.items():
        missing = values[name].isna() | ~np.isfinite(values[name].astype(float))
        for i in values.index[missing.to_numpy(dtype=bool)]:
            used = "、".join(f"{c}={_fmt(base.at[i, c])}" for c in definition.inputs()
                            if c in base)
            reasons.setdefault(i, []).append(f"缺少数据，无法计算 {name}（{used}）")
    return reasons


def _benchmarks(ruleset: RuleSet, base: pd.DataFrame, values: pd.DataFrame) -> dict[str, float]:
    out = dict(ruleset.scoring.benchmarks)
    for name, word in ruleset.benchmark_rules.items():
        definition = ruleset.definitions[name]
        if word == "median":
            out[name] = float(values[name].median())
        elif definition.kind == "ratio":
            out[name] = float(base[definition.numerator].astype(float).sum()
                              / base[definition.denominator].astype(float).sum()
                              * definition.scale)
        elif definition.kind == "growth":
            out[name] = float((base[definition.field].astype(float).sum()
                               / base[f"prev_{definition.field}"].astype(float).sum() - 1) * 100)
        else:
            out[name] = float(values[name].mean())
        if not out[name] > 0:
            raise DataQualityError(
                f"指标 {name} 的基准值（{word}）为 {out[name]:g}，不是正数，无法对标计分。",
                f"The {word} benchmark of {name} is {out[name]:g}, not positive.",
                fix="在规则中给出数值基准，或改用 minmax-floor / topsis 方法。",
            )
    return out


def _inputs(row: pd.Series, ruleset: RuleSet) -> dict[str, Any]:
    used: dict[str, Any] = {}
    for column in _DESCRIPTIVE:
        if column in row.index:
            used[column] = _plain_value(row[column])
    for definition in ruleset.definitions.values():
        for column in definition.inputs():
            if column in row.index:
                used[column] = _plain_value(row[column])
    return used


def _plain_value(value: Any) -> Any:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    if isinstance(value, (np.integer, np.floating, np.bool_)):
        return value.item()
    return value if not pd.isna(value) else None


def _num(value: Any) -> float | None:
    value = float(value)
    return value if np.isfinite(value) else None


def _fmt(value: Any) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)) or pd.isna(value):
        return "空"
    return f"{float(value):g}"
