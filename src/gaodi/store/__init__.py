"""The embedded DuckDB store: schema, migrations, transactions, the import log."""

from gaodi.store.database import Store

__all__ = ["Store"]
