"""Start-up of the `gaodi` command, side by side with plain Python references (not a test).

    uv run python benchmarks/bench_cli_startup.py [--runs 7]

Times, as fresh processes in turn, ``python -c pass`` (the interpreter alone), ``python -c "import
typer"`` (the CLI framework alone), ``gaodi --help`` and ``gaodi catalog region 430124``, and prints
the median wall time of each and its ratio to the framework alone. Python writes no bytecode cache
when PYTHONDONTWRITEBYTECODE is set (this sandbox sets it), and then every start compiles every
module it imports: the script says which case it measured. `uv sync --compile-bytecode` (as
`make setup` runs it) compiles the installed packages once. For where the time goes, run
``python -X importtime -m gaodi --help``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time


def wall(args: list[str], env: dict) -> float:
    start = time.perf_counter()
    subprocess.run(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    options = parser.parse_args()
    home = tempfile.mkdtemp(prefix="gaodi-startup-")
    env = {**os.environ, "GAODI_HOME": home}
    cases = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "python -c 'import typer'": [sys.executable, "-c", "import typer"],
        "gaodi --help": [sys.executable, "-m", "gaodi", "--help"],
        "gaodi catalog region 430124": [sys.executable, "-m", "gaodi", "catalog", "region", "430124"],
    }
    for args in cases.values():  # warm the file cache
        wall(args, env)
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(options.runs):
        for name, args in cases.items():
            times[name].append(wall(args, env))
    reference = statistics.median(times["python -c 'import typer'"])
    cached = "off (PYTHONDONTWRITEBYTECODE)" if os.environ.get("PYTHONDONTWRITEBYTECODE") else "on"
    print(f"bytecode cache: {cached}; {options.runs} runs each, alternating; median wall time")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"{name:32s} {median:6.3f} s   {median / reference:5.2f}x typer alone")


if __name__ == "__main__":
    main()
