"""Tasks (督办) in the store: the only place that writes SQL for ``tasks`` and ``task_events``.

A task row holds its current state; ``task_events`` holds every step, appended in the same transaction.
Also here: the rows the catalogue of responsible bodies is built from (regions, parks, chains, the 责任单位
of saved plans).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from gaodi.store.database import Store
from gaodi.tasks.states import State, Task, TaskEvent

_COLUMNS = ("task_id", "title", "body_code", "original_body_code", "source_kind", "source_ref", "detail", "state",
            "created_by", "created_at", "set_on", "deadline_workdays", "escalations", "closed_at", "evidence")


def body_sources(store: Store) -> tuple[list[dict], list[dict], list[dict], list[str]]:
    """Home-province regions, parks with their city, chains and the plans' 责任单位 texts."""
    def rows(sql: str) -> list[dict]:
        cur = store.con.execute(sql)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r)) for r in cur.fetchall()]

    regions = rows("SELECT code, name, level, city_code FROM regions "
                   "WHERE in_home_province AND status = 'current' AND level IN ('city', 'county') ORDER BY code")
    parks = rows("SELECT p.park_id, p.name, coalesce(r.city_code, r.code) AS city_code FROM parks p "
                 "LEFT JOIN regions r ON r.code = p.region_code ORDER BY p.park_id")
    chains = rows("SELECT chain_id, name FROM chains ORDER BY chain_id")
    plans = [r["responsible"] for r in rows("SELECT DISTINCT responsible FROM plan_indicators "
                                            "WHERE responsible IS NOT NULL ORDER BY responsible")]
    return regions, parks, chains, plans


def new_task_id(store: Store, year: int) -> str:
    seq = store.con.execute("SELECT nextval('task_seq')").fetchall()[0][0]
    return f"DB{year}-{seq:05d}"


def insert_task(store: Store, task: Task) -> None:
    store.con.execute(f"INSERT INTO tasks ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})",
                      _values(task))


def update_task(store: Store, task: Task) -> None:
    sets = ", ".join(f"{c} = ?" for c in _COLUMNS[1:])
    store.con.execute(f"UPDATE tasks SET {sets} WHERE task_id = ?", [*_values(task)[1:], task.task_id])


def append_event(store: Store, task_id: str, action: str, actor: str, at: dt.datetime, body: str,
                 note: str | None) -> None:
    seq = store.con.execute("SELECT coalesce(max(seq), 0) + 1 FROM task_events WHERE task_id = ?",
                            [task_id]).fetchall()[0][0]
    store.con.execute("INSERT INTO task_events VALUES (?, ?, ?, ?, ?, ?, ?)",
                      [task_id, seq, action, actor, at.replace(tzinfo=None), body, note])


def load_tasks(store: Store, task_id: str | None = None) -> list[Task]:
    """Every task (or the one asked for), oldest first, with the bodies it has been with."""
    where, args = ("WHERE task_id = ?", [task_id]) if task_id else ("", [])
    rows = store.con.execute(f"SELECT {', '.join(_COLUMNS)} FROM tasks {where} ORDER BY created_at, task_id",
                             args).fetchall()
    trail: dict[str, list[str]] = {}
    for tid, body in store.con.execute(
            f"SELECT task_id, body_code FROM task_events {where} ORDER BY task_id, seq", args).fetchall():
        if body not in trail.setdefault(tid, []):
            trail[tid].append(body)
    return [_task(dict(zip(_COLUMNS, r)), trail.get(r[0], [])) for r in rows]


def load_events(store: Store, task_id: str) -> list[TaskEvent]:
    rows = store.con.execute("SELECT task_id, seq, action, actor, occurred_at, body_code, note FROM task_events "
                             "WHERE task_id = ? ORDER BY seq", [task_id]).fetchall()
    return [TaskEvent(*r) for r in rows]


def _values(task: Task) -> list[Any]:
    return [task.task_id, task.title, task.body, task.original_body, task.source_kind, task.source_ref,
            task.detail, task.state.value, task.created_by, task.created_at.replace(tzinfo=None), task.set_on,
            task.deadline_workdays, task.escalations,
            task.closed_at.replace(tzinfo=None) if task.closed_at else None, task.evidence]


def _task(row: dict[str, Any], bodies: list[str]) -> Task:
    return Task(row["task_id"], row["title"], row["body_code"], row["original_body_code"], row["source_kind"],
                row["source_ref"], row["detail"], State(row["state"]), row["created_by"], row["created_at"],
                row["set_on"], row["deadline_workdays"], row["escalations"], row["closed_at"], row["evidence"],
                tuple(bodies) or (row["body_code"],))
