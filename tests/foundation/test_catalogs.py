"""The shipped catalogues: GB/T 4754-2017 with its sub-catalogues, and Hunan's regions."""

import pytest

from gaodi.catalogs import industry_catalog, region_catalog


def test_industry_catalogue_has_every_level_of_gbt4754_2017():
    levels = [i.level for i in industry_catalog().industries.values()]
    # GB/T 4754-2017 with amendment 1 (2019): 20 门类, 97 大类, 473 中类, 1382 小类
    assert [levels.count(k) for k in (1, 2, 3, 4)] == [20, 97, 473, 1382]


def test_hightech_manufacturing_has_the_85_classes_of_the_2017_catalogue():
    codes = industry_catalog().codes_in("hightech_manufacturing")
    assert len(codes) == 85
    assert "3741" in codes and "2720" in codes and "3110" not in codes


def test_equipment_manufacturing_is_divisions_33_to_40():
    codes = industry_catalog().codes_in("equipment_manufacturing")
    assert {c[:2] for c in codes} == {str(d) for d in range(33, 41)}
    assert "3741" in codes and "3240" not in codes


def test_strategic_emerging_keeps_the_partial_flag_only_when_every_listing_is_partial():
    cat = industry_catalog()
    sei = cat.codes_in("strategic_emerging")
    assert len(sei) == 469
    assert sei["3741"] is False  # 飞机制造 counts whole
    assert sei["0519"] is True  # 其他农业专业及辅助性活动: only the starred part counts


def test_industry_lookup_describes_3741_with_its_path_and_catalogues():
    info = industry_catalog().describe("3741")
    assert info["name"] == "飞机制造"
    assert [p["code"] for p in info["path"]] == ["C", "37", "374", "3741"]
    assert {c["id"] for c in info["catalogues"]} >= {"hightech_manufacturing", "strategic_emerging",
                                                     "equipment_manufacturing"}


def test_region_catalogue_has_14_cities_and_122_counties_of_hunan():
    r = region_catalog()
    assert len(r.current("city")) == 14
    assert len(r.current("county")) == 122
    assert len(r.current("statistical")) == 12  # NBS codes of development zones, e.g. 430371


def test_retired_region_code_names_its_successor():
    info = region_catalog().describe("430124")
    assert info["status"] == "retired"
    assert info["successor"] == "430182"
    assert "宁乡市" in info["message"]


def test_retired_codes_follow_chains_of_successors_and_split_codes_are_ambiguous():
    r = region_catalog()
    assert r.resolve("432324").current == ["430182"]  # 益阳地区宁乡县 → 长沙宁乡县 → 宁乡市
    split = r.resolve("430311")  # 湘潭郊区, split in 1992
    assert split.status == "ambiguous" and sorted(split.current) == ["430302", "430304"]
    assert r.resolve("999999").status == "unknown"


def test_docs_import_md_is_the_rendered_header_map():
    """docs/import.md documents every kind's headers; regenerate it when the kinds change:
    python -c "from gaodi.ingest.kinds_doc import render_markdown; open('docs/import.md','w').write(render_markdown())"
    """
    from pathlib import Path

    from gaodi.ingest.kinds_doc import render_markdown

    assert (Path(__file__).parents[2] / "docs" / "import.md").read_text(encoding="utf-8") == render_markdown()


def test_strict_reading_counts_50_manufacturing_sei_classes_and_the_broad_reading_284():
    """战略性新兴产业分类(2018): classes marked * count only their listed products; of 609
    manufacturing classes 50 are wholly in, 284 are listed at all (official-rules check, area 3 #6)."""
    from gaodi.indicators import scopes

    cat = industry_catalog()
    mfg = scopes.manufacturing(cat).codes
    strict = scopes.catalogue_scope(cat, "strategic_emerging")
    broad = scopes.catalogue_scope(cat, "strategic_emerging", reading="broad")
    assert (len(mfg), len(strict.codes & mfg), len(broad.codes & mfg)) == (609, 50, 284)
    assert strict.reading == "strict" and strict.note.startswith("严格口径")
    assert broad.note.startswith("宽口径")
    # the older spelling keeps working: include = broad, exclude = strict
    assert scopes.catalogue_scope(cat, "strategic_emerging", partial="include").codes == broad.codes
    assert scopes.catalogue_scope(cat, "strategic_emerging", partial="exclude").codes == strict.codes
    assert "3415" in strict.codes and "3011" not in strict.codes and "3011" in broad.codes


def test_a_partial_class_counts_by_its_share_under_the_strict_reading(tmp_path):
    """VA 100 in 3415 (whole), 200 in 3011 (*, share 25 %), 300 elsewhere: strict without a table
    100/600 = 16.67 %; with the table (100 + 0.25 × 200)/600 = 25 %; broad (100 + 200)/600 = 50 %."""
    import ibis

    from gaodi.catalogs.shares import read_share_table
    from gaodi.indicators import scopes
    from gaodi.indicators.enterprise_figures import scope_share

    cat = industry_catalog()
    path = tmp_path / "shares.csv"
    path.write_text("行业代码,占比,来源\n3011,25%,产品统计\n", encoding="utf-8")
    shares = read_share_table(path, cat, "strategic_emerging")
    assert shares == {"3011": 0.25}
    rows = ibis.memtable({"industry_code": ["3415", "3011", "1399"],
                          "value_added": [100.0, 200.0, 300.0]})

    def share(**kw):
        part = scopes.catalogue_scope(cat, "strategic_emerging", **kw)
        return scope_share(rows, "value_added", part).execute()

    assert share() == pytest.approx(100 / 6)
    assert share(shares=shares) == pytest.approx(25.0)
    assert share(reading="broad") == pytest.approx(50.0)
    assert "1 个小类按占比表计入" in scopes.catalogue_scope(cat, "strategic_emerging", shares=shares).note


@pytest.mark.parametrize("body, column", [("3415,0.5\n", "行业代码"), ("3011,1.5\n", "占比"),
                                          ("3011,abc\n", "占比")])
def test_a_share_table_refuses_whole_classes_and_shares_outside_0_1(tmp_path, body, column):
    from gaodi.catalogs.shares import read_share_table
    from gaodi.errors import InputError

    path = tmp_path / "shares.csv"
    path.write_text("行业代码,占比\n" + body, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_share_table(path, industry_catalog(), "strategic_emerging")
    assert (caught.value.location.row, caught.value.location.column) == (2, column)


def test_digital_economy_core_is_categories_01_to_04_only():
    """数字经济及其核心产业统计分类(2021): the core is 01–04; 05 数字化效率提升业 is not core."""
    import csv

    from gaodi.catalogs.files import data_file

    codes = industry_catalog().codes_in("digital_economy_core")
    assert len(codes) == 124
    assert not {"0211", "0212", "0511", "0531", "0541", "9221"} & set(codes)
    with open(data_file("industry", "digital_economy_core_2021.csv"), encoding="utf-8") as fh:
        tops = {row["category_path"].split(" > ")[0] for row in csv.DictReader(fh)}
    assert tops == {"数字产品制造业", "数字产品服务业", "数字技术应用业", "数字要素驱动业"}
