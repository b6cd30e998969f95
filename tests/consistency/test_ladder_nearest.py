"""The ranking by closeness to a rung is one answer: the core, ``gaodi ladder nearest --json`` and the API."""

from __future__ import annotations

import pytest

from tests.consistency.conftest import YEAR

FIELDS = ("rank", "uscc", "status", "met", "unmet", "missing", "shortfall", "line")


@pytest.mark.parametrize("rung", ["专精特新中小企业", "十亿"])
def test_the_nearest_enterprises_to_a_rung_are_the_same_everywhere(core, ask, api, rung):
    in_core = [tuple(r.as_row()[k] for k in FIELDS) for r in core.ladders.nearest(rung, YEAR)]
    cli = ask("ladder", "nearest", "--rung", rung, "--year", str(YEAR), "--limit", "500")
    in_cli = [tuple(r[k] for k in FIELDS) for r in cli["candidates"]]
    body = api("/ladders/nearest", rung=rung, year=YEAR, page_size=500)
    in_api = [tuple(r[k] for k in FIELDS) for r in body["items"]]
    assert in_core and in_core == in_cli == in_api
    # nearest first: never more unmet criteria above fewer
    assert [r[4] for r in in_core] == sorted(r[4] for r in in_core)
