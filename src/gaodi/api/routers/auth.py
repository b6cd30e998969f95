"""Log in (a bearer token, rate-limited) and say who is logged in."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Request

from gaodi.access.accounts import authenticate
from gaodi.errors import NotAuthenticated
from gaodi.access.tokens import issue_token
from gaodi.api.deps import Client, CurrentUser, GaodiDep, SettingsDep
from gaodi.api.schemas import ERRORS, LoginRequest, TokenPublic, UserPublic
from gaodi.store import audit

router = APIRouter(prefix="/auth", tags=["登录 auth"], responses=ERRORS)


@router.post("/login", response_model=TokenPublic, summary="登录，取得令牌 (log in)")
def login(body: LoginRequest, request: Request, g: GaodiDep, settings: SettingsDep, client: Client) -> dict:
    limiter = request.app.state.limiter
    keys = (f"user:{body.username}", f"client:{client}")
    limiter.check(*keys)
    try:
        user = authenticate(g.store, body.username, body.password)
    except NotAuthenticated:
        limiter.failed(*keys)
        audit.record(g.store, body.username, "login_failed", None, None, client)
        raise
    limiter.succeeded(*keys)
    audit.record(g.store, user.username, "login", None, None, client)
    lifetime = dt.timedelta(minutes=settings.token_minutes)
    return {"access_token": issue_token(user.username, settings.secret_key, lifetime),
            "token_type": "bearer", "expires_in": int(lifetime.total_seconds()), "user": user.as_dict()}


@router.get("/me", response_model=UserPublic, summary="当前用户与数据范围 (who am I)")
def me(user: CurrentUser) -> dict:
    return user.as_dict()
