"""Read the target sentences of a plan: which year governs which clause.

A paragraph is cut into sentences (。；！？ and their ASCII forms) and each sentence into clauses
(，：and 、 after an amount: "占比力争达到40%、其中…稳定在30%以上"). A clause is read only under a
governing year:

* "到/至/截至 2030年", "2030年前", "2030年底前", "十五五末", "十五五期间" anywhere: the year of that
  clause (2030 for the last two) and those after it,
  unless it is before the document's year ("截至2025年底" in a 2026 plan states a fact);
* a bare "2025年，…" (or "2025年全省…") at the start of a clause: a target year when it is after
  the year the document was issued, or that year with 力争/确保/争取/目标/预计/左右/以上 in the
  sentence (or, without an issue date, after the plan's base year; without either, with
  力争/确保/争取/目标/预计). An earlier year states a past figure: the clauses after it are facts;
* a year opening the paragraph's first sentence governs the paragraph's later sentences too.

What each clause says is read by :mod:`gaodi.plan.clause_targets`.
"""

from __future__ import annotations

import re

from gaodi.errors import InputError
from gaodi.plan.blocks import Paragraph
from gaodi.plan.clause_targets import Clause, SentenceReading, read_clause, sector_name
from gaodi.plan.quantity import QuantityError, halfwidth
from gaodi.plan.relations import KnownBase
from gaodi.plan.unread import UnreadItem

__all__ = ["SentenceReading", "read_target_sentences", "sector_name"]

_YEAR = re.compile(r"(?:到|至|截至|截止)(20\d{2})年(?:底|末)?|(20\d{2})年(?:底|末)?(?:以)?前|"
                   r"(?:到|至)?[\"“]?(十[三四五六七])五[\"”]?(?:期|时期)?末|"
                   r"[\"“]?(十[三四五六七])五[\"”]?(?:期间|时期)(?!末)")
_FIVE_YEAR_END = {"十三": 2020, "十四": 2025, "十五": 2030, "十六": 2035, "十七": 2040}
_SPAN = re.compile(r"^(?:20\d{2})年?\s*[—–\-~至到]\s*(?:20\d{2})年(?:间|期间)?")
_BARE_YEAR = re.compile(r"^(20\d{2})年(?:底|末|度)?(?:目标|主要目标|发展目标)?(?=$|[^\d月日])")
_TARGET_WORDS = re.compile(r"力争|确保|争取|目标|预计|预期|努力")
_PREAMBLE = re.compile(r"(?:明确|提出|要求|计划|目标是|目标为|力争|预计|确保|争取)$")
_LEAD = re.compile(r"^(?:其中|力争|确保|争取|努力|全力|同时|并|且|和)+")
_NUMBERING = r"(?:\d+|[一二三四五六七八九十]+)[.、]|\(?[一二三四五六七八九十\d]+\)"
_INLINE_HEADING = re.compile(rf"^\s*(?:{_NUMBERING})\s*([^。,;:]{{1,24}}?)。|"
                             r"^\s*([^。,;:\d]{2,16}(?:产业|制造业|服务业|装备|材料))。")
_LINE_HEADING = re.compile(rf"^\s*(?:{_NUMBERING})\s*([^。,;:]{{1,24}})$")
_LIST_ITEM = re.compile(rf"^\s*(?:——|—|-|•|·|{_NUMBERING}|[一二三四五六七八九十]是)")
_SENTENCE_END = r"[。;；!?！？]|\.(?!\d)"
# A comma ends a clause unless it separates thousands ("3,400亿元"); 、 ends one after an amount.
_CLAUSE_END = r":|(?<!\d),|,(?!\d{3}(?!\d))|(?<=[\d%‰元家个项条户座所件台套位名倍上下内右])、(?!\d)"


class _Years:
    """Decide whether a bare year ("2025年，") states a target or a past figure."""

    def __init__(self, doc_year: int | None, base_year: int | None) -> None:
        self.doc_year, self.base_year = doc_year, base_year

    def is_past(self, year: int) -> bool:
        """A year before the document's (or, without it, not after the plan's base year)."""
        if self.doc_year is not None:
            return year < self.doc_year
        return self.base_year is not None and year <= self.base_year

    def is_target(self, year: int, sentence: str) -> bool:
        if self.doc_year is not None:  # the document's own year: a goal only when it says so
            return year > self.doc_year or (year == self.doc_year and bool(
                _TARGET_WORDS.search(sentence) or re.search(r"左右|以上|不低于|不少于", sentence)))
        if self.base_year is not None:
            return year > self.base_year
        return bool(_TARGET_WORDS.search(sentence))


def read_target_sentences(paragraphs: list[Paragraph], doc_year: int | None = None,
                          base_year: int | None = None) -> SentenceReading:
    """Read every target sentence of ``paragraphs`` (the running text, without table notes).

    ``doc_year`` is the year the document was issued, ``base_year`` the plan's base year; they
    tell a target year from a past one when a sentence starts with a bare year.
    """
    out = SentenceReading()
    years = _Years(doc_year, base_year)
    section: str | None = None
    carried: int | None = None  # a year stated over the paragraphs that follow
    carried_over_list = False   # …only over list items ("——", "1.", "（一）") after "到2027年：" ends
    for para in paragraphs:
        text = halfwidth(para.text)  # one character for one: indices match the original text
        item = bool(_LIST_ITEM.match(text))
        if carried and carried_over_list and not item:
            carried = None
        line_heading = _LINE_HEADING.match(text)
        if line_heading or _is_heading(text):
            carried, carried_over_list = _heading_year(text, years), False
            if line_heading:
                section = sector_name(line_heading.group(1))
                continue
        inline = _INLINE_HEADING.match(text)
        heading = sector_name(inline.group(1) or inline.group(2)) if inline else None
        paragraph_year: int | None = None
        year: int | None = None
        for k, (start, end) in enumerate(_spans(text, _SENTENCE_END)):
            sentence = Clause(text[start:end], para.text[start:end]).unspaced()
            opened, year = _read_sentence(sentence, paragraph_year or carried, years, para.line,
                                          heading, section, out)
            if k == 0:
                paragraph_year = opened
        if text.rstrip().endswith(":") and year is not None:
            carried, carried_over_list = year, True
    return out


def _is_heading(text: str) -> bool:
    """A short line without a full stop: a heading such as "（一）2027年目标" or "主要目标"."""
    return len(text.strip()) <= 30 and not re.search(r"[。;!?,]", text)


def _heading_year(text: str, years: _Years) -> int | None:
    """The year a heading states for the section under it ("到2027年主要目标"), if any."""
    if m := _YEAR.search(text):
        return _year_of(m)
    body = re.sub(rf"^\s*(?:{_NUMBERING})\s*", "", text)
    if (m := _BARE_YEAR.match(body)) and years.is_target(int(m.group(1)), "目标"):
        return int(m.group(1))
    return None


def _states_amount(clause: Clause, line: int) -> bool:
    """Tell whether a clause states an amount (read under a stand-in year), readable or not."""
    scratch = SentenceReading()
    try:
        read_clause(clause, 2100, clause.o, line, None, None, scratch)
    except (QuantityError, InputError):
        return True
    return bool(scratch.sector_targets or scratch.count_targets or scratch.indicators)


def _facts(clause: Clause, year: int, line: int) -> list[KnownBase]:
    """Figures a clause states for a past year, as bases for relative targets; none if unreadable."""
    scratch = SentenceReading()
    try:
        read_clause(clause, year, clause.o, line, None, None, scratch)
    except (QuantityError, InputError):
        return []
    return scratch.as_facts()


def _year_of(m: re.Match[str]) -> int:
    """The year a match names: 2030 for "到2030年", and for "十五五末" or "十五五期间"."""
    period = m.group(3) or m.group(4)
    return _FIVE_YEAR_END[period] if period else int(m.group(1) or m.group(2))


def _spans(text: str, separator: str) -> list[tuple[int, int]]:
    """Cut ``text`` after each separator; return the (start, end) of every piece."""
    spans, start = [], 0
    for m in re.finditer(separator, text):
        spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _without_lead(clause: Clause) -> Clause:
    lead = _LEAD.match(clause.h)
    return clause.cut(lead.end()).strip() if lead else clause


def _read_sentence(sentence: Clause, inherited: int | None, years: _Years, line: int,
                   heading: str | None, section: str | None,
                   out: SentenceReading) -> tuple[int | None, int | None]:
    """Read the clauses of one sentence; return the year it opens with and the year at its end."""
    year = inherited
    past: int | None = None  # a year before the document's: its figures are facts, not targets
    span: str | None = None  # a span of years ("2025—2027年"): its figures are reported
    opened: int | None = None
    source = sentence.o.strip()
    out.last_subject = None
    for k, (start, end) in enumerate(_spans(sentence.h, _CLAUSE_END)):
        clause = _without_lead(sentence.cut(start, end).strip())
        if m := _YEAR.search(clause.h):
            year = _year_of(m)
            if years.is_past(year):  # "截至2025年底，…达到2.1万家" in a 2026 plan: a fact
                year, past = None, year
            if _PREAMBLE.search(clause.h[: m.start()]):  # "行动计划明确到2027年…"
                clause = clause.cut(m.end()).strip()
            else:
                clause = clause.drop(m.start(), m.end()).strip()
            opened = year if k == 0 else opened
        elif m := _SPAN.match(clause.h):  # "2025—2027年，每年新增…": per year, not by a year
            year, past, span = None, None, m.group(0)
            clause = clause.cut(m.end()).strip()
        elif m := _BARE_YEAR.match(clause.h):
            stated = int(m.group(1))
            year = stated if years.is_target(stated, sentence.h) else None
            past = None if year else stated
            clause = clause.cut(m.end()).strip()
            opened = year if k == 0 else opened
        clause = _without_lead(clause)
        if span and year is None and clause.h and _states_amount(clause.in_digits(), line):
            out.unread.append(UnreadItem(
                kind="sentence", line=line, text=source,
                reason=f"「{clause.o}」：目标按年度区间「{span}」逐年给出，未读出，请手工录入",
                reason_en=f"'{clause.o}': a target for each year of {span} is not read"))
            continue
        if (year is None and past is None) or not clause.h:
            continue
        clause = clause.in_digits()
        if year is None:
            out.facts.extend(_facts(clause, past, line))  # type: ignore[arg-type]
            continue
        try:
            read_clause(clause, year, source, line, heading, section, out)
        except (QuantityError, InputError) as exc:
            zh, en = (exc.zh, exc.en) if isinstance(exc, QuantityError) else (
                exc.message, exc.message_en)
            out.unread.append(UnreadItem(kind="sentence", line=line, text=source,
                                         reason=f"「{clause.o}」：{zh}",
                                         reason_en=f"'{clause.o}': {en}"))
    return opened, year
