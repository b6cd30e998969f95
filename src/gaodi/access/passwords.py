"""Password hashing with argon2id (RFC 9106), through argon2-cffi's recommended parameters.

Each verification takes about 64 MiB and a quarter of a second of one core, so the server runs at most
a few at once (:class:`PasswordChecks`); a login for an unknown account is checked against a dummy hash
of the same parameters so that it costs the same time as one for a real account.
"""

from __future__ import annotations

import asyncio
import functools
import secrets
import threading
import weakref
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from gaodi.errors import InputError, TooManyAttempts

_hasher = PasswordHasher()
MIN_LENGTH = 8


def hash_password(password: str) -> str:
    """Return the argon2id hash of ``password`` (salted; the text never reaches the store)."""
    if len(password) < MIN_LENGTH:
        raise InputError(f"密码至少 {MIN_LENGTH} 个字符", f"a password needs at least {MIN_LENGTH} characters",
                         fix="换一个更长的密码")
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """True when ``password`` matches ``password_hash``."""
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


@functools.cache
def dummy_hash() -> str:
    """A hash of a random text nobody knows, checked in place of a missing account's."""
    return _hasher.hash(secrets.token_urlsafe(32))


class PasswordChecks:
    """Verify passwords, at most ``concurrent`` at a time; a caller waits ``wait`` seconds for a slot.

    The server queues logins with :meth:`turn` on the event loop, so a waiting login holds no worker
    thread (a hundred logins at once do not starve the other requests); :meth:`verify` bounds the
    checks themselves for any caller.
    """

    def __init__(self, concurrent: int = 2, wait: float = 10.0) -> None:
        self.concurrent = max(1, concurrent)
        self._slots = threading.BoundedSemaphore(self.concurrent)
        self._turns: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Semaphore] = (
            weakref.WeakKeyDictionary())  # one per event loop (a server has one; test clients make several)
        self.wait = wait

    @asynccontextmanager
    async def turn(self) -> AsyncIterator[None]:
        """Wait (without a thread) until one of the ``concurrent`` turns is free; 429 after ``wait`` s."""
        turns = self._turns.setdefault(asyncio.get_running_loop(), asyncio.Semaphore(self.concurrent))
        try:
            await asyncio.wait_for(turns.acquire(), self.wait)
        except TimeoutError:
            raise _busy() from None
        try:
            yield
        finally:
            turns.release()

    def verify(self, password_hash: str | None, password: str) -> bool:
        """True when ``password`` matches; a missing hash (no such account) costs the same and is False."""
        if not self._slots.acquire(timeout=self.wait):
            raise _busy()
        try:
            if password_hash is None:
                verify_password(dummy_hash(), password)
                return False
            return verify_password(password_hash, password)
        finally:
            self._slots.release()


def _busy() -> TooManyAttempts:
    return TooManyAttempts("登录人数过多，服务器繁忙，请稍后再试", "too many logins at once; retry shortly",
                           fix="几秒后再试", details={"retry_after": 5})
