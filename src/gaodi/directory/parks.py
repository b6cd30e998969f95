"""Parks with their figures (亩均税收 among them), and one park's page."""

from __future__ import annotations

from typing import Any

import ibis
import ibis.expr.types as ir

from gaodi.access.filters import (
    city_of_regions,
    ensure_park,
    restrict,
    scoped_enterprises,
    scoped_parks,
)
from gaodi.access.scope import Scope
from gaodi.directory.metrics import above_scale_rows, grouped_metrics, metric_columns
from gaodi.directory.paging import records, sorted_by
from gaodi.store import Store

PARK_COLUMNS = [
    {"key": "park_id", "label": "园区编号", "label_en": "park id", "unit": ""},
    {"key": "name", "label": "园区名称", "label_en": "park", "unit": ""},
    {"key": "level", "label": "级别", "label_en": "level", "unit": ""},
    {"key": "city_name", "label": "所在市", "label_en": "city", "unit": ""},
    {"key": "county_name", "label": "所在县区", "label_en": "county", "unit": ""},
    {"key": "area_mu", "label": "面积", "label_en": "area", "unit": "亩"},
    {"key": "enterprises", "label": "企业数", "label_en": "enterprises", "unit": "家"},
]


def park_list(store: Store, scope: Scope, year: int, *, city: str | None = None, q: str | None = None,
              level: str | None = None, sort: str = "park_id") -> ir.Table:
    """Parks in scope with the figures of their enterprises in scope, filtered and ordered."""
    parks = scoped_parks(store, scope)
    if level:
        parks = parks.filter(parks.level == level)
    if q:
        parks = parks.filter(parks.name.contains(q) | (parks.park_id == q))
    places = _place_names(store)
    parks = parks.inner_join(places, parks.region_code == places.code)
    if city:
        parks = parks.filter(parks.city_code == city)
    firms = scoped_enterprises(store, scope)
    counts = firms.filter(firms.park_id.notnull()).group_by("park_id").aggregate(enterprises=firms.uscc.count())
    rows = above_scale_rows(restrict(store.table("statistics"), store, scope), store.table("enterprises"),
                            store.table("industries"), year)
    figures = grouped_metrics(rows.filter(rows.park_id.notnull()), "park_id")
    table = (parks.select("park_id", "name", "level", "kind", "region_code", "county_name", "city_code",
                          "city_name", "area_mu")
             .left_join(counts, "park_id").drop("park_id_right")
             .left_join(figures, "park_id").drop("park_id_right"))
    table = table.mutate(enterprises=ibis.coalesce(table.enterprises, 0),
                         above_scale=ibis.coalesce(table.above_scale, 0))
    return sorted_by(table, sort)


def park_columns() -> list[dict[str, str]]:
    return PARK_COLUMNS + metric_columns()


def park_detail(store: Store, scope: Scope, park_id: str, year: int) -> dict[str, Any]:
    """One park: its record and figures (enterprises in scope only)."""
    ensure_park(store, scope, park_id)
    rows = records(store.execute(park_list(store, scope, year).filter(lambda t: t.park_id == park_id)))
    return {"year": year, "columns": park_columns(), **rows[0]}


def _place_names(store: Store) -> ir.Table:
    r = store.table("regions")
    cities = city_of_regions(store)
    named = cities.inner_join(r.select(code="code", county_name="name"), "code")
    return named.inner_join(r.select(city_code="code", city_name="name"), "city_code")
