"""What a park's or an enterprise's page links to in the other modules (issue 15, item 5).

Each figure is the other module's own, reached through its facade on the core (``g``): the 亩均 class
from ``g.evaluations.mu_classes`` (with its year and rule set), open problems from ``g.problems``,
matching policies from ``g.policies``. Nothing is recomputed here; this module only gathers and names.
A module without data says so (``None`` or an empty list with a note), never 0.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import ibis
import pandas as pd

from gaodi.access.scope import Scope
from gaodi.directory.paging import records
from gaodi.errors import NotFoundError
from gaodi.evaluation.service import MU_PARK_RULES
from gaodi.problems.states import OPEN_STATES

__all__ = ["enterprise_connections", "park_connections"]

_CLASS_ORDER = ("A", "B", "C", "D")


def mu_record(classes: pd.DataFrame, subject_id: str) -> dict[str, Any] | None:
    """The 亩均 class row of one subject (class, year, rank, score, rules), or None when not graded."""
    hit = classes[classes["uscc"] == subject_id]
    if hit.empty:
        return None
    row = hit.iloc[0]
    return {"class": row["mu_class"], "year": int(row["mu_year"]), "rank": int(row["mu_rank"]),
            "score": float(row["mu_score"]), "rules": row["mu_rules"], "graded": int(len(classes))}


def _problem_rows(problems) -> list[dict[str, Any]]:
    return [{"problem_id": p.problem_id, "title": p.title, "category": p.category, "state_label": p.state_label,
             "enterprise_name": p.enterprise_name, "uscc": p.uscc, "department": p.department,
             "deadline": p.deadline, "deadline_provisional": p.deadline_provisional} for p in problems]


def enterprise_connections(g, uscc: str, year: int | None) -> dict[str, Any]:
    """The enterprise's 亩均 class of ``year`` and its open problems."""
    mu = mu_record(g.evaluations.mu_classes(year), uscc) if year else None
    open_problems = [p for p in g.problems.problems(uscc=uscc) if p.state in OPEN_STATES]
    return {"mu": mu, "mu_year": year, "open_problems": _problem_rows(open_problems)}


def park_connections(g, park_id: str, year: int, firms: pd.DataFrame, as_of: dt.date) -> dict[str, Any]:
    """The park's own 亩均 class, its enterprises by class, the chains and titles of its enterprises,
    their open problems and the policies they match (``firms``: uscc, name of the park's enterprises)."""
    ids = set(firms["uscc"])
    park_mu = mu_record(g.evaluations.mu_classes(year, MU_PARK_RULES), park_id)
    classes = g.evaluations.mu_classes(year)
    classes = classes[classes["uscc"].isin(ids)]
    counts = {label: int((classes["mu_class"] == label).sum()) for label in _CLASS_ORDER}
    open_problems = [p for p in g.problems.problems() if p.uscc in ids and p.state in OPEN_STATES]
    return {"mu": park_mu, "mu_year": year, **_chains_and_titles(g.store, park_id, year),
            "mu_classes": {"counts": counts, "graded": int(len(classes)), "enterprises": len(ids)},
            "open_problems": _problem_rows(open_problems[:20]), "open_problem_count": len(open_problems),
            "policies": _park_policies(g, park_id, as_of)}


def _chains_and_titles(store, park_id: str, year: int) -> dict[str, list[dict[str, Any]]]:
    """The chains the park's enterprises are placed in, and the titles they hold in ``year``, with counts."""
    en = store.table("enterprises")
    en = en.filter(en.park_id == park_id).select(_u="uscc")
    pl, ch = store.table("placements"), store.table("chains")
    placed = pl.semi_join(en, pl.uscc == en._u).inner_join(ch.select("chain_id", chain_name="name"), "chain_id")
    chains = placed.group_by(["chain_id", "chain_name"]).aggregate(enterprises=placed.uscc.nunique())
    ti = store.table("enterprise_titles")
    held = ti.semi_join(en, ti.uscc == en._u).filter(
        lambda t: (t.year_granted <= year) & (t.year_expiring.isnull() | (t.year_expiring >= year)))
    titles = held.group_by(["title", "level"]).aggregate(enterprises=held.uscc.nunique())
    return {"chains": records(store.execute(chains.order_by([ibis.desc("enterprises"), "chain_id"]))),
            "titles": records(store.execute(titles.order_by([ibis.desc("enterprises"), "title", "level"])))}


def _park_policies(g, park_id: str, as_of: dt.date) -> dict[str, Any]:
    """Per policy in force: how many of the park's enterprises qualify or nearly do."""
    try:
        summary = g.policies.outlay(as_of, scope=Scope("park", (park_id,)))
    except NotFoundError as exc:  # no rule set loaded yet: say so, do not show zeros
        return {"items": [], "note": exc.message}
    if summary.empty:
        return {"items": [], "note": "当日没有有效政策"}
    summary = summary[(summary["qualifies"] > 0) | (summary["near_miss"] > 0)]
    summary = summary.sort_values(["qualifies", "near_miss", "policy_id"], ascending=[False, False, True])
    items = [{"policy_id": r.policy_id, "name": r.name, "mode_label": r.mode_label, "qualifies": int(r.qualifies),
              "near_miss": int(r.near_miss)} for r in summary.itertuples()]
    return {"items": items, "note": None}
