"""The blank sheet of an import kind: Chinese headers with their units, an example row, and a second
sheet that explains each column (what to write, its unit, the values allowed, the other headers taken).

The header of a column with a unit carries the store's unit (``营业收入(万元)``), so a filled template
imports without any unit option. The example row is marked as such in the explanation sheet.
"""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from stdnum.cn import uscc as stdnum_uscc

from gaodi.ingest.kinds import kind as get_kind
from gaodi.ingest.spec import Column, Kind
from gaodi.ingest.units import CANONICAL

DATA_SHEET = "填报"
HELP_SHEET = "填表说明"

TYPE_WORDS = {
    "text": "文字", "uscc": "18 位统一社会信用代码", "int": "整数", "float": "数字（不带单位）",
    "bool": "是 或 否", "date": "日期，如 2026-03-15", "year": "年份，如 2025",
    "period": "统计期：年度写 2025，1-N 月累计写 2026-10",
    "region": "行政区划代码或名称，如 430105 或 开福区（重名时写 长沙市开福区）",
    "industry": "国民经济行业（GB/T 4754-2017）小类代码或名称，如 1921 或 皮革服装制造",
    "enum": "从可选值中选一个",
}
REFERENCE_WORDS = {"parks": "库中已有园区的代码或名称", "chains": "库中已有产业链的代码或名称",
                   "clusters": "库中已有集群的代码或名称", "enterprises": "库中已有企业的信用代码",
                   "plans": "库中已有规划的代码", "segments": "库中已有环节的代码"}
TEXT_EXAMPLES = {"name": "示例名称", "park_id": "P001", "chain_id": "AE", "segment_id": "AE01",
                 "cluster_id": "CL01", "plan_id": "HN-15", "indicator_id": "I01", "product_code": "1090101",
                 "source": "湖南省统计局《2025年统计公报》", "code": "430105", "province_code": "430000",
                 "city_code": "430100", "catalogue": "高技术制造业", "scope": "制造业", "base": "上年=100",
                 "indicator": "规模以上工业增加值增速", "unit": "%"}


def header(column: Column) -> str:
    """The column's Chinese header, with the store's unit in brackets when it has one."""
    return column.label + (f"({CANONICAL[column.dimension]})" if column.dimension else "")


def example_uscc() -> str:
    """A well-formed credit code (GB 32100-2015 check digit), for the example row only."""
    body = "91430105MA4L00001"
    return body + stdnum_uscc.calc_check_digit(body)


def example(column: Column) -> object:
    if column.type == "uscc":
        return example_uscc()
    if column.type == "region":
        return "开福区"
    if column.type == "industry":
        return "皮革服装制造"
    if column.type == "enum":
        return next((k for k in column.choices or {} if not k.isascii()), next(iter(column.choices or {""})))
    if column.references and column.references[0] == "parks":
        return "示例园区"
    return {"int": 100, "float": 1234.5, "year": 2025, "period": "2025", "bool": "是",
            "date": "2026-03-15"}.get(column.type, TEXT_EXAMPLES.get(column.name, f"（{column.label}）"))


def explain(column: Column) -> list[str]:
    """One line of the explanation sheet: header, required, what to write, unit, choices, other headers."""
    what = TYPE_WORDS[column.type]
    if column.references:
        what = REFERENCE_WORDS.get(column.references[0], what)
    choices = "、".join(dict.fromkeys(k for k in (column.choices or {}) if not k.isascii()))
    return [header(column), "是" if column.required else "", what,
            CANONICAL.get(column.dimension, "") if column.dimension else "", choices,
            "、".join(a for a in column.aliases if a != column.label), column.help]


def template_workbook(kind_name: str) -> bytes:
    """The template of ``kind_name`` as XLSX bytes: a data sheet and an explanation sheet."""
    kind = get_kind(kind_name)
    book = Workbook()
    data = book.active
    data.title = DATA_SHEET
    data.append([header(c) for c in kind.columns])
    data.append([example(c) for c in kind.columns])
    bold = Font(bold=True)
    for cell in data[1]:
        cell.font = bold
    for cell in data[2]:
        cell.font = Font(italic=True, color="808080")
    for i, column in enumerate(kind.columns):
        data.column_dimensions[data.cell(1, i + 1).column_letter].width = max(12, 2 * len(header(column)) + 2)
        if column.type in ("text", "region", "industry", "uscc", "period"):
            data.cell(2, i + 1).number_format = "@"  # codes keep their leading zeros
    _help_sheet(book, kind)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _help_sheet(book: Workbook, kind: Kind) -> None:
    sheet = book.create_sheet(HELP_SHEET)
    sheet.append([f"{kind.label}：填表说明"])
    sheet["A1"].font = Font(bold=True, size=14)
    notes = [f"在“{DATA_SHEET}”表中从第 3 行起逐行填写；第 2 行是示例，导入前请删除。",
             "表头可用下表“表头”列的写法，也可用“也认的表头”中的任何一个；列的顺序不限。",
             "地区、行业、园区等既可填代码，也可填名称；名称对应多个时导入会列出候选并要求改填代码。",
             "带单位的列按表头括号中的单位填写数字，不要在数字里写单位。"]
    if kind.replace == "period":
        notes.append("同一统计期再次导入时，会整体替换库中该期的数据。")
    else:
        notes.append(f"按“{'、'.join(kind.column(k).label for k in kind.key)}”识别同一行：再次导入会替换相同的行。")
    if kind.help:
        notes.append(kind.help)
    for note in notes:
        sheet.append([note])
    sheet.append([])
    sheet.append(["表头", "必填", "填写内容", "单位", "可选值", "也认的表头", "说明"])
    head = sheet.max_row
    for cell in sheet[head]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
    for column in kind.columns:
        sheet.append(explain(column))
    for letter, width in zip("ABCDEFG", (22, 6, 40, 10, 30, 36, 30)):
        sheet.column_dimensions[letter].width = width
    for row in sheet.iter_rows(min_row=head + 1):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
