"""Policy rule sets in the store: the YAML text of every version loaded, with its source and SHA-256.

A rule set is identified by (name, version). Versions are kept, never replaced: loading the same text
again is a no-op; loading a different text under an existing version is refused (give it a new
version). The set in use is the most recently loaded version of a name. The text is validated by the
caller (:mod:`gaodi.policies.rules`) before it is saved; this module only stores and reads.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from gaodi.errors import ConflictError, NotFoundError
from gaodi.problems.events import CHINA_TZ
from gaodi.store.database import Store

__all__ = ["StoredPolicySet", "list_policy_sets", "read_policy_set", "save_policy_set"]


@dataclass(frozen=True)
class StoredPolicySet:
    """One stored version of a rule set (``document`` is the YAML text as loaded)."""

    name: str
    version: str
    source: str | None
    sha256: str
    loaded_at: dt.datetime
    document: str


def save_policy_set(store: Store, *, name: str, version: str, document: str, source: str | None) -> tuple[
        StoredPolicySet, bool]:
    """Store a rule set's text; return it and whether it was new (False when the same text was there)."""
    digest = hashlib.sha256(document.encode("utf-8")).hexdigest()
    with store.transaction():
        found = _select(store, "WHERE name = ? AND version = ?", [name, version])
        if found:
            if found[0].sha256 == digest:
                return found[0], False
            raise ConflictError(
                message=f"规则集 {name} 的版本 {version} 已载入且内容不同（sha256 {found[0].sha256[:12]}…）",
                message_en=f"rule set {name} version {version} is already loaded with other content",
                fix="在文件中提高 version 后再载入；已载入的版本不会被覆盖 (raise the version; loaded ones are kept)",
                details={"name": name, "version": version, "stored_sha256": found[0].sha256, "sha256": digest})
        store.con.execute(
            "INSERT INTO policy_sets (name, version, source, sha256, document, loaded_at) VALUES (?, ?, ?, ?, ?, ?)",
            [name, version, source, digest, document, _now()])
    return _select(store, "WHERE name = ? AND version = ?", [name, version])[0], True


def list_policy_sets(store: Store) -> list[StoredPolicySet]:
    """Every stored version, most recently loaded first."""
    return _select(store, "", [])


def read_policy_set(store: Store, name: str | None = None, version: str | None = None) -> StoredPolicySet:
    """A stored version: the one named, else the latest of ``name``, else the latest loaded of all."""
    where, params = [], []
    if name is not None:
        where.append("name = ?")
        params.append(name)
    if version is not None:
        where.append("version = ?")
        params.append(version)
    found = _select(store, ("WHERE " + " AND ".join(where)) if where else "", params)
    if not found:
        what = f"{name or ''} {version or ''}".strip() or "任何规则集"
        raise NotFoundError(
            message=f"库中没有政策规则集：{what}", message_en=f"no policy rule set in the store: {what or 'any'}",
            fix="先载入：gaodi policy load 文件.yaml，或 gaodi policy load --examples (load one first)",
            details={"name": name, "version": version})
    return found[0]


def _select(store: Store, where: str, params: list) -> list[StoredPolicySet]:
    rows = store.con.execute(
        f"SELECT name, version, source, sha256, loaded_at, document FROM policy_sets {where} "
        "ORDER BY loaded_at DESC, name, version DESC", params).fetchall()
    return [StoredPolicySet(*r) for r in rows]


def _now() -> dt.datetime:
    return dt.datetime.now(CHINA_TZ).replace(tzinfo=None)
