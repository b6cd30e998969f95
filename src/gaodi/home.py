"""Where a workspace lives when nobody says: one definition, light enough for the CLI's first step.

`gaodi.settings` (pydantic) reads the same default from here; the CLI, before it decides whether a
running server owns the workspace, finds the folder without loading the settings machinery.
"""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_HOME = Path("gaodi-workspace")
HOME_ENV = "GAODI_HOME"


def workspace_home(home: str | os.PathLike | None = None) -> Path:
    """The workspace folder: ``home`` when given, else $GAODI_HOME, else ./gaodi-workspace."""
    if home:
        return Path(home)
    return Path(os.environ.get(HOME_ENV) or DEFAULT_HOME)
