"""Open the workspace that the global --home (or GAODI_HOME) names."""

from __future__ import annotations

import os

from gaodi.core import Gaodi


def open_workspace() -> Gaodi:
    return Gaodi.open(os.environ.get("GAODI_HOME"))
