"""Signed access tokens: a JWT (RFC 7519, HS256) carrying the username and the account's token version.

An account's token version goes up when an administrator revokes its tokens or resets its password,
and when its owner changes the password; a token carrying an older version is refused from then on.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import jwt

from gaodi.errors import NotAuthenticated

ALGORITHM = "HS256"


@dataclass(frozen=True)
class TokenClaims:
    username: str
    version: int


def issue_token(username: str, version: int, secret: str, lifetime: dt.timedelta,
                now: dt.datetime | None = None) -> str:
    """A token for ``username`` at token ``version``, valid for ``lifetime`` from ``now``."""
    now = now or dt.datetime.now(dt.UTC)
    return jwt.encode({"sub": username, "ver": version, "iat": now, "exp": now + lifetime}, secret,
                      algorithm=ALGORITHM)


def read_token(token: str, secret: str) -> TokenClaims:
    """The username and version a valid token names; NotAuthenticated when it is expired or forged."""
    try:
        claims = jwt.decode(token, secret, algorithms=[ALGORITHM], options={"require": ["sub", "exp", "ver"]})
    except jwt.ExpiredSignatureError as exc:
        raise NotAuthenticated("登录已过期，请重新登录", "the session expired; log in again",
                               fix="重新登录") from exc
    except jwt.PyJWTError as exc:
        raise NotAuthenticated("登录凭据无效", "invalid credentials", fix="重新登录") from exc
    if not isinstance(claims["ver"], int):
        raise NotAuthenticated("登录凭据无效", "invalid credentials", fix="重新登录")
    return TokenClaims(str(claims["sub"]), claims["ver"])
