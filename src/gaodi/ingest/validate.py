"""Validate every row of a staged file, as Ibis expressions over the staging table.

``parse`` returns the parsed table (one column per kind column, canonical values and units, plus
``_row``) and ``problems``: one row per problem with row, column, value, severity, reason and fix.
Nothing is written to the user's tables here.
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


@dataclass
class Parsed:
    table: ir.Table  # parsed values, one column per mapped kind column, plus _row
    problems: ir.Table  # _row, column, value, severity, reason, fix
    temp_tables: list[str]


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


def parse(store: Store, kind: Kind, stage: ir.Table, mapping: Mapping, stage_name: str) -> Parsed:
    """Parse and check every mapped column of ``stage``; see the module docstring."""
    temps: list[str] = []
    t = stage
    values: dict[str, ir.Value] = {}
    problems: list[ir.Table] = []

    def problem(bad: ir.BooleanValue, col: Column, raw: ir.Value, reason: str, fix: str) -> None:
        """An error on every row where ``bad`` holds, naming the column as the file wrote it."""
        problems.append(t.filter(bad).select(
            _row=t[ROW], column=ibis.literal(mapping.columns[col.name]), value=raw.cast("string"),
            severity=ibis.literal("error"), reason=ibis.literal(reason), fix=ibis.literal(fix)))

    # First the lookups: join small maps of distinct values.
    lookup_maps: dict[str, ir.Table] = {}
    for col in kind.columns:
        if col.name not in mapping.columns:
            continue
        header = mapping.columns[col.name]
        checks = []
        if col.type in LOOKUP_TYPES:
            checks.append(_checker(store, col))
        if col.references:
            checks.append(_reference(store, col))
        if not checks:
            continue
        raw = _text(t[header])
        distinct = store.execute(raw.name("raw").as_table().distinct().filter(lambda d: d.raw.notnull()))
        rows = []
        for v in distinct["raw"]:
            verdict = None
            for check in checks:
                verdict = check(v if verdict is None else verdict.value)
                if verdict.severity == "error":
                    break
            rows.append({"raw": v, "value": verdict.value, "severity": verdict.severity,
                         "reason": verdict.reason, "fix": verdict.fix})
        name = f"{stage_name}_map_{col.name}"
        store.register_temp(name, pa.Table.from_pylist(rows, schema=pa.schema([
            ("raw", pa.string()), ("value", pa.string()), ("severity", pa.string()),
            ("reason", pa.string()), ("fix", pa.string())])))
        temps.append(name)
        # Only the stored value rides along with every row; the reasons stay in the small map.
        m = store.table(name).select(raw="raw", **{f"{col.name}__value": "value"})
        t = t.left_join(m, _text(t[header]) == m.raw).drop("raw")
        lookup_maps[col.name] = store.table(name)
    # Materialise the joined staging table once: every check below scans it, and so does the insert.
    joined = f"{stage_name}_joined"
    t = store.create_temp_from_expr(joined, t)
    temps.append(joined)
    for name, m in lookup_maps.items():
        header = mapping.columns[name]
        flagged = m.filter(m.severity.notnull())
        hit = t.inner_join(flagged, _text(t[header]) == flagged.raw)
        problems.append(hit.select(_row=hit[ROW], column=ibis.literal(header), value=hit.raw,
                                   severity=hit.severity, reason=hit.reason, fix=hit.fix))

    for col in kind.columns:
        if col.name not in mapping.columns:
            continue
        header = mapping.columns[col.name]
        raw = _text(t[header])
        if col.required:
            problem(raw.isnull(), col, raw, f"必填列“{col.label}”为空", f"填写{col.label}")
        if f"{col.name}__value" in t.columns:
            value: ir.Value = t[f"{col.name}__value"]
            if col.store_reported:
                values[col.store_reported] = raw  # the code as imported, kept beside the current one
            if col.type == "bool":
                value = value == "true"
            values[col.name] = value
            continue
        if col.type == "text":
            values[col.name] = raw
        elif col.type in ("int", "float", "year"):
            num = raw.replace(",", "").replace("，", "").try_cast("float64")
            problem(raw.notnull() & num.isnull(), col, raw, f"“{col.label}”不是数字",
                    "只填数字，不要带单位或文字（单位写在表头，如 营业收入(万元)）")
            if col.type in ("int", "year"):
                problem(num.notnull() & (num != num.round()), col, raw, f"“{col.label}”应为整数", "填写整数")
            lo, hi = (1900, 2100) if col.type == "year" else (col.min, col.max)
            if lo is not None:
                problem(num < lo, col, raw, f"“{col.label}”小于允许的最小值 {lo}", "核对数值与单位")
            if hi is not None:
                problem(num > hi, col, raw, f"“{col.label}”大于允许的最大值 {hi}", "核对数值与单位")
            if col.dimension:
                num = num * mapping.factors[col.name]
            values[col.name] = num.round().cast("int64") if col.type in ("int", "year") else num
        elif col.type == "date":
            norm = raw.re_replace(r"[/.年月]", "-").re_replace(r"日$", "")
            date = norm.try_cast("date")
            problem(raw.notnull() & date.isnull(), col, raw, f"“{col.label}”不是日期", "写成 2026-03-15")
            values[col.name] = date
        else:
            raise AssertionError(col.type)

    parsed = t.select(**{ROW: t[ROW]}, **values)
    for rule in kind.row_rules:
        if all(c in values for c in rule.needs):
            bad = rule.bad(parsed)
            col = kind.column(rule.column)
            problems.append(parsed.filter(bad.fill_null(False)).select(
                _row=parsed[ROW], column=ibis.literal(mapping.columns[col.name]),
                value=parsed[col.name].cast("string"), severity=ibis.literal("error"),
                reason=ibis.literal(rule.reason), fix=ibis.literal(rule.fix)))
    # Duplicates of the key inside the file: every repeat after the first is an error. Keys that
    # repeat are found by grouping first, so the ordering work is done on the repeats only.
    key = [k for k in kind.key if k in values]
    if len(key) == len(kind.key):
        keyed = parsed.mutate(**{f"_k{i}": parsed[k].cast("string").fill_null("\x00") for i, k in enumerate(key)})
        kcols = [f"_k{i}" for i in range(len(key))]
        repeats = keyed.group_by(kcols).agg(_n=keyed.count(), _first=keyed[ROW].min()).filter(lambda r: r._n > 1)
        dup = keyed.inner_join(repeats, kcols)
        dup = dup.filter(dup[ROW] != dup._first)
        dup_col = kind.column(key[-1])
        problems.append(dup.select(
            _row=dup[ROW], column=ibis.literal(" + ".join(mapping.columns[k] for k in key)),
            value=ibis.literal("").concat(*[dup[k].cast("string").fill_null("") + ibis.literal(" ")
                                            for k in key]).strip(),
            severity=ibis.literal("error"),
            reason=ibis.literal("与第 ").concat(dup._first.cast("string"), ibis.literal(" 行重复")),
            fix=ibis.literal(f"同一{dup_col.label}等关键字段只能出现一次：删除重复行或合并")))
    # Every kind has required columns, so there is always at least one check.
    return Parsed(parsed, ibis.union(*problems), temps)
