"""Analysis of enterprise problems (问题分析) by category, chain, park, department or region.

Definitions (all as of a date ``as_of``, working days per :mod:`gaodi.workdays.calendar`):

* ``problems``: problems submitted; ``open``: not yet closed, rejected or withdrawn;
  ``closed`` (已办结), ``rejected`` (不予受理), ``withdrawn`` (已撤回).
* On time (按期答复): a problem is *due* when it has a deadline and either has been replied to or is
  overdue now (assigned or in progress after its deadline). It is *on time* when every reply was given
  on or before the deadline in force at the time, and it is not overdue now.
  ``on_time_rate`` = on time / due.
* Repeat problem (重复问题): a problem whose enterprise (same USCC) reported a problem of the same
  category at most ``repeat_window_days`` calendar days before it (default 90, one quarter, the usual
  follow-up cycle of 送解优 visits). The earlier problem is not counted, the later one is, in the
  group of the later one. ``repeat_rate`` = repeat problems / problems.
* Time to close (办结用时): working days in (submission date, last closing date] for closed problems;
  median and 90th percentile with linear interpolation between order statistics (numpy's default,
  the same as Excel's PERCENTILE.INC).
* Satisfaction (满意度): mean rating 1–5 of closed problems; ``satisfied_share`` = share rated 4 or 5.

Problems without a value in the grouping column go to the group 「（未填）」 (for department:
「（未交办）」).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import numpy as np
import pandas as pd

from gaodi.errors import InputError
from gaodi.workdays.calendar import WorkingCalendar, china_calendar
from gaodi.problems.events import in_china_time
from gaodi.problems.states import CLOCK_STATES, OPEN_STATES, Problem, State

__all__ = ["GROUPINGS", "flag_repeats", "problem_stats", "problems_frame"]

GROUPINGS = {"category": "问题类别", "chain": "产业链", "park": "园区", "department": "承办部门",
             "region_code": "地区"}
_FRAME_COLUMNS = ["problem_id", "uscc", "category", "chain", "park", "region_code", "department", "source",
                  "state", "submitted_at", "deadline", "first_replied_at", "closed_at", "satisfaction",
                  "reply_count", "late_reply_count", "reopen_count"]


def problems_frame(problems: Iterable[Problem]) -> pd.DataFrame:
    """One row per problem with the columns the statistics need (dates in China Standard Time)."""
    rows = [{c: getattr(p, c) for c in _FRAME_COLUMNS} for p in problems]
    frame = pd.DataFrame(rows, columns=_FRAME_COLUMNS)
    frame["state"] = frame["state"].astype(str)
    return frame


def flag_repeats(frame: pd.DataFrame, repeat_window_days: int = 90) -> pd.Series:
    """True for each problem that repeats an earlier one of the same enterprise and category.

    "Earlier" means submitted at most ``repeat_window_days`` calendar days before (inclusive).
    """
    if repeat_window_days < 0:
        raise InputError(message="重复问题的时间窗不能为负", message_en="repeat_window_days must be >= 0",
                         fix="例如 90 天 (e.g. 90 days)")
    if frame.empty:
        return pd.Series([], dtype=bool, index=frame.index)
    day = pd.to_datetime(frame["submitted_at"].map(_date))
    order = pd.DataFrame({"uscc": frame["uscc"], "category": frame["category"], "day": day})
    order = order.sort_values(["uscc", "category", "day"], kind="stable")
    gap = order.groupby(["uscc", "category"], sort=False)["day"].diff().dt.days
    return (gap <= repeat_window_days).reindex(frame.index).fillna(False).astype(bool)


def problem_stats(frame: pd.DataFrame, by: str, as_of: dt.date, calendar: WorkingCalendar | None = None,
                  repeat_window_days: int = 90) -> pd.DataFrame:
    """Volumes, on-time rate, repeats, time to close and satisfaction per group (see module docstring)."""
    if by not in GROUPINGS:
        raise InputError(message=f"不能按「{by}」分组", message_en=f"cannot group by {by!r}",
                         fix="可选 (choose)：" + ", ".join(GROUPINGS))
    cal = calendar or china_calendar()
    f = frame.copy()
    f["_group"] = f[by].where(f[by].notna() & (f[by].astype(str) != ""),
                              "（未交办）" if by == "department" else "（未填）")
    state = f["state"]
    deadline = f["deadline"]
    overdue_now = state.isin([str(s) for s in CLOCK_STATES]) & deadline.notna() & deadline.map(
        lambda d: d is not None and pd.notna(d) and as_of > d)
    f["_open"] = state.isin([str(s) for s in OPEN_STATES])
    f["_closed"] = state == str(State.CLOSED)
    f["_rejected"] = state == str(State.REJECTED)
    f["_withdrawn"] = state == str(State.WITHDRAWN)
    f["_due"] = deadline.notna() & ((f["reply_count"] > 0) | overdue_now)
    f["_on_time"] = f["_due"] & (f["reply_count"] > 0) & (f["late_reply_count"] == 0) & ~overdue_now
    f["_repeat"] = flag_repeats(f, repeat_window_days)
    closed = f["_closed"]
    f["_workdays_to_close"] = np.nan
    if closed.any():
        f.loc[closed, "_workdays_to_close"] = cal.workdays_between_many(
            f.loc[closed, "submitted_at"].map(_date).tolist(), f.loc[closed, "closed_at"].map(_date).tolist())
    f["_rating"] = f["satisfaction"].where(closed).astype(float)

    rows = []
    for group, g in f.groupby("_group", sort=True):
        due, rated, ttc = int(g["_due"].sum()), g["_rating"].dropna(), g["_workdays_to_close"].dropna()
        rows.append({
            by: group,
            "problems": len(g),
            "open": int(g["_open"].sum()),
            "closed": int(g["_closed"].sum()),
            "rejected": int(g["_rejected"].sum()),
            "withdrawn": int(g["_withdrawn"].sum()),
            "overdue_now": int((overdue_now.loc[g.index]).sum()),
            "due": due,
            "on_time": int(g["_on_time"].sum()),
            "on_time_rate": g["_on_time"].sum() / due if due else np.nan,
            "repeat_problems": int(g["_repeat"].sum()),
            "repeat_rate": g["_repeat"].mean(),
            "median_workdays_to_close": float(np.median(ttc)) if len(ttc) else np.nan,
            "p90_workdays_to_close": float(np.percentile(ttc, 90)) if len(ttc) else np.nan,
            "rated": len(rated),
            "mean_satisfaction": float(rated.mean()) if len(rated) else np.nan,
            "satisfied_share": float((rated >= 4).mean()) if len(rated) else np.nan,
        })
    columns = [by, "problems", "open", "closed", "rejected", "withdrawn", "overdue_now", "due", "on_time",
               "on_time_rate", "repeat_problems", "repeat_rate", "median_workdays_to_close",
               "p90_workdays_to_close", "rated", "mean_satisfaction", "satisfied_share"]
    return pd.DataFrame(rows, columns=columns)


def _date(value) -> dt.date | None:
    if value is None or (not isinstance(value, dt.date) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, dt.datetime):
        return in_china_time(value).date()
    return value
