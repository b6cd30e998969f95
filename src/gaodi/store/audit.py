"""The audit log in the store: every write, every read of an enterprise's confidential data, every refusal.

Rows are only ever appended; nothing in gaodi updates or deletes them (the one exception is the
one-time sealing of a workspace made before sealing, :func:`gaodi.store.sealing.seal_existing`).
With the workspace's sealing key the log is a hash chain: each entry stores ``prev_mac``, the MAC of
the entry before it (64 zeros for the first), and ``mac`` = HMAC-SHA256 under the key of its own fields
and ``prev_mac``. :func:`verify` walks the chain: an edited, inserted or deleted entry breaks it, and
nobody without the key (which never enters the database) can mend it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import threading
from typing import Any

from gaodi.store.database import Store

COLUMNS = ("audit_id", "occurred_at", "username", "action", "resource", "detail", "client")
GENESIS = "0" * 64
_append = threading.Lock()  # reading the head and appending after it must not interleave


def mac(key: bytes, row: dict[str, Any], prev_mac: str) -> str:
    """HMAC-SHA256 (hex) of an entry's fields and the MAC before it, as canonical JSON."""
    at = row["occurred_at"]
    fields = [row["audit_id"], at.isoformat() if isinstance(at, dt.datetime) else at, row["username"],
              row["action"], row["resource"], row["detail"], row["client"], prev_mac]
    text = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
    return hmac.new(key, text.encode("utf-8"), hashlib.sha256).hexdigest()


def record(store: Store, username: str | None, action: str, resource: str | None = None,
           detail: str | None = None, client: str | None = None) -> None:
    """Append one entry; ``action`` is a verb such as ``read_enterprise`` or ``import``."""
    key = store.sealing_key
    with _append, store.transaction(exclusive=False):  # an append never conflicts: it does not wait for imports
        audit_id = store.con.execute("SELECT nextval('audit_seq')").fetchall()[0][0]
        row = {"audit_id": audit_id, "occurred_at": dt.datetime.now(), "username": username, "action": action,
               "resource": resource, "detail": detail, "client": client}
        prev = _head(store) if key else None
        sealed = mac(key, row, prev) if key else None
        store.con.execute(
            "INSERT INTO audit_log (audit_id, occurred_at, username, action, resource, detail, client, prev_mac, mac) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", [*row.values(), prev, sealed])


def _head(store: Store) -> str:
    rows = store.con.execute("SELECT mac FROM audit_log ORDER BY audit_id DESC LIMIT 1").fetchall()
    return rows[0][0] if rows and rows[0][0] else GENESIS


def has_action(store: Store, action: str) -> bool:
    return store.con.execute("SELECT count(*) FROM audit_log WHERE action = ?", [action]).fetchall()[0][0] > 0


def reseal(store: Store, key: bytes) -> int:
    """Chain every entry under ``key`` in id order (the one-time migration); returns the number chained."""
    rows = store.con.execute(f"SELECT {', '.join(COLUMNS)} FROM audit_log ORDER BY audit_id").fetchall()
    prev, updates = GENESIS, []
    for values in rows:
        row = dict(zip(COLUMNS, values))
        sealed = mac(key, row, prev)
        updates.append([prev, sealed, row["audit_id"]])
        prev = sealed
    if updates:
        store.con.executemany("UPDATE audit_log SET prev_mac = ?, mac = ? WHERE audit_id = ?", updates)
    return len(updates)


def verify(store: Store, key: bytes) -> dict[str, Any]:
    """Walk the chain: ``ok``, the number of entries, and the first problems found (id, kind, message)."""
    rows = store.con.execute(
        f"SELECT {', '.join(COLUMNS)}, prev_mac, mac FROM audit_log ORDER BY audit_id").fetchall()
    prev, issues = GENESIS, []
    for values in rows:
        row = dict(zip(COLUMNS, values[:-2]))
        prev_mac, stored = values[-2], values[-1]
        if stored is None:
            issues.append({"audit_id": row["audit_id"], "kind": "unsealed",
                           "message": "该条目没有封存（在密钥之外写入）", "message_en": "the entry is not sealed"})
        elif prev_mac != prev:
            issues.append({"audit_id": row["audit_id"], "kind": "broken_link",
                           "message": "与前一条目不衔接（有条目被删除、插入或改动）",
                           "message_en": "does not link to the entry before it (an entry was removed, inserted or changed)"})
        elif mac(key, row, prev_mac) != stored:
            issues.append({"audit_id": row["audit_id"], "kind": "altered", "message": "内容与其封存值不符（被改动）",
                           "message_en": "the content does not match its seal (it was altered)"})
        prev = stored or prev
    return {"ok": not issues, "entries": len(rows), "head": prev, "issues": issues[:100],
            "issue_count": len(issues)}


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
