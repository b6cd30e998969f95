"""Problem events in the store: the DuckDB implementation of the append-only ``ProblemRepository``.

Each event is one row of ``problem_events`` (migration 2): ``problem_id``, ``seq``, ``event`` (the JSON
of :meth:`ProblemEvent.as_dict`, with ``at`` as ISO text carrying its +08:00 offset, so the hashes
verify after reading back), ``hash`` and ``recorded_at`` (when the row was written, China Standard
Time without offset). This module offers inserts and reads only: there is no function that updates or
deletes an event, and nothing in gaodi runs such SQL on this table, except :func:`reseal`, the one-time
migration of a workspace made before sealing (:mod:`gaodi.store.sealing`), which re-chains intact plain
SHA-256 histories under the sealing key without changing any event's content.

``append_event`` refuses an event that does not extend its problem's history (``seq`` not next or
``prev_hash`` not the head) with a :class:`~gaodi.errors.ConflictError`; the check and the insert run
in one transaction, and the primary key (problem_id, seq) stops a second writer that raced past it.

:meth:`DuckDBProblemRepository.batch` groups many appends (a month's collection file, the demo year)
into one transaction: the histories touched are kept in memory and the rows written at the end in one
insert, all or nothing.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from contextlib import contextmanager

import duckdb
import pyarrow as pa

from gaodi.errors import ConflictError, DataQualityError
from gaodi.problems.events import CHINA_TZ, GENESIS_HASH, ProblemEvent, sealed, verify_history
from gaodi.store.database import Store

__all__ = ["DuckDBProblemRepository", "event_from_row", "event_to_json", "reseal"]

_SELECT = "SELECT problem_id, seq, event, hash FROM problem_events"


def event_to_json(event: ProblemEvent) -> str:
    """The text stored in the ``event`` column: :meth:`ProblemEvent.as_dict` as compact, sorted JSON."""
    return json.dumps(event.as_dict(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def event_from_row(problem_id: str, seq: int, event_json: str, hash_: str) -> ProblemEvent:
    """Rebuild an event from a stored row.

    The hashed fields come from the JSON (``payload_json`` is the payload as hashed); the hash is the
    ``hash`` column, so a row whose JSON was edited no longer matches it (``verify_history`` reports
    ``altered``); a row moved to another key shows as ``sequence`` or ``foreign_event``. A row that
    is not an event at all raises :class:`~gaodi.errors.DataQualityError`.
    """
    try:
        d = json.loads(event_json)
        at = dt.datetime.fromisoformat(d["at"])
        event = ProblemEvent(d["problem_id"], int(d["seq"]), d["action"], d["from_state"], d["to_state"],
                             d["actor"], d["role"], at, d["reason"], d["payload_json"], d["prev_hash"], hash_)
    except (ValueError, KeyError, TypeError) as exc:
        raise DataQualityError(
            message=f"问题 {problem_id} 的事件 {seq} 无法读取：{exc}",
            message_en=f"event {seq} of problem {problem_id} cannot be read: {exc}",
            fix="该行被外部改动；用 gaodi problem show 核对历史 (the row was altered outside gaodi)",
            details={"problem_id": problem_id, "seq": seq}) from exc
    return event


class DuckDBProblemRepository:
    """Problem events in the store's ``problem_events`` table (append-only)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._batch: dict[str, list[ProblemEvent]] | None = None
        self._pending: list[ProblemEvent] = []

    # -- writing ---------------------------------------------------------------------------------

    def append_event(self, event: ProblemEvent) -> None:
        """Store ``event`` as the next event of its problem, or raise ConflictError."""
        if self._batch is not None:
            history = self._batch_history(event.problem_id)
            self._check_next(event, len(history), history[-1].hash if history else GENESIS_HASH)
            history.append(event)
            self._pending.append(event)
            return
        with self.store.transaction():
            row = self.store.con.execute(
                "SELECT seq, hash FROM problem_events WHERE problem_id = ? ORDER BY seq DESC LIMIT 1",
                [event.problem_id]).fetchall()  # fetchall: fetchone leaves the result open and blocks Ibis
            count, head = (row[0][0], row[0][1]) if row else (0, GENESIS_HASH)
            self._check_next(event, count, head)
            try:
                self.store.con.execute(
                    "INSERT INTO problem_events (problem_id, seq, event, hash, recorded_at) VALUES (?, ?, ?, ?, ?)",
                    [event.problem_id, event.seq, event_to_json(event), event.hash, _now()])
            except duckdb.ConstraintException as exc:
                raise _conflict(event, count + 1) from exc

    @contextmanager
    def batch(self) -> Iterator[DuckDBProblemRepository]:
        """Append many events in one transaction; written together at the end, or not at all."""
        if self._batch is not None:
            yield self
            return
        self._batch, self._pending = {}, []
        try:
            with self.store.transaction():
                yield self
                self._flush()
        finally:
            self._batch, self._pending = None, []

    def _flush(self) -> None:
        if not self._pending:
            return
        now = _now()
        table = pa.table({
            "problem_id": [e.problem_id for e in self._pending],
            "seq": pa.array([e.seq for e in self._pending], pa.int32()),
            "event": [event_to_json(e) for e in self._pending],
            "hash": [e.hash for e in self._pending],
            "recorded_at": pa.array([now] * len(self._pending), pa.timestamp("us")),
        })
        try:
            self.store.insert_arrow("problem_events", table)
        except duckdb.ConstraintException as exc:
            first = self._pending[0]
            raise _conflict(first, first.seq) from exc
        self._pending = []

    # -- reading ---------------------------------------------------------------------------------

    def events_for(self, problem_id: str) -> list[ProblemEvent]:
        """The events of one problem in order (empty when it does not exist)."""
        if self._batch is not None:
            return list(self._batch_history(problem_id))
        return self._read(problem_id)

    def all_events(self) -> Iterator[ProblemEvent]:
        """Every event of every problem, each problem's events in order."""
        if self._batch is not None:
            self._flush()
        rows = self.store.con.execute(f"{_SELECT} ORDER BY problem_id, seq").fetchall()
        for problem_id, seq, text, hash_ in rows:
            yield event_from_row(problem_id, seq, text, hash_)

    def problem_ids(self) -> list[str]:
        """The ids of every stored problem, sorted."""
        return [r[0] for r in self.store.con.execute(
            "SELECT DISTINCT problem_id FROM problem_events ORDER BY problem_id").fetchall()]

    def event_count(self) -> int:
        return self.store.con.execute("SELECT count(*) FROM problem_events").fetchall()[0][0] + len(self._pending)

    def _read(self, problem_id: str) -> list[ProblemEvent]:
        rows = self.store.con.execute(f"{_SELECT} WHERE problem_id = ? ORDER BY seq", [problem_id]).fetchall()
        return [event_from_row(*r) for r in rows]

    def _batch_history(self, problem_id: str) -> list[ProblemEvent]:
        assert self._batch is not None
        if problem_id not in self._batch:
            self._batch[problem_id] = self._read(problem_id)
        return self._batch[problem_id]

    @staticmethod
    def _check_next(event: ProblemEvent, count: int, head: str) -> None:
        if event.seq != count + 1 or event.prev_hash != head:
            raise _conflict(event, count + 1)


def reseal(store: Store, key: bytes) -> dict[str, int]:
    """Re-chain under ``key`` every history whose plain SHA-256 chain verifies; broken ones stay as they are.

    Returns how many histories were re-chained (``resealed``), were sealed already (``sealed``) and could
    not be sealed because their plain chain was already broken (``broken``: they keep failing verification).
    """
    repo = DuckDBProblemRepository(store)
    counts = {"resealed": 0, "sealed": 0, "broken": 0}
    updates = []
    for problem_id in repo.problem_ids():
        events = repo.events_for(problem_id)
        if verify_history(events, key=key).ok:
            counts["sealed"] += 1
            continue
        if not verify_history(events).ok:
            counts["broken"] += 1
            continue
        prev = GENESIS_HASH
        for event in events:
            event = sealed(ProblemEvent(**{**event.__dict__, "prev_hash": prev}), key)
            updates.append([event_to_json(event), event.hash, event.problem_id, event.seq])
            prev = event.hash
        counts["resealed"] += 1
    if updates:
        store.con.executemany("UPDATE problem_events SET event = ?, hash = ? WHERE problem_id = ? AND seq = ?",
                              updates)
    return counts


def _conflict(event: ProblemEvent, expected_seq: int) -> ConflictError:
    return ConflictError(
        message=f"问题 {event.problem_id} 已被他人更新（事件 {event.seq} 不接续当前历史）",
        message_en=f"problem {event.problem_id} changed meanwhile (event {event.seq} does not extend its history)",
        fix="重新读取该问题后再操作 (reload the problem and try again)",
        details={"problem_id": event.problem_id, "seq": event.seq, "expected_seq": expected_seq})


def _now() -> dt.datetime:
    return dt.datetime.now(CHINA_TZ).replace(tzinfo=None)
