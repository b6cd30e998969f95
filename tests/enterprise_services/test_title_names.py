"""Title lists imported under the names Hunan publishes: the provincial 专精特新 is not the national 小巨人.

Hunan brands its provincial 专精特新中小企业 「湖南省专精特新'小巨人'企业」 (2026 申报指南; reference file
../shared/reference/official-rules-check-2026-12.md, area 1 row 37). Every row below is imported through
the ordinary ``titles`` import and read back from the store.
"""

from __future__ import annotations

import csv

import pytest

from gaodi.errors import ValidationFailed

from .handmade_store import A, B, C


def _write(path, header, rows):
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def _titles(g, year):
    t = g.store.table("enterprise_titles")
    frame = g.store.execute(t.filter(t.year_granted == year).select("uscc", "title", "level"))
    return {(r.uscc, r.title, r.level) for r in frame.itertuples()}


def test_hunan_names_file_the_provincial_title_as_provincial_specialised_sme(handmade, tmp_path):
    path = _write(tmp_path / "湖南称号.csv", ["统一社会信用代码", "称号", "认定年份"], [
        [A, "湖南省专精特新'小巨人'企业", 2030],   # straight quotes, as in many spreadsheets
        [B, "国家级专精特新“小巨人”企业", 2030],
        [C, "湖南省创新型中小企业", 2030],
    ])
    handmade.import_file("titles", path)
    assert _titles(handmade, 2030) == {(A, "专精特新中小企业", "省级"), (B, "专精特新小巨人", "国家级"),
                                       (C, "创新型中小企业", "省级")}


def test_a_little_giant_with_the_provincial_level_is_the_provincial_specialised_sme(handmade, tmp_path):
    path = _write(tmp_path / "称号.csv", ["统一社会信用代码", "称号", "等级", "认定年份"], [
        [A, "专精特新“小巨人”企业", "省级", 2031],
        [B, "专精特新小巨人", "国家级", 2031],
        [C, "湖南省专精特新小巨人企业", "省级", 2031],  # no quotes at all; level agrees with the name
    ])
    handmade.import_file("titles", path)
    assert _titles(handmade, 2031) == {(A, "专精特新中小企业", "省级"), (B, "专精特新小巨人", "国家级"),
                                       (C, "专精特新中小企业", "省级")}


def test_a_level_that_contradicts_the_name_refuses_the_file_and_names_the_row(handmade, tmp_path):
    before = _titles(handmade, 2032)
    path = _write(tmp_path / "矛盾.csv", ["统一社会信用代码", "称号", "等级", "认定年份"], [
        [A, "湖南省专精特新“小巨人”企业", "国家级", 2032],
    ])
    with pytest.raises(ValidationFailed) as err:
        handmade.import_file("titles", path)
    first = err.value.details["first_problems"][0]
    assert first["column"] == "等级" and "不一致" in first["reason"] and first["row"] == 2
    assert _titles(handmade, 2032) == before
