"""Match every enterprise against every policy at once (政策计算器), vectorised with numpy.

For each policy in force on ``as_of`` and each enterprise the verdict is:

* ``out_of_scope`` (不在适用地区): the enterprise's region code does not start with any prefix of the
  policy's ``region_scope``; nothing else is checked;
* ``qualifies`` (符合): every condition holds;
* ``near_miss`` (接近符合): making at most ``near_miss_max`` more leaf conditions hold would qualify it,
  each of them within reach: a numeric threshold missed by at most ``near_miss_within`` of its value
  (default 30%: revenue 1.6亿元 against 2亿元 is near, 1.6亿元 against 100亿元 is not), a scale
  missed by one level, or a value that is missing (fill in the data). Titles, codes, catalogues and
  yes/no facts are out of reach (an enterprise does not change its industry to meet a policy) unless
  the policy marks the condition ``within_reach: true`` (e.g. a title the staff help it apply for);
* ``not_eligible`` (不符合): otherwise.

"How many leaf conditions must change" (``to_fix``) is computed bottom-up: a leaf costs 0 when it
holds, 1 when it fails within reach, ``near_miss_max + 1`` when it fails out of reach; an ``all`` group costs the sum of its children, an
``any`` group the least of them (the cheapest way to satisfy it). The estimated amount (万元) of a qualifying enterprise is:
fixed → amount; share → min(rate × max(base, 0), cap); per_unit → min(⌊base / per⌋ × amount, cap);
rounded to the yuan; it is NaN when the base is missing or the benefit is not money.

The per-leaf outcome of every (enterprise, policy) pair is kept (:attr:`PolicyOutcome.status`, one
int8 per leaf and pair: 1 holds, 0 fails, −1 missing), so any verdict can be explained later
without matching again (:mod:`gaodi.policies.explain`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from gaodi.errors import InputError
from gaodi.policies.attributes import ATTRIBUTES, EnterpriseTable
from gaodi.policies.conditions import Group, Leaf
from gaodi.policies.rules import Policy, PolicySet

__all__ = ["VERDICTS", "MatchResult", "PolicyOutcome", "evaluate_leaf", "match_policies"]

OUT_OF_SCOPE, NOT_ELIGIBLE, NEAR_MISS, QUALIFIES = 0, 1, 2, 3
VERDICTS = {OUT_OF_SCOPE: ("out_of_scope", "不在适用地区"), NOT_ELIGIBLE: ("not_eligible", "不符合"),
            NEAR_MISS: ("near_miss", "接近符合"), QUALIFIES: ("qualifies", "符合")}


@dataclass
class PolicyOutcome:
    """The results of one policy for every enterprise (arrays aligned with the table's rows)."""

    policy: Policy
    leaves: tuple[Leaf, ...]
    status: np.ndarray  # (leaves, n) int8: 1 holds, 0 fails, -1 missing
    to_fix: np.ndarray  # (n,) least number of leaf conditions to make hold
    verdict: np.ndarray  # (n,) int8, one of VERDICTS
    amount: np.ndarray  # (n,) float 万元, NaN unless qualifies with a money benefit
    choice: dict[str, np.ndarray] = field(default_factory=dict)  # any-group id -> cheapest child index


@dataclass
class MatchResult:
    """Every policy in force against every enterprise of a table."""

    table: EnterpriseTable
    policy_set: PolicySet
    as_of: dt.date
    near_miss_max: int
    outcomes: list[PolicyOutcome]
    not_in_force: tuple[str, ...] = ()

    def outcome(self, policy_id: str) -> PolicyOutcome:
        for o in self.outcomes:
            if o.policy.id == policy_id:
                return o
        if policy_id in self.not_in_force:
            raise InputError(message=f"政策 {policy_id} 在 {self.as_of} 不在有效期内",
                             message_en=f"policy {policy_id} is not in force on {self.as_of}",
                             fix="换一个日期 (choose another as_of date)")
        self.policy_set.get(policy_id)
        raise AssertionError(policy_id)

    def verdict_matrix(self) -> np.ndarray:
        """(enterprises × policies) int8 matrix of verdict codes, policies in :attr:`outcomes` order."""
        return np.column_stack([o.verdict for o in self.outcomes]) if self.outcomes else \
            np.zeros((self.table.n, 0), dtype=np.int8)

    def summary(self) -> pd.DataFrame:
        """One row per policy: counts by verdict and the total estimated outlay (万元)."""
        rows = []
        for o in self.outcomes:
            p, v = o.policy, o.verdict
            rows.append({"policy_id": p.id, "name": p.name, "level": p.level, "mode": p.mode,
                         "document_number": p.document_number, "article": p.article,
                         "valid_from": p.valid_from, "valid_to": p.valid_to, "example": p.example,
                         "window_example": p.window_example,
                         "qualifies": int((v == QUALIFIES).sum()), "near_miss": int((v == NEAR_MISS).sum()),
                         "not_eligible": int((v == NOT_ELIGIBLE).sum()),
                         "out_of_scope": int((v == OUT_OF_SCOPE).sum()),
                         "total_outlay_wan": float(np.nansum(o.amount)) if p.benefit.monetary else np.nan,
                         "amount_unknown": int(((v == QUALIFIES) & np.isnan(o.amount)).sum())
                         if p.benefit.monetary else 0})
        return pd.DataFrame(rows)


def match_policies(table: EnterpriseTable, policy_set: PolicySet, as_of: dt.date,
                   near_miss_max: int = 2, near_miss_within: float = 0.3) -> MatchResult:
    """Evaluate every policy in force on ``as_of`` for every enterprise of ``table``."""
    if near_miss_max < 0 or not near_miss_within >= 0:
        raise InputError(message="near_miss_max 与 near_miss_within 不能为负",
                         message_en="near_miss_max and near_miss_within must be >= 0",
                         fix="通常取 1 或 2 个条件、30% 以内 (usually 1 or 2 conditions, within 0.3)")
    in_force = policy_set.in_force(as_of)
    outcomes = [_match_one(table, p, near_miss_max, near_miss_within) for p in in_force]
    skipped = tuple(p.id for p in policy_set.policies if p not in in_force)
    return MatchResult(table, policy_set, as_of, near_miss_max, outcomes, skipped)


def _match_one(table: EnterpriseTable, policy: Policy, near_miss_max: int, within: float) -> PolicyOutcome:
    leaves = policy.leaves
    status = np.empty((len(leaves), table.n), dtype=np.int8)  # one contiguous row per leaf
    cost = np.empty((len(leaves), table.n), dtype=np.int16)
    for j, leaf in enumerate(leaves):
        holds, missing = evaluate_leaf(table, leaf)
        status[j] = holds
        status[j][missing] = -1
        cost[j] = ~holds
        cost[j][_out_of_reach(table, leaf, within) & ~holds & ~missing] = near_miss_max + 1
    row = {leaf.id: j for j, leaf in enumerate(leaves)}
    choice: dict[str, np.ndarray] = {}
    to_fix = _cost(policy.conditions, cost, row, choice, table.n)
    verdict = np.full(table.n, NOT_ELIGIBLE, dtype=np.int8)
    verdict[to_fix <= near_miss_max] = NEAR_MISS
    verdict[to_fix == 0] = QUALIFIES
    verdict[~_in_scope(table, policy.region_scope)] = OUT_OF_SCOPE
    amount = _amount(table, policy, verdict == QUALIFIES)
    return PolicyOutcome(policy, leaves, status, to_fix, verdict, amount, choice)


def _cost(node: Group | Leaf, cost: np.ndarray, row: dict[str, int], choice: dict, n: int) -> np.ndarray:
    if isinstance(node, Leaf):
        return cost[row[node.id]]
    if not node.children:
        return np.zeros(n, dtype=np.int16)
    costs = [_cost(c, cost, row, choice, n) for c in node.children]
    if len(costs) == 1:
        return costs[0]
    if node.kind == "all":
        return np.add.reduce(costs, dtype=np.int16)
    stacked = np.stack(costs)
    choice[node.id] = stacked.argmin(axis=0)
    return stacked.min(axis=0)


def _in_scope(table: EnterpriseTable, scope: tuple[str, ...]) -> np.ndarray:
    if not scope:
        return np.ones(table.n, dtype=bool)
    return table.code_in("region_code", scope, prefix=True)


def evaluate_leaf(table: EnterpriseTable, leaf: Leaf) -> tuple[np.ndarray, np.ndarray]:
    """Return (holds, missing) boolean arrays for one leaf condition over the whole table."""
    attr = ATTRIBUTES[leaf.attribute]
    op, value = leaf.op, leaf.value
    if attr.kind in ("number", "scale", "bool"):
        x = table.number(leaf.attribute)
        missing = np.isnan(x)
        with np.errstate(invalid="ignore"):
            if op == "between":
                holds = (x >= value[0]) & (x <= value[1])
            elif op in ("in", "not_in"):
                holds = np.isin(x, value)
                holds = holds if op == "in" else ~holds
            else:
                holds = _COMPARE[op](x, value)
        return holds & ~missing, missing
    if attr.kind == "code":
        missing = table.code_missing(leaf.attribute)
        items = value if isinstance(value, tuple) else (value,)
        hit = table.code_in(leaf.attribute, items, prefix=op in ("in", "not_in"))
        holds = hit if op in ("==", "in") else ~hit
        return holds & ~missing, missing
    missing = table.list_missing(leaf.attribute)
    if op in ("has_title", "not_has_title"):
        held = table.members(leaf.attribute, value) >= max(leaf.level, 1)
        holds = held if op == "has_title" else table.members(leaf.attribute, value) == 0
    else:
        hit = np.zeros(table.n, dtype=bool)
        for item in value:
            hit |= table.members(leaf.attribute, item) > 0
        holds = hit if op == "in" else ~hit
    return holds & ~missing, missing


def _out_of_reach(table: EnterpriseTable, leaf: Leaf, within: float) -> np.ndarray:
    """True where failing ``leaf`` is out of reach (see the module docstring)."""
    kind = ATTRIBUTES[leaf.attribute].kind
    if leaf.within_reach:
        return np.zeros(table.n, dtype=bool)
    if kind not in ("number", "scale") or leaf.op in ("==", "!=", "in", "not_in"):
        return np.ones(table.n, dtype=bool)
    x = table.number(leaf.attribute)
    lo, hi = leaf.value if leaf.op == "between" else (leaf.value, leaf.value)
    with np.errstate(invalid="ignore"):
        if kind == "scale":
            return (lo - x > 1) | (x - hi > 1)
        short = (lo - x > within * abs(lo)) if leaf.op in (">=", ">", "between") else np.zeros(table.n, bool)
        excess = (x - hi > within * abs(hi)) if leaf.op in ("<=", "<", "between") else np.zeros(table.n, bool)
    return short | excess


_COMPARE = {">=": np.greater_equal, ">": np.greater, "<=": np.less_equal, "<": np.less,
            "==": np.equal, "!=": np.not_equal}


def _amount(table: EnterpriseTable, policy: Policy, qualifies: np.ndarray) -> np.ndarray:
    b = policy.benefit
    out = np.full(table.n, np.nan)
    if not b.monetary:
        return out
    if b.kind == "fixed":
        value = np.full(table.n, b.amount)
    else:
        base = np.clip(table.number(b.base), 0, None)
        value = base * b.rate if b.kind == "share" else np.floor(base / b.per + 1e-9) * b.amount
        if b.cap is not None:
            value = np.minimum(value, b.cap)
    out[qualifies] = np.round(value[qualifies], 4)  # to the yuan (1 元 = 0.0001 万元)
    return out
