"""``Ladders``: the enterprise ladders (梯度培育) of one workspace, as the CLI and the REST API ask for them.

    >>> g.ladders.status("91430100...")                     # doctest: +SKIP
    >>> g.ladders.candidates("小巨人", city="430100")         # doctest: +SKIP
    >>> g.ladders.funnel()                                  # doctest: +SKIP

``year`` is the criteria's "上年度" (default: the latest year with annual statistics); the rules are
those in force on ``on`` (default :func:`gaodi.ladders.status.assessment_date` of the year), and
``ladders`` replaces them (e.g. with a user's own YAML); ``inputs`` are the figures the store does not
hold, per enterprise (:func:`gaodi.ladders.inputs.read_inputs`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from datetime import date
from typing import Any

from gaodi.evaluation.store_data import years_with_data
from gaodi.ladders.closeness import Closeness, closeness, rank_by_closeness
from gaodi.ladders.criteria import Ladder, Rung, list_ladders, load_ladder
from gaodi.ladders.inputs import read_inputs
from gaodi.ladders.status import (
    Candidate,
    EnterpriseLadders,
    FunnelRow,
    candidates,
    find_rung,
    funnel,
    ladder_status,
    rules_for,
)

__all__ = ["Ladders"]


class Ladders:
    """The ladders of a workspace (``g`` is a :class:`gaodi.core.Gaodi`)."""

    def __init__(self, g) -> None:
        self.g = g

    def rules(self, own: Sequence[str | Path] = (), year: int | None = None,
              on: date | None = None) -> tuple[date, list[Ladder]]:
        """The day whose rules judge data of ``year`` and the ladders in force then, each replaced by
        a user's ladder of the same name from ``own``."""
        day, in_force = rules_for(self.year(year), list_ladders(), on)
        found = {ladder.name: ladder for ladder in in_force}
        for path in own:
            ladder = load_ladder(path)
            found[ladder.name] = ladder
        return day, list(found.values())

    def every_version(self) -> list[Ladder]:
        """Every shipped ladder, each version of its rules (2022, 2026, ...)."""
        return list_ladders()

    def inputs(self, path: str | Path | None, ladders: Sequence[Ladder] | None = None) -> dict[str, dict[str, Any]]:
        """Figures the store does not hold, read from a CSV/XLSX file ({} without a file)."""
        # an inputs file may carry the inputs of any version (e.g. one prepared under the 2022 rules)
        return read_inputs(path, [*(ladders or []), *list_ladders()]) if path else {}

    def year(self, year: int | None = None) -> int:
        """``year``, or the latest year with annual statistics."""
        return year or years_with_data(self.g.store)[-1]

    def status(self, uscc: str, year: int | None = None, *, ladders: Sequence[Ladder] | None = None,
               inputs: dict | None = None, on: date | None = None) -> EnterpriseLadders:
        """One enterprise on every ladder: titles held, the next rung and exactly what it lacks."""
        return ladder_status(self.g.store, uscc, self.year(year), ladders=ladders, inputs=inputs, on=on)

    def candidates(self, rung: str, year: int | None = None, *, city: str | None = None,
                   ladders: Sequence[Ladder] | None = None, inputs: dict | None = None,
                   include_one_short: bool = False, on: date | None = None) -> list[Candidate]:
        """The candidates for a rung: meeting it, needing data (and, if asked, one criterion short)."""
        return candidates(self.g.store, rung, self.year(year), city=city, ladders=ladders, inputs=inputs,
                          include_one_short=include_one_short, on=on)

    def rung(self, key: str, year: int | None = None, on: date | None = None) -> tuple[Ladder, Rung]:
        """A rung by id, name or alias in the rules that judge data of ``year``."""
        return find_rung(key, self.rules((), year, on)[1])

    def nearest(self, rung: str, year: int | None = None, *, city: str | None = None,
                within: set[str] | None = None, ladders: Sequence[Ladder] | None = None,
                inputs: dict | None = None, on: date | None = None) -> list[Closeness]:
        """Every enterprise holding neither ``rung`` nor a higher one, ranked by closeness to it
        (met, unmet with their shortfall, and missing data kept apart; see ``closeness``);
        ``within`` keeps only those credit codes (a user's scope)."""
        found = candidates(self.g.store, rung, self.year(year), city=city, ladders=ladders, inputs=inputs,
                           on=on, everyone=True)
        names = self.g.region_names()
        return rank_by_closeness([replace(closeness(c.uscc, c.name, c.city_code, c.verdict),
                                          city_name=names.get(str(c.city_code))) for c in found
                                  if within is None or c.uscc in within])

    def funnel(self, year: int | None = None, *, city: str | None = None, ladders: Sequence[Ladder] | None = None,
               inputs: dict | None = None, on: date | None = None) -> list[FunnelRow]:
        """Per city and rung: holders, meeting, needing data, one short."""
        return funnel(self.g.store, self.year(year), city=city, ladders=ladders, inputs=inputs, on=on)
