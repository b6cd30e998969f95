"""Import one file of one kind: stage, map headers, validate, then write all valid rows or nothing.

A file with any invalid row changes nothing and raises ``ValidationFailed`` with a report file;
with ``skip_invalid`` the valid rows are written and the rejected ones go to a quarantine file with
their reasons. Re-importing a file replaces, for period kinds (statistics, transactions), every
stored row of the periods the file holds, and for the other kinds the rows with the same key.

Large kinds (``Kind.append_first``: the invoice lines) validate and insert in one statement inside
the import's transaction: the rows left out are the bad ones, counted as rows read minus rows
inserted; only then, and only if there are any, are the problem rows built for the report. A rejected
file rolls the insert back. The stored rows of the periods the new rows hold are deleted afterwards,
and the yearly purchase pairs take the difference (:func:`gaodi.store.purchase_pairs.merge_import`).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

import ibis

from gaodi.errors import ValidationFailed
from gaodi.ingest import report, validate
from gaodi.ingest.headers import map_headers
from gaodi.ingest.hints import hints
from gaodi.ingest.kinds import kind as get_kind
from gaodi.ingest.limits import ReadLimits
from gaodi.ingest.readers import ROW, stage_file
from gaodi.ingest.spec import Kind
from gaodi.ingest.title_names import resolve_titles
from gaodi.ingest.validate import BAD, WARN, parse
from gaodi.store import Store, purchase_pairs


@dataclass
class ImportOptions:
    """What a user can say about an import beside the file."""

    skip_invalid: bool = False
    sheet: str | None = None
    header_map: dict[str, str] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)
    ignore_columns: bool = False
    edge: str = "cli"  # where the user imports from: the wording of the fixes (gaodi.ingest.hints)


@dataclass
class ImportResult:
    import_id: int
    kind: str
    file: str
    sha256: str
    outcome: str  # ok | partial | rejected
    rows_read: int
    rows_imported: int
    rows_rejected: int
    rows_replaced: int
    rows_empty: int
    warnings: int
    periods: list[str]
    units: dict[str, str]
    ignored_columns: list[str]
    report_path: str | None
    quarantine_path: str | None
    problems_by_column: dict[str, int]
    first_problems: list[dict]


def import_file(store: Store, kind_name: str, path: Path, out_dir: Path,
                options: ImportOptions | None = None, limits: ReadLimits = ReadLimits()) -> ImportResult:
    """Import ``path`` as ``kind_name`` into ``store``; reports go to ``out_dir``; ``limits`` bound the reading.

    Imports into one database queue one behind the other, each with its own import id.
    """
    options = options or ImportOptions()
    kind = get_kind(kind_name)
    with store.import_turn() as import_id:
        return _import(store, kind, path, out_dir, options, import_id, limits)


class _Rejected(Exception):
    """Raised inside the import's transaction to undo what a rejected file wrote."""


def _import(store: Store, kind: Kind, path: Path, out_dir: Path, options: ImportOptions,
            import_id: int, limits: ReadLimits) -> ImportResult:
    started = dt.datetime.now()
    stage_name = f"stage_{import_id}"
    staged = stage_file(store, path, stage_name, options.sheet, limits)
    temps = [stage_name]
    base = {"import_id": import_id, "kind": kind.name, "file_name": path.name, "file_path": str(path),
            "sha256": staged.sha256, "file_bytes": staged.size, "rows_read": staged.rows,
            "started_at": started, "options": json.dumps(_options_json(options), ensure_ascii=False)}
    try:
        mapping = map_headers(kind, staged.headers, path.name, overrides=options.header_map,
                              unit_options=options.units, ignore_unknown=options.ignore_columns,
                              edge=options.edge)
        parsed = parse(store, kind, store.table(stage_name), mapping, stage_name)
        temps += parsed.temp_tables
        table = parsed.table
        if kind.table == "enterprise_titles":  # published names carry their level (ingest.title_names)
            table = resolve_titles(table)
        valid = table.filter(~table[BAD])
        result = ImportResult(
            import_id, kind.name, path.name, staged.sha256, "ok", staged.rows, 0, 0, 0,
            staged.empty_rows, 0, [], mapping.units, mapping.unknown, None, None, {}, [])
        rejected: ValidationFailed | None = None
        try:
            with store.transaction():
                if kind.append_first:
                    # Validate and insert in one statement; the rows left out are the bad ones.
                    result.rows_imported = store.insert(kind.table, _final(kind, valid, import_id))
                    result.rows_rejected = staged.rows - result.rows_imported
                else:
                    result.rows_rejected = int(store.execute(table.filter(table[BAD]).count()))
                if result.rows_rejected or parsed.warnings_possible:
                    _report(store, parsed, table, stage_name, temps, out_dir, result, limits, options)
                if result.rows_rejected and not options.skip_invalid:
                    rejected = _rejection(path, staged.rows, result, options.edge)
                    raise _Rejected
                if kind.append_first:
                    result.rows_replaced, result.periods = _replace_after(store, kind, import_id)
                else:
                    result.rows_replaced, result.periods = _replace(store, kind, valid, stage_name, temps)
                    result.rows_imported = store.insert(kind.table, _final(kind, valid, import_id))
                _log(store, base, result, None)
        except _Rejected:
            result.rows_imported, result.outcome = 0, "rejected"
            _log(store, base, result, "文件含无效行，未导入任何数据 (file rejected, store unchanged)")
            raise rejected from None
        return result
    finally:
        store.drop_temp(*reversed(temps))


def _report(store: Store, parsed, table: ibis.Table, stage_name: str, temps: list[str], out_dir: Path,
            result: ImportResult, limits: ReadLimits, options: ImportOptions) -> None:
    """Problems of the rows that have any (bad rows, warnings), the report file, and the quarantine."""
    stage = store.table(stage_name)
    suspects_name = f"{stage_name}_suspects"
    flagged = table.filter(table[BAD] | table[WARN]).select(ROW)
    store.create_temp_from_expr(suspects_name, stage.semi_join(flagged, ROW))
    temps.append(suspects_name)
    problems_name = f"{stage_name}_problems"
    store.create_temp_from_expr(problems_name, validate.problems(store, parsed, store.table(suspects_name)))
    temps.append(problems_name)
    problems = store.table(problems_name)
    errors = problems.filter(problems.severity == "error")
    result.warnings = int(store.execute(problems.filter(problems.severity == "warning").count()))
    summary = report.summarise(store, problems)
    result.problems_by_column, result.first_problems = summary["by_column"], summary["first"]
    if result.rows_rejected or result.warnings:
        report_path = out_dir / f"{result.import_id:04d}-{result.kind}-report.csv"
        report.write_problems(store, problems, report_path, limits.import_report_max_rows)
        result.report_path = str(report_path)
    if result.rows_rejected and options.skip_invalid:
        quarantine = out_dir / f"{result.import_id:04d}-{result.kind}-quarantine.csv"
        report.write_quarantine(store, store.table(suspects_name), errors, quarantine)
        result.quarantine_path = str(quarantine)
        result.outcome = "partial"


def _rejection(path: Path, rows: int, result: ImportResult, edge: str) -> ValidationFailed:
    n_bad = result.rows_rejected
    return ValidationFailed(
        f"{path.name}：{n_bad} 行无效，未导入任何数据，库中数据保持不变",
        f"{path.name}: {n_bad} invalid rows; nothing was imported",
        fix=_fix_rows(edge, Path(result.report_path)),
        details={"report_path": result.report_path, "rows_invalid": n_bad, "rows_read": rows,
                 "problems_by_column": result.problems_by_column, "first_problems": result.first_problems})


def _final(kind: Kind, valid: ibis.Table, import_id: int) -> ibis.Table:
    cols = {c: valid[c] for c in valid.columns if c not in (ROW, BAD, WARN)}
    if kind.table == "statistics":
        p = valid.period
        cols["period_type"] = (p.length() == 4).ifelse("year", "ytd")
        cols["year"] = p.substr(0, 4).cast("int32")
        cols["month"] = (p.length() == 4).ifelse(12, p.substr(5, 2).cast("int32"))
    for name, value in kind.constants.items():
        cols[name] = ibis.literal(value)
    cols["import_id"] = ibis.literal(import_id, "int32")
    return valid.select(**cols)


def _replace_after(store: Store, kind: Kind, import_id: int) -> tuple[int, list[str]]:
    """After appending: delete the stored rows of the periods the new rows hold (the pairs follow)."""
    periods = store.import_periods(kind.table, kind.period_column, import_id)
    if kind.table == "transactions":
        purchase_pairs.merge_import(store, import_id, periods)
    return store.delete_in(kind.table, kind.period_column, periods, keep_import=import_id), periods


def _replace(store: Store, kind: Kind, valid: ibis.Table, stage_name: str, temps: list[str]):
    """Delete what the new rows replace: the same periods, or the same keys."""
    if kind.replace == "period":
        periods = sorted(store.execute(valid[kind.period_column].name("p").as_table().distinct()).p)
        return store.delete_in(kind.table, kind.period_column, periods), periods
    keys_name = f"{stage_name}_keys"
    store.create_temp_from_expr(keys_name, valid.select(*kind.key).distinct())
    temps.append(keys_name)
    return store.delete_matching(kind.table, keys_name, kind.key), []


def _log(store: Store, base: dict, result: ImportResult, message: str | None) -> None:
    store.log_import({
        **base, "rows_imported": result.rows_imported, "rows_rejected": result.rows_rejected,
        "rows_replaced": result.rows_replaced, "periods": ",".join(result.periods) or None,
        "outcome": result.outcome, "message": message or _message(result),
        "report_path": result.report_path, "quarantine_path": result.quarantine_path,
        "finished_at": dt.datetime.now()})


def _message(result: ImportResult) -> str:
    parts = [f"导入 {result.rows_imported} 行"]
    if result.rows_replaced:
        parts.append(f"替换 {result.rows_replaced} 行")
    if result.rows_rejected:
        parts.append(f"隔离 {result.rows_rejected} 行无效数据")
    if result.rows_empty:
        parts.append(f"跳过 {result.rows_empty} 个空行")
    if result.ignored_columns:
        parts.append(f"按要求忽略列 {'、'.join(result.ignored_columns)}")
    return "，".join(parts)


def _fix_rows(edge: str, report_path: Path) -> str:
    if edge == "web":
        return "按下方列出的行、列和处理办法逐行修正后重新上传，" + hints(edge).skip_invalid
    return f"按报告 {report_path} 逐行修正后重新导入，" + hints(edge).skip_invalid


def _options_json(options: ImportOptions) -> dict:
    return {"skip_invalid": options.skip_invalid, "sheet": options.sheet,
            "header_map": options.header_map, "units": options.units,
            "ignore_columns": options.ignore_columns}
