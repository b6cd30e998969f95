"""Time the full local-supporting-rate computation over Parquet invoices: gaodi (Ibis) vs. one SQL query.

Run: ``.venv/bin/python benchmarks/bench_chains.py --workspace WS --transactions DIR
[--generate-lines N] [--year 2025] [--spark]``.

The computation is every chain × input segment × buyer city of one year, with all totals (the
cube of ``ChainAnalysis.rates(year, by=("segment", "city"))`` before suppression): purchases,
local and same-city amounts, distinct buyers, suppliers, local and same-city suppliers. The
reference is the best hand-written single DuckDB query for the same result (GROUPING SETS over
one pass); both read the same monthly Parquet files with Chinese headers (金额 in 元) and the
workspace's enterprises, segments, placements and regions. ``--generate-lines N`` first writes N
synthetic invoice lines (seeded; 12 monthly files) from the workspace's enterprises: each buyer
has fixed suppliers, 60 % local, and product code = the seller's GB/T 4754 class. Wall times and
peak memory (process RSS high-water mark after each step) are printed; benchmarks never fail a run
on time. Figures are recorded in docs/chains.md.
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from gaodi.chains import ChainAnalysis, from_store
from gaodi.chains.rates import cube_expr
from gaodi.chains.sources import read_invoice_parquet
from gaodi.store import Store

SEED = 20260602
OUTSIDE = ["440300", "440100", "320500", "330100", "310115", "110108", "420100", "360100"]


def generate(store: Store, folder: Path, lines: int, year: int) -> None:
    """Write ``lines`` synthetic invoice lines as 12 monthly Parquet files in ``folder``."""
    rng = np.random.default_rng(SEED)
    ent = store.con.execute("SELECT uscc, region_code, industry_code FROM enterprises").fetchnumpy()
    n = len(ent["uscc"])
    n_out = max(100, n // 2)
    out_region = rng.choice(OUTSIDE, n_out)
    out_uscc = np.array([f"91{r}MA{9_000_000 + i:07d}X"[:18] for i, r in enumerate(out_region)])
    uscc = np.concatenate([ent["uscc"].astype(str), out_uscc])
    region = np.concatenate([ent["region_code"].astype(str), out_region])
    product = np.concatenate([ent["industry_code"].astype(str),
                              ent["industry_code"].astype(str)[rng.integers(0, n, n_out)]])
    per_month = lines // 12
    k = max(1, per_month // n)  # suppliers per buyer
    buyers = np.repeat(np.arange(n), k)[:per_month]
    local = rng.random(len(buyers)) < 0.6
    sellers = np.where(local, rng.integers(0, n, len(buyers)), n + rng.integers(0, n_out, len(buyers)))
    base = rng.lognormal(10, 1.5, len(buyers))
    folder.mkdir(parents=True, exist_ok=True)
    dict_uscc, dict_region, dict_product = pa.array(uscc), pa.array(region), pa.array(product)
    for m in range(1, 13):
        amt = np.round(base * rng.lognormal(0, 0.2, len(buyers)), 2)
        s, b = pa.array(sellers.astype(np.int32)), pa.array(buyers.astype(np.int32))
        pq.write_table(pa.table({
            "销方信用代码": pa.DictionaryArray.from_arrays(s, dict_uscc),
            "销方区划代码": pa.DictionaryArray.from_arrays(s, dict_region),
            "购方信用代码": pa.DictionaryArray.from_arrays(b, dict_uscc),
            "购方区划代码": pa.DictionaryArray.from_arrays(b, dict_region),
            "期间": pa.array(np.full(len(buyers), f"{year}-{m:02d}")),
            "金额(元)": pa.array(amt),
            "商品编码": pa.DictionaryArray.from_arrays(s, dict_product),
        }), folder / f"transactions-{year}-{m:02d}.parquet", compression="zstd")
    print(f"generated {per_month * 12:,} lines ({k} suppliers a buyer, {n:,} enterprises, "
          f"{n_out:,} outside sellers) in {folder}")


REFERENCE_SQL = """
WITH seg AS (SELECT chain_id, segment_id, industry_codes, product_codes FROM segments),
ind AS (SELECT chain_id, segment_id, unnest(string_split(industry_codes, ';')) AS code FROM seg),
prod AS (SELECT chain_id, segment_id, unnest(string_split(product_codes, ';')) AS prefix FROM seg
         WHERE product_codes IS NOT NULL AND product_codes <> ''),
manual AS (SELECT chain_id, segment_id, uscc FROM placements WHERE source = 'manual'),
place AS (SELECT i.chain_id, i.segment_id, e.uscc FROM enterprises e JOIN ind i ON e.industry_code = i.code
          WHERE NOT EXISTS (SELECT 1 FROM manual m WHERE m.chain_id = i.chain_id AND m.uscc = e.uscc)
          UNION SELECT * FROM manual),
tx AS (SELECT "销方信用代码" AS seller, "销方区划代码" AS seller_region, "购方信用代码" AS buyer,
              "购方区划代码" AS buyer_region, coalesce("商品编码", '') AS product, "金额(元)" / 10000.0 AS amount
       FROM read_parquet('{files}') WHERE "期间" BETWEEN '{first}' AND '{last}'),
chain_buyers AS (SELECT DISTINCT chain_id, uscc FROM place),
pairs AS (SELECT DISTINCT seller, product FROM tx),
cls AS (SELECT seller, product, chain_id, substr(min(k), 3) AS segment_id FROM (
          SELECT p.seller, p.product, r.chain_id, '1|' || r.segment_id AS k FROM pairs p JOIN prod r ON starts_with(p.product, r.prefix)
          UNION ALL SELECT p.seller, p.product, r.chain_id, '2|' || r.segment_id FROM pairs p JOIN ind r ON p.product = r.code
          UNION ALL SELECT p.seller, p.product, r.chain_id, '3|' || r.segment_id FROM pairs p JOIN place r ON p.seller = r.uscc)
        GROUP BY ALL),
lines AS (SELECT cb.chain_id, c.segment_id, coalesce(rb.city_code, t.buyer_region) AS buyer_city,
                 t.buyer, t.seller, coalesce(rs.in_home_province, false) AS local,
                 coalesce(rs.in_home_province, false)
                   AND coalesce(rs.city_code, t.seller_region) = coalesce(rb.city_code, t.buyer_region) AS same_city,
                 t.amount
          FROM tx t JOIN chain_buyers cb ON t.buyer = cb.uscc
          JOIN cls c ON c.seller = t.seller AND c.product = t.product AND c.chain_id = cb.chain_id
          LEFT JOIN regions rs ON rs.code = t.seller_region LEFT JOIN regions rb ON rb.code = t.buyer_region)
SELECT chain_id, coalesce(segment_id, '*') AS segment_id, coalesce(buyer_city, '*') AS buyer_city,
       sum(amount) AS purchases, coalesce(sum(amount) FILTER (WHERE local), 0) AS local_amount,
       coalesce(sum(amount) FILTER (WHERE same_city), 0) AS city_amount,
       count(DISTINCT buyer) AS buyers, count(DISTINCT seller) AS suppliers,
       count(DISTINCT seller) FILTER (WHERE local) AS local_suppliers,
       count(DISTINCT seller) FILTER (WHERE same_city) AS city_suppliers
FROM lines GROUP BY GROUPING SETS ((chain_id, segment_id, buyer_city), (chain_id, segment_id),
                                   (chain_id, buyer_city), (chain_id))
"""


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workspace", type=Path, required=True, help="gaodi workspace (home folder)")
    parser.add_argument("--transactions", type=Path, required=True, help="folder of monthly Parquet files")
    parser.add_argument("--generate-lines", type=int, default=0)
    parser.add_argument("--year", type=int, default=2025)
    parser.add_argument("--spark", action="store_true", help="also time Spark local[2]")
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()

    store = Store(args.workspace / "gaodi.duckdb", read_only=True, threads=args.threads,
                  memory_limit="12GB")
    if args.generate_lines:
        generate(store, args.transactions, args.generate_lines, args.year)
    files = str(args.transactions / "*.parquet")
    n = store.con.execute(f"SELECT count(*) FROM read_parquet('{files}')").fetchall()[0][0]
    print(f"{n:,} invoice lines in {args.transactions}")
    first, last = f"{args.year}-01", f"{args.year}-12"

    t = time.perf_counter()
    sql = REFERENCE_SQL.format(files=files, first=first, last=last)
    ref = store.con.execute(sql).df()
    t_ref = time.perf_counter() - t
    print(f"reference SQL (one DuckDB query)  {t_ref:7.2f} s   {len(ref):,} rows   peak RSS {peak_mb():,.0f} MB")

    t = time.perf_counter()
    a = ChainAnalysis(from_store(store).with_transactions(read_invoice_parquet(store.ibis, args.transactions)))
    f = a.flows(str(args.year))
    cube = a.data.execute(cube_expr(f, ("segment", "city")))
    t_ibis = time.perf_counter() - t
    print(f"gaodi on DuckDB (Ibis)            {t_ibis:7.2f} s   {len(cube):,} rows   peak RSS {peak_mb():,.0f} MB"
          f"   ratio {t_ibis / t_ref:.2f}×")
    keys = ["chain_id", "segment_id", "buyer_city"]
    left = cube.sort_values(keys).reset_index(drop=True)
    right = ref.sort_values(keys).reset_index(drop=True)[list(left.columns)]
    same = np.allclose(left.purchases, right.purchases) and (left[keys] == right[keys]).all().all() \
        and (left.buyers.to_numpy() == right.buyers.to_numpy()).all()
    print(f"same result as the reference: {same}")

    if args.spark:
        import ibis

        from gaodi.chains import export_parquet, from_parquet, spark_session

        small = args.workspace / "chains-parquet"
        export_parquet(store, small)
        t = time.perf_counter()
        session = spark_session(driver_memory="6g")
        t_start = time.perf_counter() - t
        sa = ChainAnalysis(from_parquet(ibis.pyspark.connect(session), small, args.transactions))
        t = time.perf_counter()
        sc = sa.data.execute(cube_expr(sa.flows(str(args.year)), ("segment", "city")))
        t_spark = time.perf_counter() - t
        print(f"gaodi on Spark local[2] (Ibis)    {t_spark:7.2f} s   {len(sc):,} rows   "
              f"(+{t_start:.1f} s session start)")


if __name__ == "__main__":
    main()
