"""``Imports``: the imports of one workspace — ``g.imports()`` is the import log, ``g.imports.file(...)``
validates and imports one file (all or nothing), ``g.imports.kinds()`` lists what can be imported."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from gaodi.ingest.importer import ImportOptions, ImportResult, import_file
from gaodi.ingest.kinds import KINDS
from gaodi.ingest.limits import ReadLimits
from gaodi.ingest.spec import Kind

__all__ = ["Imports"]


class Imports:
    """The import path and the import log of a workspace (``g`` is a :class:`gaodi.core.Gaodi`)."""

    def __init__(self, g) -> None:
        self.g = g

    def __call__(self) -> list[dict[str, Any]]:
        """The import log, oldest first: file, SHA-256, rows read, imported, rejected and replaced."""
        return self.g.store.imports()

    def file(self, kind: str, path: str | Path, options: ImportOptions | None = None) -> ImportResult:
        """Validate and import one file; see :func:`gaodi.ingest.importer.import_file`."""
        result = import_file(self.g.store, kind, Path(path), self.g.settings.imports_dir, options,
                             ReadLimits.from_settings(self.g.settings))
        if result.outcome != "rejected":
            self.g.alerts.after_import(kind)  # the warnings follow the data (once a rule set is loaded)
        return result

    def kinds(self) -> tuple[Kind, ...]:
        """What can be imported: each kind with its columns, units and rules."""
        return KINDS
