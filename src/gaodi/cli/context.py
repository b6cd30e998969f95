"""Open the workspace that the global --home (or GAODI_HOME) names."""

from __future__ import annotations

import os

from gaodi.cli.routing import workspace_opener
from gaodi.core import Gaodi


def open_workspace() -> Gaodi:
    """The workspace; in a command the server runs for a CLI client, the server's own (its cursor)."""
    opener = workspace_opener()
    return opener() if opener is not None else Gaodi.open(os.environ.get("GAODI_HOME"))
