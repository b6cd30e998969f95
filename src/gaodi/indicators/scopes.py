"""Industry scopes of the statistical definitions: which 4-digit classes count, by official catalogue.

| scope | definition | source |
| --- | --- | --- |
| 工业 industrial | 门类 B, C, D (采矿业, 制造业, 电力热力燃气及水生产和供应业) | 国家统计局 规模以上工业统计口径 |
| 制造业 manufacturing | 门类 C (大类 13-43) | GB/T 4754-2017 |
| 高技术制造业 | the 85 classes of 高技术产业(制造业)分类(2017) | 国统字〔2017〕200号 |
| 装备制造业 | 大类 33-40 | 国家统计局 |
| 战略性新兴产业 | classes of 战略性新兴产业分类(2018); classes marked * count only in part | 国家统计局令第23号 |
| 先进制造业 (configurable) | manufacturing classes in any of the catalogues listed in ``ADVANCED_DEFAULT`` | the province's own definition; gaodi's default stated here |

Partial (*) classes of 战略性新兴产业: only some products of the class count. Without product-level
data an enterprise in such a class is counted whole when ``partial="include"`` (the default, and what
the result says), left out with ``partial="exclude"``.
"""

from __future__ import annotations

from dataclasses import dataclass

from gaodi.catalogs.industry import IndustryCatalog

INDUSTRIAL_SECTIONS = ("B", "C", "D")
ADVANCED_DEFAULT = ("hightech_manufacturing", "equipment_manufacturing", "strategic_emerging")


@dataclass(frozen=True)
class Scope:
    id: str
    name: str
    codes: frozenset[str]
    note: str = ""


def industrial(cat: IndustryCatalog) -> Scope:
    return Scope("industrial", "工业", frozenset(
        c for c, i in cat.industries.items() if i.level == 4 and i.section in INDUSTRIAL_SECTIONS))


def manufacturing(cat: IndustryCatalog) -> Scope:
    return Scope("manufacturing", "制造业", frozenset(
        c for c, i in cat.industries.items() if i.level == 4 and i.section == "C"))


def catalogue_scope(cat: IndustryCatalog, catalogue: str, partial: str = "include") -> Scope:
    """Classes of one catalogue; ``partial`` = include | exclude for classes that count only in part."""
    codes = cat.codes_in(catalogue)
    chosen = frozenset(c for c, is_partial in codes.items() if partial == "include" or not is_partial)
    note = "" if not any(codes.values()) else (
        "部分纳入(*)的小类按整类计入" if partial == "include" else "部分纳入(*)的小类未计入")
    return Scope(catalogue, cat.catalogue(catalogue).name, chosen, note)


def advanced_manufacturing(cat: IndustryCatalog, catalogues: tuple[str, ...] = ADVANCED_DEFAULT,
                           partial: str = "include") -> Scope:
    """先进制造业: manufacturing classes in any of ``catalogues`` (the province may choose others)."""
    mfg = manufacturing(cat).codes
    codes: set[str] = set()
    for c in catalogues:
        codes |= catalogue_scope(cat, c, partial).codes
    return Scope("advanced_manufacturing", "先进制造业", frozenset(codes & mfg),
                 "制造业中属于 " + "、".join(cat.catalogue(c).name for c in catalogues) + " 的小类")
