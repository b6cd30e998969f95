"""Signed access tokens: a JWT (RFC 7519, HS256) carrying the username, expiring after a while."""

from __future__ import annotations

import datetime as dt

import jwt

from gaodi.errors import NotAuthenticated

ALGORITHM = "HS256"


def issue_token(username: str, secret: str, lifetime: dt.timedelta, now: dt.datetime | None = None) -> str:
    """A token for ``username`` valid for ``lifetime`` from ``now``."""
    now = now or dt.datetime.now(dt.UTC)
    return jwt.encode({"sub": username, "iat": now, "exp": now + lifetime}, secret, algorithm=ALGORITHM)


def read_token(token: str, secret: str) -> str:
    """The username a valid token names; NotAuthenticated when it is expired or forged."""
    try:
        claims = jwt.decode(token, secret, algorithms=[ALGORITHM], options={"require": ["sub", "exp"]})
    except jwt.ExpiredSignatureError as exc:
        raise NotAuthenticated("登录已过期，请重新登录", "the session expired; log in again",
                               fix="重新登录") from exc
    except jwt.PyJWTError as exc:
        raise NotAuthenticated("登录凭据无效", "invalid credentials", fix="重新登录") from exc
    return str(claims["sub"])
