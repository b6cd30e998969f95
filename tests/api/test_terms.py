"""Display names: every enumeration value a page shows has a Chinese and an English name (gaodi.terms),
and a user's scope is named, not coded."""

from __future__ import annotations

import re
from pathlib import Path

import gaodi
from gaodi.access.roles import ROLES
from gaodi.monitor.progress import STATUS_ZH
from gaodi.problems.states import Action, State
from gaodi.terms import AUDIT_ACTIONS, TERMS, term

SRC = Path(gaodi.__file__).parent


def test_every_audit_action_written_in_the_source_has_a_name():
    written = set()
    for path in SRC.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        written |= set(re.findall(r"\baudit\(\s*\"([a-z_]+)\"", text))
        written |= set(re.findall(r"\.record\([^,()]+,\s*(?:[^,()]+,\s*)?\"([a-z_]+)\"", text))
    assert len(written) > 15
    assert written - set(AUDIT_ACTIONS) == set()


def test_every_role_state_action_and_status_has_both_names():
    assert set(TERMS["role"]) == set(ROLES)
    assert set(TERMS["state"]) == {s.value for s in State}
    assert {a.value for a in Action} <= set(TERMS["action"])
    assert set(STATUS_ZH) <= set(TERMS["status"])
    for kind, values in TERMS.items():
        for value, (zh, en) in values.items():
            assert zh and en, (kind, value)
            assert not re.search(r"[A-Za-z]{3,}", zh), (kind, value, zh)  # Chinese, no English beside it


def test_the_names_of_the_values_the_issue_found_raw():
    assert term("level", "national") == "国家级" and term("level", "provincial", "en") == "provincial"
    assert term("mode", "auto") == "免申即享"
    assert term("verdict", "near_miss") == "接近符合" and term("verdict", "needs_data") == "待补数据"
    assert term("outcome", "rejected") == "未导入" and term("outcome", "ok") == "成功"
    assert term("action", "read_chain") == "查看产业链"
    assert term("stage", "upstream") == "上游" and term("gap", "weak") == "弱链"
    assert term("level", "no-such-value") == "no-such-value"


def test_the_catalogue_is_served_to_the_web_ui_without_logging_in(client):
    body = client.get("/api/catalog/terms").json()
    assert body["mode"]["application"] == {"zh": "依申请兑现", "en": "by application"}


def test_a_users_scope_is_named_not_coded(client, login):
    park = client.get("/api/auth/me", headers=login("pa")).json()["scope"]
    assert park["label"] == "园区 甲园区（测试）" and park["label_en"] == "park 甲园区（测试）"
    city = client.get("/api/auth/me", headers=login("cs")).json()["scope"]
    assert city["label"] == "市州 长沙市"
    chain = client.get("/api/auth/me", headers=login("chain")).json()["scope"]
    assert chain["label"] == "产业链 测试链" and chain["values"] == ["T"]
