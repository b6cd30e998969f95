"""The command line: global --home, JSON output, and errors without tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.foundation.samples import enterprises_rows, with_wrong_check_digit


def gaodi(*args: str, home) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "gaodi", "--home", str(home), *args],
                          capture_output=True, text=True, timeout=300)


def test_catalog_region_json_says_430124_was_retired_and_names_430182(tmp_path):
    out = gaodi("catalog", "region", "430124", "--json", home=tmp_path)
    assert out.returncode == 0, out.stderr
    info = json.loads(out.stdout)
    assert info["status"] == "retired" and info["successor"] == "430182"


def test_catalog_industry_json_lists_the_catalogues_of_3741(tmp_path):
    info = json.loads(gaodi("catalog", "industry", "3741", "--json", home=tmp_path).stdout)
    assert info["name"] == "飞机制造"
    assert "hightech_manufacturing" in {c["id"] for c in info["catalogues"]}


def test_import_of_a_bad_file_exits_non_zero_with_the_error_in_json_and_no_traceback(tmp_path, write_csv):
    rows = enterprises_rows()
    rows[1][0] = with_wrong_check_digit(rows[1][0])
    out = gaodi("import", "enterprises", str(write_csv("bad.csv", rows)), "--json", home=tmp_path / "ws")
    assert out.returncode == 2
    assert "Traceback" not in out.stderr
    err = json.loads(out.stdout)["error"]
    assert err["code"] == "validation_failed"
    assert err["details"]["first_problems"][0]["row"] == 2
    assert (tmp_path / "ws" / "gaodi.duckdb").exists()  # --home chose the workspace


def test_import_then_import_log_lists_the_file_with_its_hash(tmp_path, write_csv):
    path = write_csv("good.csv", enterprises_rows())
    assert gaodi("import", "enterprises", str(path), home=tmp_path / "ws").returncode == 0
    log = json.loads(gaodi("imports", "--json", home=tmp_path / "ws").stdout)
    assert log[-1]["file_name"] == "good.csv" and log[-1]["outcome"] == "ok"
    assert log[-1]["rows_imported"] == 3 and len(log[-1]["sha256"]) == 64
