"""The one core API: ``Gaodi`` holds a workspace and offers what the CLI, the REST API and the web UI call.

    >>> g = Gaodi.open(home="my-workspace")          # doctest: +SKIP
    >>> g.import_file("enterprises", "企业名录.xlsx")   # doctest: +SKIP
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from gaodi.catalogs import industry_catalog, region_catalog
from gaodi.demo.run import generate
from gaodi.indicators.base_figures import Figure, base_figures
from gaodi.ingest.importer import ImportOptions, ImportResult, import_file
from gaodi.settings import Settings, load_settings
from gaodi.store import Store
from gaodi.store.seeding import seed_catalogues


@dataclass
class DemoResult:
    size: str
    folder: str
    counts: dict[str, int]
    imports: list[ImportResult]
    figures: list[Figure]
    seconds: float


class Gaodi:
    """A workspace: its settings, its store and the operations on them."""

    def __init__(self, settings: Settings, store: Store) -> None:
        self.settings = settings
        self.store = store

    @classmethod
    def open(cls, home: str | Path | None = None, *, in_memory: bool = False, **overrides) -> Gaodi:
        """Open (creating if needed) the workspace at ``home`` (default from GAODI_HOME)."""
        settings = load_settings(home=Path(home) if home is not None else None, **overrides)
        store = Store(None if in_memory else settings.db_path, memory_limit=settings.memory_limit,
                      threads=settings.threads)
        seed_catalogues(store, region_catalog(settings.province_code), industry_catalog())
        return cls(settings, store)

    # --- catalogues -------------------------------------------------------------------------
    def industry(self, code: str) -> dict:
        return industry_catalog().describe(code)

    def region(self, code: str) -> dict:
        return region_catalog(self.settings.province_code).describe(code)

    # --- import -----------------------------------------------------------------------------
    def import_file(self, kind: str, path: str | Path, options: ImportOptions | None = None) -> ImportResult:
        """Validate and import one file; see :func:`gaodi.ingest.importer.import_file`."""
        return import_file(self.store, kind, Path(path), self.settings.imports_dir, options)

    # --- demo -------------------------------------------------------------------------------
    def demo(self, size: str = "medium", progress=None) -> DemoResult:
        """Generate the demo province, import every file through the import path, recompute the base.

        ``progress(label, done, total)`` is called as steps finish (the CLI draws bars with it).
        """
        step = progress or (lambda *_: None)
        started = time.perf_counter()
        plan = generate(self.settings.home / "demo-data" / size, size, self.settings.province_code,
                        progress=lambda label, i, n: step(label, i, n + 1))
        results = []
        for i, (kind, path) in enumerate(plan.files, start=1):
            step(f"导入 import {path.name}", i, len(plan.files))
            results.append(self.import_file(kind, path))
        self.store.checkpoint()
        figures = base_figures(self.store, 2025, self.settings.province_code)
        return DemoResult(size, str(plan.folder), plan.counts, results, figures,
                          time.perf_counter() - started)

    def imports(self) -> list[dict]:
        return self.store.imports()

    def row_counts(self) -> dict[str, int]:
        return self.store.row_counts()

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Gaodi:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
