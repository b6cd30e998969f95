"""One small demo province for every test of this folder: building it takes a minute or two."""

from __future__ import annotations

import pytest

from gaodi.core import Gaodi

DEMO_STEPS: list[tuple[str, int, int]] = []  # what the small demo reported to its progress bars


@pytest.fixture(scope="session")
def small_demo(tmp_path_factory):
    g = Gaodi.open(home=tmp_path_factory.mktemp("demo-small"))
    result = g.demo("small", progress=lambda label, done, total: DEMO_STEPS.append((label, done, total)))
    yield g, result
    g.close()
