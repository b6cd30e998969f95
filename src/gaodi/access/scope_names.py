"""A scope as a person reads it: the names of its cities, parks, chains or enterprise, not their codes."""

from __future__ import annotations

from gaodi.access.scope import Scope
from gaodi.store import Store

KINDS = {"province": ("全省", "province"), "city": ("市州", "city"), "park": ("园区", "park"),
         "chain": ("产业链", "chain"), "enterprise": ("企业", "enterprise")}
#: where each kind's names live: table, code column
TABLES = {"city": ("regions", "code"), "park": ("parks", "park_id"), "chain": ("chains", "chain_id"),
          "enterprise": ("enterprises", "uscc")}


def names(store: Store, scope: Scope) -> list[str]:
    """The names of the scope's values, in order; a value with no name stays as it is."""
    if scope.is_province or scope.kind not in TABLES:
        return []
    table, column = TABLES[scope.kind]
    t = store.table(table)
    found = store.execute(t.filter(t[column].isin(list(scope.values))).select(code=t[column], name=t.name))
    named = dict(zip(found.code, found.name))
    return [named.get(v) or v for v in scope.values]


def named_scope(store: Store, scope: Scope) -> dict:
    """``Scope.as_dict`` with labels in both languages that name the values: 园区 开福经济技术开发区."""
    zh, en = KINDS[scope.kind]
    if scope.is_province:
        return {**scope.as_dict(), "label": zh, "label_en": "the province", "names": []}
    shown = names(store, scope)
    return {**scope.as_dict(), "label": f"{zh} {'、'.join(shown)}", "label_en": f"{en} {', '.join(shown)}",
            "names": shown}
