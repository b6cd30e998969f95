"""The audit log in the store: every write, and every read of an enterprise's confidential data.

Rows are only ever appended; nothing in gaodi updates or deletes them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from gaodi.store.database import Store

COLUMNS = ("audit_id", "occurred_at", "username", "action", "resource", "detail", "client")


def record(store: Store, username: str | None, action: str, resource: str | None = None,
           detail: str | None = None, client: str | None = None) -> None:
    """Append one entry; ``action`` is a verb such as ``read_enterprise`` or ``import``."""
    with store.transaction(exclusive=False):  # an append: it never conflicts, so it never waits
        store.con.execute(
            "INSERT INTO audit_log (occurred_at, username, action, resource, detail, client) "
            "VALUES (?, ?, ?, ?, ?, ?)", [dt.datetime.now(), username, action, resource, detail, client])


def entries(store: Store, *, username: str | None = None, action: str | None = None,
            limit: int = 50, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """The newest entries first, optionally for one user or one action; returns (total, rows)."""
    where, args = [], []
    if username:
        where.append("username = ?")
        args.append(username)
    if action:
        where.append("action = ?")
        args.append(action)
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    cur = store.con
    total = cur.execute(f"SELECT count(*) FROM audit_log{clause}", args).fetchall()[0][0]
    rows = cur.execute(f"SELECT {', '.join(COLUMNS)} FROM audit_log{clause} "
                       "ORDER BY audit_id DESC LIMIT ? OFFSET ?", [*args, limit, offset]).fetchall()
    return total, [dict(zip(COLUMNS, r)) for r in rows]
