"""Read a small CSV a user brings into a DataFrame of text, whatever Excel saved it as.

For the tools that take a table beside the store (``gaodi evaluate table``, ``gaodi region --input``,
the 送解优 collection files). Every cell stays text, so codes keep their leading zeros; UTF-8 (with or
without BOM) is tried first, then GB18030, the superset of the GBK that Chinese Excel writes.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from gaodi.errors import InputError, Location

ENCODINGS = ("utf-8-sig", "gb18030")


def read_csv_text(path: Path, *, empty_as_missing: bool = False) -> pd.DataFrame:
    """Every column as text; ``empty_as_missing`` turns empty cells into missing values."""
    for encoding in ENCODINGS:
        try:
            return pd.read_csv(path, dtype=str, encoding=encoding, keep_default_na=False,
                               na_values=[""] if empty_as_missing else None)
        except UnicodeDecodeError:
            continue
        except pd.errors.ParserError as exc:
            raise InputError(f"CSV 文件格式有误：{exc}", f"Malformed CSV: {exc}",
                             fix="检查引号和分隔符，某行的列数可能与表头不一致",
                             location=Location(file=str(path))) from None
    raise InputError("无法识别文件编码（既不是 UTF-8 也不是 GBK）", "Unknown encoding (neither UTF-8 nor GBK)",
                     fix="在 Excel 中另存为“CSV UTF-8”", location=Location(file=str(path)))
