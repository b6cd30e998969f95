"""The dependencies of the routes, as ``Annotated`` aliases so that a route signature reads as prose.

Dependencies that do no I/O are ``async`` so that FastAPI runs them on the event loop instead of
handing each to the thread pool; those that read the store stay synchronous.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Literal

from fastapi import Depends, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from gaodi.access.accounts import User, require_password_changed
from gaodi.errors import ForbiddenError, GaodiError, InputError, Location, NotAuthenticated, NotFoundError
from gaodi.access.roles import require
from gaodi.access.scope import Scope
from gaodi.access.tokens import read_token
from gaodi.api.cache import RequestCache
from gaodi.api.limits import RequestBudget, budget_for, over_budget
from gaodi.api.client_address import client_address
from gaodi.api.settings import ApiSettings
from gaodi.core import Gaodi
from gaodi.directory.paging import MAX_PAGE_SIZE, PageRequest

_bearer = HTTPBearer(auto_error=False, description="POST /api/auth/login 得到的令牌 (the login token)")


def _gaodi(request: Request) -> Iterator[Gaodi]:
    """The request's workspace, on its own connection, interrupted when the time budget runs out."""
    pool, settings = request.app.state.workspaces, request.app.state.settings
    g = pool.acquire()
    seconds = budget_for(request.url.path, request.method, settings.request_seconds, settings.import_seconds)
    budget = RequestBudget(g.interrupt, seconds).start()
    try:
        yield g
    except Exception as exc:
        if budget.fired:
            raise over_budget(seconds) from exc
        if isinstance(exc, (ForbiddenError, NotFoundError)) and request.method == "GET":
            _audit_refusal(g, settings, request, exc)
        raise
    finally:
        budget.end()
        pool.release(g)


def _audit_refusal(g: Gaodi, settings: ApiSettings, request: Request, exc: GaodiError) -> None:
    """Record a refused read (403, 404) of a logged-in user: probing for data out of scope leaves a trace."""
    _, _, token = request.headers.get("authorization", "").partition(" ")
    try:
        if not token.strip():
            return
        user = authenticate(g, settings, request.app.state.secret,
                            HTTPAuthorizationCredentials(scheme="Bearer", credentials=token.strip()))
    except GaodiError:
        return  # no valid token: the request was refused as unauthenticated before reading anything
    client = request.client.host if request.client else "unknown"
    g.audit.record(user.username, "refused_read", request.url.path[:300],
                   f"status={exc.http_status} code={exc.code}", client)


async def _settings(request: Request) -> ApiSettings:
    return request.app.state.settings


async def _cache(request: Request, g: Annotated[Gaodi, Depends(_gaodi)]) -> RequestCache:
    return RequestCache(request.app.state.cache, g.data_version)


async def _client(request: Request) -> str:
    return client_address(request.client.host if request.client else None,
                          request.headers.get("x-forwarded-for"), request.app.state.proxies)


GaodiDep = Annotated[Gaodi, Depends(_gaodi)]
SettingsDep = Annotated[ApiSettings, Depends(_settings)]
CacheDep = Annotated[RequestCache, Depends(_cache)]
Client = Annotated[str, Depends(_client)]


def authenticate(g: Gaodi, settings: ApiSettings, secret: str,
                 credentials: HTTPAuthorizationCredentials | None) -> User:
    """The account a bearer token names (NotAuthenticated when missing, forged, expired or revoked): the one
    check of every route, of the upload guard that runs before a body is read, and of the refused-read audit."""
    if credentials is None:
        raise NotAuthenticated("请先登录", "log in first", fix="POST /api/auth/login 取得令牌后放在 Authorization 头中")
    claims = read_token(credentials.credentials, secret)
    return g.users.from_token(claims, production=settings.production)


def _logged_in(request: Request, g: GaodiDep, settings: SettingsDep,
               credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]) -> User:
    return authenticate(g, settings, request.app.state.secret, credentials)


LoggedIn = Annotated[User, Depends(_logged_in)]
"""A valid token, even one whose owner must still change the password an administrator set."""


async def _current_user(user: LoggedIn) -> User:
    require_password_changed(user)
    return user


CurrentUser = Annotated[User, Depends(_current_user)]


async def _scope(user: CurrentUser) -> Scope:
    return user.scope


UserScope = Annotated[Scope, Depends(_scope)]


def _may(action: str):
    async def check(user: CurrentUser) -> User:
        require(user.role, action)
        return user
    return check


Importer = Annotated[User, Depends(_may("import"))]
Admin = Annotated[User, Depends(_may("manage_users"))]
AuditReader = Annotated[User, Depends(_may("read_audit"))]


MAX_PAGE = 10_000
"""Pages past this are refused: a list that long is exported (format=csv/xlsx), not paged through."""


async def _paging(page: Annotated[int, Query(ge=1, le=MAX_PAGE, description="页码，从 1 开始 (page, 1-based)")] = 1,
            page_size: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description="每页行数 (rows per page)")] = 20,
            ) -> PageRequest:
    return PageRequest(page, page_size)


Paging = Annotated[PageRequest, Depends(_paging)]
Format = Annotated[Literal["json", "csv", "xlsx"], Query(
    alias="format", description="json（分页）或 csv / xlsx（整表导出）(page as JSON, or export the whole list)")]
Year = Annotated[int | None, Query(description="统计年度，默认库中最新年 (statistics year; default the latest)")]


def _data_year(g: GaodiDep, cache: CacheDep, year: Year = None) -> int:
    return cache.get(("year", year), lambda: g.directory.year(year))


DataYear = Annotated[int, Depends(_data_year)]
"""The year asked for, checked against the store, or the latest year with annual statistics."""

StatPeriodQ = Annotated[str | None, Query(max_length=7, description="2025（年度）或 2026-10（1-10月累计）；默认最新")]


def _stat_period(g: GaodiDep, cache: CacheDep, period: StatPeriodQ = None) -> str:
    return cache.get(("stat-period", period), lambda: g.directory.period(period))


StatPeriod = Annotated[str, Depends(_stat_period)]
"""The statistics period asked for, refused (400, naming the periods there are) when the store has none
of it: a period without data would cost a full computation for nothing; default the latest."""


def choices(text: str | None, param: str, allowed: dict[str, str], default: tuple[str, ...] = ()
            ) -> tuple[str, ...]:
    """A comma-separated list parameter (``by=segment,city``) as a tuple: each item known, each once.

    ``allowed`` maps each item to its Chinese name; an unknown item is a 400 naming the choices.
    Duplicates are dropped (``city,city`` is ``city``), so the list is never longer than ``allowed``.
    """
    items = tuple(dict.fromkeys(t.strip() for t in (text or "").replace("，", ",").split(",") if t.strip()))
    unknown = [t for t in items if t not in allowed]
    if unknown:
        listed = "、".join(f"{k}（{v}）" for k, v in allowed.items())
        raise InputError(f"参数 {param} 不认识：{'、'.join(unknown[:5])}", f"unknown {param}: {unknown[:5]}",
                         fix=f"可选：{listed}，用逗号组合", location=Location(column=param),
                         details={"allowed": list(allowed)})
    return items or default


@dataclass
class Auditor:
    """Writes the caller's audit entries: every write and every read of confidential data."""

    g: Gaodi
    user: User
    client: str

    def __call__(self, action: str, resource: str | None = None, detail: str | None = None) -> None:
        self.g.audit.record(self.user.username, action, resource, detail, self.client)


async def _auditor(g: GaodiDep, user: CurrentUser, client: Client) -> Auditor:
    return Auditor(g, user, client)


Audit = Annotated[Auditor, Depends(_auditor)]
