"""The enterprise ratios every capability reads, each defined once: growth and intensity.

The policy calculator's attribute table (:mod:`gaodi.policies.store_attributes`), the ladder facts
(:mod:`gaodi.ladders.facts`) and the cluster monitor (:mod:`gaodi.evaluation.cluster_ladder`) all
call these functions, on pandas Series or on Ibis columns alike, so an enterprise has one revenue
growth and one R&D intensity wherever it is shown.

- growth (增速), % = (now ÷ before − 1) × 100; missing when ``before`` is missing, zero or negative
  (a growth from nothing has no meaning);
- intensity (强度, e.g. 研发投入强度 = 研发费用 ÷ 营业收入), % = part ÷ whole × 100; missing when
  ``whole`` is missing, zero or negative;

The size class (企业规模) is defined once too, by each enterprise's sector, in
:mod:`gaodi.catalogs.size_class` (《统计上大中小微型企业划分办法(2017)》, 国统字〔2017〕213号).

Growth and intensity are in percent because the rules that test them (policy conditions, ladder
criteria) are written in percent, as the official documents state them; the unit is declared with
every attribute (``gaodi.policies.attributes.ATTRIBUTES``, ``gaodi.ladders.facts.METRICS``).
"""

from __future__ import annotations

from typing import Any

import ibis
import pandas as pd

__all__ = ["growth_pct", "intensity_pct"]


def _positive(x: Any) -> Any:
    """``x`` where it is above zero, missing elsewhere (pandas Series, Ibis column or a number)."""
    if isinstance(x, pd.Series):
        return x.astype(float).where(x > 0)
    if isinstance(x, ibis.Expr):
        return ibis.cases((x > 0, x.cast("float64")), else_=ibis.null("float64"))
    return float(x) if x is not None and not pd.isna(x) and x > 0 else float("nan")


def growth_pct(now: Any, before: Any) -> Any:
    """Growth from ``before`` to ``now`` in percent: (now ÷ before − 1) × 100; missing unless before > 0."""
    return (now / _positive(before) - 1) * 100


def intensity_pct(part: Any, whole: Any) -> Any:
    """``part`` as a percentage of ``whole``: part ÷ whole × 100; missing unless whole > 0."""
    return part / _positive(whole) * 100

