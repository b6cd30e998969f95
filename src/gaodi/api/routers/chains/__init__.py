"""Industrial chains (链长制): the chain list, a chain's map, 本地配套率, leakage, gaps, 精准招商, projects.

The routes, split by concept: ``maps`` (list, chain, graph), ``supply`` (rates, leakage, gaps),
``attraction`` (targets, suppliers, projects). A thin layer over :class:`gaodi.chains.ChainAnalysis`
(see docs/chains.md for every formula). The figures are published aggregates: a cell with fewer than 3 enterprises, or one that a total would
give back by subtraction, is ``null`` with ``suppressed`` set to ``primary`` or ``secondary``, never 0.
Rates and shares are fractions from 0 to 1 (unit ``fraction``), as in the core and ``gaodi chains --json``;
CSV and XLSX exports, read by people, show them in percent. Scope: a chain office sees its chains only
(another chain is 403); other users see every chain's province-wide figures, the breakdown by city only for the cities of
their scope, and chain masters and key projects only inside their scope.
"""

from __future__ import annotations

from fastapi import APIRouter

from gaodi.api.routers.chains import attraction, maps, supply
from gaodi.api.schemas import ERRORS

router = APIRouter(tags=["产业链 chains"], responses=ERRORS)  # each part carries the /chains prefix
for part in (maps, supply, attraction):
    router.include_router(part.router)
