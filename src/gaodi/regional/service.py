"""``Regional``: the regional layout analytics of one workspace (一核两副三带四区, 一市一特色, 未来产业).

    >>> a = g.regional.analysis(RegionalOptions(measure="value_added", level="city", digits=2))  # doctest: +SKIP
    >>> a.lq_rows()                                                                             # doctest: +SKIP

The analytics themselves are pure functions over a long table (region, industry, value, year); this
facade builds that table from the store's annual statistics, as the CLI and the REST API both ask.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from gaodi.errors import InputError, Location
from gaodi.regional.store_analysis import RegionalOptions, StoreAnalysis
from gaodi.regional.store_table import long_table_from_store

__all__ = ["Regional", "RegionalOptions"]


class Regional:
    """The regional analytics of a workspace (``g`` is a :class:`gaodi.core.Gaodi`)."""

    def __init__(self, g) -> None:
        self.g = g

    def analysis(self, options: RegionalOptions | None = None) -> StoreAnalysis:
        """Specialisation, clusters, shift-share, complexity and opportunities of one choice of quantity
        (no year: :meth:`year`'s default)."""
        options = options or RegionalOptions()
        options = replace(options, year=self.year(options.year))
        return StoreAnalysis(self.g.store, options, self.g.settings.province_code)

    def year(self, year: str | int | None = None) -> str:
        """The year a regional analysis is about: ``year`` checked against the store, or by default the latest
        year with annual statistics. The one default of ``gaodi region …`` and ``/api/regional/…``."""
        if year is not None and not str(year).strip().isdigit():
            raise InputError(f"年份“{str(year)[:16]}”无法识别", f"unreadable year {str(year)[:16]!r}",
                             fix="用四位年份，如 2025", location=Location(column="year"))
        return str(self.g.directory.year(int(year) if year is not None else None))

    def long_table(self, measure: str = "value_added", level: str = "city", digits: int = 2) -> pd.DataFrame:
        """The store's annual statistics summed by region × industry × year (above-scale enterprises)."""
        return long_table_from_store(self.g.store, measure=measure, level=level, digits=digits)
