"""Official holiday arrangements in the store: the text of every file loaded, per year, with its document.

Versions are kept: loading the same text again is a no-op; loading a different text for a year (a
corrected notice, as in 2019 and 2020) adds a version, and the one in force for a year is the most
recently loaded. The text is checked by the caller (:mod:`gaodi.workdays.arrangement_file`) before it
is saved; this module only stores and reads.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from gaodi.problems.events import CHINA_TZ
from gaodi.store.database import Store

__all__ = ["StoredArrangement", "list_arrangements", "save_arrangement"]


@dataclass(frozen=True)
class StoredArrangement:
    """One loaded arrangement file (``document`` is its text as loaded)."""

    year: int
    sha256: str
    document_number: str
    issued_on: dt.date | None
    title: str | None
    source: str | None
    document: str
    loaded_by: str | None
    loaded_at: dt.datetime


def save_arrangement(store: Store, *, year: int, document_number: str, issued_on: dt.date | None,
                     title: str | None, source: str | None, document: str,
                     loaded_by: str | None = None) -> tuple[StoredArrangement, bool]:
    """Store an arrangement's text; return it and whether it was new (False when already loaded)."""
    digest = hashlib.sha256(document.encode("utf-8")).hexdigest()
    with store.transaction():
        found = _select(store, "WHERE year = ? AND sha256 = ?", [year, digest])
        if found:
            return found[0], False
        store.con.execute(
            "INSERT INTO holiday_arrangements (year, sha256, document_number, issued_on, title, source, document, "
            "loaded_by, loaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [year, digest, document_number, issued_on, title, source, document, loaded_by,
             dt.datetime.now(CHINA_TZ).replace(tzinfo=None)])
    return _select(store, "WHERE year = ? AND sha256 = ?", [year, digest])[0], True


def list_arrangements(store: Store, in_force_only: bool = False) -> list[StoredArrangement]:
    """Every loaded arrangement, newest load first; with ``in_force_only`` the latest of each year."""
    rows = _select(store, "", [])
    if not in_force_only:
        return rows
    latest: dict[int, StoredArrangement] = {}
    for row in rows:
        latest.setdefault(row.year, row)
    return sorted(latest.values(), key=lambda r: r.year)


def _select(store: Store, where: str, params: list) -> list[StoredArrangement]:
    rows = store.con.execute(
        "SELECT year, sha256, document_number, issued_on, title, source, document, loaded_by, loaded_at "
        f"FROM holiday_arrangements {where} ORDER BY loaded_at DESC, year", params).fetchall()
    return [StoredArrangement(*row) for row in rows]
