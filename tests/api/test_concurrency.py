"""Requests at the same time: two uploads each get their own import, and reads after an import still answer."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

from gaodi.ingest import importer
from gaodi.store import audit

from . import province

C1 = province.USCC["C1"]


def c1_again(name: str) -> tuple[str, bytes, str]:
    """C1's own row again (a re-import replaces the same key, so the shared province stays as it is)."""
    body = f"统一社会信用代码,企业名称,所在县市区代码,行业代码,成立年份\n{C1},企业C1（测试）,430602,3443,2010\n"
    return name, body.encode(), "text/csv"


def test_two_uploads_at_once_each_get_their_own_import_id_log_entry_and_audit_entry(
        client, login, workspace, monkeypatch):
    staged = importer.stage_file

    def slow_stage(*args, **kwargs):  # keeps the first import busy while the second arrives
        time.sleep(0.5)
        return staged(*args, **kwargs)

    monkeypatch.setattr(importer, "stage_file", slow_stage)
    headers = login("admin")
    before = {r["import_id"] for r in workspace.imports()}
    with ThreadPoolExecutor(2) as pool:
        answers = list(pool.map(lambda n: client.post("/api/imports/enterprises", headers=headers,
                                                      files={"file": c1_again(f"并发-{n}.csv")}), (1, 2)))
    assert [r.status_code for r in answers] == [200, 200], [r.text for r in answers]
    ids = sorted(r.json()["import_id"] for r in answers)
    assert ids[0] != ids[1] and not before & set(ids)
    log = {r["import_id"]: r for r in workspace.imports()}
    assert {log[i]["outcome"] for i in ids} == {"ok"}
    assert {log[i]["file_name"].split("-admin-")[1] for i in ids} == {"并发-1.csv", "并发-2.csv"}
    _, entries = audit.entries(workspace.store, username="admin", action="import", limit=2)
    assert {e["detail"].split()[0] for e in entries} == {"file=并发-1.csv", "file=并发-2.csv"}
    assert workspace.row_counts()["enterprises"] == len(province.FIRMS)


def test_problem_statistics_still_answer_a_city_user_after_an_import(client, login):
    # The list caches the problems; the statistics then read the event count and, on the same
    # cursor, the region names: a count left half-read used to make this a 500.
    assert client.post("/api/imports/enterprises", headers=login("admin"),
                       files={"file": c1_again("企业名录.csv")}).status_code == 200
    assert client.get("/api/problems", headers=login("cs")).status_code == 200
    for by in ("category", "city"):
        r = client.get(f"/api/problems/stats?by={by}", headers=login("cs"))
        assert r.status_code == 200, r.text
        assert r.json()["by"] == by
