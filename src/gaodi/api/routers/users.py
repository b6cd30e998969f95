"""Accounts (administrators only): list and create; every creation is audited."""

from __future__ import annotations

from fastapi import APIRouter

from gaodi.access.accounts import create_user
from gaodi.api.deps import Admin, Audit, GaodiDep
from gaodi.api.schemas import ERRORS, UserCreate, UserListed, UserPublic
from gaodi.store import users as user_store

router = APIRouter(prefix="/users", tags=["账户 users"], responses=ERRORS)


@router.get("", response_model=list[UserListed], summary="账户列表 (accounts)")
def list_users(_: Admin, g: GaodiDep) -> list[dict]:
    return user_store.list_users(g.store)


@router.post("", response_model=UserPublic, status_code=201, summary="新建账户 (create an account)")
def add_user(body: UserCreate, _: Admin, g: GaodiDep, audit: Audit) -> dict:
    user = create_user(g.store, body.username, body.password, body.role, body.scope_value, body.display_name)
    audit("create_user", f"user:{user.username}", f"role={user.role} scope={user.scope.describe()}")
    return user.as_dict()
