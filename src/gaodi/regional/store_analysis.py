"""The regional measures of the store's enterprise data, named and ready for the API, the web map and reports.

One :class:`StoreAnalysis` holds the region × industry matrix of one choice of measure (营业收入, 增加值,
从业人员, 总产值), region level (city 市州 / county 县市区), industry digits (2 大类, 3 中类, 4 小类) and year,
built by :func:`gaodi.regional.store_table.long_table_from_store` (above-scale enterprises, annual
statistics), and computes each method of :mod:`gaodi.regional` once, on demand. Rows carry the Chinese
names of regions (GB/T 2260) and industries (GB/T 4754-2017). Nothing here knows about HTTP or files.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np
import pandas as pd

from gaodi.catalogs import industry_catalog, region_catalog
from gaodi.errors import InputError, NotFoundError
from gaodi.regional.clusters import strong_clusters
from gaodi.regional.complexity import ComplexityResult, economic_complexity
from gaodi.regional.future_industries import future_industry_priorities
from gaodi.regional.long_table import matrices_by_year, region_industry_matrix
from gaodi.regional.opportunities import OpportunitiesResult, growth_opportunities
from gaodi.regional.shift_share import ShiftShareResult, shift_share
from gaodi.regional.specialisation import SpecialisationResult, specialisation
from gaodi.regional.store_table import MEASURES, long_table_from_store
from gaodi.store import Store

LEVELS = {"city": ("市州", "city"), "county": ("县市区", "county")}
DIGITS = {2: ("大类", "division"), 3: ("中类", "group"), 4: ("小类", "class")}
UNITS = {"value_added": "万元", "revenue": "万元", "employees": "人", "gross_output": "万元"}
MEASURE_EN = {"value_added": "value added", "revenue": "revenue", "employees": "employees",
              "gross_output": "gross output"}


@dataclass(frozen=True)
class RegionalOptions:
    """Which quantity, at which region level, industry depth and year (None: the latest year)."""

    measure: str = "value_added"
    level: str = "city"
    digits: int = 2
    year: str | None = None

    @property
    def measure_label(self) -> str:
        """``营业收入`` for revenue: the measure's Chinese name without its unit."""
        return MEASURES[self.measure].split("(")[0]

    @property
    def unit(self) -> str:
        return UNITS[self.measure]

    def describe(self) -> dict[str, Any]:
        return {"measure": self.measure, "measure_label": self.measure_label, "measure_label_en":
                MEASURE_EN[self.measure], "unit": self.unit, "level": self.level,
                "level_label": LEVELS[self.level][0], "digits": self.digits, "digits_label": DIGITS[self.digits][0]}


def options_menu() -> dict[str, list[dict[str, Any]]]:
    """The choices a user has: measures, levels and industry digits with their labels."""
    return {"measures": [{"key": k, "label": v.split("(")[0], "label_en": MEASURE_EN[k], "unit": UNITS[k]}
                         for k, v in MEASURES.items()],
            "levels": [{"key": k, "label": zh, "label_en": en} for k, (zh, en) in LEVELS.items()],
            "digits": [{"key": k, "label": zh, "label_en": en} for k, (zh, en) in DIGITS.items()]}


class StoreAnalysis:
    """The regional measures of one :class:`RegionalOptions` over the store (computed lazily, once each)."""

    def __init__(self, store: Store, options: RegionalOptions, province_code: str) -> None:
        if options.level not in LEVELS:
            raise InputError(f"地区层级只能是 city 或 county，收到 {options.level}",
                             f"level must be city or county; got {options.level}", fix="level=city 或 level=county")
        self.options = options
        self.province_code = province_code
        self.long = long_table_from_store(store, measure=options.measure, level=options.level,
                                          digits=options.digits)
        self.long["year"] = self.long["year"].astype(str)
        self.years = sorted(self.long["year"].unique())
        year = options.year or self.years[-1]
        if year not in self.years:
            raise InputError(f"{year} 年没有年度统计数据", f"no annual statistics for {year}",
                             fix=f"可选年份：{'、'.join(self.years)}")
        self.year = year
        self.matrix = region_industry_matrix(self.long[self.long["year"] == year])
        self._regions = region_catalog(province_code)
        self._industries = industry_catalog().industries

    # names ---------------------------------------------------------------------------------------
    def region_name(self, code: str) -> str:
        found = self._regions.regions.get(code)
        return found.name if found else code

    def industry_name(self, code: str) -> str:
        found = self._industries.get(code)
        return found.name if found else code

    def regions_of_level(self) -> list[tuple[str, str]]:
        """(code, name) of every current region of the level in the province, in code order."""
        return sorted((r.code, r.name) for r in self._regions.current(self.options.level))

    # the methods, once each ----------------------------------------------------------------------
    @cached_property
    def specialisation(self) -> SpecialisationResult:
        return specialisation(self.matrix)

    @cached_property
    def clusters(self) -> pd.DataFrame:
        return strong_clusters(self.matrix)

    @cached_property
    def complexity(self) -> ComplexityResult:
        """RCA to ECI/PCI; raises DataQualityError when fewer than 2 regions or industries have an RCA ≥ 1."""
        return economic_complexity(self.matrix)

    def opportunities(self, future: bool = False, sort_by: str = "density") -> OpportunitiesResult:
        """Every candidate of every region (no cut); ``future`` adds the shipped future-industry priorities."""
        return growth_opportunities(self.complexity, list(future_industry_priorities()) if future else [],
                                    sort_by=sort_by)

    def shift_share(self, base_year: str | None = None) -> tuple[str, str, ShiftShareResult]:
        """Dunn's decomposition from ``base_year`` (default the year before, else the earliest) to the year."""
        earlier = [y for y in self.years if y < self.year]
        if not earlier:
            raise InputError(f"{self.year} 年之前没有年度数据，无法做偏离-份额分解",
                             f"no year before {self.year} to decompose growth from",
                             fix=f"选择更晚的年份；库中年份：{'、'.join(self.years)}")
        base = base_year or (str(int(self.year) - 1) if str(int(self.year) - 1) in earlier else earlier[0])
        if base not in earlier:
            raise InputError(f"基期 {base} 须为 {self.year} 年之前库中有数据的年份",
                             f"base year {base} must be a year with data before {self.year}",
                             fix=f"可选：{'、'.join(earlier)}")
        by_year = matrices_by_year(self.long[self.long["year"].isin([base, self.year])])
        return base, self.year, shift_share(by_year[base], by_year[self.year])

    # rows for lists ------------------------------------------------------------------------------
    def specialisation_rows(self) -> list[dict[str, Any]]:
        """One row per active region: total, share of the province (%), Krugman, Herfindahl and the
        industry of its largest LQ."""
        s = self.specialisation
        return [{"region": r, "region_name": self.region_name(r), "total": float(row.total),
                 "share": 100.0 * float(row.share), "krugman": float(row.krugman), "herfindahl": float(row.herfindahl),
                 "top_industry": row.top_industry, "top_industry_name": self.industry_name(row.top_industry),
                 "top_lq": float(row.top_lq)} for r, row in s.regions.iterrows()]

    def lq_rows(self, industry: str | None = None) -> list[dict[str, Any]]:
        """Location quotients of the pairs with activity (x_ri > 0), largest LQ first."""
        lq = self.specialisation.location_quotients
        values = self.matrix.loc[lq.index, lq.columns]
        long = pd.DataFrame({"region": np.repeat(lq.index.to_numpy(), lq.shape[1]),
                             "industry": np.tile(lq.columns.to_numpy(), lq.shape[0]),
                             "value": values.to_numpy().ravel(), "lq": lq.to_numpy().ravel()})
        long = long[long["value"] > 0]
        if industry:
            self._check_industry(industry)
            long = long[long["industry"] == industry]
        long = long.sort_values(["lq", "region", "industry"], ascending=[False, True, True], kind="stable")
        return [self._named(r) for r in long.to_dict(orient="records")]

    def cluster_rows(self, strong_only: bool = True) -> list[dict[str, Any]]:
        table = self.clusters
        if strong_only:
            table = table[table["strong"]]
        return [{**self._named(r), "strong": bool(r["strong"]), "reason_zh": CLUSTER_REASONS[r["reason"]]}
                for r in table.to_dict(orient="records")]

    def shift_share_rows(self, base_year: str | None = None, by_industry: bool = False) -> dict[str, Any]:
        base, final, result = self.shift_share(base_year)
        frame = result.cells if by_industry else result.regions.rename_axis("region").reset_index()
        keep = ["region", "industry", "base", "final", "change", "national_share", "industry_mix",
                "regional_shift", "competitive_effect", "allocation_effect"]
        rows = [self._named({k: r[k] for k in keep if k in r}) for r in frame.to_dict(orient="records")]
        return {"base_year": base, "final_year": final, "provincial_growth": result.provincial_growth,
                "new_industries": result.new_industries, "items": rows}

    def eci_rows(self) -> list[dict[str, Any]]:
        c = self.complexity
        return [{"region": r, "region_name": self.region_name(r), "diversity": int(c.diversity[r]),
                 "eci": float(v), "rank": i}
                for i, (r, v) in enumerate(c.eci.sort_values(ascending=False, kind="stable").items(), 1)]

    def pci_rows(self) -> list[dict[str, Any]]:
        c = self.complexity
        return [{"industry": k, "industry_name": self.industry_name(k), "ubiquity": int(c.ubiquity[k]),
                 "pci": float(v), "rank": i}
                for i, (k, v) in enumerate(c.pci.sort_values(ascending=False, kind="stable").items(), 1)]

    def opportunity_rows(self, region: str | None = None, future: bool = False, sort_by: str = "density",
                         top: int | None = None) -> dict[str, Any]:
        """The candidates of ``region`` (or of every region), ranked; with the reasons of each."""
        result = self.opportunities(future, sort_by)
        table = result.table
        if region is not None:
            self.check_region(region)
            table = table[table["region"] == region]
        if top is not None:
            key = "feasibility_rank" if sort_by == "density" else "attractiveness_rank"
            table = table[table[key] <= top]
        rows = [{**self._named(r), "priority_label": r["priority_label"] or ""} for r in table.to_dict("records")]
        return {"items": rows, "unmatched_priorities": result.unmatched_priorities,
                "excluded_regions": [e.__dict__ for e in result.excluded_regions]}

    def check_region(self, code: str) -> None:
        """NotFoundError unless ``code`` is a current region of the analysis' level in the province."""
        if code not in dict(self.regions_of_level()):
            raise NotFoundError(f"本省没有代码为 {code} 的{LEVELS[self.options.level][0]}",
                                f"no {self.options.level} {code} in the province",
                                fix="市州用 430100 这样的代码，县市区用 430104 这样的代码，并选对层级 level")

    def _check_industry(self, code: str) -> None:
        if len(code) != self.options.digits or not code.isdigit():
            raise InputError(f"行业代码 {code} 与所选行业位数（{self.options.digits} 位）不符",
                             f"industry {code} does not have {self.options.digits} digits",
                             fix=f"用 {self.options.digits} 位行业代码，或改变 digits")

    def _named(self, row: dict[str, Any]) -> dict[str, Any]:
        out = {}
        for k, v in row.items():
            out[k] = float(v) if isinstance(v, (np.floating, float)) else v
            if k == "region":
                out["region_name"] = self.region_name(v)
            elif k == "industry":
                out["industry_name"] = self.industry_name(v)
        return out


CLUSTER_REASONS = {"strong": "强集群", "lq_below_threshold": "区位熵未达门槛",
                   "size_below_threshold": "规模未达门槛", "lq_and_size_below_threshold": "区位熵和规模均未达门槛"}


def in_cities(rows: Iterable[dict[str, Any]], cities: set[str] | None, key: str = "region") -> list[dict[str, Any]]:
    """The rows whose region (a city or county code) lies in one of ``cities``; all rows when None."""
    if cities is None:
        return list(rows)
    return [r for r in rows if r[key][:4] + "00" in cities]
