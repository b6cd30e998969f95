"""The yearly purchase pairs: invoice lines summed by year, seller, buyer, regions and product code.

A year of a province's VAT invoice extract is about a hundred million lines, but the same seller
sells the same product to the same buyer month after month: the large demo's 107,982,000 lines are
8,998,500 pairs a year. Chain analytics over whole years read ``purchase_pairs`` instead of
``transactions``; the result is the same, because every figure they compute is a sum of amounts or a
count of distinct sellers and buyers, and both survive summing lines that share all those keys.

Trading parties get integer keys (``parties``: ``party_id`` ↔ USCC) so that the pairs are grouped
and joined on integers. Amounts are summed as ``DECIMAL(38, 6)`` 万元 (to the 分), so adding a
month and later taking it away again leaves exactly what was there.

The importer keeps the pairs up to date inside the import's own transaction:
:func:`subtract_periods` before a re-import deletes the periods it replaces, :func:`add_import`
after the new lines are stored. Both merge a delta into the years they touch; pairs whose line count
drops to zero disappear.
"""

from __future__ import annotations

from collections.abc import Sequence

from gaodi.store.database import Store

DELTA = "purchase_pair_delta"


def subtract_periods(store: Store, periods: Sequence[str]) -> None:
    """Take the stored lines of ``periods`` (about to be replaced) out of their years' pairs."""
    if periods:
        _merge(store, "t.period IN (SELECT unnest(?::VARCHAR[]))", [list(periods)], sign=-1)


def add_import(store: Store, import_id: int) -> None:
    """Add the lines stored by import ``import_id`` to their years' pairs."""
    _merge(store, "t.import_id = ?", [import_id], sign=1)


def rebuild(store: Store) -> None:
    """Recompute every pair from ``transactions`` (for a store whose pairs are in doubt)."""
    with store.transaction():
        store.con.execute("DELETE FROM purchase_pairs")
        _merge(store, "true", [], sign=1)


def _merge(store: Store, where: str, params: list, sign: int) -> None:
    """Merge ``sign`` × the lines of ``transactions t`` matching ``where`` into their years' pairs."""
    con = store.con
    with store.transaction():
        con.execute(f"""INSERT INTO parties
            SELECT (SELECT coalesce(max(party_id), 0) FROM parties) + row_number() OVER (ORDER BY uscc), uscc
            FROM (SELECT t.seller_uscc AS uscc FROM transactions t WHERE {where}
                  UNION SELECT t.buyer_uscc FROM transactions t WHERE {where}
                  EXCEPT SELECT uscc FROM parties)""", params + params)
        con.execute(f"""CREATE OR REPLACE TEMP TABLE {DELTA} AS
            SELECT CAST(substr(t.period, 1, 4) AS SMALLINT) AS year, s.party_id AS seller_id, t.seller_region,
                   b.party_id AS buyer_id, t.buyer_region, coalesce(t.product_code, '') AS product_code,
                   {sign} * sum(CAST(t.amount AS DECIMAL(38, 6))) AS amount, {sign} * count(*) AS lines
            FROM transactions t JOIN parties s ON s.uscc = t.seller_uscc JOIN parties b ON b.uscc = t.buyer_uscc
            WHERE {where}
            GROUP BY ALL""", params)
        try:
            years = [r[0] for r in con.execute(f"SELECT DISTINCT year FROM {DELTA}").fetchall()]
            if not years:
                return
            con.execute(f"""CREATE OR REPLACE TEMP TABLE {DELTA}_merged AS
                SELECT year, seller_id, seller_region, buyer_id, buyer_region, product_code,
                       sum(amount) AS amount, sum(lines) AS lines
                FROM (SELECT * FROM purchase_pairs WHERE year IN (SELECT year FROM {DELTA})
                      UNION ALL SELECT * FROM {DELTA})
                GROUP BY ALL HAVING sum(lines) <> 0""")
            con.execute(f"DELETE FROM purchase_pairs WHERE year IN (SELECT year FROM {DELTA})")
            con.execute(f"INSERT INTO purchase_pairs SELECT * FROM {DELTA}_merged")
        finally:
            con.execute(f"DROP TABLE IF EXISTS {DELTA}_merged")
            con.execute(f"DROP TABLE IF EXISTS {DELTA}")
