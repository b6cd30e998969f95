"""Write the amounts of a plan in Arabic digits: "三千亿元" → "3000亿元", "2.8万家" → "28000家".

Chinese numerals are read by cn2an (a maintained library), and only where a unit follows them, so
that names such as "一核两副", "十五五" or "第一" are left alone. The magnitude stays with a money
unit (三千亿元 is 3000 亿元, 两千万元 is 2000 万元) and is multiplied out before a count unit
(2.8万家 is 28000 家, 两万户 is 20000 户). A magnitude standing alone ("千亿级") is not an amount and
is left as written, to be reported by the reader.

Each rewrite is returned as a span of the input, so that a caller holding two versions of the same
text index for index (half-width and as written) can apply it to both.
"""

from __future__ import annotations

import re
from decimal import Decimal

import cn2an

from gaodi.plan.quantity import COUNT_UNITS, UNITS

_DIGITS = "零〇一二两三四五六七八九十百千万亿点"
_RUN = re.compile(f"[{_DIGITS}]+")
_WAN_COUNT = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)万(" + "|".join(sorted(COUNT_UNITS)) + ")")
_NOT_AN_AMOUNT_BEFORE = "第每各逐数几上近余"  # 第一家, 每个, 数千亿元, 上千家, 近百亿元: no number
_ONE_OF = {"十": "10", "百": "100", "千": "1000"}  # 超千亿元 is 超1000亿元


def numeral_spans(text: str) -> list[tuple[int, int, str]]:
    """Return (start, end, digits) for each amount in ``text`` written otherwise than in digits."""
    spans: list[tuple[int, int, str]] = []
    for m in _RUN.finditer(text):
        if m.start() > 0 and (text[m.start() - 1] in _NOT_AN_AMOUNT_BEFORE
                              or text[m.start() - 1].isdigit() or text[m.start() - 1] == "."):
            continue  # 2万亿元: the 万亿 is the unit of a number in digits
        run = m.group(0)
        if run == "万亿" and text[m.end():].startswith("元"):
            spans.append((m.start(), m.start(), "1"))  # 达到万亿元: 1万亿元
            continue
        for k in range(1, len(run) + 1):  # the shortest numeral whose rest begins with a unit
            rest = run[k:] + text[m.end():]
            unit = next((u for u in UNITS if rest.startswith(u)), None)
            if unit is None:
                continue
            number = _number(run[:k])
            if number is None:
                continue
            spans.append((m.start(), m.start() + k, number))
            break
    spans += _range_starts(text, spans) + _ranks(text, spans)
    return sorted(spans + _wan_spans(text, spans))


def _range_starts(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The first end of a range written in words ("一至两个", "三到五家"): the unit is after the second."""
    starts = {s for s, _, _ in spans}
    out = []
    for m in _RUN.finditer(text):
        sep = re.match(r"(?:至|到|~|-|—)", text[m.end():])
        if m.start() in starts or not sep or m.end() + sep.end() not in starts:
            continue
        number = _number(m.group(0))
        if number is not None:
            out.append((m.start(), m.end(), number))
    return out


def _ranks(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A place in a ranking written in words: "前十" → "前10", "前三强" → "前3强"."""
    starts = {s for s, _, _ in spans}
    out = []
    for m in _RUN.finditer(text):
        if m.start() in starts or m.start() == 0 or text[m.start() - 1] != "前":
            continue
        number = _number(m.group(0))
        if number is not None:
            out.append((m.start(), m.end(), number))
    return out


def _wan_spans(text: str, taken: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    out = []
    for m in _WAN_COUNT.finditer(text):
        if any(s < m.end() and m.start() < e for s, e, _ in taken) or "万" + m.group(2) in UNITS:
            continue  # "100万台" keeps its unit 万台
        value = Decimal(m.group(1)) * 10000
        out.append((m.start(), m.start() + len(m.group(1)) + 1, _plain(value)))
    return out


def _number(numeral: str) -> str | None:
    if numeral in _ONE_OF:
        return _ONE_OF[numeral]
    if numeral in ("点", "万", "亿") or numeral.startswith("点"):
        return None
    try:
        value = cn2an.cn2an(numeral, "normal")  # normal mode reads 两 as 2
    except (ValueError, KeyError):
        return None
    return _plain(Decimal(str(value)))


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")


def apply_spans(text: str, spans: list[tuple[int, int, str]]) -> str:
    """Replace each (start, end) of ``text`` by its digits, last first."""
    for start, end, digits in sorted(spans, reverse=True):
        text = text[:start] + digits + text[end:]
    return text


def in_digits(text: str) -> str:
    """Return ``text`` with every amount in Arabic digits (see the module's rules)."""
    return apply_spans(text, numeral_spans(text))
