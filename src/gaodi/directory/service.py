"""``Directory``: the cities, parks and enterprises of one workspace as a user of a scope may see them.

    >>> g.directory.cities(scope, 2025)               # doctest: +SKIP
    >>> g.directory.enterprise(scope, "91430100...")   # doctest: +SKIP

Lists are Ibis expressions, run one page at a time by the edge (``run_page``) or whole for an export.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import ibis.expr.types as ir

from gaodi.access.filters import (
    city_of_regions,
    ensure_city,
    ensure_enterprise,
    ensure_park,
    scoped_city_codes,
    scoped_enterprises,
)
from gaodi.access.scope import Scope
from gaodi.directory.connections import enterprise_connections, park_connections
from gaodi.directory.enterprises import enterprise_detail, enterprise_list
from gaodi.directory.paging import Page, PageRequest, run_all, run_page
from gaodi.directory.parks import park_detail, park_list
from gaodi.directory.regions import (
    annual_years,
    city_detail,
    city_overview,
    resolve_period,
    resolve_year,
    statistics_periods,
)
from gaodi.errors import ForbiddenError
from gaodi.problems.events import china_today

__all__ = ["Directory"]


class Directory:
    """The directory of a workspace (``g`` is a :class:`gaodi.core.Gaodi`)."""

    def __init__(self, g) -> None:
        self.g = g

    def years(self) -> list[int]:
        """The years with annual statistics."""
        return annual_years(self.g.store)

    def year(self, year: int | None = None) -> int:
        """``year`` checked against the store, or the latest year with annual statistics."""
        return resolve_year(self.g.store, year)

    def periods(self) -> list[str]:
        """Periods with statistics, newest first: cumulative months, then years (``2026-10``, ``2025``)."""
        return statistics_periods(self.g.store)

    def period(self, period: str | None = None) -> str:
        """``period`` checked against the statistics in the store (InputError naming those there are), or
        the latest one."""
        return resolve_period(self.g.store, period)

    def cities(self, scope: Scope, year: int | None = None) -> dict[str, Any]:
        """The cities of the scope with their figures (the cockpit map)."""
        return city_overview(self.g.store, scope, year)

    def city(self, scope: Scope, city_code: str, year: int | None = None) -> dict[str, Any]:
        return city_detail(self.g.store, scope, city_code, year)

    def parks(self, scope: Scope, year: int, **filters) -> ir.Table:
        """Parks of the scope with their figures (filters: city, q, level, sort)."""
        return park_list(self.g.store, scope, year, **filters)

    def park(self, scope: Scope, park_id: str, year: int, as_of: dt.date | None = None) -> dict[str, Any]:
        """One park: its record and figures, and what links it to the other modules (its 亩均 class, its
        enterprises by class, open problems, matching policies; see ``connections``)."""
        detail = park_detail(self.g.store, scope, park_id, year)
        firms = self.g.store.execute(scoped_enterprises(self.g.store, scope).filter(
            lambda t: t.park_id == park_id).select("uscc", "name"))
        return {**detail, **park_connections(self.g, park_id, year, firms, as_of or china_today())}

    def enterprises(self, scope: Scope, year: int, **filters) -> ir.Table:
        """Enterprises of the scope with their figures (filters: q, city, county, park_id, industry, …)."""
        return enterprise_list(self.g.store, scope, year, **filters)

    def enterprise_choices(self, scope: Scope, q: str, limit: int = 20) -> list[dict[str, Any]]:
        """A picker's matches: enterprises of the scope whose code starts with, or name contains, ``q``."""
        from gaodi.directory.choices import enterprise_choices

        return enterprise_choices(self.g.store, scope, q, limit)

    def enterprise(self, scope: Scope, uscc: str) -> dict[str, Any]:
        """One enterprise: record, statistics, titles, chains, clusters, and its 亩均 class (of its latest
        year) and open problems."""
        detail = enterprise_detail(self.g.store, scope, uscc)
        return {**detail, **enterprise_connections(self.g, uscc, detail["year"])}

    def enterprise_ids(self, scope: Scope) -> set[str]:
        """The USCCs of the enterprises a scope reaches."""
        return set(self.g.store.execute(scoped_enterprises(self.g.store, scope).select("uscc")).uscc)

    def check_enterprise(self, scope: Scope, uscc: str) -> None:
        """NotFoundError when ``uscc`` is unknown, ForbiddenError when it lies outside the scope."""
        ensure_enterprise(self.g.store, scope, uscc)

    def check_park(self, scope: Scope, park_id: str) -> None:
        """NotFoundError when the park is unknown, ForbiddenError when it lies outside the scope."""
        ensure_park(self.g.store, scope, park_id)

    def check_city(self, scope: Scope, city_code: str) -> None:
        """NotFoundError when the city is not the province's, ForbiddenError when it lies outside the scope."""
        ensure_city(self.g.store, scope, city_code)

    def area_for(self, scope: Scope, area: str | None) -> str | None:
        """The area (city code or park id) a scope may monitor: its own by default, ForbiddenError outside.

        Province users choose any area; a city user their city or one of its parks; a park user their park;
        chain offices and enterprises see the province's figures, which are published aggregates."""
        if scope.kind == "province":
            return area
        own = scope.values[0] if scope.kind in ("city", "park") else None
        if area is None or area == own:
            return own
        if scope.kind == "city" and not area.isdigit():
            self.check_park(scope, area)
            return area
        if scope.kind == "city":
            self.check_city(scope, area)
        raise ForbiddenError(f"地区 {area} 不在您的数据范围（{scope.describe()}）内",
                             f"area {area} is outside your scope", fix="如需查看，请联系上级部门授权",
                             details={"scope": scope.as_dict()})

    def city_codes(self, scope: Scope) -> list[str]:
        """The city codes a scope reaches (every city for province and chain scopes)."""
        return scoped_city_codes(self.g.store, scope)

    def places_in(self, cities) -> set[str]:
        """Every region code (the cities themselves and their counties) inside the cities given."""
        found = city_of_regions(self.g.store)
        return set(self.g.store.execute(found.filter(found.city_code.isin(list(cities))).code))

    def page(self, expr: ir.Table, request: PageRequest, columns: list[dict[str, str]]) -> Page:
        return run_page(self.g.store, expr, request, columns)

    def all(self, expr: ir.Table) -> list[dict[str, Any]]:
        return run_all(self.g.store, expr)
