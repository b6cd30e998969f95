"""The command endpoint: run a CLI command for the workspace's owner while this server holds the workspace.

Only `gaodi serve` opens it (``CliBridge``): a second socket on 127.0.0.1 with a port of its own,
and a random token per start written to ``server.json`` (mode 0600) in the workspace. A request is
run only when it comes over loopback to that socket and carries that token, so neither the public
address nor a reverse proxy on the same machine can reach it. Each command is written to the
audit log (the command words, not its arguments, which may hold a password).
"""

from __future__ import annotations

import hmac
import secrets
import socket
from dataclasses import dataclass, field
from typing import Annotated

from fastapi import APIRouter, Header, Request
from pydantic import BaseModel, Field

from gaodi.cli.forwarded import Terminal, run_command
from gaodi.core import Gaodi
from gaodi.errors import ForbiddenError

router = APIRouter(prefix="/cli", include_in_schema=False)
LOOPBACK = ("127.0.0.1", "::1")


@dataclass
class CliBridge:
    """The loopback socket and the owner token of this server's command endpoint."""

    sock: socket.socket
    token: str = field(default_factory=lambda: secrets.token_urlsafe(32))

    @classmethod
    def open(cls) -> CliBridge:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))
        sock.listen(64)
        return cls(sock)

    @property
    def port(self) -> int:
        return self.sock.getsockname()[1]

    def admits(self, request: Request, token: str) -> bool:
        server = request.scope.get("server") or (None, None)
        client = request.client.host if request.client else ""
        return (client in LOOPBACK and server[1] == self.port
                and hmac.compare_digest(token.encode(), self.token.encode()))


class TerminalIn(BaseModel):
    width: int = Field(80, ge=20, le=1000)
    height: int = Field(25, ge=1, le=1000)
    is_terminal: bool = False
    color_system: str | None = Field(None, pattern="^(standard|256|truecolor|windows)$")
    no_color: bool = False
    term: str = Field("", max_length=100)


class CommandIn(BaseModel):
    args: list[str] = Field(min_length=1, max_length=1000)
    cwd: str
    debug: bool = False
    stdout: TerminalIn = TerminalIn()
    stderr: TerminalIn = TerminalIn()


@router.post("/run")
def run(body: CommandIn, request: Request,
        token: Annotated[str, Header(alias="X-Gaodi-Owner-Token")] = "") -> dict:
    bridge: CliBridge | None = getattr(request.app.state, "cli_bridge", None)
    if bridge is None or not bridge.admits(request, token):
        raise ForbiddenError("命令接口只接受本机工作区所有者的 gaodi 命令", "the command endpoint takes only the "
                             "workspace owner's gaodi commands from this machine", fix="在本机用 gaodi 命令行运行")
    root: Gaodi = request.app.state.gaodi

    def workspace() -> Gaodi:
        return root.on_own_connection()

    outcome = run_command(body.args, body.cwd, Terminal(**body.stdout.model_dump()),
                          Terminal(**body.stderr.model_dump()), body.debug, workspace)
    words = " ".join(a for a in body.args[:2] if not a.startswith("-"))
    with workspace() as g:
        g.audit.record(None, "cli", f"cli:{words}", f"exit={outcome.exit_code}", "127.0.0.1")
    return {"stdout": outcome.stdout, "stderr": outcome.stderr, "exit_code": outcome.exit_code}
