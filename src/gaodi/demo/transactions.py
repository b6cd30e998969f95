"""Supply transactions of the demo province: VAT invoice lines aggregated by seller, buyer, month and
product class, written month by month as Parquet.

Each enterprise buys from a fixed set of suppliers: local ones (more often from the upstream segments
of its own chain) and suppliers outside the province. The share bought locally varies by buyer, so
that chains, segments and cities show different local supporting rates. Product codes in the demo
are the seller's GB/T 4754 class (real invoice lines carry the 税收分类编码 instead).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from gaodi.demo.chains import CHAINS
from gaodi.demo.population import make_uscc

OUTSIDE_REGIONS = ["440300", "440100", "320500", "330100", "310115", "110108", "420100", "360100",
                   "500112", "510100", "610100", "370200", "350200", "120116", "340100", "410100"]
LEAKY_CHAINS = {"EI": 0.35, "AE": 0.4, "BP": 0.45}  # lower local supply in these demo chains
RISING_LEAK = ("BP", 10, 1.3)  # this chain's buyers buy 30 % more outside the province from October on


def supplier_network(rng: np.random.Generator, ent: pd.DataFrame, revenue: np.ndarray, k: int):
    """Return (seller_index, buyer_index, annual_amount_yuan) and the outside suppliers' codes."""
    n = len(ent)
    codes = ent["industry_code"].to_numpy()
    chain_of = np.full(n, "", dtype=object)
    key_of = np.full(n, -1)  # which (chain, segment) an enterprise buys for; -1: none
    upstream_codes: list[list[str]] = []
    for cid, _, _, segs in CHAINS:
        seg_codes = [set(s[3].split(";")) for s in segs]
        for j, sc in enumerate(seg_codes):
            members = np.flatnonzero(np.isin(codes, list(sc)))
            chain_of[members] = cid
            if j > 0:
                key_of[members] = len(upstream_codes)
                upstream_codes.append(sorted(set().union(*seg_codes[:j])))
    local_rate = np.clip(rng.normal(0.58, 0.15, n), 0.05, 0.95)
    for cid, rate in LEAKY_CHAINS.items():
        local_rate[chain_of == cid] = np.clip(rng.normal(rate, 0.12, (chain_of == cid).sum()), 0.02, 0.9)
    n_out = max(50, n // 2)
    out_regions = rng.choice(OUTSIDE_REGIONS, n_out)
    out_uscc = np.array([make_uscc(r, 5_000_000 + i) for i, r in enumerate(out_regions)])
    # Outside suppliers make chain inputs more often than the province's average enterprise does.
    chain_codes = sorted({c for ups in upstream_codes for c in ups})
    out_codes = np.where(rng.random(n_out) < 0.5, rng.choice(chain_codes, n_out), rng.choice(codes, n_out))

    buyers = np.repeat(np.arange(n), k)
    local = rng.random(n * k) < np.repeat(local_rate, k)
    sellers = rng.integers(0, n, n * k)
    outside = rng.integers(0, n_out, n * k)
    # Chain members buy their inputs from the chain's upstream segments, inside or outside the province.
    from_chain = rng.random(n * k) < 0.6
    buyer_key = key_of[buyers]
    for key, ups in enumerate(upstream_codes):
        at = np.flatnonzero((buyer_key == key) & from_chain)
        local_pool = np.flatnonzero(np.isin(codes, ups))
        out_pool = np.flatnonzero(np.isin(out_codes, ups))
        inside, out = at[local[at]], at[~local[at]]
        if len(local_pool):
            sellers[inside] = rng.choice(local_pool, len(inside))
        if len(out_pool):
            outside[out] = rng.choice(out_pool, len(out))
    sellers[sellers == buyers] = (sellers[sellers == buyers] + 1) % n
    weights = rng.dirichlet(np.ones(k), n).ravel()
    amount = np.repeat(revenue * 1e4 * 0.55, k) * weights  # 万元 → 元, 55 % of revenue bought in
    seller = np.where(local, sellers, n + outside).astype(np.int64)
    # one line per (buyer, seller): a supplier drawn twice for the same buyer is merged
    pair, inverse = np.unique(buyers.astype(np.int64) * (n + n_out) + seller, return_inverse=True)
    return {"buyers": (pair // (n + n_out)).astype(np.int32), "sellers": (pair % (n + n_out)).astype(np.int32),
            "amount": np.bincount(inverse, weights=amount), "out_uscc": out_uscc,
            "out_regions": out_regions, "out_codes": out_codes,
            "rising": (chain_of[(pair // (n + n_out)).astype(np.int64)] == RISING_LEAK[0])
            & ((pair % (n + n_out)) >= n)}


MONTH_SHARE = np.array([.070, .060, .085, .083, .085, .090, .082, .083, .087, .085, .088, .102])


def month_batches(rng: np.random.Generator, ent: pd.DataFrame, net: dict, year: int
                  ) -> Iterator[tuple[str, pa.Table]]:
    """One Arrow table per month; strings are dictionary-encoded so a large month stays small."""
    n = len(ent)
    uscc = pa.array(np.concatenate([ent["uscc"].to_numpy(), net["out_uscc"]]).astype(str))
    regions = pa.array(np.concatenate([ent["region_code"].to_numpy(), net["out_regions"]]).astype(str))
    product = pa.array(np.concatenate([ent["industry_code"].to_numpy(), net["out_codes"]]).astype(str))
    seller, buyer = net["sellers"], net["buyers"]
    for m in range(1, 13):
        amt = net["amount"] * MONTH_SHARE[m - 1] * rng.lognormal(0, 0.15, len(buyer))
        if m >= RISING_LEAK[1]:  # a leakage that rises, for the chain warning of the demo (docs/warnings.md)
            amt = np.where(net["rising"], amt * RISING_LEAK[2], amt)
        table = pa.table({
            "销方信用代码": pa.DictionaryArray.from_arrays(seller, uscc),
            "销方区划代码": pa.DictionaryArray.from_arrays(seller, regions),
            "购方信用代码": pa.DictionaryArray.from_arrays(buyer, uscc),
            "购方区划代码": pa.DictionaryArray.from_arrays(buyer, regions),
            "期间": pa.array(np.full(len(buyer), f"{year}-{m:02d}")),
            "金额(元)": pa.array(np.round(amt, 2)),
            "商品编码": pa.DictionaryArray.from_arrays(seller, product),
        })
        yield f"{year}-{m:02d}", table


def write_months(rng: np.random.Generator, ent: pd.DataFrame, net: dict, year: int, folder: Path
                 ) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for period, table in month_batches(rng, ent, net, year):
        path = folder / f"transactions-{period}.parquet"
        pq.write_table(table, path, compression="zstd")
        paths.append(path)
    return paths
