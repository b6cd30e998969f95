"""Answers of the chain routes (链长制): chains, a chain's detail and map, rates, leakage, gaps, targets, projects."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from gaodi.api.responses.base import OpenModel as _Open


class ChainRatePublic(_Open):
    """A cell of the local supporting rate: a segment, city or month of a chain (``*`` = all)."""

    chain_id: str | None = None
    segment_id: str | None = None
    purchases: float | None = Field(None, description="采购额，万元")
    local_amount: float | None = Field(None, description="本省采购额，万元")
    province_rate: float | None = Field(None, description="本省配套率，0–1")
    city_rate: float | None = Field(None, description="本市配套率，0–1")
    buyers: int | None = None
    suppressed: str | None = Field(None, description="primary（少于阈值）| secondary（防减推）| null")


class ChainPublic(_Open):
    chain_id: str
    name: str
    leader: str | None = None
    segments: int | None = None
    enterprises: int | None = None
    province_rate: float | None = Field(None, description="全链本省配套率，0–1")


class SegmentPublic(_Open):
    segment_id: str
    name: str
    stage: str
    enterprises: int


class MasterPublic(_Open):
    segment_id: str
    uscc: str
    name: str | None = None
    local_suppliers: float | None = None


class ChainDetailPublic(BaseModel):
    """One chain: its leader, segments upstream to downstream, chain masters and their pull."""

    chain: dict[str, Any]
    period: str | None
    periods: list[str]
    segments: list[SegmentPublic]
    masters: list[MasterPublic]
    masters_total: int
    masters_together: dict[str, Any] | None
    min_count: int


class ChainGraphPublic(_Open):
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    period: str
    min_count: int


class ChainLeakagePublic(_Open):
    """Purchases leaving the province: by segment, or by the supplier's province (``by=region``)."""

    segment_id: str | None = None
    supplier_province: str | None = Field(None, description="供应商所在省代码（by=region）")
    leakage: float | None = Field(None, description="省外采购（外流），万元")
    province_rate: float | None = Field(None, description="本省配套率，0–1")
    share: float | None = Field(None, description="占外流比重，0–1（by=region）")
    suppressed: str | None = None


class ChainGapPublic(_Open):
    """A segment's diagnosis: missing link (缺链), weak link (弱链), concentration, single sources."""

    segment_id: str
    gap: str | None = Field(None, description="missing（缺链）| weak（弱链）| ok | none（无采购）")
    gap_label: str | None = Field(None, description="诊断（中文）")
    province_rate: float | None = Field(None, description="本省配套率，0–1")
    hhi: float | None = Field(None, description="供应集中度 HHI，0–1")
    suppressed: str | None = None


class ChainTargetPublic(_Open):
    """A segment to attract investment into (精准招商), ranked, with the reasons."""

    rank: int | None = None
    segment_id: str
    leakage: float | None = Field(None, description="外流，万元")
    reasons: str | None = Field(None, description="理由")
    suppressed: str | None = None


class ChainSupplierPublic(_Open):
    """An out-of-province supplier already selling into the chain's segment (a candidate to attract)."""

    rank: int | None = None
    seller_uscc: str
    seller_region: str | None = None
    region_name: str | None = None
    chain_buyers: int | None = Field(None, description="本链采购企业数")


class ChainProjectPublic(_Open):
    """A key project (重点项目) and the local supporting rate once it produces (``*`` row: all projects)."""

    project_id: str
    name: str | None = None
    segment_id: str | None = None
    investment: float | None = Field(None, description="总投资，万元")
    expected_output: float | None = Field(None, description="预计年产值，万元")
    segment_rate: float | None = Field(None, description="环节配套率，0–1")
    segment_rate_after: float | None = Field(None, description="项目达产后环节配套率，0–1")
    suppressed: str | None = None
