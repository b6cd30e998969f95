"""The login attempt limiter: counted before the password is checked, per address and account.

Two counters hold each attempt: the (address, account) pair, with a small limit, and the address
alone, with a larger one (it bounds guessing many accounts from one place). An attempt takes its
place in both counters *before* the password is checked, so forty guesses sent at once meet the same
limit as forty sent one after another. A failure leaves its mark; a success removes only its own mark
from the address counter (never the others: logging in to one's own account does not buy more
guesses at someone else's) and clears its pair, since whoever holds the password needs no guesses.

A counter that reaches its limit locks for ``window`` seconds, and each further lock of the same
counter lasts twice as long as the one before, up to ``max_lockout``. Nothing locks an account as
such: an outsider can only lock their own address out of it, never the owner at theirs.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from gaodi.errors import TooManyAttempts

SWEEP_EVERY = 1000


@dataclass
class _Counter:
    attempts: deque[float] = field(default_factory=deque)
    strikes: int = 0
    locked_until: float = 0.0
    last_seen: float = 0.0


@dataclass(frozen=True)
class Attempt:
    """One login attempt's place in the counters, to be settled by ``succeeded`` (failure needs nothing)."""

    pair: str
    address: str
    at: float


class LoginLimiter:
    """Count login attempts per (address, account) and per address over the last ``window`` seconds."""

    def __init__(self, limit: int = 5, window: float = 300.0, *, per_address: int = 30,
                 max_lockout: float = 86400.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.limit, self.per_address, self.window, self.max_lockout = limit, per_address, window, max_lockout
        self.clock = clock
        self._counters: dict[str, _Counter] = {}
        self._lock = threading.Lock()
        self._since_sweep = 0

    def begin(self, address: str, username: str) -> Attempt:
        """Take a place for one attempt; raise TooManyAttempts when either counter is full or locked."""
        now = self.clock()
        pair, addr = f"pair:{address}\x00{username}", f"address:{address}"
        with self._lock:
            self._maybe_sweep(now)
            for key, limit in ((addr, self.per_address), (pair, self.limit)):
                c = self._counter(key, now)
                if now < c.locked_until:
                    raise _refusal(c.locked_until - now)
                if len(c.attempts) >= limit:
                    c.locked_until = now + min(self.window * 2 ** c.strikes, self.max_lockout)
                    c.strikes += 1
                    c.attempts.clear()
                    raise _refusal(c.locked_until - now)
            for key in (addr, pair):
                self._counters[key].attempts.append(now)
        return Attempt(pair, addr, now)

    def succeeded(self, attempt: Attempt) -> None:
        """The password was right: drop this attempt from the address counter and clear the pair."""
        with self._lock:
            self._counters.pop(attempt.pair, None)
            c = self._counters.get(attempt.address)
            if c is not None:
                try:
                    c.attempts.remove(attempt.at)
                except ValueError:
                    pass  # already swept out of the window

    def _counter(self, key: str, now: float) -> _Counter:
        c = self._counters.setdefault(key, _Counter())
        c.last_seen = now
        while c.attempts and c.attempts[0] <= now - self.window:
            c.attempts.popleft()
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
