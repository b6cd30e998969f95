"""Rule files refused with file, line and fix; warnings kept idempotently, scoped, moved on with an audit trail."""

from __future__ import annotations

import pytest

from gaodi.access.scope import PROVINCE, Scope
from gaodi.errors import ConflictError, ForbiddenError, InputError, NotFoundError
from gaodi.store import alerts as alert_store

GOOD = """jurisdiction: "430000"
name: 测试规则
version: "1"
effective: 2026-01-01
rules:
  - id: loss
    kind: operation
    measure: loss
    threshold: 0
    period: 3
    severity: medium
"""


def write(tmp_path, text, name="rules.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("old", "new", "line", "words"), [
    ("measure: loss", "measure: revenue_drop", 8, "未知的度量"),
    ("period: 3", "period: -1", 10, "不是正整数"),
    ("severity: medium", "severity: medium\n    area: \"439999\"", 12, "不是本地区"),
    ("threshold: 0", "threshold: -5", 9, "非负数"),
    ('jurisdiction: "430000"', 'jurisdiction: "440000"', 1, "不是本省"),
])
def test_a_bad_rule_file_is_refused_with_file_line_and_fix_and_nothing_is_stored(
        workspace, tmp_path, old, new, line, words):
    path = write(tmp_path, GOOD.replace(old, new))
    with pytest.raises(InputError) as caught:
        workspace.alerts.load_rules(path)
    err = caught.value
    assert words in err.message and f"rules.yaml 第 {line} 行" in err.message
    assert err.fix and err.location.row == line
    assert workspace.alerts.history() == []


def test_a_rule_area_may_be_a_city_or_county_of_the_province(workspace, tmp_path):
    text = GOOD.replace("severity: medium", 'severity: medium\n    area: "430100"')
    result = workspace.alerts.load_rules(write(tmp_path, text))
    assert result == {**result, "jurisdiction": "430000", "version": "1", "rules": 1, "new": True}
    assert workspace.alerts.load_rules(write(tmp_path, text))["new"] is False  # same text again: no-op
    with pytest.raises(ConflictError):
        workspace.alerts.load_rules(write(tmp_path, text.replace("threshold: 0", "threshold: 10")))
    assert workspace.alerts.rule_sets()[0].rules[0].area == "430100"


def row(alert_id, **kw):
    base = {"alert_id": alert_id, "rule_id": "loss", "rule_version": "1", "jurisdiction": "430000",
            "kind": "operation", "measure": "loss", "severity": "medium", "subject_kind": "enterprise",
            "subject_id": alert_id, "subject_name": "演示企业", "period": "2026-10", "title": "连续亏损",
            "evidence": [{"label": "利润总额", "period": "2026-10", "value": -5.0, "unit": "万元"}],
            "body_code": "gov:430104", "body_name": "长沙市岳麓区人民政府", "city_code": "430100",
            "park_id": None, "chain_id": None, "uscc": None}
    return {**base, **kw}


def test_rewriting_the_same_warnings_keeps_their_state_and_marks_dropped_ones(workspace):
    store = workspace.store
    assert alert_store.upsert_alerts(store, [row("a1"), row("a2")], ["loss"]) == {
        "new": 2, "kept": 0, "no_longer_raised": 0}
    workspace.alerts.act(PROVINCE, "province", "a1", "ack", by="analyst")
    assert alert_store.upsert_alerts(store, [row("a1")], ["loss"]) == {"new": 0, "kept": 1, "no_longer_raised": 1}
    total, rows = workspace.alerts.list(PROVINCE, current=None)
    assert total == 2 and {r["alert_id"]: (r["state"], r["current"]) for r in rows} == {
        "a1": ("acknowledged", True), "a2": ("new", False)}


def test_scopes_see_their_own_area_the_province_all_and_an_enterprise_nothing(workspace):
    alert_store.upsert_alerts(workspace.store, [
        row("cs"), row("yy", city_code="430600"), row("pk", city_code="430600", park_id="P9"),
        row("ch", city_code=None, chain_id="AE", kind="chain")], ["loss"])
    ids = lambda scope: sorted(r["alert_id"] for r in workspace.alerts.list(scope)[1])  # noqa: E731
    assert ids(PROVINCE) == ["ch", "cs", "pk", "yy"]
    assert ids(Scope("city", ("430100",))) == ["cs"]
    assert ids(Scope("park", ("P9",))) == ["pk"]
    assert ids(Scope("chain", ("AE",))) == ["ch"]
    assert ids(Scope("city", ("430100",))) == ids(Scope("city", ("430100",)))
    with pytest.raises(ForbiddenError):
        workspace.alerts.list(Scope("enterprise", ("91430105MA0000127Q",)))
    with pytest.raises(ForbiddenError):
        workspace.alerts.get(Scope("city", ("430100",)), "yy")
    with pytest.raises(ForbiddenError):
        workspace.alerts.act(Scope("city", ("430100",)), "city", "yy", "ack", by="city")
    with pytest.raises(NotFoundError):
        workspace.alerts.get(PROVINCE, "nope")
    assert workspace.alerts.counts(Scope("city", ("430600",)), by="kind") == {"operation": 2}
    assert workspace.alerts.counts(PROVINCE, by="city_code", area="430600") == {"430600": 2}


def test_state_changes_follow_the_allowed_moves_and_go_into_the_audit_trail(workspace):
    alert_store.upsert_alerts(workspace.store, [row("a1")], ["loss"])
    city = Scope("city", ("430100",))
    with pytest.raises(InputError):
        workspace.alerts.act(city, "city", "a1", "dismiss", by="city-user")  # no reason
    with pytest.raises(ForbiddenError):
        workspace.alerts.act(PROVINCE, "enterprise", "a1", "ack", by="ent")
    moved = workspace.alerts.act(city, "city", "a1", "dismiss", by="city-user", reason="企业已报停产检修")
    assert (moved["state"], moved["state_zh"], moved["reason"]) == ("dismissed", "已排除", "企业已报停产检修")
    with pytest.raises(ConflictError):
        workspace.alerts.act(city, "city", "a1", "resolve", by="city-user")
    assert moved["actions"] == ["reopen"]
    _, entries = workspace.audit.entries(action="warning_dismiss")
    assert entries and entries[0]["username"] == "city-user" and entries[0]["resource"] == "alert:a1"
    assert "new→dismissed" in entries[0]["detail"]
    assert moved["task_link"].startswith("/tasks/new?source_kind=warning&source_ref=a1&body=gov%3A430104&title=")
