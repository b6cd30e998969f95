"""Periods and areas of a monitoring figure, and the filters they put on enterprise rows."""

from __future__ import annotations

import re
from dataclasses import dataclass

import ibis.expr.types as ir

from gaodi.errors import InputError


@dataclass(frozen=True)
class Period:
    """A statistics period: a year (``2025``) or January to a month (``2026-10`` = 1-10月累计)."""

    year: int
    month: int | None = None

    @classmethod
    def parse(cls, text: str) -> Period:
        m = re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?", text.strip())
        if not m or (m.group(2) and not 1 <= int(m.group(2)) <= 12):
            raise InputError(f"统计期“{text}”格式不对", f"bad period {text}", fix="年度写 2025，月度累计写 2026-10")
        return cls(int(m.group(1)), int(m.group(2)) if m.group(2) else None)

    @property
    def key(self) -> str:
        return str(self.year) if self.month is None else f"{self.year}-{self.month:02d}"

    @property
    def label(self) -> str:
        return f"{self.year}年" if self.month is None else f"{self.year}年1-{self.month}月"

    @property
    def partial(self) -> bool:
        """A period that does not cover the whole year."""
        return self.month is not None and self.month < 12

    def previous_year(self) -> Period:
        """The same stretch of the year before (for growth rates)."""
        return Period(self.year - 1, self.month)

    def __str__(self) -> str:
        return self.key


@dataclass(frozen=True)
class Area:
    """Where a figure is computed: the province, a city (地级), a county (县级), a park or a chain.

    A chain's enterprises are those placed in its segments; :class:`gaodi.indicators.sources.Sources`
    applies that filter, because it needs the store's placements.
    """

    kind: str  # province | city | county | park | chain
    code: str
    name: str = ""

    def rows(self, rows: ir.Table) -> ir.Table:
        """Keep the enterprise rows of this area (rows carry region_code and park_id)."""
        if self.kind == "province":
            return rows.filter(rows.region_code.substr(0, 2) == self.code[:2])
        if self.kind == "city":
            return rows.filter(rows.region_code.substr(0, 4) == self.code[:4])
        if self.kind == "county":
            return rows.filter(rows.region_code == self.code)
        if self.kind == "park":
            return rows.filter(rows.park_id == self.code)
        raise InputError(f"不支持的地区类型 {self.kind}", f"unknown area kind {self.kind}",
                         fix="province、city、county、park 或 chain")

    def regions(self, table: ir.Table, column: str = "region_code") -> ir.Table:
        """Keep rows of a table keyed by region code (clusters, entered values) that lie in this area."""
        col = table[column]
        if self.kind == "province":
            return table.filter(col.substr(0, 2) == self.code[:2])
        if self.kind == "city":
            return table.filter(col.substr(0, 4) == self.code[:4])
        if self.kind == "county":
            return table.filter(col == self.code)
        return table.filter(col == "__no_region_for_parks_or_chains__")
