"""Immutable events of an enterprise problem's history, sealed in a hash chain.

Every change to a problem (企业问题) is one :class:`ProblemEvent`: who did what, in which role, when,
why, from which state to which, with a payload. Events are never edited or deleted; the history of a
problem is the ordered list of its events, numbered 1, 2, 3 ... (``seq``).

Hash chain: each event stores ``prev_hash``, the hash of the event before it (64 zeros for the first),
and ``hash`` = a MAC of its own canonical JSON (every field except ``hash``, keys sorted, UTF-8):
HMAC-SHA256 under the workspace's sealing key (kept outside the database, see
:mod:`gaodi.store.sealing`), or plain SHA-256 when no key is given (pure use, and workspaces made
before sealing). Changing any field of any event, inserting, deleting or reordering events breaks a
link, which :func:`verify_history` reports; with a key, a history rewritten with recomputed plain
hashes is reported too (``unsealed``), since nobody without the key can make a valid MAC. Cutting
events off the end leaves a valid shorter chain; that is caught only by comparing the last hash with a
head recorded elsewhere (``expected_head``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from gaodi.errors import InputError

__all__ = [
    "CHINA_TZ",
    "china_today",
    "GENESIS_HASH",
    "HistoryCheck",
    "HistoryIssue",
    "ProblemEvent",
    "compute_hash",
    "seal_event",
    "sealed",
    "verify_history",
]

GENESIS_HASH = "0" * 64
CHINA_TZ = dt.timezone(dt.timedelta(hours=8), "CST")


@dataclass(frozen=True)
class ProblemEvent:
    """One transition of one problem. Frozen: the payload is kept as canonical JSON text."""

    problem_id: str
    seq: int
    action: str
    from_state: str | None
    to_state: str
    actor: str
    role: str
    at: dt.datetime
    reason: str
    payload_json: str
    prev_hash: str
    hash: str

    @property
    def payload(self) -> dict[str, Any]:
        """A fresh copy of the payload (editing it changes nothing stored)."""
        return json.loads(self.payload_json)

    @property
    def on(self) -> dt.date:
        """The calendar date of the event in China Standard Time."""
        return self.at.astimezone(CHINA_TZ).date()

    def as_dict(self) -> dict[str, Any]:
        """The event as plain JSON values (the shape a store or an API writes)."""
        return {**_hashed_fields(self), "payload": self.payload, "hash": self.hash}


def _hashed_fields(event: ProblemEvent) -> dict[str, Any]:
    return {
        "problem_id": event.problem_id,
        "seq": event.seq,
        "action": event.action,
        "from_state": event.from_state,
        "to_state": event.to_state,
        "actor": event.actor,
        "role": event.role,
        "at": event.at.isoformat(),
        "reason": event.reason,
        "payload_json": event.payload_json,
        "prev_hash": event.prev_hash,
    }


def compute_hash(event: ProblemEvent, key: bytes | None = None) -> str:
    """HMAC-SHA256 under ``key`` (hex) of the canonical JSON of every field of ``event`` except ``hash``;
    plain SHA-256 without a key."""
    text = json.dumps(_hashed_fields(event), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    if key:
        return hmac.new(key, text.encode("utf-8"), hashlib.sha256).hexdigest()
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def sealed(event: ProblemEvent, key: bytes | None) -> ProblemEvent:
    """``event`` with its hash recomputed under ``key`` (its ``prev_hash`` kept as it is)."""
    return event if not key else ProblemEvent(**{**event.__dict__, "hash": compute_hash(event, key)})


def china_today() -> dt.date:
    """Today's date in China (the working days, deadlines and policy dates are Chinese dates)."""
    return dt.datetime.now(CHINA_TZ).date()


def in_china_time(at: dt.datetime) -> dt.datetime:
    """Return ``at`` in China Standard Time; a naive datetime is taken to be CST already."""
    if not isinstance(at, dt.datetime):
        raise InputError(message=f"事件时间必须是日期时间：{at!r}", message_en=f"event time must be a datetime: {at!r}",
                         fix="传入 datetime.datetime (pass a datetime)")
    if at.tzinfo is None:
        return at.replace(tzinfo=CHINA_TZ)
    return at.astimezone(CHINA_TZ)


def seal_event(*, problem_id: str, seq: int, action: str, from_state: str | None, to_state: str,
               actor: str, role: str, at: dt.datetime, reason: str, payload: Mapping[str, Any],
               prev_hash: str) -> ProblemEvent:
    """Build an event and compute its hash; the payload must be JSON values (str, number, list, dict)."""
    try:
        payload_json = json.dumps(dict(payload), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    except TypeError as exc:
        raise InputError(message=f"事件内容不是 JSON 值：{exc}", message_en=f"event payload is not JSON: {exc}",
                         fix="日期请先转成 ISO 文本 (convert dates to ISO text)") from exc
    draft = ProblemEvent(problem_id, seq, action, from_state, to_state, actor, role, in_china_time(at),
                         reason, payload_json, prev_hash, "")
    return ProblemEvent(**{**draft.__dict__, "hash": compute_hash(draft)})


@dataclass(frozen=True)
class HistoryIssue:
    """One break in a history: at which event, what kind, and what was found."""

    seq: int
    kind: str
    message: str
    message_en: str


@dataclass(frozen=True)
class HistoryCheck:
    """The result of :func:`verify_history`; ``ok`` is True when no issue was found."""

    problem_id: str | None
    events: int
    head: str
    issues: list[HistoryIssue] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.issues


def verify_history(events: Sequence[ProblemEvent], expected_head: str | None = None,
                   key: bytes | None = None) -> HistoryCheck:
    """Check one problem's events: numbering, hash links, hashes, state continuity and time order.

    ``expected_head`` is the hash of the last event as recorded elsewhere (a receipt, a report);
    when given, a history whose last hash differs (e.g. cut short) is reported too. With ``key``,
    every hash must be the keyed MAC; an event carrying a plain SHA-256 is ``unsealed``.
    """
    issues: list[HistoryIssue] = []
    problem_id = events[0].problem_id if events else None
    prev_hash, prev_state, prev_at = GENESIS_HASH, None, None
    for position, ev in enumerate(events, start=1):
        def issue(kind: str, zh: str, en: str, seq: int = ev.seq) -> None:
            issues.append(HistoryIssue(seq, kind, zh, en))

        if ev.problem_id != problem_id:
            issue("foreign_event", f"第 {position} 条事件属于另一个问题 {ev.problem_id}",
                  f"event {position} belongs to another problem, {ev.problem_id}")
        if ev.seq != position:
            issue("sequence", f"第 {position} 条事件的序号是 {ev.seq}（事件缺失、重复或顺序被改）",
                  f"event {position} carries seq {ev.seq} (missing, duplicated or reordered events)")
        if ev.prev_hash != prev_hash:
            issue("broken_link", f"事件 {ev.seq} 记录的前一哈希与前一事件不符（前面的事件被改动、插入或删除）",
                  f"event {ev.seq} does not link to the event before it (an earlier event was changed, "
                  "inserted or removed)")
        if key and compute_hash(ev, key) != ev.hash and compute_hash(ev) == ev.hash:
            issue("unsealed", f"事件 {ev.seq} 没有用本工作区的密钥封存（历史被不持有密钥者重算过哈希，或是未能迁移的旧记录）",
                  f"event {ev.seq} is not sealed with this workspace's key (its hashes were recomputed by "
                  "someone without the key, or it is an old record that could not be migrated)")
        elif compute_hash(ev, key) != ev.hash:
            issue("altered", f"事件 {ev.seq} 的内容与其哈希不符（内容被改动）",
                  f"event {ev.seq} does not match its own hash (its content was altered)")
        if ev.from_state != prev_state:
            issue("state_gap", f"事件 {ev.seq} 从状态 {ev.from_state} 出发，但前一状态是 {prev_state}",
                  f"event {ev.seq} starts from {ev.from_state} but the previous state is {prev_state}")
        if prev_at is not None and ev.at < prev_at:
            issue("time_order", f"事件 {ev.seq} 的时间早于前一事件", f"event {ev.seq} is dated before the one before it")
        prev_hash, prev_state, prev_at = ev.hash, ev.to_state, ev.at
    if expected_head is not None and prev_hash != expected_head:
        issues.append(HistoryIssue(len(events), "head_mismatch",
                                   "最后一条事件的哈希与记录的链头不符（历史被截短或替换）",
                                   "the last hash differs from the recorded head (history cut short or replaced)"))
    return HistoryCheck(problem_id, len(events), prev_hash, issues)
