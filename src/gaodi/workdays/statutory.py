"""The provisional (暂定) arrangement of a year whose official holiday arrangement is not known yet.

Rule followed: 《全国年节及纪念日放假办法》 as revised by 国务院令第795号 (2024-11-10, in force from
2025-01-01). Holidays for all citizens (全体公民放假的节日):

* 元旦 1 day (1 月 1 日);
* 春节 4 days (农历除夕、正月初一至初三);
* 清明节 1 day (农历清明当日, the day of the solar term 清明);
* 劳动节 2 days (5 月 1 日、2 日);
* 端午节 1 day (农历端午当日, 五月初五);
* 中秋节 1 day (农历中秋当日, 八月十五);
* 国庆节 3 days (10 月 1 日至 3 日).

The same 办法 says a holiday of all citizens that falls on a Saturday or Sunday is made up on a
working day (适逢星期六、星期日，应当在工作日补假): here, each such day gives one day off on the
next weekday after the holiday. What the provisional calendar cannot know is the State Council's
调休 (weekend days worked in exchange for bridging days off): it has none, so a provisional
deadline is usually a few days early or late around 春节, 劳动节 and 国庆节. Every result computed
from it is marked 暂定 by :mod:`gaodi.workdays.calendar`.

Lunar dates and the solar term come from the ``lunar-python`` library (寿星天文历 algorithms).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from gaodi.workdays.arrangement import PROVISIONAL, YearArrangement

__all__ = ["FIRST_PROVISIONAL_YEAR", "LAST_PROVISIONAL_YEAR", "RULE", "provisional_arrangement",
           "statutory_holidays"]

RULE = "《全国年节及纪念日放假办法》（国务院令第795号修订，2025-01-01 起施行）"
RULE_EN = "the National Holidays Regulation as revised by State Council Decree 795 (in force 2025-01-01)"
#: the 2024 revision applies from 2025; earlier years are covered by published arrangements
FIRST_PROVISIONAL_YEAR = 2025
#: how far ahead a provisional calendar is built (a deadline further out is refused)
LAST_PROVISIONAL_YEAR = 2050


def statutory_holidays(year: int) -> dict[dt.date, str]:
    """The days off of all citizens in ``year`` by the 2024 revision (without 补假), named."""
    from lunar_python import Lunar, Solar

    def lunar(month: int, day: int) -> dt.date:
        s = Lunar.fromYmd(year, month, day).getSolar()
        return dt.date(s.getYear(), s.getMonth(), s.getDay())

    new_year = lunar(1, 1)
    qingming = Solar.fromYmd(year, 4, 1).getLunar().getJieQiTable()["清明"]
    days = {dt.date(year, 1, 1): "元旦",
            dt.date(qingming.getYear(), qingming.getMonth(), qingming.getDay()): "清明节",
            dt.date(year, 5, 1): "劳动节", dt.date(year, 5, 2): "劳动节",
            lunar(5, 5): "端午节", lunar(8, 15): "中秋节",
            dt.date(year, 10, 1): "国庆节", dt.date(year, 10, 2): "国庆节", dt.date(year, 10, 3): "国庆节"}
    for offset in range(-1, 3):  # 除夕 (the day before 初一, whether the 12th month has 29 or 30 days) to 初三
        days[new_year + dt.timedelta(days=offset)] = "春节"
    return days


@lru_cache(maxsize=64)
def provisional_arrangement(year: int) -> YearArrangement:
    """The provisional arrangement of ``year``: weekends, statutory holidays and their 补假, no 调休."""
    off = statutory_holidays(year)
    for day, name in sorted(off.items()):
        if day.weekday() >= 5:  # 补假: the next weekday after the block that is not already off
            make_up = day + dt.timedelta(days=1)
            while make_up.weekday() >= 5 or make_up in off:
                make_up += dt.timedelta(days=1)
            off[make_up] = f"{name}（补假）"
    off = {d: n for d, n in off.items() if d.year == year}  # 除夕 of a late-January 春节 stays in its year
    reason = (f"国务院办公厅尚未发布（或本系统尚未加载）{year} 年节假日安排，按{RULE}暂定："
              "周末、法定节假日（农历节日与清明按历法推算）及适逢周末的补假，不含调休上班日")
    reason_en = (f"The State Council's {year} holiday arrangement is not published (or not loaded); "
                 f"provisional per {RULE_EN}: weekends, statutory holidays (lunar dates and 清明 computed) "
                 "and their weekday make-up, without make-up working weekends")
    return YearArrangement(year, PROVISIONAL, off, {}, source=f"暂定 provisional: {RULE}", reason=reason,
                           reason_en=reason_en)
