"""`gaodi plan import / check / show`, run through Typer's CliRunner on the plan sub-app."""

from __future__ import annotations

import json

import pytest
from plan_helpers import DOCUMENTS
from typer.testing import CliRunner

from gaodi.cli.plan import app
from gaodi.errors import InputError, NotFoundError

runner = CliRunner()
HUNAN = str(DOCUMENTS / "hunan_2026_15th.txt")


def test_import_json_prints_indicators_sector_targets_and_unread(tmp_path):
    out = tmp_path / "draft.yaml"
    result = runner.invoke(app, ["import", HUNAN, "--json", "--output", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    first = data["indicators"][0]
    assert (first["name"], first["unit"], first["base"], first["base_year"]) == (
        "全省规模以上制造业增加值年均增速", "%", 7.1, 2025)
    assert {k: first["target"][k] for k in ("op", "value", "cumulative", "year")} == {
        "op": ">=", "value": 6.5, "cumulative": False, "year": 2030}
    fifth = data["indicators"][4]["target"]
    assert (fifth["op"], fifth["low"], fifth["high"]) == ("range", 6, 7)
    assert {k: data["sector_targets"][0][k] for k in ("sector", "year", "value", "unit")} == {
        "sector": "石化", "year": 2030, "value": 3400, "unit": "亿元"}
    assert [u["line"] for u in data["unread"]] == [210]
    assert out.exists()


def test_import_writes_a_draft_that_check_accepts_and_lists_unread_items_in_comments(tmp_path):
    out = tmp_path / "hunan.plan.yaml"
    assert runner.invoke(app, ["import", HUNAN, "--out", str(out), "--id", "hunan"]).exit_code == 0
    draft = out.read_text(encoding="utf-8")
    assert "#   第 210 行" in draft and "id: hunan" in draft
    result = runner.invoke(app, ["check", str(out), "--json"])
    assert result.exit_code == 0, result.output
    plan = json.loads(result.stdout)
    assert len(plan["indicators"]) == 21 and len(plan["sector_targets"]) == 17


def test_import_refuses_to_overwrite_a_draft_unless_forced(tmp_path):
    out = tmp_path / "d.yaml"
    out.write_text("已校对的内容", encoding="utf-8")
    result = runner.invoke(app, ["import", HUNAN, "--out", str(out)])
    assert isinstance(result.exception, InputError) and "已存在" in result.exception.message
    assert out.read_text(encoding="utf-8") == "已校对的内容"
    assert runner.invoke(app, ["import", HUNAN, "--out", str(out), "--force"]).exit_code == 0


def test_check_names_the_field_of_a_wrong_correction(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text("id: p\nname: 规划\nindicators:\n- number: '5'\n  name: 集群\n"
                    "  target: {op: range, low: 7, high: 6}\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(path)])
    err = result.exception
    assert isinstance(err, InputError)
    assert "indicators.0.target" in err.message and "区间下限 7 大于上限 6" in err.message
    assert err.location.file == str(path)


def test_check_reports_the_line_of_broken_yaml(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text("id: p\nname: [规划\n", encoding="utf-8")
    err = runner.invoke(app, ["check", str(path)]).exception
    assert isinstance(err, InputError) and err.location.row is not None


def test_show_prints_the_builtin_plan_and_unknown_names_list_the_known_ones():
    result = runner.invoke(app, ["show", "hunan_15th_manufacturing_2026"])
    assert result.exit_code == 0 and "湘政发〔2026〕6号" in result.stdout and "智能衡器计量" in result.stdout
    err = runner.invoke(app, ["show", "nowhere"]).exception
    assert isinstance(err, NotFoundError) and "hunan_15th_manufacturing_2026" in err.fix


@pytest.mark.parametrize("name", ["foshan_2024_city.html", "shandong_2023_sentences_only.txt"])
def test_import_prints_tables_for_people(tmp_path, name):
    out = str(tmp_path / "d.yaml")
    result = runner.invoke(app, ["import", str(DOCUMENTS / name), "--out", out])
    assert result.exit_code == 0, result.output
    assert "产业营收目标" in result.stdout


@pytest.mark.parametrize("json_flag", [[], ["--json"]])
def test_import_without_output_writes_no_file_anywhere(tmp_path, monkeypatch, json_flag):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["import", HUNAN, *json_flag])
    assert result.exit_code == 0, result.output
    assert list(tmp_path.iterdir()) == []
    if json_flag:
        assert len(json.loads(result.stdout)["indicators"]) == 21
