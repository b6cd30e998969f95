"""The API docs (Swagger UI) from files shipped in a Python package, never from a CDN.

The swagger-ui files come with ``fastapi-offline``; the page has no inline script (the start-up
code is its own small file), so it works under the strict Content-Security-Policy.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse, HTMLResponse, Response

ASSETS = Path(str(resources.files("fastapi_offline") / "static"))
SHIPPED = {"swagger-ui-bundle.js", "swagger-ui.css", "favicon.png"}

PAGE = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>高地 gaodi API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
<link rel="icon" href="/api/docs/assets/favicon.png"></head>
<body><div id="swagger-ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/assets/start.js"></script></body></html>
"""

START = """window.ui = SwaggerUIBundle({url: '/api/openapi.json', dom_id: '#swagger-ui',
  deepLinking: true, persistAuthorization: false, layout: 'BaseLayout', validatorUrl: null});
"""


def install_docs(app: FastAPI) -> None:
    """Serve ``/api/docs`` and its assets from the local package."""

    @app.get("/api/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(PAGE)

    @app.get("/api/docs/assets/{name}", include_in_schema=False)
    def asset(name: str) -> Response:
        if name == "start.js":
            return Response(START, media_type="text/javascript")
        if name not in SHIPPED:
            return Response(status_code=404)
        return FileResponse(ASSETS / name, headers={"Cache-Control": "public, max-age=86400"})
