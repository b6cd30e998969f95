"""Issue 18 item 7: security headers on every response, API docs from local files, no HTML from data.

Framing (clickjacking), MIME sniffing and any load from outside the server are refused by headers
on every answer, errors and static files included; no page the server sends names an outside host.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from gaodi.api import ApiSettings, create_app
from gaodi.api.app import STATIC
from gaodi.api.security_headers import HEADERS

WEB = Path(__file__).resolve().parents[2] / "web"
OUTSIDE = re.compile(r"""(?:src|href|action)\s*=\s*["']?\s*(?:https?:)?//""", re.IGNORECASE)


@pytest.fixture(scope="module")
def ui_client(workspace):
    if not (STATIC / "index.html").is_file():
        pytest.skip("the web UI is not built (make setup)")
    return TestClient(create_app(workspace, ApiSettings(serve_ui=True, login_attempts=1000)))


def _asset(ui_client) -> str:
    return "/" + re.search(r'src="/(assets/[^"]+\.js)"', ui_client.get("/").text).group(1)


@pytest.mark.parametrize("path,status", [
    ("/api/health", 200), ("/api/enterprises", 401), ("/api/no-such-thing", 404), ("/api/openapi.json", 200),
    ("/api/docs", 200), ("/api/docs/assets/swagger-ui-bundle.js", 200), ("/", 200), ("/enterprises/x", 200),
])
def test_every_response_carries_the_security_headers(ui_client, path, status):
    r = ui_client.get(path)
    assert r.status_code == status
    for name, value in HEADERS.items():
        assert r.headers[name] == value
    assert "frame-ancestors 'none'" in r.headers["Content-Security-Policy"]
    assert "script-src 'self';" in r.headers["Content-Security-Policy"]  # no inline script, no eval


def test_static_files_and_a_refused_login_carry_them_too(ui_client):
    r = ui_client.get(_asset(ui_client))
    assert r.status_code == 200 and r.headers["X-Content-Type-Options"] == "nosniff"
    r = ui_client.post("/api/auth/login", json={"username": "cs", "password": "wrong-password"})
    assert r.status_code == 401 and r.headers["X-Frame-Options"] == "DENY"


def test_no_served_page_loads_anything_from_another_host(ui_client):
    for path in ("/", "/api/docs"):
        page = ui_client.get(path).text
        assert not OUTSIDE.search(page), path
        for ref in re.findall(r'(?:src|href)="([^"]+)"', page):
            assert ui_client.get(ref).status_code == 200, ref  # every asset is served locally
    assert "<script>" not in ui_client.get("/api/docs").text  # the CSP forbids inline script


def test_the_api_docs_are_off_in_production_unless_asked_for(workspace):
    off = TestClient(create_app(workspace, ApiSettings(production=True, serve_ui=False)))
    assert off.get("/api/docs").status_code == 404 and off.get("/api/openapi.json").status_code == 404
    on = TestClient(create_app(workspace, ApiSettings(production=True, api_docs=True, serve_ui=False)))
    assert on.get("/api/docs").status_code == 200


def test_no_chart_tooltip_builds_html_from_data_without_escaping():
    """ECharts renders a tooltip formatter's string as HTML: each must go through tipLines."""
    offenders = []
    for path in (WEB / "src").rglob("*.vue"):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if "<br" in line and "tipLines" not in line:
                offenders.append(f"{path.name}:{n}: {line.strip()}")
    assert not offenders, offenders
    assert not [p for p in (WEB / "src").rglob("*.vue") if "v-html" in p.read_text(encoding="utf-8")]


@pytest.mark.skipif(shutil.which("node") is None or not (WEB / "node_modules" / "echarts").exists(),
                    reason="node and web/node_modules are needed")
def test_tooltip_lines_escape_names_taken_from_imported_data():
    script = ("import('./src/tooltip.js').then(m => process.stdout.write("
              "m.tipLines('<img src=x onerror=alert(1)>甲公司', 'A&B \"链\"')))")
    out = subprocess.run(["node", "--input-type=module", "-e", script], cwd=WEB, capture_output=True, text=True,
                         timeout=60, check=True).stdout
    assert out == "&lt;img src=x onerror=alert(1)&gt;甲公司<br/>A&amp;B &quot;链&quot;"
