"""Response models of the import routes that describe a file before it is imported."""

from __future__ import annotations

from pydantic import BaseModel, Field


class HeaderMatchPublic(BaseModel):
    header: str = Field(description="文件中的表头")
    column: str | None = Field(description="对应的字段；null 表示未认出 (the field, or null)")
    label: str | None = Field(description="字段的中文名")
    unit: str | None = Field(description="表头括号中写的单位")


class ImportFieldPublic(BaseModel):
    name: str
    label: str
    required: bool
    unit: str


class ImportHeadersPublic(BaseModel):
    """A file's header row against an import kind: what each header is taken for, what is missing."""

    kind: str
    headers: list[HeaderMatchPublic]
    fields: list[ImportFieldPublic]
    missing: list[str] = Field(description="未对应上的必填字段")
