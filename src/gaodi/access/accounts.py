"""Accounts: create them (with a role and a scope), log in, and the deterministic demo accounts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from gaodi.errors import NotAuthenticated
from gaodi.access.filters import scoped_city_codes, scoped_enterprises, scoped_parks
from gaodi.access.passwords import hash_password, verify_password
from gaodi.access.roles import role as get_role
from gaodi.access.scope import PROVINCE, Scope
from gaodi.errors import InputError
from gaodi.store import Store
from gaodi.store import users as user_store


@dataclass(frozen=True)
class User:
    """A logged-in account: who, which role, which scope."""

    username: str
    display_name: str
    role: str
    scope: Scope

    def as_dict(self) -> dict[str, Any]:
        r = get_role(self.role)
        return {"username": self.username, "display_name": self.display_name, "role": self.role,
                "role_label": r.label, "role_label_en": r.label_en, "actions": sorted(r.actions),
                "scope": self.scope.as_dict()}


def user_from_record(record: dict[str, Any]) -> User:
    return User(record["username"], record.get("display_name") or record["username"], record["role"],
                Scope.parse(record["scope_kind"], record["scope_value"]))


def create_user(store: Store, username: str, password: str, role: str, scope_value: str | None = None,
                display_name: str | None = None, *, replace: bool = False) -> User:
    """Add an account; the role decides the scope kind, ``scope_value`` names the city/park/chains/USCC."""
    if not username or not username.replace("-", "").replace("_", "").replace(".", "").isalnum():
        raise InputError(f"用户名“{username}”不合规", f"invalid username {username!r}",
                         fix="只用字母、数字、- _ .")
    r = get_role(role)
    scope = Scope.parse(r.scope_kind, scope_value)
    _check_scope_exists(store, scope)
    record = user_store.add_user(store, username, display_name, hash_password(password), r.name, scope.kind,
                                 scope.stored_value, replace=replace)
    return user_from_record(record)


def authenticate(store: Store, username: str, password: str) -> User:
    """The account when the password matches and the account is active; NotAuthenticated otherwise."""
    record = user_store.find_user(store, username)
    if record is None or not record["active"] or not verify_password(record["password_hash"], password):
        raise NotAuthenticated("用户名或密码错误", "wrong username or password", fix="检查后重试")
    return user_from_record(record)


def load_user(store: Store, username: str) -> User:
    record = user_store.find_user(store, username)
    if record is None or not record["active"]:
        raise NotAuthenticated("账户不存在或已停用", "the account does not exist or is disabled",
                               fix="联系管理员")
    return user_from_record(record)


def _check_scope_exists(store: Store, scope: Scope) -> None:
    table, column = {"city": ("regions", "code"), "park": ("parks", "park_id"),
                     "chain": ("chains", "chain_id"), "enterprise": ("enterprises", "uscc")}.get(
        scope.kind, (None, None))
    if table is None:
        return
    t = store.table(table)
    found = set(store.execute(t.filter(t[column].isin(scope.values))[column].name("v").as_table()).v)
    missing = [v for v in scope.values if v not in found]
    if missing:
        raise InputError(f"数据范围中的 {'、'.join(missing)} 在库中不存在（{table}）",
                         f"scope values not in the store: {', '.join(missing)}",
                         fix="先导入相应数据，或改正代码")


@dataclass(frozen=True)
class DemoLogin:
    username: str
    password: str
    role: str
    scope: str


def create_demo_users(store: Store) -> list[DemoLogin]:
    """Create (or reset) one account per role over the demo data, chosen deterministically.

    The city is the first city by code holding enterprises; the park is that city's first park by
    id; the chain the first by id; the enterprise the first (by USCC) in that park. Passwords are
    ``gaodi-<username>``: for demonstration only.
    """
    en, chains = store.table("enterprises"), store.table("chains")
    cities = scoped_city_codes(store, PROVINCE)
    city = next(c for c in cities if _enterprises_in_city(store, c))
    city_scope = Scope("city", (city,))
    park = store.execute(scoped_parks(store, city_scope).order_by("park_id").limit(1)).park_id.iloc[0]
    chain = store.execute(chains.order_by("chain_id").limit(1)).chain_id.iloc[0]
    firm = store.execute(en.filter(en.park_id == park).order_by("uscc").limit(1)).uscc.iloc[0]
    plan = [("admin", "admin", None, "系统管理员（演示）"), ("province", "province", None, "省工信厅（演示）"),
            ("city", "city", city, "市工信局（演示）"), ("park", "park", park, "园区管委会（演示）"),
            ("chain", "chain", chain, "产业链链办（演示）"), ("enterprise", "enterprise", firm, "企业（演示）")]
    out = []
    for username, role_name, value, label in plan:
        password = f"gaodi-{username}"
        user = create_user(store, username, password, role_name, value, label, replace=True)
        out.append(DemoLogin(username, password, role_name, user.scope.describe()))
    return out


def _enterprises_in_city(store: Store, city: str) -> bool:
    return bool(store.execute(scoped_enterprises(store, Scope("city", (city,))).count()))
