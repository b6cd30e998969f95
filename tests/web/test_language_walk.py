"""Every page of the router, in Chinese and in English, as the province administrator: no raw enumeration
value (snake_case), no untranslated i18n key, no UTC timestamp, and no Latin word in the Chinese view
outside a short allow-list (tests/web/leaks.py) and the codes of the hand-made province.

The pages are read from web/src/router.js, so a page added later is walked too; a route with a parameter
needs a sample value in SAMPLES (the test says which). Each tab of a page is opened and read as well.
"""

from __future__ import annotations

import pytest
from api import province

from .browser import log_in
from .leaks import fill, leaks, routes

pytestmark = pytest.mark.slow  # a browser and a server: `make test` runs these, `make test-fast` does not

SAMPLES = {"/cities/:code": "/cities/430100", "/parks/:id": "/parks/PA",
           "/enterprises/:uscc": f"/enterprises/{province.USCC['A1']}", "/chains/:id": "/chains/T"}
#: Codes of the hand-made province that pages show in code columns: chain, segment, park and project ids,
#: and the usernames of its accounts.
CODES = {"T", "V", "PA", "PB", "P1", "P2", "U1", "D1", "M1", *province.ACCOUNTS}
#: Leaks still to fix, by page: this list may only shrink (the test fails when an entry no longer occurs, so
#: that it is taken out). The audit log's resource and detail columns are technical key=value text; the
#: import log names the shipped catalogues' source in English; the regional page cites a docs path.
KNOWN = {
    "[zh] /audit": {"English", "raw value"},
    "[en] /audit": {"raw value"},
    "[zh] /imports": {"English"},
    "[zh] /regional": {"English"},
    "[zh] /chains/T": {"English"},
    "[zh] /evaluations": {"English"},
}

SETTLE = """() => !document.querySelector('.el-loading-mask:not([style*="display: none"])')
  && !/正在计算|Computing/.test(document.body.innerText)"""


class InFlight:
    """The page's API requests still open (networkidle waits for 500 ms of quiet, which a slow answer breaks)."""

    def __init__(self, page) -> None:
        self.open: set = set()
        page.on("request", lambda r: "/api/" in r.url and self.open.add(r))
        page.on("requestfinished", lambda r: self.open.discard(r))
        page.on("requestfailed", lambda r: self.open.discard(r))

    def settle(self, page) -> None:
        page.wait_for_timeout(200)
        for _ in range(1200):  # at most two minutes on a loaded machine
            if not self.open:
                break
            page.wait_for_timeout(100)
        page.wait_for_function(SETTLE, timeout=120_000)
        page.wait_for_timeout(150)


def visible_text(page) -> str:
    return page.locator("body").inner_text()


def walk(page, base: str, lang: str, settle) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for route in routes():
        try:
            path = fill(route, SAMPLES)
        except KeyError:
            found[route] = [f"no sample value for {route}: add one to SAMPLES in {__name__}"]
            continue
        page.goto(base + path)
        page.wait_for_selector("[data-test=who]")
        settle(page)
        texts = [visible_text(page)]
        tabs = page.locator(".el-tabs__item:not(.is-active):not(.is-disabled)")
        for i in range(tabs.count()):
            tabs.nth(i).click()
            settle(page)
            texts.append(visible_text(page))
        hits = sorted({hit for text in texts for hit in leaks(text, lang, CODES)})
        if hits:
            found[path] = hits
    return found


def test_every_page_reads_in_chinese_and_in_english(browser, server):
    page = browser.new_page(viewport={"width": 1400, "height": 950}, bypass_csp=True)
    log_in(page, server, "admin", province.PASSWORD)
    assert len(routes()) >= 15
    settle = InFlight(page).settle
    zh = walk(page, server, "zh", settle)
    page.evaluate("localStorage.setItem('gaodi.lang', 'en')")
    en = walk(page, server, "en", settle)
    page.close()
    pages = {f"[{lang}] {path}": hits for lang, found in (("zh", zh), ("en", en)) for path, hits in found.items()}
    report = [f"{where}: {', '.join(h for h in hits if h.split(':')[0] not in KNOWN.get(where, set()))}"
              for where, hits in pages.items()
              if any(h.split(":")[0] not in KNOWN.get(where, set()) for h in hits)]
    assert not report, "\n".join(report)
    fixed = sorted(set(KNOWN) - set(pages))
    assert not fixed, f"no longer leaking, take them out of KNOWN: {fixed}"
