"""Fixtures: the hand-made province served on a free local port, and Debian's chromium."""

from __future__ import annotations

import socket
import threading
import time

import pytest
import uvicorn
from api import province
from playwright.sync_api import sync_playwright

from gaodi.api import ApiSettings, create_app
from gaodi.api.app import STATIC
from gaodi.core import Gaodi

from .browser import launch, log_in


@pytest.fixture(scope="session")
def web_workspace(tmp_path_factory):
    """The workspace the browser tests' server serves (a test may add rows the pages then show)."""
    folder = tmp_path_factory.mktemp("web-province")
    g = Gaodi.open(home=folder / "ws", in_memory=True)
    province.build(g, folder)
    return g


@pytest.fixture(scope="session")
def server(web_workspace):
    if not (STATIC / "index.html").is_file():
        pytest.fail("网页界面未构建：先运行 make setup（web/ 中 npm ci && npm run build）(the web UI is not built)")
    g = web_workspace
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(g, ApiSettings(login_attempts=1000)), host="127.0.0.1",
                                        port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)
    # the in-memory store is left to the garbage collector: a cached computation (the plan monitor)
    # may still be finishing on a worker thread, and closing under it would only print its error


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()


@pytest.fixture
def page_as(browser, server):
    """``page_as("cs")`` → a fresh page logged in as that account of the hand-made province."""
    pages = []

    def open_as(username: str):
        # Playwright's wait_for_function evaluates its predicate with eval, which the app's
        # Content-Security-Policy forbids; test_security_pages checks the pages under the policy.
        page = browser.new_page(viewport={"width": 1400, "height": 950}, bypass_csp=True)
        pages.append(page)
        log_in(page, server, username, province.PASSWORD)
        return page

    yield open_as
    for p in pages:
        p.close()
