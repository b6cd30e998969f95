"""The UI under the Content-Security-Policy, the accounts page and the forced password change, in chromium."""

from __future__ import annotations

import pytest
from api import province

from .browser import log_in

pytestmark = pytest.mark.slow  # a browser and a server: `make test` runs these, `make test-fast` does not

def field(name: str) -> str:
    """The text box an Element Plus input with ``data-test=name`` renders (the attribute lands on the input)."""
    return f"input[data-test={name}], [data-test={name}] input"


RECORD_VIOLATIONS = """window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
"""


def test_the_pages_and_the_api_docs_work_under_the_policy_without_a_single_violation(browser, server):
    page = browser.new_page(viewport={"width": 1400, "height": 950})
    page.add_init_script(RECORD_VIOLATIONS)
    refused = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
    try:
        log_in(page, server, "admin", province.PASSWORD)
        # locators, not wait_for_function: Playwright evaluates a predicate with eval, which the policy forbids
        page.locator("[data-test=province-map] svg text").nth(13).wait_for()
        for path, ready in (("/chains/T", "svg"), ("/regional", "svg"), ("/users", "[data-test=users-table] tr")):
            page.goto(f"{server}{path}")
            page.locator(ready).first.wait_for()
            assert page.evaluate("window.__csp") == [], path
        page.goto(f"{server}/api/docs")
        page.locator(".swagger-ui .info .title", has_text="高地 gaodi API").wait_for()
        assert page.evaluate("window.__csp") == [] and refused == []
    finally:
        page.close()


def test_an_administrator_creates_and_resets_an_account_whose_owner_must_then_change_it(page_as, browser, server):
    admin = page_as("admin")
    admin.goto(f"{server}/users")
    admin.fill(field("new-username"), "web-clerk")
    admin.click("[data-test=new-role]")
    admin.locator(".el-select-dropdown__item", has_text="省级用户").click()
    admin.fill(field("new-password"), "first-password")
    admin.click("[data-test=create-user]")
    admin.locator("[data-test=users-table]").get_by_text("web-clerk").wait_for()
    admin.click("[data-test=reset-web-clerk]")
    admin.fill(field("reset-password"), "temporary-pass")
    admin.click("[data-test=reset-save]")
    row = admin.locator("[data-test=users-table] tr", has_text="web-clerk")
    row.get_by_text("须改密码").wait_for()

    page = browser.new_page()
    try:
        log_in(page, server, "web-clerk", "temporary-pass")
        page.wait_for_url(f"{server}/password")
        page.fill(field("current-password"), "temporary-pass")
        page.fill(field("new-password"), "my-own-password")
        page.fill(field("repeat-password"), "my-own-password")
        page.click("[data-test=change-password]")
        page.wait_for_url(f"{server}/")
        page.locator("[data-test=province-map] svg text").nth(13).wait_for()
    finally:
        page.close()
