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

from gaodi.access.accounts import User, load_user, require_password_changed
from gaodi.errors import NotAuthenticated
from gaodi.access.roles import require
from gaodi.access.scope import Scope
from gaodi.access.tokens import read_token
from gaodi.api.cache import StoreCache
from gaodi.api.client_address import client_address
from gaodi.api.settings import ApiSettings
from gaodi.core import Gaodi
from gaodi.directory.paging import PageRequest
from gaodi.directory.regions import resolve_year
from gaodi.store import audit

_bearer = HTTPBearer(auto_error=False, description="POST /api/auth/login 得到的令牌 (the login token)")


def _gaodi(request: Request) -> Iterator[Gaodi]:
    pool = request.app.state.workspaces
    g = pool.acquire()
    try:
        yield g
    finally:
        pool.release(g)


async def _settings(request: Request) -> ApiSettings:
    return request.app.state.settings


async def _cache(request: Request, g: Annotated[Gaodi, Depends(_gaodi)]) -> StoreCache:
    return StoreCache(request.app.state.cache, g.store)


async def _client(request: Request) -> str:
    return client_address(request.client.host if request.client else None,
                          request.headers.get("x-forwarded-for"), request.app.state.proxies)


GaodiDep = Annotated[Gaodi, Depends(_gaodi)]
SettingsDep = Annotated[ApiSettings, Depends(_settings)]
CacheDep = Annotated[StoreCache, Depends(_cache)]
Client = Annotated[str, Depends(_client)]


def _logged_in(request: Request, g: GaodiDep, settings: SettingsDep,
               credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]) -> User:
    if credentials is None:
        raise NotAuthenticated("请先登录", "log in first", fix="POST /api/auth/login 取得令牌后放在 Authorization 头中")
    claims = read_token(credentials.credentials, request.app.state.secret)
    return load_user(g.store, claims, production=settings.production)


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


async def _paging(page: Annotated[int, Query(ge=1, description="页码，从 1 开始 (page, 1-based)")] = 1,
            page_size: Annotated[int, Query(ge=1, le=500, description="每页行数 (rows per page)")] = 20,
            ) -> PageRequest:
    return PageRequest(page, page_size)


Paging = Annotated[PageRequest, Depends(_paging)]
Format = Annotated[Literal["json", "csv", "xlsx"], Query(
    alias="format", description="json（分页）或 csv / xlsx（整表导出）(page as JSON, or export the whole list)")]
Year = Annotated[int | None, Query(description="统计年度，默认库中最新年 (statistics year; default the latest)")]


def _data_year(g: GaodiDep, cache: CacheDep, year: Year = None) -> int:
    return cache.get(("year", year), lambda: resolve_year(g.store, year))


DataYear = Annotated[int, Depends(_data_year)]
"""The year asked for, checked against the store, or the latest year with annual statistics."""


@dataclass
class Auditor:
    """Writes the caller's audit entries: every write and every read of confidential data."""

    g: Gaodi
    user: User
    client: str

    def __call__(self, action: str, resource: str | None = None, detail: str | None = None) -> None:
        audit.record(self.g.store, self.user.username, action, resource, detail, self.client)


async def _auditor(g: GaodiDep, user: CurrentUser, client: Client) -> Auditor:
    return Auditor(g, user, client)


Audit = Annotated[Auditor, Depends(_auditor)]
