"""Working days in China: official holidays and make-up working days (调休).

Deadlines for enterprise problems (送解优) are set in working days (工作日). A working day is what the
State Council's General Office announces each year in its notice on the holiday arrangement
(e.g. 国务院办公厅关于2026年部分节假日安排的通知, 国办发明电〔2025〕7号): Monday to Friday, except the
statutory holidays, plus the weekend days declared working days in exchange (调休上班).

The data come from the ``chinese-calendar`` package, which ships the State Council notices as tables;
a year it does not cover raises :class:`CalendarNotCoveredError` instead of silently falling back to
Monday-to-Friday, because a deadline that ignores the Spring Festival is wrong by up to seven days.

Counting convention (the one used for administrative deadlines, 期限从次日起算): the day of the event
itself is not counted; ``add_workdays(d, n)`` is the n-th working day after ``d``, and
``workdays_between(a, b)`` counts the working days in the half-open interval (a, b], so that
``workdays_between(d, add_workdays(d, n)) == n`` for every n.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from gaodi.errors import InputError

__all__ = [
    "CalendarNotCoveredError",
    "WorkingCalendar",
    "add_workdays",
    "china_calendar",
    "is_workday",
    "workdays_between",
]


@dataclass
class CalendarNotCoveredError(InputError):
    """A date falls in a year whose official holiday arrangement is not known."""

    code: str = "calendar_not_covered"


@dataclass(frozen=True)
class WorkingCalendar:
    """The working days of the years ``first_year`` to ``last_year`` (inclusive).

    ``workday_ordinals`` holds ``date.toordinal()`` of every working day, sorted, so that counting
    and stepping are binary searches (and vectorise over arrays of dates).
    """

    first_year: int
    last_year: int
    workday_ordinals: np.ndarray = field(repr=False)
    source: str = ""

    @classmethod
    def from_predicate(cls, first_year: int, last_year: int,
                       is_workday: Callable[[dt.date], bool], source: str = "") -> WorkingCalendar:
        """Build a calendar by asking ``is_workday`` about every day of the covered years."""
        start = dt.date(first_year, 1, 1).toordinal()
        end = dt.date(last_year, 12, 31).toordinal()
        days = [o for o in range(start, end + 1) if is_workday(dt.date.fromordinal(o))]
        return cls(first_year, last_year, np.asarray(days, dtype=np.int64), source)

    # -- coverage -------------------------------------------------------------------------------

    def check_covered(self, *dates: dt.date) -> None:
        """Raise :class:`CalendarNotCoveredError` if a date lies outside the covered years."""
        for d in dates:
            if not (self.first_year <= d.year <= self.last_year):
                raise CalendarNotCoveredError(
                    message=(f"工作日历只覆盖 {self.first_year}–{self.last_year} 年，"
                             f"无法计算 {d.isoformat()} 所在的 {d.year} 年的工作日"),
                    message_en=(f"The working-day calendar covers {self.first_year}-{self.last_year} "
                                f"only; {d.isoformat()} lies in {d.year}, whose official holiday "
                                "arrangement is not known."),
                    fix=("国务院办公厅通常在上一年 11 月前后发布次年节假日安排；发布后升级 chinese-calendar "
                         "包 (pip install -U chinese-calendar)。Upgrade chinese-calendar once the State "
                         "Council has published that year's arrangement."),
                    details={"date": d.isoformat(), "first_year": self.first_year,
                             "last_year": self.last_year},
                )

    # -- single dates -----------------------------------------------------------------------------

    def is_workday(self, day: dt.date) -> bool:
        """Return True if ``day`` is an official working day."""
        day = _as_date(day)
        self.check_covered(day)
        o = day.toordinal()
        i = int(np.searchsorted(self.workday_ordinals, o))
        return i < len(self.workday_ordinals) and int(self.workday_ordinals[i]) == o

    def add_workdays(self, start: dt.date, n: int) -> dt.date:
        """Return the n-th working day after ``start`` (before it when n < 0); n = 0 gives ``start``.

        ``start`` itself is never counted, whether or not it is a working day.
        """
        start = _as_date(start)
        self.check_covered(start)
        if n == 0:
            return start
        days = self.workday_ordinals
        o = start.toordinal()
        if n > 0:
            i = int(np.searchsorted(days, o, side="right")) + n - 1
        else:
            i = int(np.searchsorted(days, o, side="left")) + n
        if i < 0 or i >= len(days):
            beyond = dt.date(self.last_year + 1, 1, 1) if n > 0 else dt.date(self.first_year - 1, 12, 31)
            self.check_covered(beyond)
        return dt.date.fromordinal(int(days[i]))

    def workdays_between(self, start: dt.date, end: dt.date) -> int:
        """Count the working days in (start, end]; negative (−count of (end, start]) when end < start."""
        start, end = _as_date(start), _as_date(end)
        self.check_covered(start, end)
        days = self.workday_ordinals
        a, b = start.toordinal(), end.toordinal()
        return int(np.searchsorted(days, b, side="right") - np.searchsorted(days, a, side="right"))

    # -- arrays -----------------------------------------------------------------------------------

    def workdays_between_many(self, starts: Sequence[dt.date] | np.ndarray,
                              ends: Sequence[dt.date] | np.ndarray) -> np.ndarray:
        """Vectorised :meth:`workdays_between` over two equal-length sequences of dates.

        Missing dates (None/NaT) give NaN in the result (a float array).
        """
        a = _ordinals(starts)
        b = _ordinals(ends)
        if len(a) != len(b):
            raise InputError(message="起止日期数量不一致", message_en="starts and ends differ in length")
        out = np.full(len(a), np.nan)
        ok = ~(np.isnan(a) | np.isnan(b))
        if ok.any():
            lo = dt.date(self.first_year, 1, 1).toordinal()
            hi = dt.date(self.last_year, 12, 31).toordinal()
            for arr in (a[ok], b[ok]):
                bad = (arr < lo) | (arr > hi)
                if bad.any():
                    self.check_covered(dt.date.fromordinal(int(arr[bad][0])))
            days = self.workday_ordinals
            out[ok] = (np.searchsorted(days, b[ok], side="right")
                       - np.searchsorted(days, a[ok], side="right"))
        return out


def _as_date(value: dt.date) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    raise InputError(message=f"不是日期：{value!r}", message_en=f"not a date: {value!r}",
                     fix="传入 datetime.date 或 datetime.datetime (pass a date)")


def _ordinals(values) -> np.ndarray:
    out = np.full(len(values), np.nan)
    for i, v in enumerate(values):
        if v is None or (isinstance(v, float) and np.isnan(v)):
            continue
        try:
            out[i] = _as_date(v).toordinal()
        except InputError:
            if str(v) in ("NaT", "nan", "None"):
                continue
            raise
    return out


@lru_cache(maxsize=1)
def china_calendar() -> WorkingCalendar:
    """Return the calendar of China's official working days for every year chinese-calendar knows.

    Source: the ``chinese_calendar`` package (tables of the State Council notices on the holiday
    arrangement, 国务院办公厅关于部分节假日安排的通知, one per year).
    """
    import chinese_calendar
    from chinese_calendar.constants import holidays

    years = sorted({d.year for d in holidays})
    version = getattr(chinese_calendar, "__version__", "?")
    return WorkingCalendar.from_predicate(years[0], years[-1], chinese_calendar.is_workday,
                                          source=f"chinese-calendar {version}")


def is_workday(day: dt.date, calendar: WorkingCalendar | None = None) -> bool:
    """Return True if ``day`` is an official working day in China (see :func:`china_calendar`)."""
    return (calendar or china_calendar()).is_workday(day)


def add_workdays(start: dt.date, n: int, calendar: WorkingCalendar | None = None) -> dt.date:
    """Return the n-th working day after ``start`` (the deadline of an n-working-day time limit)."""
    return (calendar or china_calendar()).add_workdays(start, n)


def workdays_between(start: dt.date, end: dt.date, calendar: WorkingCalendar | None = None) -> int:
    """Count the working days in (start, end]: the working days used from ``start`` to ``end``."""
    return (calendar or china_calendar()).workdays_between(start, end)
