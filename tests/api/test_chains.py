"""The chain routes: figures against the hand-worked values of ``province_chains.py``, suppression,
scoping (a chain office sees its chain only), pagination and exports.

Every expected number is worked out in the docstring of ``tests/api/province_chains.py`` from its
table of invoice lines (万元, 2025); rates and shares are fractions (0–1), as in the core and the CLI.
"""

from __future__ import annotations

import io

import openpyxl
import pytest

from gaodi.store import audit

from . import province, province_chains

U = province.USCC
MONEY = ("purchases", "local_amount", "leakage", "province_rate", "city_rate", "supplier_rate", "share",
         "segment_rate", "segment_rate_after", "chain_rate", "chain_rate_after", "replaced", "hhi", "amount")
ROUTES = ["", "/rates", "/rates?by=city", "/leakage", "/leakage?by=region", "/gaps", "/targets",
          "/targets/T-U1/suppliers", "/projects", "/graph"]


def get(client, login, path: str, user: str = "prov", **params):
    r = client.get(f"/api/chains{path}", params=params, headers=login(user))
    assert r.status_code == 200, r.text
    return r.json()


def by_key(items: list[dict], key: str) -> dict:
    return {i[key]: i for i in items}


def assert_hidden(row: dict) -> None:
    """A suppressed row carries its status and no figure at all: None, never 0."""
    assert row["suppressed"] in ("primary", "secondary")
    for k in MONEY:
        assert row.get(k) is None, (k, row)


# --- the list and one chain ----------------------------------------------------------------
def test_the_chain_list_gives_each_chains_province_and_city_rate(client, login):
    """T: 1 500 bought, 600 from the province (40 %), 300 from the buyer's city (20 %), 900 leaking out;
    3 segments, 4 enterprises placed (A3 B1 B2 C1). V: one buyer (A1), so suppressed."""
    body = get(client, login, "")
    assert body["period"] == "2025" and body["periods"] == ["2025"] and body["min_count"] == 3
    rows = by_key(body["items"], "chain_id")
    assert set(rows) == {"T", "V"}
    t = rows["T"]
    assert (t["purchases"], t["local_amount"], t["leakage"]) == (1500, 600, 900)
    assert t["province_rate"] == pytest.approx(.40) and t["city_rate"] == pytest.approx(.20)
    assert (t["segments"], t["enterprises"], t["buyers"], t["suppressed"]) == (3, 4, 3, None)
    assert t["leader"] == "王链长（测试）"
    assert_hidden(rows["V"])
    assert rows["V"]["buyers"] == 1


def test_a_chain_office_lists_only_its_own_chain(client, login):
    assert [r["chain_id"] for r in get(client, login, "", "chain")["items"]] == ["T"]
    assert {r["chain_id"] for r in get(client, login, "", "cs")["items"]} == {"T", "V"}


@pytest.mark.parametrize("route", ROUTES)
def test_a_chain_office_may_not_read_another_chain(client, login, route):
    r = client.get(f"/api/chains/V{route.replace('T-U1', 'V-U1')}", headers=login("chain"))
    assert r.status_code == 403, r.text
    error = r.json()["error"]
    assert error["code"] == "forbidden" and "不在您的数据范围" in error["message"]
    assert error["details"]["scope"] == {"kind": "chain", "values": ["T"], "label": "产业链 T"}


@pytest.mark.parametrize("route", ROUTES)
def test_a_chain_office_reads_every_route_of_its_own_chain(client, login, route):
    assert client.get(f"/api/chains/T{route}", headers=login("chain")).status_code == 200


def test_an_unknown_chain_is_404_and_a_bad_period_or_grouping_400(client, login):
    assert client.get("/api/chains/NOPE/rates", headers=login("prov")).json()["error"]["code"] == "not_found"
    r = client.get("/api/chains/T/rates", params={"period": "25年"}, headers=login("prov"))
    assert r.status_code == 400 and r.json()["error"]["code"] == "bad_input"
    assert client.get("/api/chains/T/rates", params={"by": "park"}, headers=login("prov")).status_code == 400
    assert client.get("/api/chains/T/rates").status_code == 401


def test_a_chain_shows_its_leader_segments_upstream_to_downstream_and_its_master(client, login, workspace):
    """Placed: T-U1 B2 (3240) and C1 (by hand) = 2, T-M1 none, T-D1 A3 (3511) and B1 (链主) = 2.
    B1 buys from the local B2 and C1 and is the largest chain buyer of both: 2 local, 2 anchored.
    One master is fewer than 3, so the masters' amounts together are suppressed."""
    body = get(client, login, "/T")
    assert body["chain"]["leader"] == "王链长（测试）" and body["chain"]["leader_title"] == "副省长"
    segs = [(s["segment_id"], s["stage"], s["enterprises"]) for s in body["segments"]]
    assert segs == [("T-U1", "upstream", 2), ("T-M1", "midstream", 0), ("T-D1", "downstream", 2)]
    (master,) = body["masters"]
    assert master["uscc"] == U["B1"] and master["segment_id"] == "T-D1"
    assert (master["local_suppliers"], master["anchored_suppliers"]) == (2, 2)
    assert body["masters_total"] == 1
    together = body["masters_together"]
    assert together["suppressed"] == "primary" and together["purchases"] is None and together["local_rate"] is None
    _, entries = audit.entries(workspace.store, username="prov", action="read_chain", limit=1)
    assert entries[0]["resource"] == "chain:T"


def test_chain_masters_are_named_only_inside_the_callers_scope(client, login):
    """B1 is in 株洲: the 株洲 user sees it named, the 长沙 user only learns that the chain has one master."""
    assert [m["uscc"] for m in get(client, login, "/T", "zz")["masters"]] == [U["B1"]]
    cs = get(client, login, "/T", "cs")
    assert cs["masters"] == [] and cs["masters_total"] == 1


# --- local supporting rate ------------------------------------------------------------------
def test_rates_by_segment_show_the_worked_values_and_hide_small_cells(client, login):
    """T-U1: 1 000 bought, 450 local (45 %), 300 same city (30 %), leakage 550, 3 buyers.
    T-M1 and T-D1 have one buyer each: null and suppressed, never 0."""
    body = get(client, login, "/T/rates")
    assert body["by"] == ["segment"] and body["scope"] == "chain_inputs" and body["rate_key"] == "province_rate"
    units = {c["key"]: c["unit"] for c in body["columns"]}
    assert units["province_rate"] == "fraction" and units["purchases"] == "万元"
    rows = by_key(body["items"], "segment_id")
    u1 = rows["T-U1"]
    assert (u1["purchases"], u1["local_amount"], u1["leakage"], u1["buyers"]) == (1000, 450, 550, 3)
    assert u1["province_rate"] == pytest.approx(.45) and u1["city_rate"] == pytest.approx(.30)
    assert rows["*"]["province_rate"] == pytest.approx(.40)
    for s in ("T-M1", "T-D1"):
        assert_hidden(rows[s])
        assert rows[s]["suppressed"] == "primary" and rows[s]["buyers"] == 1


def test_a_total_never_gives_a_hidden_cell_back_by_subtraction(client, login):
    """By month: 03 has 2 buyers (primary); 06 has 3 but equals the year's 1 500 minus 03, so it is
    hidden too (secondary). By segment: 1 500 − 1 000 leaves T-M1 + T-D1, two unknowns."""
    months = by_key(get(client, login, "/T/rates", by="month")["items"], "month")
    assert months["*"]["purchases"] == 1500
    assert months["2025-03"]["suppressed"] == "primary" and months["2025-06"]["suppressed"] == "secondary"
    assert_hidden(months["2025-03"])
    assert_hidden(months["2025-06"])
    for by in ("segment", "month", "city", "segment,city", "segment,month"):
        items = get(client, login, "/T/rates", by=by, page_size=500)["items"]
        dims = [k for k in ("segment_id", "buyer_city", "month") if k in items[0]]
        for total in items:
            for d in dims:
                if total[d] != "*" or total["suppressed"]:
                    continue
                kids = [i for i in items if i[d] != "*" and all(i[o] == total[o] for o in dims if o != d)]
                assert sum(1 for k in kids if k["suppressed"]) != 1, (by, total, kids)


def test_rates_by_city_hide_cities_with_fewer_than_three_buyers(client, login):
    """长沙 A3, 株洲 B1, 岳阳 C1: one buyer each, all suppressed; the chain's total is shown."""
    rows = by_key(get(client, login, "/T/rates", by="city")["items"], "buyer_city")
    assert set(rows) == {"*", "430100", "430200", "430600"}
    assert rows["430200"]["city_name"] == "株洲市"
    for code in ("430100", "430200", "430600"):
        assert_hidden(rows[code])
    assert rows["*"]["city_rate"] == pytest.approx(.20)


def test_a_city_user_sees_the_city_breakdown_of_its_own_city_only(client, login):
    items = get(client, login, "/T/rates", "cs", by="segment,city", page_size=500)["items"]
    assert {i["buyer_city"] for i in items} == {"*", "430100"}
    assert by_key([i for i in items if i["buyer_city"] == "*"], "segment_id")["T-U1"]["purchases"] == 1000


def test_rates_weighted_by_count_use_the_share_of_local_suppliers(client, login):
    """T-U1: 2 local of 6 suppliers = 33.3 %; chain: 3 local (B2 C1 B1) of 8 = 37.5 %."""
    body = get(client, login, "/T/rates", weight="count")
    assert body["rate_key"] == "supplier_rate"
    keys = [c["key"] for c in body["columns"]]
    assert "supplier_rate" in keys and "province_rate" not in keys and "purchases" not in keys
    rows = by_key(body["items"], "segment_id")
    assert rows["T-U1"]["supplier_rate"] == pytest.approx(1 / 3)
    assert (rows["T-U1"]["suppliers"], rows["T-U1"]["local_suppliers"]) == (6, 2)
    assert rows["*"]["supplier_rate"] == pytest.approx(.375)


def test_all_purchases_add_the_inputs_of_no_segment(client, login):
    """L10 (100, outside) and L11 (400, local) join: 2 000 bought, 1 000 local = 50 %; _other has 2 buyers."""
    rows = by_key(get(client, login, "/T/rates", scope="all_purchases")["items"], "segment_id")
    assert rows["*"]["purchases"] == 2000 and rows["*"]["province_rate"] == pytest.approx(.50)
    assert_hidden(rows["_other"])
    assert rows["T-U1"]["purchases"] == 1000


# --- leakage, gaps, targets -----------------------------------------------------------------
def test_leakage_by_segment_and_by_supplier_province(client, login):
    """By segment: T-U1 550 of 900. By province: 广东 200 + 100 + 150 = 450 (3 sellers, 3 buyers) = 50 %;
    江苏 (X2) and 上海 (X3) one seller each: suppressed."""
    seg = by_key(get(client, login, "/T/leakage")["items"], "segment_id")
    assert seg["T-U1"]["leakage"] == 550 and seg["*"]["leakage"] == 900
    assert_hidden(seg["T-M1"])
    reg = by_key(get(client, login, "/T/leakage", by="region")["items"], "supplier_province")
    assert reg["440000"]["province_name"] == "广东省" and reg["440000"]["leakage"] == 450
    assert reg["440000"]["share"] == pytest.approx(.50) and reg["*"]["leakage"] == 900
    for p in ("320000", "310000"):
        assert_hidden(reg[p])


def test_leakage_by_province_of_a_chain_that_buys_nothing_outside_is_an_empty_table(client, login):
    """Chain V's only purchase (L12, A2 → A1) is local: no supplier province at all."""
    assert get(client, login, "/V/leakage", by="region")["items"] == []


def test_gaps_name_the_missing_and_weak_links_with_concentration(client, login):
    """T-U1 弱链 (2 local suppliers), HHI .4² + .05² + .2² + .1² + .15² + .1² = 0.245; T-M1 缺链 (nothing
    placed, bought only from X3: one single-source buyer, outside); T-D1 弱链 (C1 single-sourced from B1)."""
    rows = by_key(get(client, login, "/T/gaps")["items"], "segment_id")
    assert [r for r in rows] == ["T-U1", "T-M1", "T-D1"]
    assert (rows["T-U1"]["gap"], rows["T-M1"]["gap"], rows["T-D1"]["gap"]) == ("weak", "missing", "weak")
    assert rows["T-U1"]["hhi"] == pytest.approx(0.245) and rows["T-U1"]["top2_share"] == pytest.approx(1)
    assert (rows["T-M1"]["local_enterprises"], rows["T-M1"]["local_suppliers"]) == (0, 0)
    assert (rows["T-M1"]["single_source_buyers"], rows["T-M1"]["single_source_outside"]) == (1, 1)
    assert (rows["T-D1"]["single_source_buyers"], rows["T-D1"]["single_source_outside"]) == (1, 0)
    for s in ("T-M1", "T-D1"):
        assert_hidden(rows[s])


def test_targets_rank_by_leakage_and_relatedness_not_by_gap_type_first(client, login):
    """score = 0.7 × leakage / the chain's largest + 0.3 × buyers / the most buyers (docs/chains.md):
    T-U1 (弱链, 外流 550, 3 buyers) 0.7 × 1 + 0.3 × 1 = 1.00; T-M1 (缺链, 外流 350 hidden, 1 buyer)
    0.7 × 350/550 + 0.3 × 1/3 = 0.5455, its score blanked as its leakage is; T-D1 leaks nothing: no target."""
    items = get(client, login, "/T/targets")["items"]
    assert [(t["rank"], t["segment_id"], t["local_enterprises"]) for t in items] == [(1, "T-U1", 2), (2, "T-M1", 0)]
    assert items[1]["leakage"] is None and items[1]["suppressed"] == "primary" and items[1]["score"] is None
    assert items[0]["score"] == 1.0
    assert items[0]["reasons"] == "招商得分 1.00；弱链；外流 550 万元；本地采购企业 3 家；本地供应商 2 家"


def test_outside_suppliers_are_ranked_by_their_sales_into_the_chain_without_amounts(client, login, workspace):
    """X1 200, X5 150, then X2 and X4 with 100 each (X2's code 91320505… sorts before X4's 91440106…)."""
    items = get(client, login, "/T/targets/T-U1/suppliers", "chain")["items"]
    out = province_chains.OUTSIDE
    assert [i["seller_uscc"] for i in items] == [out["X1"], out["X5"], out["X2"], out["X4"]]
    assert items[0]["region_name"] == "广东省深圳市福田区" and items[0]["chain_buyers"] == 1
    assert not any("amount" in i for i in items)
    _, entries = audit.entries(workspace.store, username="chain", action="list_chain_suppliers", limit=1)
    assert entries[0]["resource"] == "chain:T"


# --- projects and the map -------------------------------------------------------------------
def test_projects_carry_the_what_if_rate_unless_their_segment_is_suppressed(client, login):
    """P2 (T-U1, 240 万元 a year, 12 months) replaces 240 of 550: T-U1 (450 + 240) / 1 000 = 69 %,
    chain (600 + 240) / 1 500 = 56 %. P1's segment T-M1 is hidden, so are its rates and the total's."""
    rows = by_key(get(client, login, "/T/projects")["items"], "project_id")
    p2 = rows["P2"]
    assert p2["stage_label"] == "签约" and p2["investment"] == 2000 and p2["replaced"] == 240
    assert p2["segment_rate"] == pytest.approx(.45) and p2["segment_rate_after"] == pytest.approx(.69)
    assert p2["chain_rate"] == pytest.approx(.40) and p2["chain_rate_after"] == pytest.approx(.56)
    assert p2["signed_date"] == "2025-05-01"
    assert rows["P1"]["output_in_period"] == 480
    assert_hidden(rows["P1"])
    assert_hidden(rows["*"])
    signed = get(client, login, "/T/projects", stage="signed")["items"]
    assert [r["project_id"] for r in signed if r["project_id"] != "*"] == ["P2"]


def test_a_city_user_sees_the_projects_of_its_city(client, login):
    """P2 is in 岳麓区 (长沙), P1 in 荷塘区 (株洲); the all-projects row covers both and is left out."""
    assert [r["project_id"] for r in get(client, login, "/T/projects", "cs")["items"]] == ["P2"]
    assert [r["project_id"] for r in get(client, login, "/T/projects", "zz")["items"]] == ["P1"]
    assert [r["project_id"] for r in get(client, login, "/T/projects", "pa")["items"]] == ["P2"]


def test_the_chain_map_has_segments_as_nodes_and_flows_as_edges(client, login):
    """Nodes upstream → downstream; T-U1 1 000 at 45 %. Buyers' home segments: A3, B1 → T-D1; C1 → T-U1.
    Edges T-U1→T-D1 (A3, B1: 2 buyers), T-U1→T-U1, T-M1→T-D1, T-D1→T-U1 (1 buyer each): all hidden."""
    body = get(client, login, "/T/graph")
    assert body["chain"]["name"] == "测试链" and body["period"] == "2025"
    nodes = body["nodes"]
    assert [(n["id"], n["stage"]) for n in nodes] == [("T-U1", "upstream"), ("T-M1", "midstream"),
                                                      ("T-D1", "downstream")]
    assert nodes[0]["purchases"] == 1000 and nodes[0]["province_rate"] == pytest.approx(.45)
    for n in nodes[1:]:
        assert_hidden(n)
    edges = {(e["source"], e["target"]): e for e in body["edges"]}
    assert set(edges) == {("T-U1", "T-D1"), ("T-U1", "T-U1"), ("T-M1", "T-D1"), ("T-D1", "T-U1")}
    assert edges[("T-U1", "T-D1")]["buyers"] == 2
    for e in edges.values():
        assert_hidden(e)


# --- pages and files ------------------------------------------------------------------------
def test_chain_tables_page_and_sort(client, login):
    first = get(client, login, "/T/rates", page=1, page_size=3, sort="-buyers")
    second = get(client, login, "/T/rates", page=2, page_size=3, sort="-buyers")
    assert first["total"] == 4 and first["pages"] == 2 and len(second["items"]) == 1
    assert [i["buyers"] for i in first["items"] + second["items"]] == [3, 3, 1, 1]
    r = client.get("/api/chains/T/rates", params={"sort": "nothing"}, headers=login("prov"))
    assert r.status_code == 400


def test_csv_export_shows_suppressed_cells_as_not_published_never_as_zero(client, login):
    r = client.get("/api/chains/T/rates", params={"format": "csv"}, headers=login("prov"))
    assert r.status_code == 200 and r.content.startswith(b"\xef\xbb\xbf")
    assert "attachment" in r.headers["content-disposition"]
    lines = [line.split(",") for line in r.content.decode("utf-8-sig").strip().splitlines()]
    header = lines[0]
    assert header[:2] == ["环节代码", "环节"] and "本省配套率（%）" in header and "采购额（万元）" in header
    rows = {line[0]: dict(zip(header, line)) for line in lines[1:]}
    assert rows["合计"]["采购额（万元）"] == "1500.0" and rows["T-U1"]["本省配套率（%）"] == "45.0"
    assert rows["T-M1"]["采购额（万元）"] == "" and rows["T-M1"]["不公布"] == "不公布（少于3家）"


def test_excel_export_of_leakage_by_province(client, login):
    r = client.get("/api/chains/T/leakage", params={"format": "xlsx", "by": "region"}, headers=login("chain"))
    sheet = openpyxl.load_workbook(io.BytesIO(r.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:2] == ("供应商所在省代码", "供应商所在省") and "外流（万元）" in rows[0]
    found = {row[0]: row for row in rows[1:]}
    assert len(found) == 4 and found["440000"][rows[0].index("外流（万元）")] == 450
    assert found["310000"][rows[0].index("外流（万元）")] is None


def test_a_segments_local_enterprises_are_listed_with_names_and_places(client, login):
    """T-U1 材料 (class 3240): B2 by its class, C1 placed by hand (province.py); names, not codes."""
    items = get(client, login, "/T/segments/T-U1/enterprises")["items"]
    assert sorted((i["uscc"], i["name"]) for i in items) == sorted(
        (province.USCC[k], province.NAME[k]) for k in ("B2", "C1"))
    assert all(i["place"] and not i["place"].isdigit() for i in items)
