"""Pages of a list: which page is asked for, and running an Ibis expression one page at a time."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import ibis
import ibis.expr.types as ir

from gaodi.errors import InputError
from gaodi.store import Store

MAX_PAGE_SIZE = 500
EXPORT_LIMIT = 200_000


@dataclass(frozen=True)
class PageRequest:
    """Page ``page`` (1-based) of ``size`` rows."""

    page: int = 1
    size: int = 20

    def __post_init__(self) -> None:
        if self.page < 1:
            raise InputError(f"页码 {self.page} 无效", f"page {self.page} is invalid", fix="页码从 1 开始")
        if not 1 <= self.size <= MAX_PAGE_SIZE:
            raise InputError(f"每页行数 {self.size} 无效", f"page size {self.size} is invalid",
                             fix=f"每页 1 至 {MAX_PAGE_SIZE} 行")

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.size


@dataclass
class Page:
    """One page of rows and how many rows the whole list has."""

    items: list[dict[str, Any]]
    total: int
    page: int
    size: int
    columns: list[dict[str, str]] = field(default_factory=list)

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.size))

    def as_dict(self) -> dict[str, Any]:
        return {"items": self.items, "total": self.total, "page": self.page, "size": self.size,
                "pages": self.pages, "columns": self.columns}


def run_page(store: Store, expr: ir.Table, request: PageRequest,
             columns: list[dict[str, str]] | None = None) -> Page:
    """Fetch the rows of the requested page with the list's length (``expr`` must be ordered).

    The length rides along as a window count, so a page costs one query; only a page past the end
    needs a second one to count.
    """
    frame = store.execute(expr.mutate(_total=ibis._.count().over()).limit(request.size, offset=request.offset))
    if len(frame):
        total = int(frame["_total"].iloc[0])
    else:
        total = int(store.execute(expr.count()))
    return Page(records(frame.drop(columns="_total")), total, request.page, request.size, columns or [])


def run_all(store: Store, expr: ir.Table) -> list[dict[str, Any]]:
    """Every row of ``expr`` (for exports), refusing lists longer than ``EXPORT_LIMIT``."""
    total = int(store.execute(expr.count()))
    if total > EXPORT_LIMIT:
        raise InputError(f"导出行数 {total:,} 超过上限 {EXPORT_LIMIT:,}", f"{total} rows exceed the export limit",
                         fix="加筛选条件缩小范围后再导出")
    return records(store.execute(expr))


def records(frame) -> list[dict[str, Any]]:
    """Rows of a pandas frame as plain dicts, missing values as None."""
    frame = frame.astype(object).where(frame.notna(), None)
    return frame.to_dict(orient="records")


def sorted_by(table: ir.Table, sort: str) -> ir.Table:
    """``table`` ordered by ``sort`` (a column, ``-column`` descending), ties broken by the first column."""
    key, desc = sort.lstrip("-"), sort.startswith("-")
    if key not in table.columns:
        raise InputError(f"不能按 {key} 排序", f"cannot sort by {key}", fix=f"可选：{'、'.join(table.columns)}")
    col = table[key]
    keys = [col.desc(nulls_first=False) if desc else col.asc(nulls_first=False)]
    if key != table.columns[0]:
        keys.append(table[table.columns[0]])
    return table.order_by(keys)
