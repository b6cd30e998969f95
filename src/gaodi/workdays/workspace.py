"""The working-day calendar of a workspace: official arrangements loaded into its store, then the defaults.

``workspace_calendar(store)`` is what every deadline of the workspace is computed with. It is rebuilt
only when the set of loaded arrangements changes (a new file loaded by any process), so a deadline
read after ``gaodi calendar load`` already uses the official days.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from gaodi.store.holiday_arrangements import list_arrangements, save_arrangement
from gaodi.workdays.arrangement import YearArrangement
from gaodi.workdays.arrangement_file import parse_arrangement, read_arrangement_file
from gaodi.workdays.calendar import WorkingCalendar, china_calendar

__all__ = ["calendar_years", "load_arrangement", "workspace_calendar"]

_BUILT: dict[tuple, tuple[YearArrangement, ...]] = {}


def workspace_calendar(store) -> WorkingCalendar:
    """The calendar in force in a workspace: loaded arrangements win over the packaged and provisional ones."""
    stored = list_arrangements(store, in_force_only=True)
    key = tuple((s.year, s.sha256) for s in stored)
    if key not in _BUILT:
        _BUILT[key] = tuple(_with_load_source(parse_arrangement(s.document, s.source or "stored"), s)
                            for s in stored)
    return china_calendar(_BUILT[key])


def load_arrangement(store, path: str | Path, loaded_by: str | None = None) -> dict[str, Any]:
    """Check an arrangement file and keep it in the store; return its basis and whether it was new.

    Nothing is stored when the file is refused (the error names the file, line and fix).
    """
    arrangement, text = read_arrangement_file(path)
    stored, new = save_arrangement(store, year=arrangement.year, document_number=arrangement.document_number,
                                   issued_on=arrangement.issued_on, title=arrangement.title,
                                   source=Path(path).name, document=text, loaded_by=loaded_by)
    return {**arrangement.as_dict(), "source": stored.source, "sha256": stored.sha256,
            "loaded_at": stored.loaded_at, "loaded_by": stored.loaded_by, "new": new}


def calendar_years(calendar: WorkingCalendar, first: int | None = None, last: int | None = None) -> list[dict]:
    """The basis of each year from ``first`` to ``last`` (default: last year to five years ahead)."""
    this_year = dt.date.today().year
    first = max(first or this_year - 1, calendar.first_year)
    last = min(last or this_year + 5, calendar.last_year)
    out = []
    for year in range(first, last + 1):
        arrangement = calendar.arrangement(year)
        row = arrangement.as_dict() if arrangement else {"year": year, "status": "official", "provisional": False,
                                                          "label": calendar.source, "source": calendar.source}
        row["workdays_in_year"] = calendar.workdays_between(dt.date(year - 1, 12, 31), dt.date(year, 12, 31)) \
            if year > calendar.first_year else None
        out.append(row)
    return out


def _with_load_source(arrangement: YearArrangement, stored) -> YearArrangement:
    """The parsed arrangement with the store's record of where it came from."""
    return YearArrangement(arrangement.year, arrangement.status, arrangement.holidays, arrangement.workdays,
                           arrangement.document_number, arrangement.issued_on, arrangement.title,
                           f"{stored.source}（{stored.loaded_at:%Y-%m-%d} 载入 loaded）")
