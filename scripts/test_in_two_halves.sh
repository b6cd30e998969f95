#!/usr/bin/env bash
# The full test suite as two pytest runs side by side, one per core: the server-facing half (API, browser,
# consistency, CLI) and the rest. Much of each half waits on DuckDB, a browser or a subprocess, so together
# they take about the time of the longer one instead of the sum (docs/benchmarks.md). Each half's output is
# printed whole when both are done; the exit status is non-zero if either half failed.
set -uo pipefail
cd "$(dirname "$0")/.."
SERVER=(tests/api tests/web tests/consistency tests/cli)
log_a=$(mktemp) log_b=$(mktemp)
uv run pytest "$@" "${SERVER[@]}" >"$log_a" 2>&1 &
pid_a=$!
uv run pytest "$@" tests $(printf -- '--ignore=%s ' "${SERVER[@]}") >"$log_b" 2>&1
status_b=$?
wait "$pid_a"
status_a=$?
echo "=== half 1 of 2: ${SERVER[*]}"
cat "$log_a"
echo "=== half 2 of 2: the rest of tests/"
cat "$log_b"
rm -f "$log_a" "$log_b"
if [ "$status_a" -ne 0 ] || [ "$status_b" -ne 0 ]; then
  echo "FAILED: half 1 exit $status_a, half 2 exit $status_b"
  exit 1
fi
echo "both halves passed"
