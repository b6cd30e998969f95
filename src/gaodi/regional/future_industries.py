"""Priority industries: the future-industry mapping shipped with gaodi, or a user's own list."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pandas as pd
import yaml

from gaodi.errors import ConfigurationError, InputError, Location

SHIPPED_MAPPING = "future_industries.yaml"


@dataclass(frozen=True)
class Priority:
    """An industry code (any level of the classification) that a plan gives priority, with a weight.

    A code covers every finer code that starts with it ("39" covers "3973").
    """

    code: str
    weight: float
    label: str = ""


@dataclass(frozen=True)
class FutureIndustry:
    """One future industry or potential track of a plan and its GB/T 4754-2017 classes."""

    name: str
    name_en: str
    kind: str
    weight: float
    codes: tuple[str, ...]


def future_industries(path: Path | None = None) -> list[FutureIndustry]:
    """Read a future-industry mapping; without ``path``, the one shipped in this package.

    The shipped mapping covers Hunan's 15th five-year plan (湘政发〔2026〕6号, 三（四）): 人工智能,
    生命工程, 量子科技, 前沿材料 (weight 1) and the potential tracks 下一代装备, 激光增材制造,
    绿色能源, 空天信息 (weight 0.5); the YAML file explains how its codes were chosen.
    """
    if path is None:
        text = resources.files("gaodi.regional").joinpath(SHIPPED_MAPPING).read_text("utf-8")
        where = SHIPPED_MAPPING
    else:
        text = Path(path).read_text("utf-8")
        where = str(path)
    document = yaml.safe_load(text)
    entries = document.get("industries") if isinstance(document, dict) else None
    if not isinstance(entries, list):
        raise _bad(where, "缺少 industries 列表", "the 'industries' list is missing")
    result = []
    for n, entry in enumerate(entries, start=1):
        try:
            codes = tuple(str(c["code"]) for c in entry["codes"])
            result.append(FutureIndustry(
                name=str(entry["name"]),
                name_en=str(entry.get("name_en", "")),
                kind=str(entry.get("kind", "")),
                weight=float(entry.get("weight", 1.0)),
                codes=codes,
            ))
        except (KeyError, TypeError, ValueError) as exc:
            raise _bad(where, f"第 {n} 个条目格式不对（{exc}）",
                       f"entry {n} is malformed ({exc})") from exc
    return result


def future_industry_priorities(industries: list[FutureIndustry] | None = None) -> list[Priority]:
    """Turn a future-industry mapping into priorities: one per code, the largest weight wins.

    A code listed under two tracks (3976 under 量子科技 and 激光增材制造) keeps both names in its label.
    """
    by_code: dict[str, tuple[float, list[str]]] = {}
    for industry in industries if industries is not None else future_industries():
        for code in industry.codes:
            weight, labels = by_code.get(code, (0.0, []))
            by_code[code] = (max(weight, industry.weight), labels + [industry.name])
    return [Priority(code, weight, "/".join(labels)) for code, (weight, labels) in
            sorted(by_code.items())]


def priorities_from_table(table: pd.DataFrame, code_column: str = "industry",
                          weight_column: str = "weight", label_column: str = "label"
                          ) -> list[Priority]:
    """Read a user's priority list: one row per industry code, a weight in [0, 1], an optional label.

    Without a weight column every listed code weighs 1.
    """
    if code_column not in table.columns:
        raise InputError(
            message=f"优先级表缺少行业代码列 {code_column}",
            message_en=f"The priority table lacks the industry code column {code_column}.",
            fix="优先级表应有 industry（行业代码）列，可选 weight（0–1）和 label 列。",
            location=Location(column=code_column),
        )
    result = []
    for n, row in enumerate(table.to_dict(orient="records"), start=2):
        code = str(row[code_column]).strip()
        if not code or code.lower() == "nan":
            continue
        raw = row.get(weight_column, 1.0)
        try:
            weight = 1.0 if raw is None or str(raw).strip() in ("", "nan") else float(raw)
        except ValueError:
            raise InputError(
                message=f"优先级权重 {raw!r} 不是数字",
                message_en=f"Priority weight {raw!r} is not a number.",
                fix="权重填 0 到 1 之间的数字。",
                location=Location(row=n, column=weight_column),
            ) from None
        label = row.get(label_column)
        label = "" if label is None or str(label) == "nan" else str(label).strip()
        result.append(Priority(code, weight, label))
    return result


def _bad(where: str, zh: str, en: str) -> ConfigurationError:
    return ConfigurationError(
        message=f"未来产业映射文件 {where} 无效：{zh}",
        message_en=f"Future-industry mapping {where} is invalid: {en}.",
        fix="参照 gaodi/regional/future_industries.yaml 的格式：industries 下每项有 name、weight、"
            "codes（每个含 code）。",
        location=Location(file=where),
    )
