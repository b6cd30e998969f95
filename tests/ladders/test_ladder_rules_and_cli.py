"""Ladder rule files (refusals), the inputs file, and the `gaodi ladder` CLI."""

from __future__ import annotations

import json

import pytest
import yaml
from ladder_store import build
from typer.testing import CliRunner

from gaodi.cli.ladder import app
from gaodi.errors import InputError
from gaodi.ladders import list_ladders, parse_ladder, read_inputs

runner = CliRunner()

GOOD = """
name: 本省特色梯度
version: "2025"
inputs:
  patents: {label: 发明专利数, unit: 件}
rungs:
  - id: local
    name: 本省瞪羚企业
    held: {title: 创新型中小企业}
    requires:
      - {id: growth, label: 营收增长20%以上, metric: revenue_growth, op: ">=", value: 20}
      - {id: patents, label: 发明专利2件以上, input: patents, op: ">=", value: 2}
      - id: score
        score:
          min_total: 5
          items:
            - {id: rd, metric: rd_intensity, brackets: [[3, 5], [1, 2], [null, 0]]}
"""


def test_a_province_can_add_its_own_ladder_and_it_is_judged():
    ladder = parse_ladder(yaml.safe_load(GOOD))
    assert ladder.rung("本省瞪羚企业").requires.children[1].kind == "input"
    assert {x.name for x in list_ladders()} >= {"优质中小企业梯度培育", "小升规", "千百十企业",
                                               "智能工厂梯度培育", "绿色工厂", "制造业单项冠军"}


@pytest.mark.parametrize("change, replacement, words", [
    ("metric: revenue_growth", "metric: revenue_grow", "未知的指标"),
    ("input: patents", "input: patent_count", "未声明的输入"),
    ('op: ">=", value: 20', 'op: "=>", value: 20', "运算符"),
    ("[[3, 5], [1, 2], [null, 0]]", "[[1, 2], [3, 5], [null, 0]]", "从高到低"),
    ("min_total: 5", "min_totl: 5", "未知的键"),
    ("{id: patents, label: 发明专利2件以上, input: patents, op: \">=\", value: 2}",
     "{id: patents, label: 发明专利2件以上, input: patents, op: \">=\"}", "缺少 value"),
])
def test_bad_ladder_files_are_rejected(change, replacement, words):
    assert change in GOOD
    with pytest.raises(InputError) as caught:
        parse_ladder(yaml.safe_load(GOOD.replace(change, replacement)), source="mine.yaml")
    assert words in str(caught.value)


def test_inputs_file_reads_labels_and_refuses_bad_choices(tmp_path):
    ladders = list_ladders()
    path = tmp_path / "inputs.csv"
    path.write_text("统一社会信用代码,compliant,上年度资产负债率,ip_class\nL1,是,45%,Ⅱ类\nL2,,,\n",
                    encoding="utf-8")
    assert read_inputs(path, ladders) == {
        "L1": {"compliant": True, "debt_ratio": 45.0, "ip_class": "Ⅱ类"}, "L2": {}}
    path.write_text("统一社会信用代码,ip_class\nL1,三类\n", encoding="utf-8")
    with pytest.raises(InputError, match="取值"):
        read_inputs(path, ladders)
    path.write_text("统一社会信用代码,专利\nL1,3\n", encoding="utf-8")
    with pytest.raises(InputError, match="未声明"):
        read_inputs(path, ladders)


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    home = tmp_path_factory.mktemp("ladder-home")
    build(home=home).close()
    return home


def test_status_command_json_explains_each_ladder(workspace):
    result = runner.invoke(app, ["status", "L1", "--year", "2025", "--json"],
                           env={"GAODI_HOME": str(workspace)})
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    quality = next(p for p in document["positions"] if p["ladder"] == "优质中小企业梯度培育")
    # 2025 data are judged in 2026 (today, 2026-12 or later: 2026-12-31): 工信部企业〔2026〕2号.
    assert quality["held"] == ["科技和创新型中小企业"] and quality["version"] == "2026"
    assert quality["document"] == "工信部企业〔2026〕2号"
    assert quality["verdict"]["rules"] == "工信部企业〔2026〕2号 · 2026 版 · 2026-04-01 起施行"
    # 近两年每年研发费用 ≥ 100 万元: 2024 had 90 万元 → unmet by 10 万元 (the 2022 rules read 上年度 only).
    assert quality["verdict"]["status"] == "unmet"
    gaps = {c["id"]: c["gap"] for c in quality["verdict"]["unmet"]}
    assert gaps == {"rd_amount": pytest.approx(10.0)}
    assert document["facts"]["rd_intensity"] == pytest.approx(4.0)


def test_status_command_on_a_date_before_2026_04_01_uses_the_2022_rules(workspace):
    result = runner.invoke(app, ["status", "L1", "--year", "2025", "--on", "2026-03-31", "--json"],
                           env={"GAODI_HOME": str(workspace)})
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    quality = next(p for p in document["positions"] if p["ladder"] == "优质中小企业梯度培育")
    assert quality["version"] == "2022" and quality["held"] == ["创新型中小企业"]
    assert document["rules_date"] == "2026-03-31"
    plain = runner.invoke(app, ["status", "L1", "--year", "2025", "--on", "2026-03-31"],
                          env={"GAODI_HOME": str(workspace)})
    assert "工信部企业〔2022〕63号·2022版·2022-08-01至2026-03-31" in "".join(plain.output.split())
    bad = runner.invoke(app, ["status", "L1", "--on", "31/03/2026"],
                        env={"GAODI_HOME": str(workspace)})
    assert bad.exit_code != 0 and "2026-04-01" in bad.output


def test_status_command_with_inputs_file_for_people(workspace, tmp_path):
    path = tmp_path / "inputs.csv"
    rows = ",".join(f"{k}" for k in ("compliant", "ip_class"))
    path.write_text(f"uscc,{rows}\nL3,是,Ⅱ类\n", encoding="utf-8")
    result = runner.invoke(app, ["status", "L3", "--inputs", str(path)],
                           env={"GAODI_HOME": str(workspace)})
    assert result.exit_code == 0, result.output
    assert "规模以上工业企业" in result.output and "500" in result.output


def test_candidates_command_lists_city_candidates(workspace):
    result = runner.invoke(app, ["candidates", "--rung", "小升规", "--city", "430100",
                                 "--one-short", "--json"], env={"GAODI_HOME": str(workspace)})
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)["candidates"]
    assert [c["uscc"] for c in found] == ["L4", "L3"]


def test_candidates_command_refuses_an_unknown_rung(workspace):
    result = runner.invoke(app, ["candidates", "--rung", "独角兽"],
                           env={"GAODI_HOME": str(workspace)})
    assert isinstance(result.exception, InputError)


def test_funnel_command_counts_every_rung_of_the_city(workspace):
    result = runner.invoke(app, ["funnel", "--city", "430100", "--json"],
                           env={"GAODI_HOME": str(workspace)})
    assert result.exit_code == 0, result.output
    rows = {r["rung"]: r for r in json.loads(result.output)["rows"]}
    assert rows["专精特新小巨人"]["enterprises"] == 4
    assert rows["专精特新中小企业"]["holders"] == 1
