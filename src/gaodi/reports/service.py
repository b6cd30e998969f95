"""``Reports``: the reports of one workspace — the kinds, generating one, the stored files and who may see them.

    >>> stored = g.reports.generate("monitoring", "docx", user="张敏", period="2026-10")   # doctest: +SKIP
    >>> [r.public() for r in g.reports.stored(scope)]                                    # doctest: +SKIP
"""

from __future__ import annotations

from typing import Any

from gaodi.access.scope import Scope
from gaodi.reports.library import StoredReport, area_namer, find_report, generate, kinds, stored_reports, visible

__all__ = ["Reports"]


class Reports:
    """The report library of a workspace (``g`` is a :class:`gaodi.core.Gaodi`)."""

    def __init__(self, g) -> None:
        self.g = g

    def kinds(self) -> list[dict[str, Any]]:
        """The kinds of report, with their formats and whether they take a period or an area."""
        return kinds()

    def generate(self, kind: str, fmt: str, *, user: str, period: str | None = None, area: str | None = None,
                 plan_id: str | None = None, options: dict[str, Any] | None = None) -> StoredReport:
        """Write one report into the workspace's report folder and return its record."""
        return generate(self.g, kind, fmt, user=user, period=period, area=area, plan_id=plan_id, options=options)

    def stored(self, scope: Scope | None = None) -> list[StoredReport]:
        """The stored reports, newest first; only those ``scope`` may see when given."""
        found = stored_reports(self.g.settings.reports_dir, area_namer(self.g))
        return found if scope is None else [r for r in found if visible(self.g.store, scope, r)]

    def find(self, report_id: str, scope: Scope | None = None) -> StoredReport | None:
        """One stored report (NotFoundError when unknown); None when ``scope`` may not see it."""
        report = find_report(self.g.settings.reports_dir, report_id)
        return report if scope is None or visible(self.g.store, scope, report) else None
