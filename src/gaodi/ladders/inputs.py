"""Data the store does not hold (知识产权, 资产负债率, 市场占有率 ...), supplied per enterprise.

An inputs file is a CSV or XLSX table: one row per enterprise, a column 统一社会信用代码 (or
``uscc``) and one column per input, headed by the input's name or its label as the ladder
declares it. Empty cells mean "not known" and leave the criterion as "needs data".
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from gaodi.errors import InputError, Location
from gaodi.evaluation.files import read_indicator_table
from gaodi.ladders.criteria import InputSpec, Ladder

_ID_HEADERS = ("uscc", "统一社会信用代码", "社会信用代码", "信用代码")
_TRUE = {"是", "true", "yes", "y", "1", "有", "√"}
_FALSE = {"否", "false", "no", "n", "0", "无", "×"}


def read_inputs(path: str | Path, ladders: Sequence[Ladder]) -> dict[str, dict[str, Any]]:
    """Read an inputs file into ``{uscc: {input name: value}}``; bad cells are refused."""
    table = read_indicator_table(path)
    specs: dict[str, InputSpec] = {}
    for ladder in ladders:
        for spec in ladder.inputs.values():
            specs.setdefault(spec.name, spec)
            specs.setdefault(spec.label, spec)
    id_column = next((c for c in table.columns if str(c).strip() in _ID_HEADERS), None)
    if id_column is None:
        raise InputError(
            "输入数据表缺少“统一社会信用代码”列。", "The inputs file has no uscc column.",
            fix="第一行写表头，其中一列为 统一社会信用代码。", location=Location(file=str(path)),
        )
    unknown = [str(c) for c in table.columns if c != id_column and str(c).strip() not in specs]
    if unknown:
        raise InputError(
            f"输入数据表中有梯度规则未声明的列：{'、'.join(unknown)}。",
            f"Columns not declared as inputs by any ladder: {', '.join(unknown)}.",
            fix=f"可用的输入：{'、'.join(sorted({s.name for s in specs.values()}))}。",
            location=Location(file=str(path), column=unknown[0]),
        )
    out: dict[str, dict[str, Any]] = {}
    for k, row in enumerate(table.to_dict(orient="records")):
        uscc = str(row[id_column]).strip()
        values = {}
        for column, raw in row.items():
            if column == id_column:
                continue
            spec = specs[str(column).strip()]
            value = parse_value(spec, raw, Location(file=str(path), row=k + 2, column=str(column)))
            if value is not None:
                values[spec.name] = value
        out[uscc] = values
    return out


def parse_value(spec: InputSpec, raw: Any, where: Location | None = None) -> Any:
    """Turn a cell into the input's kind: a number, True/False, or one of its choices."""
    if raw is None or (isinstance(raw, float) and math.isnan(raw)) or str(raw).strip() in ("", "nan"):
        return None
    text = str(raw).strip()
    if spec.kind == "bool":
        if text.lower() in _TRUE:
            return True
        if text.lower() in _FALSE:
            return False
        raise InputError(f"{spec.label} 应填 是 或 否，实际为 {text!r}。",
                         f"{spec.name} must be yes or no, got {text!r}.",
                         location=where or Location())
    if spec.kind == "choice":
        if text not in spec.choices:
            raise InputError(f"{spec.label} 的取值 {text!r} 无效。",
                             f"Invalid value {text!r} for {spec.name}.",
                             fix=f"可选：{'、'.join(spec.choices)}。", location=where or Location())
        return text
    try:
        return float(text.replace(",", "").rstrip("%"))
    except ValueError:
        raise InputError(f"{spec.label} 应为数值，实际为 {text!r}。",
                         f"{spec.name} must be a number, got {text!r}.",
                         location=where or Location()) from None
