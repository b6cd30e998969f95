"""The store: one DuckDB file per workspace, read through Ibis, written only from here.

This module (with ``migrations`` and ``seeding``) is the only place that writes SQL text. Everything
else asks the store for Ibis tables and hands it Ibis expressions to insert.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

import duckdb
import ibis
import pyarrow as pa

from gaodi.errors import ConfigurationError
from gaodi.store.migrations import LATEST, MIGRATIONS

DATA_TABLES = (
    "regions", "industries", "industry_catalogue", "parks", "enterprises", "enterprise_titles",
    "statistics", "transactions", "chains", "segments", "placements", "clusters", "cluster_members",
    "projects", "plans", "plan_indicators", "indicator_values", "deflators",
)


class WriteLocks:
    """The locks that order the writers of one database in this process (DuckDB admits one writing process).

    ``writes`` is held by every transaction, so two transactions never race on the same rows;
    ``imports`` is held by a whole import, so imports queue one behind the other and each takes
    the next import id (ids follow commit order, which the data version of caches relies on).
    """

    def __init__(self) -> None:
        self.writes = threading.RLock()
        self.imports = threading.RLock()


class Store:
    """A workspace's database. ``Store(None)`` is an in-memory store, for tests."""

    sealing_key: bytes | None = None
    """The HMAC key of the audit log and problem history chains (set by ``Gaodi``; never stored inside)."""

    def __init__(self, path: Path | None, *, memory_limit: str = "1GB", threads: int = 2,
                 read_only: bool = False, temp_directory: Path | None = None) -> None:
        """Open the store; past ``memory_limit`` DuckDB spills to ``temp_directory`` rather than grow."""
        self.path = path
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        config = {"memory_limit": memory_limit, "threads": threads}
        if temp_directory is not None:
            config["temp_directory"] = str(temp_directory)
        try:
            self.con = duckdb.connect(str(path) if path else ":memory:", read_only=read_only, config=config)
        except duckdb.IOException as exc:
            raise ConfigurationError(
                f"无法打开数据库 {path}：{exc}", f"cannot open the store {path}: {exc}",
                fix="确认没有其他 gaodi 进程正在写同一个工作区，或用 --home 指定另一个工作区") from exc
        self.con.execute("SET enable_progress_bar = false")
        self.ibis = ibis.duckdb.from_connection(self.con)
        self._depth = 0
        self.locks = WriteLocks()
        if not read_only:
            self.migrate()

    # --- schema -----------------------------------------------------------------------------
    def schema_version(self) -> int:
        exists = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
        ).fetchall()[0][0]
        if not exists:
            return 0
        return self.con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchall()[0][0]

    def migrate(self) -> list[int]:
        """Apply the migrations this store has not seen yet, each in its own transaction."""
        current = self.schema_version()
        if current > LATEST:
            raise ConfigurationError(
                f"数据库版本 {current} 比本程序支持的 {LATEST} 新", f"store schema {current} > {LATEST}",
                fix="升级 gaodi 后再打开这个工作区")
        applied = []
        for m in MIGRATIONS:
            if m.version <= current:
                continue
            with self.transaction():
                self.con.execute("""CREATE TABLE IF NOT EXISTS schema_version (
                    version INTEGER PRIMARY KEY, description VARCHAR, applied_at TIMESTAMP)""")
                for stmt in m.statements:
                    self.con.execute(stmt)
                self.con.execute("INSERT INTO schema_version VALUES (?, ?, ?)",
                                 [m.version, m.description, dt.datetime.now()])
            applied.append(m.version)
        return applied

    # --- transactions -----------------------------------------------------------------------
    @contextmanager
    def transaction(self, exclusive: bool = True) -> Iterator[None]:
        """All or nothing: every write inside either commits together or leaves the store as it was.

        Transactions of the cursors of one database run one at a time (``locks.writes``), except
        those that only append to a table nobody updates (``exclusive=False``: an audit entry
        need not wait for an import's write).
        """
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        with self.locks.writes if exclusive else nullcontext():
            self.con.execute("BEGIN TRANSACTION")
            self._depth = 1
            try:
                yield
            except BaseException:
                self.con.execute("ROLLBACK")
                raise
            else:
                self.con.execute("COMMIT")
            finally:
                self._depth = 0

    @contextmanager
    def import_turn(self) -> Iterator[int]:
        """Wait for the imports before this one to finish, then give this one the next import id."""
        with self.locks.imports:
            yield self.next_import_id()

    # --- reading ----------------------------------------------------------------------------
    def table(self, name: str) -> ibis.Table:
        return self.ibis.table(name)

    def row_counts(self, tables: Sequence[str] = DATA_TABLES) -> dict[str, int]:
        return {t: self.con.execute(f'SELECT count(*) FROM "{t}"').fetchall()[0][0] for t in tables}

    def execute(self, expr: ibis.Expr):
        """Run an Ibis expression and return a pandas result."""
        return self.ibis.execute(expr)

    def to_arrow(self, expr: ibis.Expr) -> pa.Table:
        return self.ibis.to_pyarrow(expr)

    def columns(self, table: str) -> list[str]:
        return [r[0] for r in self.con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
            "ORDER BY ordinal_position", [table]).fetchall()]

    # --- writing ----------------------------------------------------------------------------
    def register_temp(self, name: str, data: pa.Table | pa.RecordBatchReader | Any) -> ibis.Table:
        """Materialise Arrow data (a table or a streaming reader) as a temporary table."""
        self.con.register(f"__arrow_{name}", data)
        try:
            self.con.execute(f'CREATE OR REPLACE TEMP TABLE "{name}" AS SELECT * FROM "__arrow_{name}"')
        finally:
            self.con.unregister(f"__arrow_{name}")
        return self.ibis.table(name)

    def create_temp_parquet_view(self, name: str, path: Path) -> ibis.Table:
        """A view over a Parquet file (scanned in place, never loaded whole) with a 1-based ``_row``."""
        self.con.execute(
            f"""CREATE OR REPLACE TEMP VIEW "{name}" AS SELECT * EXCLUDE (file_row_number),
            file_row_number + 1 AS _row FROM read_parquet('{_quote(path)}', file_row_number = true)""")
        return self.ibis.table(name)

    def create_temp_from_expr(self, name: str, expr: ibis.Expr) -> ibis.Table:
        """Materialise an expression as a temporary table (Ibis registers the in-memory tables it uses).

        The old table is dropped here: Ibis 12's own ``overwrite=True`` emits a DROP statement that this
        sqlglot cannot render."""
        self.drop_temp(name)
        return self.ibis.create_table(name, expr, temp=True)

    def drop_temp(self, *names: str) -> None:
        for n in names:
            kind = self.con.execute(
                "SELECT table_type FROM information_schema.tables WHERE table_name = ?", [n]).fetchall()
            if kind:
                self.con.execute(f'DROP {"VIEW" if kind[0][0] == "VIEW" else "TABLE"} "{n}"')

    def insert(self, table: str, expr: ibis.Expr) -> int:
        """Insert the rows of an Ibis expression, matching columns by name; return how many were inserted.

        A column the table lacks is refused here, with the table's name, rather than left to the SQL error."""
        extra = set(expr.columns) - set(self.ibis.get_schema(table).names)
        if extra:
            raise ValueError(f"columns not in table {table}: {sorted(extra)}")
        before = self._count(table)
        self.ibis.insert(table, expr)
        return self._count(table) - before

    def insert_arrow(self, table: str, data: pa.Table) -> int:
        self.con.register("__arrow_insert", data)
        try:
            self.con.execute(f'INSERT INTO "{table}" BY NAME SELECT * FROM "__arrow_insert"')
        finally:
            self.con.unregister("__arrow_insert")
        return data.num_rows

    def delete_in(self, table: str, column: str, values: Sequence[Any], keep_import: int | None = None) -> int:
        """Delete the rows whose ``column`` takes one of ``values`` (but those of import ``keep_import``).

        Returns how many went.
        """
        if not values:
            return 0
        keep = "" if keep_import is None else " AND import_id IS DISTINCT FROM ?"
        return self.con.execute(f'DELETE FROM "{table}" WHERE "{column}" IN (SELECT unnest(?)){keep}',
                                [list(values)] + ([] if keep_import is None else [keep_import])).fetchall()[0][0]

    def import_periods(self, table: str, column: str, import_id: int) -> list[str]:
        """The distinct values of ``column`` among the rows import ``import_id`` wrote, sorted."""
        return sorted(r[0] for r in self.con.execute(
            f'SELECT DISTINCT "{column}" FROM "{table}" WHERE import_id = ?', [import_id]).fetchall())

    def delete_matching(self, table: str, keys_table: str, key_columns: Sequence[str]) -> int:
        """Delete the rows of ``table`` whose key appears in ``keys_table`` (an upsert's first half)."""
        cond = " AND ".join(f't."{c}" IS NOT DISTINCT FROM k."{c}"' for c in key_columns)
        before = self._count(table)
        self.con.execute(
            f'DELETE FROM "{table}" t WHERE EXISTS (SELECT 1 FROM "{keys_table}" k WHERE {cond})')
        return before - self._count(table)

    def delete_all(self, table: str) -> int:
        before = self._count(table)
        self.con.execute(f'DELETE FROM "{table}"')
        return before

    def copy_to_csv(self, expr: ibis.Expr, path: Path) -> None:
        """Stream an expression's rows to a UTF-8 CSV with a BOM, so Excel opens Chinese text right."""
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        self.ibis.to_csv(expr, tmp, header=True)
        with open(path, "wb") as out, open(tmp, "rb") as src:
            out.write(b"\xef\xbb\xbf")
            for block in iter(lambda: src.read(1 << 20), b""):
                out.write(block)
        tmp.unlink()

    def next_import_id(self) -> int:
        return self.con.execute("SELECT coalesce(max(import_id), 0) + 1 FROM import_log").fetchall()[0][0]

    def data_version(self) -> tuple:
        """What moves whenever a computed answer may change: the last import, the plans and policy sets saved."""
        return tuple(self.con.execute(
            "SELECT (SELECT coalesce(max(import_id), 0) FROM import_log), (SELECT count(*) FROM plans), "
            "(SELECT count(*) FROM policy_sets)").fetchall()[0])

    def log_import(self, record: dict[str, Any]) -> None:
        cols = list(record)
        self.con.execute(
            f'INSERT INTO import_log ({", ".join(cols)}) VALUES ({", ".join("?" for _ in cols)})',
            [record[c] for c in cols])

    def imports(self) -> list[dict[str, Any]]:
        cur = self.con.execute("SELECT * FROM import_log ORDER BY import_id")
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]

    def _count(self, table: str) -> int:
        return self.con.execute(f'SELECT count(*) FROM "{table}"').fetchall()[0][0]

    def checkpoint(self) -> None:
        self.con.execute("CHECKPOINT")

    def cursor(self) -> Store:
        """A store on its own cursor of this database: the same data, a connection for one thread.

        A DuckDB connection must not be used by two threads at once; cursors of one database run side by
        side (reads in parallel, writes under DuckDB's transactions and this store's write locks)."""
        return _CursorStore(self)

    def interrupt(self) -> None:
        """Stop the query running on this store's connection (a request's time budget ran out)."""
        self.con.interrupt()

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _CursorStore(Store):
    """A store on a cursor of another store's database (same data, its own connection)."""

    def __init__(self, parent: Store) -> None:  # noqa: D107 - shares the parent's database, makes nothing
        self.path = parent.path
        self.sealing_key = parent.sealing_key
        self.con = parent.con.cursor()
        self.ibis = ibis.duckdb.from_connection(self.con)
        self._depth = 0
        self.locks = parent.locks  # one writer at a time across every cursor of the database


def _quote(path: Path) -> str:
    return str(path).replace("'", "''")
