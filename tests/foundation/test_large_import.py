"""The invoice-line import as the province's extracts use it: Parquet with typed amounts, bad rows among
good ones, a killed or failed import, and a store that spills rather than grows.

Expected figures are worked out by hand from the rows written below, not read back from gaodi.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import textwrap
from decimal import Decimal

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from gaodi.core import Gaodi
from gaodi.ingest.importer import ImportOptions
from tests.foundation.samples import A, B, C, with_wrong_check_digit

HEADERS = ["销方信用代码", "销方区划代码", "购方信用代码", "购方区划代码", "期间", "金额(元)", "商品编码"]
# row 1..8 of the file (Parquet rows are numbered from 1)
ROWS = [
    (A, "430102", B, "430182", "2026-03", 12_000.0, "3741"),   # 1 fine: 1.2 万元
    (B, "430182", C, "430202", "2026-03", 50_000.0, "3612"),   # 2 fine: 5 万元
    (with_wrong_check_digit(C), "430202", A, "430102", "2026-03", 1.0, "2710"),  # 3 check digit
    (A, "430102", C, "439999", "2026-03", 2.0, "3741"),        # 4 unknown region
    (A, "430102", C, "430202", "2026-13", 3.0, "3741"),        # 5 no such month
    (C, "430202", B, "430182", "2026-03", -4.0, "2710"),       # 6 negative amount
    (C, "430202", None, "430182", "2026-03", 5.0, "2710"),     # 7 buyer missing
    (A, "430102", B, "430182", "2026-03", 6.0, "3741"),        # 8 repeats row 1's key
]


def write_parquet(path, rows):
    columns = list(zip(*rows))
    pq.write_table(pa.table({h: pa.array(c, pa.float64() if h == "金额(元)" else pa.string())
                             for h, c in zip(HEADERS, columns)}), path)
    return path


def test_parquet_with_bad_rows_imports_the_good_ones_and_quarantines_each_bad_one_with_its_reason(workspace, tmp_path):
    result = workspace.import_file("transactions", write_parquet(tmp_path / "march.parquet", ROWS),
                                   ImportOptions(skip_invalid=True))
    assert (result.rows_read, result.rows_imported, result.rows_rejected) == (8, 2, 6)
    lines = workspace.store.con.execute(
        "SELECT seller_uscc, buyer_uscc, amount FROM transactions ORDER BY amount").fetchall()
    assert lines == [(A, B, 1.2), (B, C, 5.0)]  # 元 → 万元: 12,000 / 10,000 and 50,000 / 10,000
    with open(result.quarantine_path, encoding="utf-8-sig") as fh:
        quarantined = {int(r["行号 row"]): r["拒收原因 reasons"] for r in csv.DictReader(fh)}
    assert sorted(quarantined) == [3, 4, 5, 6, 7, 8]
    assert "校验位" in quarantined[3] and "439999" in quarantined[4] and "月份 13" in quarantined[5]
    assert "最小值" in quarantined[6] and "购方信用代码" in quarantined[7] and "与第 1 行重复" in quarantined[8]
    # the yearly pair of each imported line, in 万元 to the 分
    pairs = workspace.store.con.execute("SELECT amount, lines FROM purchase_pairs ORDER BY amount").fetchall()
    assert pairs == [(Decimal("1.2"), 1), (Decimal("5"), 1)]


def test_a_clean_parquet_file_writes_no_report(workspace, tmp_path):
    result = workspace.import_file("transactions", write_parquet(tmp_path / "clean.parquet", ROWS[:2]))
    assert (result.outcome, result.rows_imported, result.report_path, result.warnings) == ("ok", 2, None, 0)


def test_a_failure_while_merging_the_pairs_leaves_lines_pairs_and_parties_as_they_were(workspace, tmp_path,
                                                                                        monkeypatch):
    from gaodi.store import purchase_pairs

    workspace.import_file("transactions", write_parquet(tmp_path / "first.parquet", ROWS[:1]))
    tables = ("transactions", "purchase_pairs", "parties", "import_log")
    before = {t: workspace.store.con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in tables[:3]}

    def broken(*_):
        raise RuntimeError("disk full")

    monkeypatch.setattr(purchase_pairs, "merge_import", broken)
    with pytest.raises(RuntimeError):
        workspace.import_file("transactions", write_parquet(tmp_path / "again.parquet", ROWS[:2]))
    after = {t: workspace.store.con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in tables[:3]}
    assert after == before


def test_an_import_killed_after_inserting_leaves_nothing(tmp_path):
    home = tmp_path / "ws"
    g = Gaodi.open(home=home)
    g.import_file("transactions", write_parquet(tmp_path / "first.parquet", ROWS[:1]))
    g.close()
    # The child stores the lines, then dies (SIGKILL) before the pairs are merged and the import commits.
    script = textwrap.dedent(f"""
        import os, signal
        from gaodi.core import Gaodi
        from gaodi.store import purchase_pairs
        purchase_pairs.merge_import = lambda *a: os.kill(os.getpid(), signal.SIGKILL)
        g = Gaodi.open(home={str(home)!r})
        g.import_file("transactions", {str(write_parquet(tmp_path / 'more.parquet', ROWS[:2]))!r})
    """)
    child = subprocess.run([sys.executable, "-c", script], capture_output=True, env=os.environ.copy())
    assert child.returncode == -9
    g = Gaodi.open(home=home)
    try:
        con = g.store.con
        assert con.execute("SELECT seller_uscc, buyer_uscc, amount FROM transactions").fetchall() == [(A, B, 1.2)]
        assert con.execute("SELECT amount, lines FROM purchase_pairs").fetchall() == [(Decimal("1.2"), 1)]
        assert con.execute("SELECT count(*) FROM parties").fetchall() == [(2,)]
        assert [r["outcome"] for r in g.imports() if r["kind"] == "transactions"] == ["ok"]
    finally:
        g.close()


def test_the_store_spills_past_its_memory_limit_into_the_workspace(tmp_path):
    g = Gaodi.open(home=tmp_path / "ws", memory_limit="300MB")
    try:
        limit, folder = g.store.con.execute(
            "SELECT current_setting('memory_limit'), current_setting('temp_directory')").fetchall()[0]
        assert limit in ("286.1 MiB", "300.0 MB", "286.1MiB")
        assert folder == str(tmp_path / "ws" / "tmp")
    finally:
        g.close()
