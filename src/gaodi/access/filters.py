"""Filter enterprise-keyed data by scope, in Ibis, so every query of the core sees only its scope.

An enterprise is in a scope when
- city: its region (current county code) lies in the city (``regions.city_code``);
- park: its ``park_id`` is the park;
- chain: it is placed in one of the chain's segments (``placements``), or its 4-digit industry
  code is listed in one of the chain's segments (``segments.industry_codes``);
- enterprise: its USCC is the one named.
Single-record reads outside the scope raise :class:`~gaodi.errors.ForbiddenError`; a record that
does not exist at all raises :class:`~gaodi.errors.NotFoundError`.
"""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from gaodi.access.scope import Scope
from gaodi.errors import ForbiddenError, NotFoundError
from gaodi.store import Store


def city_of_regions(store: Store) -> ir.Table:
    """``code`` → ``city_code`` for every region (a city maps to itself)."""
    r = store.table("regions")
    return r.select(r.code, city_code=ibis.coalesce(r.city_code, r.code))


def chain_members(store: Store, chain_ids: tuple[str, ...]) -> ir.Table:
    """USCCs of the enterprises in the chains: placed there, or in an industry a segment lists."""
    pl = store.table("placements")
    placed = pl.filter(pl.chain_id.isin(chain_ids)).select(uscc=pl.uscc.cast("string"))
    seg = store.table("segments")
    codes = (seg.filter(seg.chain_id.isin(chain_ids))
             .select(code=seg.industry_codes.split(";").unnest()))
    codes = codes.select(code=codes.code.strip()).filter(lambda t: t.code != "").distinct()
    en = store.table("enterprises")
    by_industry = en.semi_join(codes, en.industry_code == codes.code).select(uscc=en.uscc.cast("string"))
    return placed.union(by_industry, distinct=True)


def scoped_enterprises(store: Store, scope: Scope) -> ir.Table:
    """The ``enterprises`` table cut down to the scope."""
    en = store.table("enterprises")
    if scope.kind == "province":
        return en
    if scope.kind == "city":
        cities = city_of_regions(store)
        inside = cities.filter(cities.city_code.isin(scope.values))
        return en.semi_join(inside, en.region_code == inside.code)
    if scope.kind == "park":
        return en.filter(en.park_id.isin(scope.values))
    if scope.kind == "chain":
        members = chain_members(store, scope.values)
        return en.semi_join(members, en.uscc == members.uscc)
    return en.filter(en.uscc.isin(scope.values))


def restrict(table: ir.Table, store: Store, scope: Scope, key: str = "uscc") -> ir.Table:
    """``table`` (any enterprise-keyed table) keeping only rows whose ``key`` is in scope."""
    if scope.kind == "province":
        return table
    if scope.kind == "enterprise":
        return table.filter(table[key].isin(scope.values))
    inside = scoped_enterprises(store, scope).select(_in_uscc="uscc")
    return table.semi_join(inside, table[key] == inside._in_uscc)


def scoped_parks(store: Store, scope: Scope) -> ir.Table:
    """Parks of the scope: in the city, the park itself, or the parks of the scope's enterprises."""
    parks = store.table("parks")
    if scope.kind == "province":
        return parks
    if scope.kind == "city":
        cities = city_of_regions(store)
        inside = cities.filter(cities.city_code.isin(scope.values))
        return parks.semi_join(inside, parks.region_code == inside.code)
    if scope.kind == "park":
        return parks.filter(parks.park_id.isin(scope.values))
    en = scoped_enterprises(store, scope).select(_park="park_id")
    return parks.semi_join(en, parks.park_id == en._park)


def scoped_city_codes(store: Store, scope: Scope) -> list[str]:
    """The city codes a scope reaches: every city for province and chain scopes, else its own."""
    if scope.kind == "city":
        return list(scope.values)
    r = store.table("regions")
    if scope.kind in ("province", "chain"):
        cities = r.filter((r.level == "city") & r.in_home_province & (r.status == "current"))
        return sorted(store.execute(cities.code.name("code").as_table()).code)
    if scope.kind == "park":
        places = scoped_parks(store, scope).select(code="region_code")
    else:
        places = scoped_enterprises(store, scope).select(code="region_code")
    cities = city_of_regions(store)
    found = places.inner_join(cities, "code").select("city_code").distinct()
    return sorted(store.execute(found).city_code)


def ensure_enterprise(store: Store, scope: Scope, uscc: str) -> None:
    """Raise NotFoundError when ``uscc`` is unknown, ForbiddenError when it lies outside the scope."""
    en = store.table("enterprises")
    if not store.execute(en.filter(en.uscc == uscc).count()):
        raise NotFoundError(f"没有统一社会信用代码为 {uscc} 的企业", f"no enterprise {uscc}",
                            fix="检查代码，或在企业列表中搜索")
    inside = scoped_enterprises(store, scope)
    if scope.kind != "province" and not store.execute(inside.filter(inside.uscc == uscc).count()):
        raise _forbidden(scope, f"企业 {uscc}", f"enterprise {uscc}")


def ensure_park(store: Store, scope: Scope, park_id: str) -> None:
    parks = store.table("parks")
    if not store.execute(parks.filter(parks.park_id == park_id).count()):
        raise NotFoundError(f"没有编号为 {park_id} 的园区", f"no park {park_id}", fix="在园区列表中查找")
    inside = scoped_parks(store, scope)
    if scope.kind != "province" and not store.execute(inside.filter(inside.park_id == park_id).count()):
        raise _forbidden(scope, f"园区 {park_id}", f"park {park_id}")


def ensure_city(store: Store, scope: Scope, city_code: str) -> None:
    r = store.table("regions")
    found = r.filter((r.code == city_code) & (r.level == "city") & r.in_home_province)
    if not store.execute(found.count()):
        raise NotFoundError(f"本省没有代码为 {city_code} 的市", f"no city {city_code} in the province",
                            fix="用 6 位市级行政区划代码，如 430100")
    if city_code not in scoped_city_codes(store, scope):
        raise _forbidden(scope, f"市 {city_code}", f"city {city_code}")


def _forbidden(scope: Scope, what: str, what_en: str) -> ForbiddenError:
    return ForbiddenError(f"{what} 不在您的数据范围（{scope.describe()}）内",
                          f"{what_en} is outside your scope ({scope.kind})",
                          fix="如需查看，请联系上级部门授权", details={"scope": scope.as_dict()})
