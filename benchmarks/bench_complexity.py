"""Time RCA + proximity + density + ECI/PCI on a synthetic 2,800 regions × 600 industries matrix.

Run: ``.venv/bin/python benchmarks/bench_complexity.py [--regions 2800] [--industries 600]``.
The matrix is seeded (numpy default_rng(20260101)) and shaped like real data: each region has a
capability c_r and each industry a complexity q_i (both standard normal); region r has industry i
with probability 1 / (1 + exp(−2 (c_r − q_i))) and, when it has it, a log-normal amount (μ = 3,
σ = 1.5), scaled by a region size drawn log-normal (σ = 1). Prints wall times per step and the
peak memory (Python allocations traced by tracemalloc, numpy included; and the process's peak RSS).
Benchmarks never fail a test run on time; the figure is recorded in docs/regional-analysis.md.
"""

from __future__ import annotations

import argparse
import resource
import time
import tracemalloc

import numpy as np
import pandas as pd

from gaodi.regional.complexity import (
    _density,
    _proximity,
    economic_complexity,
    presence,
    revealed_comparative_advantage,
)
from gaodi.regional.long_table import region_industry_matrix

SEED = 20260101


def synthetic_matrix(n_regions: int, n_industries: int, seed: int = SEED) -> pd.DataFrame:
    """The seeded region × industry matrix described in the module docstring."""
    rng = np.random.default_rng(seed)
    capability = rng.standard_normal(n_regions)
    complexity = rng.standard_normal(n_industries)
    p = 1.0 / (1.0 + np.exp(-2.0 * (capability[:, None] - complexity[None, :])))
    has = rng.random((n_regions, n_industries)) < p
    size = rng.lognormal(0.0, 1.0, n_regions)[:, None]
    values = np.where(has, rng.lognormal(3.0, 1.5, (n_regions, n_industries)) * size, 0.0)
    return pd.DataFrame(values, index=[f"R{r:05d}" for r in range(n_regions)],
                        columns=[f"{3000 + i:04d}" for i in range(n_industries)])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--regions", type=int, default=2800)
    parser.add_argument("--industries", type=int, default=600)
    args = parser.parse_args()

    matrix = synthetic_matrix(args.regions, args.industries)
    print(f"matrix: {args.regions} regions × {args.industries} industries, "
          f"{(matrix.to_numpy() > 0).mean():.1%} of cells non-zero")

    long = matrix.rename_axis(index="region", columns="industry").stack().rename("value")
    long = long[long > 0].reset_index()
    t = time.perf_counter()
    region_industry_matrix(long)
    print(f"long table of {len(long):,} rows → matrix: {time.perf_counter() - t:.3f} s "
          f"(validation included; not part of the timed computation below)")

    # Step by step, to see where the time goes.
    steps = {}
    t = time.perf_counter()
    rca = revealed_comparative_advantage(matrix)
    steps["rca"] = time.perf_counter() - t
    t = time.perf_counter()
    m = presence(rca).to_numpy(dtype=float)
    steps["presence"] = time.perf_counter() - t
    t = time.perf_counter()
    phi = _proximity(m)
    steps["proximity"] = time.perf_counter() - t
    t = time.perf_counter()
    _density(m, phi)
    steps["density"] = time.perf_counter() - t
    for name, seconds in steps.items():
        print(f"  {name:<10} {seconds:7.3f} s")

    # The whole public call (RCA, M, proximity, density, eigenvectors, exclusions), traced.
    tracemalloc.start()
    t = time.perf_counter()
    result = economic_complexity(matrix)
    total = time.perf_counter() - t
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"economic_complexity: {total:.3f} s wall, peak traced memory {peak / 2**20:.1f} MiB, "
          f"process peak RSS {rss_mib:.0f} MiB")
    print(f"  second eigenvalue {result.second_eigenvalue:.4f}, components {result.components}, "
          f"excluded regions {len(result.excluded_regions)}, "
          f"excluded industries {len(result.excluded_industries)}")
    print(f"  corr(ECI, true capability) = "
          f"{np.corrcoef(result.eci, _truth(args.regions, result))[0, 1]:.3f}")


def _truth(n_regions: int, result) -> np.ndarray:
    capability = np.random.default_rng(SEED).standard_normal(n_regions)
    keep = [int(label[1:]) for label in result.eci.index]
    return capability[keep]


if __name__ == "__main__":
    main()
