"""One workspace on disk holding the hand-made province of ``tests/api/province.py``, asked three ways.

``ask`` runs ``gaodi ... --json`` in-process on that workspace; ``api`` is a TestClient over the same
workspace; ``core`` is the :class:`~gaodi.core.Gaodi` itself. Built once per session (a few seconds).
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from gaodi.api import ApiSettings, create_app
from gaodi.cli.main import app
from gaodi.core import Gaodi
from gaodi.problems.desk import ProblemSubmission
from gaodi.problems.events import CHINA_TZ
from tests.api import province

POLICIES = """\
rule_set: consistency-test
version: "1"
description: 一致性测试用政策（test only）
policies:
  - id: T-GROWTH
    name: 规上企业营收增长奖励（测试）
    issuer: 测试厅
    document_number: 测试〔2026〕1号
    level: provincial
    region_scope: ["43"]
    valid_from: 2026-01-01
    valid_to: 2026-12-31
    mode: auto
    conditions:
      - {attribute: above_scale, op: "==", value: true}
      - {attribute: revenue_growth, op: ">=", value: 20}
    benefit: {kind: fixed, amount: 10, unit: 万元}
  - id: T-SEI-RD
    name: 战略性新兴产业研发后补助（测试）
    issuer: 测试厅
    document_number: 测试〔2026〕2号
    level: provincial
    region_scope: ["43"]
    valid_from: 2026-01-01
    valid_to: 2026-12-31
    mode: auto
    conditions:
      - {attribute: catalogues, op: in, value: [战略性新兴产业]}
      - {attribute: rd_expense, op: ">=", value: 300, unit: 万元}
      - {attribute: rd_intensity, op: ">=", value: 2}
    benefit: {kind: share, base: rd_expense, rate: 0.02, cap: 200, unit: 万元}
  - id: T-SMALL
    name: 中小企业研发补助（测试）
    issuer: 测试厅
    document_number: 测试〔2026〕3号
    level: provincial
    region_scope: ["4301"]
    valid_from: 2026-01-01
    valid_to: 2026-12-31
    mode: application
    application_window: {start: 2026-07-01, end: 2026-08-31}
    conditions:
      - {attribute: size_class, op: "<=", value: 中型}
      - {attribute: rd_intensity, op: ">=", value: 3}
    benefit: {kind: fixed, amount: 5, unit: 万元}
  - id: T-MU-AB
    name: 亩均效益A、B类大企业技改奖补（测试）
    issuer: 测试厅
    document_number: 测试〔2026〕4号
    level: provincial
    region_scope: ["43"]
    valid_from: 2026-01-01
    valid_to: 2026-12-31
    mode: auto
    conditions:
      - {attribute: mu_class, op: in, value: [A, B]}
      - {attribute: revenue, op: ">=", value: 35000, unit: 万元}
    benefit: {kind: fixed, amount: 20, unit: 万元}
"""
AS_OF = "2026-06-30"
YEAR = 2025


@pytest.fixture(scope="session")
def core(tmp_path_factory):
    folder = tmp_path_factory.mktemp("consistency")
    home = folder / "ws"
    mp = pytest.MonkeyPatch()
    mp.setenv("GAODI_HOME", str(home))
    g = Gaodi.open(home=home)
    province.build(g, folder)
    (folder / "policies.yaml").write_text(POLICIES, encoding="utf-8")
    r = CliRunner().invoke(app, ["policy", "load", str(folder / "policies.yaml"), "--json"])
    assert r.exit_code == 0, r.output
    _problems(g)
    yield g
    mp.undo()
    g.close()


def _problems(g) -> None:
    """Three problems of 2026: A1 and B1 about financing (A1's closed within its deadline), C1 about land."""
    at = dt.datetime(2026, 3, 2, 9, tzinfo=CHINA_TZ)
    for key, category in (("A1", "融资"), ("B1", "融资"), ("C1", "用地")):
        p = g.problems.submit(ProblemSubmission(province.USCC[key], f"{category}问题（测试）", "测试用诉求", category),
                              actor="tester", at=at)
        if key == "A1":
            g.problems.accept(p.problem_id, actor="staff", at=at + dt.timedelta(hours=1))
            g.problems.assign(p.problem_id, department="省工信厅", deadline_workdays=5, actor="staff",
                              at=at + dt.timedelta(hours=2))
            g.problems.start(p.problem_id, actor="dept", at=at + dt.timedelta(days=1))
            g.problems.reply(p.problem_id, reply="已协调", actor="dept", at=at + dt.timedelta(days=2))
            g.problems.close(p.problem_id, satisfaction=5, actor="a1", at=at + dt.timedelta(days=3))


@pytest.fixture(scope="session")
def ask(core):
    """``ask("chains", "rate", ...)`` → the JSON document ``gaodi chains rate ... --json`` prints."""
    runner = CliRunner()

    def run(*args: str):
        r = runner.invoke(app, [*args, "--json"])
        assert r.exit_code == 0, r.output
        return json.loads(r.stdout)
    return run


@pytest.fixture(scope="session")
def api(core):
    """``api("/chains/T/rates", by="segment")`` → the JSON body, asked as the province administrator."""
    client = TestClient(create_app(core, ApiSettings(login_attempts=1000, serve_ui=False)))
    r = client.post("/api/auth/login", json={"username": "admin", "password": province.PASSWORD})
    assert r.status_code == 200, r.text
    headers = {"Authorization": f"Bearer {r.json()['access_token']}"}

    def get(path: str, **params):
        r = client.get("/api" + path, params=params, headers=headers)
        assert r.status_code == 200, r.text
        return r.json()
    return get
