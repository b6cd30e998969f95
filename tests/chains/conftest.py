"""Fixtures: the hand-made province of ``handmade.py`` in an in-memory workspace."""

from __future__ import annotations

import pytest

from gaodi.chains.analysis import ChainAnalysis, Options
from gaodi.core import Gaodi

from . import handmade


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    folder = tmp_path_factory.mktemp("handmade")
    g = Gaodi.open(home=folder / "ws", in_memory=True)
    handmade.build(g, folder)
    yield g
    g.close()


@pytest.fixture(scope="module")
def analysis(workspace):
    """Every cell published (min_count = 1), so the hand-worked numbers are visible."""
    return ChainAnalysis.from_store(workspace.store, Options(min_count=1))
