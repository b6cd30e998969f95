"""One year's holiday arrangement (节假日安排): the days off, the make-up working days, and their basis.

A year's working days are Monday to Friday, minus the weekdays off (``holidays``), plus the weekend
days declared working days (``workdays``, 调休上班). The basis says whether that is the State
Council's published arrangement (``official``) or gaodi's provisional reading of the statutory
holidays for a year whose arrangement is not known yet (``provisional``, 暂定; see
:mod:`gaodi.workdays.statutory`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType

__all__ = ["OFFICIAL", "PROVISIONAL", "YearArrangement", "packaged_arrangements"]

OFFICIAL, PROVISIONAL = "official", "provisional"
_NAMES = {"New Year's Day": "元旦", "Spring Festival": "春节", "Tomb-sweeping Day": "清明节",
          "Labour Day": "劳动节", "Dragon Boat Festival": "端午节", "Mid-autumn Festival": "中秋节",
          "National Day": "国庆节",
          "Anti-Fascist 70th Day": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日"}


@dataclass(frozen=True, eq=False)
class YearArrangement:
    """The holiday arrangement of one calendar year.

    ``holidays`` maps each day off (weekends may be listed too) to the holiday's name; ``workdays``
    maps each weekend day worked in exchange (调休上班) to the holiday it belongs to. Compared and
    hashed by identity (a calendar built from it is cached on it).
    """

    year: int
    status: str
    holidays: Mapping[dt.date, str] = field(repr=False)
    workdays: Mapping[dt.date, str] = field(repr=False, default_factory=dict)
    document_number: str | None = None
    issued_on: dt.date | None = None
    title: str | None = None
    source: str = ""
    reason: str | None = None
    reason_en: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "holidays", MappingProxyType(dict(self.holidays)))
        object.__setattr__(self, "workdays", MappingProxyType(dict(self.workdays)))

    @property
    def provisional(self) -> bool:
        return self.status == PROVISIONAL

    def is_workday(self, day: dt.date) -> bool:
        """True when ``day`` (in this year) is a working day under this arrangement."""
        if day in self.workdays:
            return True
        return day.weekday() < 5 and day not in self.holidays

    def label(self) -> str:
        """How a user sees the basis, e.g. 国办发明电〔2025〕7号 or 暂定（…）."""
        if self.provisional:
            return f"{self.year} 年暂定日历"
        return self.document_number or self.title or self.source

    def as_dict(self) -> dict:
        """The basis as plain values (no days): year, status, document, source, reason."""
        return {"year": self.year, "status": self.status, "provisional": self.provisional,
                "label": self.label(), "document_number": self.document_number,
                "issued_on": self.issued_on, "title": self.title, "source": self.source,
                "reason": self.reason, "reason_en": self.reason_en,
                "holidays": len(self.holidays), "workdays": len(self.workdays)}


@lru_cache(maxsize=1)
def packaged_arrangements() -> dict[int, YearArrangement]:
    """The official arrangements the ``chinese-calendar`` package ships, one per year it covers.

    The package transcribes the State Council notices (国务院办公厅关于部分节假日安排的通知); it
    does not record their document numbers, so ``source`` names the package and its version.
    """
    import chinese_calendar
    from chinese_calendar.constants import holidays, workdays

    version = getattr(chinese_calendar, "__version__", "?")
    by_year: dict[int, tuple[dict, dict]] = {}
    for day, name in holidays.items():
        by_year.setdefault(day.year, ({}, {}))[0][day] = _NAMES.get(name, name)
    for day, name in workdays.items():
        by_year.setdefault(day.year, ({}, {}))[1][day] = _NAMES.get(name, name)
    return {year: YearArrangement(
        year, OFFICIAL, off, on, title=f"国务院办公厅关于{year}年部分节假日安排的通知",
        source=f"chinese-calendar {version}") for year, (off, on) in sorted(by_year.items())}
