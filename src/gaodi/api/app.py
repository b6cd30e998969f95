"""The app factory: ``create_app(gaodi, settings)`` wires routers, errors, the store lock and the web UI.

DuckDB allows one writing process, so the server holds the workspace open; each request
borrows its own cursor on it (``sessions``), and results that only change with the data
are cached per data version (``cache``).
"""

from __future__ import annotations

from importlib import metadata, resources
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse, Response

from gaodi.access.passwords import PasswordChecks
from gaodi.access.rate_limit import LoginLimiter
from gaodi.api.cache import ResultCache
from gaodi.api.docs_page import install_docs
from gaodi.api.errors import install_error_handlers
from gaodi.api.limits import BodyLimit
from gaodi.api.responses import HealthPublic
from gaodi.api.routers import (
    audit,
    auth,
    calendar,
    catalog,
    chains,
    cli_bridge,
    cockpit,
    enterprises,
    evaluations,
    imports,
    ladders,
    monitor,
    parks,
    policies,
    problems,
    regional,
    regions,
    reports,
    tasks,
    users,
    warnings,
)
from gaodi.api.security_headers import SecurityHeaders
from gaodi.api.sessions import WorkspacePool
from gaodi.api.settings import ApiSettings
from gaodi.core import Gaodi
from gaodi.errors import NotFoundError

STATIC = Path(str(resources.files("gaodi.web") / "static"))
DESCRIPTION = """高地 gaodi 的 REST 接口：与命令行调用同一套核心 API。

* 登录：`POST /api/auth/login` 得到令牌，之后每个请求带 `Authorization: Bearer <令牌>`。
* 数据范围：每个账户有角色和范围（全省、市、园区、产业链、企业），列表只含范围内的行，范围外的单条记录返回 403。
* 列表：`page`、`page_size` 分页；`format=csv` 或 `format=xlsx` 导出整表（中文表头带单位）。
* 错误：所有错误都是同一个形状 `{"error": {"code", "message", "message_en", "fix", "location", "details"}}`。
* 审计：每次写入、每次读取企业保密数据都记入审计日志。
"""


def create_app(gaodi: Gaodi, settings: ApiSettings | None = None) -> FastAPI:
    """The FastAPI app over ``gaodi``; raises ConfigurationError for an unsafe secret."""
    settings = (settings or ApiSettings()).check()
    app = FastAPI(title="高地 gaodi API", description=DESCRIPTION, version=_version(),
                  openapi_url="/api/openapi.json" if settings.docs_enabled else None, docs_url=None, redoc_url=None)
    app.state.gaodi = gaodi
    app.state.settings = settings
    app.state.secret = settings.signing_secret(gaodi.settings.home)
    app.state.proxies = settings.proxy_networks()
    app.state.workspaces = WorkspacePool(gaodi)
    app.state.cache = ResultCache()
    app.state.limiter = LoginLimiter(settings.login_attempts, settings.login_window_seconds,
                                     per_address=settings.login_attempts_per_address,
                                     max_lockout=settings.login_lockout_max_seconds)
    app.state.password_checks = PasswordChecks(settings.password_checks, settings.password_check_wait_seconds)
    app.add_middleware(BodyLimit)
    app.add_middleware(SecurityHeaders)  # outermost: a refused body (413) carries the headers too
    install_error_handlers(app)
    if settings.docs_enabled:
        install_docs(app)

    @app.get("/api/health", response_model=HealthPublic, tags=["状态 health"], summary="服务状态 (health)")
    def health() -> dict:
        return {"status": "ok", "version": _version(), "production": settings.production}

    for module in (auth, users, audit, regions, parks, enterprises, monitor, chains, evaluations, policies, ladders,
                   problems, regional, reports, imports, catalog, calendar, tasks, cli_bridge, cockpit,
                   warnings):
        app.include_router(module.router, prefix="/api")

    @app.get("/api/{rest:path}", include_in_schema=False)
    def unknown_api(rest: str) -> None:
        raise NotFoundError(f"没有这个接口：/api/{rest}", f"no such endpoint: /api/{rest}", fix="查看 /api/docs")

    if settings.serve_ui:
        _mount_ui(app)
    return app


def _mount_ui(app: FastAPI) -> None:
    """Serve the built web UI; any other path gets index.html (the UI routes in the browser)."""
    index = STATIC / "index.html"

    @app.get("/{path:path}", include_in_schema=False)
    def ui(path: str) -> Response:
        target = (STATIC / path).resolve()
        if path and target.is_file() and STATIC.resolve() in target.parents:
            return FileResponse(target, headers={"Cache-Control": "public, max-age=31536000, immutable"}
                                if path.startswith("assets/") else None)
        if not index.is_file():
            raise NotFoundError("网页界面尚未构建", "the web UI is not built",
                                fix="运行 make setup（在 web/ 中执行 npm ci && npm run build）")
        return FileResponse(index, headers={"Cache-Control": "no-cache"})


def _version() -> str:
    try:
        return metadata.version("gaodi")
    except metadata.PackageNotFoundError:
        return "0.0.0"
