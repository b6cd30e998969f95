"""Run a rule set over a workspace: read what each kind needs, call the pure rules, name subject and body.

Each warning has a stable id, the SHA-1 of jurisdiction, rule, subject and period, so a second run over the
same data finds the same warnings (their state is kept by the store).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

import pandas as pd

from gaodi.alerts import bodies, chains, operation, problems, projects
from gaodi.alerts.rules import KINDS, Rule, RuleSet
from gaodi.chains.suppression import ALL


@dataclass
class Places:
    """Names and places of the workspace: regions, parks, enterprises, chains."""

    region_name: dict[str, str]
    city_of: dict[str, str]
    parks: dict[str, tuple[str, str]]  # park_id → (name, region_code)
    enterprises: dict[str, tuple[str, str, str | None]]  # uscc → (name, region_code, park_id)
    chains: dict[str, str]

    @classmethod
    def read(cls, g) -> Places:
        store = g.store
        r = store.execute(store.table("regions").select("code", "name", "city_code"))
        p = store.execute(store.table("parks").select("park_id", "name", "region_code"))
        e = store.execute(store.table("enterprises").select("uscc", "name", "region_code", "park_id"))
        c = store.execute(store.table("chains").select("chain_id", "name"))
        return cls(dict(zip(r.code, r.name)),
                   {code: (city if isinstance(city, str) else code) for code, city in zip(r.code, r.city_code)},
                   {x.park_id: (x.name, x.region_code) for x in p.itertuples()},
                   {x.uscc: (x.name, x.region_code, x.park_id if isinstance(x.park_id, str) else None)
                    for x in e.itertuples()},
                   dict(zip(c.chain_id, c.name)))

    def area_body(self, region_code: str | None, park_id: str | None) -> bodies.Body:
        """The park's committee, else the county's (or city's) government."""
        if park_id and park_id in self.parks:
            return bodies.park_committee(park_id, self.parks[park_id][0])
        return bodies.government(region_code or "", self.full_name(region_code))

    def full_name(self, region_code: str | None) -> str:
        if not region_code:
            return "未知地区"
        city = self.city_of.get(region_code, region_code)
        names = [self.region_name.get(city, ""), self.region_name.get(region_code, region_code)]
        return "".join(dict.fromkeys(n for n in names if n))


def alert_id(rule_set: RuleSet, rule: Rule, subject_kind: str, subject_id: str, period: str) -> str:
    key = f"{rule_set.jurisdiction}|{rule.id}|{subject_kind}:{subject_id}|{period}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def evaluate(g, rule_set: RuleSet, as_of: dt.date) -> list[dict]:
    """Every warning the rule set raises on the workspace's data as of ``as_of``."""
    places = Places.read(g)
    out: list[dict] = []
    for rule in rule_set.rules:
        for row in _RUNNERS[rule.kind](g, rule, places, as_of):
            if _inside(row, rule.area, places) and _inside(row, _jurisdiction_area(g, rule_set), places):
                row.update(alert_id=alert_id(rule_set, rule, row["subject_kind"], row["subject_id"], row["period"]),
                           rule_id=rule.id, rule_version=rule_set.version, jurisdiction=rule_set.jurisdiction,
                           kind=rule.kind, measure=rule.measure, severity=rule.severity)
                out.append(row)
    return out


def _jurisdiction_area(g, rule_set: RuleSet) -> str | None:
    return None if rule_set.jurisdiction == g.settings.province_code else rule_set.jurisdiction


def _inside(row: dict, area: str | None, places: Places) -> bool:
    """Whether a warning's subject lies in ``area`` (a city, county or park); province-wide subjects only
    in the province."""
    if area is None:
        return True
    if area in places.parks:
        return row.get("park_id") == area
    if places.city_of.get(area) == area:
        return row.get("city_code") == area
    return row.get("region_code") == area


def _row(subject_kind, subject_id, subject_name, period, title, evidence, body: bodies.Body, *, region_code=None,
         park_id=None, chain_id=None, uscc=None, places: Places | None = None) -> dict:
    city = places.city_of.get(region_code) if places and region_code else None
    return {"subject_kind": subject_kind, "subject_id": subject_id, "subject_name": subject_name,
            "period": period, "title": title, "evidence": evidence, "body_code": body.code,
            "body_name": body.name, "city_code": city, "region_code": region_code, "park_id": park_id,
            "chain_id": chain_id, "uscc": uscc}


def _plan(g, rule: Rule, places: Places, as_of: dt.date) -> list[dict]:
    if not g.plans():
        return []
    period = latest_statistics_period(g)
    if period is None:
        return []
    plan = g.plan()
    responsible = {i.number: i.responsible for i in plan.indicators}
    out = []
    for rec in g.monitor(period):
        if rec.status != rule.measure:
            continue
        evidence = [{"label": rec.indicator, "period": rec.value_label or rec.data_period or period,
                     "value": rec.value, "unit": rec.unit or "", "note": f"目标 {rec.target}（{rec.target_year}年）"},
                    {"label": "监测状态", "period": period, "value": None, "unit": "",
                     "note": f"{rec.status_zh}：{rec.reason}"}]
        who = responsible.get(rec.number)
        body = bodies.department(who) if who else bodies.government(
            g.settings.province_code, places.region_name.get(g.settings.province_code, ""))
        out.append(_row("indicator", f"{rec.plan_id}:{rec.number}", rec.indicator, period,
                        f"规划指标“{rec.indicator}”{rec.status_zh}", evidence, body))
    return out


def drags(g, subject_id: str, period: str) -> list[dict]:
    """The cities that pull a plan indicator back most (the monitor's why-breakdown), up to three, as evidence.

    Worked out when a warning is opened, not when the rules run: each breakdown costs about as much as the
    indicator itself (docs/benchmarks.md), and a run after every import should stay cheap."""
    plan_id, _, number = subject_id.rpartition(":")
    wanted = [i for i in g.plan(plan_id).indicators if i.number == number]
    if not wanted:
        return []
    try:
        why = g.monitor_why(number, period, plan_id=plan_id, by="city")
    except Exception:  # noqa: BLE001 - an indicator the breakdown cannot split has no drags to name
        return []
    worse = -1 if wanted[0].target.op == "<=" else 1
    parts = [p for p in why.parts if p.code and p.change is not None and worse * p.change < 0][:3]
    return [{"label": f"拖累地区：{p.name}", "period": f"{why.base_period}→{why.period}",
             "value": round(p.change, 4), "unit": "个百分点" if wanted[0].unit == "%" else wanted[0].unit or "",
             "note": "对全省变化的贡献"} for p in parts]


def latest_statistics_period(g) -> str | None:
    """The latest 1-N月 cumulative period with statistics (``2026-10``), else the latest year."""
    s = g.store.table("statistics")
    top = g.store.execute(s.group_by("period_type").aggregate(last=s.period.max()))
    found = dict(zip(top.period_type, top["last"]))
    return found.get("ytd") or found.get("year")


def _ytd(g) -> tuple[pd.DataFrame, int, int] | None:
    s = g.store.table("statistics")
    last = g.store.execute(s.filter(s.period_type == "ytd").period.max())
    if last is None or (isinstance(last, float)) or pd.isna(last):
        return None
    year, month = int(last[:4]), int(last[5:7])
    frame = g.store.execute(s.filter((s.period_type == "ytd") & (s.year >= year - 2)).select(
        "uscc", "year", "month", "above_scale", "revenue", "value_added", "tax", "energy_tce", "profit",
        "gross_output"))
    return frame, year, month


def _operation(g, rule: Rule, places: Places, as_of: dt.date) -> list[dict]:
    data = _ytd(g)
    if data is None:
        return []
    frame, year, month = data
    m = rule.measure
    if m in operation.FALL_COLUMNS:
        found = operation.falls(frame, m, rule.threshold, rule.period, year, month)
        label = operation.FALL_COLUMNS[m][1]
        title = f"{label}同比下降超过 {rule.threshold:.0%}，连续 {rule.period} 个月"
    elif m == "loss":
        found, title = operation.losses(frame, rule.threshold, rule.period, year, month), f"连续 {rule.period} 个月累计亏损"
    elif m == "no_output":
        found, title = operation.no_output(frame, rule.period, year, month), f"连续 {rule.period} 个月无产值（停产信号）"
    else:
        found = operation.near_scale_line(frame, rule.threshold, year, month)
        title = "营业收入接近规上标准，可能退出规上"
    out = []
    for f in found:
        name, region, park = places.enterprises.get(f["uscc"], (f["uscc"], None, None))
        out.append(_row("enterprise", f["uscc"], name, f"{year}-{month:02d}", f"{name}：{title}", f["evidence"],
                        places.area_body(region, park), region_code=region, park_id=park, uscc=f["uscc"],
                        places=places))
    return out


def _chain(g, rule: Rule, places: Places, as_of: dt.date) -> list[dict]:
    year = g.chains.period()
    if year is None:
        return []
    a = g.chains.analysis()
    out = []
    if rule.measure == "leakage_rise":
        monthly = a.rates(year, by=("month",))
        if "segment_id" in monthly:
            monthly = monthly[monthly.segment_id == ALL]
        monthly = monthly[monthly.month != ALL] if "month" in monthly else monthly
        for f in chains.leakage_rise(monthly, rule.threshold, rule.period):
            name = places.chains.get(f["chain_id"], f["chain_id"])
            out.append(_row("chain", f["chain_id"], name, f["evidence"][-1]["period"],
                            f"{name}：省外采购占比上升", f["evidence"],
                            bodies.chain_office(f["chain_id"], name), chain_id=f["chain_id"]))
        return out
    what = "依赖单一省外供应商" if rule.measure == "single_outside_supplier" else "供应商集中度高"
    for f in chains.segment_findings(a.gaps(year), rule.measure, rule.threshold):
        name = places.chains.get(f["chain_id"], f["chain_id"])
        for item in f["evidence"]:
            item["period"] = year
        out.append(_row("segment", f"{f['chain_id']}/{f['segment_id']}", f"{name} · {f['segment_name']}", year,
                        f"{name}“{f['segment_name']}”环节{what}", f["evidence"],
                        bodies.chain_office(f["chain_id"], name), chain_id=f["chain_id"]))
    return out


def _project(g, rule: Rule, places: Places, as_of: dt.date) -> list[dict]:
    frame = g.store.execute(g.store.table("projects"))
    out = []
    names = frame.set_index("project_id")
    for f in projects.overdue_projects(frame, rule.measure, rule.period, as_of):
        r = names.loc[f["project_id"]]
        region = r.region_code if isinstance(r.region_code, str) else None
        park = r.park_id if isinstance(r.park_id, str) else None
        chain = r.chain_id if isinstance(r.chain_id, str) else None
        what = "逾期未开工" if rule.measure == "start_overdue" else "逾期未投产"
        out.append(_row("project", f["project_id"], r["name"], f["due"].isoformat(), f"项目“{r['name']}”{what}",
                        f["evidence"], places.area_body(region, park), region_code=region, park_id=park,
                        chain_id=chain, uscc=r.uscc if isinstance(r.uscc, str) else None, places=places))
    return out


def _problem(g, rule: Rule, places: Places, as_of: dt.date) -> list[dict]:
    out = []
    if rule.measure == "problem_overdue":
        for d in g.problems.overdue(as_of, due_soon_within=0):
            if d.status != "overdue":
                continue
            name, region, park = places.enterprises.get(d.uscc, (d.uscc, None, None))
            city = places.city_of.get(region) if region else None
            body = bodies.department(d.department) if d.department else bodies.service_desk(
                city or "", places.region_name.get(city or "", "本地"))
            evidence = [{"label": "办理期限", "period": d.deadline.isoformat(), "value": None, "unit": ""},
                        {"label": "已超期", "period": as_of.isoformat(), "value": d.workdays_overdue,
                         "unit": "个工作日" + ("（暂定）" if d.provisional else "")}]
            out.append(_row("problem", d.problem_id, f"{name}：{d.title}", d.deadline.isoformat(),
                            f"企业诉求超期未办结：{d.title}", evidence, body, region_code=region, park_id=park,
                            uscc=d.uscc, places=places))
        return out
    window = as_of.strftime("%Y-%m")
    ents, parks = problems.repeated(g.problems.problems(), rule.threshold, rule.period, as_of)
    for f in ents:
        name, region, park = places.enterprises.get(f["uscc"], (f["uscc"], None, None))
        city = places.city_of.get(region) if region else None
        out.append(_row("enterprise", f["uscc"], name, window, f"{name}：{rule.period} 个月内多次提出诉求",
                        f["evidence"], bodies.service_desk(city or "", places.region_name.get(city or "", "本地")),
                        region_code=region, park_id=park, uscc=f["uscc"], places=places))
    for f in parks:
        pname, region = places.parks.get(f["park_id"], (f["park_id"], None))
        out.append(_row("park", f"{f['park_id']}/{f['category']}", f"{pname} · {f['category']}", window,
                        f"{pname}：同类诉求反复出现（{f['category']}）", f["evidence"],
                        places.area_body(region, f["park_id"]), region_code=region, park_id=f["park_id"],
                        places=places))
    return out


_RUNNERS = {"plan": _plan, "operation": _operation, "chain": _chain, "project": _project, "problem": _problem}
assert set(_RUNNERS) == set(KINDS)
