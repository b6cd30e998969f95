"""The yearly purchase pairs: invoice lines summed by year, seller, buyer, regions and product code.

A year of a province's VAT invoice extract is about a hundred million lines, but the same seller
sells the same product to the same buyer month after month: the large demo's 107,982,000 lines are
8,998,500 pairs a year. Chain analytics over whole years read ``purchase_pairs`` instead of
``transactions``; the result is the same, because every figure they compute is a sum of amounts or a
count of distinct sellers and buyers, and both survive summing lines that share all those keys.

Trading parties get integer keys (``parties``: ``party_id`` ↔ USCC) so that the pairs are grouped
and joined on integers. Amounts are summed as ``DECIMAL(38, 6)`` 万元 (to the 分), so adding a
month and later taking it away again leaves exactly what was there.

The importer keeps the pairs up to date inside the import's own transaction: :func:`merge_import`
takes, from the lines just appended and the stored lines of the periods they replace, one delta
(new lines added, replaced lines subtracted) and merges it into the pairs with one ``MERGE``: pairs
the delta touches are updated in place, new pairs inserted, pairs whose line count drops to zero
deleted; pairs the delta does not touch are not rewritten, so a month's import costs what the month
holds, not what the year holds.
"""

from __future__ import annotations

from collections.abc import Sequence

from gaodi.store.database import Store

DELTA = "purchase_pair_delta"


def merge_import(store: Store, import_id: int, periods: Sequence[str]) -> None:
    """Add the lines of import ``import_id``, and take out the other stored lines of ``periods``."""
    _merge(store, "t.import_id = ? OR (t.period IN (SELECT unnest(?::VARCHAR[])) AND t.import_id IS DISTINCT FROM ?)",
           [import_id, list(periods), import_id],
           sign="CASE WHEN t.import_id = ? THEN 1 ELSE -1 END", sign_params=[import_id],
           new_parties="t.import_id = ?", party_params=[import_id])


def rebuild(store: Store) -> None:
    """Recompute every pair from ``transactions`` (for a store whose pairs are in doubt)."""
    with store.transaction():
        store.con.execute("DELETE FROM purchase_pairs")
        _merge(store, "true", [], sign="1", sign_params=[], new_parties="true", party_params=[])


def _merge(store: Store, where: str, params: list, sign: str, sign_params: list, new_parties: str,
           party_params: list) -> None:
    """Merge the lines of ``transactions t`` matching ``where``, each times ``sign``, into their years' pairs."""
    con = store.con
    with store.transaction():
        con.execute(f"""INSERT INTO parties
            SELECT (SELECT coalesce(max(party_id), 0) FROM parties) + row_number() OVER (ORDER BY uscc), uscc
            FROM (SELECT t.seller_uscc AS uscc FROM transactions t WHERE {new_parties}
                  UNION SELECT t.buyer_uscc FROM transactions t WHERE {new_parties}
                  EXCEPT SELECT uscc FROM parties)""", party_params + party_params)
        con.execute(f"""CREATE OR REPLACE TEMP TABLE {DELTA} AS
            SELECT CAST(substr(t.period, 1, 4) AS SMALLINT) AS year, s.party_id AS seller_id, t.seller_region,
                   b.party_id AS buyer_id, t.buyer_region, coalesce(t.product_code, '') AS product_code,
                   sum({sign} * CAST(t.amount AS DECIMAL(38, 6))) AS amount, sum({sign}) AS lines
            FROM transactions t JOIN parties s ON s.uscc = t.seller_uscc JOIN parties b ON b.uscc = t.buyer_uscc
            WHERE {where}
            GROUP BY ALL""", sign_params + sign_params + params)
        try:
            con.execute(f"""MERGE INTO purchase_pairs p USING (SELECT * FROM {DELTA} WHERE lines <> 0 OR amount <> 0) d
                ON p.year = d.year AND p.seller_id = d.seller_id AND p.seller_region = d.seller_region
                   AND p.buyer_id = d.buyer_id AND p.buyer_region = d.buyer_region
                   AND p.product_code = d.product_code
                WHEN MATCHED AND p.lines + d.lines = 0 THEN DELETE
                WHEN MATCHED THEN UPDATE SET amount = p.amount + d.amount, lines = p.lines + d.lines
                WHEN NOT MATCHED THEN INSERT VALUES (d.year, d.seller_id, d.seller_region, d.buyer_id,
                    d.buyer_region, d.product_code, d.amount, d.lines)""")
        finally:
            con.execute(f"DROP TABLE IF EXISTS {DELTA}")
