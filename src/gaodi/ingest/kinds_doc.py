"""Render the header map of every import kind as Markdown (docs/import.md is this, checked by a test)."""

from __future__ import annotations

from gaodi.ingest.kinds import KINDS
from gaodi.ingest.units import CANONICAL, FACTORS

INTRO = """# Importing data

`gaodi import KIND FILE` reads CSV (UTF-8 or GBK/GB18030), XLSX (first sheet or `--sheet`) and Parquet.
Headers may be Chinese or English, in any order; a unit in brackets at the end of a header
(`营业收入(亿元)`, `revenue(万元)`) is converted to the store's unit. Columns with a unit column in the
tables below must state their unit, in the header or with `--unit column=单位`. Other headers can be
mapped with `--map 原表头=column`; unknown columns are an error unless `--ignore-columns` is given
(then they are listed in the import log).

Every row is checked: credit codes (18 characters and the GB 32100-2015 check digit, by python-stdnum),
region codes (GB/T 2260; retired codes with one successor are imported under the current code, kept as
reported and listed as a warning; split or unknown codes are errors), industry codes (4-digit classes of
GB/T 4754-2017; a 3-digit code that lost its leading zero is pointed out), periods, numbers, ranges,
integers, dates, yes/no values, choices, references to rows that must already be in the store, row rules
across columns, and duplicate keys. A file with any invalid row changes nothing; the report file lists
row, column, value, reason and fix. `--skip-invalid` imports the valid rows and writes the rejected ones,
as they were, with their reasons, to a quarantine file. Fully empty rows are skipped and counted.

Periods: `2025` (or `2025年`) is a year; `2026-10` (or `2026年1-10月`, `202610`, `2026M10`) is, for
statistics, the cumulative total from January to October (1-N月累计) and, for transactions, the
invoice month. Re-importing statistics or transactions replaces the periods the file holds; other kinds
replace the rows with the same key.

Large files: the distinct values of the looked-up columns (credit codes, region codes, periods ...) are
checked once each, in small maps; the file is joined to the maps once, and invoice lines are checked and
inserted in one statement, so a clean file of tens of millions of lines costs about what a hand-written
DuckDB script costs ([benchmarks.md](benchmarks.md)). The problem rows of the report are built only
when there are bad rows or warnings. DuckDB keeps to `memory_limit` (default 1GB) and spills to
`temp_directory` (default the workspace's `tmp`) beyond it, so the import's peak memory stays under
2 GiB whatever the file size; keep about as much free disk as the file. A failed or interrupted import
(even a killed process) leaves the store as it was.

Names where codes are expected: a region column takes the region's name (开福区, or 长沙市开福区 when
the name is shared), an industry column the class name (皮革服装制造 for 1921), a park, chain or cluster
column the park's, chain's or cluster's name. A name that fits several entries is refused with every
candidate and its code; an unknown name is refused with the nearest names.

Templates and round trips: `gaodi data template KIND [-o FILE]` (or 下载模板 on the web import page)
writes an XLSX with the Chinese headers and their units, an example row and a 填表说明 sheet that explains
every column. `gaodi data export KIND [-o FILE]` (or 导出本类数据) writes every stored row of a kind in
the same form; it imports again as it is. Text that a spreadsheet would run as a formula is written with a
leading `'` and restored on import, so a name such as `=HYPERLINK(...)` survives the round trip as text.

The web import page reads the header row first and shows the field each header is taken for; the user
maps the others (or ignores them) before uploading. Its error messages speak of the page's buttons and
fields; the CLI's speak of its options.

This page is generated from `gaodi.ingest.kinds` (`gaodi kinds` prints the same); a test keeps it in step.
"""


def render_markdown() -> str:
    out = [INTRO, "## Units\n", "| dimension | store unit | accepted units |", "| --- | --- | --- |"]
    for dim, canon in CANONICAL.items():
        out.append(f"| {dim} | {canon} | {'、'.join(FACTORS[dim])} |")
    for k in KINDS:
        out += ["", f"## `{k.name}` — {k.label}", ""]
        if k.help:
            out += [k.help, ""]
        replace = "the periods in the file" if k.replace == "period" else "rows with the same key"
        out += [f"Key: {', '.join(k.key)}. A re-import replaces {replace}.", "",
                "| column | 表头 | required | type | unit | other accepted headers | choices |",
                "| --- | --- | --- | --- | --- | --- | --- |"]
        for c in k.columns:
            choices = "、".join(dict.fromkeys(k2 for k2 in (c.choices or {}) if not k2.isascii()))
            ref = f" → {c.references[0]}.{c.references[1]}" if c.references else ""
            out.append(f"| {c.name} | {c.label} | {'yes' if c.required else ''} | {c.type}{ref} | "
                       f"{CANONICAL.get(c.dimension, '') if c.dimension else ''} | {'、'.join(c.aliases)} | "
                       f"{choices} |")
    return "\n".join(out) + "\n"
