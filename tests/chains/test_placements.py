"""Placement rules and manual placements that override them (and survive a re-import of segments)."""

from __future__ import annotations

import pytest

from gaodi.chains.analysis import ChainAnalysis, Options
from gaodi.chains.rules import expand_rules
from gaodi.core import Gaodi
from gaodi.errors import InputError

from . import handmade
from .handmade import USCC
from .test_rates import row


@pytest.fixture(scope="module")
def overridden(tmp_path_factory):
    """X (clothes, no member by rule) placed by hand in T-D1; S2 moved by hand from T-U1 to T-U2."""
    folder = tmp_path_factory.mktemp("manual")
    g = Gaodi.open(home=folder / "ws", in_memory=True)
    handmade.build(g, folder, placements=[("T", "T-D1", "X", "成员"), ("T", "T-U2", "S2", "成员")])
    yield g
    g.close()


def test_rule_places_enterprises_by_industry_class(analysis):
    p = analysis.placed("T")
    where = {u: set(p[p.uscc == u].segment_id) for u in p.uscc}
    assert where[USCC["S1"]] == {"T-U1"}
    assert where[USCC["S3"]] == {"T-U2"}
    assert USCC["X"] not in where
    assert row(p, uscc=USCC["B1"]).role == "master"
    assert row(p, uscc=USCC["B2"]).source == "rule"


def test_manual_placement_overrides_the_rule_and_changes_the_rates(overridden):
    """X's line 10 (S1 → X, 15, both 长沙) becomes a chain purchase: T-U1 = 245 + 15 = 260,
    local 185, chain 460 / 255."""
    a = ChainAnalysis.from_store(overridden.store, Options(min_count=1))
    p = a.placed("T")
    assert set(p[p.uscc == USCC["S2"]].segment_id) == {"T-U2"}  # no longer in T-U1
    assert set(p[p.uscc == USCC["S2"]].source) == {"manual"}
    r = a.rates("2025")
    assert row(r, segment_id="T-U1").purchases == pytest.approx(260)
    assert row(r, segment_id="*").local_amount == pytest.approx(255)


def test_manual_placements_survive_a_reimport_of_the_segments(overridden, tmp_path):
    path = tmp_path / "segments.csv"
    path.write_text("chain_id,segment_id,name,stage,industry_codes\nT,T-U1,材料与基础件,上游,3240;3311\n",
                    encoding="utf-8")
    overridden.import_file("segments", path)
    a = ChainAnalysis.from_store(overridden.store, Options(min_count=1))
    p = a.placed("T")
    assert set(p[p.uscc == USCC["X"]].segment_id) == {"T-D1"}
    assert row(a.segments, segment_id="T-U1")["name"] == "材料与基础件"


def test_keywords_place_enterprises_by_name():
    import pandas as pd

    seg = pd.DataFrame([{"chain_id": "T", "segment_id": "T-K", "industry_codes": "3511；3512",
                         "product_codes": None, "keywords": "轴承、齿轮"}])
    rules = expand_rules(seg)
    assert list(rules.industry.code) == ["3511", "3512"]
    assert list(rules.keywords.keyword) == ["轴承", "齿轮"]


def test_a_malformed_industry_code_names_the_segment():
    import pandas as pd

    seg = pd.DataFrame([{"chain_id": "T", "segment_id": "T-U1", "industry_codes": "C35",
                         "product_codes": None, "keywords": None}])
    with pytest.raises(InputError) as err:
        expand_rules(seg)
    assert "T-U1" in err.value.message and "C35" in err.value.message
