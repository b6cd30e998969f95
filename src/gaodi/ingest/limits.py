"""Limits on what reading one file may cost, so that a small hostile file cannot exhaust the machine.

An XLSX file is a zip archive of XML: a few megabytes can unpack to gigabytes (a "zip bomb") or declare
millions of cells. Before a workbook is opened, the archive's unpacked size is compared with its packed
size (``xlsx_max_ratio``); while it is read, the cells are counted (``xlsx_max_cells``). A CSV row is read
in blocks of :data:`CSV_MAX_ROW_BYTES`; a longer row (one huge cell) is refused with a clear message.
The problem report of an import lists at most ``import_report_max_rows`` problems. Every refusal names
its limit and the setting that changes it (docs/settings.md).
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from gaodi.errors import InputError, Location

CSV_MAX_ROW_BYTES = 1 << 22  # Arrow's block size in readers._stage_csv: one row must fit in one block


@dataclass(frozen=True)
class ReadLimits:
    """How much one file may cost to read; defaults are those of :class:`gaodi.settings.Settings`."""

    xlsx_max_cells: int = 20_000_000
    xlsx_max_ratio: float = 100.0
    import_report_max_rows: int = 100_000

    @classmethod
    def from_settings(cls, settings) -> ReadLimits:
        return cls(settings.xlsx_max_cells, settings.xlsx_max_ratio, settings.import_report_max_rows)


def check_xlsx_archive(path: Path, limits: ReadLimits) -> None:
    """Refuse a workbook whose parts unpack to more than ``xlsx_max_ratio`` times its size on disk."""
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError) as exc:
        raise InputError(f"无法读取 Excel 文件：{exc}", f"cannot read workbook: {exc}",
                         fix="用 Excel 打开后另存为 .xlsx 再试", location=Location(file=path.name)) from exc
    packed = max(path.stat().st_size, 1)
    if unpacked > limits.xlsx_max_ratio * packed:
        raise InputError(
            f"Excel 文件解压后为 {unpacked / (1 << 20):,.0f} MB，是文件大小的 {unpacked / packed:,.0f} 倍，"
            f"超过 {limits.xlsx_max_ratio:g} 倍的上限（可能是压缩炸弹或大量空单元格）",
            f"the workbook unpacks to {unpacked / packed:,.0f} times its size, over the limit of "
            f"{limits.xlsx_max_ratio:g} (a zip bomb, or a sheet of formatted empty cells)",
            fix="在 Excel 中删除多余的空行空列后另存，或另存为 CSV；管理员可调整设置 GAODI_XLSX_MAX_RATIO",
            location=Location(file=path.name), details={"ratio": unpacked / packed, "limit": limits.xlsx_max_ratio,
                                                        "setting": "GAODI_XLSX_MAX_RATIO"})


def counted_rows(rows: Iterable[tuple], limits: ReadLimits, file: str, sheet: str | None) -> Iterator[tuple]:
    """``rows`` of a sheet, refused once they hold more than ``xlsx_max_cells`` cells (an empty row counts 1)."""
    cells = 0
    for number, row in enumerate(rows, start=1):
        cells += max(len(row), 1)
        if cells > limits.xlsx_max_cells:
            raise InputError(
                f"工作表超过 {limits.xlsx_max_cells:,} 个单元格的上限（读到第 {number:,} 行）",
                f"the sheet holds more than {limits.xlsx_max_cells:,} cells (at row {number:,})",
                fix="把数据分成几个文件，或另存为 CSV 导入；管理员可调整设置 GAODI_XLSX_MAX_CELLS",
                location=Location(file=file, sheet=sheet, row=number),
                details={"limit": limits.xlsx_max_cells, "setting": "GAODI_XLSX_MAX_CELLS"})
        yield row


def check_xlsx_cells(path: Path, sheet: str | int, limits: ReadLimits) -> None:
    """Count a sheet's cells in streaming mode, before a reader that loads it whole (pandas) opens it."""
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        ws = wb.worksheets[sheet] if isinstance(sheet, int) else wb[sheet]
    except (IndexError, KeyError):
        wb.close()
        return  # no such sheet: the reader says so with its own message
    try:
        for _ in counted_rows(ws.iter_rows(values_only=True), limits, path.name, ws.title):
            pass
    finally:
        wb.close()


def row_too_long(file: str, exc: Exception) -> InputError:
    """The error for a CSV row longer than one read block (Arrow: 'straddling object')."""
    return InputError(
        f"CSV 中有一行超过 {CSV_MAX_ROW_BYTES >> 20} MB（可能是一个极长的单元格或不成对的引号）",
        f"a CSV row is longer than {CSV_MAX_ROW_BYTES >> 20} MB (a huge cell or an unbalanced quote): {exc}",
        fix="检查文件中的引号是否成对，删去过长的单元格后重新导出", location=Location(file=file),
        details={"limit_bytes": CSV_MAX_ROW_BYTES})
