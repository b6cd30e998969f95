"""Capture every page of the web UI for each kind of user into docs/screenshots/<role>-<page>.png.

    uv run python scripts/screenshots.py                 # builds (or reuses) the small demo, serves it, captures
    uv run python scripts/screenshots.py --base URL      # captures from a demo already served

The demo workspace is kept in --home (default: ./gaodi-screenshots, ignored by git) and reused when it
already holds a demo. Accounts are the demo's own (`gaodi users list`; password gaodi-<username>), logged
in through the form. Pages are read from web/src/router.js, so a page added later is captured too. Every
page's visible text is also checked for leaks (raw enumeration values, untranslated keys, UTC times, English
in the Chinese view) and what is found is printed at the end. Debian's chromium, never a downloaded browser.
"""

from __future__ import annotations

import argparse
import json
import socket
import subprocess
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "web"))
from browser import launch, log_in  # noqa: E402
from leaks import leaks, routes  # noqa: E402

#: Which demo account shows each role (the province is the administrator, who sees every page).
ROLES = {"province": "admin", "city": "city", "park": "park", "chain": "chain", "enterprise": "enterprise"}
#: The file name of each page; a route not listed takes its first path segment.
PAGE_NAMES = {"/": "cockpit", "/cities/:code": "city", "/parks/:id": "park", "/enterprises/:uscc": "enterprise",
              "/chains/:id": "chain"}
SETTLE = """() => !document.querySelector('.el-loading-mask:not([style*="display: none"])')
  && !/正在计算|Computing/.test(document.body.innerText)"""


def gaodi(home: Path, *args: str) -> str:
    cmd = [sys.executable, "-m", "gaodi", "--home", str(home), *args]
    return subprocess.run(cmd, check=True, capture_output=True, text=True, cwd=ROOT).stdout


def ensure_demo(home: Path, size: str) -> None:
    if (home / "gaodi.duckdb").is_file():
        print(f"reusing the demo in {home}")
        return
    print(f"building the {size} demo in {home} (a few minutes)…", flush=True)
    gaodi(home, "demo", "--size", size, "--no-serve")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(home: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "gaodi", "--home", str(home), "serve", "--port", str(port)],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"gaodi serve stopped: {proc.stderr.read().decode(errors='replace')}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return proc, base
        except OSError:
            time.sleep(0.5)
    proc.terminate()
    raise SystemExit("gaodi serve did not start within ten minutes")


def accounts(home: Path) -> dict[str, dict]:
    """The demo accounts by username, with their scope values (`gaodi users list --json`)."""
    return {u["username"]: u for u in json.loads(gaodi(home, "users", "list", "--json"))}


def pages_of(role: str, scope_values: list[str], page) -> list[tuple[str, str]]:
    """(file name, path) of every page this user reaches: the router's pages in the user's menu, and the
    detail pages of the user's own city, park, chain or enterprise (or, for the province, the first listed)."""
    menu = set(page.locator("[data-path]").evaluate_all("els => els.map(e => e.dataset.path)"))
    own = scope_values[0] if scope_values else None
    detail = {"/cities/:code": own if role == "city" else None, "/parks/:id": own if role == "park" else None,
              "/chains/:id": own if role == "chain" else None,
              "/enterprises/:uscc": own if role == "enterprise" else None}
    out = []
    for route in routes():
        name = PAGE_NAMES.get(route) or route.strip("/").split("/")[0]
        if ":" in route:
            value = detail.get(route) or (first_link(page, route) if role == "province" else None)
            if value:
                out.append((name, route.split("/:")[0] + "/" + value))
        elif route in menu or (route == "/password"):
            out.append((name, route))
    return out


def first_link(page, route: str) -> str | None:
    """A sample value for a detail route, from the province's lists through the API."""
    api = {"/cities/:code": ("/api/regions/cities?page_size=1", "city_code"),
           "/parks/:id": ("/api/parks?page_size=1", "park_id"),
           "/enterprises/:uscc": ("/api/enterprises?page_size=1", "uscc"),
           "/chains/:id": ("/api/chains?page_size=1", "chain_id")}.get(route)
    if api is None:
        return None
    data = page.evaluate("""async ([path]) => {
        const r = await fetch(path, {headers: {Authorization: 'Bearer ' + sessionStorage.getItem('gaodi.token')}})
        return r.ok ? r.json() : null }""", [api[0]])
    items = (data or {}).get("items") or []
    return str(items[0][api[1]]) if items else None


class Requests:
    """The page's API requests still open; a page is read once none has been open for a second and a half
    (networkidle gives up on a slow answer, and the loading marks appear only once a request has started)."""

    def __init__(self, page) -> None:
        self.open: set = set()
        page.on("request", lambda r: "/api/" in r.url and self.open.add(r))
        page.on("requestfinished", lambda r: self.open.discard(r))
        page.on("requestfailed", lambda r: self.open.discard(r))

    def settle(self, page) -> None:
        quiet = 0
        for _ in range(3000):  # at most ten minutes on a loaded machine
            quiet = 0 if self.open else quiet + 1
            if quiet >= 8:
                break
            page.wait_for_timeout(200)
        page.wait_for_function(SETTLE, timeout=300_000)
        page.wait_for_timeout(600)


def capture(base: str, users: dict[str, dict], out: Path, langs: tuple[str, ...], roles: list[str]) -> list[str]:
    found = []
    with sync_playwright() as p:
        browser = launch(p)
        for role, username in ((r, ROLES[r]) for r in roles):
            if username not in users:
                print(f"no demo account {username}: skipped {role}")
                continue
            page = browser.new_page(viewport={"width": 1440, "height": 960}, bypass_csp=True)
            settle = Requests(page).settle
            log_in(page, base, username, f"gaodi-{username}")
            settle(page)
            for name, path in pages_of(role, [v for v in (users[username].get("scope_value") or "").split(",") if v], page):
                for lang in langs:
                    page.evaluate(f"localStorage.setItem('gaodi.lang', '{lang}')")
                    page.goto(base + path)
                    page.wait_for_selector("[data-test=who]")
                    settle(page)
                    suffix = "" if lang == "zh" else "-en"
                    file = out / f"{role}-{name}{suffix}.png"
                    page.screenshot(path=str(file), full_page=True)
                    hits = leaks(page.locator("body").inner_text(), lang)
                    found += [f"{file.name}: {h}" for h in hits]
                    print("saved", file.relative_to(ROOT) if file.is_relative_to(ROOT) else file, flush=True)
            page.evaluate("localStorage.setItem('gaodi.lang', 'zh')")
            page.close()
        browser.close()
    return found


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--home", type=Path, default=ROOT / "gaodi-screenshots", help="the demo workspace")
    ap.add_argument("--size", default="small", help="demo size when it has to be built")
    ap.add_argument("--base", help="a demo already served (its workspace is --home, for the accounts)")
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    ap.add_argument("--english", action="store_true", help="also capture each page in English (<name>-en.png)")
    ap.add_argument("--roles", default=",".join(ROLES), help=f"which roles to capture (default {','.join(ROLES)})")
    args = ap.parse_args()
    ensure_demo(args.home, args.size)
    users = accounts(args.home)
    args.out.mkdir(parents=True, exist_ok=True)
    proc = None
    base = args.base
    if base is None:
        proc, base = serve(args.home)
    try:
        found = capture(base, users, args.out, ("zh", "en") if args.english else ("zh",), args.roles.split(","))
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(timeout=30)
    print("\n".join(["", "what a person should not read:"] + found) if found else "no leaks found")


if __name__ == "__main__":
    main()
