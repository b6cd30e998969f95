"""Read what one clause of a target sentence says: the subject is the indicator, the verb the operator.

Shapes, tried in this order (amounts are in digits by now: 三千亿元 → 3000亿元, 2.8万家 → 28000家):

* relative to a base (比2020年提高3个百分点, 下降15%, 翻一番, 由12%提高到15%): see
  :mod:`gaodi.plan.relations`; always an indicator read from the text;
* verb + count + noun: "培育10家以上百亿企业", "形成1~2个万亿级产业集群" → a count target of the noun
  (新增 stays in the subject: "新增5家上市企业" is 新增上市企业);
* subject + verb + amount (达到, 突破, 超过, 稳定在, 不低于, 提高到, 控制在 ...) or subject + amount
  ending the clause ("新增规模以上工业企业3000家以上").

By the unit of the amount: money with a revenue word (营收, 营业收入, 产值 ...) → a sector target
(the sector from the paragraph's heading or the subject); a count unit (家, 个, 项 ...) → a count
target, "不少于2000家基础级、800家先进级、50家卓越级以上智能工厂" one per level; anything else (%,
个百分点, a rank, money without a revenue word) → an indicator read from the text (T1, T2 ...).
A magnitude ("达千亿级") is reported, never turned into a number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from gaodi.plan.model import MONEY_UNITS, CountTarget, Indicator, SectorTarget
from gaodi.plan.numerals import apply_spans, numeral_spans
from gaodi.plan.quantity import COUNT_UNITS, QuantityError, compact, parse_amount
from gaodi.plan.relations import KnownBase, read_relative, resolve
from gaodi.plan.unread import UnreadItem

_VERB_OPS = {"达到": None, "突破": "≥", "超过": "≥", "超": "≥", "不少于": "≥", "不低于": "≥",
             "不超过": "≤", "控制在": "≤", "保持在": None, "稳定在": None, "维持在": None,
             "提高到": None, "提高至": None, "提升到": None, "提升至": None, "增加到": None,
             "增加至": None, "增长到": None, "增至": None, "扩大到": None, "扩大至": None,
             "下降到": None, "下降至": None, "降低到": None, "降低至": None, "降至": None,
             "降到": None, "减少到": None, "减少至": None, "进入": None, "跻身": None,
             "位居": None, "达": None, "为": None}
_VERB = "(" + "|".join(sorted(_VERB_OPS, key=len, reverse=True)) + ")"
_VERB_AMOUNT = re.compile(_VERB + r"(?=[\d\[]|(?:全省|全国|全市|全球|全州)?前\d)")
_MAGNITUDE = re.compile(_VERB + r"(?=[一二两三四五六七八九十百千万亿]|翻)|[百千万]+亿级|台阶|[数几上近余][十百千万]+亿?元")
_COUNT = "|".join(sorted(COUNT_UNITS))
_COUNT_FIRST = re.compile(
    r"^(?P<pre>.*?)(?P<verb>新培育|培育|打造|形成|建成|建设|创建|新增|引进|认定|组建|新建|争创|建立)"
    rf"(?P<amt>(?:不少于|超过|约)?\d+(?:\.\d+)?(?:(?:~|-|至|到)\d+(?:\.\d+)?)?(?:{_COUNT})"
    r"(?:以上|左右)?)(?P<noun>[^\d、][^、]+)$")
_METRICS = sorted(["软件业务收入", "主营业务收入", "营业收入", "销售收入", "营收", "总产值", "产值",
                   "产业规模", "规模", "总收入", "收入", "增加值"], key=len, reverse=True)
_ACTION = re.compile(r"^(?:重点)?(?:培育|打造|创建|建成|建设)")
_WHOLE = re.compile(r"^(?:全省|全市|我省|我市|全区|全州|全县)")
_TAIL = re.compile(r"(?:力争|确保|争取|努力|预计|有望|将|要|分别|实现)+$")
_RESPECTIVELY = re.compile(rf"^(?P<subjects>[^、]+(?:、[^、]+)+?)分别"
                           rf"(?P<verb>(?:{_VERB}|提高|提升|增长|下降|降低|减少)?)(?=[\d\[])")
_ELLIPTIC = ("占", "年均", "增长", "同比", "增速")  # a clause that goes on about the last subject
_HEAD = re.compile(r"^(?:力争|确保|争取|推动|促进|实现|带动|使|让)+(?=.{2})")
_ENUM_ITEM = re.compile(r"^(\d+(?:\.\d+)?)(家|个|项|座|户|条|所|台|套)(.+)$")


@dataclass
class SentenceReading:
    """Targets read from sentences, and the clauses that could not be read."""

    sector_targets: list[SectorTarget] = field(default_factory=list)
    count_targets: list[CountTarget] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    unread: list[UnreadItem] = field(default_factory=list)
    facts: list[KnownBase] = field(default_factory=list)
    last_subject: str | None = None  # the subject of the sentence's previous clause

    def as_facts(self) -> list[KnownBase]:
        """The levels read here (op "="), as past figures: "2025年，全省营收达到1.6万亿元"."""
        out = [KnownBase(s.sector + s.metric, s.year, s.value, s.unit)
               for s in self.sector_targets if s.op == "=" and s.value is not None]
        out += [KnownBase(c.subject, c.year, c.value, c.unit)
                for c in self.count_targets if c.op == "=" and c.value is not None and not c.level]
        out += [KnownBase(i.name, i.target.year, i.target.value, i.unit) for i in self.indicators
                if i.target.op == "=" and i.target.value is not None and not i.target.rank]
        return out


@dataclass
class Clause:
    """A clause in half-width form (``h``, for matching) and as written (``o``), index for index."""

    h: str
    o: str
    written: str | None = None  # ``o`` before its numbers were put in digits, and the spans put
    spans: tuple[tuple[int, int, str], ...] = ()

    def in_digits(self) -> Clause:
        """The clause with its amounts in digits; ``as_written`` still gives the words."""
        spans = numeral_spans(self.h)
        return Clause(apply_spans(self.h, spans), apply_spans(self.o, spans), self.o, tuple(spans))

    def as_written(self, start: int, end: int | None = None) -> str:
        """``o[start:end]`` as the document wrote it (三千亿元, not 3000亿元)."""
        if self.written is None:
            return self.o[start:end]
        return self.written[self._original(start):self._original(len(self.o) if end is None else end)]

    def _original(self, pos: int) -> int:
        offset = 0
        for s, e, digits in sorted(self.spans):
            if pos < s + offset + len(digits) and pos <= s + offset:
                break
            if pos < s + offset + len(digits):
                return s
            offset += len(digits) - (e - s)
        return pos - offset

    def cut(self, start: int, end: int | None = None) -> Clause:
        return Clause(self.h[start:end], self.o[start:end])

    def drop(self, start: int, end: int) -> Clause:
        return Clause(self.h[:start] + self.h[end:], self.o[:start] + self.o[end:])

    def unspaced(self) -> Clause:
        """Drop the spaces typeset around numbers ("比 2020 年提高 3 个百分点"); keep "R&D and"."""
        keep = [k for k, ch in enumerate(self.h) if not ch.isspace() or (
            0 < k < len(self.h) - 1 and self.h[k - 1].isascii() and self.h[k - 1].isalpha()
            and self.h[k + 1].isascii() and self.h[k + 1].isalpha())]
        return Clause("".join(self.h[k] for k in keep), "".join(self.o[k] for k in keep))

    def strip(self) -> Clause:
        left = len(self.h) - len(self.h.lstrip(" \t,:;。、"))
        right = len(self.h.rstrip(" \t,:;。!?.、"))
        return self.cut(left, max(left, right))


def sector_name(heading: str) -> str:
    """Name a sector from its heading: "石化产业" → "石化"; "电子信息制造业" stays as it is."""
    name = compact(heading)
    if name.endswith("产业") and len(name) > 3:
        name = name[:-2]
    return name


def subject_of(text: str) -> str:
    """The indicator a clause names: its words before the verb, without 力争/确保/预计 ... at the end
    and without a verb that only introduces it (实现规上工业营业收入… → 规上工业营业收入)."""
    return _HEAD.sub("", _TAIL.sub("", text.strip()).strip()).strip()


def _elliptic(subject: str, out: SentenceReading) -> str:
    """Complete "占GDP比重" or "年均增长" with the subject of the clause before it ("数字经济规模…，
    占GDP比重…", "营业收入突破4000亿元，年均增长10%以上");
    a clause with no subject at all ("…达到2万家，比2020年增加5000家") takes that subject."""
    if out.last_subject and (not subject or subject.startswith(_ELLIPTIC)):
        subject = out.last_subject + subject
    out.last_subject = subject or out.last_subject
    return subject


def read_clause(clause: Clause, year: int, source: str, line: int, heading: str | None,
                section: str | None, out: SentenceReading) -> None:
    """Read one clause under ``year`` into ``out``; raise QuantityError when it cannot be read."""
    if _read_respectively(clause, year, source, line, heading, section, out):
        return
    relative = read_relative(clause.h, year)
    if relative is not None:
        subject = _elliptic(subject_of(clause.as_written(0, len(relative.subject))), out)
        if not subject:
            raise QuantityError("目标前没有写明指标（主语）", "the target names no subject")
        target = relative.target
        if relative.base is not None and target.relation is not None:
            target = resolve(target, relative.base)
        out.indicators.append(Indicator(
            number=f"T{len(out.indicators) + 1}", name=subject, unit=relative.unit, base=relative.base,
            base_year=relative.base_year, target=target, source="text", line=line))
        return
    if (m := _COUNT_FIRST.match(clause.h)) and _read_count_first(m, clause, year, source, line, out):
        return
    split = _split_clause(clause.h)
    if split is None:
        if _MAGNITUDE.search(clause.h):
            raise QuantityError("目标是量级（如“千亿级”）而不是确定的数值，无法换算",
                                "the amount is a magnitude (such as 千亿级), not a number")
        return  # prose without an amount
    subject_end, amount_start, verb_op = split
    subject = _elliptic(subject_of(clause.as_written(0, subject_end)), out)
    amount = clause.cut(amount_start)
    if "、" in amount.h and _read_enumeration(subject, amount, verb_op, year, source, line, out):
        return
    read = parse_amount((verb_op or "") + amount.h, year=year)
    target, unit = read.target, read.unit
    if target.op == "qualitative" or target.cumulative:
        raise QuantityError("句中目标不支持定性或累计写法，请在 YAML 中手工录入",
                            "qualitative or cumulative targets in sentences are not read")
    fields = {"year": year, "op": target.op, "value": target.value, "low": target.low,
              "high": target.high, "approximate": target.approximate, "source": source, "line": line}
    metric = next((w for w in _METRICS if subject.endswith(w)), None)
    if unit in MONEY_UNITS and metric is not None:
        sector, scope = _sector(subject[: len(subject) - len(metric)], heading, section)
        out.sector_targets.append(SectorTarget(sector=sector, metric=metric, scope=scope,
                                               unit=unit, **fields))
        return
    if not subject:
        raise QuantityError("目标前没有写明指标（主语）", "the target names no subject")
    if unit in COUNT_UNITS:
        subject = _ACTION.sub("", subject) or subject
        out.count_targets.append(CountTarget(subject=subject, unit=unit, **fields))
        return
    out.indicators.append(Indicator(number=f"T{len(out.indicators) + 1}", name=subject, unit=unit,
                                    target=target, source="text", line=line))


def _read_respectively(clause: Clause, year: int, source: str, line: int, heading: str | None,
                       section: str | None, out: SentenceReading) -> bool:
    """Read "普及率、数控化率分别达到85%、68%" as one clause per subject; False if not that shape."""
    m = _RESPECTIVELY.match(clause.h)
    if m is None:
        return False
    subjects = _pieces(clause, 0, m.end("subjects"))
    verb = clause.h[m.start("verb"):m.end("verb")]
    amounts = _pieces(clause, m.end("verb"), len(clause.h), last="和|及")
    if len(subjects) < 2 or len(subjects) != len(amounts):
        raise QuantityError(f"“分别”前有 {len(subjects)} 项、后有 {len(amounts)} 个数值，无法一一对应",
                            f"分别 pairs {len(subjects)} subjects with {len(amounts)} amounts")
    for subject, amount in zip(subjects, amounts, strict=True):
        read_clause(Clause(subject.h + verb + amount.h, subject.o + verb + amount.o), year, source,
                    line, heading, section, out)
    return True


def _pieces(clause: Clause, start: int, end: int, last: str = "") -> list[Clause]:
    """Cut clause[start:end] at 、 (and at ``last``, e.g. 和 between two amounts)."""
    part = clause.cut(start, end)
    cuts = [(m.start(), m.end()) for m in re.finditer("、" + (f"|{last}" if last else ""), part.h)]
    bounds = [0] + [k for c in cuts for k in c] + [len(part.h)]
    return [part.cut(bounds[k], bounds[k + 1]).strip() for k in range(0, len(bounds), 2)]


def _sector(written: str, heading: str | None, section: str | None) -> tuple[str, str | None]:
    """The sector of a revenue target, and the wider subject the sentence names (its scope)."""
    part = _WHOLE.sub("", written).rstrip("的").strip()
    if heading and (not part or heading in compact(part)):
        return heading, (part if part and sector_name(part) != heading else None)
    if part:
        return sector_name(part), None
    if section:
        return section, None
    raise QuantityError("营收目标前没有产业名称，段落也没有产业标题",
                        "a revenue target names no sector and has no sector heading")


def _split_clause(clause: str) -> tuple[int, int, str | None] | None:
    """Find where the subject ends and the amount starts, and the op the verb implies.

    A verb followed by an amount that does not end the clause ("培育营收超10亿元企业30家") is
    passed over for an amount that does; when none does, the first verb's amount is returned
    (to be read as a list, or reported).
    """
    verbs = list(_VERB_AMOUNT.finditer(clause))
    for m in verbs:
        op = _VERB_OPS[m.group(1)]
        try:
            parse_amount((op or "") + clause[m.end():])
        except QuantityError:
            continue
        return m.start(), m.end(), op
    for p in (k for k, ch in enumerate(clause) if (ch.isdigit() or ch == "[") and k > 0):
        if clause[p - 1].isdigit() or clause[p - 1] in ".[":
            continue
        try:
            parse_amount(clause[p:])
        except QuantityError:
            continue
        return p, p, None
    if verbs:
        return verbs[0].start(), verbs[0].end(), _VERB_OPS[verbs[0].group(1)]
    return None


def _read_count_first(m: re.Match[str], clause: Clause, year: int, source: str, line: int,
                      out: SentenceReading) -> bool:
    """Read "培育10家以上百亿企业": the amount before the noun it counts."""
    read = parse_amount(m["amt"], year=year)
    noun = clause.as_written(m.start("noun")).strip()
    if read.unit not in COUNT_UNITS or read.target.op not in (">=", "<=", "=", "range"):
        return False
    subject = ("新增" if m["verb"] == "新增" else "") + noun
    t = read.target
    out.count_targets.append(CountTarget(
        subject=subject, unit=read.unit, year=year, op=t.op, value=t.value, low=t.low,
        high=t.high, approximate=t.approximate, source=source, line=line))
    return True


def _read_enumeration(subject: str, amount: Clause, verb_op: str | None, year: int, source: str,
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
