"""Key-project warnings (重点项目): a date passed without the next stage.

- start overdue: a project still at 签约 whose planned start date has passed, or, with no planned date,
  whose signing is more than N months before the evaluation date;
- production overdue: a project at 开工 whose planned production date has passed, or, with none, whose
  start is more than N months before the evaluation date.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

STAGE_BEFORE = {"start_overdue": ("signed", "signed_date", "start_date", "签约", "开工"),
                "production_overdue": ("started", "start_date", "production_date", "开工", "投产")}


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus ``months`` calendar months (the last day of a shorter month when the day is past it)."""
    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    return min(day.replace(year=year, month=month, day=1) + dt.timedelta(days=day.day - 1),
               following - dt.timedelta(days=1))


def overdue_projects(projects: pd.DataFrame, measure: str, months: int, as_of: dt.date) -> list[dict]:
    """Projects of the stage before the next one whose date for the next stage passed before ``as_of``."""
    stage, done_col, next_col, done_zh, next_zh = STAGE_BEFORE[measure]
    found = []
    for r in projects[projects.stage == stage].sort_values("project_id").itertuples():
        done, planned = _date(getattr(r, done_col)), _date(getattr(r, next_col))
        if planned is not None:
            due, basis = planned, f"计划{next_zh}日期"
        elif done is not None:
            due, basis = add_months(done, months), f"{done_zh}满 {months} 个月"
        else:
            continue
        if as_of > due:
            evidence = [{"label": f"{done_zh}日期", "period": done.isoformat() if done else "—",
                         "value": None, "unit": ""},
                        {"label": f"应{next_zh}日期（{basis}）", "period": due.isoformat(), "value": None, "unit": ""},
                        {"label": f"逾期未{next_zh}", "period": as_of.isoformat(), "value": (as_of - due).days,
                         "unit": "天"}]
            found.append({"project_id": r.project_id, "due": due, "evidence": evidence})
    return found


def _date(value) -> dt.date | None:
    if value is None or (isinstance(value, float)) or pd.isna(value):
        return None
    return value.date() if isinstance(value, (pd.Timestamp, dt.datetime)) else value
