"""The store tables an indicator reads, and the enterprise populations the definitions share."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property

import ibis
import ibis.expr.types as ir

from gaodi.catalogs.industry import industry_catalog
from gaodi.indicators import scopes
from gaodi.indicators.frame import Area, Period
from gaodi.store import Store


@cache
def indicator_scopes(reading: str = "strict") -> dict[str, scopes.Scope]:
    """The industry scopes the definitions use, from the shipped catalogues, in the given reading of
    catalogues with partial (*) classes (strict by default; see gaodi.catalogs.industry.READINGS)."""
    cat = industry_catalog()
    return {
        "industrial": scopes.industrial(cat), "manufacturing": scopes.manufacturing(cat),
        "hightech": scopes.catalogue_scope(cat, "hightech_manufacturing", reading=reading),
        "strategic_emerging": scopes.catalogue_scope(cat, "strategic_emerging", reading=reading),
        "advanced": scopes.advanced_manufacturing(cat, reading=reading),
    }


@dataclass
class Sources:
    """Ibis tables of one store plus the industry scopes; ``run`` executes an expression."""

    store: Store
    province_code: str = "430000"
    reading: str = "strict"  # of catalogues with partial (*) classes: strict | broad (catalogs.industry.READINGS)

    def table(self, name: str) -> ir.Table:
        return self.store.table(name)

    def run(self, expr):
        return self.store.execute(expr)

    @property
    def scopes(self) -> dict[str, scopes.Scope]:
        return indicator_scopes(self.reading)

    def rows(self, period: Period, area: Area, scope: str = "industrial") -> ir.Table:
        """Above-scale rows of ``period`` in ``area`` for enterprises of ``scope``, with class and park."""
        st = self.table("statistics")
        s = st.filter((st.period == period.key) & st.above_scale)
        e = self.table("enterprises").select("uscc", "industry_code", "park_id", "region_code")
        joined = s.inner_join(e, "uscc")
        codes = self._scope_table.filter(self._scope_table.scope == scope).select(scope_code="code")
        joined = joined.semi_join(codes, joined.industry_code == codes.scope_code)
        return self.in_area(joined, area)

    def in_area(self, rows: ir.Table, area: Area) -> ir.Table:
        """Keep the enterprise rows (with uscc, region_code, park_id) of ``area``; a chain's rows are its
        enterprises placed in any of its segments."""
        if area.kind == "chain":
            pl = self.table("placements")
            return rows.semi_join(pl.filter(pl.chain_id == area.code).select("uscc"), "uscc")
        return area.rows(rows)

    def reporting(self, period: Period, area: Area, scope: str) -> tuple[int, int | None]:
        """Enterprises of ``scope`` in ``area`` that reported above scale for ``period``, and how many were
        expected: the above-scale roll of the annual period before ``period``'s year (None without one)."""
        reported = int(self.run(self.rows(period, area, scope).uscc.nunique()))
        roll = Period(period.year - 1)
        if not self.has_period(roll):
            return reported, None
        return reported, int(self.run(self.rows(roll, area, scope).uscc.nunique()))

    @cached_property
    def _scope_table(self) -> ir.Table:
        """The classes of every scope as one small temporary table: a join compiles and runs faster
        than a literal list of hundreds of codes in every query."""
        import pyarrow as pa

        rows = [{"scope": name, "code": code} for name, sc in self.scopes.items() for code in sorted(sc.codes)]
        return self.store.register_temp("indicator_scope_codes", pa.Table.from_pylist(rows))

    def same_scope(self, period: Period, area: Area, scope: str, column: str) -> ir.Table:
        """Rows above scale in both ``period`` and the same period a year before (同口径), one per enterprise,
        with the ``now`` and ``before`` values of ``column``."""
        now = self.rows(period, area, scope).select("uscc", now=column)
        before = self.rows(period.previous_year(), area, scope).select("uscc", before=column)
        return now.inner_join(before, "uscc")

    def deflator(self, year: int, scope: str = "制造业") -> float | None:
        d = self.table("deflators")
        got = self.run(d.filter((d.year == year) & (d.scope == scope)
                                & (d.region_code == self.province_code)).index_value)
        return float(got.iloc[0]) if len(got) else None

    def import_ids(self, rows: ir.Table, column: str = "import_id") -> list[int]:
        """The imports that wrote ``rows`` (for small tables: titles, clusters, entered values)."""
        return sorted(int(i) for i in self.run(rows[column].name("i").as_table().distinct()).i.dropna())

    @cached_property
    def _periods(self) -> dict[str, list[int]]:
        """Each statistics period with the imports that wrote it, read once."""
        st = self.table("statistics")
        got = self.run(st.group_by("period").agg(ids=st.import_id.collect(distinct=True)))
        return {r.period: sorted(int(i) for i in r.ids) for r in got.itertuples()}

    def period_imports(self, *periods: Period) -> list[int]:
        """The imports that wrote the statistics of ``periods``: the inputs of a figure computed from them."""
        return sorted({i for p in periods for i in self._periods.get(p.key, [])})

    def has_period(self, period: Period) -> bool:
        return period.key in self._periods

    def latest_year(self) -> int | None:
        years = [int(k) for k in self._periods if len(k) == 4]
        return max(years) if years else None


def literal_share(num: ir.NumericScalar, den: ir.NumericScalar) -> ir.NumericScalar:
    return ibis.ifelse(den == 0, ibis.null(), 100 * num / den)
