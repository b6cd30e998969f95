"""Refresh docs/screenshots/ from a running demo (not a test).

    uv run gaodi --home demo-ws demo --size small          # serves http://127.0.0.1:8000/
    uv run python tests/web/screenshots.py [--base http://127.0.0.1:8000]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from browser import launch, log_in
from playwright.sync_api import sync_playwright

SHOTS = [  # account, path, file, what to wait for
    ("province", "/", "cockpit", "[data-test=plan-cards] .el-card"),
    ("province", "/cities/430100", "city", "[data-test=county-table] .el-table__body tr"),
    ("province", "/parks", "parks", "[data-test=park-table] .el-table__body tr"),
    ("province", "/enterprises", "enterprises", "[data-test=enterprise-table] .el-table__body tr"),
    ("province", "/plan", "plan", "[data-test=monitor-table] .el-table__body tr"),
    ("province", "/ladders", "ladders", "[data-test=candidate-table] .el-table__body tr"),
    ("province", "/policies", "policies", "[data-test=policy-summary] .el-table__body tr"),
    ("province", "/chains", "chains", "[data-test=chain-table] .el-table__body tr"),
    ("province", "/chains/CM", "chain", "[data-test=chain-map] svg text"),
    ("province", "/evaluations", "evaluations", "[data-test=ranking-table] .el-table__body tr"),
    ("province", "/problems", "problems", "[data-test=problem-table] .el-table__body tr"),
    ("province", "/regional", "regional", "[data-test=region-map][data-ready='city:14']"),
    ("province", "/reports", "reports", "[data-test=report-table] .el-table__body tr"),
    ("province", "/imports", "imports", "[data-test=import-log] .el-table__body tr"),
    ("city", "/", "cockpit-city-user", "[data-test=city-table] .el-table__body tr"),
    ("enterprise", "/", "enterprise-self-service", "[data-test=policy-table] .el-table__body tr"),
]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", default="http://127.0.0.1:8000")
    ap.add_argument("--out", type=Path, default=Path(__file__).parents[2] / "docs" / "screenshots")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = launch(p)
        for username, path, name, ready in SHOTS:
            page = browser.new_page(viewport={"width": 1440, "height": 960})
            log_in(page, args.base, username, f"gaodi-{username}")
            page.goto(args.base + path)
            page.wait_for_selector(ready, timeout=300_000)
            page.wait_for_timeout(800)
            page.screenshot(path=str(args.out / f"{name}.png"), full_page=name not in ("cockpit", "plan"))
            print("saved", args.out / f"{name}.png")
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
