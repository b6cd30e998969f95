"""How close each candidate is to a rung, so that the nearest can be found first (issue 15, item 3).

For every enterprise that neither holds the rung nor a higher one, the verdict's criteria are
counted in three kept-apart groups:

- **met**: criteria (leaves of the criterion tree, a points table counted as one) already met;
- **unmet**: criteria failed on known data, each with its shortfall
  ``s = min(gap / |threshold|, 1)`` (研发费用 lacking 35 of 100 万元 → 0.35; a points table lacking
  12 of 60 分 → 0.2; a criterion without a numeric gap, such as a title not held, → 1);
- **missing data**: criteria that cannot be judged for want of data. Missing data is never a failed
  condition: it neither adds to the shortfall nor counts as unmet.

Ranking, nearest first: fewer unmet criteria; then the smaller total shortfall Σs; then fewer
criteria missing data; then more criteria met; then the credit code (a stable order). So an
enterprise that meets every known criterion comes before any that fails one, and among those
failing one criterion, the one lacking 5 % comes before the one lacking 40 %.

``points_short`` is the points a points table still lacks (the least-case total against the pass
mark), shown apart because points are the first thing a service officer asks about.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from gaodi.ladders.judge import Check, RungVerdict

__all__ = ["Closeness", "closeness", "gap_text", "leaf_checks", "rank_by_closeness", "shortfall"]


@dataclass(frozen=True)
class Closeness:
    """One candidate's distance to a rung, and the lines a person reads."""

    uscc: str
    name: str
    city_code: str | None
    status: str
    met: int
    unmet: int
    missing: int
    shortfall: float
    points_short: float | None
    nearest: list[str]
    missing_data: list[str]
    verdict: RungVerdict = field(repr=False)
    rank: int = 0
    city_name: str | None = None

    def as_row(self) -> dict:
        """The plain record the CLI's ``--json`` and the REST API both print (the verdict left out:
        ``g.ladders.status`` gives the full explanation)."""
        return {"rank": self.rank, "uscc": self.uscc, "name": self.name, "city_code": self.city_code,
                "city_name": self.city_name, "status": self.status, "met": self.met, "unmet": self.unmet, "missing": self.missing,
                "shortfall": self.shortfall, "points_short": self.points_short, "line": self.line,
                "nearest": self.nearest, "missing_data": self.missing_data, "rules": self.verdict.rules}

    @property
    def line(self) -> str:
        """One line in plain Chinese: the two or three nearest gaps, then what data is missing."""
        if self.status == "met":
            head = "已满足全部条件"
        elif self.nearest:
            head = "；".join(self.nearest)
        else:
            head = "已知条件均满足"
        if self.missing_data:
            head += f"（另有 {self.missing} 项缺数据：{'、'.join(self.missing_data[:3])}" \
                    + ("等" if self.missing > 3 else "") + "）"
        return head


def leaf_checks(check: Check) -> list[Check]:
    """The criteria of a verdict as counted here: leaves of ``all_of``/``any_of`` groups; a points
    table (``score``) is one criterion, its items are not opened."""
    if check.kind in ("all_of", "any_of"):
        return [leaf for child in check.children for leaf in leaf_checks(child)]
    return [check]


def shortfall(check: Check) -> float:
    """The relative shortfall of an unmet criterion: gap / |threshold|, at most 1; 1 without a gap."""
    threshold = check.threshold
    if check.gap is None or not isinstance(threshold, (int, float)) or isinstance(threshold, bool) \
            or threshold == 0:
        return 1.0
    return min(abs(float(check.gap)) / abs(float(threshold)), 1.0)


def gap_text(check: Check) -> str:
    """An unmet criterion in plain Chinese: its label and how much is lacking, in its unit."""
    if check.gap is not None:
        return f"{check.label}差 {check.gap:,.4g}{' ' + check.unit if check.unit and check.unit != '分' else check.unit}"
    if check.kind == "title":
        return f"尚未获得{check.threshold}"
    return f"{check.label}未满足"


def closeness(uscc: str, name: str, city_code: str | None, verdict: RungVerdict) -> Closeness:
    """Count met, unmet and missing-data criteria of a verdict and measure its shortfall."""
    leaves = leaf_checks(verdict.check)
    met = sum(1 for c in leaves if c.status == "met")
    unmet = sorted(verdict.unmet, key=lambda c: (shortfall(c), c.id))
    points = [c.gap for c in leaf_checks(verdict.check) if c.kind == "score" and c.gap is not None]
    return Closeness(
        uscc=uscc, name=name, city_code=city_code, status=verdict.status, met=met, unmet=len(unmet),
        missing=len(verdict.unknown), shortfall=round(sum(shortfall(c) for c in unmet), 6),
        points_short=float(sum(points)) if points else None,
        nearest=[gap_text(c) for c in unmet[:3]],
        missing_data=[c.label for c in verdict.unknown], verdict=verdict)


def rank_by_closeness(rows: list[Closeness]) -> list[Closeness]:
    """Nearest first (see the module docstring for the order); ``rank`` from 1."""
    ordered = sorted(rows, key=lambda r: (r.unmet, r.shortfall, r.missing, -r.met, r.uscc))
    return [replace(r, rank=i) for i, r in enumerate(ordered, start=1)]
