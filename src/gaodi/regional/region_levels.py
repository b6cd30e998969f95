"""Analyse a long table at city (市州) or county (县市区) level, from 6-digit region codes.

Region codes follow GB/T 2260 (中华人民共和国行政区划代码): ``PPCCXX`` with PP the province, CC the
city (地级) and XX the county-level unit (县级; 00 for the city itself). A county table can be rolled
up to cities (4301xx → 430100); a table mixing a city total with that city's counties would count
the counties twice, so it is refused, as are province totals (PP0000).
Codes of units directly under a province (省直辖县级行政区划, e.g. 4290xx in Hubei) roll up to their
PP9000 group, which is not a city; none exist in Hunan.
"""

from __future__ import annotations

import re

import pandas as pd

from gaodi.errors import InputError, Location

LEVELS = ("city", "county")
_CODE = re.compile(r"^\d{6}$")


def apply_region_level(table: pd.DataFrame, level: str | None, region_column: str = "region"
                       ) -> pd.DataFrame:
    """Return the table with regions at the requested level (a copy; the input is not changed).

    ``level=None`` leaves the regions as they are (any labels, names included). ``"city"`` needs
    6-digit codes and maps county codes to their city code. ``"county"`` needs 6-digit county codes
    and refuses city or province totals.
    """
    if level is None:
        return table
    if level not in LEVELS:
        raise InputError(
            message=f"地区层级只能是 city（市州）或 county（县市区），收到 {level}",
            message_en=f"The region level must be 'city' or 'county'; got {level!r}.",
            fix="用 --level city 或 --level county，或不加 --level 按原样分析。",
        )
    if region_column not in table.columns:
        raise InputError(
            message=f"表中缺少地区列 {region_column}",
            message_en=f"Region column {region_column} is missing.",
            fix="用 --region-column 指明地区代码所在的列。",
            location=Location(column=region_column),
        )
    codes = table[region_column].map(lambda v: str(v).strip().removesuffix(".0"))
    _refuse(table, codes, ~codes.str.match(_CODE), region_column,
            "不是 6 位行政区划代码", "is not a 6-digit administrative division code",
            "按层级分析需要 GB/T 2260 六位代码；若地区列是名称，请去掉 --level。")
    _refuse(table, codes, codes.str.endswith("0000"), region_column,
            "是省级合计，会重复计算", "is a province total and would be counted twice",
            "删除省级合计行。")
    is_city = codes.str.endswith("00")
    result = table.copy()
    if level == "county":
        _refuse(table, codes, is_city, region_column,
                "是市州级代码，县级分析中会重复计算", "is a city code inside a county-level analysis",
                "删除市州合计行，或改用 --level city。")
        result[region_column] = codes
        return result
    cities_with_total = set(codes[is_city])
    doubled = ~is_city & codes.str[:4].add("00").isin(cities_with_total)
    _refuse(table, codes, doubled, region_column,
            "所属市州的合计行也在表中，会重复计算",
            "has its city total in the same table and would be counted twice",
            "只保留市州合计行或只保留县级行。")
    result[region_column] = codes.str[:4] + "00"
    return result


def _refuse(table: pd.DataFrame, codes: pd.Series, mask: pd.Series, column: str,
            what_zh: str, what_en: str, fix: str) -> None:
    if not mask.any():
        return
    positions = [int(p) + 2 for p in mask.to_numpy().nonzero()[0]]
    first = codes[mask].iloc[0]
    raise InputError(
        message=f"地区 {first} {what_zh}（共 {len(positions)} 行，首个在第 {positions[0]} 行）",
        message_en=f"Region {first} {what_en} ({len(positions)} row(s), first at row "
                   f"{positions[0]}).",
        fix=fix,
        location=Location(row=positions[0], column=column),
        details={"rows": positions[:100], "regions": sorted(set(codes[mask]))[:100]},
    )
