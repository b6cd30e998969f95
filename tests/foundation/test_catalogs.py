"""The shipped catalogues: GB/T 4754-2017 with its sub-catalogues, and Hunan's regions."""

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
