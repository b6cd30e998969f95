"""The shapes every answer shares: a page of a list with its columns, and open models.

Models are named by role (``XPublic`` one answer, ``XList`` a page of them). Shares are fractions from 0 to 1
(a column's unit says ``fraction``); money in 万元. Most models allow fields beyond those listed
(:class:`OpenModel`), so that a new column of the analytics reaches the web UI before its description here does.
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

Item = TypeVar("Item")


class ColumnPublic(BaseModel):
    key: str
    label: str = Field(description="中文列名")
    label_en: str
    unit: str = Field(description="单位；fraction 表示 0–1 的比例 (fraction: a share from 0 to 1)")


class ListPublic(BaseModel, Generic[Item]):
    """One page of a list, with the columns' labels and units, and the list's own context."""

    model_config = ConfigDict(extra="allow")
    items: list[Item]
    total: int
    page: int
    size: int
    pages: int
    columns: list[ColumnPublic]


class OpenModel(BaseModel):
    """A model that keeps fields beyond those it lists."""

    model_config = ConfigDict(extra="allow")


Row = dict[str, Any]
"""A row of a table whose columns are described by the list's ``columns`` (keys, Chinese labels, units)."""
