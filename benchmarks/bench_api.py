"""Load benchmark of the REST API: 20 concurrent users on the medium demo province (not a test).

    uv run python benchmarks/bench_api.py [--home benchmarks/out/medium] [--users 20] [--rounds 10]

Builds the medium demo province in ``--home`` if it is empty (a few minutes), creates the demo
accounts, serves the API with ``gaodi serve`` in a separate process on a free local port, warms
the caches once (the cold times are printed too), then has each user log in and run ``--rounds`` rounds of the cockpit
(the city map, the plan cards) and the list endpoints (enterprises sorted by revenue, parks,
policies, a policy's enterprises), all users at once. Prints the count, mean, p50, p95 and max
latency per endpoint and overall; the target is p95 < 300 ms. Traffic goes to 127.0.0.1 only and
stops by itself.

    uv run python benchmarks/bench_api.py --home /tmp/lt --with-cli [--lines 1000000] [--seconds 60]

``--with-cli`` measures the server and the CLI on one workspace: the users keep asking (for at
least ``--seconds``, at most ``--max-seconds``) while `gaodi import transactions` of a generated
file of ``--lines`` invoice lines (a new month, 2026-11, drawn from the workspace's own sellers,
buyers and products; built with ``gaodi demo``) and `gaodi report monitor` run as CLI processes,
which the server runs for them. Prints the requests, errors, p50/p95, the CLI exit codes and times,
and whether every line of the file is in the store afterwards.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from gaodi.access.accounts import create_demo_users
from gaodi.core import Gaodi

USERS = ("province", "city", "park", "chain")  # the roles that read lists; cycled over the users
ENDPOINTS = {
    "cockpit: city map": "/api/regions/cities",
    "cockpit: plan cards": "/api/monitor",
    "list: enterprises by revenue": "/api/enterprises?sort=-revenue&page_size=20",
    "list: enterprises page 5": "/api/enterprises?page=5&page_size=20",
    "list: parks": "/api/parks?sort=-revenue",
    "list: policies": "/api/policies",
    "list: a policy's enterprises": "/api/policies/CN-RD-DEDUCTION/enterprises",
}


def serve(home: Path) -> tuple[str, subprocess.Popen]:
    """``gaodi serve`` on a free port of 127.0.0.1, in its own process, as users would run it."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "GAODI_HOME": str(home), "GAODI_API_LOGIN_ATTEMPTS": "10000",
           "GAODI_API_SERVE_UI": "false"}
    code = f"from gaodi.cli.serve import serve_command; serve_command(port={port})"
    proc = subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/api/health", timeout=2).status_code == 200:
                return base, proc
        except httpx.HTTPError:
            time.sleep(0.5)
    proc.kill()
    raise SystemExit("the server did not start")


def user_session(base: str, username: str, rounds: int) -> list[tuple[str, float, int]]:
    out = []
    with httpx.Client(base_url=base, timeout=120) as client:
        token = client.post("/api/auth/login", json={"username": username, "password": f"gaodi-{username}"})
        headers = {"Authorization": f"Bearer {token.json()['access_token']}"}
        for _ in range(rounds):
            for name, path in ENDPOINTS.items():
                started = time.perf_counter()
                r = client.get(path, headers=headers)
                out.append((name, time.perf_counter() - started, r.status_code))
    return out


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--home", type=Path, default=Path("benchmarks/out/medium"))
    ap.add_argument("--size", default="medium")
    ap.add_argument("--users", type=int, default=20)
    ap.add_argument("--rounds", type=int, default=10)
    ap.add_argument("--with-cli", action="store_true", help="a CLI import and report during the load")
    ap.add_argument("--lines", type=int, default=1_000_000)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--max-seconds", type=float, default=1800)
    args = ap.parse_args()
    g = Gaodi.open(home=args.home)
    if g.row_counts()["enterprises"] == 0:
        print(f"building the {args.size} demo province in {args.home} …", flush=True)
        g.demo(args.size)
    create_demo_users(g.store)
    print(f"enterprises {g.row_counts()['enterprises']:,}; {args.users} users × {args.rounds} rounds × "
          f"{len(ENDPOINTS)} endpoints", flush=True)
    if args.with_cli:
        file = invoice_file(g, args.home / "bench" / f"transactions-{args.lines}.parquet", args.lines)
        g.close()
        return with_cli(args, file)
    g.close()  # the server process holds the workspace from here on
    base, server = serve(args.home)
    for username in USERS:  # one cold pass per role: the cached results are computed here
        cold = user_session(base, username, 1)
        print(f"cold pass as {username}: " + ", ".join(f"{n} {t:.2f}s" for n, t, _ in cold), flush=True)
    started = time.perf_counter()
    with ThreadPoolExecutor(args.users) as pool:
        runs = list(pool.map(lambda i: user_session(base, USERS[i % len(USERS)], args.rounds), range(args.users)))
    wall = time.perf_counter() - started
    results = [r for run in runs for r in run]
    failed = [r for r in results if r[2] != 200]
    print(f"\n{len(results):,} requests in {wall:.1f} s ({len(results) / wall:.0f}/s), {len(failed)} not 200")
    print(f"{'endpoint':34} {'n':>5} {'mean ms':>8} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for name in [*ENDPOINTS, "all"]:
        times = [t * 1000 for n, t, _ in results if name in (n, "all")]
        print(f"{name:34} {len(times):5d} {statistics.mean(times):8.0f} {pct(times, .5):8.0f} "
              f"{pct(times, .95):8.0f} {max(times):8.0f}")
    server.terminate()
    server.wait(timeout=60)



PERIOD = "2026-11"  # a month after the demo's data: the import adds, replaces nothing


def invoice_file(g: Gaodi, path: Path, lines: int) -> Path:
    """``lines`` distinct invoice lines of PERIOD between the workspace's own sellers and buyers."""
    if path.exists() and pq.read_metadata(path).num_rows == lines:
        return path
    t = g.store.table("transactions")
    pairs = g.store.to_arrow(t.select("seller_uscc", "seller_region", "buyer_uscc", "buyer_region").distinct())
    products = g.store.to_arrow(t.select("product_code").distinct().filter(t.product_code.notnull())
                                ).column(0).to_numpy(zero_copy_only=False)
    rng = np.random.default_rng(2026)
    n = int(lines * 1.1) + 1000
    rows = pa.table({"pair": rng.integers(0, pairs.num_rows, n), "product": rng.integers(0, len(products), n)})
    keys = rows.group_by(["pair", "product"]).aggregate([]).slice(0, lines)  # distinct keys
    if keys.num_rows < lines:
        raise SystemExit(f"only {keys.num_rows:,} distinct lines can be drawn from this workspace")
    chosen = pairs.take(keys.column("pair"))
    table = pa.table({"销方信用代码": chosen.column("seller_uscc"), "销方区划代码": chosen.column("seller_region"),
                      "购方信用代码": chosen.column("buyer_uscc"), "购方区划代码": chosen.column("buyer_region"),
                      "期间": pa.array([PERIOD] * lines),
                      "金额(元)": pa.array(rng.uniform(1_000, 2_000_000, lines).round(2)),
                      "商品编码": pa.array(products[keys.column("product").to_numpy()])})
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(table, path)
    return path


def cli(home: Path, *args: str) -> tuple[int, float, str]:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "gaodi", "--home", str(home), *args],
                          capture_output=True, text=True)
    return done.returncode, time.perf_counter() - started, done.stdout + done.stderr


def with_cli(args, file: Path) -> None:
    """The users' load while a CLI import and a report run on the served workspace."""
    base, server = serve(args.home)
    for username in USERS:
        user_session(base, username, 1)  # warm the caches, as in the plain run
    print(f"{args.users} users for at least {args.seconds:.0f} s while `gaodi import transactions` "
          f"({args.lines:,} lines) and `gaodi report monitor` run as CLI processes", flush=True)
    started = time.perf_counter()
    with ThreadPoolExecutor(args.users + 2) as pool:
        imported = pool.submit(cli, args.home, "import", "transactions", str(file), "--json")
        report = pool.submit(cli, args.home, "report", "monitor", "--period", "2026-10", "-f", "docx",
                             "-o", str(args.home / "bench" / "report.docx"), "--json")

        def busy() -> bool:
            elapsed = time.perf_counter() - started
            return elapsed < args.max_seconds and (elapsed < args.seconds or not (imported.done() and report.done()))

        runs = list(pool.map(lambda i: timed_session(base, USERS[i % len(USERS)], busy), range(args.users)))
        (import_code, import_s, import_out), (report_code, report_s, report_out) = imported.result(), report.result()
    wall = time.perf_counter() - started
    server.terminate()
    server.wait(timeout=120)
    results = [r for run in runs for r in run]
    failed = [r for r in results if r[2] != 200]
    times = [t * 1000 for _, t, _ in results]
    print(f"\n{len(results):,} requests in {wall:.1f} s ({len(results) / wall:.1f}/s), {len(failed)} errors "
          f"(not 200); p50 {pct(times, .5):.0f} ms, p95 {pct(times, .95):.0f} ms, max {max(times):.0f} ms")
    print(f"{'endpoint':34} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for name in ENDPOINTS:
        ts = [t * 1000 for n, t, _ in results if n == name]
        print(f"{name:34} {len(ts):5d} {pct(ts, .5):8.0f} {pct(ts, .95):8.0f} {max(ts):8.0f}")
    print(f"CLI import: exit {import_code} in {import_s:.1f} s; CLI report: exit {report_code} in {report_s:.1f} s")
    for code, out in ((import_code, import_out), (report_code, report_out)):
        if code:
            print(out[-2000:])
    with Gaodi.open(home=args.home) as g:  # the server has stopped: count what the store holds
        result = json.loads(import_out) if import_code == 0 else {}
        t = g.store.table("transactions")
        stored = int(g.store.execute(t.filter(t.import_id == result.get("import_id", -1)).count()))
        in_file = pq.read_metadata(file).num_rows
        print(f"import {result.get('import_id')}: {result.get('rows_imported')} lines reported, {stored:,} in the "
              f"store, {in_file:,} in the file: {'every line is in the store' if stored == in_file else 'LINES MISSING'}")


def timed_session(base: str, username: str, busy) -> list[tuple[str, float, int]]:
    """One user asking the cockpit and list endpoints in turn while ``busy()``."""
    out = []
    with httpx.Client(base_url=base, timeout=300) as client:
        token = client.post("/api/auth/login", json={"username": username, "password": f"gaodi-{username}"})
        headers = {"Authorization": f"Bearer {token.json()['access_token']}"}
        while busy():
            for name, path in ENDPOINTS.items():
                started = time.perf_counter()
                try:
                    status = client.get(path, headers=headers).status_code
                except httpx.HTTPError:
                    status = 0
                out.append((name, time.perf_counter() - started, status))
    return out


if __name__ == "__main__":
    main()
