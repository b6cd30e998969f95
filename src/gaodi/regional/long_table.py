"""Turn a long table (region, industry, value[, year]) into the region × industry matrix.

Every regional method works on the same object: a pandas DataFrame whose index holds the regions,
whose columns hold the industries and whose cells hold a non-negative quantity (营业收入, 增加值,
从业人员 ...), in one unit throughout. Several rows for the same region and industry (for instance one
row per enterprise) are added up. Region and industry labels are kept as text, so codes such as
``0111`` or ``430100`` keep their leading digits.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from gaodi.errors import InputError, Location

_MAX_ROWS_SHOWN = 10


@dataclass(frozen=True)
class LongTableColumns:
    """Names of the columns of a long table; change them to read a user's own headers."""

    region: str = "region"
    industry: str = "industry"
    value: str = "value"
    year: str = "year"


def region_industry_matrix(table: pd.DataFrame,
                           columns: LongTableColumns = LongTableColumns()) -> pd.DataFrame:
    """Build the region × industry matrix X (x_ri = Σ value of the rows of region r, industry i).

    Rows are sorted by region label and columns by industry label; absent pairs are 0. The unit is
    the unit of the value column. Raises :class:`InputError` naming the rows with a missing label or a
    missing, non-numeric, infinite or negative value.
    """
    _require_columns(table, [columns.region, columns.industry, columns.value])
    regions = _labels(table, columns.region)
    industries = _labels(table, columns.industry)
    values = _values(table, columns.value)
    return _pivot(regions, industries, values)


def matrices_by_year(table: pd.DataFrame,
                     columns: LongTableColumns = LongTableColumns()) -> dict[str, pd.DataFrame]:
    """Build one region × industry matrix per year, all on the same regions and industries.

    The year labels are kept as text (``"2020"``); every matrix covers the union of the regions and
    industries seen in any year, with 0 where a pair is absent that year.
    """
    _require_columns(table, [columns.region, columns.industry, columns.value, columns.year])
    regions = _labels(table, columns.region)
    industries = _labels(table, columns.industry)
    years = _labels(table, columns.year)
    values = _values(table, columns.value)
    full = _pivot(regions, industries, np.zeros(len(values)))
    result = {}
    for year in sorted(years.unique()):
        mask = (years == year).to_numpy()
        one = _pivot(regions[mask], industries[mask], values[mask])
        result[year] = one.reindex(index=full.index, columns=full.columns, fill_value=0.0)
    return result


def _pivot(regions: pd.Series, industries: pd.Series, values: np.ndarray) -> pd.DataFrame:
    region_codes, region_labels = pd.factorize(regions, sort=True)
    industry_codes, industry_labels = pd.factorize(industries, sort=True)
    n_r, n_i = len(region_labels), len(industry_labels)
    flat = np.bincount(region_codes * n_i + industry_codes, weights=values, minlength=n_r * n_i)
    return pd.DataFrame(
        flat.reshape(n_r, n_i),
        index=pd.Index(np.asarray(region_labels, dtype=object), name="region"),
        columns=pd.Index(np.asarray(industry_labels, dtype=object), name="industry"),
    )


def _require_columns(table: pd.DataFrame, names: list[str]) -> None:
    if not isinstance(table, pd.DataFrame):
        raise InputError(
            message="输入必须是一张表（pandas DataFrame）",
            message_en="The input must be a table (pandas DataFrame).",
            fix="先用 read_table_file 读入文件，或传入 DataFrame。",
        )
    missing = [n for n in names if n not in table.columns]
    if missing:
        present = "、".join(str(c) for c in table.columns)
        raise InputError(
            message=f"表中缺少列 {'、'.join(missing)}；现有列：{present}",
            message_en=f"Missing column(s) {', '.join(missing)}; columns present: {present}.",
            fix="用 --region-column / --industry-column / --value-column（或 LongTableColumns）"
                "指明地区、行业、数值所在的列。",
            location=Location(column=missing[0]),
            details={"missing_columns": missing, "columns": [str(c) for c in table.columns]},
        )


def _labels(table: pd.DataFrame, column: str) -> pd.Series:
    text = _label_text(table[column])
    blank = text.isna() | (text == "")
    if blank.any():
        _raise_rows(table, blank, column,
                    "标签为空", "has an empty label",
                    "补上地区/行业/年份，或删除这些行。")
    return text


def _label_text(raw: pd.Series) -> pd.Series:
    """Labels as text; integral numbers lose a spurious '.0' (430100.0 → '430100')."""
    if pd.api.types.is_float_dtype(raw):
        whole = raw.notna() & (raw == raw.round())
        text = raw.astype(object).where(~whole, raw[whole].astype("int64").astype(str))
        return text.where(raw.notna(), None).map(lambda v: v if v is None else str(v))
    if pd.api.types.is_integer_dtype(raw) or pd.api.types.is_bool_dtype(raw):
        return raw.astype(str)
    if raw.dtype == object:  # mixed cells, as Excel gives them: one value at a time
        return raw.map(_one_label)
    if pd.api.types.is_string_dtype(raw):
        return raw.str.strip()
    return raw.astype(str).str.strip()


def _one_label(value: object) -> str | None:
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return None
    if isinstance(value, (float, np.floating)) and float(value).is_integer():
        return str(int(value))
    return str(value).strip()


def _values(table: pd.DataFrame, column: str) -> np.ndarray:
    raw = table[column]
    if not pd.api.types.is_numeric_dtype(raw):
        # Thousands separators as Excel exports them: "1,234.5".
        raw = raw.astype(object).where(raw.isna(), raw.astype(str).str.replace(",", "").str.strip())
    numbers = pd.to_numeric(raw, errors="coerce").astype("float64")
    missing = numbers.isna()
    if missing.any():
        _raise_rows(table, missing, column, "数值缺失或不是数字", "is missing or not a number",
                    "填入数字（没有就填 0），或删除这些行。")
    array = numbers.to_numpy()
    infinite = pd.Series(~np.isfinite(array), index=table.index)
    if infinite.any():
        _raise_rows(table, infinite, column, "数值为无穷大", "is infinite", "检查这些单元格的公式。")
    negative = pd.Series(array < 0, index=table.index)
    if negative.any():
        _raise_rows(table, negative, column, "数值为负", "is negative",
                    "区位熵、显性比较优势等只对非负的量（营收、产值、从业人员）有定义；请改用非负指标。")
    return array


def _raise_rows(table: pd.DataFrame, mask: pd.Series, column: str,
                what_zh: str, what_en: str, fix: str) -> None:
    # Row numbers as a user sees them in the file: header on line 1, first data row on line 2.
    positions = np.flatnonzero(mask.to_numpy()) + 2
    shown = ", ".join(str(p) for p in positions[:_MAX_ROWS_SHOWN])
    more = f" 等 {len(positions)} 行" if len(positions) > _MAX_ROWS_SHOWN else ""
    raise InputError(
        message=f"列 {column} {what_zh}：第 {shown} 行{more}",
        message_en=f"Column {column} {what_en} in row(s) {shown}"
                   f"{f' and others ({len(positions)} in all)' if more else ''}.",
        fix=fix,
        location=Location(row=int(positions[0]), column=column),
        details={"rows": [int(p) for p in positions[:100]], "count": len(positions)},
    )
