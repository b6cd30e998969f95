"""Response models of the problem desk's catalogues."""

from __future__ import annotations

from pydantic import BaseModel, Field


class DepartmentPublic(BaseModel):
    name: str = Field(description="部门名称")
    group: str = Field(description="province（省直部门）、city（市州部门）或 used（已使用）")
    group_label: str = Field(description="分组的中文名")


class DepartmentList(BaseModel):
    items: list[DepartmentPublic]
