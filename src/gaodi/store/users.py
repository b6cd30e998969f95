"""User accounts in the store: the only place that writes SQL for the ``users`` table.

Passwords arrive here already hashed (``gaodi.access.passwords``); this module never sees plain text.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from gaodi.errors import ConflictError, NotFoundError
from gaodi.store.database import Store

COLUMNS = ("username", "display_name", "password_hash", "role", "scope_kind", "scope_value", "active",
           "created_at", "demo", "must_change_password", "token_version")


def add_user(store: Store, username: str, display_name: str | None, password_hash: str, role: str,
             scope_kind: str, scope_value: str | None, *, replace: bool = False,
             demo: bool = False) -> dict[str, Any]:
    """Insert one account (or replace it when ``replace``); raise ConflictError on a taken name.

    A replaced account keeps its token version, raised by one, so its old tokens stop working.
    """
    with store.transaction():
        old = store.con.execute("SELECT token_version FROM users WHERE username = ?", [username]).fetchall()
        if old and not replace:
            raise ConflictError(f"用户名 {username} 已存在", f"user {username} already exists",
                                fix="换一个用户名，或先停用旧账户")
        version = (old[0][0] or 0) + 1 if old else 0
        store.con.execute("DELETE FROM users WHERE username = ?", [username])
        store.con.execute(
            "INSERT INTO users (username, display_name, password_hash, role, scope_kind, scope_value, active, "
            "created_at, demo, must_change_password, token_version) VALUES (?, ?, ?, ?, ?, ?, TRUE, ?, ?, FALSE, ?)",
            [username, display_name, password_hash, role, scope_kind, scope_value, dt.datetime.now(), demo,
             version])
    return get_user(store, username)


def find_user(store: Store, username: str) -> dict[str, Any] | None:
    """The account named ``username`` with its password hash, or None."""
    rows = store.con.execute(f"SELECT {', '.join(COLUMNS)} FROM users WHERE username = ?", [username]).fetchall()
    return dict(zip(COLUMNS, rows[0])) if rows else None


def get_user(store: Store, username: str) -> dict[str, Any]:
    user = find_user(store, username)
    if user is None:
        raise NotFoundError(f"没有用户 {username}", f"no user {username}", fix="用 gaodi users list 查看账户")
    return user


def list_users(store: Store) -> list[dict[str, Any]]:
    """Every account, without password hashes nor token versions, ordered by name."""
    cols = [c for c in COLUMNS if c not in ("password_hash", "token_version")]
    rows = store.con.execute(f"SELECT {', '.join(cols)} FROM users ORDER BY username").fetchall()
    return [dict(zip(cols, r)) for r in rows]


def set_active(store: Store, username: str, active: bool) -> dict[str, Any]:
    """Enable or disable an account; disabling also raises its token version."""
    get_user(store, username)
    with store.transaction():
        store.con.execute("UPDATE users SET active = ?, token_version = token_version + ? WHERE username = ?",
                          [active, 0 if active else 1, username])
    return get_user(store, username)


def set_password_hash(store: Store, username: str, password_hash: str, *,
                      must_change: bool = False) -> dict[str, Any]:
    """Store a new password hash; every token issued before stops working (token version + 1)."""
    get_user(store, username)
    with store.transaction():
        store.con.execute(
            "UPDATE users SET password_hash = ?, must_change_password = ?, token_version = token_version + 1 "
            "WHERE username = ?", [password_hash, must_change, username])
    return get_user(store, username)


def revoke_tokens(store: Store, username: str) -> dict[str, Any]:
    """Raise the account's token version so that every token issued so far is refused."""
    get_user(store, username)
    with store.transaction():
        store.con.execute("UPDATE users SET token_version = token_version + 1 WHERE username = ?", [username])
    return get_user(store, username)
