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
from datetime import date
from typing import Any

import pandas as pd

from gaodi.errors import InputError, NotFoundError
from gaodi.ladders.criteria import Ladder, Rung, assessment_date, ladders_in_force
from gaodi.ladders.facts import enterprise_facts, held_titles
from gaodi.ladders.judge import RungVerdict, judge, judge_rung


@dataclass(frozen=True)
class LadderPosition:
    """One enterprise on one ladder."""

    ladder: str
    version: str
    held: list[str]
    next_rung: str | None
    verdict: RungVerdict | None
    rules: str = ""
    document: str = ""
    in_force_from: date | None = None
    in_force_to: date | None = None


@dataclass(frozen=True)
class EnterpriseLadders:
    """Every ladder of one enterprise, with the facts and titles judged."""

    uscc: str
    name: str
    year: int
    titles: list[dict[str, Any]]
    facts: dict[str, Any]
    positions: list[LadderPosition] = field(default_factory=list)
    rules_date: date | None = None  # the date whose rules were used (see assessment_date)


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


def rules_for(year: int, ladders: Sequence[Ladder] | None = None,
              on: date | None = None) -> tuple[date, list[Ladder]]:
    """The date whose rules judge data of ``year`` and the rule set of each ladder in force then."""
    day = on or assessment_date(year)
    return day, ladders_in_force(day, ladders)


def ladder_status(store, uscc: str, year: int, *, ladders: Sequence[Ladder] | None = None,
                  inputs: Mapping[str, Mapping[str, Any]] | None = None,
                  on: date | None = None) -> EnterpriseLadders:
    """The position of one enterprise on every ladder in ``year``, by the rules in force on ``on``
    (default :func:`assessment_date`); titles granted under earlier rules count until they expire."""
    day, ladders = rules_for(year, ladders, on)
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
    return EnterpriseLadders(uscc, str(row.get("name")), year, titles, row, positions, day)


def position(ladder: Ladder, facts: Mapping[str, Any], titles: Sequence[Mapping[str, Any]],
             inputs: Mapping[str, Any]) -> LadderPosition:
    """Held rungs and the verdict for the next one (pure)."""
    verdicts = [judge_rung(ladder, r, facts, titles, inputs) for r in ladder.rungs]
    held = [v.rung for v in verdicts if v.held]
    top = max((k for k, v in enumerate(verdicts) if v.held), default=-1)
    following = verdicts[top + 1] if top + 1 < len(verdicts) else None
    return LadderPosition(ladder.name, ladder.version, held,
                          following.rung if following else None, following, ladder.rules,
                          ladder.document, ladder.in_force_from, ladder.in_force_to)


def find_rung(key: str, ladders: Sequence[Ladder] | None = None) -> tuple[Ladder, Rung]:
    """A rung by id, name or alias (小巨人, 专精特新, 十亿 ...), in the rules in force today
    unless ``ladders`` are given."""
    ladders = list(ladders or ladders_in_force(date.today()))
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
               include_one_short: bool = False, on: date | None = None,
               everyone: bool = False) -> list[Candidate]:
    """Enterprises not holding the rung that meet it or need data (optionally one short; with
    ``everyone``, every enterprise holding neither the rung nor a higher one), by the rules in force
    on ``on`` (default :func:`assessment_date` of ``year``).

    Sorted: met first, then needs data by how few conditions lack data, then one short by gap.
    """
    ladder, rung = find_rung(rung_key, rules_for(year, ladders, on)[1])
    out = []
    for uscc, facts, titles, given in _population(store, year, city, inputs):
        verdict = judge_rung(ladder, rung, facts, titles, given)
        if verdict.held or _holds_higher(ladder, rung, facts, titles, given):
            continue
        near = verdict.status == "unmet" and len(verdict.unmet) == 1
        if everyone or verdict.status in ("met", "needs_data") or (include_one_short and near):
            out.append(Candidate(uscc, str(facts.get("name")), facts.get("city_code"), verdict))
    order = {"met": 0, "needs_data": 1, "unmet": 2}
    return sorted(out, key=lambda c: (order[c.verdict.status], len(c.verdict.unknown),
                                      len(c.verdict.unmet), c.uscc))


def funnel(store, year: int, *, city: str | None = None,
           ladders: Sequence[Ladder] | None = None,
           inputs: Mapping[str, Mapping[str, Any]] | None = None,
           on: date | None = None) -> list[FunnelRow]:
    """Per city and rung: enterprises, holders, met, needs data, one condition short (by the
    rules in force on ``on``, default :func:`assessment_date` of ``year``)."""
    ladders = rules_for(year, ladders, on)[1]
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
                elif _holds_higher(ladder, rung, facts, titles, given):
                    continue
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


def _holds_higher(ladder: Ladder, rung: Rung, facts: Mapping[str, Any],
                  titles: Sequence[Mapping[str, Any]], inputs: Mapping[str, Any]) -> bool:
    """Whether the enterprise holds a rung above ``rung`` (a 百亿 firm is no 十亿 candidate)."""
    above = ladder.rungs[ladder.rungs.index(rung) + 1:]
    return any(judge(r.held, facts, titles, inputs).status == "met" for r in above)


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
