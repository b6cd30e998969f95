"""`gaodi policy` and `gaodi problem` through typer's CliRunner on the sub-apps, on a copy of the hand-made store."""

from __future__ import annotations

import csv
import json
import shutil

import pytest
from typer.testing import CliRunner

from gaodi.cli.policy import app as policy_app
from gaodi.cli.problem import app as problem_app
from gaodi.errors import ConflictError, ValidationFailed

from .handmade_store import A, B, C

runner = CliRunner()


@pytest.fixture
def home(handmade_template, tmp_path, monkeypatch):
    shutil.copytree(handmade_template, tmp_path / "ws")
    monkeypatch.setenv("GAODI_HOME", str(tmp_path / "ws"))
    return tmp_path


def run(app, *args: str):
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, (result.output, result.exception)
    return result


def data(app, *args: str):
    return json.loads(run(app, *args, "--json").stdout)


def test_policy_commands_load_list_match_both_ways_and_outlay(home):
    """小巨人 乙 (宁乡, 长沙): CS-XJR-MATCH 50 万元; 研发费用加计扣除 25% × 2000 = 500 万元. The provincial 小巨人
    award also needs "no serious violation", which the store does not hold → a near miss for want of data."""
    assert data(policy_app, "load", "--examples")["policies"] == 29
    listed = data(policy_app, "list", "--as-of", "2026-06-30")
    assert "CN-XJR-CENTRAL" not in {p["policy_id"] for p in listed}  # ended 2025-12-31
    found = data(policy_app, "match", "--enterprise", B, "--as-of", "2026-06-30")
    amounts = {p["policy_id"]: p["amount_wan"] for p in found["policies"] if p["verdict"] == "qualifies"}
    assert amounts["CS-XJR-MATCH"] == 50 and amounts["CN-RD-DEDUCTION"] == 500
    near = {p["policy_id"]: p["lacking"] for p in found["policies"] if p["verdict"] == "near_miss"}
    assert near["HN-XJR-AWARD"] == "重大事故或严重失信 数据缺失（要求 = 否）"
    assert [c["holds"] for c in found["checks"]["HN-XJR-AWARD"]] == [True, False]
    paid = data(policy_app, "match", "--policy", "CS-XJR-MATCH", "--as-of", "2026-06-30")
    assert paid["qualifies"] == 1 and paid["total_outlay_wan"] == 50 and paid["enterprises"][0]["uscc"] == B
    outlay = {r["policy_id"]: r for r in data(policy_app, "outlay", "--as-of", "2026-06-30")}
    # mu_class comes from the 亩均 evaluation now (g.evaluations.mu_classes), so it is no longer absent
    assert outlay["CS-XJR-MATCH"]["total_outlay_wan"] == 50 and outlay["HN-MU-A-PRIORITY"]["absent_attributes"] == ""
    assert "合计" in run(policy_app, "outlay", "--as-of", "2026-06-30").stdout


def test_match_needs_exactly_one_direction(home):
    result = runner.invoke(policy_app, ["match"])
    assert result.exit_code != 0 and "二选一" in str(result.exception)


def test_extra_attribute_file_fills_what_the_store_lacks(home):
    run(policy_app, "load", "--examples")
    path = home / "extra.csv"
    path.write_text(f"uscc,mu_class,serious_violation\n{B},A,否\n", encoding="utf-8")
    found = data(policy_app, "match", "--enterprise", B, "--as-of", "2026-06-30", "--attributes", str(path))
    verdicts = {p["policy_id"]: p for p in found["policies"]}
    assert verdicts["HN-TECH-RENOVATION"]["verdict"] == "qualifies"
    assert verdicts["HN-TECH-RENOVATION"]["amount_wan"] == 240  # 8% × 3000 万元 = 240 (< cap 500)
    assert verdicts["HN-XJR-AWARD"]["amount_wan"] == 100


def test_problem_loop_through_the_cli_with_history_stats_and_overdue(home):
    made = data(problem_app, "submit", "--uscc", A, "--title", "新增用电容量", "--description", "扩产需增容",
                "--category", "用能", "--at", "2026-02-12T09:00")
    pid = made["problem_id"]
    assert made["state"] == "submitted"
    run(problem_app, "accept", pid, "--at", "2026-02-12T10:00")
    assigned = data(problem_app, "assign", pid, "--department", "供电公司", "--days", "5", "--at", "2026-02-12T11:00")
    assert assigned["deadline"] == "2026-02-26"  # across the Spring Festival, see test_store_problem_events
    run(problem_app, "start", pid, "--actor", "王工", "--at", "2026-02-13T09:00")
    refused = runner.invoke(problem_app, ["close", pid, "--satisfaction", "5"])
    assert isinstance(refused.exception, ConflictError) and "办理中" in refused.exception.message
    warn = data(problem_app, "overdue", "--today", "2026-03-02")
    assert warn[0]["problem_id"] == pid and warn[0]["workdays_overdue"] == 3  # 27 Feb, 28 Feb (Sat, working), 2 Mar
    run(problem_app, "reply", pid, "--text", "已增容", "--at", "2026-03-03T16:00")
    run(problem_app, "close", pid, "--satisfaction", "4", "--at", "2026-03-04T10:00")
    reopened = data(problem_app, "reopen", pid, "--reason", "仍未送电", "--at", "2026-03-05T10:00")
    assert reopened["state"] == "in_progress" and reopened["reopen_count"] == 1
    shown = data(problem_app, "show", pid)
    assert shown["verified"] is True and [e["action"] for e in shown["history"]] == [
        "submit", "accept", "assign", "start", "reply", "close", "reopen"]
    assert shown["history"][3]["actor"] == "王工" and shown["history"][0]["actor"] == "命令行操作员"
    stats = data(problem_app, "stats", "--by", "department", "--as-of", "2026-03-05")
    row = next(r for r in stats if r["department"] == "供电公司")
    assert row["due"] == 1 and row["on_time"] == 0  # replied 2026-03-03 after the 02-26 deadline
    assert [p["problem_id"] for p in data(problem_app, "list", "--state", "in_progress")] == [pid]
    assert "哈希链完整" in run(problem_app, "show", pid).stdout


def _sheet(path, rows):
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["统一社会信用代码", "企业名称", "问题标题", "问题描述", "问题类别", "所属产业链", "所在园区", "收集日期"])
        w.writerows(rows)


def test_collection_file_is_taken_whole_once_and_a_bad_row_refuses_it(home):
    good = home / "2026-02.csv"
    _sheet(good, [[A, "甲药业", "流动资金续贷", "续贷困难", "融资", "", "", "2026-02-10"],
                  [B, "乙装备", "技工招聘", "招工难", "用工", "工程机械产业链", "", "2026-02-11"]])
    first = data(problem_app, "import", str(good))
    assert len(first["submitted"]) == 2 and first["already_recorded"] == []
    again = data(problem_app, "import", str(good))
    assert again["submitted"] == [] and again["already_recorded"] == [2, 3]
    listed = {p["uscc"]: p for p in data(problem_app, "list")}
    assert listed[B]["park"] == "宁乡经济技术开发区（测试）"  # filled from the store
    assert listed[B]["chain"] == "工程机械产业链" and listed[B]["submitted"] == "2026-02-11"
    bad = home / "2026-03.csv"
    _sheet(bad, [[C, "丙轨道", "排污许可", "延续", "审批服务", "", "", "2026-03-02"],
                 [C[:17] + ("0" if C[17] != "0" else "1"), "丙轨道", "检查过多", "多头检查", "涉企执法", "", "", "2026-03-03"]])
    refused = runner.invoke(problem_app, ["import", str(bad)])
    assert isinstance(refused.exception, ValidationFailed) and refused.exception.location.row == 3
    assert len(data(problem_app, "list")) == 2  # nothing of the bad file was recorded
