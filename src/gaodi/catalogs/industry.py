"""GB/T 4754-2017 国民经济行业分类 and the official sub-catalogues that count 4-digit codes.

Source: the files in ``data/industry`` (see its PROVENANCE.md). The sub-catalogues are
高技术产业(制造业)分类(2017), 战略性新兴产业分类(2018) (``partial`` where only part of a class counts,
marked * in the official table), 数字经济核心产业分类(2021), 高技术产业(服务业)分类(2018) and others.
装备制造业 is defined by the National Bureau of Statistics as 大类 33-40 and is derived here.

Readings of a catalogue with partial (*) classes (see :data:`READINGS`): **strict** (the default)
counts the wholly included classes, and a partial class only through product-level data or an
explicit share table (:mod:`gaodi.catalogs.shares`); **broad** counts every listed class whole,
which overstates the catalogue (战略性新兴产业: 284 of 609 manufacturing classes instead of 50).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import cache

from gaodi.catalogs.files import data_file
from gaodi.errors import NotFoundError


@dataclass(frozen=True)
class Catalogue:
    """One official list of industries, with its source."""

    id: str
    name: str
    name_en: str
    source: str
    file: str | None = None  # None: derived from a rule on the code


CATALOGUES: tuple[Catalogue, ...] = (
    Catalogue("hightech_manufacturing", "高技术制造业", "high-tech manufacturing",
              "高技术产业(制造业)分类(2017) 国统字〔2017〕200号", "hightech_manufacturing_2017.csv"),
    Catalogue("strategic_emerging", "战略性新兴产业", "strategic emerging industries",
              "战略性新兴产业分类(2018) 国家统计局令第23号", "strategic_emerging_industries_2018.csv"),
    Catalogue("digital_economy_core", "数字经济核心产业", "core digital economy industries",
              "数字经济及其核心产业统计分类(2021) 国家统计局令第33号 (01-04 core parts)",
              "digital_economy_core_2021.csv"),
    Catalogue("equipment_manufacturing", "装备制造业", "equipment manufacturing",
              "国家统计局: 装备制造业 = GB/T 4754-2017 大类 33-40"),
    Catalogue("hightech_services", "高技术服务业", "high-tech services",
              "高技术产业(服务业)分类(2018)", "hightech_services_2018.csv"),
    Catalogue("ip_intensive", "知识产权(专利)密集型产业", "IP-intensive industries",
              "知识产权(专利)密集型产业统计分类(2019)", "ip_intensive_industries.csv"),
    Catalogue("culture", "文化及相关产业", "culture and related industries",
              "文化及相关产业分类(2018)", "culture_industry.csv"),
    Catalogue("elderly_care", "养老产业", "elderly care industry",
              "养老产业统计分类(2020)", "elderly_care_industry.csv"),
)

EQUIPMENT_DIVISIONS = tuple(str(d) for d in range(33, 41))
READINGS = {
    "strict": ("严格口径：整类纳入的小类全计；部分纳入(*)的小类仅按产品数据或占比表计入",
               "strict: wholly included classes; partial (*) classes only by product data or a share table"),
    "broad": ("宽口径：部分纳入(*)的小类按整类计入（偏高）",
              "broad: partial (*) classes counted whole (overstates)"),
}
"""The readings of a catalogue with partial classes, by name: (中文, English)."""
LEVEL_NAMES = {1: "门类", 2: "大类", 3: "中类", 4: "小类"}


@dataclass(frozen=True)
class Industry:
    code: str
    name: str
    level: int
    parent: str | None
    section: str


@dataclass
class Membership:
    catalogue: str
    partial: bool
    category_paths: list[str] = field(default_factory=list)


class IndustryCatalog:
    """Look up industry codes and their catalogue memberships."""

    def __init__(self) -> None:
        self.industries: dict[str, Industry] = {}
        with open(data_file("industry", "gbt4754_2017_codes.csv"), encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                self.industries[row["code"]] = Industry(
                    row["code"], row["name"], int(row["level"]), row["parent_code"] or None,
                    row["section"])
        self.members: dict[str, dict[str, Membership]] = {}
        for cat in CATALOGUES:
            codes: dict[str, Membership] = {}
            if cat.file is None:
                for code, ind in self.industries.items():
                    if ind.level == 4 and code[:2] in EQUIPMENT_DIVISIONS:
                        codes[code] = Membership(cat.id, False)
            else:
                with open(data_file("industry", cat.file), encoding="utf-8") as fh:
                    for row in csv.DictReader(fh):
                        # A class counts in part only when every row for it says so (partial_star=Y);
                        # one full listing under any category makes the whole class count.
                        partial = row["partial_star"] == "Y"
                        m = codes.setdefault(row["gbt4754_code"], Membership(cat.id, partial))
                        m.partial = m.partial and partial
                        if row["category_path"] and row["category_path"] not in m.category_paths:
                            m.category_paths.append(row["category_path"])
            self.members[cat.id] = codes

    def catalogue(self, catalogue_id: str) -> Catalogue:
        for cat in CATALOGUES:
            if cat.id == catalogue_id:
                return cat
        raise NotFoundError(f"没有名为 {catalogue_id} 的行业目录", f"no catalogue {catalogue_id}",
                            fix="可用目录：" + ", ".join(c.id for c in CATALOGUES))

    def get(self, code: str) -> Industry:
        code = code.strip()
        if code not in self.industries:
            raise NotFoundError(
                f"行业代码 {code} 不在 GB/T 4754-2017 中", f"industry code {code} is not in GB/T 4754-2017",
                fix="使用 4 位小类代码（如 3741），或 2 位大类、3 位中类代码、1 位门类字母")
        return self.industries[code]

    def is_valid(self, code: str) -> bool:
        return code in self.industries

    def path(self, code: str) -> list[Industry]:
        """Return the chain 门类 → 大类 → 中类 → 小类 ending at ``code``."""
        chain = [self.get(code)]
        while chain[0].parent:
            chain.insert(0, self.industries[chain[0].parent])
        return chain

    def memberships(self, code: str) -> list[Membership]:
        """Return the catalogues a 4-digit code belongs to (a shorter code: none, it is not a class)."""
        return [m[code] for m in self.members.values() if code in m]

    def codes_in(self, catalogue_id: str) -> dict[str, bool]:
        """Return ``{code: partial}`` for one catalogue (every listed class, whatever the reading)."""
        self.catalogue(catalogue_id)
        return {c: m.partial for c, m in self.members[catalogue_id].items()}

    def weights(self, catalogue_id: str, reading: str = "strict",
                shares: dict[str, float] | None = None) -> dict[str, float]:
        """``{code: share of the class that counts}`` under a reading (:data:`READINGS`).

        Whole classes count 1. A partial (*) class counts 1 under ``broad``; under ``strict`` only
        when ``shares`` gives its share (0–1, from product-level data or an official share table),
        and is left out otherwise.
        """
        if reading not in READINGS:
            raise NotFoundError(f"没有名为 {reading} 的目录口径", f"no catalogue reading {reading}",
                                fix="可选：" + "、".join(READINGS))
        shares = shares or {}
        out: dict[str, float] = {}
        for code, partial in self.codes_in(catalogue_id).items():
            if not partial or reading == "broad":
                out[code] = 1.0
            elif code in shares:
                out[code] = float(shares[code])
        return out

    def describe(self, code: str) -> dict:
        """Everything known about one code, for ``gaodi catalog industry CODE``."""
        ind = self.get(code)
        return {
            "code": ind.code,
            "name": ind.name,
            "level": ind.level,
            "level_name": LEVEL_NAMES[ind.level],
            "path": [{"code": p.code, "name": p.name, "level_name": LEVEL_NAMES[p.level]}
                     for p in self.path(code)],
            "manufacturing": ind.section == "C",
            "catalogues": [
                {"id": m.catalogue, "name": self.catalogue(m.catalogue).name, "partial": m.partial,
                 "category_paths": m.category_paths, "source": self.catalogue(m.catalogue).source}
                for m in self.memberships(code)
            ],
        }


@cache
def industry_catalog() -> IndustryCatalog:
    """The shipped catalogue, loaded once."""
    return IndustryCatalog()
