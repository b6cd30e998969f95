"""Region codes (GB/T 2260) of the province, with retired codes mapped to their successors.

Sources (see ``data/regions/PROVENANCE.md``): the Ministry of Civil Affairs codes 1981-2024 with their
retirement year and successor codes, the province's codes in use at 2024-12-31, and the statistical
bureau's extra codes for development zones (统计用区划代码), under which statistics are reported too.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import cache

from gaodi.catalogs.files import data_file
from gaodi.errors import NotFoundError

LEVELS = {"省级": "province", "地级": "city", "县级": "county"}
_SUCCESSOR = re.compile(r"^(\d{6})(?:\[(\d{4})\])?$")


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    level: str  # province | city | county | statistical
    city_code: str | None
    province_code: str
    status: str  # current | retired
    since: int | None = None
    until: int | None = None
    successors: tuple[str, ...] = ()  # codes that took over at retirement


@dataclass
class Resolution:
    """What a code found in user data stands for today."""

    code: str
    status: str  # current | statistical | retired | ambiguous | unknown
    current: list[str] = field(default_factory=list)
    chain: list[str] = field(default_factory=list)


def _city_of(code: str) -> str:
    return code[:4] + "00"


class RegionCatalog:
    """The national code history, with the home province's current and statistical codes (default Hunan)."""

    def __init__(self, province_code: str = "430000") -> None:
        self.province_code = province_code
        prefix = province_code[:2]
        self.regions: dict[str, Region] = {}
        history: dict[str, dict] = {}
        with open(data_file("regions", "mca_areacodes_history_1981_2024.csv"), encoding="utf-8-sig") as fh:
            for row in csv.DictReader(fh):
                history[row["代码"]] = row
        self._history = history
        with open(data_file("regions", "hunan_current_mca_2024.csv"), encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                if not row["code"].startswith(prefix):
                    continue
                level = LEVELS[row["level"]]
                self.regions[row["code"]] = Region(
                    row["code"], row["name"], level,
                    None if level == "province" else _city_of(row["code"]),
                    province_code, "current", int(row["since_year"]))
        with open(data_file("regions", "nbs_stat_areas_hunan_2023.csv"), encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                if row["code"].startswith(prefix) and row["code"] not in self.regions:
                    self.regions[row["code"]] = Region(
                        row["code"], row["name"], "statistical", row["cityCode"] + "00",
                        province_code, "current")
        for code, row in history.items():
            if code in self.regions:
                continue
            level = LEVELS.get(row["级别"], "county")
            city = None if level == "province" else _city_of(code)
            self.regions[code] = Region(
                code, row["名称"], level, city if city in history or city in self.regions else None,
                code[:2] + "0000", "current" if row["状态"] == "在用" else "retired",
                int(row["启用时间"]) if row["启用时间"] else None,
                int(row["变更/弃用时间"]) if row["变更/弃用时间"] else None,
                self._successors(row["新代码"]))

    @staticmethod
    def _successors(text: str) -> tuple[str, ...]:
        """Successors at retirement: entries without a [year] (those with one are earlier partial transfers)."""
        out = []
        for part in filter(None, (p.strip() for p in text.split(";"))):
            m = _SUCCESSOR.match(part)
            if m and m.group(2) is None:
                out.append(m.group(1))
        return tuple(out)

    def current(self, level: str | None = None) -> list[Region]:
        """Regions of the home province in use (not retired), optionally of one level."""
        return [r for r in self.regions.values()
                if r.status == "current" and r.province_code == self.province_code
                and (level is None or r.level == level)]

    def in_home_province(self, code: str) -> bool:
        return code[:2] == self.province_code[:2]

    def get(self, code: str) -> Region:
        if code not in self.regions:
            raise NotFoundError(f"区划代码 {code} 不在区划代码表中", f"region code {code} is unknown",
                                fix="使用 6 位 GB/T 2260 行政区划代码，如 430182")
        return self.regions[code]

    def resolve(self, code: str) -> Resolution:
        """Map a code found in data to the code(s) in use today, following retirements."""
        code = code.strip()
        region = self.regions.get(code)
        if region is None:
            return Resolution(code, "unknown")
        if region.status == "current":
            return Resolution(code, "statistical" if region.level == "statistical" else "current", [code])
        chain, frontier = [code], list(region.successors)
        current: list[str] = []
        seen = {code}
        while frontier:
            nxt = frontier.pop(0)
            if nxt in seen:
                continue
            seen.add(nxt)
            chain.append(nxt)
            r = self.regions.get(nxt)
            if r is None:
                continue
            if r.status == "current":
                current.append(nxt)
            else:
                frontier.extend(r.successors)
        return Resolution(code, "retired" if len(current) == 1 else "ambiguous", current, chain)

    def describe(self, code: str) -> dict:
        """Everything known about one code, for ``gaodi catalog region CODE``."""
        region = self.get(code)
        res = self.resolve(code)
        out = {
            "code": region.code,
            "name": region.name,
            "level": region.level,
            "status": region.status,
            "city_code": region.city_code,
            "city_name": self.regions[region.city_code].name if region.city_code in self.regions else None,
            "province_code": region.province_code,
        }
        if region.status == "retired":
            out.update({
                "retired_in": region.until,
                "successor": res.current[0] if res.status == "retired" else None,
                "successors": [{"code": c, "name": self.regions[c].name} for c in res.current],
                "successor_chain": res.chain,
                "message": f"{region.name}（{code}）已于 {region.until} 年撤销"
                + (f"，现为 {self.regions[res.current[0]].name}（{res.current[0]}）"
                   if res.status == "retired" else "，已分设为多个区划"),
            })
        return out


@cache
def region_catalog(province_code: str = "430000") -> RegionCatalog:
    """The shipped catalogue of one province, loaded once."""
    return RegionCatalog(province_code)
