"""How an import error tells the user what to do, in the words of the place they import from.

The command line has options (``--skip-invalid``); the web import page has a checkbox, a column
mapping and a template button. The importer asks for the wording here, so a web user is never told to
type a flag and a terminal user is never told to click.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Edge = Literal["cli", "web"]


@dataclass(frozen=True)
class Hints:
    skip_invalid: str
    map_header: str  # {header}, {column}
    unit: str  # {header}, {column}, {unit}, {label}
    unknown_columns: str  # {label}
    see_headers: str  # {kind}
    bad_mapping: str  # {header}, {target}


HINTS: dict[str, Hints] = {
    "cli": Hints(
        skip_invalid="或用 --skip-invalid 只导入有效行",
        map_header="用 --map {header}=列名 指定",
        unit="请把表头写成“{label}({unit})”这样的形式，或使用 --unit {column}={unit}",
        unknown_columns="请改成 {label} 的标准表头，用 --map 原表头=列名 指定，"
                        "或用 --ignore-columns 明确忽略它们（忽略的列会记入导入日志）",
        see_headers="运行 gaodi kinds {kind} 查看标准表头，或用 gaodi data template {kind} 下载模板",
        bad_mapping="--map 把“{header}”映射到未知列 {target}",
    ),
    "web": Hints(
        skip_invalid="或勾选“只导入有效行”后重新上传",
        map_header="在“表头对应”中为“{header}”选择对应的字段",
        unit="请把表头写成“{label}({unit})”这样的形式后重新上传",
        unknown_columns="请在“表头对应”中为它们选择对应的字段，或选择“忽略此列”（忽略的列会记入导入日志）",
        see_headers="点击“下载模板”查看标准表头",
        bad_mapping="“表头对应”把“{header}”对应到了不存在的字段 {target}",
    ),
}


def hints(edge: str) -> Hints:
    return HINTS.get(edge, HINTS["cli"])
