"""Working days in China: official holiday arrangements, make-up working days (调休), provisional years.

Deadlines for enterprise problems (送解优) are set in working days (工作日). A working day is what the
State Council's General Office announces each year in its notice on the holiday arrangement
(e.g. 国务院办公厅关于2026年部分节假日安排的通知): Monday to Friday, except the statutory holidays,
plus the weekend days declared working days in exchange (调休上班).

Where each year's days come from, in order of precedence:

1. an official arrangement loaded into the workspace (``gaodi calendar load``, see
   :mod:`gaodi.workdays.arrangement_file`), with its document number and date;
2. the official arrangements the ``chinese-calendar`` package ships (2004 to its last year);
3. for later years, a provisional arrangement (暂定, :mod:`gaodi.workdays.statutory`): weekends and
   the statutory holidays of 《全国年节及纪念日放假办法》, without the 调休 not yet announced.

Every result that counts a day of a provisional year says so (:class:`Deadline`, ``provisional_in``),
so a deadline is never silently wrong and never silently refused. A year before 2004 or after
:data:`~gaodi.workdays.statutory.LAST_PROVISIONAL_YEAR` raises :class:`CalendarNotCoveredError`.

Counting convention (the one used for administrative deadlines, 期限从次日起算): the day of the event
itself is not counted; ``add_workdays(d, n)`` is the n-th working day after ``d``, and
``workdays_between(a, b)`` counts the working days in the half-open interval (a, b], so that
``workdays_between(d, add_workdays(d, n)) == n`` for every n.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from gaodi.errors import InputError
from gaodi.workdays.arrangement import YearArrangement, packaged_arrangements
from gaodi.workdays.statutory import (
    FIRST_PROVISIONAL_YEAR,
    LAST_PROVISIONAL_YEAR,
    provisional_arrangement,
)

__all__ = [
    "CalendarNotCoveredError",
    "Deadline",
    "WorkingCalendar",
    "add_workdays",
    "china_calendar",
    "is_workday",
    "workdays_between",
]


@dataclass
class CalendarNotCoveredError(InputError):
    """A date falls in a year the calendar does not cover at all (not even provisionally)."""

    code: str = "calendar_not_covered"


@dataclass(frozen=True)
class Deadline:
    """A date reached by counting working days, and whether a provisional year was counted.

    ``provisional`` is True when a day of a year without an official arrangement lies in the counted
    interval; ``reason`` then says which year and why (in Chinese; ``reason_en`` in English).
    """

    date: dt.date
    workdays: int
    provisional: bool = False
    reason: str | None = None
    reason_en: str | None = None
    provisional_years: tuple[int, ...] = ()


@dataclass(frozen=True)
class WorkingCalendar:
    """The working days of the years ``first_year`` to ``last_year`` (inclusive).

    ``workday_ordinals`` holds ``date.toordinal()`` of every working day, sorted, so that counting
    and stepping are binary searches (and vectorise over arrays of dates). ``arrangements`` holds
    the basis of each year (official or provisional); a year without one counts as official with
    ``source`` as its basis (a calendar built from a predicate).
    """

    first_year: int
    last_year: int
    workday_ordinals: np.ndarray = field(repr=False)
    source: str = ""
    arrangements: Mapping[int, YearArrangement] = field(default_factory=dict, repr=False)

    @classmethod
    def from_arrangements(cls, arrangements: Mapping[int, YearArrangement], source: str = "") -> WorkingCalendar:
        """Build a calendar from one arrangement per year; the years must be consecutive."""
        years = sorted(arrangements)
        if years != list(range(years[0], years[-1] + 1)):
            missing = sorted(set(range(years[0], years[-1] + 1)) - set(years))
            raise InputError(message=f"工作日历缺少年份：{missing}", message_en=f"calendar years missing: {missing}",
                             fix="每一年都需要一份安排（正式或暂定）(every year needs an arrangement)")
        days = []
        for year in years:
            arrangement = arrangements[year]
            start, end = dt.date(year, 1, 1).toordinal(), dt.date(year, 12, 31).toordinal()
            days.extend(o for o in range(start, end + 1) if arrangement.is_workday(dt.date.fromordinal(o)))
        return cls(years[0], years[-1], np.asarray(days, dtype=np.int64), source, dict(arrangements))

    # -- basis ------------------------------------------------------------------------------------

    def arrangement(self, year: int) -> YearArrangement | None:
        """The arrangement a year's working days come from (None for a predicate-built calendar)."""
        return self.arrangements.get(year)

    def provisional_in(self, start: dt.date, end: dt.date) -> list[YearArrangement]:
        """The provisional arrangements of the years that overlap the interval (start, end] (either order)."""
        a, b = sorted((_as_date(start), _as_date(end)))
        if a == b:
            return []
        first = (a + dt.timedelta(days=1)).year
        return [arr for year in range(first, b.year + 1)
                if (arr := self.arrangements.get(year)) is not None and arr.provisional]

    def deadline(self, start: dt.date, n: int) -> Deadline:
        """The n-th working day after ``start`` with its basis (暂定 when a provisional year was counted)."""
        target = self.add_workdays(start, n)
        return _with_basis(Deadline(target, n), self.provisional_in(start, target))

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
                                f"only; {d.isoformat()} lies in {d.year}, which is not covered even "
                                "provisionally."),
                    fix=("工作日历覆盖 2004 年至暂定日历的最后一年；更早或更远的日期无法计算工作日，请检查日期。"
                         "国务院办公厅发布某年节假日安排后，可用 gaodi calendar load 文件 加载。"
                         "Check the date; load an official arrangement with `gaodi calendar load FILE`."),
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


def _with_basis(result: Deadline, provisional: Iterable[YearArrangement]) -> Deadline:
    years = [a for a in provisional]
    if not years:
        return result
    return Deadline(result.date, result.workdays, True, "；".join(a.reason or "" for a in years),
                    "; ".join(a.reason_en or "" for a in years), tuple(a.year for a in years))


@lru_cache(maxsize=8)
def china_calendar(loaded: tuple[YearArrangement, ...] = ()) -> WorkingCalendar:
    """Return the calendar of China's working days: loaded, packaged, then provisional arrangements.

    ``loaded`` are official arrangements loaded into a workspace (they win over the package's for
    the same year). Years after the last official one, up to ``LAST_PROVISIONAL_YEAR``, are
    provisional (暂定, :func:`gaodi.workdays.statutory.provisional_arrangement`).
    """
    years: dict[int, YearArrangement] = dict(packaged_arrangements())
    years.update({a.year: a for a in loaded})
    last_official = max(years)
    for year in range(max(last_official + 1, FIRST_PROVISIONAL_YEAR), LAST_PROVISIONAL_YEAR + 1):
        years[year] = provisional_arrangement(year)
    packaged = packaged_arrangements()
    source = packaged[max(packaged)].source
    return WorkingCalendar.from_arrangements(years, source=source)


def is_workday(day: dt.date, calendar: WorkingCalendar | None = None) -> bool:
    """Return True if ``day`` is an official working day in China (see :func:`china_calendar`)."""
    return (calendar or china_calendar()).is_workday(day)


def add_workdays(start: dt.date, n: int, calendar: WorkingCalendar | None = None) -> dt.date:
    """Return the n-th working day after ``start`` (the deadline of an n-working-day time limit)."""
    return (calendar or china_calendar()).add_workdays(start, n)


def workdays_between(start: dt.date, end: dt.date, calendar: WorkingCalendar | None = None) -> int:
    """Count the working days in (start, end]: the working days used from ``start`` to ``end``."""
    return (calendar or china_calendar()).workdays_between(start, end)
