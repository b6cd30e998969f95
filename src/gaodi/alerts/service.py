"""``Alerts`` (``g.alerts``): the warning rules in use, running them, and the warnings a scope may see and act on.

Scoping: the province (and the administrator) sees every warning; a city the warnings of subjects in the city;
a park those of its park; a chain office those of its chains; an enterprise none (403). State changes are
the job of the roles that may handle warnings, inside their scope, and each one goes into the audit trail.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from gaodi.access.roles import require
from gaodi.access.scope import Scope
from gaodi.alerts.evaluate import drags, evaluate
from gaodi.alerts.rules import RuleSet, builtin_rule_text, parse_rule_set
from gaodi.errors import ConflictError, ForbiddenError, InputError, NotFoundError
from gaodi.problems.events import CHINA_TZ
from gaodi.store import alerts as alert_store

STATES = {"new": "新发现", "acknowledged": "已确认", "in_hand": "处置中", "resolved": "已解除", "dismissed": "已排除"}
STATES_EN = {"new": "new", "acknowledged": "acknowledged", "in_hand": "in hand", "resolved": "resolved",
             "dismissed": "dismissed"}
# action → (states it may start from, the state it leads to)
ACTIONS = {"ack": (("new",), "acknowledged"), "start": (("new", "acknowledged"), "in_hand"),
           "resolve": (("new", "acknowledged", "in_hand"), "resolved"),
           "dismiss": (("new", "acknowledged", "in_hand"), "dismissed"),
           "reopen": (("resolved", "dismissed"), "acknowledged")}
# what an import of each kind can change: only those warnings are re-run after it (others: every kind)
AFFECTS = {"statistics": ("plan", "operation"), "indicator-values": ("plan",), "plans": ("plan",),
           "plan-indicators": ("plan",), "deflators": ("plan",), "titles": ("plan",), "pollutants": ("plan",),
           "transactions": ("chain",), "chains": ("chain",), "segments": ("chain",), "placements": ("chain",),
           "projects": ("project",), "clusters": ("plan",), "cluster-members": ("plan",)}
ACTION_LABELS = {"ack": "确认", "start": "开始处置", "resolve": "解除", "dismiss": "排除", "reopen": "重新打开"}


class Alerts:
    """The warnings of a workspace (``g`` is a :class:`gaodi.core.Gaodi`)."""

    def __init__(self, g) -> None:
        self.g = g

    # --- rules ------------------------------------------------------------------------------
    def parse(self, text: str, file: str) -> RuleSet:
        """Check a rule file's text against this workspace's areas (InputError with file, line and fix)."""
        names = self.g.region_names()
        regions = self.g.store.execute(self.g.store.table("regions").select("code", "city_code", "level"))
        province = self.g.settings.province_code
        in_province = {c for c, city in zip(regions.code, regions.city_code)
                       if c == province or (isinstance(city, str) and city[:2] == province[:2])
                       or c[:2] == province[:2]}
        parks = set(self.g.store.execute(self.g.store.table("parks").select("park_id")).park_id)
        cities = {c for c, lv in zip(regions.code, regions.level) if lv == "city" and c in in_province}
        return parse_rule_set(text, file, lambda a: (a in in_province and a in names and a != province) or a in parks,
                              lambda j: j == province or j in cities)

    def load_rules(self, path: str | Path, *, by: str | None = None) -> dict[str, Any]:
        """Check and store a rule file; the store is unchanged when it is refused."""
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"无法读取规则文件 {path.name}", f"cannot read {path.name}: {exc}",
                             fix="给出 UTF-8 编码的 YAML 文件路径") from None
        return self._store_rules(text, path.name, str(path), by)

    def load_builtin(self, name: str = "hunan", *, by: str | None = None) -> dict[str, Any]:
        """Store the rule set shipped in the package (``gaodi demo`` does this)."""
        return self._store_rules(builtin_rule_text(name), f"{name}.yaml", f"builtin:{name}", by)

    def _store_rules(self, text: str, file: str, source: str, by: str | None) -> dict[str, Any]:
        rs = self.parse(text, file)
        new = alert_store.save_rule_set(self.g.store, jurisdiction=rs.jurisdiction, version=rs.version,
                                        name=rs.name, effective=rs.effective, document=text, source=source,
                                        loaded_by=by)
        self.g.audit.record(by, "warning_rules_load", f"alert_rules:{rs.jurisdiction}:{rs.version}",
                            f"rules={len(rs.rules)} new={new}")
        return {"jurisdiction": rs.jurisdiction, "version": rs.version, "name": rs.name,
                "effective": rs.effective, "rules": len(rs.rules), "new": new}

    def rule_sets(self) -> list[RuleSet]:
        """The rule sets in use: per jurisdiction the version loaded last; the package's when none is loaded."""
        stored = alert_store.latest_rule_sets(self.g.store)
        if not stored:
            return [self.parse(builtin_rule_text(), "hunan.yaml")] if self.g.settings.province_code == "430000" \
                else []
        return [self.parse(r["document"], f"{r['jurisdiction']}:{r['version']}") for r in stored]

    def history(self) -> list[dict[str, Any]]:
        """Every rule set version loaded, newest first (without the text)."""
        return [{k: v for k, v in r.items() if k != "document"} for r in alert_store.list_rule_sets(self.g.store)]

    @property
    def enabled(self) -> bool:
        """Whether imports re-run the warnings: once a rule set has been loaded into the workspace."""
        return bool(alert_store.list_rule_sets(self.g.store))

    # --- running ----------------------------------------------------------------------------
    def run(self, as_of: dt.date | None = None, *, by: str | None = None, kinds: tuple[str, ...] | None = None
            ) -> dict[str, Any]:
        """Evaluate the rule sets in use (the rules of ``kinds`` only, when given) and write the warnings
        (idempotent: the same data gives the same warnings, and their state is kept)."""
        as_of = as_of or dt.datetime.now(CHINA_TZ).date()
        counts = {"new": 0, "kept": 0, "no_longer_raised": 0, "raised": 0}
        by_kind: dict[str, int] = {}
        for rs in self.rule_sets():
            if kinds is not None:
                rs = RuleSet(rs.jurisdiction, rs.name, rs.version, rs.effective,
                             tuple(r for r in rs.rules if r.kind in kinds))
            rows = evaluate(self.g, rs, as_of)
            done = alert_store.upsert_alerts(self.g.store, rows, [r.id for r in rs.rules])
            for k, v in done.items():
                counts[k] += v
            counts["raised"] += len(rows)
            for r in rows:
                by_kind[r["kind"]] = by_kind.get(r["kind"], 0) + 1
        self.g.audit.record(by, "warnings_run", "alerts:all", f"as_of={as_of} " +
                            " ".join(f"{k}={v}" for k, v in counts.items()))
        return {"as_of": as_of, **counts, "by_kind": by_kind}

    def after_import(self, kind: str) -> None:
        """Re-run the warnings an import of ``kind`` can change, when the workspace has a rule set loaded."""
        if self.enabled:
            self.run(by="import", kinds=AFFECTS.get(kind))

    # --- reading ----------------------------------------------------------------------------
    def list(self, scope: Scope, *, severity: str | None = None, kind: str | None = None, area: str | None = None,
             state: str | None = None, current: bool | None = True, limit: int = 100, offset: int = 0
             ) -> tuple[int, list[dict[str, Any]]]:
        """The warnings the scope may see, filtered; ``area`` a city code, a park id or ``chain:<id>``."""
        filters = {**self._scope_filter(scope), "severity": severity, "kind": kind, "state": state,
                   "current": current}
        if area:
            filters.update(self._area_filter(area, filters))
        total, rows = alert_store.alert_rows(self.g.store, filters, limit=limit, offset=offset)
        return total, [self._present(r, scope) for r in rows]

    def get(self, scope: Scope, alert_id: str) -> dict[str, Any]:
        """One warning with its evidence; NotFoundError, or ForbiddenError outside the scope."""
        _, found = alert_store.alert_rows(self.g.store, {"alert_id": alert_id}, limit=1)
        if not found:
            raise NotFoundError(f"没有编号为 {alert_id} 的预警", f"no warning {alert_id}", fix="在预警列表中查找")
        _, mine = alert_store.alert_rows(self.g.store, {**self._scope_filter(scope), "alert_id": alert_id}, limit=1)
        if not mine:
            raise ForbiddenError(f"预警 {alert_id} 不在您的数据范围（{scope.describe()}）内",
                                 f"warning {alert_id} is outside your scope", fix="如需查看，请联系上级部门授权")
        row = self._present(mine[0], scope)
        if row["kind"] == "plan":
            kept = [e for e in row["evidence"] if not e["label"].startswith("拖累地区")]  # as stored by older runs
            row["evidence"] = kept + drags(self.g, row["subject_id"], row["period"])
        return row

    def counts(self, scope: Scope, by: str = "kind", area: str | None = None) -> dict[str, int]:
        """Open warnings the scope may see, counted by ``kind``, ``severity``, ``city_code``, ``park_id``,
        ``chain_id`` or ``state``."""
        if by not in ("kind", "severity", "city_code", "park_id", "chain_id", "state", "uscc"):
            raise InputError(f"不能按 {by} 计数", f"cannot count by {by}",
                             fix="可选 kind、severity、city_code、park_id、chain_id、state")
        filters = self._scope_filter(scope)
        if area:
            filters.update(self._area_filter(area, filters))
        return alert_store.count_alerts(self.g.store, filters, by)

    # --- acting -----------------------------------------------------------------------------
    def act(self, scope: Scope, role: str, alert_id: str, action: str, *, by: str, reason: str | None = None
            ) -> dict[str, Any]:
        """Move a warning on (ack, start, resolve, dismiss with a reason, reopen); audited."""
        require(role, "handle_warning")
        if action not in ACTIONS:
            raise InputError(f"未知操作 {action}", f"unknown action {action}", fix="可选：" + "、".join(ACTIONS))
        reason = (reason or "").strip() or None
        if action == "dismiss" and not reason:
            raise InputError("排除预警须写明理由", "dismissing a warning needs a reason", fix="用 --reason 写明理由")
        if reason and len(reason) > 500:
            raise InputError("理由过长（最多 500 字）", "reason too long (500 characters at most)", fix="精简理由")
        current = self.get(scope, alert_id)
        allowed, target = ACTIONS[action]
        if current["state"] not in allowed:
            raise ConflictError(f"预警当前为“{STATES[current['state']]}”，不能{ACTION_LABELS[action]}",
                                f"a warning in state {current['state']} cannot be moved by {action}",
                                fix="可执行的操作见预警详情")
        alert_store.set_state(self.g.store, alert_id, target, reason, by)
        self.g.audit.record(by, f"warning_{action}", f"alert:{alert_id}",
                            f"{current['state']}→{target}" + (f" reason={reason}" if reason else ""))
        return self.get(scope, alert_id)

    # --- helpers ----------------------------------------------------------------------------
    def _scope_filter(self, scope: Scope) -> dict[str, Any]:
        if scope.kind == "enterprise":
            raise ForbiddenError("企业用户不能查看政府的预警", "enterprises do not see the government's warnings",
                                 fix="企业相关的事项请在“我的诉求”中查看")
        column = {"province": None, "city": "city_code", "park": "park_id", "chain": "chain_id"}[scope.kind]
        return {column: tuple(scope.values)} if column else {}

    def _area_filter(self, area: str, filters: dict) -> dict[str, Any]:
        if area.startswith("chain:"):
            column, value = "chain_id", area[6:]
        elif area in self.g.region_names():
            column, value = "city_code", area
        else:
            column, value = "park_id", area
        if column in filters and value not in filters[column]:
            return {column: ("",)}  # outside the scope: nothing
        return {column: value}

    def _present(self, row: dict[str, Any], scope: Scope) -> dict[str, Any]:
        from gaodi.alerts.rules import KINDS, KINDS_EN, MEASURES, SEVERITIES, SEVERITIES_EN

        row = dict(row)
        row.update(kind_zh=KINDS[row["kind"]], kind_en=KINDS_EN[row["kind"]],
                   severity_zh=SEVERITIES[row["severity"]], severity_en=SEVERITIES_EN[row["severity"]],
                   state_zh=STATES[row["state"]], state_en=STATES_EN[row["state"]],
                   measure_zh=MEASURES[row["measure"]][2],
                   city_name=self.g.region_names().get(row["city_code"] or "", None),
                   actions=[a for a, (src, _) in ACTIONS.items() if row["state"] in src],
                   task_link=task_link(row))
        return row


def task_link(row: dict[str, Any]) -> str:
    """The task form (督办, built elsewhere) prefilled from the warning: 交办."""
    from urllib.parse import urlencode

    return "/tasks/new?" + urlencode({"source_kind": "warning", "source_ref": row["alert_id"],
                                      "body": row["body_code"], "title": row["title"]})
