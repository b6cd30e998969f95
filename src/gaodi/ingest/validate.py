"""Validate every row of a staged file, as Ibis expressions over the staging table.

``parse`` returns the parsed table (one column per kind column, canonical values and units, plus
``_row``, ``_bad``, true on a row with any error, and ``_warn``): the distinct values of the looked-up
columns are resolved into small maps first (one scan of those columns, columns checked alike sharing
one map), and the file is joined to the maps once, into one temporary table of parsed values that the
search for repeated keys, the insert and the report read.

``problems`` builds the problem rows (row, column, value, severity, reason, fix) only for the rows that
need them (:attr:`Parsed.suspects`, the bad rows and those with a warning): a clean file never pays for
it. Nothing is written to the user's tables here.
"""

from __future__ import annotations

from dataclasses import dataclass

import ibis
import ibis.expr.types as ir
import pyarrow as pa

from gaodi.exports import restore_column
from gaodi.ingest import lookups, names
from gaodi.ingest.headers import Mapping
from gaodi.ingest.readers import ROW
from gaodi.ingest.spec import Column, Kind
from gaodi.store import Store

LOOKUP_TYPES = {"uscc", "region", "industry", "bool", "enum", "period"}
# References whose rows have a name a user may write instead of the id: (table, id) → (what, name column).
REFERENCE_NAMES = {("parks", "park_id"): ("园区", "name"), ("chains", "chain_id"): ("产业链", "name"),
                   ("clusters", "cluster_id"): ("集群", "name")}


def _text(raw: ir.Value) -> ir.StringValue:
    """A cell as text: trimmed, empty as null, and a formula neutralised by an export restored (``'=x`` → ``=x``)."""
    return restore_column(raw.cast("string").strip()).nullif("")


def _checker(store: Store, col: Column):
    if col.type == "uscc":
        # Codes of enterprises already in the store passed this check when they were imported.
        known = set(store.execute(store.table("enterprises").uscc))

        def check_uscc(code: str) -> lookups.Verdict:
            return lookups.Verdict(code) if code in known else lookups.check_uscc(code)

        return check_uscc
    if col.type == "bool":
        return lookups.check_bool
    if col.type == "enum":
        return lookups.check_choice(col)
    if col.type == "period":
        return lambda v: lookups.parse_period(v)
    if col.type == "region":
        rows = store.to_arrow(store.table("regions").select(
            "code", "name", "level", "city_code", "province_code", "status", "successor_code")).to_pylist()
        regions = {r["code"]: (r["name"], r["status"], r["successor_code"]) for r in rows}
        return lookups.check_region(regions, names.region_index(rows))
    if col.type == "industry":
        ind = store.table("industries")
        if col.industry_level:
            ind = ind.filter(ind.level == col.industry_level)
        pairs = store.to_arrow(ind.select("code", "name")).to_pylist()
        return lookups.check_industry({p["code"] for p in pairs}, col.industry_level,
                                      names.simple_index("行业", ((p["code"], p["name"]) for p in pairs)))
    raise AssertionError(col.type)


def _reference(store: Store, col: Column):
    table, column = col.references
    named = REFERENCE_NAMES.get((table, column))
    if named is None:
        values = set(store.execute(store.table(table)[column].name("v")).dropna())
        return lookups.check_reference(values, table, col.label)
    pairs = store.to_arrow(store.table(table).select(code=column, name=named[1])).to_pylist()
    index = names.simple_index(named[0], ((p["code"], p["name"]) for p in pairs))
    return lookups.check_reference({p["code"] for p in pairs}, table, col.label, index)



BAD = "_bad"
WARN = "_warn"
MAP_SCHEMA = pa.schema([("raw", pa.string()), ("shown", pa.string()), ("value", pa.string()),
                        ("severity", pa.string()), ("reason", pa.string()), ("fix", pa.string())])


@dataclass
class Parsed:
    table: ir.Table  # parsed values, one column per mapped kind column, plus _row, _bad and _warn
    maps: dict[str, ir.Table]  # column name -> its map (raw, shown, value, severity, reason, fix)
    repeats: ir.Table | None  # keys found more than once: the key columns, _first (row), _n
    warnings_possible: bool  # a map holds a warning (e.g. a retired region code)
    temp_tables: list[str]
    stage: ir.Table
    mapping: Mapping
    kind: Kind


def _map_group(col: Column) -> tuple:
    """Columns checked alike (two credit-code columns, two region columns) share one map."""
    return (col.type, col.references, col.industry_level if col.type == "industry" else None,
            tuple(sorted((col.choices or {}).items())) if col.type == "enum" else None, col.label
            if col.references else None)


def _lookups(store: Store, kind: Kind, stage: ir.Table, mapping: Mapping, stage_name: str,
             temps: list[str]) -> dict[str, ir.Table]:
    """One small map per group of looked-up columns: every distinct value as the file wrote it, resolved."""
    groups: dict[tuple, list[Column]] = {}
    for col in kind.columns:
        if col.name in mapping.columns and (col.type in LOOKUP_TYPES or col.references):
            groups.setdefault(_map_group(col), []).append(col)
    maps: dict[str, ir.Table] = {}
    for i, cols in enumerate(groups.values()):
        checks = []
        if cols[0].type in LOOKUP_TYPES:
            checks.append(_checker(store, cols[0]))
        if cols[0].references:
            checks.append(_reference(store, cols[0]))
        raws = [stage[mapping.columns[c.name]].cast("string").name("raw").as_table() for c in cols]
        distinct = ibis.union(*raws, distinct=True) if len(raws) > 1 else raws[0].distinct()
        found = store.to_arrow(distinct.filter(distinct.raw.notnull())).column("raw").to_pylist()
        rows = []
        for raw in found:
            shown = raw.strip() or None
            verdict = None
            if shown is not None:
                for check in checks:
                    verdict = check(shown if verdict is None else verdict.value)
                    if verdict.severity == "error":
                        break
            rows.append({"raw": raw, "shown": shown, "value": verdict.value if verdict else None,
                         "severity": verdict.severity if verdict else None,
                         "reason": verdict.reason if verdict else None, "fix": verdict.fix if verdict else None})
        name = f"{stage_name}_map_{i}"
        table = store.register_temp(name, pa.Table.from_pylist(rows, schema=MAP_SCHEMA))
        temps.append(name)
        for c in cols:
            maps[c.name] = table
    return maps


def _checks(t: ir.Table, kind: Kind, mapping: Mapping, looked_up: set[str]):
    """Values and row checks of every mapped column over ``t`` (the file joined to its maps).

    Returns ``values`` (column -> parsed value) and ``checks``: (bad, column, header, value shown, reason,
    fix) for every error a row can have besides the maps' own verdicts.
    """
    values: dict[str, ir.Value] = {}
    checks: list[tuple] = []
    for col in kind.columns:
        if col.name not in mapping.columns:
            continue
        header = mapping.columns[col.name]
        typed = not t[header].type().is_string() and col.type in ("int", "float", "year")
        raw = t[header].cast("float64") if typed else _text(t[header])
        if col.name in looked_up:
            empty = t[header].isnull() | t[f"{col.name}__shown"].isnull()
            shown = t[f"{col.name}__shown"]
        else:
            empty, shown = raw.isnull(), raw.cast("string")
        if col.required:
            checks.append((empty, col, header, shown, f"必填列“{col.label}”为空", f"填写{col.label}"))
        if col.name in looked_up:
            value: ir.Value = t[f"{col.name}__value"]
            if col.store_reported:
                values[col.store_reported] = _text(t[header])  # the code as imported, beside the current one
            values[col.name] = value == "true" if col.type == "bool" else value
            continue
        if col.type == "text":
            values[col.name] = raw
        elif col.type in ("int", "float", "year"):
            # A typed column (Parquet numbers) is read as it is, never through text.
            num = raw if typed else raw.replace(",", "").replace("，", "").try_cast("float64")
            if not typed:
                checks.append((raw.notnull() & num.isnull(), col, header, shown, f"“{col.label}”不是数字",
                               "只填数字，不要带单位或文字（单位写在表头，如 营业收入(万元)）"))
            if col.type in ("int", "year"):
                checks.append((num.notnull() & (num != num.round()), col, header, shown,
                               f"“{col.label}”应为整数", "填写整数"))
            lo, hi = (1900, 2100) if col.type == "year" else (col.min, col.max)
            if lo is not None:
                checks.append((num < lo, col, header, shown, f"“{col.label}”小于允许的最小值 {lo}",
                               "核对数值与单位"))
            if hi is not None:
                checks.append((num > hi, col, header, shown, f"“{col.label}”大于允许的最大值 {hi}",
                               "核对数值与单位"))
            if col.dimension and mapping.factors[col.name] != 1:
                num = num * mapping.factors[col.name]
            values[col.name] = num.round().cast("int64") if col.type in ("int", "year") else num
        elif col.type == "date":
            norm = raw.re_replace(r"[/.年月]", "-").re_replace(r"日$", "")
            date = norm.try_cast("date")
            checks.append((raw.notnull() & date.isnull(), col, header, shown, f"“{col.label}”不是日期",
                           "写成 2026-03-15"))
            values[col.name] = date
        else:
            raise AssertionError(col.type)
    return values, checks


def _joined(t: ir.Table, maps: dict[str, ir.Table], mapping: Mapping, with_reasons: bool = False) -> ir.Table:
    """``t`` with each looked-up column's map entry beside it (value, shown text, error/warning flags)."""
    for name, m in maps.items():
        cols = {"raw": m.raw, f"{name}__shown": m.shown, f"{name}__value": m.value,
                f"{name}__err": m.severity == "error", f"{name}__warn": m.severity == "warning"}
        if with_reasons:
            cols |= {f"{name}__severity": m.severity, f"{name}__reason": m.reason, f"{name}__fix": m.fix}
        right = m.select(**cols)
        t = t.left_join(right, t[mapping.columns[name]].cast("string") == right.raw).drop("raw")
    return t


def _key_columns(parsed: ir.Table, key: list[str]) -> dict[str, ir.Value]:
    return {f"_k{i}": parsed[k].cast("string").fill_null("\x00") for i, k in enumerate(key)}


def parse(store: Store, kind: Kind, stage: ir.Table, mapping: Mapping, stage_name: str) -> Parsed:
    """Parse and check every mapped column of ``stage``; see the module docstring."""
    temps: list[str] = []
    maps = _lookups(store, kind, stage, mapping, stage_name, temps)
    t = _joined(stage, maps, mapping)
    values, checks = _checks(t, kind, mapping, set(maps))
    bad = ibis.literal(False)
    for b, *_ in checks:
        bad = bad | b.fill_null(False)
    warn = ibis.literal(False)
    for name in maps:
        bad = bad | t[f"{name}__err"].fill_null(False)
        warn = warn | t[f"{name}__warn"].fill_null(False)
    parsed = t.select(**{ROW: t[ROW]}, **values, **{BAD: bad, WARN: warn})
    for rule in kind.row_rules:
        if all(c in values for c in rule.needs):
            parsed = parsed.mutate(**{BAD: parsed[BAD] | rule.bad(parsed).fill_null(False)})
    # The file joined to its maps is computed once: the search for repeated keys, the insert and the
    # rows for the report all read it (DuckDB spills it to disk past the memory limit).
    name = f"{stage_name}_parsed"
    parsed = store.create_temp_from_expr(name, parsed)
    temps.append(name)
    repeats = None
    key = [k for k in kind.key if k in values]
    if len(key) == len(kind.key):
        # Keys that repeat are found by grouping (one pass); usually none do, so the table is tiny.
        keyed = parsed.select(ROW, **_key_columns(parsed, key))
        kcols = [f"_k{i}" for i in range(len(key))]
        found = keyed.group_by(kcols).agg(_n=keyed.count(), _first=keyed[ROW].min()).filter(lambda r: r._n > 1)
        name = f"{stage_name}_repeats"
        repeats = store.create_temp_from_expr(name, found)
        temps.append(name)
        if int(store.execute(repeats.count())):
            keyed = parsed.mutate(**_key_columns(parsed, key))
            joined = keyed.left_join(repeats, kcols)
            dup = joined._first.notnull() & (joined[ROW] != joined._first)
            parsed = joined.select(*[c for c in parsed.columns if c != BAD], **{BAD: joined[BAD] | dup})
    distinct_maps = {id(m): m for m in maps.values()}.values()
    warnings_possible = any(int(store.execute(m.filter(m.severity == "warning").count())) for m in distinct_maps)
    return Parsed(parsed, maps, repeats, warnings_possible, temps, stage, mapping, kind)


def problems(store: Store, parsed: Parsed, suspects: ir.Table) -> ir.Table:
    """The problem rows of ``suspects`` (a small table of the file's rows that are bad or carry a warning).

    One row per problem: ``_row``, column (the header as the file wrote it), value, severity, reason, fix.
    """
    kind, mapping = parsed.kind, parsed.mapping
    t = _joined(suspects, parsed.maps, mapping, with_reasons=True)
    values, checks = _checks(t, kind, mapping, set(parsed.maps))
    out: list[ir.Table] = []
    for bad, col, header, shown, reason, fix in checks:
        out.append(t.filter(bad.fill_null(False)).select(
            _row=t[ROW], column=ibis.literal(header), value=shown.cast("string"),
            severity=ibis.literal("error"), reason=ibis.literal(reason), fix=ibis.literal(fix)))
    for name in parsed.maps:
        flagged = t.filter(t[f"{name}__severity"].notnull())
        out.append(flagged.select(
            _row=flagged[ROW], column=ibis.literal(mapping.columns[name]), value=flagged[f"{name}__shown"],
            severity=flagged[f"{name}__severity"], reason=flagged[f"{name}__reason"], fix=flagged[f"{name}__fix"]))
    p = t.select(**{ROW: t[ROW]}, **values)
    for rule in kind.row_rules:
        if all(c in values for c in rule.needs):
            col = kind.column(rule.column)
            out.append(p.filter(rule.bad(p).fill_null(False)).select(
                _row=p[ROW], column=ibis.literal(mapping.columns[col.name]), value=p[col.name].cast("string"),
                severity=ibis.literal("error"), reason=ibis.literal(rule.reason), fix=ibis.literal(rule.fix)))
    key = [k for k in kind.key if k in values]
    if parsed.repeats is not None and len(key) == len(kind.key):
        kcols = [f"_k{i}" for i in range(len(key))]
        keyed = p.mutate(**_key_columns(p, key))
        dup = keyed.inner_join(parsed.repeats, kcols)
        dup = dup.filter(dup[ROW] != dup._first)
        dup_col = kind.column(key[-1])
        out.append(dup.select(
            _row=dup[ROW], column=ibis.literal(" + ".join(mapping.columns[k] for k in key)),
            value=ibis.literal("").concat(*[dup[k].cast("string").fill_null("") + ibis.literal(" ")
                                            for k in key]).strip(),
            severity=ibis.literal("error"),
            reason=ibis.literal("与第 ").concat(dup._first.cast("string"), ibis.literal(" 行重复")),
            fix=ibis.literal(f"同一{dup_col.label}等关键字段只能出现一次：删除重复行或合并")))
    # Every kind has required columns, so there is always at least one branch.
    return ibis.union(*out)
