"""The login attempt limiter: at most N failures per key in a sliding window.

Keys are the username and the client address, so that neither guessing one account from many
addresses nor many accounts from one address gets more than N tries per window.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable

from gaodi.errors import TooManyAttempts


class LoginLimiter:
    """Count failed logins per key over the last ``window`` seconds; refuse past ``limit``."""

    def __init__(self, limit: int = 5, window: float = 300.0, clock: Callable[[], float] = time.monotonic):
        self.limit, self.window, self.clock = limit, window, clock
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def check(self, *keys: str) -> None:
        """Raise TooManyAttempts when any key already has ``limit`` failures in the window."""
        now = self.clock()
        with self._lock:
            for key in keys:
                q = self._prune(key, now)
                if len(q) >= self.limit:
                    wait = int(q[0] + self.window - now) + 1
                    raise TooManyAttempts(
                        f"登录失败次数过多，请 {wait} 秒后再试", f"too many failed logins; retry in {wait} s",
                        fix="稍后再试；忘记密码请联系管理员", details={"retry_after": wait})

    def failed(self, *keys: str) -> None:
        now = self.clock()
        with self._lock:
            for key in keys:
                self._failures.setdefault(key, deque()).append(now)

    def succeeded(self, *keys: str) -> None:
        with self._lock:
            for key in keys:
                self._failures.pop(key, None)

    def _prune(self, key: str, now: float) -> deque[float]:
        q = self._failures.setdefault(key, deque())
        while q and q[0] <= now - self.window:
            q.popleft()
        return q
