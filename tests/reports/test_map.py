"""The province map: every city drawn once, labelled, and coloured darker for higher values."""

from __future__ import annotations

from pathlib import Path

import pytest
from matplotlib.colors import to_hex

from gaodi.errors import ConfigurationError
from gaodi.reports.fonts import FONT_PACKAGE, cjk_font_path
from gaodi.reports.province_map import (NO_DATA, PALETTE, boundaries_file, city_map, classes, colour_of,
                                        load_cities)


@pytest.fixture(scope="module")
def cities():
    return load_cities(boundaries_file("430000"))


def test_the_shipped_boundaries_hold_the_14_cities_of_hunan(cities):
    assert len(cities) == 14
    assert {c.code for c in cities} >= {"430100", "430200", "433100"}


def test_map_draws_and_labels_14_cities_with_colours_following_the_values(cities):
    values = {c.code: float(i) for i, c in enumerate(cities)}  # 0 … 13 in code order
    values["430900"] = None  # 益阳 without data
    fig = city_map(cities, values, "测试", "%", cjk_font_path())
    ax = fig.axes[0]
    drawn = {}
    for patch in ax.patches:
        drawn.setdefault(patch.get_gid(), set()).add(to_hex(patch.get_facecolor()))
    assert len(drawn) == 14 and all(len(c) == 1 for c in drawn.values())
    labels = [t for t in ax.texts if t.get_gid()]
    assert len(labels) == 14 and any(t.get_text().startswith("湘西州") for t in labels)
    colour = {code: next(iter(c)) for code, c in drawn.items()}
    assert colour["430900"] == NO_DATA
    ranked = sorted((v, PALETTE.index(colour[k])) for k, v in values.items() if v is not None)
    assert [i for _, i in ranked] == sorted(i for _, i in ranked)  # classes never go down as values rise
    assert ranked[0][1] == 0 and ranked[-1][1] == len(PALETTE) - 1
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "无数据" in legend and len(legend) == len(PALETTE) + 1


def test_one_value_everywhere_has_one_swatch_in_the_colour_the_cities_are_drawn_in(cities):
    fig = city_map(cities, {c.code: 7.5 for c in cities}, "测试", "%", cjk_font_path())
    ax = fig.axes[0]
    drawn = {to_hex(patch.get_facecolor()) for patch in ax.patches if patch.get_gid()}
    legend = ax.get_legend()
    assert drawn == {PALETTE[len(PALETTE) // 2]}
    assert [t.get_text() for t in legend.get_texts()] == ["7.5"]
    assert to_hex(legend.legend_handles[0].get_facecolor()) == PALETTE[len(PALETTE) // 2]


def test_equal_interval_classes():
    """Values 0 … 10 in five classes: bounds 0, 2, 4, 6, 8, 10; 2 belongs to the first class, 2.1 to the second."""
    breaks = classes([0.0, 3.0, 10.0])
    assert breaks == pytest.approx([0, 2, 4, 6, 8, 10])
    assert colour_of(2.0, breaks) == PALETTE[0] and colour_of(2.1, breaks) == PALETTE[1]
    assert colour_of(10.0, breaks) == PALETTE[-1] and colour_of(None, breaks) == NO_DATA


def test_missing_font_names_the_debian_package():
    with pytest.raises(ConfigurationError) as err:
        cjk_font_path((Path("/nonexistent/wqy-microhei.ttc"),))
    assert FONT_PACKAGE in err.value.fix and err.value.details["package"] == "fonts-wqy-microhei"
