"""The login attempt limiter: counted before the password is checked, per address and account.

Two counters hold each attempt: the (address, account) pair, with a small limit, and the address
alone, with a larger one (it bounds guessing many accounts from one place). An attempt takes its
place in both counters *before* the password is checked (``begin``), so forty guesses sent at once
meet the same limit as forty sent one after another: the places still being checked count as well as
the failures. Then the attempt is settled: a failure (``failed``) stays as a mark for ``window``
seconds; a success (``succeeded``) gives back only its own place at the address (never the others'
marks: logging in to one's own account does not buy more guesses at someone else's) and clears its
pair, since whoever holds the password needs no guesses; an attempt never checked (``withdraw``)
leaves nothing.

A counter whose failures reach its limit locks for ``window`` seconds, and each further lock of the
same counter lasts twice as long as the one before, up to ``max_lockout``. Nothing locks an account as
such: an outsider can only lock their own address out of it, never the owner at theirs.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from gaodi.errors import NotAuthenticated, TooManyAttempts

SWEEP_EVERY = 1000


@dataclass
class _Counter:
    failures: deque[float] = field(default_factory=deque)
    pending: int = 0
    strikes: int = 0
    locked_until: float = 0.0
    last_seen: float = 0.0


@dataclass(frozen=True)
class Attempt:
    """One login attempt's places in the counters, to be settled once its password is checked."""

    pair: str
    address: str


class LoginLimiter:
    """Count login attempts per (address, account) and per address over the last ``window`` seconds."""

    def __init__(self, limit: int = 5, window: float = 300.0, *, per_address: int = 30,
                 max_lockout: float = 86400.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.limit, self.per_address, self.window, self.max_lockout = limit, per_address, window, max_lockout
        self.clock = clock
        self._counters: dict[str, _Counter] = {}
        self._lock = threading.Lock()
        self._since_sweep = 0

    @contextmanager
    def attempt(self, address: str, username: str) -> Iterator[Attempt]:
        """Around one password check: NotAuthenticated inside is a failure, any other error no attempt."""
        attempt = self.begin(address, username)
        try:
            yield attempt
        except NotAuthenticated:
            self.failed(attempt)
            raise
        except BaseException:
            self.withdraw(attempt)
            raise
        self.succeeded(attempt)

    def begin(self, address: str, username: str) -> Attempt:
        """Take a place for one attempt; raise TooManyAttempts when either counter is full or locked."""
        now = self.clock()
        attempt = Attempt(f"pair:{address}\x00{username}", f"address:{address}")
        with self._lock:
            self._maybe_sweep(now)
            counters = [(self._counter(key, now), limit) for key, limit in
                        ((attempt.address, self.per_address), (attempt.pair, self.limit))]
            for c, limit in counters:
                if now < c.locked_until:
                    raise _refusal(c.locked_until - now)
                if len(c.failures) >= limit:
                    raise _refusal(c.failures[0] + self.window - now)
                if len(c.failures) + c.pending >= limit:
                    raise TooManyAttempts("同时进行的登录过多，请稍后再试", "too many logins under way; retry shortly",
                                          fix="几秒后再试", details={"retry_after": 2})
            for c, _ in counters:
                c.pending += 1
        return attempt

    def failed(self, attempt: Attempt) -> None:
        """The password was wrong: the attempt stays as a failure; a full counter locks."""
        now = self.clock()
        with self._lock:
            for key, limit in ((attempt.address, self.per_address), (attempt.pair, self.limit)):
                c = self._settle(key)
                if c is None:
                    continue
                c.failures.append(now)
                if len(c.failures) >= limit:
                    c.locked_until = now + min(self.window * 2 ** c.strikes, self.max_lockout)
                    c.strikes += 1
                    c.failures.clear()

    def succeeded(self, attempt: Attempt) -> None:
        """The password was right: give back this attempt's place at the address and clear the pair."""
        with self._lock:
            self._settle(attempt.address)
            self._counters.pop(attempt.pair, None)

    def withdraw(self, attempt: Attempt) -> None:
        """The password was never checked (the server was busy, or failed): the attempt leaves nothing."""
        with self._lock:
            self._settle(attempt.address)
            self._settle(attempt.pair)

    def _settle(self, key: str) -> _Counter | None:
        c = self._counters.get(key)
        if c is not None and c.pending:
            c.pending -= 1
        return c

    def _counter(self, key: str, now: float) -> _Counter:
        c = self._counters.setdefault(key, _Counter())
        c.last_seen = now
        while c.failures and c.failures[0] <= now - self.window:
            c.failures.popleft()
        return c

    def _maybe_sweep(self, now: float) -> None:
        """Forget counters quiet for longer than the longest lockout, so memory stays bounded."""
        self._since_sweep += 1
        if self._since_sweep < SWEEP_EVERY:
            return
        self._since_sweep = 0
        horizon = now - max(self.window, self.max_lockout)
        for key in [k for k, c in self._counters.items() if c.last_seen < horizon and c.locked_until < now]:
            del self._counters[key]

    def __len__(self) -> int:
        return len(self._counters)


def _refusal(seconds: float) -> TooManyAttempts:
    wait = int(seconds) + 1
    return TooManyAttempts(f"登录失败次数过多，请 {wait} 秒后再试", f"too many failed logins; retry in {wait} s",
                           fix="稍后再试；忘记密码请联系管理员重置", details={"retry_after": wait})
