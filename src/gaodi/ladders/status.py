"""Where each enterprise stands on every ladder; candidates for a rung; the funnel by city.

For an enterprise: the rungs it holds, the next rung (the first above the highest held) and the
verdict there — met, unmet or needs data — with the exact conditions it still lacks and the gap.
For a rung: the enterprises that do not hold it and qualify (met) or might (needs data), and the
near misses (exactly one condition unmet). For a city: the funnel of each rung.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from gaodi.errors import InputError, NotFoundError
from gaodi.ladders.criteria import Ladder, Rung, list_ladders
from gaodi.ladders.facts import enterprise_facts, held_titles
from gaodi.ladders.judge import RungVerdict, judge_rung


@dataclass(frozen=True)
class LadderPosition:
    """One enterprise on one ladder."""

    ladder: str
    version: str
    held: list[str]
    next_rung: str | None
    verdict: RungVerdict | None


@dataclass(frozen=True)
class EnterpriseLadders:
    """Every ladder of one enterprise, with the facts and titles judged."""

    uscc: str
    name: str
    year: int
    titles: list[dict[str, Any]]
    facts: dict[str, Any]
    positions: list[LadderPosition] = field(default_factory=list)


@dataclass(frozen=True)
class Candidate:
    uscc: str
    name: str
    city_code: str | None
    verdict: RungVerdict


@dataclass(frozen=True)
class FunnelRow:
    """Counts for one rung in one city: holders, qualified, needs data, one condition short."""

    city_code: str
    ladder: str
    rung: str
    enterprises: int
    holders: int
    met: int
    needs_data: int
    one_short: int


def ladder_status(store, uscc: str, year: int, *, ladders: Sequence[Ladder] | None = None,
                  inputs: Mapping[str, Mapping[str, Any]] | None = None) -> EnterpriseLadders:
    """The position of one enterprise on every ladder in ``year``."""
    ladders = list(ladders or list_ladders())
    facts = enterprise_facts(store, year)
    if uscc not in facts.index:
        raise NotFoundError(
            f"{year} 年没有企业 {uscc} 的年度统计。",
            f"No annual statistics for {uscc} in {year}.",
            fix="检查统一社会信用代码和 --year，或先导入该年的企业统计。",
        )
    row = _facts(facts.loc[uscc])
    titles = held_titles(store, year).get(uscc, [])
    given = dict((inputs or {}).get(uscc, {}))
    positions = [position(ladder, row, titles, given) for ladder in ladders]
    return EnterpriseLadders(uscc, str(row.get("name")), year, titles, row, positions)


def position(ladder: Ladder, facts: Mapping[str, Any], titles: Sequence[Mapping[str, Any]],
             inputs: Mapping[str, Any]) -> LadderPosition:
    """Held rungs and the verdict for the next one (pure)."""
    verdicts = [judge_rung(ladder, r, facts, titles, inputs) for r in ladder.rungs]
    held = [v.rung for v in verdicts if v.held]
    top = max((k for k, v in enumerate(verdicts) if v.held), default=-1)
    following = verdicts[top + 1] if top + 1 < len(verdicts) else None
    return LadderPosition(ladder.name, ladder.version, held,
                          following.rung if following else None, following)


def find_rung(key: str, ladders: Sequence[Ladder] | None = None) -> tuple[Ladder, Rung]:
    """A rung by id, name or alias (小巨人, 专精特新, 十亿 ...)."""
    ladders = list(ladders or list_ladders())
    for ladder in ladders:
        rung = ladder.rung(key)
        if rung is not None:
            return ladder, rung
    names = [r.name for ladder in ladders for r in ladder.rungs]
    raise InputError(f"没有名为 {key} 的梯级。", f"No rung named {key!r}.",
                     fix=f"可选：{'、'.join(names)}。")


def candidates(store, rung_key: str, year: int, *, city: str | None = None,
               ladders: Sequence[Ladder] | None = None,
               inputs: Mapping[str, Mapping[str, Any]] | None = None,
               include_one_short: bool = False) -> list[Candidate]:
    """Enterprises not holding the rung that meet it or need data (optionally one short).

    Sorted: met first, then needs data by how few conditions lack data, then one short by gap.
    """
    ladder, rung = find_rung(rung_key, ladders)
    out = []
    for uscc, facts, titles, given in _population(store, year, city, inputs):
        verdict = judge_rung(ladder, rung, facts, titles, given)
        if verdict.held:
            continue
        near = verdict.status == "unmet" and len(verdict.unmet) == 1
        if verdict.status in ("met", "needs_data") or (include_one_short and near):
            out.append(Candidate(uscc, str(facts.get("name")), facts.get("city_code"), verdict))
    order = {"met": 0, "needs_data": 1, "unmet": 2}
    return sorted(out, key=lambda c: (order[c.verdict.status], len(c.verdict.unknown),
                                      len(c.verdict.unmet), c.uscc))


def funnel(store, year: int, *, city: str | None = None,
           ladders: Sequence[Ladder] | None = None,
           inputs: Mapping[str, Mapping[str, Any]] | None = None) -> list[FunnelRow]:
    """Per city and rung: enterprises, holders, met, needs data, one condition short."""
    ladders = list(ladders or list_ladders())
    counts: dict[tuple[str, str, str], list[int]] = {}
    for _, facts, titles, given in _population(store, year, city, inputs):
        city_code = str(facts.get("city_code"))
        for ladder in ladders:
            for rung in ladder.rungs:
                v = judge_rung(ladder, rung, facts, titles, given)
                c = counts.setdefault((city_code, ladder.name, rung.name), [0, 0, 0, 0, 0])
                c[0] += 1
                if v.held:
                    c[1] += 1
                elif v.status == "met":
                    c[2] += 1
                elif v.status == "needs_data":
                    c[3] += 1
                elif len(v.unmet) == 1:
                    c[4] += 1
    rung_order = {(ladder.name, r.name): (i, j) for i, ladder in enumerate(ladders)
                  for j, r in enumerate(ladder.rungs)}
    rows = [FunnelRow(city_code, lad, rung, *c) for (city_code, lad, rung), c in counts.items()]
    return sorted(rows, key=lambda r: (r.city_code, rung_order[(r.ladder, r.rung)]))


def _population(store, year: int, city: str | None,
                inputs: Mapping[str, Mapping[str, Any]] | None):
    facts = enterprise_facts(store, year)
    if city:
        facts = facts[facts["city_code"].astype(str) == str(city)]
    titles = held_titles(store, year)
    inputs = inputs or {}
    for uscc, row in facts.iterrows():
        yield uscc, _facts(row), titles.get(uscc, []), dict(inputs.get(uscc, {}))


def _facts(row: pd.Series) -> dict[str, Any]:
    out = {}
    for key, value in row.items():
        if value is None or (isinstance(value, float) and math.isnan(value)):
            out[key] = None
        elif hasattr(value, "item"):
            out[key] = value.item()
        else:
            out[key] = value
    return out
