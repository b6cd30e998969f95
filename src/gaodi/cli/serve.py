"""`gaodi serve`: the REST API and the web UI on one port, holding the workspace open.

Listening on any address other than this machine's own (loopback) means production mode: demo
accounts cannot log in and the API docs are off. Tokens are signed with GAODI_API_SECRET_KEY when it
is set, otherwise with the workspace's own random secret (``token-secret.key`` in its home).
"""

from __future__ import annotations

from typing import Annotated

import typer

from gaodi.cli.context import open_workspace
from gaodi.cli.output import console
from gaodi.errors import ConfigurationError

app = typer.Typer(name="serve", help="启动网页界面与 REST 接口 (serve the web UI and the API).")


def server_app(g, host: str, production: bool):
    """The app ``gaodi serve`` runs: production whenever asked or whenever the host is not loopback."""
    from gaodi.api import ApiSettings, create_app
    from gaodi.api.settings import is_loopback

    production = production or not is_loopback(host)
    return create_app(g, ApiSettings(**({"production": True} if production else {})))


def server_config(api, host: str, port: int):
    """The uvicorn configuration: the client address is resolved by gaodi itself
    (GAODI_API_TRUSTED_PROXIES), never by uvicorn, and the server does not name itself."""
    import uvicorn

    return uvicorn.Config(api, host=host, port=port, log_level="warning", proxy_headers=False,
                          server_header=False)


def serve(g, host: str, port: int, production: bool) -> None:
    """Run the server over an open workspace until interrupted (used by `gaodi serve` and `gaodi demo`)."""
    import uvicorn

    from gaodi.api.routers.cli_bridge import CliBridge
    from gaodi.cli import server_file

    api = server_app(g, host, production)
    settings = api.state.settings
    config = server_config(api, host, port)
    public = _bind(config, host, port)
    api.state.cli_bridge = bridge = CliBridge.open()  # where the CLI sends its commands meanwhile
    docs = f"   接口文档 API docs: http://{host}:{port}/api/docs" if settings.docs_enabled else ""
    mode = "生产模式 production（演示账户不能登录 demo logins refused）" if settings.production else "开发模式 development"
    console.print(f"[bold]高地 gaodi[/bold] 网页界面 web UI: http://{host}:{port}/{docs}   {mode}   （Ctrl+C 停止 stop）")
    with server_file.owned(g.settings.home, bridge.port, bridge.token):
        uvicorn.Server(config).run(sockets=[public, bridge.sock])


def _bind(config, host: str, port: int):
    """The listening socket, or a clear error when the address is taken (uvicorn would only exit)."""
    try:
        return config.bind_socket()
    except (OSError, SystemExit):
        raise ConfigurationError(f"无法在 {host}:{port} 上监听：端口已被占用或地址不可用",
                                 f"cannot listen on {host}:{port}: the port is taken or the address unavailable",
                                 fix=f"换一个端口，如 --port {port + 1}（make demo PORT={port + 1}），"
                                     "或先停止占用该端口的程序") from None


@app.command("serve")
def serve_command(
    host: Annotated[str, typer.Option(
        help="监听地址；非本机回环地址即为生产模式 (address; anything but loopback means production)")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="端口 (port)")] = 8000,
    production: Annotated[bool, typer.Option(
        "--production", help="生产模式：演示账户不能登录，接口文档关闭 (production mode)")] = False,
) -> None:
    """启动网页界面与 REST 接口；运行期间命令行命令交由本服务执行 (the server holds the workspace; CLI commands run in it)."""
    from gaodi.api import ApiSettings

    ApiSettings().check()
    with open_workspace() as g:
        serve(g, host, port, production)
