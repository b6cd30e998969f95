"""The in-app inbox in the store: the only place that writes SQL for ``notifications`` and ``users.email``."""

from __future__ import annotations

import datetime as dt
from typing import Any

from gaodi.errors import NotFoundError
from gaodi.store.database import Store

_COLUMNS = ("notification_id", "username", "task_id", "kind", "message", "message_en", "marker", "created_at",
            "read_at", "email_status")


def accounts(store: Store) -> list[dict[str, Any]]:
    """Active accounts with their role, scope and e-mail address."""
    cur = store.con.execute("SELECT username, role, scope_kind, scope_value, email FROM users WHERE active "
                            "ORDER BY username")
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def set_email(store: Store, username: str, email: str | None) -> None:
    with store.transaction():
        if not store.con.execute("SELECT count(*) FROM users WHERE username = ?", [username]).fetchall()[0][0]:
            raise NotFoundError(f"没有用户 {username}", f"no user {username}", fix="用 gaodi users list 查看账户")
        store.con.execute("UPDATE users SET email = ? WHERE username = ?", [email, username])


def add(store: Store, username: str, task_id: str | None, kind: str, message: str, message_en: str,
        marker: str | None = None) -> int:
    """Append one notification (inside the caller's transaction); return its id."""
    return store.con.execute(
        "INSERT INTO notifications (username, task_id, kind, message, message_en, marker, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING notification_id",
        [username, task_id, kind, message, message_en, marker, dt.datetime.now()]).fetchall()[0][0]


def has_marker(store: Store, task_id: str, kind: str, marker: str) -> bool:
    return store.con.execute("SELECT count(*) FROM notifications WHERE task_id = ? AND kind = ? AND marker = ?",
                             [task_id, kind, marker]).fetchall()[0][0] > 0


def set_email_status(store: Store, ids: list[int], status: str) -> None:
    if ids:
        with store.transaction():
            store.con.execute(f"UPDATE notifications SET email_status = ? WHERE notification_id IN "
                              f"({', '.join('?' * len(ids))})", [status, *ids])


def inbox(store: Store, username: str, *, unread_only: bool = False, limit: int = 50,
          offset: int = 0) -> tuple[int, int, list[dict[str, Any]]]:
    """(total, unread, one page newest first) of the user's notifications."""
    total, unread = store.con.execute("SELECT count(*), count(*) FILTER (WHERE read_at IS NULL) FROM notifications "
                                      "WHERE username = ?", [username]).fetchall()[0]
    extra = " AND read_at IS NULL" if unread_only else ""
    rows = store.con.execute(f"SELECT {', '.join(_COLUMNS)} FROM notifications WHERE username = ?{extra} "
                             "ORDER BY notification_id DESC LIMIT ? OFFSET ?", [username, limit, offset]).fetchall()
    return total, unread, [dict(zip(_COLUMNS, r)) for r in rows]


def mark_read(store: Store, username: str, ids: list[int] | None) -> int:
    """Mark the user's notifications read (all unread ones when ``ids`` is None); return how many changed."""
    with store.transaction():
        where, args = "username = ? AND read_at IS NULL", [dt.datetime.now(), username]
        if ids is not None:
            if not ids:
                return 0
            where += f" AND notification_id IN ({', '.join('?' * len(ids))})"
            args += list(ids)
        count = store.con.execute(f"SELECT count(*) FROM notifications WHERE {where}", args[1:]).fetchall()[0][0]
        store.con.execute(f"UPDATE notifications SET read_at = ? WHERE {where}", args)
    return count
