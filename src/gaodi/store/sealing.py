"""The sealing key of a workspace: the HMAC key of the problem history and the audit log chains.

The key never enters the database, so someone who can rewrite the database cannot make a rewritten
record verify. It is the setting ``sealing_key`` (``GAODI_SEALING_KEY``) when configured, else the file
``sealing.key`` in the workspace folder: 32 random bytes (hex), made on first use, readable and writable
by its owner only (mode 0600). Back it up with the workspace but apart from the database copy: whoever
holds both can forge records; without it, no record can be verified.

Workspaces from before sealing hold plain SHA-256 chains. On the first open with a key they are
migrated once (:func:`seal_existing`): every problem history whose plain chain verifies is re-chained
under the key (same events, same times, new ``prev_hash``/``hash``), every audit entry is chained, and
the migration is itself recorded in the audit log (action ``seal_migration``, with the number of
histories re-chained and those left unsealed because their plain chain was already broken). A history
that could not be migrated keeps failing verification (``unsealed``/``altered``), as it should.
"""

from __future__ import annotations

import hashlib
import os
import secrets
from pathlib import Path

import duckdb

from gaodi.errors import ConfigurationError
from gaodi.store.database import Store

KEY_FILE = "sealing.key"
MIGRATION = "seal_migration"


def sealing_key(home: Path, configured: str | None = None) -> bytes:
    """The configured key, or the key file of ``home`` (made with mode 0600 when missing)."""
    if configured:
        if len(configured) < 32:
            raise ConfigurationError("封存密钥少于 32 个字符", "the sealing key is shorter than 32 characters",
                                     fix="GAODI_SEALING_KEY 设为至少 32 个字符的随机串，或不设而使用工作区的 sealing.key")
        return configured.encode("utf-8")
    path = home / KEY_FILE
    if not path.exists():
        home.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process made it meanwhile: use theirs
            return _read(path)
        with os.fdopen(fd, "w") as out:
            out.write(secrets.token_hex(32) + "\n")
    return _read(path)


def _read(path: Path) -> bytes:
    text = path.read_text(encoding="ascii").strip()
    if len(text) < 64:
        raise ConfigurationError(f"封存密钥文件 {path} 不完整", f"the sealing key file {path} is incomplete",
                                 fix="从备份恢复该文件；没有备份时，已有记录将无法再校验")
    return bytes.fromhex(text)


def key_id(key: bytes) -> str:
    """A short public name of a key (first 12 hex digits of its SHA-256), to tell keys apart in logs."""
    return hashlib.sha256(key).hexdigest()[:12]


def seal_existing(store: Store) -> dict | None:
    """Migrate a workspace's unsealed records once (see the module docstring); None when already done."""
    from gaodi.store import audit, problem_events

    key = store.sealing_key
    if not key or audit.has_action(store, MIGRATION):
        return None
    try:
        with store.transaction():
            histories = problem_events.reseal(store, key)
            entries = audit.reseal(store, key)
            detail = (f"key={key_id(key)} histories={histories['resealed']} unsealed={histories['broken']} "
                      f"audit_entries={entries}")
            audit.record(store, None, MIGRATION, "problem_events,audit_log", detail, "gaodi")
    except duckdb.InvalidInputException:  # a read-only store: sealed at the next writable open
        return None
    return {**histories, "audit_entries": entries}


def verify_workspace(store: Store, histories: list) -> dict:
    """The verdict on a workspace's sealed records: the audit log chain and each problem history.

    ``histories`` are the :class:`~gaodi.problems.events.HistoryCheck` of every problem (checked with
    the key by the desk). ``ok`` is True only when both chains hold everywhere.
    """
    from gaodi.store import audit

    key = store.sealing_key
    if not key:
        raise ConfigurationError("没有封存密钥，无法校验", "no sealing key: nothing can be verified",
                                 fix="用 Gaodi.open 打开工作区（读取 sealing.key 或设置 GAODI_SEALING_KEY）")
    log = audit.verify(store, key)
    broken = [{"problem_id": c.problem_id, "events": c.events,
               "issues": [{"seq": i.seq, "kind": i.kind, "message": i.message, "message_en": i.message_en}
                          for i in c.issues]} for c in histories if not c.ok]
    return {"ok": log["ok"] and not broken, "key_id": key_id(key), "audit_log": log,
            "problems": {"checked": len(histories), "ok": len(histories) - len(broken), "broken": broken[:100],
                         "broken_count": len(broken)}}
