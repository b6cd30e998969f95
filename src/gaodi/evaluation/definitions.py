"""Indicator definitions for store evaluations: how each indicator is computed from the store.

A definition is one of four kinds, computed on the base table of :mod:`gaodi.evaluation.store_data`
(one row per enterprise, park or cluster; parks and clusters hold the sums of their members):

- ``ratio``: numerator / denominator × scale (亩均税收 = tax / land_mu, 万元/亩);
- ``growth``: (field_Y / field_{Y−1} − 1) × 100, in %, over the enterprises that have a row for Y
  (for a park or cluster: this year's members; one without a row for Y−1 counts 0 there);
- ``sum``: the field itself (营业收入, for a park the sum of its members);
- ``count``: a count column (``enterprises``, ``above_scale_count``, ``title_little_giant`` ...).

The names below are the shipped catalogue; a rule file may define more with ``definition:``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from gaodi.errors import InputError, Location
from gaodi.evaluation.store_data import EMISSION_FIELDS, STAT_FIELDS, TITLE_COLUMNS

KINDS = ("ratio", "growth", "sum", "count")
COUNT_COLUMNS = ("enterprises", "above_scale_count", *TITLE_COLUMNS.values())
_FIELDS = (*STAT_FIELDS, *EMISSION_FIELDS, "area_mu")


@dataclass(frozen=True)
class IndicatorDefinition:
    """How one indicator is computed; ``unit`` is what the value is expressed in."""

    kind: str
    unit: str
    numerator: str | None = None
    denominator: str | None = None
    field: str | None = None
    scale: float = 1.0
    description: str = ""

    def inputs(self) -> list[str]:
        """The base-table columns this indicator reads."""
        if self.kind == "ratio":
            return [self.numerator or "", self.denominator or ""]
        if self.kind == "growth":
            return [self.field or "", f"prev_{self.field}"]
        return [self.field or ""]

    def formula(self) -> str:
        if self.kind == "ratio":
            factor = "" if self.scale == 1 else f" × {self.scale:g}"
            return f"{self.numerator} / {self.denominator}{factor}"
        if self.kind == "growth":
            return f"({self.field} / prev_{self.field} − 1) × 100"
        return str(self.field)

    def compute(self, base: pd.DataFrame) -> pd.Series:
        """Values per row of ``base``; NaN where the denominator is missing or not positive."""
        if self.kind == "ratio":
            num = pd.to_numeric(base[self.numerator], errors="coerce").astype(float)
            den = pd.to_numeric(base[self.denominator], errors="coerce").astype(float)
            return (num / den.where(den > 0)) * self.scale
        if self.kind == "growth":
            now = pd.to_numeric(base[self.field], errors="coerce").astype(float)
            before = pd.to_numeric(base[f"prev_{self.field}"], errors="coerce").astype(float)
            return (now / before.where(before > 0) - 1.0) * 100.0
        return pd.to_numeric(base[self.field], errors="coerce").astype(float)


CATALOGUE: dict[str, IndicatorDefinition] = {
    "亩均税收": IndicatorDefinition("ratio", "万元/亩", "tax", "land_mu",
                                    description="实缴税收 / 用地面积"),
    "亩均增加值": IndicatorDefinition("ratio", "万元/亩", "value_added", "land_mu",
                                      description="工业增加值 / 用地面积"),
    "亩均营业收入": IndicatorDefinition("ratio", "万元/亩", "revenue", "land_mu",
                                        description="营业收入 / 用地面积"),
    "单位能耗增加值": IndicatorDefinition("ratio", "万元/吨标准煤", "value_added", "energy_tce",
                                          description="工业增加值 / 综合能耗"),
    "单位排放增加值": IndicatorDefinition(
        "ratio", "万元/吨", "value_added", "pollutants_t",
        description="工业增加值 / 主要污染物排放量（化学需氧量、氨氮、二氧化硫、氮氧化物合计，吨；"
                    "浙政发〔2018〕5号）"),
    "单位碳排放增加值": IndicatorDefinition("ratio", "万元/吨CO2", "value_added", "carbon_t",
                                            description="工业增加值 / 二氧化碳排放量"),
    "全员劳动生产率": IndicatorDefinition("ratio", "万元/人", "value_added", "employees",
                                          description="工业增加值 / 从业人员"),
    "研发经费投入强度": IndicatorDefinition("ratio", "%", "rd_expense", "revenue", scale=100.0,
                                            description="研发经费 / 营业收入 × 100"),
    "营业收入利润率": IndicatorDefinition("ratio", "%", "profit", "revenue", scale=100.0,
                                          description="利润总额 / 营业收入 × 100"),
    "营业收入增速": IndicatorDefinition("growth", "%", field="revenue",
                                        description="营业收入比上年增长（同口径）"),
    "增加值增速": IndicatorDefinition("growth", "%", field="value_added",
                                      description="工业增加值比上年增长（现价，同口径）"),
    "税收增速": IndicatorDefinition("growth", "%", field="tax", description="税收比上年增长"),
    "营业收入": IndicatorDefinition("sum", "万元", field="revenue", description="营业收入"),
    "工业增加值": IndicatorDefinition("sum", "万元", field="value_added",
                                      description="工业增加值"),
    "税收": IndicatorDefinition("sum", "万元", field="tax", description="实缴税收"),
    "固定资产投资": IndicatorDefinition("sum", "万元", field="investment",
                                        description="投资"),
    "成员企业数": IndicatorDefinition("count", "家", field="enterprises",
                                      description="有当年统计的成员企业数"),
    "规上企业数": IndicatorDefinition("count", "家", field="above_scale_count",
                                      description="规模以上工业企业数"),
    "小巨人企业数": IndicatorDefinition("count", "家", field="title_little_giant",
                                        description="持有专精特新小巨人称号的成员数"),
    "单项冠军企业数": IndicatorDefinition("count", "家", field="title_single_champion",
                                          description="持有制造业单项冠军称号的成员数"),
    "专精特新企业数": IndicatorDefinition("count", "家", field="title_specialised_sme",
                                          description="持有专精特新中小企业称号的成员数"),
    "高新技术企业数": IndicatorDefinition("count", "家", field="title_high_tech",
                                          description="持有高新技术企业称号的成员数"),
    "智能工厂数": IndicatorDefinition("count", "家", field="title_smart_factory",
                                      description="持有任一级智能工厂的成员数"),
    "绿色工厂数": IndicatorDefinition("count", "家", field="title_green_factory",
                                      description="持有绿色工厂称号的成员数"),
}
"""The shipped indicators, by their Chinese name."""


def parse_definition(name: str, raw: Any, where: Location) -> IndicatorDefinition:
    """Validate a ``definition:`` mapping from a rule file, or look ``name`` up in the catalogue."""
    if raw is None:
        if name in CATALOGUE:
            return CATALOGUE[name]
        raise InputError(
            f"未知的指标 {name}：既不在内置指标中，也没有给出 definition。",
            f"Unknown indicator {name!r}: not in the catalogue and no definition given.",
            fix=f"改用内置指标（{'、'.join(CATALOGUE)}），或写 definition: "
            "{kind: ratio, numerator: tax, denominator: land_mu}。",
            location=where,
        )
    if not isinstance(raw, Mapping) or raw.get("kind") not in KINDS:
        raise InputError(
            f"指标 {name} 的 definition 须写明 kind（{'、'.join(KINDS)}）。",
            f"The definition of {name} needs kind: one of {', '.join(KINDS)}.",
            location=where,
        )
    allowed = {"kind", "numerator", "denominator", "field", "scale", "unit", "description"}
    unknown = sorted(set(map(str, raw)) - allowed)
    if unknown:
        raise InputError(
            f"指标 {name} 的 definition 有未知的键：{'、'.join(unknown)}。",
            f"Unknown key(s) in the definition of {name}: {', '.join(unknown)}.",
            fix=f"可用的键：{'、'.join(sorted(allowed))}。",
            location=where,
        )
    kind = str(raw["kind"])
    fields = ("numerator", "denominator") if kind == "ratio" else ("field",)
    valid = COUNT_COLUMNS if kind == "count" else _FIELDS
    for key in fields:
        value = raw.get(key)
        if value not in valid:
            raise InputError(
                f"指标 {name} 的 {key} 为 {value!r}，不是库中的字段。",
                f"{key} of {name} is {value!r}, not a store field.",
                fix=f"可用的字段：{'、'.join(valid)}。",
                location=where,
            )
    scale = raw.get("scale", 1.0)
    if isinstance(scale, bool) or not isinstance(scale, (int, float)) or not np.isfinite(scale) \
            or scale <= 0:
        raise InputError(
            f"指标 {name} 的 scale 应为正数，实际为 {scale!r}。",
            f"scale of {name} must be a positive number, got {scale!r}.",
            location=where,
        )
    return IndicatorDefinition(
        kind=kind,
        unit=str(raw.get("unit", "")),
        numerator=raw.get("numerator"),
        denominator=raw.get("denominator"),
        field=raw.get("field"),
        scale=float(scale),
        description=str(raw.get("description", "")),
    )
