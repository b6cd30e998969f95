"""`gaodi users add|list|demo`: accounts of the web platform, each with a role and a data scope."""

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
        print_table([{"用户名": r["username"], "名称": r["display_name"], "角色": r["role"],
                      "范围": r["scope_kind"] + (f" {r['scope_value']}" if r["scope_value"] else ""),
                      "启用": "是" if r["active"] else "否"} for r in rows], title="账户 accounts")


@app.command("demo")
def demo(as_json: JsonOption = False) -> None:
    """为演示数据建立每种角色各一个账户（密码为 gaodi-<用户名>，仅供演示）(demo accounts)."""
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
