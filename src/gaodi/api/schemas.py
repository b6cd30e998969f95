"""Request and response schemas, named by role: ``XCreate`` comes in, ``XPublic`` goes out."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class ErrorBody(BaseModel):
    code: str = Field(description="稳定的错误代码 (stable error code)")
    message: str = Field(description="中文说明")
    message_en: str
    fix: str = Field(description="处理办法 (what to do)")
    location: dict[str, Any] = Field(description="文件、工作表、行、列 (where)")
    details: dict[str, Any]


class ErrorPublic(BaseModel):
    """Every error of the API has this one shape."""

    error: ErrorBody


class LoginRequest(BaseModel):
    username: str = Field(min_length=1, max_length=100)
    password: str = Field(min_length=1, max_length=200)


class ScopePublic(BaseModel):
    kind: str = Field(description="province | city | park | chain | enterprise")
    values: list[str]
    label: str = Field(description="数据范围的中文名称，含市州、园区、产业链或企业的名称 (the scope named)")
    label_en: str = ""
    names: list[str] = Field(default_factory=list, description="各取值的名称 (the values' names)")


class UserPublic(BaseModel):
    username: str
    display_name: str
    role: str
    role_label: str
    role_label_en: str
    actions: list[str]
    scope: ScopePublic
    must_change_password: bool = Field(False, description="须先修改管理员设置的密码 (must change the password first)")


class TokenPublic(BaseModel):
    access_token: str
    token_type: str = "bearer"
    expires_in: int = Field(description="有效秒数 (seconds)")
    user: UserPublic


class UserCreate(BaseModel):
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=8, max_length=200)
    role: str = Field(description="admin | province | city | park | chain | enterprise")
    scope_value: str | None = Field(None, description="市代码、园区编号、产业链编号（; 分隔）或统一社会信用代码")
    display_name: str | None = None


class UserListed(BaseModel):
    username: str
    display_name: str | None
    role: str
    scope_kind: str
    scope_value: str | None
    active: bool
    role_label: str
    role_label_en: str
    scope_label: str
    demo: bool = Field(description="演示账户（生产模式不能登录）(demo account)")
    must_change_password: bool = Field(description="下次登录须改密码 (must change the password)")


class RolePublic(BaseModel):
    name: str
    label: str
    label_en: str
    scope_kind: str = Field(description="province | city | park | chain | enterprise")


class PasswordChange(BaseModel):
    current_password: str = Field(min_length=1, max_length=200)
    new_password: str = Field(min_length=8, max_length=200)


class PasswordReset(BaseModel):
    password: str = Field(min_length=8, max_length=200, description="新密码 (the new password)")
    must_change: bool = Field(True, description="下次登录须修改 (owner must change it at next login)")


class PagePublic(BaseModel):
    """One page of a list; ``columns`` describe the fields (label, English label, unit)."""

    items: list[dict[str, Any]]
    total: int
    page: int
    size: int
    pages: int
    columns: list[dict[str, str]]


ERRORS = {code: {"model": ErrorPublic} for code in (400, 401, 403, 404, 409, 422, 429)}
