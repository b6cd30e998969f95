"""Fixtures: the hand-made store built once per session, and a fresh file copy of it per test."""

from __future__ import annotations

import shutil

import pytest

from gaodi.core import Gaodi

from .handmade_store import build


@pytest.fixture(scope="session")
def handmade_template(tmp_path_factory):
    folder = tmp_path_factory.mktemp("handmade")
    build(folder, in_memory=False).close()
    return folder / "ws"


@pytest.fixture
def handmade(handmade_template, tmp_path):
    """A workspace (file store) holding the hand-made enterprises, private to the test."""
    shutil.copytree(handmade_template, tmp_path / "ws")
    g = Gaodi.open(home=tmp_path / "ws")
    yield g
    g.close()
