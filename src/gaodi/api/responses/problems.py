"""Answers of the enterprise-problem desk (企业诉求, 送解优)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import Field

from gaodi.api.responses.base import ListPublic, OpenModel, Row


class ProblemPublic(OpenModel):
    """A problem as listed: state, deadline (暂定 marked, with why), overdue by the dates alone."""

    problem_id: str
    uscc: str
    title: str
    category: str | None = None
    state: str = Field(description="状态代码；state_label 为中文")
    state_label: str
    deadline: dt.date | None = None
    deadline_provisional: bool = Field(description="期限按暂定日历计算（暂定）")
    overdue: bool


class ProblemList(ListPublic[ProblemPublic]):
    as_of: dt.date | None = Field(None, description="判断超期的日期")
    overdue: int | None = Field(None, description="本筛选中超期个数")


class ProblemStatsList(ListPublic[Row]):
    """Counts, overdue, on-time rate (0–1), time to close and satisfaction by one grouping."""

    by: str | None = None
    problems: int | None = Field(None, description="本筛选中的诉求个数（total 为行数）")
    by_state: list[dict[str, Any]] | None = None


class ProblemDetailPublic(OpenModel):
    """One problem, its full history with the check of its sealed chain, and what the caller may do next."""

    problem: dict[str, Any]
    history: list[dict[str, Any]]
    verified: bool = Field(description="历史封存链校验通过")
    issues: list[Any]
    next_actions: list[dict[str, str]]


class ProblemOptionsPublic(OpenModel):
    categories: list[str]
    max_deadline_workdays: int
    states: list[dict[str, str]]
    actions: list[dict[str, str]]
    groupings: list[dict[str, str]]


class ProblemBatchPublic(OpenModel):
    """A collection sheet recorded: the problems filed and those already on record."""
