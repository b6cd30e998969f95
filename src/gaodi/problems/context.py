"""What the store knows about an enterprise for the problem desk: name, county, park and chain.

A problem reported without its 园区 or 产业链 is filled in from the store, so that the analysis by park
and chain covers it. The chain is the one the enterprise is placed in (``placements``, chain masters
and manual placements) and otherwise the chain whose segment lists the enterprise's industry class
(``segments.industry_codes``); when several fit, the first by chain name. Park and chain are given by
name, as collection sheets write them.
"""

from __future__ import annotations

import ibis
import pandas as pd

__all__ = ["enterprise_context"]


def enterprise_context(store, uscc: str | list[str] | None = None) -> pd.DataFrame:
    """One row per enterprise: uscc, name, region_code, park (name), chain (name); missing → None."""
    ent = store.table("enterprises")
    if uscc is not None:
        ent = ent.filter(ent.uscc.isin([uscc] if isinstance(uscc, str) else list(uscc)))
    parks = store.table("parks").select(p_id="park_id", park="name")
    chains = store.table("chains").select(c_id="chain_id", chain_name="name")
    placed = store.table("placements")
    placed = (placed.join(chains, placed.chain_id == chains.c_id)
              .group_by(pl_uscc=placed.uscc).aggregate(placed_chain=ibis._.chain_name.min()))
    seg = store.table("segments")
    seg = seg.filter(seg.industry_codes.notnull()).select(
        "chain_id", code=seg.industry_codes.split(";").unnest().strip())
    by_industry = (seg.join(chains, seg.chain_id == chains.c_id)
                   .group_by(s_code=seg.code).aggregate(industry_chain=ibis._.chain_name.min()))
    expr = (ent.select("uscc", "name", "region_code", "park_id", "industry_code")
            .left_join(parks, ibis._.park_id == parks.p_id)
            .left_join(placed, ibis._.uscc == placed.pl_uscc)
            .left_join(by_industry, ibis._.industry_code == by_industry.s_code))
    expr = expr.select("uscc", "name", "region_code", "park",
                       chain=expr.placed_chain.coalesce(expr.industry_chain)).order_by("uscc")
    frame = store.execute(expr)
    return frame.astype(object).where(frame.notna(), None)
