"""Problems as the pages and files show them: columns, one row per problem, one row per event, the deadline status.

Overdue is decided by the dates alone (``gaodi.problems.deadlines``); a provisional (暂定) deadline says why.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import Query

from gaodi.problems.deadlines import DeadlineStatus, deadline_status
from gaodi.problems.events import CHINA_TZ, ProblemEvent
from gaodi.problems.states import ACTION_LABELS, ROLE_LABELS, STATE_LABELS, Problem
from gaodi.problems.stats import GROUPINGS
from gaodi.workdays.calendar import WorkingCalendar

AS_OF = Query(None, description="判断超期、统计的日期，默认今天（中国时间）(the day overdue is judged on)")


BY = {**GROUPINGS, "city": "市"}


LIST_COLUMNS = [{"key": k, "label": zh, "label_en": en, "unit": u} for k, zh, en, u in (
    ("problem_id", "编号", "id", ""), ("submitted_at", "提交时间", "submitted", ""),
    ("enterprise_name", "企业名称", "enterprise", ""), ("uscc", "统一社会信用代码", "USCC", ""),
    ("title", "问题标题", "title", ""), ("category", "问题类别", "category", ""),
    ("state_label", "状态", "status", ""), ("department", "承办部门", "department", ""),
    ("deadline", "办理期限", "deadline", ""), ("deadline_label", "期限提示", "deadline warning", ""),
    ("deadline_basis", "期限依据（暂定原因）", "deadline basis (why provisional)", ""),
    ("park", "园区", "park", ""), ("chain", "产业链", "chain", ""), ("satisfaction", "满意度", "satisfaction", "分"))]


STATS_COLUMNS = [{"key": k, "label": zh, "label_en": en, "unit": u} for k, zh, en, u in (
    ("group", "分组", "group", ""), ("name", "名称", "name", ""), ("problems", "问题数", "problems", "个"),
    ("open", "未办结", "open", "个"), ("closed", "已办结", "closed", "个"), ("rejected", "不予受理", "rejected", "个"),
    ("withdrawn", "已撤回", "withdrawn", "个"), ("overdue_now", "超期", "overdue", "个"),
    ("due", "应答复", "due", "个"), ("on_time", "按期答复", "on time", "个"),
    ("on_time_rate", "按期答复率", "on-time rate", ""), ("repeat_problems", "重复问题", "repeats", "个"),
    ("median_workdays_to_close", "办结用时中位数", "median time to close", "工作日"),
    ("p90_workdays_to_close", "办结用时 90 分位", "p90 time to close", "工作日"),
    ("mean_satisfaction", "平均满意度", "mean satisfaction", "分"),
    ("satisfied_share", "满意率（4–5 分）", "satisfied share", ""))]


def china_today() -> dt.date:
    return dt.datetime.now(CHINA_TZ).date()


def deadline_of(cal: WorkingCalendar, p: Problem, today: dt.date) -> DeadlineStatus | None:
    """The deadline status on ``today``; None only when the clock is not running.

    Overdue is decided by the dates alone; a day the calendar cannot count leaves the count empty and
    says why (``deadline_basis``), it never turns an overdue problem into an on-time one.
    """
    return deadline_status(p, today, cal)


def problem_row(p: Problem, today: dt.date, cal: WorkingCalendar) -> dict[str, Any]:
    status = deadline_of(cal, p, today)
    return {"problem_id": p.problem_id, "submitted_at": p.submitted_at, "uscc": p.uscc,
            "enterprise_name": p.enterprise_name, "title": p.title, "category": p.category, "state": str(p.state),
            "state_label": STATE_LABELS[p.state], "department": p.department, "deadline": p.deadline,
            "deadline_provisional": bool(p.deadline_provisional or (status and status.provisional)),
            "deadline_basis": (status.basis if status else None) or p.deadline_basis,
            "deadline_basis_en": (status.basis_en if status else None) or p.deadline_basis_en,
            "overdue": bool(status and status.status == "overdue"),
            "deadline_status": status.status if status else None, "deadline_label": status.label if status else "",
            "park": p.park, "chain": p.chain, "region_code": p.region_code, "satisfaction": p.satisfaction}


def event_row(e: ProblemEvent) -> dict[str, Any]:
    d = e.as_dict()
    d.pop("payload_json")
    return d | {"action_label": ACTION_LABELS.get(e.action, e.action),
                "from_label": STATE_LABELS.get(e.from_state, "") if e.from_state else "",
                "to_label": STATE_LABELS.get(e.to_state, e.to_state), "role_label": ROLE_LABELS.get(e.role, e.role)}
