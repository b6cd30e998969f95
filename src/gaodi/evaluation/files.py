"""Read the user's evaluation inputs: indicator tables and pairwise matrices (CSV, XLSX)."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pandas as pd

from gaodi.errors import InputError, Location
from gaodi.ingest.text_frames import read_csv_text

def read_indicator_table(path: str | Path, sheet: str | None = None) -> pd.DataFrame:
    """Read a table whose rows are alternatives and whose columns are indicators.

    CSV cells are kept as text (so ids such as 统一社会信用代码 keep their leading zeros) and turned
    into numbers by the evaluation, which reports the row and column of any cell that is not one.
    """
    path = Path(path)
    if not path.exists():
        raise InputError(
            f"找不到文件 {path}。", f"File not found: {path}.", location=Location(file=str(path))
        )
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        try:
            frame = pd.read_excel(
                path, sheet_name=sheet if sheet is not None else 0, dtype=object, engine="openpyxl"
            )
        except ValueError as exc:
            raise InputError(
                f"无法读取工作表：{exc}。",
                f"Cannot read the sheet: {exc}.",
                location=Location(file=str(path), sheet=sheet),
            ) from None
    elif suffix in (".csv", ".txt"):
        frame = read_csv_text(path)
    else:
        raise InputError(
            f"不支持的文件类型 {suffix or '(无扩展名)'}。",
            f"Unsupported file type {suffix!r}.",
            fix="使用 .csv 或 .xlsx 文件。",
            location=Location(file=str(path)),
        )
    frame.columns = [str(c).strip() for c in frame.columns]
    return frame.dropna(how="all")


def read_pairwise_matrix(path: str | Path) -> pd.DataFrame:
    """Read a pairwise comparison matrix whose first row and first column name the indicators.

    Cells may be written as fractions ("1/3") as well as decimals.
    """
    frame = read_indicator_table(path)
    if frame.shape[1] < 2:
        raise InputError(
            "判断矩阵至少要有标签列和一列数值。",
            "The pairwise matrix needs a label column and values.",
            location=Location(file=str(path)),
        )
    frame = frame.set_index(frame.columns[0])
    frame.index = [str(i).strip() for i in frame.index]
    return frame.map(_ratio)


def _ratio(value: object) -> object:
    if isinstance(value, str):
        text = value.strip()
        try:
            return float(Fraction(text)) if "/" in text else float(text)
        except (ValueError, ZeroDivisionError):
            return value
    return value
