"""Import throughput and peak memory: `gaodi import transactions` against a plain DuckDB script.

    uv run python benchmarks/bench_import.py                   # 1 M, 4 M and 16 M lines, 3 runs each
    uv run python benchmarks/bench_import.py --sizes 1 --runs 1
    uv run python benchmarks/bench_import.py --sizes 100       # 100 M lines (check free disk first)

For every size a Parquet file of N invoice lines is generated (one month, the demo's headers, amounts
in 元) with a realistic share of bad rows: credit codes with a wrong check digit, unknown and retired
region codes, impossible months, negative amounts, missing buyers and repeated keys. Each run starts
from a copy of one fresh workspace and runs, in a fresh subprocess each, alternating:

* gaodi: ``gaodi --home RUN import transactions FILE --skip-invalid --json`` (the real command);
* plain: one DuckDB script that validates the same things in SQL (credit codes with their check digit
  or known to the store, region codes with retired ones mapped, period, amount, required columns,
  duplicate keys), writes the rejected rows to a CSV, inserts the rest, numbers new parties and merges
  the yearly purchase pairs, in one transaction.

Printed per size: wall seconds of each run, the median ratio gaodi / plain, lines per second, the CPU
seconds (user + system; steadier than wall time on a machine shared with other work) and the peak
resident memory of each child process (``wait4`` rusage, so a fresh process per run). Nothing here
asserts a time; figures go to docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
PERIOD = "2026-03"
HEADERS = ["销方信用代码", "销方区划代码", "购方信用代码", "购方区划代码", "期间", "金额(元)", "商品编码"]
CHUNK = 1_000_000


def check_digit(first17: str) -> str:
    """GB 32100-2015: the 18th character of a unified social credit code."""
    total = sum(CHARSET.index(c) * w for c, w in zip(first17, WEIGHTS))
    return CHARSET[(31 - total % 31) % 31]


# --- the file -------------------------------------------------------------------------------------
def generate(path: Path, n: int, bad_share: float, seed: int = 19) -> dict:
    """Write ``n`` lines to ``path`` in row groups of a million; return what was planted."""
    from gaodi.catalogs.region import region_catalog  # the shipped catalogue: the codes the store holds

    rng = np.random.default_rng(seed)

    cat = region_catalog("430000")
    home = sorted(r.code for r in cat.regions.values() if r.level == "county" and r.status == "current"
                  and r.code.startswith("43"))
    away = sorted(r.code for r in cat.regions.values() if r.level == "county" and r.status == "current"
                  and not r.code.startswith("43"))
    retired = sorted(r.code for r in cat.regions.values() if r.level == "county" and r.status == "retired"
                     and len(cat.resolve(r.code).current) == 1)[:20]
    n_parties = min(max(2_000, n // 40), 400_000)  # a province has a few hundred thousand trading parties
    region = np.where(rng.random(n_parties) < 0.7, rng.choice(home, n_parties), rng.choice(away, n_parties))
    moved = rng.random(n_parties) < 0.005  # parties still filed under a retired code (a warning, not an error)
    region[moved] = rng.choice(retired, int(moved.sum()))
    body = rng.integers(0, len(CHARSET), (n_parties, 9))
    codes = []
    for i in range(n_parties):
        first = "91" + region[i] + "".join(CHARSET[j] for j in body[i])
        codes.append(first + check_digit(first))
    # bad dictionary entries after the parties: a wrong check digit and an unknown region
    wrong = codes[0][:17] + CHARSET[(CHARSET.index(codes[0][17]) + 1) % 31]
    uscc = pa.array(codes + [wrong])
    regions = pa.array(list(region) + ["999999"])
    products = pa.array([f"{c}" for c in rng.choice(np.arange(3011, 3099), 40)])
    periods = pa.array([PERIOD, "2026-13"])
    writer = pq.ParquetWriter(path, pa.schema([
        (HEADERS[0], pa.dictionary(pa.int32(), pa.string())), (HEADERS[1], pa.dictionary(pa.int32(), pa.string())),
        (HEADERS[2], pa.dictionary(pa.int32(), pa.string())), (HEADERS[3], pa.dictionary(pa.int32(), pa.string())),
        (HEADERS[4], pa.dictionary(pa.int32(), pa.string())), (HEADERS[5], pa.float64()),
        (HEADERS[6], pa.dictionary(pa.int32(), pa.string()))]), compression="zstd")
    planted = {"wrong_check_digit": 0, "unknown_region": 0, "bad_period": 0, "negative_amount": 0,
               "missing_buyer": 0, "repeated_key": 0}
    for start in range(0, n, CHUNK):
        m = min(CHUNK, n - start)
        seller = rng.integers(0, n_parties, m).astype(np.int32)
        buyer = rng.integers(0, n_parties, m).astype(np.int32)
        product = rng.integers(0, len(products), m).astype(np.int32)
        period = np.zeros(m, np.int32)
        amount = np.round(rng.lognormal(11, 1.5, m), 2)
        seller_region, buyer_region = seller.copy(), buyer.copy()
        buyer_null = np.zeros(m, bool)
        bad = np.flatnonzero(rng.random(m) < bad_share)
        for i, what in zip(bad, rng.integers(0, 6, len(bad))):
            if what == 0:
                seller[i] = n_parties
                planted["wrong_check_digit"] += 1
            elif what == 1:
                buyer_region[i] = n_parties
                planted["unknown_region"] += 1
            elif what == 2:
                period[i] = 1
                planted["bad_period"] += 1
            elif what == 3:
                amount[i] = -amount[i]
                planted["negative_amount"] += 1
            elif what == 4:
                buyer_null[i] = True
                planted["missing_buyer"] += 1
            elif i > 0:
                seller[i], buyer[i], product[i] = seller[i - 1], buyer[i - 1], product[i - 1]
                seller_region[i], buyer_region[i], period[i] = seller_region[i - 1], buyer_region[i - 1], period[i - 1]
                buyer_null[i] = buyer_null[i - 1]
                planted["repeated_key"] += 1
        buyer_idx = pa.array(buyer, mask=buyer_null)
        writer.write_table(pa.table({
            HEADERS[0]: pa.DictionaryArray.from_arrays(seller, uscc),
            HEADERS[1]: pa.DictionaryArray.from_arrays(seller_region, regions),
            HEADERS[2]: pa.DictionaryArray.from_arrays(buyer_idx, uscc),
            HEADERS[3]: pa.DictionaryArray.from_arrays(buyer_region, regions),
            HEADERS[4]: pa.DictionaryArray.from_arrays(period, periods),
            HEADERS[5]: pa.array(amount),
            HEADERS[6]: pa.DictionaryArray.from_arrays(product, products),
        }), row_group_size=CHUNK)
    writer.close()
    return planted


# --- the plain script -----------------------------------------------------------------------------
PLAIN_SQL = """
CREATE TEMP TABLE codes AS
  SELECT raw, upper(trim(raw)) AS v FROM (SELECT "销方信用代码" AS raw FROM read_parquet($file)
                                         UNION SELECT "购方信用代码" FROM read_parquet($file)) WHERE raw IS NOT NULL;
CREATE TEMP TABLE code_ok AS
  SELECT c.raw, c.v, (c.v IN (SELECT uscc FROM enterprises)) OR (
    length(c.v) = 18 AND regexp_full_match(c.v, '[0-9A-HJ-NPQRTUW-Y]{18}') AND
    substr('0123456789ABCDEFGHJKLMNPQRTUWXY', ((31 - (list_sum(list_transform(range(17), lambda i:
        (instr('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(c.v, i + 1, 1)) - 1)::INTEGER *
        [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28][i + 1])) % 31)) % 31)::INTEGER + 1, 1)
      = substr(c.v, 18, 1)) AS ok
  FROM codes c;
CREATE TEMP TABLE region_map AS
  SELECT raw, CASE WHEN r.status = 'current' THEN r.code ELSE r.successor_code END AS v
  FROM (SELECT "销方区划代码" AS raw FROM read_parquet($file) UNION SELECT "购方区划代码" FROM read_parquet($file)) x
  JOIN regions r ON r.code = trim(x.raw);
CREATE TEMP TABLE lines AS
  SELECT f.file_row_number + 1 AS _row, s.v AS seller_uscc, sr.v AS seller_region, b.v AS buyer_uscc,
         br.v AS buyer_region, f."期间" AS period, f."金额(元)" / 10000.0 AS amount, f."商品编码" AS product_code,
         (s.ok AND b.ok AND sr.v IS NOT NULL AND br.v IS NOT NULL AND f."金额(元)" >= 0
          AND regexp_full_match(f."期间", '\\d{4}-(0[1-9]|1[0-2])')) AS ok
  FROM read_parquet($file, file_row_number = true) f
  LEFT JOIN code_ok s ON s.raw = f."销方信用代码" LEFT JOIN code_ok b ON b.raw = f."购方信用代码"
  LEFT JOIN region_map sr ON sr.raw = f."销方区划代码" LEFT JOIN region_map br ON br.raw = f."购方区划代码";
CREATE TEMP TABLE repeats AS
  SELECT seller_uscc, buyer_uscc, period, product_code, min(_row) AS first FROM lines
  GROUP BY ALL HAVING count(*) > 1;
COPY (SELECT l._row, l.ok FROM lines l WHERE NOT coalesce(l.ok, false) OR EXISTS (
        SELECT 1 FROM repeats r WHERE r.seller_uscc IS NOT DISTINCT FROM l.seller_uscc
        AND r.buyer_uscc IS NOT DISTINCT FROM l.buyer_uscc AND r.period IS NOT DISTINCT FROM l.period
        AND r.product_code IS NOT DISTINCT FROM l.product_code AND r.first <> l._row))
  TO $quarantine (HEADER);
INSERT INTO transactions (seller_uscc, seller_region, buyer_uscc, buyer_region, period, amount, product_code, import_id)
  SELECT l.seller_uscc, l.seller_region, l.buyer_uscc, l.buyer_region, l.period, l.amount, l.product_code, 99
  FROM lines l LEFT JOIN repeats r ON r.seller_uscc IS NOT DISTINCT FROM l.seller_uscc
    AND r.buyer_uscc IS NOT DISTINCT FROM l.buyer_uscc AND r.period IS NOT DISTINCT FROM l.period
    AND r.product_code IS NOT DISTINCT FROM l.product_code
  WHERE coalesce(l.ok, false) AND (r.first IS NULL OR r.first = l._row);
INSERT INTO parties
  SELECT (SELECT coalesce(max(party_id), 0) FROM parties) + row_number() OVER (ORDER BY uscc), uscc
  FROM (SELECT seller_uscc AS uscc FROM transactions WHERE import_id = 99
        UNION SELECT buyer_uscc FROM transactions WHERE import_id = 99 EXCEPT SELECT uscc FROM parties);
CREATE TEMP TABLE delta AS
  SELECT CAST(substr(t.period, 1, 4) AS SMALLINT) AS year, s.party_id AS seller_id, t.seller_region,
         b.party_id AS buyer_id, t.buyer_region, coalesce(t.product_code, '') AS product_code,
         sum(CAST(t.amount AS DECIMAL(38, 6))) AS amount, count(*) AS lines
  FROM transactions t JOIN parties s ON s.uscc = t.seller_uscc JOIN parties b ON b.uscc = t.buyer_uscc
  WHERE t.import_id = 99 GROUP BY ALL;
MERGE INTO purchase_pairs p USING delta d
  ON p.year = d.year AND p.seller_id = d.seller_id AND p.seller_region = d.seller_region
     AND p.buyer_id = d.buyer_id AND p.buyer_region = d.buyer_region AND p.product_code = d.product_code
  WHEN MATCHED THEN UPDATE SET amount = p.amount + d.amount, lines = p.lines + d.lines
  WHEN NOT MATCHED THEN INSERT VALUES (d.year, d.seller_id, d.seller_region, d.buyer_id, d.buyer_region,
                                       d.product_code, d.amount, d.lines);
"""


def plain(db: Path, file: Path, quarantine: Path) -> None:
    """The reference: the same checks, insert, parties and pairs, as one hand-written transaction."""
    import duckdb

    con = duckdb.connect(str(db), config={"threads": 2})
    con.execute("BEGIN TRANSACTION")
    for statement in PLAIN_SQL.split(";\n"):
        if statement.strip():
            values = {"file": str(file), "quarantine": str(quarantine)}
            con.execute(statement, {k: v for k, v in values.items() if f"${k}" in statement} or None)
    con.execute("COMMIT")
    con.close()


# --- running ----------------------------------------------------------------------------------------
# Children run as a user's shell runs them: with Python's bytecode cache (a machine that sets
# PYTHONDONTWRITEBYTECODE would otherwise recompile every module of gaodi on each start).
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(argv: list[str], log: Path) -> tuple[float, float, int, str]:
    """Run ``argv`` in a fresh process: wall seconds, CPU seconds, peak RSS in bytes (wait4), stdout."""
    started = time.perf_counter()
    with open(log.with_suffix(".out"), "wb") as out, open(log.with_suffix(".err"), "wb") as err:
        proc = subprocess.Popen(argv, stdout=out, stderr=err, env=CHILD_ENV)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    if proc.returncode:
        raise SystemExit(f"{argv[:5]} failed ({proc.returncode}):\n"
                         f"{log.with_suffix('.err').read_text(errors='replace')[-3000:]}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024, log.with_suffix(".out").read_text()


def fresh_workspace(base: Path, run: Path) -> None:
    if run.exists():
        shutil.rmtree(run)
    shutil.copytree(base, run)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1,4,16", help="millions of lines, comma-separated (100 on request)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--bad-share", type=float, default=0.001, help="share of planted bad rows")
    ap.add_argument("--work", type=Path, default=Path("/tmp/gaodi-bench-import"))
    ap.add_argument("--keep", action="store_true", help="keep the generated files")
    ap.add_argument("--plain", nargs=3, metavar=("DB", "FILE", "QUARANTINE"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.plain:
        plain(Path(args.plain[0]), Path(args.plain[1]), Path(args.plain[2]))
        return
    gaodi = str(Path(sys.executable).parent / "gaodi")
    work = args.work
    work.mkdir(parents=True, exist_ok=True)
    base = work / "base"
    if not base.exists():
        subprocess.run([gaodi, "--home", str(base), "imports", "--json"], check=True, capture_output=True)
    # Warm the bytecode cache, then time the CLI's start-up on its own (a command that reads nothing).
    subprocess.run([gaodi, "--home", str(base), "imports", "--json"], check=True, capture_output=True, env=CHILD_ENV)
    up_wall, up_cpu, _, _ = timed([gaodi, "--home", str(base), "imports", "--json"], work / "startup")
    print(f"# gaodi CLI start-up alone (gaodi imports): {up_wall:.1f} s wall, {up_cpu:.1f} s CPU; "
          "it is part of every gaodi figure below")
    print(f"{'lines':>6} {'run':>3} {'gaodi s':>8} {'plain s':>8} {'ratio':>6} {'gaodi cpu':>9} {'plain cpu':>9} "
          f"{'cpu ratio':>9} {'gaodi GiB':>9} {'plain GiB':>9}")
    for size in (int(s) for s in args.sizes.split(",")):
        n = size * 1_000_000
        file = work / f"lines-{size}M.parquet"
        if not file.exists():
            started = time.perf_counter()
            planted = generate(file, n, args.bad_share)
            print(f"# generated {file.name} in {time.perf_counter() - started:.0f} s, planted {planted}")
        g_times, p_times, g_cpu, p_cpu, g_rss, p_rss = [], [], [], [], [], []
        for i in range(args.runs):
            order = ("gaodi", "plain") if i % 2 == 0 else ("plain", "gaodi")
            for who in order:
                run = work / f"run-{who}"
                fresh_workspace(base, run)
                if who == "gaodi":
                    s, cpu, rss, out = timed([gaodi, "--home", str(run), "import", "transactions", str(file),
                                         "--skip-invalid", "--json"], work / "gaodi")
                    result = json.loads(out)
                    g_times.append(s)
                    g_cpu.append(cpu)
                    g_rss.append(rss)
                    g_rows = (result["rows_imported"], result["rows_rejected"])
                else:
                    s, cpu, rss, _ = timed([sys.executable, __file__, "--plain", str(run / "gaodi.duckdb"), str(file),
                                       str(run / "quarantine.csv")], work / "plain")
                    p_times.append(s)
                    p_cpu.append(cpu)
                    p_rss.append(rss)
                shutil.rmtree(run)
            print(f"{size:>5}M {i + 1:>3} {g_times[-1]:>8.1f} {p_times[-1]:>8.1f} "
                  f"{g_times[-1] / p_times[-1]:>6.2f} {g_cpu[-1]:>9.1f} {p_cpu[-1]:>9.1f} {g_cpu[-1] / p_cpu[-1]:>9.2f} "
                  f"{g_rss[-1] / 2**30:>9.2f} {p_rss[-1] / 2**30:>9.2f}", flush=True)
        g, p = statistics.median(g_times), statistics.median(p_times)
        gc, pc = statistics.median(g_cpu), statistics.median(p_cpu)
        print(f"{size:>5}M med {g:>8.1f} {p:>8.1f} {g / p:>6.2f} {gc:>9.1f} {pc:>9.1f} {gc / pc:>9.2f} "
              f"{max(g_rss) / 2**30:>9.2f} "
              f"{max(p_rss) / 2**30:>9.2f}   gaodi {n / g / 1e6:.2f} M lines/s = {p / g:.2f}× plain's; "
              f"imported {g_rows[0]:,}, rejected {g_rows[1]:,}", flush=True)
        if not args.keep:
            file.unlink()


if __name__ == "__main__":
    main()
