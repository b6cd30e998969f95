"""Where the shipped reference files live, and the hash that identifies each version."""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import resources
from pathlib import Path

DATA = Path(str(resources.files("gaodi.catalogs") / "data"))


def data_file(*parts: str) -> Path:
    """Return the path of a shipped reference file, e.g. ``data_file("industry", "x.csv")``."""
    return DATA.joinpath(*parts)


@cache
def file_sha256(path: Path) -> str:
    """Return the hex sha256 of a file, so every figure can name the reference version it used."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
