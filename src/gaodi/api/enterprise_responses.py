"""Response models of the enterprise picker."""

from __future__ import annotations

from pydantic import BaseModel, Field


class EnterpriseChoicePublic(BaseModel):
    uscc: str = Field(description="统一社会信用代码")
    name: str = Field(description="企业名称")
    county_name: str | None = Field(description="所在县市区")


class EnterpriseChoiceList(BaseModel):
    items: list[EnterpriseChoicePublic] = Field(description="匹配的企业，名称或代码以搜索词开头的在前")
