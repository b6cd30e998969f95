"""`gaodi warn` through typer's CliRunner: a bad rule file exits non-zero naming the line, the workspace
unchanged; list/show/dismiss print the warnings with their evidence; a dismissal without a reason is refused."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from gaodi.cli.warn import app
from gaodi.core import Gaodi
from gaodi.store import alerts as alert_store
from tests.alerts.test_rules_and_states import GOOD, row

runner = CliRunner()


def test_warn_commands_load_list_show_and_dismiss(tmp_path, monkeypatch):
    monkeypatch.setenv("GAODI_HOME", str(tmp_path / "ws"))
    bad = tmp_path / "bad.yaml"
    bad.write_text(GOOD.replace("period: 3", "period: 0"), encoding="utf-8")
    out = runner.invoke(app, ["rules", "load", str(bad)])
    assert out.exit_code != 0 and "bad.yaml 第 10 行" in str(out.exception) + out.output
    with Gaodi.open(tmp_path / "ws") as g:
        assert g.alerts.history() == []
        alert_store.upsert_alerts(g.store, [row("c1")], ["loss"])
    listed = json.loads(runner.invoke(app, ["list", "--json"]).stdout)
    assert listed["total"] == 1 and listed["items"][0]["evidence"][0]["value"] == -5.0
    shown = runner.invoke(app, ["show", "c1"]).output
    assert "长沙市岳麓区人民政府" in shown and "利润总额" in shown and "/tasks/new?source_kind=warning" in shown
    refused = runner.invoke(app, ["dismiss", "c1", "--reason", " "])
    assert refused.exit_code != 0 and "理由" in str(refused.exception) + refused.output
    done = json.loads(runner.invoke(app, ["dismiss", "c1", "--reason", "数据已更正", "--json"]).stdout)
    assert (done["state"], done["reason"], done["updated_by"]) == ("dismissed", "数据已更正", "命令行操作员")
