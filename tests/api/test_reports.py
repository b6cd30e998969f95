"""Reports over the API: generate each kind for the caller's area, list the kept ones, download them.

Hand figures of ``province.py`` (2025, above scale; A3 is below scale):
- province 营业收入利润率 = Σ profit ÷ Σ revenue = (5 000 + 1 000 + 2 000 + 600 + 300) ÷ 150 000 = 5.93 %;
- 长沙 = (5 000 + 1 000) ÷ 80 000 = 7.50 %;
- regional report (营业收入, city level, 2-digit classes): Krugman index of 长沙 = 14/15 = 0.9333 and its
  largest location quotient 1.875 (worked in test_regional.py).
"""

from __future__ import annotations

import io

import openpyxl
import pytest

from gaodi.store import audit


def generate(client, login, user, **body):
    r = client.post("/api/reports", json=body, headers=login(user))
    return r


def download(client, login, user, report_id):
    return client.get(f"/api/reports/files/{report_id}", headers=login(user))


def listed(client, login, user):
    r = client.get("/api/reports/files", params={"page_size": 500}, headers=login(user))
    assert r.status_code == 200, r.text
    return {i["id"]: i for i in r.json()["items"]}


def test_the_kinds_are_listed(client, login):
    body = client.get("/api/reports/kinds", headers=login("cs")).json()
    assert [k["kind"] for k in body["kinds"]] == ["monitor", "midterm", "final", "regional"]
    assert body["formats"] == ["docx", "pdf", "html", "xlsx"] and body["default_area"] == "430100"


def test_the_province_monitoring_report_is_generated_listed_and_downloaded(client, login, workspace):
    r = generate(client, login, "prov", kind="monitor", format="html", period="2025")
    assert r.status_code == 201, r.text
    made = r.json()
    assert made["area"] is None and made["period"] == "2025" and made["download"].endswith(made["id"])
    assert made["id"] in listed(client, login, "prov")
    got = download(client, login, "prov", made["id"])
    assert got.status_code == 200 and got.headers["content-type"].startswith("text/html")
    assert "attachment" in got.headers["content-disposition"]
    html = got.content.decode("utf-8")
    assert "湖南省先进制造业统计监测分析报告" in html and "<td class=\"num\">5.93</td>" in html
    _, entries = audit.entries(workspace.store, username="prov", action="download_report", limit=1)
    assert entries[0]["resource"] == f"report:{made['id']}"
    _, entries = audit.entries(workspace.store, username="prov", action="generate_report", limit=1)
    assert "kind=monitor;format=html;area=province;period=2025" == entries[0]["detail"]


def test_a_city_user_reports_on_its_city_by_default(client, login):
    made = generate(client, login, "cs", kind="midterm", format="html").json()
    assert made["area"] == "430100" and made["area_name"] == "长沙市" and "中期评估" in made["title"]
    html = download(client, login, "cs", made["id"]).content.decode("utf-8")
    assert "<td class=\"num\">7.50</td>" in html
    # 株洲's user neither lists nor downloads it; the province does
    assert made["id"] not in listed(client, login, "zz") and made["id"] in listed(client, login, "prov")
    r = download(client, login, "zz", made["id"])
    assert r.status_code == 403 and r.json()["error"]["code"] == "forbidden"


def test_a_city_user_cannot_report_on_another_city(client, login):
    for kind in ("monitor", "regional"):
        r = generate(client, login, "cs", kind=kind, format="html", area="430200")
        assert r.status_code == 403 and r.json()["error"]["code"] == "forbidden"


def test_the_regional_report_holds_the_hand_worked_specialisation(client, login):
    r = generate(client, login, "prov", kind="regional", format="xlsx", measure="revenue", level="city", digits=2)
    assert r.status_code == 201, r.text
    made = r.json()
    assert made["kind"] == "regional" and made["options"] == {"measure": "revenue", "level": "city", "digits": 2}
    book = openpyxl.load_workbook(io.BytesIO(download(client, login, "prov", made["id"]).content))
    rows = list(book["专业化"].iter_rows(values_only=True))
    header = rows[1]
    changsha = next(r for r in rows if r[0] == "长沙市")
    assert changsha[header.index("克鲁格曼指数")] == pytest.approx(14 / 15)
    assert changsha[header.index("最高区位熵")] == pytest.approx(1.875)
    assert changsha[header.index("合计(万元)")] == 80000


def test_a_city_users_regional_report_covers_its_counties(client, login):
    made = generate(client, login, "cs", kind="regional", format="xlsx", measure="revenue").json()
    assert made["area"] == "430100"
    book = openpyxl.load_workbook(io.BytesIO(download(client, login, "cs", made["id"]).content))
    regions = [r[0] for r in book["专业化"].iter_rows(min_row=3, values_only=True) if r[1] is not None]
    assert sorted(regions) == ["岳麓区", "芙蓉区"]


def test_enterprises_have_no_reports_and_chain_offices_only_the_province(client, login):
    for r in (client.get("/api/reports/kinds", headers=login("a1")),
              client.get("/api/reports/files", headers=login("a1")),
              generate(client, login, "a1", kind="monitor", format="html")):
        assert r.status_code == 403
    r = generate(client, login, "chain", kind="monitor", format="html", area="430100")
    assert r.status_code == 403
    assert all(i["area"] is None for i in listed(client, login, "chain").values())


def test_unknown_reports_and_bad_bodies(client, login):
    assert download(client, login, "prov", "0123456789abcdef").status_code == 404
    assert download(client, login, "prov", "..%2Fgaodi.duckdb").status_code == 404
    r = generate(client, login, "prov", kind="weekly", format="html")
    assert r.status_code == 400 and r.json()["error"]["code"] == "bad_input"


def test_files_the_cli_wrote_are_listed_with_their_area_and_seen_by_its_users(client, login, workspace):
    folder = workspace.settings.reports_dir
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("monitor-2024.html", "monitor-430100-2024.html"):
        (folder / name).write_text(name, encoding="utf-8")
    prov = listed(client, login, "prov")
    assert (prov["monitor-2024.html"]["area"], prov["monitor-2024.html"]["area_name"]) == (None, "全省")
    city = prov["monitor-430100-2024.html"]
    assert (city["area"], city["area_name"]) == ("430100", "长沙市")
    assert "monitor-430100-2024.html" in listed(client, login, "cs")
    assert "monitor-430100-2024.html" not in listed(client, login, "zz")
    assert download(client, login, "cs", "monitor-430100-2024.html").text == "monitor-430100-2024.html"
