"""Load benchmark of the REST API: 20 concurrent users on the medium demo province (not a test).

    uv run python benchmarks/bench_api.py [--home benchmarks/out/medium] [--users 20] [--rounds 10]

Builds the medium demo province in ``--home`` if it is empty (a few minutes), creates the demo
accounts, serves the API with ``gaodi serve`` in a separate process on a free local port, warms
the caches once (the cold times are printed too), then has each user log in and run ``--rounds`` rounds of the cockpit
(the city map, the plan cards) and the list endpoints (enterprises sorted by revenue, parks,
policies, a policy's enterprises), all users at once. Prints the count, mean, p50, p95 and max
latency per endpoint and overall; the target is p95 < 300 ms. Traffic goes to 127.0.0.1 only and
stops by itself.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

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
    args = ap.parse_args()
    g = Gaodi.open(home=args.home)
    if g.row_counts()["enterprises"] == 0:
        print(f"building the {args.size} demo province in {args.home} …", flush=True)
        g.demo(args.size)
    create_demo_users(g.store)
    print(f"enterprises {g.row_counts()['enterprises']:,}; {args.users} users × {args.rounds} rounds × "
          f"{len(ENDPOINTS)} endpoints", flush=True)
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


if __name__ == "__main__":
    main()
