"""Read the indicator table (专栏) of a plan: find the header, map its columns, read each row.

Columns are recognised by their header, in any order: 序号/编号, 类别/领域, 指标名称/指标, 单位,
基期值/基数/现状值, 目标值, a bare year (2025年, 2030年), 属性 (预期性/约束性), 责任单位/牵头单位.
A year in a header ("基期值（2025年）") is the year of that column. With bare year columns only, the
earliest is the base and the others are targets; with several target columns the latest is the
target and the earlier ones are milestones. A row is taken only when every cell is read;
otherwise it is reported as unread with the reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from gaodi.errors import InputError
from gaodi.plan.blocks import Row, Table
from gaodi.plan.model import MONEY_UNITS, Footnote, Indicator, Target
from gaodi.plan.numerals import in_digits
from gaodi.plan.quantity import (
    EMPTY_MARKS,
    QuantityError,
    compact,
    halfwidth,
    parse_amount,
    parse_base,
    same_unit,
)
from gaodi.plan.relations import read_relative, resolve
from gaodi.plan.unread import UnreadItem

_YEAR = re.compile(r"\(?((?:19|20)\d{2})年?(?:底|末)?\)?")
_MARK = re.compile(r"([*※△▲#①-⑳]+)$")
_SECTION_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]+[、.]|\(?[一二三四五六七八九十\d]+\)|\d+[、.])")
_SUBJECTS = {"产业", "行业", "重点产业", "产业集群", "产业链", "集群", "项目"}  # a table of sectors
_FOOTNOTE_START = re.compile(r"^(?:注|备注|说明)\s*\d?\s*[:：]")


@dataclass
class Column:
    index: int
    role: str
    year: int | None = None


@dataclass
class TableReading:
    """What one table gave: indicators, unread rows, its caption and the years of its columns."""

    indicators: list[Indicator] = field(default_factory=list)
    unread: list[UnreadItem] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    caption: str = ""
    base_year: int | None = None
    target_year: int | None = None
    is_indicator_table: bool = False


def column_role(header: str) -> tuple[str | None, int | None]:
    """Map a header cell to its role (number, category, name, unit, base, target, year, attribute,
    responsible) and the year it names; (None, year) for an unknown header."""
    h = compact(header)
    m = _YEAR.search(h)
    year = int(m.group(1)) if m else None
    label = _YEAR.sub("", h).strip("()（）")
    if not label:
        return ("year" if year else None), year
    if "序号" in label or "编号" in label:
        return "number", year
    if label in {"类别", "类型", "分类", "领域", "方面", "维度", "一级指标", "指标类别", "指标类型"}:
        return "category", year
    if "属性" in label:
        return "attribute", year
    if any(w in label for w in ("责任", "牵头", "主管")):
        return "responsible", year
    if "单位" in label:
        return "unit", year
    if any(w in label for w in ("基期", "基数", "基准", "现状", "基年")) or label == "现值":
        return "base", year
    if any(w in label for w in ("目标", "规划值", "预期值")):
        return "target", year
    if any(w in label for w in ("指标", "名称", "内容")) or label in _SUBJECTS:
        return "name", year
    return None, year


def parse_footnotes(text: str) -> list[Footnote]:
    """Split a note under a table ("注：[ ]代表累计数。加*表示为2024年数据。") into footnotes.

    A note naming a mark ("*", "※", "[ ]") explains it; "为2024年数据" gives the base year it means.
    """
    written = text.strip()
    h = halfwidth(written)  # one character for one: indices match the text as written
    lead = _FOOTNOTE_START.match(h)
    notes: list[Footnote] = []
    pos = lead.end() if lead else 0
    for m in re.finditer(r"[^。;；]+[。;；]?", h[pos:]):
        sentence_h = m.group(0).strip()
        if not sentence_h:
            continue
        sentence = written[pos + m.start(): pos + m.end()].strip().rstrip("。;；")
        mark = None
        if re.match(r"^\[\s*\]", sentence_h):
            mark = "[]"
        else:
            k = re.match(r"^(?:加|带|标有|标)?\s*([*※△▲#①-⑳])\s*(?:号)?", sentence_h)
            if k:
                mark = k.group(1)
        year = None
        y = re.search(r"((?:19|20)\d{2})年(?:的)?(?:数据|数值|值)", sentence_h)
        if mark and mark != "[]" and y:
            year = int(y.group(1))
        notes.append(Footnote(mark=mark, text=sentence, base_year=year))
    return notes


def is_footnote(text: str) -> bool:
    """Tell whether a paragraph is a note under a table (starts with 注：/备注：/说明：)."""
    return bool(_FOOTNOTE_START.match(halfwidth(text).strip()))


def _unread(row: Row, reason: str, reason_en: str, kind: str = "table_row") -> UnreadItem:
    return UnreadItem(kind=kind, line=row.line, text=" | ".join(row.cells), reason=reason,
                      reason_en=reason_en)


def _find_header(table: Table) -> tuple[int, Row, list[Row], list[Column]] | None:
    """Return (rows before the header, header row, data rows, columns) or None without a header."""
    for i, row in enumerate(table.rows[:4]):
        found = {column_role(c)[0] for c in row.cells}
        if "name" in found and ({"target", "year"} & found):
            cells, rest = row.cells, table.rows[i + 1:]
            if rest and (merged := _merge_second_header(cells, rest[0].cells)) is not None:
                cells, rest = merged, rest[1:]
            columns = [Column(k, r, y) for k, (r, y) in enumerate(map(column_role, cells)) if r]
            return i, Row(row.line, cells), rest, _resolve_years(columns)
    return None


def _merge_second_header(cells: list[str], below: list[str]) -> list[str] | None:
    """Join a second header row of years ("2027年", "2030年") under a spanning "目标值" cell."""
    if not any(c and column_role(c)[0] == "year" for c in below):
        return None
    for k, c in enumerate(below):
        if c and column_role(c)[0] != "year" and (k >= len(cells) or c != cells[k]):
            return None
    merged: list[str] = []
    spanning = ""
    for k in range(max(len(cells), len(below))):
        top = cells[k] if k < len(cells) else ""
        spanning = top or spanning
        under = below[k] if k < len(below) else ""
        top = top or (spanning if under else "")
        merged.append(top + under if under and under != top else top)
    return merged


def _resolve_years(columns: list[Column]) -> list[Column]:
    years = [c for c in columns if c.role == "year"]
    if years:
        has_base = any(c.role == "base" for c in columns)
        first = min(years, key=lambda c: c.year or 0)
        for c in years:
            c.role = "target" if has_base or c is not first or len(years) == 1 else "base"
    return columns


def read_indicator_table(table: Table, footnotes: list[Footnote], base_year: int | None,
                         target_year: int | None) -> TableReading:
    """Read ``table`` into indicators; ``base_year``/``target_year`` fill in missing years."""
    reading = TableReading()
    found = _find_header(table)
    if found is None:
        first = table.rows[0] if table.rows else Row(table.line, [])
        reading.unread.append(_unread(first, "表格没有可识别的表头（需有 指标名称 列和 目标值/年份 列），整张表未读",
                                      "no recognisable header (needs an indicator-name column "
                                      "and a target or year column); the table was not read",
                                      "table"))
        return reading
    header_at, header, data_rows, columns = found
    reading.is_indicator_table = True
    reading.caption = " ".join(c for r in table.rows[:header_at] for c in r.cells if c)
    by_role: dict[str, list[Column]] = {}
    for c in columns:
        by_role.setdefault(c.role, []).append(c)
    for k, cell in enumerate(header.cells):
        if cell and all(c.index != k for c in columns):
            reading.unread.append(_unread(header, f"未识别的列「{cell}」，该列已忽略",
                                          f"unknown column '{cell}' was ignored", "header"))
    bases = by_role.get("base", [])
    reading.base_year = (bases[0].year if bases else None) or base_year
    targets = sorted(by_role.get("target", []), key=lambda c: c.year or 9999)
    reading.target_year = (targets[-1].year if targets else None) or target_year
    for row in data_rows:  # a note may sit in the table's last row; read it before the rows
        distinct = {c for c in row.cells if c}
        if len(distinct) == 1 and is_footnote(only := distinct.pop()):
            reading.footnotes.extend(parse_footnotes(only))
    marks = {f.mark: f for f in [*footnotes, *reading.footnotes] if f.mark}
    category = None
    number = 0
    for row in data_rows:
        distinct = {c for c in row.cells if c}
        if not distinct:
            continue
        if len(distinct) == 1:
            only = distinct.pop()
            if is_footnote(only):
                continue
            if not _has_number(row, by_role):
                category = _SECTION_NUMBER.sub("", only).strip()
                continue
        number += 1
        own = _cell(row, by_role, "category") if len(row.cells) >= len(header.cells) else None
        category = compact(own) if own else category  # a merged 类别 cell is blank below row 1
        result = _read_row(row, by_role, len(header.cells), marks, reading, category, number)
        if isinstance(result, UnreadItem):
            reading.unread.append(result)
        else:
            reading.indicators.append(result)
    return reading


def _has_number(row: Row, by_role: dict[str, list[Column]]) -> bool:
    for role in ("base", "target"):
        for c in by_role.get(role, []):
            if c.index < len(row.cells) and re.search(r"\d", row.cells[c.index]):
                return True
    return False


def _cell(row: Row, by_role: dict[str, list[Column]], role: str) -> str | None:
    cols = by_role.get(role)
    if not cols:
        return None
    return row.cells[cols[0].index].strip()


def _read_row(row: Row, by_role: dict[str, list[Column]], width: int, marks: dict[str, Footnote],
              reading: TableReading, category: str | None, ordinal: int) -> Indicator | UnreadItem:
    if len(row.cells) < width:
        return _unread(row, f"该行只有 {len(row.cells)} 个单元格，表头有 {width} 列，无法对齐各列",
                       f"the row has {len(row.cells)} cells but the header has {width} columns")
    if any(c for c in row.cells[width:]):
        return _unread(row, f"该行有 {len(row.cells)} 个单元格，多于表头的 {width} 列",
                       f"the row has {len(row.cells)} cells, more than the {width} header columns")
    name = _cell(row, by_role, "name") or ""
    if not name:
        return _unread(row, "缺少指标名称", "the indicator name is empty")
    number = _cell(row, by_role, "number")
    if number is None:
        number = str(ordinal)
    number = compact(number).rstrip(".、")
    if not number:
        return _unread(row, "缺少序号", "the number (序号) is empty")
    unit = _cell(row, by_role, "unit")
    if unit is None:
        m = re.search(r"[(（]([^()（）]+)[)）]$", name)
        if m:
            unit, name = m.group(1), name[: m.start()].strip()
    unit = compact(unit) if unit and compact(unit) not in EMPTY_MARKS else None
    try:
        base, base_marks = parse_base(_cell(row, by_role, "base") or "/")
        targets = [_read_target(row, c, unit, reading.target_year)
                   for c in by_role.get("target", [])]
    except QuantityError as exc:
        return _unread(row, exc.zh, exc.en)
    except InputError as exc:
        return _unread(row, exc.message, exc.message_en)
    if not targets:
        return _unread(row, "没有目标值列", "there is no target column")
    all_marks = base_marks + [m for t, ms in targets for m in ms]
    base_year, base_note = reading.base_year, None
    for mark in base_marks + [m for _, ms in targets for m in ms]:
        if mark == "[]":
            continue
        note = marks.get(mark)
        if note is None:
            return _unread(row, f"单元格带有标记「{mark}」，但表下注释中没有说明它的含义",
                           f"a cell carries the mark '{mark}' but no note explains it")
        if mark in base_marks and note.base_year:
            base_year, base_note = note.base_year, note.text
    attribute = _cell(row, by_role, "attribute")
    if attribute:
        attribute = compact(attribute)  # 预期, 预期性, 预期性指标 → 预期性
        attribute = next((full for short, full in (("预期", "预期性"), ("约束", "约束性"))
                          if attribute.startswith(short)), attribute)
        if attribute not in ("预期性", "约束性"):
            return _unread(row, f"属性「{attribute}」应为 预期性 或 约束性",
                           f"attribute '{attribute}' must be 预期性 or 约束性")
    if base is not None:  # "比2025年提高2个百分点" in a target cell: absolute on the row's base
        targets = [(_on_base(t, base, base_year), ms) for t, ms in targets]
    main = targets[-1][0]
    try:
        return Indicator(
            number=number, name=name.strip(), unit=unit, category=category or None, base=base,
            base_year=base_year, base_note=base_note, target=main,
            milestones=[t for t, _ in targets[:-1]], attribute=attribute or None,
            responsible=_cell(row, by_role, "responsible") or None,
            footnote_marks=list(dict.fromkeys(all_marks)), source="table", line=row.line)
    except InputError as exc:
        return _unread(row, exc.message, exc.message_en)


def _on_base(target: Target, base: float, base_year: int | None) -> Target:
    relation = target.relation
    if target.op != "relative" or relation is None or relation.base_year not in (None, base_year):
        return target
    return resolve(target, base)


def _read_target(row: Row, col: Column, unit: str | None,
                 default_year: int | None) -> tuple[Target, list[str]]:
    text = row.cells[col.index]
    marks: list[str] = []
    m = _MARK.search(compact(text))
    if m:
        marks.append(m.group(1))
        text = compact(text)[: m.start()]
    if re.search(r"\[.*\]", compact(text)):
        marks.append("[]")
    year = col.year or default_year
    relative = read_relative(compact(in_digits(text)), year) if year else None
    if relative is not None and relative.target.relation is not None and not relative.subject:
        return relative.target, marks
    amount = parse_amount(in_digits(text), year=year)  # 2.8万家 → 28000家
    target = amount.target.model_copy(update={"text": text.strip()})
    if amount.unit and unit and not target.rank and not same_unit(amount.unit, unit):
        if amount.unit in MONEY_UNITS and unit in MONEY_UNITS:  # 1万亿元 under 亿元: 10000
            return _in_unit(target, MONEY_UNITS[amount.unit] / MONEY_UNITS[unit]), marks
        raise QuantityError(f"目标值的单位「{amount.unit}」与单位列「{unit}」不同",
                            f"the target's unit '{amount.unit}' differs from the unit '{unit}'")
    return target, marks


def _in_unit(target: Target, factor: float) -> Target:
    """The target's amounts times ``factor`` (a ratio of money units), rounded off float noise."""
    return target.model_copy(update={
        k: round(v * factor, 10) for k in ("value", "low", "high")
        if (v := getattr(target, k)) is not None})
