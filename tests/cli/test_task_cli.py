"""`gaodi task` with --json: the same task the core gives, and a refused step exits non-zero with the error."""

from __future__ import annotations

import json

import pytest

from tests.cli.test_cli import gaodi

pytestmark = pytest.mark.slow  # five fresh processes, each opening a new workspace


def test_task_commands_walk_a_back_dated_task_to_escalation_and_refuse_a_second_escalation(tmp_path):
    home = tmp_path / "ws"
    made = gaodi("task", "new", "--title", "命令行督办", "--body", "county:430104", "--days", "3",
                 "--on", "2026-09-29", "--json", home=home)
    assert made.returncode == 0, made.stderr
    task = json.loads(made.stdout)
    # 3 working days from Tue 2026-09-29 across the National Day holiday: 09-30, 10-08, 10-09
    assert task["deadline"] == "2026-10-09" and task["overdue"] and task["body_name"] == "岳麓区人民政府"
    up = json.loads(gaodi("task", "escalate", task["task_id"], "--json", home=home).stdout)
    assert up["body"] == "city:430100" and up["state"] == "escalated"
    again = gaodi("task", "escalate", task["task_id"], "--json", home=home)
    assert again.returncode != 0 and "未超期" in again.stdout + again.stderr
    listed = json.loads(gaodi("task", "list", "--json", home=home).stdout)
    assert [t["task_id"] for t in listed] == [task["task_id"]]
