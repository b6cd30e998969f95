"""The same analytics on DuckDB (the store) and on Spark (Parquet exported from it) agree.

Spark reads the tables written by ``export_parquet`` and, for transactions, invoice Parquet with
the demo's Chinese headers and amounts in 元, as the benchmark and large deployments do.
"""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from gaodi.chains.analysis import ChainAnalysis, Options
from gaodi.chains.sources import export_parquet, from_parquet, spark_session
from gaodi.core import Gaodi

from . import handmade

pytestmark = pytest.mark.spark


@pytest.fixture(scope="module")
def engines(tmp_path_factory):
    folder = tmp_path_factory.mktemp("parity")
    g = Gaodi.open(home=folder / "ws", in_memory=True)
    handmade.build(g, folder)
    seg = folder / "kw.csv"  # a keyword rule: X (企业X) joins T-D1 by its name
    seg.write_text("chain_id,segment_id,name,stage,industry_codes,keywords\nT,T-D1,整机,下游,3511,企业X\n",
                   encoding="utf-8")
    g.import_file("segments", seg)
    export_parquet(g.store, folder / "pq")
    tx = g.store.to_arrow(g.store.table("transactions"))
    invoices = folder / "invoices"
    invoices.mkdir()
    pq.write_table(pa.table({
        "销方信用代码": tx["seller_uscc"], "销方区划代码": tx["seller_region"],
        "购方信用代码": tx["buyer_uscc"], "购方区划代码": tx["buyer_region"], "期间": tx["period"],
        "金额(元)": pa.compute.multiply(tx["amount"], 10_000.0), "商品编码": tx["product_code"]}),
        invoices / "transactions-2025.parquet")
    session = spark_session(driver_memory="1g")
    import ibis

    spark = from_parquet(ibis.pyspark.connect(session), folder / "pq", transactions=invoices)
    options = Options(min_count=2)
    yield ChainAnalysis.from_store(g.store, options), ChainAnalysis(spark, options)
    g.close()


def same(a: pd.DataFrame, b: pd.DataFrame, keys: list[str]) -> None:
    a = a.sort_values(keys).reset_index(drop=True)
    b = b.sort_values(keys).reset_index(drop=True)[list(a.columns)]
    pd.testing.assert_frame_equal(a.astype(object).where(a.notna(), None),
                                  b.astype(object).where(b.notna(), None), check_dtype=False,
                                  check_exact=False, rtol=1e-9)


def test_spark_and_duckdb_give_the_same_results(engines):
    duck, spark = engines
    same(duck.placed(), spark.placed(), ["chain_id", "segment_id", "uscc"])
    for by in (("segment", "city"), ("month",)):
        keys = ["chain_id", *{"segment": ["segment_id"], "city": ["buyer_city"], "month": ["month"]}
                [by[0]], *(["buyer_city"] if len(by) > 1 else [])]
        same(duck.rates("2025", by=by), spark.rates("2025", by=by), keys)
    same(duck.rates("2025", scope="all_purchases"), spark.rates("2025", scope="all_purchases"),
         ["segment_id"])
    same(duck.gaps("2025"), spark.gaps("2025"), ["segment_id"])
    same(duck.leakage("2025", by="region"), spark.leakage("2025", by="region"), ["supplier_province"])
    same(duck.masters("2025"), spark.masters("2025"), ["uscc"])
    same(duck.targets("2025"), spark.targets("2025"), ["segment_id"])
    same(duck.suppliers("2025", "T", "T-U2"), spark.suppliers("2025", "T", "T-U2"), ["rank"])
    same(duck.project_effects("2025"), spark.project_effects("2025"), ["project_id"])
    assert duck.graph("2025", "T") == spark.graph("2025", "T")
    # the keyword rule reached X on both engines: its line 10 (15 万元) is a T-U1 purchase
    assert duck.rates("2025").set_index("segment_id").loc["T-U1", "purchases"] == pytest.approx(260)
