"""Enterprises to choose from: a name or code typed into a picker, a few matches of the caller's scope.

Matching: the credit code starts with what was typed (upper case), or the name contains it. Names
that start with the text come first, then the others, each in code order; at most ``limit`` rows."""

from __future__ import annotations

from typing import Any

import ibis

from gaodi.access.filters import scoped_enterprises
from gaodi.access.scope import Scope
from gaodi.directory.paging import records
from gaodi.errors import InputError
from gaodi.store import Store

MAX_CHOICES = 50
MAX_QUERY = 40


def enterprise_choices(store: Store, scope: Scope, q: str, limit: int = 20) -> list[dict[str, Any]]:
    """Up to ``limit`` enterprises of ``scope`` matching ``q``: credit code, name, county name."""
    text = (q or "").strip()
    if not text:
        return []
    if len(text) > MAX_QUERY or not 1 <= limit <= MAX_CHOICES:
        raise InputError(f"搜索词最多 {MAX_QUERY} 个字，条数为 1-{MAX_CHOICES}",
                         f"query up to {MAX_QUERY} characters, limit 1-{MAX_CHOICES}", fix="缩短搜索词或减少条数")
    en = scoped_enterprises(store, scope)
    found = en.filter(en.name.contains(text) | en.uscc.startswith(text.upper()))
    r = store.table("regions").select(_code="code", county_name="name")
    found = found.left_join(r, found.region_code == r._code)
    rank = ibis.ifelse(found.uscc.startswith(text.upper()) | found.name.startswith(text), 0, 1)
    picked = found.select("uscc", "name", "county_name", _rank=rank).order_by(["_rank", "uscc"]).limit(limit)
    return records(store.execute(picked.drop("_rank")))
