"""The files an import leaves for the user: the problem report and the quarantine of rejected rows.

Both are CSV in UTF-8 with a BOM so that Excel shows the Chinese text; both are streamed by DuckDB.
Text the user sent is neutralised (:func:`gaodi.exports.neutralise_column`): a cell ``=HYPERLINK(...)``
of a rejected row comes back as ``'=HYPERLINK(...)``, never as a live formula.
"""

from __future__ import annotations

from pathlib import Path

import ibis
import ibis.expr.types as ir

from gaodi.exports import neutralise, neutralise_column
from gaodi.ingest.readers import ROW
from gaodi.store import Store

FIRST = 20


def summarise(store: Store, problems: ir.Table) -> dict:
    """Problems counted by column and severity, and the first few in row order, for the screen."""
    by_col = store.execute(problems.group_by(["column", "severity"]).agg(n=problems.count()))
    first = store.execute(problems.order_by([ROW, "column"]).limit(FIRST))
    return {
        "by_column": {f"{r.column}（{'错误' if r.severity == 'error' else '提示'}）": int(r.n)
                      for r in by_col.itertuples()},
        "first": [{"row": int(r._1), "column": r.column, "value": _short(r.value), "severity": r.severity,
                   "reason": r.reason, "fix": r.fix} for r in first.itertuples()],
    }


def _short(value, limit: int = 200):
    """A value as the screen shows it: a huge cell is cut (the report file keeps it whole)."""
    return value[:limit] + "……" if isinstance(value, str) and len(value) > limit else value


def write_problems(store: Store, problems: ir.Table, path: Path, max_rows: int | None = None) -> None:
    """One line per problem: 行号, 列, 值, 级别, 原因, 处理办法; the first ``max_rows`` in row order.

    The cap (setting ``import_report_max_rows``) keeps a file of millions of bad rows from writing a
    report of gigabytes; the counts by column on the screen still cover every problem.
    """
    ordered = problems.order_by([ROW, "column"]).limit(max_rows).select(**{
        "行号 row": problems[ROW], "列 column": neutralise_column(problems.column),
        "值 value": _text_safe(problems.value),
        "级别 severity": problems.severity.cases(("error", "错误 error"), ("warning", "提示 warning")),
        "原因 reason": neutralise_column(problems.reason), "处理办法 fix": problems.fix})
    store.copy_to_csv(ordered, path)


def write_quarantine(store: Store, stage: ir.Table, errors: ir.Table, path: Path) -> None:
    """The rejected rows as they were in the file, with their row number and every reason."""
    reasons = errors.group_by(ROW).agg(
        _reasons=(errors.column + ibis.literal("：") + errors.reason).group_concat("；"))
    rows = stage.inner_join(reasons, ROW).order_by(ROW)
    cols = [c for c in stage.columns if c != ROW]
    store.copy_to_csv(rows.select(**{"行号 row": rows[ROW]}, **{neutralise(c): _text_safe(rows[c]) for c in cols},
                                  **{"拒收原因 reasons": neutralise_column(rows._reasons)}), path)


def _text_safe(column: ir.Column) -> ir.Column:
    """A text column neutralised; a typed column (Parquet numbers, dates) cannot carry a formula."""
    return neutralise_column(column) if column.type().is_string() else column
