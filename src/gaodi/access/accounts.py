"""Accounts: create them (with a role and a scope), log in, manage them, and the demo accounts.

Managing means: disable and enable, reset a password (the owner must change it at next login),
revoke every token issued so far (the token version goes up). The demo accounts carry a flag and
cannot log in when the server runs in production mode.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from gaodi.access.filters import scoped_city_codes, scoped_enterprises, scoped_parks
from gaodi.access.passwords import PasswordChecks, hash_password
from gaodi.access.roles import role as get_role
from gaodi.access.scope import PROVINCE, Scope
from gaodi.access.scope_names import named_scope
from gaodi.access.tokens import TokenClaims
from gaodi.errors import ConflictError, ForbiddenError, InputError, NotAuthenticated
from gaodi.store import Store
from gaodi.store import users as user_store

DEFAULT_CHECKS = PasswordChecks()


@dataclass(frozen=True)
class User:
    """A logged-in account: who, which role, which scope, and the state of its password and tokens."""

    username: str
    display_name: str
    role: str
    scope: Scope
    token_version: int = 0
    must_change_password: bool = False

    def as_dict(self) -> dict[str, Any]:
        r = get_role(self.role)
        return {"username": self.username, "display_name": self.display_name, "role": self.role,
                "role_label": r.label, "role_label_en": r.label_en, "actions": sorted(r.actions),
                "scope": self.scope.as_dict(), "must_change_password": self.must_change_password}


def user_from_record(record: dict[str, Any]) -> User:
    return User(record["username"], record.get("display_name") or record["username"], record["role"],
                Scope.parse(record["scope_kind"], record["scope_value"]), record.get("token_version") or 0,
                bool(record.get("must_change_password")))


def create_user(store: Store, username: str, password: str, role: str, scope_value: str | None = None,
                display_name: str | None = None, *, replace: bool = False, demo: bool = False) -> User:
    """Add an account; the role decides the scope kind, ``scope_value`` names the city/park/chains/USCC."""
    if not username or not username.replace("-", "").replace("_", "").replace(".", "").isalnum():
        raise InputError(f"用户名“{username}”不合规", f"invalid username {username!r}",
                         fix="只用字母、数字、- _ .")
    r = get_role(role)
    scope = Scope.parse(r.scope_kind, scope_value)
    _check_scope_exists(store, scope)
    record = user_store.add_user(store, username, display_name, hash_password(password), r.name, scope.kind,
                                 scope.stored_value, replace=replace, demo=demo)
    return user_from_record(record)


def authenticate(store: Store, username: str, password: str, *, production: bool = False,
                 checks: PasswordChecks = DEFAULT_CHECKS) -> User:
    """The account when the password matches, the account is active and may log in here.

    Exactly one password verification runs whatever the outcome (a dummy one for an unknown
    account), so the time of the answer does not tell whether the account exists.
    """
    record = user_store.find_user(store, username)
    matches = checks.verify(record["password_hash"] if record else None, password)
    if record is None or not matches:
        raise NotAuthenticated("用户名或密码错误", "wrong username or password", fix="检查后重试")
    if not record["active"]:
        raise NotAuthenticated("账户已停用", "the account is disabled", fix="联系管理员")
    if production and record["demo"]:
        raise NotAuthenticated("演示账户不能在生产模式下登录", "demo accounts cannot log in in production mode",
                               fix="请管理员用 gaodi users add 建立正式账户")
    return user_from_record(record)


def load_user(store: Store, claims: TokenClaims, *, production: bool = False) -> User:
    """The account a token names, when it is active and the token has not been revoked."""
    record = user_store.find_user(store, claims.username)
    if record is None or not record["active"]:
        raise NotAuthenticated("账户不存在或已停用", "the account does not exist or is disabled",
                               fix="联系管理员")
    if (record["token_version"] or 0) != claims.version:
        raise NotAuthenticated("登录已失效（密码已改或令牌已被撤销），请重新登录",
                               "the token was revoked (password changed or tokens revoked); log in again",
                               fix="重新登录")
    if production and record["demo"]:
        raise NotAuthenticated("演示账户不能在生产模式下使用", "demo accounts are refused in production mode",
                               fix="请管理员建立正式账户")
    return user_from_record(record)


def set_active(store: Store, username: str, active: bool, *, by: str | None = None) -> dict[str, Any]:
    """Enable or disable ``username``; an administrator may not disable their own account."""
    if not active and by == username:
        raise ConflictError("不能停用自己的账户", "you cannot disable your own account",
                            fix="由另一位管理员操作")
    return user_store.set_active(store, username, active)


def reset_password(store: Store, username: str, password: str, *, must_change: bool = True) -> dict[str, Any]:
    """Set a new password (by an administrator); by default its owner must change it at next login."""
    return user_store.set_password_hash(store, username, hash_password(password), must_change=must_change)


def change_password(store: Store, username: str, current: str, new: str, *,
                    checks: PasswordChecks = DEFAULT_CHECKS) -> User:
    """The owner changes their password, giving the current one; older tokens stop working."""
    record = user_store.get_user(store, username)
    if not checks.verify(record["password_hash"], current):
        raise NotAuthenticated("当前密码不对", "the current password is wrong", fix="检查后重试")
    if new == current:
        raise InputError("新密码不能与当前密码相同", "the new password must differ from the current one",
                         fix="换一个新密码")
    return user_from_record(user_store.set_password_hash(store, username, hash_password(new)))


def revoke_tokens(store: Store, username: str) -> dict[str, Any]:
    """Refuse every token issued to ``username`` so far (it logs in again to get a new one)."""
    return user_store.revoke_tokens(store, username)


def require_password_changed(user: User) -> None:
    """Raise ForbiddenError while the account still has to change a password an administrator set."""
    if user.must_change_password:
        raise ForbiddenError("请先修改管理员为您设置的密码", "change the password an administrator set first",
                             fix="在网页界面修改密码，或 POST /api/auth/password",
                             details={"reason": "must_change_password"})


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
    ``gaodi-<username>``: for demonstration only; the accounts are flagged as demo
    accounts and refused in production mode.
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
        user = create_user(store, username, password, role_name, value, label, replace=True, demo=True)
        out.append(DemoLogin(username, password, role_name, named_scope(store, user.scope)["label"]))
    return out


def _enterprises_in_city(store: Store, city: str) -> bool:
    return bool(store.execute(scoped_enterprises(store, Scope("city", (city,))).count()))
