"""Policy files: a bad file is refused with an InputError naming the file, the policy id and the field."""

import copy

import pytest
import yaml

from gaodi.errors import InputError
from gaodi.policies.attributes import EnterpriseTable
from gaodi.policies.rules import EXAMPLES, load_policy_file

GOOD = {
    "rule_set": "t", "version": "1",
    "policies": [{
        "id": "P1", "name": "技改奖补", "issuer": "省工信厅", "level": "provincial", "region_scope": ["43"],
        "valid_from": "2026-01-01", "valid_to": "2026-12-31", "mode": "application",
        "application_window": {"start": "2026-03-01", "end": "2026-04-30"},
        "conditions": [{"attribute": "investment", "op": ">=", "value": 2000, "unit": "万元"}],
        "benefit": {"kind": "share", "base": "investment", "rate": 0.08, "cap": 500, "unit": "万元"},
    }],
}


def write(tmp_path, change):
    doc = copy.deepcopy(GOOD)
    change(doc["policies"][0])
    path = tmp_path / "policies.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    return path


def cond(p, **kw):
    p["conditions"][0].update(kw)


BAD = {
    "unknown policy field": (lambda p: p.update(max_amount=5), "max_amount"),
    "unknown condition field": (lambda p: cond(p, weight=2), "conditions.all[0].weight"),
    "unknown benefit field": (lambda p: p["benefit"].update(ceiling=1), "benefit.ceiling"),
    "bad operator": (lambda p: cond(p, op="=>"), "conditions.all[0].op"),
    "operator not for the attribute": (lambda p: cond(p, op="has_title"), "conditions.all[0].op"),
    "unknown attribute": (lambda p: cond(p, attribute="profit"), "conditions.all[0].attribute"),
    "inverted validity": (lambda p: p.update(valid_from="2027-01-01"), "valid_from"),
    "inverted window": (lambda p: p["application_window"].update(end="2026-02-01"), "application_window"),
    "application without window": (lambda p: p.pop("application_window"), "application_window"),
    "window under 免申即享": (lambda p: p.update(mode="auto"), "application_window"),
    "unit that does not fit": (lambda p: cond(p, unit="人"), "conditions.all[0].unit"),
    "unquoted code": (lambda p: p.update(conditions=[{"attribute": "industry_code", "op": "in", "value": [3981]}]),
                      "conditions.all[0].value"),
    "scale value not on the scale": (lambda p: p.update(conditions=[
        {"attribute": "smart_factory_level", "op": ">=", "value": "顶级"}]), "conditions.all[0].value"),
    "rate above one": (lambda p: p["benefit"].update(rate=8), "benefit.rate"),
    "benefit base not a number": (lambda p: p["benefit"].update(base="titles"), "benefit.base"),
    "bad level": (lambda p: p.update(level="county"), "level"),
}


@pytest.mark.parametrize("case", list(BAD), ids=list(BAD))
def test_bad_policy_file_is_refused_naming_file_policy_and_field(tmp_path, case):
    change, field = BAD[case]
    with pytest.raises(InputError) as err:
        load_policy_file(write(tmp_path, change))
    e = err.value
    assert e.details == {"file": "policies.yaml", "policy_id": "P1", "field": field}
    assert "P1" in e.message and field in e.message and e.location.file == "policies.yaml"


def test_duplicate_policy_ids_are_refused(tmp_path):
    doc = copy.deepcopy(GOOD)
    doc["policies"].append(copy.deepcopy(doc["policies"][0]))
    path = tmp_path / "dup.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_policy_file(path)
    assert err.value.details["field"] == "id"


def test_good_file_loads_with_units_converted_to_the_table_units(tmp_path):
    rules = load_policy_file(write(tmp_path, lambda p: cond(p, value=0.2, unit="亿元")))
    leaf = rules.get("P1").leaves[0]
    assert leaf.value == pytest.approx(2000.0) and leaf.shown == "≥ 0.2亿元"
    assert rules.get("P1").benefit.cap == 500


def test_shipped_example_set_loads_and_marks_invented_policies():
    rules = load_policy_file(EXAMPLES)
    invented = [p.id for p in rules.policies if p.example]
    assert len(rules.policies) == 29 and len(invented) == 22
    # national policies follow their published documents; windows they do not set are marked examples
    assert [p.id for p in rules.policies if p.id.startswith("CN-") and p.example] == []
    national = {p.id: p for p in rules.policies if p.id.startswith("CN-")}
    assert {pid for pid, p in national.items() if p.window_example} == {
        "CN-FIRST-SET-INSURANCE", "CN-XJR-CENTRAL", "CN-XJR-KEY-2024"}
    assert all(p.document_number and p.article and p.valid_from for p in national.values())


def test_enterprise_table_refuses_a_value_off_the_scale_naming_row_and_column():
    with pytest.raises(InputError) as err:
        EnterpriseTable.from_records([{"uscc": "A", "region_code": "430104", "smart_factory_level": "高级"}])
    assert err.value.location.column == "smart_factory_level" and err.value.location.row == 2
