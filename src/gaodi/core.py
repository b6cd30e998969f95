"""The one core API: ``Gaodi`` holds a workspace and offers what the CLI, the REST API and the web UI call.

    >>> g = Gaodi.open(home="my-workspace")          # doctest: +SKIP
    >>> g.import_file("enterprises", "企业名录.xlsx")   # doctest: +SKIP
"""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from gaodi.administration import AuditLog, Users
from gaodi.alerts.service import Alerts
from gaodi.catalogs import industry_catalog, region_catalog
from gaodi.chains.service import Chains
from gaodi.demo.run import generate
from gaodi.directory.service import Directory
from gaodi.errors import InputError, NotFoundError
from gaodi.evaluation.service import Evaluations
from gaodi.indicators.definitions import find_definition
from gaodi.indicators.frame import Area, Period
from gaodi.indicators.sectors import SectorRecord, sector_records
from gaodi.indicators.sources import Sources
from gaodi.monitor.records import Monitor, MonitorRecord
from gaodi.plan import load_builtin_plan
from gaodi.plan.model import Plan
from gaodi.plan.storage import list_plans, load_plan, save_plan
from gaodi.demo.services import load_demo_services
from gaodi.demo.tasks import load_demo_tasks
from gaodi.indicators.base_figures import Figure, base_figures
from gaodi.ingest.importer import ImportOptions, ImportResult
from gaodi.ingest.service import Imports
from gaodi.ladders.service import Ladders
from gaodi.policies.calculator import PolicyCalculator
from gaodi.notifications.inbox import Notifications
from gaodi.problems.service import ProblemService
from gaodi.regional.service import Regional
from gaodi.reports.service import Reports
from gaodi.settings import Settings, load_settings
from gaodi.store import Store
from gaodi.store.seeding import seed_catalogues
from gaodi.store.sealing import seal_existing, sealing_key, verify_workspace
from gaodi.tasks.service import Tasks


DEMO_PLAN = "hunan_15th_manufacturing_2026"
DEMO_PERIOD = "2026-10"  # the demo's latest monthly data: January to October 2026


@dataclass
class DemoResult:
    size: str
    folder: str
    counts: dict[str, int]
    imports: list[ImportResult]
    figures: list[Figure]
    monitor: list[MonitorRecord]
    period: str
    reports: list[str]
    seconds: float
    plan_note: dict | None = None  # how the demo's plan targets were scaled to its size, if they were


class Gaodi:
    """A workspace: its settings, its store and the operations on them."""

    def __init__(self, settings: Settings, store: Store) -> None:
        self.settings = settings
        self.store = store
        self._monitors: dict[tuple, Monitor] = {}

    @classmethod
    def open(cls, home: str | Path | None = None, *, in_memory: bool = False, **overrides) -> Gaodi:
        """Open (creating if needed) the workspace at ``home`` (default from GAODI_HOME)."""
        settings = load_settings(home=Path(home) if home is not None else None, **overrides)
        store = Store(None if in_memory else settings.db_path, memory_limit=settings.memory_limit,
                      threads=settings.threads, temp_directory=settings.spill_dir)
        seed_catalogues(store, region_catalog(settings.province_code), industry_catalog())
        # the key of the audit and problem-history chains lives outside the database (store/sealing.py);
        # an in-memory store lives no longer than the process, so its key need not outlive it either
        store.sealing_key = secrets.token_bytes(32) if in_memory and not settings.sealing_key \
            else sealing_key(settings.home, settings.sealing_key)
        seal_existing(store)
        return cls(settings, store)

    @cached_property
    def policies(self) -> PolicyCalculator:
        """The policy calculator (政策计算器): rule sets loaded with ``gaodi policy load``, matched both ways."""
        return PolicyCalculator(self)

    @cached_property
    def chains(self) -> Chains:
        """The industrial chains (链长制): maps, local supporting rates, gaps, leakage, targets, projects."""
        return Chains(self)

    @cached_property
    def evaluations(self) -> Evaluations:
        """Evaluations of the store's enterprises, parks and clusters (亩均效益, 五好园区, 集群竞赛)."""
        return Evaluations(self)

    @cached_property
    def ladders(self) -> Ladders:
        """The enterprise ladders (梯度培育): rungs held, the next rung and what is lacking, candidates, funnels."""
        return Ladders(self)

    @cached_property
    def regional(self) -> Regional:
        """Regional layout: specialisation, clusters, shift-share, complexity, growth opportunities."""
        return Regional(self)

    @cached_property
    def directory(self) -> Directory:
        """Cities, parks and enterprises with their figures, as a scope may see them."""
        return Directory(self)

    @cached_property
    def imports(self) -> Imports:
        """``g.imports()`` is the import log; ``g.imports.file(kind, path)`` imports one file."""
        return Imports(self)

    @cached_property
    def reports(self) -> Reports:
        """The report library: kinds, generating a report, the stored files a scope may see."""
        return Reports(self)

    @cached_property
    def users(self) -> Users:
        """The accounts of the workspace."""
        return Users(self)

    @cached_property
    def audit(self) -> AuditLog:
        """The audit trail: every write and every read of confidential data."""
        return AuditLog(self)

    @cached_property
    def problems(self) -> ProblemService:
        """The enterprise-problem desk (企业问题闭环, 送解优): intake, handling, deadlines, statistics."""
        return ProblemService(self)

    @cached_property
    def tasks(self) -> Tasks:
        """Tasks (督办) given to responsible bodies: deadlines in working days, reports, escalation, closure."""
        return Tasks(self)

    @cached_property
    def notifications(self) -> Notifications:
        """Each account's inbox of task events, and their e-mail through the configured SMTP server."""
        return Notifications(self)

    @cached_property
    def alerts(self) -> Alerts:
        """Warnings (预警): rules per jurisdiction, run after imports and on demand, with state and evidence."""
        return Alerts(self)

    # --- catalogues -------------------------------------------------------------------------
    def industry(self, code: str) -> dict:
        return industry_catalog().describe(code)

    def region(self, code: str) -> dict:
        return region_catalog(self.settings.province_code).describe(code)

    def region_names(self) -> dict[str, str]:
        """Region code → name for every region of the catalogue (current and retired codes)."""
        return {code: r.name for code, r in region_catalog(self.settings.province_code).regions.items()}

    # --- import -----------------------------------------------------------------------------
    def import_file(self, kind: str, path: str | Path, options: ImportOptions | None = None) -> ImportResult:
        """Validate and import one file; the same as ``g.imports.file``."""
        return self.imports.file(kind, path, options)

    # --- demo -------------------------------------------------------------------------------
    def demo(self, size: str = "medium", progress=None) -> DemoResult:
        """Generate the demo province, import every file through the import path, recompute the base.

        ``progress(label, done, total)`` is called as steps finish, counted within each phase: generating the
        files, importing them (labels starting 导入) and finishing (labels starting 收尾); the CLI draws a bar each.
        """
        step = progress or (lambda *_: None)
        started = time.perf_counter()
        plan = generate(self.settings.home / "demo-data" / size, size, self.settings.province_code,
                        progress=step)
        results = []
        for i, (kind, path) in enumerate(plan.files, start=1):
            step(f"导入 import {path.name}", i, len(plan.files))
            results.append(self.import_file(kind, path))
        step("收尾：保存规划 saving the plan", 1, 4)
        from gaodi.demo.plan_scale import scaled_plan
        from gaodi.demo.targets import SIZES

        demo_plan = scaled_plan(load_builtin_plan(DEMO_PLAN), size, SIZES[size].count_scale)
        self.save_plan(demo_plan, "builtin:" + DEMO_PLAN)
        step("收尾：政策、企业问题与督办 policies, a year of problems, tasks", 2, 4)
        load_demo_services(self, size)
        load_demo_tasks(self)
        step("收尾：预警 warnings", 3, 4)
        self.alerts.load_builtin(by="demo")
        self.alerts.run(by="demo")
        self.store.checkpoint()
        figures = base_figures(self.store, 2025, self.settings.province_code)
        monitor = self.monitor(DEMO_PERIOD)
        step("收尾：监测报告 writing the monitoring report", 4, 4)
        from gaodi.reports.build import write_demo_report

        reports = [str(p) for p in write_demo_report(self, DEMO_PERIOD)]
        return DemoResult(size, str(plan.folder), plan.counts, results, figures, monitor, DEMO_PERIOD,
                          reports, time.perf_counter() - started, self.plan_note())

    # --- plans and monitoring ---------------------------------------------------------------
    def save_plan(self, plan: Plan | str, source: str = "") -> str:
        """Save a plan (or a built-in plan by name) into the store; return its document's sha256."""
        if isinstance(plan, str):
            plan = load_builtin_plan(plan)
        return save_plan(self.store, plan, source)

    def plan_note(self, plan_id: str | None = None) -> dict | None:
        """What a reader must know about the plan's targets: for a demo plan, how they were scaled to its size."""
        from gaodi.demo.plan_scale import plan_scale_note

        if not self.plans():
            return None
        return plan_scale_note(self.plan(plan_id))

    def plans(self) -> list[dict]:
        return list_plans(self.store)

    def plan(self, plan_id: str | None = None) -> Plan:
        return load_plan(self.store, plan_id)

    def area(self, code: str | None = None) -> Area:
        """The province (no code), a city (6-digit code ending 00), a county (6-digit code), a park (its id)
        or a chain (``chain:`` and its id)."""
        regions = region_catalog(self.settings.province_code)
        if code is None or code == self.settings.province_code:
            return Area("province", self.settings.province_code, regions.regions[self.settings.province_code].name)
        if code in regions.regions and regions.regions[code].level == "city":
            return Area("city", code, regions.regions[code].name)
        if code in regions.regions and regions.regions[code].level == "county":
            return Area("county", code, regions.regions[code].name)
        if code.startswith("chain:"):
            chains = self.store.table("chains")
            hit = self.store.to_arrow(chains.filter(chains.chain_id == code[6:]).select("name")).to_pylist()
            if hit:
                return Area("chain", code[6:], hit[0]["name"])
        parks = self.store.table("parks")
        hit = self.store.to_arrow(parks.filter(parks.park_id == code).select("name")).to_pylist()
        if hit:
            return Area("park", code, hit[0]["name"])
        raise NotFoundError(f"{code} 不是本省的市州代码或园区代码", f"{code} is neither a city nor a park",
                            fix="市州用 6 位代码（如 430100），园区用园区代码（gaodi catalog regions 可查市州）")

    def monitor(self, period: str, plan_id: str | None = None, area: str | None = None,
                value_source: str = "computed") -> list[MonitorRecord]:
        """Every indicator of the plan for ``period`` (``2025`` or ``2026-10``) in the province, a city or a park.

        ``value_source`` = ``official`` judges an indicator on its official value where one is imported for
        the same data period (``gaodi import indicator-values``); the computed value stays beside it."""
        if value_source not in ("computed", "official"):
            raise InputError(f"数值来源“{value_source}”不存在", f"unknown value source {value_source}",
                             fix="computed（按定义计算）或 official（官方发布）")
        return self.monitor_for(plan_id).records(Period.parse(period), self.area(area), value_source)

    def sector_monitor(self, period: str, plan_id: str | None = None, area: str | None = None
                       ) -> list[SectorRecord]:
        """The plan's sector revenue targets: revenue of the sector's classes, growth, required growth, status."""
        src = self.monitor_for(plan_id).src
        return sector_records(src, self.plan(plan_id), Period.parse(period), self.area(area))

    def count_monitor(self, period: str, plan_id: str | None = None, area: str | None = None
                      ) -> list[MonitorRecord]:
        """The plan's count targets (千亿企业, 小巨人, 智能工厂 ...) monitored like its indicators."""
        from gaodi.monitor.targets import count_records

        return count_records(self.monitor_for(plan_id), Period.parse(period), self.area(area))

    def headline(self, period: str, plan_id: str | None = None, area: str | None = None) -> dict:
        """The cockpit of an area: its headline figures with their 同比 (gaodi.indicators.headline) and the
        number of the plan's indicators in each status, counted on the monitor's own records."""
        from gaodi.indicators.headline import headline
        from gaodi.monitor.progress import STATUS_EN, STATUS_ZH

        where = self.area(area)
        records = self.monitor(period, plan_id, area)
        counts = {s: sum(r.status == s for r in records) for s in STATUS_ZH}
        return {"period": period, "area": where.code, "area_kind": where.kind, "area_name": where.name,
                "figures": headline(self.monitor_for(plan_id).src, Period.parse(period), where),
                "statuses": [{"status": s, "label": STATUS_ZH[s], "label_en": STATUS_EN[s], "count": n}
                             for s, n in counts.items()],
                "indicators": len(records)}

    def load_official_values(self, dataset: str = "hunan_official") -> ImportResult:
        """Import a shipped reference dataset of published figures with their sources (document, page
        address, date of release) as official indicator values, through the ordinary import path."""
        from importlib import resources

        path = resources.files("gaodi.monitor") / "reference" / f"{dataset}.csv"
        if not path.is_file():
            raise NotFoundError(f"没有参考数据集 {dataset}", f"no reference dataset {dataset}", fix="可用：hunan_official")
        return self.import_file("indicator-values", Path(str(path)))

    def monitor_why(self, indicator: str, period: str, plan_id: str | None = None, area: str | None = None,
                    by: str = "city"):
        """Why an indicator stands where it does: each city's (county's, park's) part in its value and in its
        change since the base (``indicator``: its number in the plan, its name or its definition key)."""
        from gaodi.monitor.why import BY, breakdown

        if by not in BY:
            raise InputError(f"不支持按“{by}”分解", f"cannot break down by {by}", fix="city、county 或 park")
        monitor = self.monitor_for(plan_id)
        wanted = [i for i in monitor.plan.indicators if indicator in (i.number, i.name)
                  or (find_definition(i.name) is not None and find_definition(i.name).key == indicator)]
        if not wanted:
            raise NotFoundError(f"规划中没有指标“{indicator}”", f"no indicator {indicator} in the plan",
                                fix="用指标序号（如 13）、指标名称或口径代码（如 hightech_share）")
        return breakdown(monitor.src, monitor, wanted[0], Period.parse(period), self.area(area), by)

    def monitor_for(self, plan_id: str | None = None) -> Monitor:
        """The plan's monitor, reused until the next import changes the data (its values are cached)."""
        key = (plan_id, self.store.next_import_id(), tuple((p["plan_id"], p["sha256"]) for p in self.plans()))
        if key not in self._monitors:
            self._monitors.clear()
            self._monitors[key] = Monitor(Sources(self.store, self.settings.province_code), self.plan(plan_id))
        return self._monitors[key]

    def verify_records(self) -> dict:
        """Check the sealed chains of the audit log and of every problem history (docs/web.md, 封存)."""
        return verify_workspace(self.store, self.problems.verify())

    def row_counts(self) -> dict[str, int]:
        return self.store.row_counts()

    # --- serving many users -----------------------------------------------------------------
    def on_own_connection(self) -> Gaodi:
        """The same workspace on a connection of its own, for one server thread or request at a time."""
        return Gaodi(self.settings, self.store.cursor())

    def interrupt(self) -> None:
        """Stop the query running on this workspace's connection (a request's time budget ran out)."""
        self.store.interrupt()

    def data_version(self) -> tuple:
        """What moves whenever a computed answer may change: the last import, the plans and policy sets saved."""
        return self.store.data_version()

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Gaodi:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
