"""Industry scopes of the statistical definitions: which 4-digit classes count, by official catalogue.

| scope | definition | source |
| --- | --- | --- |
| 工业 industrial | 门类 B, C, D (采矿业, 制造业, 电力热力燃气及水生产和供应业) | 国家统计局 规模以上工业统计口径 |
| 制造业 manufacturing | 门类 C (大类 13-43) | GB/T 4754-2017 |
| 高技术制造业 | the 85 classes of 高技术产业(制造业)分类(2017) | 国统字〔2017〕200号 |
| 装备制造业 | 大类 33-40 | 国家统计局 |
| 战略性新兴产业 | classes of 战略性新兴产业分类(2018); classes marked * count only in part | 国家统计局令第23号 |
| 先进制造业 (configurable) | manufacturing classes in any of the catalogues listed in ``ADVANCED_DEFAULT`` | the province's own definition; gaodi's default stated here |

Partial (*) classes of 战略性新兴产业: only some products of the class count. The ``reading``
(gaodi.catalogs.industry.READINGS) decides: ``strict`` (the default) leaves them out unless a share
table gives the part that counts (``shares``; the class then counts by that share), ``broad`` counts
them whole. ``partial="include"``/``"exclude"`` is the older spelling of broad/strict. The scope's
``note`` says which reading, and every figure computed on it carries that note.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gaodi.catalogs.industry import READINGS, IndustryCatalog

INDUSTRIAL_SECTIONS = ("B", "C", "D")
ADVANCED_DEFAULT = ("hightech_manufacturing", "equipment_manufacturing", "strategic_emerging")


@dataclass(frozen=True)
class Scope:
    id: str
    name: str
    codes: frozenset[str]
    note: str = ""
    reading: str = ""
    shares: dict[str, float] = field(default_factory=dict)  # partial classes counted by a share


def industrial(cat: IndustryCatalog) -> Scope:
    return Scope("industrial", "工业", frozenset(
        c for c, i in cat.industries.items() if i.level == 4 and i.section in INDUSTRIAL_SECTIONS))


def manufacturing(cat: IndustryCatalog) -> Scope:
    return Scope("manufacturing", "制造业", frozenset(
        c for c, i in cat.industries.items() if i.level == 4 and i.section == "C"))


def catalogue_scope(cat: IndustryCatalog, catalogue: str, partial: str | None = None,
                    reading: str = "strict", shares: dict[str, float] | None = None) -> Scope:
    """Classes of one catalogue under a ``reading`` (strict | broad; ``partial`` = include | exclude
    is the older spelling of broad | strict); ``shares``: part of each partial class that counts."""
    if partial is not None:
        reading = "broad" if partial == "include" else "strict"
    weights = cat.weights(catalogue, reading, shares)
    whole = frozenset(c for c, w in weights.items() if w == 1.0)
    parted = {c: w for c, w in weights.items() if w != 1.0}
    note = ""
    if any(cat.codes_in(catalogue).values()):
        note = READINGS[reading][0] + (f"（{len(parted)} 个小类按占比表计入）" if parted else "")
    return Scope(catalogue, cat.catalogue(catalogue).name, whole | frozenset(parted), note,
                 reading, parted)


def advanced_manufacturing(cat: IndustryCatalog, catalogues: tuple[str, ...] = ADVANCED_DEFAULT,
                           partial: str | None = None, reading: str = "strict") -> Scope:
    """先进制造业: manufacturing classes in any of ``catalogues`` (the province may choose others),
    partial (*) classes by ``reading``."""
    mfg = manufacturing(cat).codes
    codes: set[str] = set()
    notes = []
    for c in catalogues:
        part = catalogue_scope(cat, c, partial, reading)
        codes |= part.codes
        if part.note and part.note not in notes:
            notes.append(part.note)
    return Scope("advanced_manufacturing", "先进制造业", frozenset(codes & mfg),
                 "制造业中属于 " + "、".join(cat.catalogue(c).name for c in catalogues) + " 的小类"
                 + "".join(f"；{n}" for n in notes), part.reading)
