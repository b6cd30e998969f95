"""The CLI's side of sharing a workspace with a running server: send the command line to the server.

DuckDB admits one writing process per database. When ``server.json`` in the workspace names a live
`gaodi serve` (``gaodi.cli.server_file``), a command is not run here: its arguments, the working
directory and what the terminal can show go over loopback to the server's command endpoint, with
the owner token that only the workspace's owner can read; the server runs the same command on its
open workspace (``gaodi.cli.forwarded``) and answers with stdout, stderr and the exit code, which
are printed here unchanged. Help and bare command groups stay local (they read no data);
`serve` and `demo` are refused while a server runs.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from gaodi.cli.commands import GROUPS
from gaodi.cli.server_file import ServerFile, live_server
from gaodi.errors import ConfigurationError, GaodiError
from gaodi.home import workspace_home

ENDPOINT = "/api/cli/run"
TOKEN_HEADER = "X-Gaodi-Owner-Token"
REFUSED = {"serve": ("再启动一个服务", "a second server"), "demo": ("生成演示数据", "building the demo")}
_GLOBAL_FLAGS = ("--debug",)
_LOCAL_FLAGS = ("--help", "--install-completion", "--show-completion")


def forward(args: list[str]) -> int | None:
    """Run ``args`` in the server that owns the workspace and return its exit code; None to run here."""
    parsed = split_global_options(args)
    if parsed is None:
        return None
    home, debug, command = parsed
    try:
        server = live_server(_home(home))
        if server is None:
            return None
        if command[0] in REFUSED:
            zh, en = REFUSED[command[0]]
            raise ConfigurationError(
                f"gaodi 服务正在使用这个工作区（进程 {server.pid}，端口 {server.port}），不能{zh}",
                f"a gaodi server (pid {server.pid}) owns this workspace: {en} is refused",
                fix="先停止正在运行的 gaodi serve（Ctrl+C），或用 --home 指定另一个工作区")
        answer = _send(server, command, debug)
    except GaodiError as exc:
        from gaodi.cli.output import err_console

        err_console.print(f"[bold red]错误 ({exc.code})[/bold red] {exc}")
        err_console.print(f"[dim]{exc.message_en}[/dim]")
        return 2
    if answer is None:
        return None
    sys.stdout.write(answer["stdout"])
    sys.stdout.flush()
    sys.stderr.write(answer["stderr"])
    sys.stderr.flush()
    return int(answer["exit_code"])


def split_global_options(args: list[str]) -> tuple[str | None, bool, list[str]] | None:
    """(--home, --debug, the command and its arguments), or None when the line stays local (help)."""
    home, debug, i = None, False, 0
    while i < len(args):
        token = args[i]
        if token == "--home" and i + 1 < len(args):
            home, i = args[i + 1], i + 2
        elif token.startswith("--home="):
            home, i = token.split("=", 1)[1], i + 1
        elif token in _GLOBAL_FLAGS:
            debug, i = True, i + 1
        elif token.startswith("-"):
            return None  # --help and the like, or a usage error that the local run reports
        else:
            break
    command = args[i:]
    if not command or any(t in _LOCAL_FLAGS for t in command) or _bare_group(command):
        return None
    return home, debug, command


def _bare_group(command: list[str]) -> bool:
    return command[0] in GROUPS and not any(not t.startswith("-") for t in command[1:])


def _home(home: str | None) -> Path:
    return workspace_home(home)


def _terminal(console) -> dict:
    return {"width": console.width, "height": console.height, "is_terminal": console.is_terminal,
            "color_system": console.color_system, "no_color": console.no_color,
            "term": os.environ.get("TERM", "")}


def _send(server: ServerFile, command: list[str], debug: bool) -> dict | None:
    """POST the command to the server; None when nothing listens (a server that is gone)."""
    from gaodi.cli.output import console, err_console

    import http.client

    body = json.dumps({"args": command, "cwd": os.getcwd(), "debug": debug,
                       "stdout": _terminal(console), "stderr": _terminal(err_console)}).encode("utf-8")
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=None)
    try:
        conn.request("POST", ENDPOINT, body, {"Content-Type": "application/json", TOKEN_HEADER: server.token})
        response = conn.getresponse()
        payload = response.read()
    except ConnectionRefusedError:
        return None
    except OSError as exc:
        raise ConfigurationError(f"无法把命令交给 gaodi 服务（端口 {server.port}）：{exc}",
                                 f"cannot reach the gaodi server on port {server.port}: {exc}",
                                 fix="确认服务仍在运行；停止服务后命令会直接打开工作区") from exc
    finally:
        conn.close()
    if response.status != 200:
        try:
            error = json.loads(payload)["error"]
        except (ValueError, KeyError, TypeError):
            error = {"message": payload.decode("utf-8", "replace")[:500], "message_en": ""}
        raise ConfigurationError(f"gaodi 服务拒绝了命令（HTTP {response.status}）：{error.get('message')}",
                                 f"the gaodi server refused the command (HTTP {response.status}): "
                                 f"{error.get('message_en')}", fix=error.get("fix") or "查看服务的输出")
    return json.loads(payload)
