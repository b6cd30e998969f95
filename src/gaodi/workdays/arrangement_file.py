"""Reading an official holiday arrangement (节假日安排) from a YAML file, every error with its line.

The file transcribes one State Council notice (国务院办公厅关于YYYY年部分节假日安排的通知)::

    year: 2027
    document_number: 国办发明电〔2026〕12号     # 文号, as printed on the notice
    issued_on: 2026-11-10                      # 发布日期
    title: 国务院办公厅关于2027年部分节假日安排的通知
    holidays:                                  # 放假（调休）: one entry per holiday, as the notice lists them
      - {name: 元旦, from: 2027-01-01, to: 2027-01-03}
      - {name: 春节, from: 2027-02-05, to: 2027-02-13}
    workdays:                                  # 调休上班的周末
      - {name: 春节, date: 2027-02-20}

Checks (each refusal names the file, the line and the fix): the year and the document are given;
every date lies in the year; ``from`` is not after ``to``; a make-up working day is a Saturday or
Sunday and not also a day off; and every statutory holiday of the year (元旦, 劳动节 5-1/5-2, 国庆节
10-1 to 10-3, and 春节, 清明, 端午, 中秋 as computed) is among the days off, since a notice that
leaves one out has been mistyped.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

import yaml

from gaodi.errors import InputError, Location
from gaodi.workdays.arrangement import OFFICIAL, YearArrangement
from gaodi.workdays.statutory import (
    FIRST_PROVISIONAL_YEAR,
    LAST_PROVISIONAL_YEAR,
    statutory_holidays,
)

__all__ = ["parse_arrangement", "read_arrangement_file"]

_TOP_KEYS = {"year", "document_number", "issued_on", "title", "holidays", "workdays", "note"}


def read_arrangement_file(path) -> tuple[YearArrangement, str]:
    """Read and check one arrangement file; return it and its text (to keep in the store)."""
    from pathlib import Path

    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(message="节假日安排文件不存在", message_en="arrangement file not found",
                         location=Location(file=str(path)), fix="检查路径 (check the path)") from None
    except UnicodeDecodeError:
        raise InputError(message="节假日安排文件不是 UTF-8 文本", message_en="the file is not UTF-8 text",
                         location=Location(file=path.name), fix="另存为 UTF-8 编码 (save as UTF-8)") from None
    return parse_arrangement(text, path.name), text


def parse_arrangement(text: str, file_name: str = "arrangement.yaml") -> YearArrangement:
    """Parse and check the text of an arrangement file (see the module docstring for the format)."""
    def fail(line: int | None, column: str | None, zh: str, en: str, fix: str) -> InputError:
        return InputError(message=zh, message_en=en, fix=fix,
                          location=Location(file=file_name, row=line, column=column),
                          code="bad_arrangement_file")

    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise fail(mark.line + 1 if mark else None, None, f"YAML 格式错误：{getattr(exc, 'problem', exc)}",
                   f"not valid YAML: {exc}", "检查缩进、冒号与括号 (check indentation, colons, brackets)") from None
    if not isinstance(data, dict) or root is None:
        raise fail(1, None, "文件应为键值对（year、document_number、holidays …）",
                   "the file must be a mapping (year, document_number, holidays ...)",
                   "参照 docs/enterprise-services.md 中的样例文件 (follow the sample file)")
    lines = {key.value: key.start_mark.line + 1 for key, _ in root.value}
    items = {key.value: value for key, value in root.value}

    for key in data:
        if key not in _TOP_KEYS:
            raise fail(lines.get(key), str(key), f"未知的键「{key}」", f"unknown key {key!r}",
                       "可用的键 (allowed)：" + "、".join(sorted(_TOP_KEYS)))
    year = data.get("year")
    if isinstance(year, bool) or not isinstance(year, int) or not FIRST_PROVISIONAL_YEAR <= year <= LAST_PROVISIONAL_YEAR:
        raise fail(lines.get("year", 1), "year", f"年份无效：{year!r}", f"invalid year: {year!r}",
                   f"填写 {FIRST_PROVISIONAL_YEAR}–{LAST_PROVISIONAL_YEAR} 之间的四位年份，如 year: 2027")
    document = data.get("document_number")
    if not isinstance(document, str) or not document.strip():
        raise fail(lines.get("document_number", 1), "document_number", "缺少文号 document_number",
                   "document_number is missing",
                   "填写通知的文号，如 document_number: 国办发明电〔2026〕12号 (the notice's number)")
    issued = data.get("issued_on")
    if not isinstance(issued, dt.date) or isinstance(issued, dt.datetime) or issued.year > year:
        raise fail(lines.get("issued_on", 1), "issued_on", f"发布日期无效：{issued!r}",
                   f"invalid issued_on: {issued!r}", "填写通知的发布日期 YYYY-MM-DD，不晚于所安排的年份")

    holidays: dict[dt.date, str] = {}
    for line, entry in _entries(items.get("holidays"), "holidays", lines, fail):
        name = _name(entry, line, fail)
        if "date" in entry and "from" not in entry and "to" not in entry:  # a one-day holiday
            start = end = _date(entry, "date", year, line, fail)
        else:
            start, end = _date(entry, "from", year, line, fail), _date(entry, "to", year, line, fail)
        if start > end:
            raise fail(line, "from", f"{name}：开始日 {start} 晚于结束日 {end}", f"{name}: from is after to",
                       "交换 from 与 to (swap from and to)")
        day = start
        while day <= end:
            if day in holidays:
                raise fail(line, "from", f"{day} 重复列为放假日（{holidays[day]}、{name}）",
                           f"{day} is listed twice as a day off", "删除重复的日期 (remove the overlap)")
            holidays[day] = name
            day += dt.timedelta(days=1)
    if not holidays:
        raise fail(lines.get("holidays", 1), "holidays", "没有放假日 holidays",
                   "no holidays listed", "按通知逐项填写放假日期 (list the notice's holidays)")
    workdays: dict[dt.date, str] = {}
    for line, entry in _entries(items.get("workdays"), "workdays", lines, fail, required=False):
        name, day = _name(entry, line, fail), _date(entry, "date", year, line, fail)
        if day.weekday() < 5:
            raise fail(line, "date", f"{day} 是周{'一二三四五'[day.weekday()]}，调休上班日应为周六或周日",
                       f"{day} is a weekday; a make-up working day is a Saturday or Sunday",
                       "核对通知中的上班日期 (check the date in the notice)")
        if day in holidays or day in workdays:
            raise fail(line, "date", f"{day} 同时列为放假日和上班日（或重复）", f"{day} is listed twice",
                       "核对通知 (check the notice)")
        workdays[day] = name
    for day, name in sorted(statutory_holidays(year).items()):
        if day.year == year and day not in holidays:
            raise fail(lines.get("holidays", 1), "holidays",
                       f"法定节假日 {day}（{name}）不在放假日中", f"the statutory holiday {day} ({name}) is missing",
                       "核对通知；《全国年节及纪念日放假办法》规定的节日当天必须放假 (check the notice)")
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    title = data.get("title") or f"国务院办公厅关于{year}年部分节假日安排的通知"
    return YearArrangement(year, OFFICIAL, holidays, workdays, document_number=document.strip(),
                           issued_on=issued, title=str(title), source=f"{file_name} sha256:{sha[:12]}")


def _entries(node, key: str, lines: dict, fail, required: bool = True) -> list[tuple[int, Any]]:
    """The list under ``key`` as (line, mapping) pairs."""
    if node is None:
        if required:
            raise fail(lines.get(key, 1), key, f"缺少 {key}", f"{key} is missing", f"添加 {key}: 列表 (add a list)")
        return []
    if not isinstance(node, yaml.SequenceNode):
        raise fail(lines.get(key), key, f"{key} 应为列表", f"{key} must be a list",
                   "每项以 “- ” 开头 (start each item with '- ')")
    out = []
    for item in node.value:
        line = item.start_mark.line + 1
        value = yaml.safe_load(yaml.serialize(item))
        if not isinstance(value, dict):
            raise fail(line, key, f"{key} 的每一项应为 name 与日期的键值对", f"each {key} item must be a mapping",
                       "如 - {name: 元旦, from: 2027-01-01, to: 2027-01-03}")
        out.append((line, value))
    return out


def _name(entry: dict, line: int, fail) -> str:
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise fail(line, "name", "缺少节日名称 name", "name is missing", "如 name: 春节 (e.g. name: 春节)")
    return name.strip()


def _date(entry: dict, key: str, year: int, line: int, fail) -> dt.date:
    value = entry.get(key)
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value.strip())
        except ValueError:
            value = None
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise fail(line, key, f"{key} 不是日期：{entry.get(key)!r}", f"{key} is not a date: {entry.get(key)!r}",
                   "写成 YYYY-MM-DD，如 2027-01-01 (write YYYY-MM-DD)")
    if value.year != year:
        raise fail(line, key, f"{value} 不在 {year} 年", f"{value} is not in {year}",
                   f"只列 {year} 年的日期；跨年的周末无须列出 (list dates of {year} only)")
    return value
