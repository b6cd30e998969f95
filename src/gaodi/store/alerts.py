"""Warnings (预警) in the store: the rule sets loaded per jurisdiction, and the warnings with their state.

A rule set is kept per (jurisdiction, version), never replaced: loading the same text again is a no-op,
a different text under a loaded version is refused. A warning's id is stable (rule + subject + period,
made by :mod:`gaodi.alerts`); a run inserts new warnings in state ``new``, refreshes the evidence of those
already there and keeps their state, and marks those no longer raised as not current.
The rules are validated by :mod:`gaodi.alerts.rules` before they are saved; this module only stores and reads.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

from gaodi.errors import ConflictError
from gaodi.problems.events import CHINA_TZ
from gaodi.store.database import Store

__all__ = ["ALERT_COLUMNS", "alert_rows", "count_alerts", "latest_rule_sets", "list_rule_sets",
           "save_rule_set", "set_state", "upsert_alerts"]

ALERT_COLUMNS = ("alert_id", "rule_id", "rule_version", "jurisdiction", "kind", "measure", "severity",
                 "subject_kind", "subject_id", "subject_name", "period", "title", "evidence", "body_code",
                 "body_name", "city_code", "park_id", "chain_id", "uscc", "state", "reason", "current",
                 "first_seen", "last_seen", "updated_at", "updated_by")
_RULE_COLUMNS = ("jurisdiction", "version", "name", "effective", "sha256", "source", "document", "loaded_by",
                 "loaded_at")


def now() -> dt.datetime:
    """The server clock in China time, without zone (as every timestamp of the store)."""
    return dt.datetime.now(CHINA_TZ).replace(tzinfo=None)


def save_rule_set(store: Store, *, jurisdiction: str, version: str, name: str, effective: dt.date,
                  document: str, source: str | None, loaded_by: str | None) -> bool:
    """Store a rule set's text; return whether it was new (False when the same text was there)."""
    digest = hashlib.sha256(document.encode("utf-8")).hexdigest()
    with store.transaction():
        found = store.con.execute("SELECT sha256 FROM alert_rule_sets WHERE jurisdiction = ? AND version = ?",
                                  [jurisdiction, version]).fetchall()
        if found:
            if found[0][0] == digest:
                return False
            raise ConflictError(
                f"地区 {jurisdiction} 的预警规则版本 {version} 已载入且内容不同",
                f"warning rules {version} of {jurisdiction} are already loaded with other content",
                fix="在文件中提高 version 后再载入；已载入的版本不会被覆盖 (raise the version)",
                details={"jurisdiction": jurisdiction, "version": version})
        store.con.execute("INSERT INTO alert_rule_sets VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                          [jurisdiction, version, name, effective, digest, source, document, loaded_by, now()])
    return True


def list_rule_sets(store: Store) -> list[dict[str, Any]]:
    """Every stored rule set version, most recently loaded first."""
    cur = store.con.execute(f"SELECT {', '.join(_RULE_COLUMNS)} FROM alert_rule_sets "
                            "ORDER BY loaded_at DESC, jurisdiction, version DESC")
    return [dict(zip(_RULE_COLUMNS, r)) for r in cur.fetchall()]


def latest_rule_sets(store: Store) -> list[dict[str, Any]]:
    """Per jurisdiction, the version loaded last (the one in use)."""
    seen: dict[str, dict] = {}
    for row in list_rule_sets(store):
        seen.setdefault(row["jurisdiction"], row)
    return list(seen.values())


def upsert_alerts(store: Store, rows: list[dict[str, Any]], rule_ids: list[str]) -> dict[str, int]:
    """Write one run's warnings: new ones in state ``new``, known ones refreshed with their state kept; the
    warnings of ``rule_ids`` not raised this time become not current. All or nothing."""
    stamp = now()
    ids = [r["alert_id"] for r in rows]
    with store.transaction():
        known = {r[0] for r in store.con.execute(
            "SELECT alert_id FROM alerts WHERE alert_id IN (SELECT unnest(?))", [ids]).fetchall()} if ids else set()
        fresh = [r for r in rows if r["alert_id"] not in known]
        for r in fresh:
            store.con.execute(
                f"INSERT INTO alerts ({', '.join(ALERT_COLUMNS)}) VALUES ({', '.join('?' * len(ALERT_COLUMNS))})",
                [_value(r, c, stamp) for c in ALERT_COLUMNS])
        for r in rows:
            if r["alert_id"] in known:
                store.con.execute(
                    "UPDATE alerts SET evidence = ?, title = ?, severity = ?, rule_version = ?, body_code = ?, "
                    "body_name = ?, subject_name = ?, current = TRUE, last_seen = ? WHERE alert_id = ?",
                    [json.dumps(r["evidence"], ensure_ascii=False), r["title"], r["severity"], r["rule_version"],
                     r["body_code"], r["body_name"], r["subject_name"], stamp, r["alert_id"]])
        gone = store.con.execute(
            "UPDATE alerts SET current = FALSE WHERE current AND rule_id IN (SELECT unnest(?)) "
            "AND alert_id NOT IN (SELECT unnest(?)) RETURNING alert_id",
            [rule_ids or [""], ids or [""]]).fetchall()
    return {"new": len(fresh), "kept": len(known), "no_longer_raised": len(gone)}


def _value(row: dict, column: str, stamp: dt.datetime):
    if column == "evidence":
        return json.dumps(row["evidence"], ensure_ascii=False)
    if column in ("first_seen", "last_seen", "updated_at"):
        return stamp
    if column == "state":
        return "new"
    if column == "current":
        return True
    return row.get(column)


def _where(filters: dict[str, Any]) -> tuple[str, list]:
    """``column = ?`` for each filter given; a tuple value is ``column IN (...)``; None values are left out."""
    clauses, params = [], []
    for column, value in filters.items():
        if value is None:
            continue
        if column not in ALERT_COLUMNS:
            raise KeyError(column)
        if isinstance(value, tuple):
            clauses.append(f"{column} IN (SELECT unnest(?))")
            params.append(list(value) or [""])
        else:
            clauses.append(f"{column} = ?")
            params.append(value)
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params


def alert_rows(store: Store, filters: dict[str, Any], *, limit: int = 100, offset: int = 0
               ) -> tuple[int, list[dict[str, Any]]]:
    """The number of warnings matching and one page of them: high severity first, then newest."""
    where, params = _where(filters)
    total = store.con.execute(f"SELECT count(*) FROM alerts {where}", params).fetchall()[0][0]
    cur = store.con.execute(
        f"SELECT {', '.join(ALERT_COLUMNS)} FROM alerts {where} ORDER BY current DESC, "
        "CASE severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END, kind, alert_id "
        "LIMIT ? OFFSET ?", [*params, limit, offset])
    rows = [dict(zip(ALERT_COLUMNS, r)) for r in cur.fetchall()]
    for r in rows:
        r["evidence"] = json.loads(r["evidence"]) if r["evidence"] else []
    return total, rows


def count_alerts(store: Store, filters: dict[str, Any], by: str) -> dict[str, int]:
    """Open (current, not resolved or dismissed) warnings matching, counted by one column."""
    if by not in ALERT_COLUMNS:
        raise KeyError(by)
    where, params = _where(filters)
    where = (where + " AND " if where else "WHERE ") + "current AND state NOT IN ('resolved', 'dismissed')"
    cur = store.con.execute(f"SELECT {by}, count(*) FROM alerts {where} GROUP BY {by} ORDER BY {by}", params)
    return {str(k): int(n) for k, n in cur.fetchall()}


def set_state(store: Store, alert_id: str, state: str, reason: str | None, by: str | None) -> None:
    with store.transaction():
        store.con.execute("UPDATE alerts SET state = ?, reason = ?, updated_at = ?, updated_by = ? "
                          "WHERE alert_id = ?", [state, reason, now(), by, alert_id])
