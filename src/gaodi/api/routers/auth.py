"""Log in (a bearer token; attempts limited per address and account), say who is logged in, change one's password."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool

from gaodi.access.accounts import User
from gaodi.access.tokens import issue_token
from gaodi.api.deps import Client, GaodiDep, LoggedIn, SettingsDep
from gaodi.api.schemas import ERRORS, LoginRequest, PasswordChange, TokenPublic, UserPublic
from gaodi.api.settings import ApiSettings
from gaodi.errors import NotAuthenticated

router = APIRouter(prefix="/auth", tags=["登录 auth"], responses=ERRORS)


@router.post("/login", response_model=TokenPublic, summary="登录，取得令牌 (log in)")
async def login(body: LoginRequest, request: Request, g: GaodiDep, settings: SettingsDep, client: Client) -> dict:
    state = request.app.state
    try:
        with state.limiter.attempt(client, body.username):
            async with state.password_checks.turn():  # queued on the event loop, not in a worker thread
                user = await run_in_threadpool(g.users.log_in, body.username, body.password,
                                               production=settings.production, checks=state.password_checks)
    except NotAuthenticated:
        await run_in_threadpool(g.audit.record, body.username, "login_failed", None, None, client)
        raise
    await run_in_threadpool(g.audit.record, user.username, "login", None, None, client)
    return await run_in_threadpool(_token, user, state.secret, settings, g)  # names the scope from the store


@router.get("/me", response_model=UserPublic, summary="当前用户与数据范围 (who am I)")
def me(user: LoggedIn, g: GaodiDep) -> dict:
    return g.users.public(user)


@router.post("/password", response_model=TokenPublic,
             summary="修改自己的密码，旧令牌作废，返回新令牌 (change my password)")
async def password(body: PasswordChange, request: Request, user: LoggedIn, g: GaodiDep, settings: SettingsDep,
                   client: Client) -> dict:
    state, resource = request.app.state, f"user:{user.username}"
    try:
        with state.limiter.attempt(client, user.username):
            async with state.password_checks.turn():
                changed = await run_in_threadpool(g.users.change_password, user.username, body.current_password,
                                                  body.new_password, checks=state.password_checks)
    except NotAuthenticated:
        await run_in_threadpool(g.audit.record, user.username, "password_change_failed", resource, None,
                                client)
        raise
    await run_in_threadpool(g.audit.record, user.username, "change_password", resource, None, client)
    return await run_in_threadpool(_token, changed, state.secret, settings, g)


def _token(user: User, secret: str, settings: ApiSettings, g) -> dict:
    lifetime = dt.timedelta(minutes=settings.token_minutes)
    return {"access_token": issue_token(user.username, user.token_version, secret, lifetime),
            "token_type": "bearer", "expires_in": int(lifetime.total_seconds()), "user": g.users.public(user)}
