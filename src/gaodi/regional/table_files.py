"""Read the long table a user brings (CSV, XLSX, Parquet) into a DataFrame, every column as text.

Reading as text keeps industry and region codes intact (``0111`` stays ``0111``); values are turned
into numbers, row by row with the reasons, by :func:`gaodi.regional.long_table.region_industry_matrix`.
CSV files exported by Chinese Excel are often GB18030 (GBK): UTF-8 is tried first, then GB18030.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from gaodi.errors import InputError, Location
from gaodi.ingest.text_frames import read_csv_text

SUFFIXES = (".csv", ".xlsx", ".xlsm", ".parquet")


def read_table_file(path: Path | str, sheet: str | None = None) -> pd.DataFrame:
    """Read ``path`` by its suffix; ``sheet`` picks an Excel sheet (default: the first)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(
            message=f"不支持的文件类型 {suffix or '（无后缀）'}",
            message_en=f"Unsupported file type {suffix or '(no suffix)'}.",
            fix=f"请提供 {', '.join(SUFFIXES)} 文件。",
            location=Location(file=str(path)),
        )
    if not path.is_file():
        raise InputError(
            message="找不到文件",
            message_en="File not found.",
            fix="检查路径是否正确。",
            location=Location(file=str(path)),
        )
    try:
        if suffix == ".csv":
            return read_csv_text(path, empty_as_missing=True)
        if suffix == ".parquet":
            return pd.read_parquet(path)
        return pd.read_excel(path, sheet_name=sheet or 0, dtype=str)
    except (ValueError, OSError, ImportError) as exc:
        raise InputError(
            message=f"无法读取文件：{exc}",
            message_en=f"Cannot read the file: {exc}",
            fix="确认文件没有损坏、没有被其他程序占用；Excel 请确认工作表名称正确。",
            location=Location(file=str(path), sheet=sheet),
        ) from exc

