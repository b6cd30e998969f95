"""Bounded work per request: the attacks of issue 18 replayed, each now refused cheaply or stopped.

Limits are tested with small configured values (a 1 KB JSON limit, a 0.3 s budget), never with huge files.
"""

from __future__ import annotations

import asyncio
import json
import time

import pytest
from fastapi.testclient import TestClient

from gaodi.api import ApiSettings, create_app
from gaodi.api.deps import GaodiDep


def test_a_repeated_grouping_is_counted_once_and_answers_as_the_single_one(client, login):
    once = client.get("/api/chains/T/rates", params={"by": "city"}, headers=login("prov"))
    twice = client.get("/api/chains/T/rates", params={"by": "city,city"}, headers=login("prov"))
    assert once.status_code == twice.status_code == 200, twice.text
    assert twice.json()["items"] == once.json()["items"] and twice.json()["by"] == ["city"]


def test_fifty_repeated_groupings_cost_no_more_than_three(client, login):
    started = time.perf_counter()
    r = client.get("/api/chains/T/rates", params={"by": ",".join(["city", "segment", "month"] * 50)},
                   headers=login("prov"))
    assert r.status_code == 200, r.text
    assert r.json()["by"] == ["city", "segment", "month"] and time.perf_counter() - started < 20


def test_a_year_repeated_a_thousand_times_is_looked_up_once(client, login):
    once = client.get("/api/evaluations/dynamic/集群竞赛", params={"years": "2025"}, headers=login("prov"))
    started = time.perf_counter()
    many = client.get("/api/evaluations/dynamic/集群竞赛", params={"years": ",".join(["2025"] * 1000)},
                      headers=login("prov"))
    assert many.status_code == once.status_code == 200 and many.json()["items"] == once.json()["items"]
    assert time.perf_counter() - started < 10


def test_an_unknown_grouping_is_a_400_naming_the_choices(client, login):
    r = client.get("/api/chains/T/rates", params={"by": "segment,region"}, headers=login("prov"))
    assert r.status_code == 400
    error = r.json()["error"]
    assert "region" in error["message"] and "segment" in error["fix"] and error["details"]["allowed"]


def test_a_period_without_data_is_refused_at_once_naming_the_periods_there_are(client, login):
    started = time.perf_counter()
    r = client.get("/api/monitor", params={"period": "9999"}, headers=login("a1"))
    assert r.status_code == 400 and time.perf_counter() - started < 5
    error = r.json()["error"]
    assert "9999" in error["message"] and "2025" in error["fix"] and "2025" in error["details"]["periods"]
    assert client.get("/api/monitor", params={"period": "2025"}, headers=login("a1")).status_code == 200


def test_a_report_for_a_period_without_data_is_refused_before_any_work(client, login):
    r = client.post("/api/reports", json={"kind": "monitor", "format": "xlsx", "period": "9999"},
                    headers=login("prov"))
    assert r.status_code == 400 and "9999" in r.json()["error"]["message"]


@pytest.mark.parametrize("params", [{"page": 10_001}, {"page_size": 501}, {"page": 0}])
def test_page_numbers_and_sizes_are_capped(client, login, params):
    assert client.get("/api/enterprises", params=params, headers=login("prov")).status_code == 400


@pytest.fixture(scope="module")
def tight(workspace):
    """The province served with small limits: 1 KB JSON, 1 MB uploads, 2 s per request."""
    app = create_app(workspace, ApiSettings(login_attempts=1000, serve_ui=False, max_json_kb=1, max_upload_mb=1,
                                            request_seconds=2))

    @app.get("/slow-query")
    def slow(g: GaodiDep) -> dict:  # a query that would run for hours
        return {"n": g.store.con.execute("SELECT count(*) FROM range(1000000000000) a").fetchone()[0]}

    return app


def test_a_request_over_its_time_budget_is_stopped_and_answered_503(tight, client, login):
    c = TestClient(tight)
    started = time.perf_counter()
    r = c.get("/slow-query")
    assert r.status_code == 503 and time.perf_counter() - started < 10
    error = r.json()["error"]
    assert error["code"] == "over_budget" and "GAODI_API_REQUEST_SECONDS" in error["fix"]
    for _ in range(3):  # the interrupted connection goes back to the pool and serves the next requests
        assert c.get("/api/health").status_code == 200
        assert c.get("/api/enterprises", headers=login("prov")).status_code == 200


def test_a_json_body_over_its_limit_is_a_413_naming_the_setting(tight, login):
    c = TestClient(tight)
    body = {"uscc": "x", "title": "t", "description": "长" * 2000, "category": "用地"}
    r = c.post("/api/problems", content=json.dumps(body), headers={**login("cs"), "Content-Type": "application/json"})
    assert r.status_code == 413 and "GAODI_API_MAX_JSON_KB" in r.json()["error"]["fix"]


def test_an_upload_over_its_limit_is_a_413(tight, login):
    r = TestClient(tight).post("/api/imports/parks", files={"file": ("p.csv", b"a,b\n" * 400_000, "text/csv")},
                               headers=login("admin"))
    assert r.status_code == 413 and r.json()["error"]["code"] == "body_too_large"


def _asgi_post(app, path: str, headers: dict[str, str], chunks: int) -> tuple[int, int]:
    """POST ``chunks`` chunks of 64 KB to ``app`` directly; returns (status, chunks the app read)."""
    read, status = 0, None

    async def receive():
        nonlocal read
        read += 1
        return {"type": "http.request", "body": b"x" * 65536, "more_body": read < chunks}

    async def send(message):
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "scheme": "http",
             "path": path, "raw_path": path.encode(), "query_string": b"", "root_path": "",
             "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
             "client": ("127.0.0.1", 1), "server": ("testserver", 80)}
    asyncio.run(app(scope, receive, send))
    return status, read


@pytest.mark.parametrize("authorization", [None, "Bearer not-a-token", "Basic YWRtaW46eA=="])
def test_an_upload_without_a_valid_token_is_refused_before_its_body_is_read(tight, authorization):
    headers = {"content-type": "multipart/form-data; boundary=xyz"}
    if authorization:
        headers["authorization"] = authorization
    status, read = _asgi_post(tight, "/api/imports/parks", headers, chunks=200)
    assert status == 401 and read == 0


def test_an_upload_with_a_valid_token_is_read(tight, login):
    headers = {"content-type": "multipart/form-data; boundary=xyz", **{k.lower(): v for k, v in login("admin").items()}}
    status, read = _asgi_post(tight, "/api/imports/parks", headers, chunks=4)
    assert read >= 1 and status == 400  # the body is read, then refused as a malformed form


def test_a_report_over_the_size_cap_is_removed_and_refused(tmp_path):
    from gaodi.reports.library import _within_cap

    folder = tmp_path / "web" / "r1"
    folder.mkdir(parents=True)
    (folder / "big.xlsx").write_bytes(b"x" * ((1 << 20) + 1))
    with pytest.raises(Exception) as caught:
        _within_cap(folder / "big.xlsx", 1)
    assert "GAODI_REPORT_MAX_MB" in caught.value.fix and not folder.exists()
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "small.xlsx").write_bytes(b"x" * 1000)
    _within_cap(tmp_path / "ok" / "small.xlsx", 1)
    assert (tmp_path / "ok" / "small.xlsx").exists()
