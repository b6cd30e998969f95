"""Shared fixtures: an in-memory workspace and a writer of small hand-made files."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from gaodi.core import Gaodi


@pytest.fixture
def workspace(tmp_path: Path) -> Gaodi:
    """A fresh in-memory workspace whose reports go under ``tmp_path``."""
    g = Gaodi.open(home=tmp_path / "ws", in_memory=True)
    yield g
    g.close()


@pytest.fixture
def write_csv(tmp_path: Path):
    """``write_csv("name.csv", [header, row, ...], encoding=...)`` → path."""

    def write(name: str, rows: list[list], encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        with open(path, "w", encoding=encoding, newline="") as fh:
            csv.writer(fh).writerows(rows)
        return path

    return write
