"""Where chain analytics read their tables: the store (DuckDB) or Parquet files (DuckDB or Spark).

Every analytic in :mod:`gaodi.chains` is written once against the Ibis tables of a
:class:`ChainData`; the engine is whatever backend those tables live on. Spark reads Parquet files:
``export_parquet`` writes the store's tables for it, and ``transactions`` may instead be the demo's
monthly files with Chinese headers (金额 in 元), which are renamed and converted to 万元 here.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import ibis

from gaodi.errors import EngineError, InputError, Location

TABLES = ("transactions", "enterprises", "regions", "chains", "segments", "placements", "projects")
PAIR_TABLES = ("purchase_pairs", "parties")  # the yearly sums of the lines, when the source has them
ENGINES = ("duckdb", "spark")

# The demo's and the tax system's invoice extract headers → store columns; 金额(元) → 万元 below.
INVOICE_HEADERS = {"销方信用代码": "seller_uscc", "销方区划代码": "seller_region",
                   "购方信用代码": "buyer_uscc", "购方区划代码": "buyer_region", "期间": "period",
                   "金额(元)": "amount", "商品编码": "product_code"}
TRANSACTION_COLUMNS = ("seller_uscc", "seller_region", "buyer_uscc", "buyer_region", "period",
                       "amount", "product_code")


@dataclass
class ChainData:
    """The tables chain analytics read, as Ibis tables of one backend."""

    transactions: ibis.Table
    enterprises: ibis.Table
    regions: ibis.Table
    chains: ibis.Table
    segments: ibis.Table
    placements: ibis.Table
    projects: ibis.Table
    backend: Any
    province_code: str = "430000"
    pairs: ibis.Table | None = None  # yearly purchase pairs (gaodi.store.purchase_pairs), integer keys
    parties: ibis.Table | None = None  # party_id ↔ uscc of the pairs
    store: Any = None  # the gaodi Store these tables live in (it writes the temporary tables of ``once``)

    def execute(self, expr: ibis.Expr):
        """Run an expression on this data's engine and return pandas."""
        return self.backend.execute(expr)

    @contextmanager
    def once(self, expr: ibis.Table) -> Iterator[ibis.Table]:
        """``expr`` computed once for the queries inside the block.

        DuckDB plans a large expression read by several parts of a query (the cells and totals of a
        rate cube) better from a temporary table, so over the store the rows are stored in one (by
        the store, which alone writes SQL) and dropped after the block; Spark plans the whole
        expression itself and gets ``expr`` as it is.
        """
        if self.store is None:
            yield expr
            return
        name = f"chains_once_{uuid.uuid4().hex}"
        table = self.store.create_temp_from_expr(name, expr)
        try:
            yield table
        finally:
            self.store.drop_temp(name)

    def with_transactions(self, transactions: ibis.Table) -> ChainData:
        """The same data with other invoice lines (and so without the store's yearly pairs)."""
        return ChainData(transactions, self.enterprises, self.regions, self.chains, self.segments,
                         self.placements, self.projects, self.backend, self.province_code, store=self.store)


def from_store(store, province_code: str = "430000") -> ChainData:
    """The store's own tables, on DuckDB, with the yearly purchase pairs the imports keep."""
    return ChainData(*(store.table(t) for t in TABLES), backend=store.ibis,
                     province_code=province_code, pairs=store.table("purchase_pairs"),
                     parties=store.table("parties"), store=store)


def export_parquet(store, folder: Path, tables: tuple[str, ...] = TABLES + PAIR_TABLES) -> dict[str, Path]:
    """Write the store tables chain analytics need to ``folder/<table>.parquet`` (for Spark)."""
    import pyarrow.parquet as pq

    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for name in tables:
        table = store.table(name)
        path = folder / f"{name}.parquet"
        pq.write_table(store.to_arrow(table.drop("import_id") if "import_id" in table.columns else table), path)
        out[name] = path
    return out


def spark_session(app_name: str = "gaodi-chains", driver_memory: str = "2g"):
    """A small local Spark session (2 cores, no UI, 4 shuffle partitions)."""
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise EngineError("未安装 PySpark，无法使用 spark 引擎", "PySpark is not installed",
                          fix="安装可选依赖：pip install 'gaodi[spark]'（并需要 Java 17）") from exc
    try:
        return (SparkSession.builder.master("local[2]").appName(app_name)
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.driver.memory", driver_memory)
                .config("spark.sql.session.timeZone", "UTC")
                .getOrCreate())
    except Exception as exc:  # py4j raises its own types when Java is missing
        raise EngineError(f"无法启动 Spark：{exc}", f"cannot start Spark: {exc}",
                          fix="确认已安装 Java 17 且 JAVA_HOME 正确") from exc


def from_parquet(backend, folder: Path, transactions: Path | None = None,
                 province_code: str = "430000") -> ChainData:
    """Tables from ``folder/<table>.parquet`` (see :func:`export_parquet`) on an Ibis backend.

    ``transactions`` may name a folder of monthly invoice files with Chinese headers (as the demo
    writes them); otherwise ``folder/transactions.parquet`` is read.
    """
    tables = {}
    for name in TABLES:
        if name == "transactions" and transactions is not None:
            continue
        path = folder / f"{name}.parquet"
        if not path.exists():
            raise InputError(f"缺少 {path.name}", f"missing {path.name}", location=Location(file=str(path)),
                             fix="先用 gaodi chains export 从工作区导出 Parquet 文件")
        tables[name] = backend.read_parquet(str(path), table_name=f"chains_{name}")
    if transactions is not None:
        tables["transactions"] = read_invoice_parquet(backend, transactions)
    elif all((folder / f"{name}.parquet").exists() for name in PAIR_TABLES):
        for name in PAIR_TABLES:
            tables[name] = backend.read_parquet(str(folder / f"{name}.parquet"), table_name=f"chains_{name}")
    pairs, parties = tables.pop("purchase_pairs", None), tables.pop("parties", None)
    return ChainData(**tables, backend=backend, province_code=province_code, pairs=pairs, parties=parties)


def read_invoice_parquet(backend, path: Path) -> ibis.Table:
    """Monthly invoice Parquet files with Chinese headers, as a transactions table in 万元."""
    files = sorted(path.glob("*.parquet")) if path.is_dir() else [path]
    if not files:
        raise InputError(f"{path} 下没有 Parquet 文件", f"no Parquet files in {path}",
                         location=Location(file=str(path)), fix="指定存放月度发票 Parquet 文件的文件夹")
    source = str(path / "*.parquet") if path.is_dir() else str(path)
    raw = backend.read_parquet(source, table_name="chains_invoices")
    missing = [h for h in INVOICE_HEADERS if h not in raw.columns]
    if missing:
        raise InputError(f"发票文件缺少列：{'、'.join(missing)}", f"invoice files lack {missing}",
                         location=Location(file=str(files[0])),
                         fix="表头应为 " + "、".join(INVOICE_HEADERS))
    cols = {new: raw[old] for old, new in INVOICE_HEADERS.items()}
    cols["amount"] = raw["金额(元)"].cast("float64") / 10_000.0
    for name in ("seller_uscc", "seller_region", "buyer_uscc", "buyer_region", "period", "product_code"):
        cols[name] = cols[name].cast("string")
    return raw.select(**{c: cols[c] for c in TRANSACTION_COLUMNS})
