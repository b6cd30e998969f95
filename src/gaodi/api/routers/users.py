"""Accounts (administrators only): list, create, disable and enable, reset a password, revoke tokens.

Every change is audited.
"""

from __future__ import annotations

from fastapi import APIRouter

from gaodi.access.roles import ROLES
from gaodi.access.scope import Scope
from gaodi.api.deps import Admin, Audit, GaodiDep
from gaodi.api.schemas import ERRORS, PasswordReset, RolePublic, UserCreate, UserListed, UserPublic

router = APIRouter(prefix="/users", tags=["账户 users"], responses=ERRORS)


@router.get("", response_model=list[UserListed], summary="账户列表 (accounts)")
def list_users(_: Admin, g: GaodiDep) -> list[dict]:
    return [_labelled(g, u) for u in g.users.list()]


@router.get("/roles", response_model=list[RolePublic], summary="角色及其数据范围类型 (roles)")
def roles(_: Admin) -> list[dict]:
    return [{"name": r.name, "label": r.label, "label_en": r.label_en, "scope_kind": r.scope_kind}
            for r in ROLES.values()]


@router.post("", response_model=UserPublic, status_code=201, summary="新建账户 (create an account)")
def add_user(body: UserCreate, _: Admin, g: GaodiDep, audit: Audit) -> dict:
    user = g.users.add(body.username, body.password, body.role, body.scope_value, body.display_name)
    audit("create_user", f"user:{user.username}", f"role={user.role} scope={user.scope.describe()}")
    return user.as_dict()


@router.post("/{username}/disable", response_model=UserListed, summary="停用账户，其令牌随之失效 (disable)")
def disable(username: str, admin: Admin, g: GaodiDep, audit: Audit) -> dict:
    g.users.set_active(username, False, by=admin.username)
    audit("disable_user", f"user:{username}")
    return _listed(g, username)


@router.post("/{username}/enable", response_model=UserListed, summary="启用账户 (enable)")
def enable(username: str, _: Admin, g: GaodiDep, audit: Audit) -> dict:
    g.users.set_active(username, True)
    audit("enable_user", f"user:{username}")
    return _listed(g, username)


@router.post("/{username}/password", response_model=UserListed,
             summary="重置密码，旧令牌失效，默认下次登录须修改 (reset the password)")
def reset_password(username: str, body: PasswordReset, _: Admin, g: GaodiDep, audit: Audit) -> dict:
    g.users.reset_password(username, body.password, must_change=body.must_change)
    audit("reset_password", f"user:{username}", f"must_change={body.must_change}")
    return _listed(g, username)


@router.post("/{username}/revoke", response_model=UserListed, summary="撤销该账户已发出的全部令牌 (revoke tokens)")
def revoke(username: str, _: Admin, g: GaodiDep, audit: Audit) -> dict:
    g.users.revoke(username)
    audit("revoke_tokens", f"user:{username}")
    return _listed(g, username)


def _listed(g, username: str) -> dict:
    """The account as listed (the response model leaves out the hash and the token version)."""
    return _labelled(g, g.users.get(username))


def _labelled(g, record: dict) -> dict:
    role = ROLES[record["role"]]
    return {**record, "role_label": role.label, "role_label_en": role.label_en,
            "scope_label": g.users.scope_label(Scope.parse(record["scope_kind"], record["scope_value"]))}
