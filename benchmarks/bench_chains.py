"""Time the full local-supporting-rate computation over Parquet invoices: gaodi (Ibis) vs. one SQL query.

Run: ``.venv/bin/python benchmarks/bench_chains.py --workspace WS --transactions DIR --build-pairs`` once
(sums the Parquet lines into the workspace's yearly pairs, as the import does), then
``.venv/bin/python benchmarks/bench_chains.py --workspace WS --transactions DIR [--raw] [--spark]``.

The computation is every chain × input segment × buyer city of one year, with all totals (the
cube of ``ChainAnalysis.rates(year, by=("segment", "city"))`` before suppression): purchases,
local and same-city amounts, distinct buyers, suppliers, local and same-city suppliers. The
reference is the best hand-written single DuckDB query for the same result (GROUPING SETS over
one pass) over the same input: the workspace's yearly purchase pairs (``gaodi.store.purchase_pairs``)
and its enterprises, segments, placements and regions. ``--raw`` also runs both over the monthly
Parquet files with Chinese headers (金额 in 元), line by line. ``--generate-lines N`` first writes N
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
import pandas as pd
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


SEGMENT_RULES = """
WITH seg AS (SELECT chain_id, segment_id, industry_codes, product_codes FROM segments),
ind AS (SELECT chain_id, segment_id, unnest(string_split(industry_codes, ';')) AS code FROM seg),
prod AS (SELECT chain_id, segment_id, unnest(string_split(product_codes, ';')) AS prefix FROM seg
         WHERE product_codes IS NOT NULL AND product_codes <> ''),
manual AS (SELECT chain_id, segment_id, uscc FROM placements WHERE source = 'manual'),
"""  # the rule tables both reference queries start from

CUBE = """SELECT chain_id, coalesce(segment_id, '*') AS segment_id, coalesce(buyer_city, '*') AS buyer_city,
       sum(amount) AS purchases, coalesce(sum(amount) FILTER (WHERE local), 0) AS local_amount,
       coalesce(sum(amount) FILTER (WHERE same_city), 0) AS city_amount,
       count(DISTINCT buyer) AS buyers, count(DISTINCT seller) AS suppliers,
       count(DISTINCT seller) FILTER (WHERE local) AS local_suppliers,
       count(DISTINCT seller) FILTER (WHERE same_city) AS city_suppliers
FROM lines GROUP BY GROUPING SETS ((chain_id, segment_id, buyer_city), (chain_id, segment_id),
                                   (chain_id, buyer_city), (chain_id))
"""  # every cell and total of the chain purchase lines, in one pass

REFERENCE_SQL = SEGMENT_RULES + """place AS (SELECT i.chain_id, i.segment_id, e.uscc FROM enterprises e JOIN ind i ON e.industry_code = i.code
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
""" + CUBE


PAIRS_SQL = SEGMENT_RULES + """place AS (SELECT p.chain_id, p.segment_id, pa.party_id AS id FROM (
            SELECT i.chain_id, i.segment_id, e.uscc FROM enterprises e JOIN ind i ON e.industry_code = i.code
            WHERE NOT EXISTS (SELECT 1 FROM manual m WHERE m.chain_id = i.chain_id AND m.uscc = e.uscc)
            UNION SELECT * FROM manual) p JOIN parties pa USING (uscc)),
tx AS (SELECT t.seller_id, t.seller_region, t.buyer_id, t.buyer_region, t.product_code,
              CAST(t.amount AS DOUBLE) AS amount, b.chain_id
       FROM purchase_pairs t JOIN (SELECT DISTINCT chain_id, id FROM place) b ON t.buyer_id = b.id
       WHERE t.year = {year}),
by_product AS (SELECT product_code, chain_id, substr(min(k), 3) AS segment_id FROM (
          SELECT p.product_code, r.chain_id, '1|' || r.segment_id AS k FROM (SELECT DISTINCT product_code FROM tx) p
            JOIN prod r ON starts_with(p.product_code, r.prefix)
          UNION ALL SELECT p.product_code, r.chain_id, '2|' || r.segment_id FROM (SELECT DISTINCT product_code FROM tx) p
            JOIN ind r ON p.product_code = r.code) GROUP BY ALL),
by_seller AS (SELECT id, chain_id, min(segment_id) AS segment_id FROM place GROUP BY ALL),
lines AS (SELECT t.chain_id, coalesce(bp.segment_id, bs.segment_id) AS segment_id,
                 coalesce(rb.city_code, t.buyer_region) AS buyer_city, t.buyer_id AS buyer, t.seller_id AS seller,
                 coalesce(rs.in_home_province, false) AS local,
                 coalesce(rs.in_home_province, false)
                   AND coalesce(rs.city_code, t.seller_region) = coalesce(rb.city_code, t.buyer_region) AS same_city,
                 t.amount
          FROM tx t LEFT JOIN by_product bp ON bp.product_code = t.product_code AND bp.chain_id = t.chain_id
          LEFT JOIN by_seller bs ON bs.id = t.seller_id AND bs.chain_id = t.chain_id
          LEFT JOIN regions rs ON rs.code = t.seller_region LEFT JOIN regions rb ON rb.code = t.buyer_region
          WHERE coalesce(bp.segment_id, bs.segment_id) IS NOT NULL)
""" + CUBE

PAIRS_FROM_PARQUET = [  # the aggregation gaodi.store.purchase_pairs runs at import, over the Parquet files
    "DELETE FROM purchase_pairs", "DELETE FROM parties",
    """INSERT INTO parties SELECT row_number() OVER (ORDER BY uscc), uscc FROM (
        SELECT "销方信用代码" AS uscc FROM {src} UNION SELECT "购方信用代码" FROM {src})""",
    """INSERT INTO purchase_pairs
        SELECT CAST(substr(t."期间", 1, 4) AS SMALLINT), s.party_id, t."销方区划代码", b.party_id, t."购方区划代码",
               coalesce(t."商品编码", ''), sum(CAST(t."金额(元)" / 10000 AS DECIMAL(38, 6))), count(*)
        FROM {src} t JOIN parties s ON s.uscc = t."销方信用代码" JOIN parties b ON b.uscc = t."购方信用代码"
        GROUP BY ALL""",
]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(label: str, run, repeat: int = 1):
    """Run ``run`` ``repeat`` times; print and return the fastest wall time and the last result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        t = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - t)
    print(f"{label:<44}{best:8.2f} s   {len(result):,} rows   peak RSS {peak_mb():,.0f} MB")
    return best, result


def same(left: pd.DataFrame, right: pd.DataFrame) -> bool:
    keys = ["chain_id", "segment_id", "buyer_city"]
    left = left.sort_values(keys).reset_index(drop=True)
    right = right.sort_values(keys).reset_index(drop=True)[list(left.columns)]
    return bool(len(left) == len(right) and (left[keys] == right[keys]).all().all()
                and np.allclose(left.purchases, right.purchases)
                and np.allclose(left.local_amount.fillna(0), right.local_amount.fillna(0))
                and all((left[c].to_numpy() == right[c].to_numpy()).all()
                        for c in ("buyers", "suppliers", "local_suppliers", "city_suppliers")))


def build_pairs(workspace: Path, transactions: Path, memory_limit: str) -> None:
    """Sum the Parquet invoice lines into the workspace's yearly pairs, as the import does."""
    with Store(workspace / "gaodi.duckdb", threads=2, memory_limit=memory_limit) as store:
        store.con.execute("SET preserve_insertion_order = false")
        src = f"read_parquet('{transactions / '*.parquet'}')"
        t = time.perf_counter()
        with store.transaction():
            for stmt in PAIRS_FROM_PARQUET:
                store.con.execute(stmt.format(src=src))
        n, lines = store.con.execute("SELECT count(*), sum(lines) FROM purchase_pairs").fetchall()[0]
        print(f"yearly pairs built from the Parquet files      {time.perf_counter() - t:8.2f} s   "
              f"{lines:,} lines → {n:,} pairs   peak RSS {peak_mb():,.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workspace", type=Path, required=True, help="gaodi workspace (home folder)")
    parser.add_argument("--transactions", type=Path, required=True, help="folder of monthly Parquet files")
    parser.add_argument("--generate-lines", type=int, default=0)
    parser.add_argument("--year", type=int, default=2025)
    parser.add_argument("--build-pairs", action="store_true",
                        help="sum the Parquet files into the workspace's yearly pairs, then stop")
    parser.add_argument("--raw", action="store_true", help="also time both over the raw Parquet lines (slow)")
    parser.add_argument("--spark", action="store_true", help="also time Spark local[2]")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--memory-limit", default="3GB", help="DuckDB memory limit (default 3GB)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each timing; the fastest is shown")
    args = parser.parse_args()

    if args.build_pairs:
        build_pairs(args.workspace, args.transactions, args.memory_limit)
        return
    store = Store(args.workspace / "gaodi.duckdb", read_only=True, threads=args.threads,
                  memory_limit=args.memory_limit)
    if args.generate_lines:
        generate(store, args.transactions, args.generate_lines, args.year)
    files = str(args.transactions / "*.parquet")
    n = store.con.execute(f"SELECT count(*) FROM read_parquet('{files}')").fetchall()[0][0]
    pairs, lines = store.con.execute(
        f"SELECT count(*), coalesce(sum(lines), 0) FROM purchase_pairs WHERE year = {args.year}").fetchall()[0]
    print(f"{n:,} invoice lines in {args.transactions}; {pairs:,} pairs ({lines:,} lines) of {args.year} in the store")
    if lines != n:
        print("warning: the store's pairs do not hold these lines; run with --build-pairs first")
    first, last = f"{args.year}-01", f"{args.year}-12"

    def gaodi_rates(data) -> pd.DataFrame:
        a = ChainAnalysis(data)
        with a.data.once(a.lines(str(args.year), with_uscc=False)) as lines:  # as ChainAnalysis.rates does
            return a.data.execute(cube_expr(lines, ("segment", "city")))

    t_ref, ref = timed("reference SQL over the yearly pairs", lambda: store.con.execute(
        PAIRS_SQL.format(year=args.year)).df(), args.repeat)
    t_ibis, cube = timed("gaodi (Ibis on DuckDB) over the yearly pairs", lambda: gaodi_rates(from_store(store)),
                         args.repeat)
    print(f"ratio gaodi / reference: {t_ibis / t_ref:.2f}×   same result: {same(cube, ref)}")

    if args.raw:
        t_raw, raw = timed("reference SQL over the raw lines", lambda: store.con.execute(
            REFERENCE_SQL.format(files=files, first=first, last=last)).df())
        t_lines, lines_cube = timed("gaodi over the raw lines", lambda: gaodi_rates(
            from_store(store).with_transactions(read_invoice_parquet(store.ibis, args.transactions))))
        print(f"ratio gaodi / reference on lines: {t_lines / t_raw:.2f}×   same result: "
              f"{same(lines_cube, raw)} and {same(raw, ref)}")

    if args.spark:
        import ibis

        from gaodi.chains import export_parquet, from_parquet, spark_session

        small = args.workspace / "chains-parquet"
        export_parquet(store, small)
        t = time.perf_counter()
        session = spark_session(driver_memory="3g")
        print(f"Spark session started in {time.perf_counter() - t:.1f} s")
        data = from_parquet(ibis.pyspark.connect(session), small)
        t_spark, sc = timed("gaodi (Ibis on Spark local[2]) over the pairs", lambda: gaodi_rates(data), args.repeat)
        print(f"same result on Spark: {same(sc, ref)}")


if __name__ == "__main__":
    main()
