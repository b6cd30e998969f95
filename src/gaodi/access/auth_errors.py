"""The two errors of the platform's front door: not logged in (401) and too many attempts (429)."""

from __future__ import annotations

from dataclasses import dataclass

from gaodi.errors import GaodiError


@dataclass
class NotAuthenticated(GaodiError):
    """No valid credentials: a missing, expired or forged token, or a wrong password."""

    code: str = "unauthenticated"
    http_status: int = 401


@dataclass
class TooManyAttempts(GaodiError):
    """Login attempts exceeded the limit; ``details['retry_after']`` says how many seconds to wait."""

    code: str = "rate_limited"
    http_status: int = 429
