"""Read a user's CSV, XLSX or Parquet file into a staging table of the store, row numbers kept.

Rows are numbered as a spreadsheet shows them: in CSV and XLSX the header is row 1 and the first
record row 2 (XLSX: the sheet's own row numbers); in Parquet the first record is row 1. CSV is streamed
through Arrow in blocks and Parquet is scanned by DuckDB in place, so a file of tens of millions of
lines never sits in Python memory. Text encoding of CSV is detected (UTF-8 with or without BOM, else
GB18030, which covers GBK/GB2312 exports from Chinese systems). What a file may cost to read is
bounded by :mod:`gaodi.ingest.limits` (XLSX cells and unpacked size, CSV row length).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv

from gaodi.errors import GaodiError, InputError, Location
from gaodi.ingest.limits import (
    CSV_MAX_ROW_BYTES,
    ReadLimits,
    check_xlsx_archive,
    counted_rows,
    row_too_long,
)
from gaodi.store import Store

ROW = "_row"
BATCH_ROWS = 50_000


@dataclass
class Staged:
    """A file read into the store as table ``table`` with its original headers and a ``_row`` column."""

    table: str
    headers: list[str]
    format: str
    sha256: str
    size: int
    rows: int
    empty_rows: int
    sheet: str | None = None


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 22), b""):
            digest.update(block)
    return digest.hexdigest()


def detect_encoding(path: Path) -> str:
    """UTF-8 (with or without BOM) when the first megabyte decodes as such, else GB18030."""
    with open(path, "rb") as fh:
        head = fh.read(1 << 20)
    if head.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    cut = head.rfind(b"\n")
    try:
        (head[: cut + 1] if cut > 0 and len(head) == 1 << 20 else head).decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        return "gb18030"


def stage_file(store: Store, path: Path, name: str = "stage", sheet: str | None = None,
               limits: ReadLimits = ReadLimits()) -> Staged:
    """Read ``path`` into the temporary table ``name``; the format follows the file's suffix."""
    if not path.exists():
        raise InputError(f"找不到文件 {path}", f"file not found: {path}", fix="检查文件路径",
                         location=Location(file=str(path)))
    suffix = path.suffix.lower()
    digest, size = sha256_of(path), path.stat().st_size
    if suffix in (".csv", ".txt", ".tsv"):
        headers, empty, rows = _stage_csv(store, path, name, "\t" if suffix == ".tsv" else ",")
        return Staged(name, headers, "csv", digest, size, rows, empty)
    if suffix in (".xlsx", ".xlsm"):
        headers, empty, rows, sheet_name = _stage_xlsx(store, path, name, sheet, limits)
        return Staged(name, headers, "xlsx", digest, size, rows, empty, sheet_name)
    if suffix in (".parquet", ".pq"):
        headers, rows = _stage_parquet(store, path, name)
        return Staged(name, headers, "parquet", digest, size, rows, 0)
    raise InputError(f"不支持的文件类型 {suffix}", f"unsupported file type {suffix}",
                     fix="请另存为 CSV（UTF-8 或 GBK）、XLSX 或 Parquet", location=Location(file=path.name))


def _check_headers(headers: list[str], file: str) -> list[str]:
    clean = [str(h).strip() if h is not None else "" for h in headers]
    blanks = [i + 1 for i, h in enumerate(clean) if not h]
    if blanks:
        raise InputError(f"第 {blanks} 列没有表头", "empty header cells", fix="给每一列写上表头，或删掉空列",
                         location=Location(file=file, row=1))
    dupes = sorted({h for h in clean if clean.count(h) > 1})
    if dupes:
        raise InputError(f"表头重复：{'、'.join(dupes)}", f"duplicate headers: {dupes}",
                         fix="每个表头只能出现一次", location=Location(file=file, row=1))
    if ROW in clean:
        raise InputError(f"表头 {ROW} 是保留字", f"header {ROW} is reserved", fix="改名",
                         location=Location(file=file, row=1))
    return clean


def _stage_csv(store: Store, path: Path, name: str, delimiter: str) -> tuple[list[str], int, int]:
    encoding = detect_encoding(path)
    with open(path, encoding=encoding, newline="") as fh:
        first = next(csv.reader(fh, delimiter=delimiter), None)
    if not first:
        raise InputError("文件是空的", "empty file", fix="检查是否导出了正确的表",
                         location=Location(file=path.name))
    headers = _check_headers(first, path.name)
    schema = {h: pa.string() for h in headers}
    try:
        reader = pacsv.open_csv(
            path,
            read_options=pacsv.ReadOptions(encoding="utf8" if encoding.startswith("utf-8") else encoding,
                                           block_size=CSV_MAX_ROW_BYTES, column_names=headers, skip_rows=1),
            parse_options=pacsv.ParseOptions(delimiter=delimiter, newlines_in_values=True),
            convert_options=pacsv.ConvertOptions(column_types=schema, strings_can_be_null=True,
                                                 quoted_strings_can_be_null=True))
    except pa.ArrowInvalid as exc:
        raise _malformed(exc, path.name) from exc
    return _stage_batches(store, name, headers, _numbered(reader, first_row=2, file=path.name), path.name)


def _numbered(batches, first_row: int, file: str) -> Iterator[pa.RecordBatch]:
    offset = first_row
    try:
        for batch in batches:
            yield batch.append_column(ROW, pa.array(range(offset, offset + batch.num_rows), pa.int64()))
            offset += batch.num_rows
    except pa.ArrowInvalid as exc:
        raise _malformed(exc, file) from exc


def _malformed(exc: pa.ArrowInvalid, file: str) -> InputError:
    if "straddl" in str(exc):
        return row_too_long(file, exc)
    return InputError(f"CSV 格式错误：{exc}", f"malformed CSV: {exc}",
                      fix="检查引号和分隔符，某行的列数可能与表头不一致", location=Location(file=file))


def _stage_batches(store: Store, name: str, headers: list[str], batches: Iterator[pa.RecordBatch],
                   file: str) -> tuple[list[str], int, int]:
    schema = pa.schema([(h, pa.string()) for h in headers] + [(ROW, pa.int64())])
    failures: list[GaodiError] = []

    def guarded() -> Iterator[pa.RecordBatch]:
        try:
            yield from batches
        except GaodiError as exc:  # DuckDB wraps what the stream raises; keep ours to raise it as it is
            failures.append(exc)
            raise

    try:
        store.register_temp(name + "_raw", pa.RecordBatchReader.from_batches(schema, guarded()))
        table = store.table(name + "_raw")
        blank = _all_blank(table, headers)
        n_empty = int(store.execute(table.filter(blank).count()))
        store.create_temp_from_expr(name, table.filter(~blank))
    except Exception:
        if failures:
            raise failures[0] from None
        raise
    store.drop_temp(name + "_raw")
    rows = int(store.execute(store.table(name).count()))
    return headers, n_empty, rows


def _all_blank(table, headers):
    """True where every cell of a row is empty: such rows carry nothing and are counted, not imported."""
    cond = None
    for h in headers:
        blank = table[h].isnull() | (table[h].strip() == "")
        cond = blank if cond is None else cond & blank
    return cond


def _cell(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    return text if text.strip() else None


def open_sheet(path: Path, sheet: str | None, limits: ReadLimits):
    """The workbook (read-only, values) and its sheet ``sheet`` or first sheet; the caller closes the book."""
    from openpyxl import load_workbook

    check_xlsx_archive(path, limits)
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises several kinds for a broken file
        raise InputError(f"无法读取 Excel 文件：{exc}", f"cannot read workbook: {exc}",
                         fix="用 Excel 打开后另存为 .xlsx 再试", location=Location(file=path.name)) from exc
    if sheet is not None and sheet not in wb.sheetnames:
        wb.close()
        raise InputError(f"没有名为 {sheet} 的工作表", f"no sheet {sheet}",
                         fix=f"可用工作表：{'、'.join(wb.sheetnames)}", location=Location(file=path.name))
    return wb, (wb[sheet] if sheet else wb.worksheets[0])


def _stage_xlsx(store: Store, path: Path, name: str, sheet: str | None, limits: ReadLimits):
    wb, ws = open_sheet(path, sheet, limits)
    try:
        rows = counted_rows(ws.iter_rows(values_only=True), limits, path.name, ws.title)
        header_row, headers = 0, None
        # The header is the first row with two or more filled cells: exports often put a one-cell
        # title (企业名录（2025年）) and blank rows above it.
        for header_row, values in enumerate(rows, start=1):
            if sum(v is not None and str(v).strip() != "" for v in values) >= 2:
                headers = list(values)
                break
        if headers is None:
            raise InputError("工作表是空的", "empty sheet", fix="检查是否选对了工作表 (--sheet)",
                             location=Location(file=path.name, sheet=ws.title))
        while headers and (headers[-1] is None or not str(headers[-1]).strip()):
            headers.pop()
        headers = _check_headers(headers, path.name)
        width = len(headers)

        def batches() -> Iterator[pa.RecordBatch]:
            buf: list[list] = [[] for _ in range(width + 1)]
            for rownum, values in enumerate(rows, start=header_row + 1):
                values = list(values[:width]) + [None] * max(0, width - len(values))
                for i, v in enumerate(values):
                    buf[i].append(_cell(v))
                buf[width].append(rownum)
                if len(buf[width]) >= BATCH_ROWS:
                    yield _batch(buf, headers)
                    buf = [[] for _ in range(width + 1)]
            if buf[width]:
                yield _batch(buf, headers)

        staged = _stage_batches(store, name, headers, batches(), path.name)
        return (*staged, ws.title)
    finally:
        wb.close()


def _batch(buf: list[list], headers: list[str]) -> pa.RecordBatch:
    arrays = [pa.array(col, pa.string()) for col in buf[:-1]] + [pa.array(buf[-1], pa.int64())]
    return pa.RecordBatch.from_arrays(arrays, names=[*headers, ROW])


def _stage_parquet(store: Store, path: Path, name: str) -> tuple[list[str], int]:
    try:
        store.create_temp_parquet_view(name, path)
    except Exception as exc:
        raise InputError(f"无法读取 Parquet 文件：{exc}", f"cannot read parquet: {exc}",
                         fix="确认文件完整", location=Location(file=path.name)) from exc
    table = store.table(name)
    headers = [c for c in table.columns if c != ROW]
    _check_headers(headers, path.name)
    return headers, int(store.execute(table.count()))


def csv_bytes(rows: list[dict]) -> bytes:
    """Write records to CSV bytes with a UTF-8 BOM (for small reports)."""
    out = io.StringIO()
    if rows:
        w = csv.DictWriter(out, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    return b"\xef\xbb\xbf" + out.getvalue().encode("utf-8")
