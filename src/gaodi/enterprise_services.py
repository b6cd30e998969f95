"""``EnterpriseServices``: the policy calculator and the problem desk of one workspace, over its store.

What the CLI and the REST API call (the lead exposes it as ``Gaodi.services``)::

    svc = EnterpriseServices(g)
    svc.load_policies(examples=True)                    # a rule set into the store, versioned
    svc.enterprise_policies("91430100...", as_of=date(2026, 6, 30))
    svc.policy_enterprises("HN-SMART-FACTORY")          # whom to pay (免申即享) or notify
    svc.outlay()                                        # per policy: counts and total estimated outlay
    svc.submit(ProblemSubmission(...), actor="张敏")    # the problem desk, on the DuckDB repository
    svc.import_collection("送解优-2026-02.xlsx", actor="张敏")

Policies are matched against the enterprise table built from the store
(:mod:`gaodi.policies.store_attributes`): statistics of the data year (by default the last full
year before ``as_of``) and titles held in the year of ``as_of``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from gaodi.errors import InputError, Location, NotFoundError
from gaodi.evaluation.ruleset import load_ruleset
from gaodi.evaluation.store_evaluation import evaluate_store
from gaodi.ingest.limits import ReadLimits
from gaodi.policies.store_attributes import (
    enterprise_attributes,
    enterprise_table_from_store,
    read_extra_attributes,
)
from gaodi.problems.context import enterprise_context
from gaodi.policies.attributes import EnterpriseTable
from gaodi.policies.explain import ConditionCheck, enterprise_policies, explain, policy_enterprises
from gaodi.policies.match import MatchResult, match_policies
from gaodi.policies.rules import EXAMPLES, LEVELS, MODES, Policy, PolicySet, parse_policy_set
from gaodi.problems.deadlines import DeadlineStatus, deadline_warnings
from gaodi.problems.desk import ProblemDesk, ProblemSubmission
from gaodi.problems.events import CHINA_TZ, HistoryCheck, ProblemEvent
from gaodi.problems.intake import RowError, read_collection_file, submit_collection
from gaodi.problems.stats import problem_stats, problems_frame
from gaodi.problems.states import Problem, State
from gaodi.store.policy_sets import StoredPolicySet, list_policy_sets, read_policy_set, save_policy_set
from gaodi.store.problem_events import DuckDBProblemRepository
from gaodi.workdays.calendar import WorkingCalendar
from gaodi.workdays.workspace import calendar_years, load_arrangement, workspace_calendar

_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: same result, faster

__all__ = ["EnterprisePolicies", "EnterpriseServices", "IntakeOutcome", "PolicyEnterprises", "policy_info"]


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


@dataclass
class IntakeOutcome:
    """What a collection file brought: the problems submitted and the rows already recorded before."""

    file: str
    submitted: list[str] = field(default_factory=list)
    already_recorded: list[int] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)


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


class EnterpriseServices:
    """The enterprise services of a workspace (``g`` is a :class:`gaodi.core.Gaodi`)."""

    def __init__(self, g, clock: Callable[[], dt.datetime] | None = None) -> None:
        self.g = g
        self.store = g.store
        self.settings = g.settings
        self.repository = DuckDBProblemRepository(g.store)
        self.desk = ProblemDesk(self.repository, calendar=lambda: workspace_calendar(self.store),
                                clock=clock or (lambda: dt.datetime.now(CHINA_TZ)), key=g.store.sealing_key)
        self._parsed: dict[str, PolicySet] = {}

    # == the working-day calendar ==================================================================

    @property
    def calendar(self) -> WorkingCalendar:
        """The working-day calendar in force: loaded official arrangements, packaged ones, then 暂定."""
        return workspace_calendar(self.store)

    def load_calendar(self, path: str | Path, *, loaded_by: str | None = None) -> dict[str, Any]:
        """Load an official holiday arrangement file; provisional deadlines of its year follow on read."""
        return load_arrangement(self.store, path, loaded_by)

    def calendar_years(self, first: int | None = None, last: int | None = None) -> list[dict[str, Any]]:
        """Each year's basis (official with its document, or 暂定 with the reason)."""
        return calendar_years(self.calendar, first, last)

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
                         uscc: str | list[str] | None = None, extra: pd.DataFrame | None = None) -> EnterpriseTable:
        """The attribute table built from the store (statistics of ``year``, titles held in as_of's year)."""
        as_of = as_of or _today()
        return enterprise_table_from_store(self.store, year or self.data_year(as_of), as_of.year, uscc, extra)

    def match(self, as_of: dt.date | None = None, year: int | None = None, *, rule_set: str | None = None,
              version: str | None = None, policy_ids: list[str] | None = None, uscc: str | None = None,
              extra: pd.DataFrame | None = None) -> MatchResult:
        """Match the whole province (or one enterprise) against the policies in force on ``as_of``."""
        as_of = as_of or _today()
        ps = self.policy_set(rule_set, version)
        if policy_ids:
            ps = dataclasses.replace(ps, policies=tuple(ps.get(pid) for pid in policy_ids))
        table = self.enterprise_table(as_of, year, uscc, extra)
        return match_policies(table, ps, as_of)

    def enterprise_policies(self, uscc: str, as_of: dt.date | None = None, year: int | None = None, *,
                            include_not_eligible: bool = False, rule_set: str | None = None,
                            extra: pd.DataFrame | None = None) -> EnterprisePolicies:
        """Enterprise → the policies it qualifies for now (with amounts) and its near misses, explained."""
        as_of = as_of or _today()
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
                           extra: pd.DataFrame | None = None) -> PolicyEnterprises:
        """Policy → every qualifying enterprise (to pay or notify), total outlay, near misses with gaps."""
        as_of = as_of or _today()
        result = self.match(as_of, year, rule_set=rule_set, policy_ids=[policy_id], extra=extra)
        summary = result.summary()
        if summary.empty:
            result.outcome(policy_id)  # raises: not in force on as_of
        s = summary.iloc[0]
        return PolicyEnterprises(policy_info(result.policy_set.get(policy_id)), as_of,
                                 year or self.data_year(as_of), int(s["qualifies"]), int(s["near_miss"]),
                                 float(s["total_outlay_wan"]), int(s["amount_unknown"]),
                                 policy_enterprises(result, policy_id, include_near_misses))

    def outlay(self, as_of: dt.date | None = None, year: int | None = None, *, rule_set: str | None = None,
               extra: pd.DataFrame | None = None) -> pd.DataFrame:
        """Per policy in force: qualifying, near misses, total estimated outlay (万元); mode and level."""
        result = self.match(as_of, year, rule_set=rule_set, extra=extra)
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

    def extra_attributes(self, year: int, *, mu_class: bool = False, path: str | Path | None = None,
                         mu_ruleset: str = "mujun_above_scale") -> pd.DataFrame | None:
        """Attributes the store does not hold: 亩均 classes by evaluating ``mu_ruleset``, and/or a file.

        The file (CSV or XLSX) has a ``uscc`` column and attribute columns (mu_class,
        serious_violation, invention_patents …); its values win over the evaluation's.
        """
        parts = []
        if mu_class:
            evaluated = evaluate_store(self.store, load_ruleset(mu_ruleset), year)
            parts.append(pd.DataFrame([{"uscc": i.id, "mu_class": i.class_label} for i in evaluated.graded],
                                      columns=["uscc", "mu_class"]))
        if path is not None:
            parts.append(read_extra_attributes(path))
        if not parts:
            return None
        merged = parts[0]
        for part in parts[1:]:
            merged = merged.drop(columns=[c for c in part.columns if c != "uscc" and c in merged.columns])
            merged = merged.merge(part, on="uscc", how="outer")
        return merged

    def explain(self, uscc: str, policy_id: str, as_of: dt.date | None = None,
                year: int | None = None) -> list[ConditionCheck]:
        """Every condition of one policy for one enterprise, with value, requirement and gap."""
        return explain(self.match(as_of, year, uscc=uscc, policy_ids=[policy_id]), uscc, policy_id)

    def attributes(self, uscc: str, as_of: dt.date | None = None, year: int | None = None) -> dict[str, Any]:
        """The attribute record of one enterprise as the calculator sees it."""
        as_of = as_of or _today()
        frame = enterprise_attributes(self.store, year or self.data_year(as_of), as_of.year, uscc)
        if frame.empty:
            raise NotFoundError(message=f"库中没有企业 {uscc}", message_en=f"no enterprise {uscc} in the store",
                                fix="检查统一社会信用代码 (check the USCC)")
        return frame.iloc[0].to_dict()

    # == the problem desk =========================================================================

    def submit(self, submission: ProblemSubmission, *, actor: str, role: str = "staff",
               at: dt.datetime | None = None) -> Problem:
        """Record a new problem; park, chain, county and name are filled from the store when left out."""
        return self.desk.submit(_complete(submission, self._context([submission.uscc])), actor=actor, role=role,
                                at=at)

    def accept(self, problem_id: str, **kw) -> Problem:
        return self.desk.accept(problem_id, **kw)

    def reject(self, problem_id: str, **kw) -> Problem:
        return self.desk.reject(problem_id, **kw)

    def assign(self, problem_id: str, **kw) -> Problem:
        return self.desk.assign(problem_id, **kw)

    def transfer(self, problem_id: str, **kw) -> Problem:
        return self.desk.transfer(problem_id, **kw)

    def start(self, problem_id: str, **kw) -> Problem:
        return self.desk.start(problem_id, **kw)

    def reply(self, problem_id: str, **kw) -> Problem:
        return self.desk.reply(problem_id, **kw)

    def close(self, problem_id: str, **kw) -> Problem:
        return self.desk.close(problem_id, **kw)

    def reopen(self, problem_id: str, **kw) -> Problem:
        return self.desk.reopen(problem_id, **kw)

    def withdraw(self, problem_id: str, **kw) -> Problem:
        return self.desk.withdraw(problem_id, **kw)

    def problem(self, problem_id: str) -> Problem:
        return self.desk.get(problem_id)

    def history(self, problem_id: str) -> list[ProblemEvent]:
        self.desk.get(problem_id)
        return self.desk.history(problem_id)

    def verify(self, problem_id: str | None = None, expected_head: str | None = None) -> list[HistoryCheck]:
        """Check the hash chain of one problem, or of every problem."""
        ids = [problem_id] if problem_id else self.repository.problem_ids()
        checks = [self.desk.verify(pid, expected_head) for pid in ids]
        if problem_id and not checks[0].events:  # no fold here: a broken history must still be checked
            self.desk.get(problem_id)
        return checks

    def problems(self, *, state: str | None = None, department: str | None = None, category: str | None = None,
                 chain: str | None = None, park: str | None = None, uscc: str | None = None) -> list[Problem]:
        """Problems matching every filter given, newest first."""
        if state is not None:
            state = State(state) if state in State._value2member_map_ else _bad_state(state)
        wanted = {"state": state, "department": department, "category": category, "chain": chain, "park": park,
                  "uscc": uscc}
        found = [p for p in self.desk.problems()
                 if all(v is None or getattr(p, k) == v for k, v in wanted.items())]
        return sorted(found, key=lambda p: (p.submitted_at, p.problem_id), reverse=True)

    def stats(self, by: str = "category", as_of: dt.date | None = None, repeat_window_days: int = 90) -> pd.DataFrame:
        """Volumes, on-time rate, repeats, time to close and satisfaction by group (see problem_stats)."""
        return problem_stats(problems_frame(self.desk.problems()), by, as_of or _today(), self.calendar,
                             repeat_window_days=repeat_window_days)

    def overdue(self, today: dt.date | None = None, due_soon_within: int = 2) -> list[DeadlineStatus]:
        """Overdue problems and those due within ``due_soon_within`` working days, most overdue first."""
        return deadline_warnings(self.desk.problems(), today or _today(), self.calendar,
                                 due_soon_within=due_soon_within)

    def import_collection(self, path: str | Path, *, actor: str, sheet: str | int = 0) -> IntakeOutcome:
        """Submit a 送解优 monthly collection file: every row or none (a bad row refuses the file).

        Rows already recorded (same enterprise, title and collection date) are skipped, so importing
        the same file twice submits nothing twice.
        """
        result = read_collection_file(Path(path), sheet=sheet, limits=ReadLimits.from_settings(self.settings))
        result.raise_if_errors()
        seen = {(p.uscc, p.title, p.submitted_at) for p in self.desk.problems()}
        outcome = IntakeOutcome(result.file)
        known = self._context([sub.uscc for _, sub, _ in result.submissions])
        fresh = []
        for row, sub, collected in result.submissions:
            when = dt.datetime.combine(collected, dt.time(9), CHINA_TZ) if collected else None
            if when is not None and (sub.uscc, sub.title, when) in seen:
                outcome.already_recorded.append(row)
            else:
                fresh.append((row, _complete(sub, known), collected))
        result.submissions = fresh
        with self.repository.batch():
            problems = submit_collection(self.desk, result, actor=actor, at=self.desk.clock())
        outcome.submitted = [p.problem_id for p in problems]
        return outcome

    def _context(self, usccs: list[str]) -> dict[str, dict[str, Any]]:
        frame = enterprise_context(self.store, sorted(set(usccs)))
        return {r["uscc"]: r for r in frame.to_dict(orient="records")}


def _complete(sub: ProblemSubmission, known: dict[str, dict[str, Any]]) -> ProblemSubmission:
    """Fill park, chain, county and name from the store where the submission left them out."""
    k = known.get(sub.uscc)
    if k is None:
        return sub
    return dataclasses.replace(sub, park=sub.park or k["park"], chain=sub.chain or k["chain"],
                               region_code=sub.region_code or k["region_code"],
                               enterprise_name=sub.enterprise_name or k["name"])


def _stored_info(s: StoredPolicySet) -> dict[str, Any]:
    return {"name": s.name, "version": s.version, "source": s.source, "sha256": s.sha256, "loaded_at": s.loaded_at}


def _bad_state(state: str):
    raise InputError(message=f"未知的状态 {state!r}", message_en=f"unknown state {state!r}",
                     fix="可选 (choose)：" + ", ".join(s.value for s in State))


def _today() -> dt.date:
    return dt.datetime.now(CHINA_TZ).date()
