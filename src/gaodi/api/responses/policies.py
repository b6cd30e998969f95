"""Answers of the policy calculator and the ladders (政策计算器, 梯度培育)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, Field

from gaodi.api.responses.base import OpenModel as _Open


class PolicyReachPublic(_Open):
    """A policy in force and its reach in the caller's scope."""

    policy_id: str
    name: str
    qualifies: int
    near_miss: int
    total_outlay_wan: float | None = Field(None, description="预计兑现金额，万元")


class PolicyEnterprisePublic(_Open):
    uscc: str
    name: str | None = None
    verdict: str = Field(description="qualifies | near_miss")
    amount_wan: float | None = None


class EnterprisePolicyPublic(_Open):
    policy_id: str
    name: str
    verdict: str = Field(description="qualifies | near_miss | not_eligible")
    amount_wan: float | None = None
    checks: list[dict[str, Any]] = Field(description="逐条条件：属性、要求、企业数值、是否满足")


class EnterprisePoliciesPublic(BaseModel):
    """An enterprise's own view: what it qualifies for, its near misses and what it still lacks."""

    uscc: str
    year: int
    as_of: str
    policies: list[EnterprisePolicyPublic]
    profile: dict[str, Any] | None = Field(description="政策计算器看到的企业画像 (the attribute record)")


class RungPublic(BaseModel):
    id: str
    name: str
    article: str | None = Field(None, description="条款：规则文件中规定本梯级的条")


class LadderPublic(BaseModel):
    """A ladder (梯度) as a versioned rule set in force between two dates, with its rungs from the lowest."""

    name: str
    version: str
    document: str | None = Field(None, description="依据文件（文号）")
    in_force_from: dt.date | None = Field(None, description="施行起")
    in_force_to: dt.date | None = Field(None, description="施行止（空为现行）")
    rules: str | None = Field(None, description="规则说明：文件 · 版本 · 施行日期")
    in_force: bool = Field(True, description="是否为所选数据年份适用的规则")
    rungs: list[RungPublic]


class LadderPositionPublic(_Open):
    ladder: str
    version: str
    held: list[str]
    next_rung: str | None
    verdict: dict[str, Any] | None = Field(
        description="下一梯级的判定：status（met | unmet | needs_data）与逐条条件")


class EnterpriseLaddersPublic(_Open):
    """One enterprise on every ladder: titles held, facts judged, the next rung and what it lacks."""

    uscc: str
    name: str | None
    year: int
    titles: list[dict[str, Any]]
    facts: dict[str, Any]
    positions: list[LadderPositionPublic]


class LadderNearestPublic(_Open):
    """One enterprise ranked by closeness to a rung (``g.ladders.nearest``)."""

    rank: int
    uscc: str
    name: str | None = None
    city_code: str | None = None
    city_name: str | None = None
    status: str = Field(description="met | needs_data | unmet")
    met: int = Field(description="已满足的条件数")
    unmet: int = Field(description="未满足的条件数（按已知数据）")
    missing: int = Field(description="缺数据、无法判断的条件数（不算未满足）")
    shortfall: float = Field(description="未满足条件的相对差距之和 Σ min(差距/门槛, 1)")
    points_short: float | None = Field(None, description="评分表尚差的分数")
    line: str = Field(description="一句话：最近的两三项差距，缺数据单列")
    nearest: list[str]
    missing_data: list[str]


class LadderFunnelPublic(_Open):
    """One city's funnel for one rung (``g.ladders.funnel``)."""

    city_code: str
    city_name: str | None = None
    ladder: str
    rung: str
    enterprises: int
    holders: int = Field(description="已持有")
    met: int = Field(description="符合")
    needs_data: int = Field(description="待补数据")
    one_short: int = Field(description="只差一项")


class LadderCandidatePublic(_Open):
    uscc: str
    name: str | None = None
    city_code: str | None = None
    status: str = Field(description="met | needs_data | unmet（差一项）")
    lacking: str
