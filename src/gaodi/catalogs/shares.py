"""Share tables: the part of a partial (*) class that counts in a catalogue, for the strict reading.

战略性新兴产业分类(2018) lists, for a class marked *, only some of its products. Without
product-level data such a class is left out under the strict reading; a share table gives, per
class, the share of its output that the listed products make (from product statistics or an
official conversion table), and the class then counts by that share.

The file is CSV or XLSX with columns 行业代码 (``code``) and 占比 (``share``: 0–1, or a
percentage written with ``%``), and optionally 来源 (``source``). Every code must be a partial
class of the catalogue; a bad row is refused naming the file, row and column.
"""

from __future__ import annotations

from pathlib import Path

from gaodi.catalogs.industry import IndustryCatalog
from gaodi.errors import InputError, Location

_CODE = ("行业代码", "code", "国民经济行业代码")
_SHARE = ("占比", "share", "纳入占比")


def read_share_table(path: str | Path, cat: IndustryCatalog, catalogue: str) -> dict[str, float]:
    """``{code: share}`` from a share table for the partial classes of ``catalogue``."""
    from gaodi.evaluation.files import read_indicator_table

    table = read_indicator_table(path)
    columns = {str(c).strip(): c for c in table.columns}
    code_col = next((columns[h] for h in _CODE if h in columns), None)
    share_col = next((columns[h] for h in _SHARE if h in columns), None)
    if code_col is None or share_col is None:
        raise InputError("占比表须有“行业代码”和“占比”两列。",
                         "A share table needs the columns 行业代码 (code) and 占比 (share).",
                         fix="第一行写表头：行业代码,占比,来源。", location=Location(file=str(path)))
    partial = {c for c, p in cat.codes_in(catalogue).items() if p}
    out: dict[str, float] = {}
    for k, row in enumerate(table.to_dict(orient="records")):
        where = Location(file=str(path), row=k + 2)
        code = str(row[code_col]).strip()
        if code not in partial:
            raise InputError(
                f"行业代码 {code} 不是“{cat.catalogue(catalogue).name}”中部分纳入(*)的小类。",
                f"{code} is not a partial (*) class of {catalogue}.",
                fix="占比表只列带 * 的小类；整类纳入的小类本来就全计。",
                location=Location(file=where.file, row=where.row, column=str(code_col)))
        text = str(row[share_col]).strip()
        try:
            share = float(text.rstrip("%")) / (100 if text.endswith("%") else 1)
        except ValueError:
            share = -1.0
        if not 0 <= share <= 1:
            raise InputError(f"占比 {text!r} 应在 0 到 1 之间（或 0% 到 100%）。",
                             f"Share {text!r} must be between 0 and 1.",
                             location=Location(file=where.file, row=where.row, column=str(share_col)))
        out[code] = share
    return out
