"""Where problem events are kept: the :class:`ProblemRepository` protocol and an in-memory store.

A repository is append-only: it offers no way to change or remove an event. ``append_event`` must
refuse an event that does not extend the problem's history exactly (its ``seq`` is not the next
number or its ``prev_hash`` is not the current head), so two writers racing on the same problem
cannot both succeed: the loser gets a :class:`~gaodi.errors.ConflictError` and retries on the new
state. A database implementation gets the same guarantee from a unique key on (problem_id, seq)
inside the transaction that checks the head.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol, runtime_checkable

from gaodi.errors import ConflictError
from gaodi.problems.events import GENESIS_HASH, ProblemEvent

__all__ = ["InMemoryProblemRepository", "ProblemRepository"]


@runtime_checkable
class ProblemRepository(Protocol):
    """Storage of problem events, append-only."""

    def append_event(self, event: ProblemEvent) -> None:
        """Store ``event`` as the next event of its problem, or raise ConflictError."""

    def events_for(self, problem_id: str) -> list[ProblemEvent]:
        """Return the events of one problem in order (empty when it does not exist)."""

    def all_events(self) -> Iterator[ProblemEvent]:
        """Yield every event of every problem, each problem's events in order."""


class InMemoryProblemRepository:
    """A repository in a dict, for tests and for short-lived sessions."""

    def __init__(self) -> None:
        self._events: dict[str, list[ProblemEvent]] = {}

    def append_event(self, event: ProblemEvent) -> None:
        history = self._events.setdefault(event.problem_id, [])
        head = history[-1].hash if history else GENESIS_HASH
        if event.seq != len(history) + 1 or event.prev_hash != head:
            raise ConflictError(
                message=f"问题 {event.problem_id} 已被他人更新（事件 {event.seq} 不接续当前历史）",
                message_en=f"problem {event.problem_id} changed meanwhile (event {event.seq} does not "
                           "extend its history)",
                fix="重新读取该问题后再操作 (reload the problem and try again)",
                details={"problem_id": event.problem_id, "seq": event.seq, "expected_seq": len(history) + 1})
        history.append(event)

    def events_for(self, problem_id: str) -> list[ProblemEvent]:
        return list(self._events.get(problem_id, ()))

    def all_events(self) -> Iterator[ProblemEvent]:
        for history in self._events.values():
            yield from history
