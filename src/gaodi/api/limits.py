"""Bounds on one request's work: a time budget that interrupts its store queries, and body size limits.

The time budget: each request's workspace lease (``deps._gaodi``) starts a timer; when the budget
(``request_seconds``, ``import_seconds`` for uploads) runs out, the request's own DuckDB connection is
interrupted, the query stops at once and the request is answered 503 (:class:`OverBudget`). Other
requests run on other connections and are not touched.

Bodies: a request whose body is larger than its limit is answered 413 before or while it is read
(``max_upload_mb`` for multipart uploads, ``max_json_kb`` for any other body). An upload is only read
after its bearer token has been checked, so an anonymous client cannot make the server spool a file.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from fastapi.security import HTTPAuthorizationCredentials
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gaodi.errors import GaodiError

LONG_WORK = ("/api/imports/", "/api/problems/batch")
"""Paths of uploads: they get ``import_seconds`` (a large import takes minutes), not ``request_seconds``."""


@dataclass
class OverBudget(GaodiError):
    """The request ran out of its time budget; its queries were stopped."""

    code: str = "over_budget"
    http_status: int = 503


@dataclass
class BodyTooLarge(GaodiError):
    """The request body exceeds its configured size limit."""

    code: str = "body_too_large"
    http_status: int = 413


def over_budget(seconds: float) -> OverBudget:
    return OverBudget(
        f"请求超过 {seconds:g} 秒的处理时限，已停止计算", f"the request exceeded its {seconds:g} s budget and was stopped",
        fix="缩小查询范围（统计期、地区、分组）后重试；管理员可调整设置 GAODI_API_REQUEST_SECONDS",
        details={"budget_seconds": seconds, "retry_after": 5})


@dataclass
class RequestBudget:
    """Calls ``interrupt`` (the request's ``Gaodi.interrupt``) when ``seconds`` pass before :meth:`end`."""

    interrupt: Callable[[], None]
    seconds: float
    fired: bool = False
    _done: bool = False
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _timer: threading.Timer | None = None

    def start(self) -> RequestBudget:
        self._timer = threading.Timer(self.seconds, self._interrupt)
        self._timer.daemon = True
        self._timer.start()
        return self

    def _interrupt(self) -> None:
        with self._lock:
            if self._done:
                return
            self.fired = True
            self.interrupt()

    def end(self) -> None:
        """Stop the timer; after this the connection is never interrupted on this request's behalf."""
        with self._lock:
            self._done = True
        if self._timer is not None:
            self._timer.cancel()


def budget_for(path: str, method: str, request_seconds: float, import_seconds: float) -> float:
    return import_seconds if method == "POST" and path.startswith(LONG_WORK) else request_seconds


class _Oversize(HTTPException):
    """Raised from ``receive`` when a streamed body passes its limit (see ``errors.http_error``)."""

    def __init__(self, error: BodyTooLarge) -> None:
        super().__init__(error.http_status, error.message)
        self.error = error


def too_large(limit: int, upload: bool) -> BodyTooLarge:
    size = f"{limit // (1 << 20)} MB" if upload else f"{limit // 1024} KB"
    setting = "GAODI_API_MAX_UPLOAD_MB" if upload else "GAODI_API_MAX_JSON_KB"
    return BodyTooLarge(f"请求内容超过 {size} 的上限", f"the request body exceeds the {size} limit",
                        fix=("大文件请分成几个上传，或在服务器上用命令行导入；" if upload else "")
                        + f"管理员可调整设置 {setting}", details={"limit_bytes": limit, "setting": setting})


class BodyLimit:
    """ASGI middleware: body size limits, and the bearer token checked before an upload is read."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS", "DELETE"):
            await self.app(scope, receive, send)
            return
        app_state = scope["app"].state
        settings = app_state.settings
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        upload = headers.get("content-type", "").lower().startswith("multipart/")
        limit = settings.max_upload_mb * (1 << 20) if upload else settings.max_json_kb * 1024
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > limit:
            await _reply(scope, receive, send, too_large(limit, upload))
            return
        if upload:
            refused = await run_in_threadpool(_refuse_anonymous, app_state, headers.get("authorization", ""))
            if refused is not None:
                await _reply(scope, receive, send, refused)
                return
        await self.app(scope, _counting(receive, limit, upload), send)


def _counting(receive: Receive, limit: int, upload: bool) -> Receive:
    seen = 0

    async def counted() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise _Oversize(too_large(limit, upload))
        return message
    return counted


def _refuse_anonymous(app_state, authorization: str) -> GaodiError | None:
    """The error of an upload without a valid token (the same check as every route's), else None."""
    from gaodi.api.deps import authenticate  # the routes' own check, so both stay one definition

    scheme, _, token = authorization.partition(" ")
    credentials = HTTPAuthorizationCredentials(scheme=scheme, credentials=token.strip()) \
        if scheme.lower() == "bearer" and token.strip() else None
    pool = app_state.workspaces
    g = pool.acquire()
    try:
        authenticate(g, app_state.settings, app_state.secret, credentials)
    except GaodiError as exc:
        return exc
    finally:
        pool.release(g)
    return None


async def _reply(scope: Scope, receive: Receive, send: Send, error: GaodiError) -> None:
    from gaodi.api.errors import error_response

    response = error_response(error)
    response.headers["Connection"] = "close"
    await response(scope, receive, send)
