"""One small demo province for every test of this folder: building it takes a minute or two."""

from __future__ import annotations

import pytest

from gaodi.core import Gaodi

@pytest.fixture(scope="session")
def demo_steps() -> list[tuple[str, int, int]]:
    """What the small demo reported to its progress bars (label, done, total)."""
    return []


@pytest.fixture(scope="session")
def small_demo(tmp_path_factory, demo_steps):
    g = Gaodi.open(home=tmp_path_factory.mktemp("demo-small"))
    result = g.demo("small", progress=lambda label, done, total: demo_steps.append((label, done, total)))
    yield g, result
    g.close()
