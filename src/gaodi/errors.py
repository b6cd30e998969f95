"""The one exception hierarchy of gaodi.

Every error a user can meet is a :class:`GaodiError` with a stable ``code``, a message in Chinese
(with English beside it) that says what went wrong, where (file, sheet, row, column) and how to fix it.
The edges (CLI, REST API) translate these once; domain code never prints or exits.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Location:
    """Where in the user's input a problem sits; every part is optional."""

    file: str | None = None
    sheet: str | None = None
    row: int | None = None
    column: str | None = None

    def describe(self) -> str:
        parts = []
        if self.file:
            parts.append(f"文件 {self.file}")
        if self.sheet:
            parts.append(f"工作表 {self.sheet}")
        if self.row is not None:
            parts.append(f"第 {self.row} 行")
        if self.column:
            parts.append(f"列 {self.column}")
        return "，".join(parts)

    def as_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v is not None}


@dataclass
class GaodiError(Exception):
    """Root of every error gaodi raises on purpose.

    ``message`` is the Chinese text shown to users, ``message_en`` its English twin,
    ``fix`` says what to do about it, ``code`` is stable and documented.
    """

    message: str
    message_en: str = ""
    fix: str = ""
    location: Location = field(default_factory=Location)
    details: dict[str, Any] = field(default_factory=dict)
    code: str = "gaodi_error"
    http_status: int = 500

    def __post_init__(self) -> None:
        super().__init__(self.message)

    def __str__(self) -> str:
        where = self.location.describe()
        text = f"{where}：{self.message}" if where else self.message
        if self.fix:
            text += f"（处理办法：{self.fix}）"
        return text

    def as_dict(self) -> dict[str, Any]:
        """The one JSON shape of an error, shared by the CLI's --json and the REST API."""
        return {
            "error": {
                "code": self.code,
                "message": self.message,
                "message_en": self.message_en,
                "fix": self.fix,
                "location": self.location.as_dict(),
                "details": self.details,
            }
        }


@dataclass
class InputError(GaodiError):
    """The user's input (file, option, rule file) is malformed or invalid."""

    code: str = "bad_input"
    http_status: int = 400


@dataclass
class ValidationFailed(InputError):
    """An import found invalid rows; the store was left unchanged. ``details`` carries the report."""

    code: str = "validation_failed"
    http_status: int = 422


@dataclass
class DataQualityError(GaodiError):
    """The stored data cannot support a computation (missing periods, inconsistent totals)."""

    code: str = "data_quality"
    http_status: int = 422


@dataclass
class ConfigurationError(GaodiError):
    """Settings or rule sets are wrong or unsafe."""

    code: str = "configuration"
    http_status: int = 500


@dataclass
class NotFoundError(GaodiError):
    """A named thing (enterprise, code, plan, rule set) does not exist."""

    code: str = "not_found"
    http_status: int = 404


@dataclass
class ForbiddenError(GaodiError):
    """The user's role does not reach the data asked for."""

    code: str = "forbidden"
    http_status: int = 403


@dataclass
class ConflictError(GaodiError):
    """The request contradicts the current state (an illegal workflow transition, a duplicate)."""

    code: str = "conflict"
    http_status: int = 409


@dataclass
class EngineError(GaodiError):
    """A compute engine is missing or failed (e.g. Spark without Java)."""

    code: str = "engine"
    http_status: int = 500


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
