"""Logins under load: memory of 100 concurrent logins, and the time of unknown vs known accounts (not a test).

    uv run python benchmarks/bench_logins.py [--home benchmarks/out/logins] [--logins 100]

Serves a workspace holding one account with ``gaodi serve`` in its own process, twice: with the
default bound on concurrent argon2 checks (GAODI_API_PASSWORD_CHECKS=2) and, as the plain reference,
with no effective bound (as many checks as logins, the behaviour before issue 18). Each time it sends
``--logins`` logins at once and prints the server's resident memory before and its peak after
(VmRSS, VmHWM from /proc), the growth, and the wall time. Then, on the bounded server, it times
20 logins of an unknown account and 20 wrong passwords of a known one, one after another, and prints
the medians and their ratio (1.0 means the answer does not tell whether the account exists).
Traffic goes to 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
from bench_api import serve

from gaodi.access.accounts import create_user
from gaodi.core import Gaodi

PASSWORD = "bench-password-1"


def memory(pid: int) -> dict[str, int]:
    """VmRSS and VmHWM of a process, in MiB."""
    fields = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines() if ":" in line)
    return {k: int(fields[k].split()[0]) // 1024 for k in ("VmRSS", "VmHWM")}


def burst(base: str, n: int) -> tuple[Counter, float]:
    body = {"username": "bench", "password": PASSWORD}
    started = time.perf_counter()
    with ThreadPoolExecutor(n) as pool:
        codes = Counter(pool.map(lambda _: httpx.post(f"{base}/api/auth/login", json=body, timeout=300).status_code,
                                 range(n)))
    return codes, time.perf_counter() - started


def median_login(base: str, username: str, rounds: int = 20) -> float:
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        httpx.post(f"{base}/api/auth/login", json={"username": username, "password": "wrong-password"}, timeout=60)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--home", type=Path, default=Path("benchmarks/out/logins"))
    parser.add_argument("--logins", type=int, default=100)
    args = parser.parse_args()
    with Gaodi.open(args.home) as g:
        create_user(g.store, "bench", PASSWORD, "province", replace=True)
    os.environ.update({"GAODI_API_LOGIN_ATTEMPTS_PER_ADDRESS": "100000", "GAODI_API_PASSWORD_CHECK_WAIT_SECONDS": "600"})
    for label, checks in (("bounded (2 checks at once)", 2), ("unbounded reference", args.logins)):
        os.environ["GAODI_API_PASSWORD_CHECKS"] = str(checks)
        base, server = serve(args.home)
        try:
            httpx.get(f"{base}/api/health")
            before = memory(server.pid)["VmRSS"]
            codes, seconds = burst(base, args.logins)
            peak = memory(server.pid)["VmHWM"]
            print(f"{label}: {args.logins} concurrent logins {dict(codes)} in {seconds:.1f} s; "
                  f"RSS {before} MiB before, peak {peak} MiB, growth {peak - before} MiB")
            if checks == 2:
                unknown, known = median_login(base, "nobody-at-all"), median_login(base, "bench")
                print(f"median answer: unknown account {unknown * 1000:.0f} ms, known account with a wrong "
                      f"password {known * 1000:.0f} ms, ratio {unknown / known:.2f}")
        finally:
            server.terminate()
            server.wait(timeout=60)


if __name__ == "__main__":
    main()
