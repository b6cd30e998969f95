"""The yearly purchase pairs follow every transactions import: added, replaced, rolled back.

Hand-made lines (handmade.LINES): in 2025 the pair (S1 → B1, product 3240) has one line of 100 万元;
(O1 → B2, 1090101) 60; (O1 → B3, 1090101) 70; 11 lines, all distinct pairs, sum 470 万元.
"""

from __future__ import annotations

import csv
from decimal import Decimal

import pytest

from gaodi.errors import ValidationFailed

from . import handmade

HEADER = ["销方信用代码", "销方区划代码", "购方信用代码", "购方区划代码", "期间", "金额(万元)", "商品编码"]
U = handmade.USCC
R = handmade.REGION


def write(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        w.writerows([(U[s], R[s], U[b], R[b], m, a, p) for s, b, m, p, a in rows])
    return path


def pairs(g):
    return g.store.con.execute("""
        SELECT p.year, s.uscc, b.uscc, p.product_code, p.amount, p.lines FROM purchase_pairs p
        JOIN parties s ON s.party_id = p.seller_id JOIN parties b ON b.party_id = p.buyer_id
        ORDER BY ALL""").fetchall()


def pair(g, seller, buyer, product, year=2025):
    found = [(a, n) for y, s, b, p, a, n in pairs(g) if (y, s, b, p) == (year, U[seller], U[buyer], product)]
    return found[0] if found else None


@pytest.fixture
def fresh(tmp_path):
    from gaodi.core import Gaodi

    g = Gaodi.open(home=tmp_path / "ws", in_memory=True)
    handmade.build(g, tmp_path, projects=False)
    yield g, tmp_path
    g.close()


def test_the_import_fills_one_pair_per_seller_buyer_product_and_year(fresh):
    g, _ = fresh
    rows = pairs(g)
    assert len(rows) == 11
    assert sum(r[4] for r in rows) == Decimal("470")
    assert pair(g, "S1", "B1", "3240") == (Decimal("100"), 1)
    # every party has one integer key
    n_parties = g.store.con.execute("SELECT count(*), count(DISTINCT uscc) FROM parties").fetchall()[0]
    assert n_parties == (11, 11)


def test_lines_of_one_pair_in_several_months_are_summed(fresh):
    g, folder = fresh
    g.import_file("transactions", write(folder / "mar.csv", [("S1", "B1", "2025-03", "3240", 12.5),
                                                              ("S1", "B1", "2025-04", "3240", 0.01)]))
    assert pair(g, "S1", "B1", "3240") == (Decimal("112.51"), 3)  # 100 + 12.5 + 0.01, three lines


def test_reimporting_a_month_replaces_its_share_of_the_pairs(fresh):
    g, folder = fresh
    # February held lines 6-9 and 11; the new February has only S4 → B3 at 31 and a new pair S2 → B3.
    g.import_file("transactions", write(folder / "feb.csv", [("S4", "B3", "2025-02", "3443", 31.0),
                                                              ("S2", "B3", "2025-02", "3240", 5.0)]))
    assert pair(g, "S4", "B3", "3443") == (Decimal("31"), 1)
    assert pair(g, "S2", "B3", "3240") == (Decimal("5"), 1)
    assert pair(g, "O1", "B3", "1090101") is None  # only in the old February: gone
    assert pair(g, "S1", "B1", "3240") == (Decimal("100"), 1)  # January untouched
    # January (lines 1-5, 10: 100+50+50+40+60+15 = 315) + new February 36 = 351; old February 155 is gone
    assert sum(r[4] for r in pairs(g)) == Decimal("351")


def test_a_refused_import_leaves_the_pairs_as_they_were(fresh):
    g, folder = fresh
    before = pairs(g)
    bad = write(folder / "bad.csv", [("S1", "B1", "2025-02", "3240", 1.0)])
    text = bad.read_text(encoding="utf-8").replace(U["B1"], U["B1"][:17] + "?")
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(ValidationFailed):
        g.import_file("transactions", bad)
    assert pairs(g) == before


def test_rebuild_gives_the_pairs_the_imports_maintained(fresh):
    from gaodi.store import purchase_pairs

    g, folder = fresh
    g.import_file("transactions", write(folder / "feb.csv", [("S4", "B3", "2025-02", "3443", 31.0)]))
    kept = pairs(g)
    purchase_pairs.rebuild(g.store)
    assert pairs(g) == kept


def test_a_whole_year_from_the_pairs_equals_the_year_from_the_lines(workspace):
    """Both roads of ``purchase_lines``: the yearly pairs (the default for whole years) and the
    invoice lines month by month (what ``with_transactions`` reads) give the same table."""
    from gaodi.chains.analysis import ChainAnalysis, Options

    store = workspace.store
    from_pairs = ChainAnalysis.from_store(store, Options(min_count=1))
    from_lines = ChainAnalysis(from_pairs.data.with_transactions(store.table("transactions")),
                               Options(min_count=1))
    assert from_pairs.data.pairs is not None and from_lines.data.pairs is None
    for scope in ("chain_inputs", "all_purchases"):
        a = from_pairs.rates("2025", by=("segment", "city"), scope=scope)
        b = from_lines.rates("2025", by=("segment", "city"), scope=scope)
        assert a.equals(b), scope
    # the chain over 2025, by hand (test_rates): 445 万元 of chain inputs, 240 of them local
    total = from_pairs.rates("2025", by=())
    assert (total.loc[0, "purchases"], total.loc[0, "local_amount"]) == (445.0, 240.0)


def test_migration_4_sums_the_lines_a_workspace_already_holds(fresh):
    """A workspace made before migration 4 has lines but no pairs: the migration sums them."""
    from gaodi.store.migrations import MIGRATIONS

    g, _ = fresh
    kept = pairs(g)
    g.store.con.execute("DELETE FROM purchase_pairs")
    g.store.con.execute("DELETE FROM parties")
    fill = [s for s in MIGRATIONS[3].statements if s.lstrip().startswith("INSERT")]
    assert MIGRATIONS[3].version == 4 and len(fill) == 2
    for statement in fill:
        g.store.con.execute(statement)
    assert pairs(g) == kept


def test_reimporting_a_month_with_a_pair_at_a_new_amount_updates_it_in_place(fresh):
    """The delta of such a pair has no lines (one out, one in) but an amount: 100 → 120 万元."""
    g, folder = fresh
    assert pair(g, "S1", "B1", "3240") == (Decimal("100"), 1)
    g.import_file("transactions", write(folder / "jan.csv", [("S1", "B1", "2025-01", "3240", 120.0)]))
    assert pair(g, "S1", "B1", "3240") == (Decimal("120"), 1)
    # January now holds that one line: 120 + February's 155
    assert sum(r[4] for r in pairs(g)) == Decimal("275")
