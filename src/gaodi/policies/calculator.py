"""``PolicyCalculator``: the policy calculator (政策计算器) of one workspace, over its store.

What the CLI and the REST API call (``Gaodi.policies``)::

    g.policies.load_policies(examples=True)                  # a rule set into the store, versioned
    g.policies.enterprise_policies("91430100...", as_of=date(2026, 6, 30))
    g.policies.policy_enterprises("HN-SMART-FACTORY")        # whom to pay (免申即享) or notify
    g.policies.outlay()                                      # per policy: counts and total estimated outlay

Policies are those of the rule set loaded last (``gaodi policy load``), matched against the one
enterprise attribute table built from the store (:mod:`gaodi.policies.store_attributes`):
statistics of the data year (by default the last full year before ``as_of``) and titles held in the
year of ``as_of``. ``scope`` keeps the enterprises a user may see.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from gaodi.access.scope import Scope
from gaodi.errors import InputError, Location, NotFoundError
from gaodi.policies.attributes import EnterpriseTable
from gaodi.policies.explain import ConditionCheck, enterprise_policies, explain, policy_enterprises
from gaodi.policies.match import MatchResult, match_policies
from gaodi.policies.rules import EXAMPLES, LEVELS, MODES, Policy, PolicySet, parse_policy_set
from gaodi.policies.store_attributes import (
    enterprise_attributes,
    enterprise_table_from_store,
    read_extra_attributes,
)
from gaodi.problems.events import china_today
from gaodi.store.policy_sets import StoredPolicySet, list_policy_sets, read_policy_set, save_policy_set

_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: same result, faster

__all__ = ["EnterprisePolicies", "PolicyCalculator", "PolicyEnterprises", "policy_info"]


@dataclass
class EnterprisePolicies:
    """Enterprise → policies: qualifying first (with amounts), then near misses, each explained."""

    uscc: str
    name: str | None
    as_of: dt.date
    data_year: int
    rule_set: str
    version: str
    policies: pd.DataFrame
    checks: dict[str, list[ConditionCheck]]
    total_amount_wan: float


@dataclass
class PolicyEnterprises:
    """Policy → enterprises: whom to pay directly or notify, the near misses, the total outlay."""

    policy: dict[str, Any]
    as_of: dt.date
    data_year: int
    qualifies: int
    near_miss: int
    total_outlay_wan: float
    amount_unknown: int
    enterprises: pd.DataFrame


def policy_info(p: Policy) -> dict[str, Any]:
    """A policy's identity as plain values: issuer, document, validity, mode and window, benefit."""
    return {"policy_id": p.id, "name": p.name, "issuer": p.issuer, "document_number": p.document_number,
            "article": p.article,
            "level": p.level, "level_label": LEVELS[p.level], "region_scope": "、".join(p.region_scope) or "全国",
            "valid_from": p.valid_from, "valid_to": p.valid_to, "mode": p.mode, "mode_label": MODES[p.mode],
            "window_start": p.window[0] if p.window else None, "window_end": p.window[1] if p.window else None,
            "window_example": p.window_example,
            "benefit_kind": p.benefit.kind, "benefit": p.benefit.description, "conditions": len(p.leaves),
            "example": p.example}


class PolicyCalculator:
    """The policy calculator of a workspace (``g`` is a :class:`gaodi.core.Gaodi`)."""

    def __init__(self, g) -> None:
        self.g = g
        self.store = g.store
        self.settings = g.settings
        self._parsed: dict[str, PolicySet] = {}

    # == policy rule sets =========================================================================

    def load_policies(self, path: str | Path | None = None, *, examples: bool = False) -> dict[str, Any]:
        """Validate a policy YAML file (or the shipped examples) and store it as a new version."""
        if (path is None) == (not examples):
            raise InputError(message="请给出政策文件，或选择内置示例（二选一）",
                             message_en="give a policy file or choose the examples (one of them)",
                             fix="gaodi policy load 文件.yaml 或 gaodi policy load --examples")
        path = EXAMPLES if examples else Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise InputError(message="政策文件不存在", message_en="policy file not found",
                             location=Location(file=str(path)), fix="检查路径 (check the path)") from None
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise InputError(message=f"YAML 格式错误：{exc}", message_en=f"not valid YAML: {exc}",
                             location=Location(file=path.name), fix="检查缩进与冒号 (check indentation)") from None
        policy_set = parse_policy_set(data, source=path.name)
        stored, new = save_policy_set(self.store, name=policy_set.name, version=policy_set.version,
                                      document=text, source=path.name)
        return {**_stored_info(stored), "policies": len(policy_set.policies), "new": new}

    def policy_sets(self) -> list[dict[str, Any]]:
        """Every stored rule-set version, most recently loaded first."""
        return [_stored_info(s) for s in list_policy_sets(self.store)]

    def policy_set(self, name: str | None = None, version: str | None = None) -> PolicySet:
        """A stored rule set, parsed (default: the one loaded last)."""
        stored = read_policy_set(self.store, name, version)
        if stored.sha256 not in self._parsed:  # parsing the YAML costs more than matching one enterprise
            self._parsed[stored.sha256] = parse_policy_set(yaml.load(stored.document, Loader=_YAML_LOADER),
                                                           source=stored.source or stored.name)
        return self._parsed[stored.sha256]

    def policies(self, as_of: dt.date | None = None, name: str | None = None,
                 version: str | None = None) -> list[dict[str, Any]]:
        """The policies of a rule set (only those in force on ``as_of`` when given)."""
        ps = self.policy_set(name, version)
        chosen = ps.in_force(as_of) if as_of else ps.policies
        return [policy_info(p) for p in chosen]

    # == matching =================================================================================

    def data_year(self, as_of: dt.date) -> int:
        """The last year before ``as_of`` with annual statistics (the year policies read), else as_of − 1."""
        st = self.store.table("statistics")
        years = self.store.execute(st.filter((st.period_type == "year") & (st.year < as_of.year)).year.max())
        return int(years) if years is not None and not pd.isna(years) else as_of.year - 1

    def enterprise_table(self, as_of: dt.date | None = None, year: int | None = None,
                         uscc: str | list[str] | None = None, extra: pd.DataFrame | None = None,
                         scope: Scope | None = None) -> EnterpriseTable:
        """The attribute table built from the store (statistics of ``year``, titles held in as_of's year)."""
        as_of = as_of or china_today()
        year = year or self.data_year(as_of)
        return enterprise_table_from_store(self.store, year, as_of.year, uscc, extra, scope,
                                           self.g.evaluations.mu_classes(year))

    def match(self, as_of: dt.date | None = None, year: int | None = None, *, rule_set: str | None = None,
              version: str | None = None, policy_ids: list[str] | None = None, uscc: str | None = None,
              extra: pd.DataFrame | None = None, scope: Scope | None = None) -> MatchResult:
        """Match the enterprises of ``scope`` (default the province; or one enterprise) against the policies
        in force on ``as_of``."""
        as_of = as_of or china_today()
        ps = self.policy_set(rule_set, version)
        if policy_ids:
            ps = dataclasses.replace(ps, policies=tuple(ps.get(pid) for pid in policy_ids))
        table = self.enterprise_table(as_of, year, uscc, extra, scope)
        return match_policies(table, ps, as_of)

    def enterprise_policies(self, uscc: str, as_of: dt.date | None = None, year: int | None = None, *,
                            include_not_eligible: bool = False, rule_set: str | None = None,
                            extra: pd.DataFrame | None = None) -> EnterprisePolicies:
        """Enterprise → the policies it qualifies for now (with amounts) and its near misses, explained."""
        as_of = as_of or china_today()
        year = year or self.data_year(as_of)
        result = self.match(as_of, year, rule_set=rule_set, uscc=uscc, extra=extra)
        if result.table.row_of(uscc) is None:
            raise NotFoundError(message=f"库中没有企业 {uscc}", message_en=f"no enterprise {uscc} in the store",
                                fix="检查统一社会信用代码，或先导入企业名录 (check the USCC)")
        rows = enterprise_policies(result, uscc, include_not_eligible)
        checks = {pid: explain(result, uscc, pid) for pid in (rows["policy_id"] if len(rows) else [])}
        total = float(rows.loc[rows["verdict"] == "qualifies", "amount_wan"].sum()) if len(rows) else 0.0
        name = result.table.frame["name"].iloc[0]
        return EnterprisePolicies(uscc, name, as_of, year, result.policy_set.name,
                                  result.policy_set.version, rows, checks, total)

    def policy_enterprises(self, policy_id: str, as_of: dt.date | None = None, year: int | None = None, *,
                           include_near_misses: bool = True, rule_set: str | None = None,
                           extra: pd.DataFrame | None = None, scope: Scope | None = None) -> PolicyEnterprises:
        """Policy → every qualifying enterprise (to pay or notify), total outlay, near misses with gaps."""
        as_of = as_of or china_today()
        result = self.match(as_of, year, rule_set=rule_set, policy_ids=[policy_id], extra=extra, scope=scope)
        summary = result.summary()
        if summary.empty:
            result.outcome(policy_id)  # raises: not in force on as_of
        s = summary.iloc[0]
        return PolicyEnterprises(policy_info(result.policy_set.get(policy_id)), as_of,
                                 year or self.data_year(as_of), int(s["qualifies"]), int(s["near_miss"]),
                                 float(s["total_outlay_wan"]), int(s["amount_unknown"]),
                                 policy_enterprises(result, policy_id, include_near_misses))

    def outlay(self, as_of: dt.date | None = None, year: int | None = None, *, rule_set: str | None = None,
               extra: pd.DataFrame | None = None, scope: Scope | None = None) -> pd.DataFrame:
        """Per policy in force: qualifying, near misses, total estimated outlay (万元); mode and level."""
        result = self.match(as_of, year, rule_set=rule_set, extra=extra, scope=scope)
        summary = result.summary()
        if summary.empty:
            return summary
        info = {p.id: p for p in result.policy_set.policies}
        present = result.table.present
        summary["issuer"] = summary["policy_id"].map(lambda pid: info[pid].issuer)
        # an attribute absent from the whole table makes every enterprise a "near miss" for want of data
        summary["absent_attributes"] = summary["policy_id"].map(lambda pid: ", ".join(sorted(
            {leaf.attribute for leaf in info[pid].leaves} - present)))
        summary["mode_label"] = summary["mode"].map(MODES)
        return summary.sort_values(["total_outlay_wan", "policy_id"], ascending=[False, True],
                                   na_position="last").reset_index(drop=True)

    def extra_attributes(self, path: str | Path | None = None) -> pd.DataFrame | None:
        """Attributes the store does not hold, from a file (CSV or XLSX) with a ``uscc`` column and
        attribute columns (serious_violation, invention_patents …); its values win over the store's,
        the 亩均 class included."""
        return read_extra_attributes(path) if path is not None else None

    def explain(self, uscc: str, policy_id: str, as_of: dt.date | None = None,
                year: int | None = None) -> list[ConditionCheck]:
        """Every condition of one policy for one enterprise, with value, requirement and gap."""
        return explain(self.match(as_of, year, uscc=uscc, policy_ids=[policy_id]), uscc, policy_id)

    def attributes(self, uscc: str, as_of: dt.date | None = None, year: int | None = None) -> dict[str, Any]:
        """The attribute record of one enterprise as the calculator sees it."""
        as_of = as_of or china_today()
        year = year or self.data_year(as_of)
        frame = enterprise_attributes(self.store, year, as_of.year, uscc,
                                      mu_classes=self.g.evaluations.mu_classes(year))
        if frame.empty:
            raise NotFoundError(message=f"库中没有企业 {uscc}", message_en=f"no enterprise {uscc} in the store",
                                fix="检查统一社会信用代码 (check the USCC)")
        return frame.iloc[0].to_dict()


def _stored_info(s: StoredPolicySet) -> dict[str, Any]:
    return {"name": s.name, "version": s.version, "source": s.source, "sha256": s.sha256, "loaded_at": s.loaded_at}


