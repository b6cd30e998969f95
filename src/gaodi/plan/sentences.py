"""Read target sentences of a plan: "到2030年，力争营收达到3400亿元", "小巨人企业数量达到700家以上".

A sentence is read only when it names its year with 到/至/截至 ...年 or ...年前. Each clause after the
year is "subject + verb + amount" (达到/突破/超过/不少于/不低于/不超过/控制在/进入 ...) or
"subject + amount" ("新增规模以上工业企业3000家以上"). By the unit of the amount:

* money (元/万元/亿元/万亿元) with a revenue word (营收, 软件业务收入, 产值 ...) → a sector target; the
  sector is the paragraph's heading ("1.石化产业。...") when the subject names no sector or names the
  heading's ("汽车产业（含新能源汽车）" under 新能源汽车产业), else the sector the subject names;
* a count unit (家/个/项 ...) → a count target; "不少于2000家基础级、800家先进级智能工厂" gives one per level;
* anything else (%, 个百分点, a rank) → an indicator read from the text (numbered T1, T2 ...).

A clause whose verb is followed by an amount that cannot be read ("达千亿级", "翻一番") is reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from gaodi.errors import InputError
from gaodi.plan.blocks import Paragraph
from gaodi.plan.model import MONEY_UNITS, CountTarget, Indicator, SectorTarget
from gaodi.plan.quantity import COUNT_UNITS, QuantityError, compact, halfwidth, parse_amount
from gaodi.plan.unread import UnreadItem

_YEAR = re.compile(r"(?:到|至|截至|截止)(20\d{2})年(?:底|末)?|(20\d{2})年(?:底|末)?前")
_LEAD = re.compile(r"^(?:其中|力争|确保|争取|努力|全力)+")
_VERB_OPS = {"达到": None, "突破": "≥", "超过": "≥", "不少于": "≥", "不低于": "≥", "不超过": "≤",
             "控制在": "≤", "保持在": None, "提高到": None, "提高至": None, "提升到": None,
             "提升至": None, "增加到": None, "增加至": None, "增长到": None, "下降到": None,
             "降低到": None, "降至": None, "进入": None, "跻身": None, "位居": None, "达": None}
_VERB = "(" + "|".join(sorted(_VERB_OPS, key=len, reverse=True)) + ")"
_VERB_AMOUNT = re.compile(_VERB + r"(?=[\d\[]|(?:全省|全国|全市|全球|全州)?前\d)")
_VERB_WORDS = re.compile(_VERB + r"(?=[一二两三四五六七八九十百千万亿]|翻)")
_METRICS = sorted(["软件业务收入", "主营业务收入", "营业收入", "销售收入", "营收", "总产值", "产值",
                   "产业规模", "规模", "总收入", "收入", "增加值"], key=len, reverse=True)
_ACTION = re.compile(r"^(?:重点)?(?:培育|打造|创建|建成|建设)")
_WHOLE = re.compile(r"^(?:全省|全市|我省|我市|全区|全州|全县)")
_NUMBERING = r"(?:\d+|[一二三四五六七八九十]+)[.、]|\(?[一二三四五六七八九十\d]+\)"
_INLINE_HEADING = re.compile(rf"^\s*(?:{_NUMBERING})\s*([^。,;:]{{1,24}}?)。")
_LINE_HEADING = re.compile(rf"^\s*(?:{_NUMBERING})\s*([^。,;:]{{1,24}})$")
_ENUM_ITEM = re.compile(r"^(\d+(?:\.\d+)?)(家|个|项|座|户|条|所|台|套)(.+)$")


@dataclass
class SentenceReading:
    """Targets read from sentences, and the clauses that could not be read."""

    sector_targets: list[SectorTarget] = field(default_factory=list)
    count_targets: list[CountTarget] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    unread: list[UnreadItem] = field(default_factory=list)


def sector_name(heading: str) -> str:
    """Name a sector from its heading: "石化产业" → "石化"; "电子信息制造业" stays as it is."""
    name = compact(heading)
    if name.endswith("产业") and len(name) > 3:
        name = name[:-2]
    return name


def read_target_sentences(paragraphs: list[Paragraph]) -> SentenceReading:
    """Read every target sentence of ``paragraphs`` (the running text, without table notes)."""
    out = SentenceReading()
    section: str | None = None
    for para in paragraphs:
        text = halfwidth(para.text)  # one character for one: indices match the original text
        line_heading = _LINE_HEADING.match(text)
        if line_heading:
            section = sector_name(line_heading.group(1))
            continue
        inline = _INLINE_HEADING.match(text)
        heading = sector_name(inline.group(1)) if inline else None
        for start, end in _spans(text, r"[。;；!?！？]|\.(?!\d)"):
            if _YEAR.search(text[start:end]):
                _read_sentence(text[start:end], para.text[start:end], para.line, heading,
                               section, out)
    return out


def _spans(text: str, separator: str) -> list[tuple[int, int]]:
    """Cut ``text`` after each separator; return the (start, end) of every piece."""
    spans, start = [], 0
    for m in re.finditer(separator, text):
        spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


@dataclass
class _Clause:
    """A clause in half-width form (``h``, for matching) and as written (``o``), index for index."""

    h: str
    o: str

    def cut(self, start: int, end: int | None = None) -> _Clause:
        return _Clause(self.h[start:end], self.o[start:end])

    def drop(self, start: int, end: int) -> _Clause:
        return _Clause(self.h[:start] + self.h[end:], self.o[:start] + self.o[end:])

    def strip(self) -> _Clause:
        left = len(self.h) - len(self.h.lstrip(" \t,:;。"))
        right = len(self.h.rstrip(" \t,:;。;!?."))
        return self.cut(left, max(left, right))


# A comma ends a clause unless it separates thousands ("3,400亿元").
_CLAUSE_END = r":|(?<!\d),|,(?!\d{3}(?!\d))"


def _read_sentence(sentence_h: str, sentence_o: str, line: int, heading: str | None,
                   section: str | None, out: SentenceReading) -> None:
    year: int | None = None
    source = sentence_o.strip()
    for start, end in _spans(sentence_h, _CLAUSE_END):
        clause = _Clause(sentence_h[start:end], sentence_o[start:end]).strip()
        m = _YEAR.search(clause.h)
        if m:
            year = int(m.group(1) or m.group(2))
            clause = clause.drop(m.start(), m.end()).strip()
        lead = _LEAD.match(clause.h)
        if lead:
            clause = clause.cut(lead.end()).strip()
        if year is None or not clause.h:
            continue
        try:
            _read_clause(clause, year, source, line, heading, section, out)
        except (QuantityError, InputError) as exc:
            zh, en = (exc.zh, exc.en) if isinstance(exc, QuantityError) else (
                exc.message, exc.message_en)
            out.unread.append(_unread(source, line, f"「{clause.o}」：{zh}", f"'{clause.o}': {en}"))


def _unread(text: str, line: int, reason: str, reason_en: str) -> UnreadItem:
    return UnreadItem(kind="sentence", line=line, text=text, reason=reason, reason_en=reason_en)


def _split_clause(clause: str) -> tuple[int, int, str | None] | None:
    """Find where the subject ends and the amount starts, and the op the verb implies."""
    m = _VERB_AMOUNT.search(clause)
    if m:
        return m.start(), m.end(), _VERB_OPS[m.group(1)]
    for p in (k for k, ch in enumerate(clause) if (ch.isdigit() or ch == "[") and k > 0):
        if clause[p - 1].isdigit() or clause[p - 1] in ".[":
            continue
        try:
            parse_amount(clause[p:])
        except (QuantityError, InputError):
            continue
        return p, p, None
    return None


def _read_clause(clause: _Clause, year: int, source: str, line: int, heading: str | None,
                 section: str | None, out: SentenceReading) -> None:
    split = _split_clause(clause.h)
    if split is None:
        if _VERB_WORDS.search(clause.h):
            raise QuantityError("目标数量不是阿拉伯数字（如“千亿级”“翻一番”），无法换算为数值",
                                "the amount is not written in digits (e.g. 千亿级, 翻一番)")
        return  # prose without an amount
    subject_end, amount_start, verb_op = split
    subject = clause.o[:subject_end].strip()
    amount = clause.cut(amount_start)
    if "、" in amount.h and _read_enumeration(subject, amount, verb_op, year, source, line, out):
        return
    read = parse_amount((verb_op or "") + amount.h, year=year)
    target, unit = read.target, read.unit
    if target.op == "qualitative" or target.cumulative:
        raise QuantityError("句中目标不支持定性或累计写法，请在 YAML 中手工录入",
                            "qualitative or cumulative targets in sentences are not read")
    fields = dict(year=year, op=target.op, value=target.value, low=target.low, high=target.high,
                  approximate=target.approximate, source=source, line=line)
    metric = next((w for w in _METRICS if subject.endswith(w)), None)
    if unit in MONEY_UNITS and metric is not None:
        part = _WHOLE.sub("", subject[: len(subject) - len(metric)]).rstrip("的").strip()
        if heading and (not part or heading in compact(part)):
            sector, scope = heading, (part if part and sector_name(part) != heading else None)
        elif part:
            sector, scope = sector_name(part), None
        elif section:
            sector, scope = section, None
        else:
            raise QuantityError("营收目标前没有产业名称，段落也没有产业标题",
                                "a revenue target names no sector and has no sector heading")
        out.sector_targets.append(SectorTarget(sector=sector, metric=metric, scope=scope,
                                               unit=unit, **fields))
        return
    if not subject:
        raise QuantityError("目标前没有写明指标（主语）", "the target names no subject")
    if unit in COUNT_UNITS:
        subject = _ACTION.sub("", subject) or subject
        out.count_targets.append(CountTarget(subject=subject, unit=unit, **fields))
        return
    number = f"T{len(out.indicators) + 1}"
    out.indicators.append(Indicator(number=number, name=subject, unit=unit, target=target,
                                    source="text", line=line))


def _read_enumeration(subject: str, amount: _Clause, verb_op: str | None, year: int, source: str,
                      line: int, out: SentenceReading) -> bool:
    """Read "不少于2000家基础级、800家先进级、50家卓越级以上智能工厂" as one count target per level.

    Returns False (reading nothing) when the amount is not such a list.
    """
    items_h, items_o = amount.h.split("、"), amount.o.split("、")
    matches = [_ENUM_ITEM.match(i) for i in items_h]
    if not all(matches):
        return False
    parts = [(float(m.group(1)), m.group(2), o[m.start(3):].strip())
             for m, o in zip(matches, items_o, strict=True)]  # type: ignore[union-attr]
    quals = [q for _, _, q in parts]
    noun, levels = (subject or None), [None] * len(parts)
    if all(q.endswith("级") for q in quals[:-1]):
        m = re.match(r"^(.*?级(?:及以上|以上)?)(.+)$", quals[-1])
        if m:
            noun, levels = m.group(2), quals[:-1] + [m.group(1)]
    op = {"≥": ">=", "≤": "<="}.get(verb_op or "", "=")
    for (value, unit, qual), level in zip(parts, levels, strict=True):
        out.count_targets.append(CountTarget(subject=noun if level else qual, level=level,
                                             unit=unit, year=year, op=op, value=value,
                                             source=source, line=line))
    return True
