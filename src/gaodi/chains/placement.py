"""Place enterprises in chain segments: by the segments' rules, overridden by manual placements.

Rule placement: an enterprise belongs to segment *s* of chain *c* when its GB/T 4754 class is one of
*s*'s ``industry_codes`` or its name contains one of *s*'s ``keywords``; its role is ``member``.
Manual placement (the ``placements`` table, ``source = 'manual'``, imported by users and never
touched by a re-import of chains or segments): when an enterprise has any manual placement in chain
*c*, its manual rows replace all its rule rows in *c*. Chain masters (链主) are manual rows with
``role = 'master'``.
"""

from __future__ import annotations

import ibis
import pandas as pd

from gaodi.chains.rules import SegmentRules
from gaodi.chains.sources import ChainData

PLACEMENT_COLUMNS = ("chain_id", "segment_id", "uscc", "role", "source")


def memtable(frame: pd.DataFrame, schema: dict[str, str]) -> ibis.Table:
    """A small in-memory table with an explicit schema (so an empty frame has types too)."""
    return ibis.memtable(frame[list(schema)] if len(frame) else pd.DataFrame(columns=list(schema)),
                         schema=schema)


def nullable(table: ibis.Table) -> ibis.Table:
    """The same columns typed as nullable, so parts from NOT NULL store columns and from Parquet
    or memory tables can be unioned."""
    return table.select(**{c: table[c].cast(t.copy(nullable=True))
                           for c, t in table.schema().items()})


def placement_table(data: ChainData, rules: SegmentRules) -> ibis.Table:
    """Every (chain, segment, enterprise) placement with its role and source ('rule' or 'manual')."""
    ent = data.enterprises.select("uscc", "name", "industry_code")
    ind = memtable(rules.industry, {"chain_id": "string", "segment_id": "string", "code": "string"})
    parts = [nullable(ent.join(ind, ent.industry_code == ind.code)
                      .select("chain_id", "segment_id", "uscc"))]
    if len(rules.keywords):
        kw = memtable(rules.keywords,
                      {"chain_id": "string", "segment_id": "string", "keyword": "string"})
        parts.append(nullable(ent.join(kw, ent.name.contains(kw.keyword))
                              .select("chain_id", "segment_id", "uscc")))
    rule = ibis.union(*parts, distinct=True).mutate(role=ibis.literal("member"),
                                                     source=ibis.literal("rule"))
    p = data.placements
    manual = p.filter(p.source == "manual").select(*PLACEMENT_COLUMNS)
    overridden = manual.select("chain_id", "uscc").distinct()
    kept = rule.anti_join(overridden, ["chain_id", "uscc"])
    return ibis.union(nullable(kept.select(*PLACEMENT_COLUMNS)), nullable(manual))
