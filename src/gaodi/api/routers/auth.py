"""Log in (a bearer token; attempts limited per address and account), say who is logged in, change one's password."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Request

from gaodi.access.accounts import User, authenticate, change_password
from gaodi.access.tokens import issue_token
from gaodi.api.deps import Client, GaodiDep, LoggedIn, SettingsDep
from gaodi.api.schemas import ERRORS, LoginRequest, PasswordChange, TokenPublic, UserPublic
from gaodi.api.settings import ApiSettings
from gaodi.errors import NotAuthenticated
from gaodi.store import audit

router = APIRouter(prefix="/auth", tags=["登录 auth"], responses=ERRORS)


@router.post("/login", response_model=TokenPublic, summary="登录，取得令牌 (log in)")
def login(body: LoginRequest, request: Request, g: GaodiDep, settings: SettingsDep, client: Client) -> dict:
    try:
        with request.app.state.limiter.attempt(client, body.username):
            user = authenticate(g.store, body.username, body.password, production=settings.production,
                                checks=request.app.state.password_checks)
    except NotAuthenticated:
        audit.record(g.store, body.username, "login_failed", None, None, client)
        raise
    audit.record(g.store, user.username, "login", None, None, client)
    return _token(user, request.app.state.secret, settings)


@router.get("/me", response_model=UserPublic, summary="当前用户与数据范围 (who am I)")
def me(user: LoggedIn) -> dict:
    return user.as_dict()


@router.post("/password", response_model=TokenPublic,
             summary="修改自己的密码，旧令牌作废，返回新令牌 (change my password)")
def password(body: PasswordChange, request: Request, user: LoggedIn, g: GaodiDep, settings: SettingsDep,
             client: Client) -> dict:
    try:
        with request.app.state.limiter.attempt(client, user.username):
            changed = change_password(g.store, user.username, body.current_password, body.new_password,
                                      checks=request.app.state.password_checks)
    except NotAuthenticated:
        audit.record(g.store, user.username, "password_change_failed", f"user:{user.username}", None, client)
        raise
    audit.record(g.store, user.username, "change_password", f"user:{user.username}", None, client)
    return _token(changed, request.app.state.secret, settings)


def _token(user: User, secret: str, settings: ApiSettings) -> dict:
    lifetime = dt.timedelta(minutes=settings.token_minutes)
    return {"access_token": issue_token(user.username, user.token_version, secret, lifetime),
            "token_type": "bearer", "expires_in": int(lifetime.total_seconds()), "user": user.as_dict()}
