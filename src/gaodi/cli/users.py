"""`gaodi users add|list|disable|enable|reset-password|revoke|demo`: accounts of the web platform.

Each account has a role and a data scope. Every change is written to the audit log (client ``cli``).
"""

from __future__ import annotations

from typing import Annotated

import typer

from gaodi.access.roles import ROLES
from gaodi.cli.context import open_workspace
from gaodi.cli.output import console, print_json, print_table

app = typer.Typer(name="users", help="账户与角色 (accounts, roles and scopes).", no_args_is_help=True)

JsonOption = Annotated[bool, typer.Option("--json", help="输出 JSON (print JSON)")]
ROLE_HELP = "角色 role: " + "、".join(f"{r.name}（{r.label}）" for r in ROLES.values())


@app.command("add")
def add(
    username: Annotated[str, typer.Argument(help="用户名 (username)")],
    role: Annotated[str, typer.Option(help=ROLE_HELP)],
    scope: Annotated[str | None, typer.Option(
        help="范围取值：市代码 430100、园区编号、产业链编号（; 分隔）或统一社会信用代码 (scope value)")] = None,
    name: Annotated[str | None, typer.Option("--name", help="显示名称 (display name)")] = None,
    password: Annotated[str | None, typer.Option(
        help="密码，省略时交互输入 (password; prompted when omitted)")] = None,
    as_json: JsonOption = False,
) -> None:
    """新建账户：密码以 argon2 哈希保存 (create an account; the password is stored hashed)."""
    if password is None:
        password = typer.prompt("密码 password", hide_input=True, confirmation_prompt=True)
    with open_workspace() as g:
        user = g.users.add(username, password, role, scope, name)
        g.audit.record(None, "create_user", f"user:{username}", f"cli role={role} scope={scope}", "cli")
    if as_json:
        print_json(user.as_dict())
    else:
        console.print(f"已建账户 created: {user.username}（{ROLES[user.role].label}，{user.scope.describe()}）")


@app.command("list")
def list_(as_json: JsonOption = False) -> None:
    """列出账户（不含密码哈希）(list accounts)."""
    with open_workspace() as g:
        rows = g.users.list()
    if as_json:
        print_json(rows)
    else:
        print_table([{"用户名": r["username"], "名称": r["display_name"], "角色": ROLES[r["role"]].label,
                      "范围": r["scope_kind"] + (f" {r['scope_value']}" if r["scope_value"] else ""),
                      "启用": "是" if r["active"] else "否", "须改密码": "是" if r["must_change_password"] else "否",
                      "演示账户": "是" if r["demo"] else "否"} for r in rows], title="账户 accounts")


UsernameArg = Annotated[str, typer.Argument(help="用户名 (username)")]


@app.command("disable")
def disable(username: UsernameArg) -> None:
    """停用账户：不能再登录，已发出的令牌立即失效 (disable an account; its tokens stop working)."""
    _set_active(username, False)


@app.command("enable")
def enable(username: UsernameArg) -> None:
    """重新启用账户 (enable an account again)."""
    _set_active(username, True)


def _set_active(username: str, active: bool) -> None:
    with open_workspace() as g:
        g.users.set_active(username, active)
        g.audit.record(None, "enable_user" if active else "disable_user", f"user:{username}", "cli", "cli")
    console.print(f"已启用 enabled: {username}" if active else f"已停用 disabled: {username}")


@app.command("reset-password")
def reset_password(
    username: UsernameArg,
    password: Annotated[str | None, typer.Option(
        help="新密码，省略时交互输入 (new password; prompted when omitted)")] = None,
    must_change: Annotated[bool, typer.Option(
        "--must-change/--no-must-change", help="下次登录须修改（默认是）(owner must change it at next login)")] = True,
) -> None:
    """重置密码：旧令牌失效，默认下次登录须修改 (reset a password; old tokens stop working)."""
    if password is None:
        password = typer.prompt("新密码 new password", hide_input=True, confirmation_prompt=True)
    with open_workspace() as g:
        g.users.reset_password(username, password, must_change=must_change)
        g.audit.record(None, "reset_password", f"user:{username}", f"cli must_change={must_change}", "cli")
    console.print(f"已重置密码 password reset: {username}" + ("（下次登录须修改 must change at next login）"
                                                             if must_change else ""))


@app.command("revoke")
def revoke(username: UsernameArg) -> None:
    """撤销该账户已发出的全部令牌，须重新登录 (revoke every token issued to the account)."""
    with open_workspace() as g:
        g.users.revoke(username)
        g.audit.record(None, "revoke_tokens", f"user:{username}", "cli", "cli")
    console.print(f"已撤销令牌 tokens revoked: {username}")


@app.command("demo")
def demo(as_json: JsonOption = False) -> None:
    """为演示数据建立每种角色各一个账户（密码为 gaodi-<用户名>，仅供演示，生产模式不能登录）(demo accounts)."""
    with open_workspace() as g:
        logins = g.users.demo()
    print_demo_logins(logins, as_json)


def print_demo_logins(logins, as_json: bool = False) -> None:
    rows = [{"用户名 username": d.username, "密码 password": d.password, "角色 role": ROLES[d.role].label,
             "范围 scope": d.scope} for d in logins]
    if as_json:
        print_json(logins)
    else:
        print_table(rows, title="演示账户（仅供演示）demo logins")
