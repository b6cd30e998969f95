"""The file by which a running `gaodi serve` says it owns a workspace: pid, host, port and owner token.

DuckDB admits one writing process per database, so while a server runs, CLI commands on the same
workspace are sent to it (``gaodi.cli.remote``). The server writes ``server.json`` in the workspace
when its sockets listen and removes it on exit. The file is created atomically with mode 0600, so
only the workspace's owner can read the token that the server's command endpoint asks for. A file
left by a server that died (its pid no longer runs) is ignored.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

from gaodi.errors import ConfigurationError

NAME = "server.json"


@dataclass(frozen=True)
class ServerFile:
    pid: int
    host: str
    port: int
    token: str
    started_at: str


def location(home: Path) -> Path:
    return Path(home) / NAME


def write(home: Path, port: int, token: str) -> ServerFile:
    """Write the file readable by its owner only; a reader never sees it half written."""
    entry = ServerFile(os.getpid(), socket.gethostname(), port, token, dt.datetime.now().isoformat(timespec="seconds"))
    target = location(home)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{NAME}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump(asdict(entry), out)
    os.replace(tmp, target)
    return entry


def remove(home: Path, token: str) -> None:
    """Remove the file if it is still this server's (a later server may have replaced it)."""
    target = location(home)
    try:
        if json.loads(target.read_text(encoding="utf-8")).get("token") == token:
            target.unlink()
    except (OSError, ValueError):
        pass


@contextmanager
def owned(home: Path, port: int, token: str) -> Iterator[ServerFile]:
    """The file for the block's duration; a plain ``kill`` (SIGTERM) also removes it on the way out."""
    previous = None
    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGTERM, _exit_on_signal)
    entry = write(home, port, token)
    try:
        yield entry
    finally:
        remove(home, token)
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _exit_on_signal(signum: int, _frame) -> None:
    raise SystemExit(128 + signum)


def live_server(home: Path) -> ServerFile | None:
    """The server that owns the workspace now, or None (no file, or a file left by a dead server)."""
    target = location(home)
    try:
        data = json.loads(target.read_text(encoding="utf-8"))
        entry = ServerFile(int(data["pid"]), str(data["host"]), int(data["port"]), str(data["token"]),
                           str(data.get("started_at", "")))
    except FileNotFoundError:
        return None
    except PermissionError as exc:
        raise ConfigurationError(
            f"工作区 {home} 正由其他用户的 gaodi 服务使用，无法读取 {target}",
            f"the workspace {home} is served by another user's gaodi server ({target} is not readable)",
            fix="以工作区所有者的身份运行命令，或通过网页界面操作") from exc
    except (OSError, ValueError, KeyError, TypeError):
        return None  # unreadable or half-written by an older version: treat as absent
    if entry.host != socket.gethostname():
        raise ConfigurationError(
            f"工作区 {home} 正由另一台机器（{entry.host}）上的 gaodi 服务使用",
            f"the workspace {home} is served from another machine ({entry.host})",
            fix="在运行服务的机器上执行命令，或先停止那里的服务")
    return entry if _running(entry.pid) else None


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it runs, as another user
    return True
