"""Answers of the evaluations (亩均效益, 五好园区, 集群竞赛) and the cluster ladder."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from gaodi.api.responses.base import ListPublic, OpenModel, Row


class RulesetPublic(OpenModel):
    name: str
    version: str | None = None
    subject: str = Field(description="enterprises | parks | clusters；subject_label 为中文")
    subject_label: str
    indicators: list[dict[str, Any]] = Field(description="指标：名称、单位、公式、权重")


class RulesetsPublic(OpenModel):
    years: list[int] = Field(description="有年度统计的年份")
    rulesets: list[RulesetPublic]


class RankingRowPublic(OpenModel):
    """One evaluated enterprise, park or cluster: rank, class, score, indicator values, measures."""

    rank: int | None = None
    id: str
    name: str | None = None
    class_: str | None = Field(None, alias="class", description="分类，如 A；不参评")
    total: float | None = Field(None, description="得分")


class RankingList(ListPublic[RankingRowPublic]):
    year: int | None = None
    ruleset: RulesetPublic | None = None
    class_counts: dict[str, int] | None = Field(None, description="各类个数（本范围）")


class ExplanationPublic(OpenModel):
    """One alternative explained: inputs, each indicator's value and points, its score, class and measures."""

    year: int
    ruleset: RulesetPublic
    item: dict[str, Any]
    indicators: list[dict[str, Any]]


class MovementList(ListPublic[Row]):
    """Class movement between two years: up, down, same, new, left (``counts`` in the scope)."""


class DynamicList(ListPublic[Row]):
    """Dynamic management: warnings, loss of title or level, rank moves (``rank_YEAR`` columns)."""


class ClusterLadderList(ListPublic[Row]):
    """The cluster ladder with its monitoring indicators and recognition validity."""
