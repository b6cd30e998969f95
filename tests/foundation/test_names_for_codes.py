"""Names where codes are expected: regions, industries and parks by name, with clear refusals.

Codes from GB/T 2260 and GB/T 4754-2017: 开福区 430105, 北京市朝阳区 110105, 长春市朝阳区 220104,
皮革服装制造 1921 (C 19 皮革、毛皮、羽毛及其制品和制鞋业 → 192 皮革服装制造 → 1921)."""

from __future__ import annotations

import pytest

from gaodi.errors import ValidationFailed
from tests.foundation.samples import A, B, C

HEADER = ["统一社会信用代码", "企业名称", "所在县市区代码", "园区代码", "行业代码"]


@pytest.fixture
def with_park(workspace, write_csv):
    workspace.import_file("parks", write_csv("parks.csv", [
        ["园区代码", "园区名称", "园区级别", "所在县市区代码"], ["P001", "金霞经开区", "国家级", "开福区"],
        ["P002", "同名园区", "省级", "430102"], ["P003", "同名园区", "省级", "430202"]]))
    return workspace


def test_region_industry_and_park_names_are_stored_as_their_codes(with_park, write_csv):
    g = with_park
    result = g.import_file("enterprises", write_csv("e.csv", [
        HEADER, [A, "甲", "开福区", "金霞经开区", "皮革服装制造"], [B, "乙", "长沙市开福区", "P001", "1921"],
        [C, "丙", "湖南省株洲市荷塘区", "", "３７４１"]]))
    assert result.rows_imported == 3
    rows = g.store.execute(g.store.table("enterprises").select("uscc", "region_code", "park_id", "industry_code"))
    got = {r.uscc: (r.region_code, r.park_id if isinstance(r.park_id, str) else None, r.industry_code)
           for r in rows.itertuples()}
    assert got == {A: ("430105", "P001", "1921"), B: ("430105", "P001", "1921"), C: ("430202", None, "3741")}
    parks = g.store.execute(g.store.table("parks").select("park_id", "region_code"))
    assert dict(parks.values)["P001"] == "430105"


def problems_of(g, path) -> list[dict]:
    with pytest.raises(ValidationFailed) as info:
        g.import_file("enterprises", path)
    return info.value.details["first_problems"]


def test_an_ambiguous_name_is_refused_with_every_candidate_and_its_code(with_park, write_csv):
    before = with_park.row_counts()
    problems = problems_of(with_park, write_csv("amb.csv", [HEADER, [A, "甲", "朝阳区", "同名园区", "1921"]]))
    assert with_park.row_counts() == before
    region = next(p for p in problems if p["column"] == "所在县市区代码")
    assert "多个地区" in region["reason"]
    assert "北京市朝阳区（110105）" in region["reason"] and "长春市朝阳区（220104）" in region["reason"]
    park = next(p for p in problems if p["column"] == "园区代码")
    assert "同名园区（P002）" in park["reason"] and "同名园区（P003）" in park["reason"]


def test_an_unknown_name_is_refused_with_the_nearest_names(with_park, write_csv):
    problems = problems_of(with_park, write_csv("typo.csv", [HEADER, [A, "甲", "开福去", "", "皮革服装制做"]]))
    by_column = {p["column"]: p for p in problems}
    assert "开福区" in by_column["所在县市区代码"]["fix"]
    assert "皮革服装制造" in by_column["行业代码"]["fix"]
    assert "不是已知名称" in by_column["行业代码"]["reason"]
