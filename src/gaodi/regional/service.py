"""``Regional``: the regional layout analytics of one workspace (一核两副三带四区, 一市一特色, 未来产业).

    >>> a = g.regional.analysis(RegionalOptions(measure="value_added", level="city", digits=2))  # doctest: +SKIP
    >>> a.lq_rows()                                                                             # doctest: +SKIP

The analytics themselves are pure functions over a long table (region, industry, value, year); this
facade builds that table from the store's annual statistics, as the CLI and the REST API both ask.
"""

from __future__ import annotations

import pandas as pd

from gaodi.regional.store_analysis import RegionalOptions, StoreAnalysis
from gaodi.regional.store_table import long_table_from_store

__all__ = ["Regional", "RegionalOptions"]


class Regional:
    """The regional analytics of a workspace (``g`` is a :class:`gaodi.core.Gaodi`)."""

    def __init__(self, g) -> None:
        self.g = g

    def analysis(self, options: RegionalOptions | None = None) -> StoreAnalysis:
        """Specialisation, clusters, shift-share, complexity and opportunities of one choice of quantity."""
        return StoreAnalysis(self.g.store, options or RegionalOptions(), self.g.settings.province_code)

    def long_table(self, measure: str = "value_added", level: str = "city", digits: int = 2) -> pd.DataFrame:
        """The store's annual statistics summed by region × industry × year (above-scale enterprises)."""
        return long_table_from_store(self.g.store, measure=measure, level=level, digits=digits)
