"""Names where codes are expected: 开福区 for 430105, 皮革服装制造 for 1921, a park's name for its id.

Offices keep names in their sheets, not codes. A column that holds codes (regions, industries,
parks, chains, clusters) also takes a name, written as the catalogue writes it. A region may be
written with its city or province in front (长沙市开福区, 湖南省长沙市开福区), which is how a name
that several regions share (朝阳区, 城区, 郊区) is made unique. A name that fits several entries is
refused with every candidate and its code; an unknown name is refused with the nearest names.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

MAX_CANDIDATES = 8


def fold(text: str) -> str:
    """A name as compared: NFKC (full-width to half-width), no spaces."""
    return "".join(unicodedata.normalize("NFKC", str(text)).split())


@dataclass
class NameIndex:
    """Every written form of a name → the codes it may stand for, with the display name of each code."""

    what: str  # 地区, 行业, 园区 ... as the error says it
    forms: dict[str, set[str]] = field(default_factory=dict)
    display: dict[str, str] = field(default_factory=dict)  # code → the fullest name, for candidate lists

    def add(self, code: str, display: str, forms: Iterable[str]) -> None:
        self.display[code] = display
        for form in forms:
            if form:
                self.forms.setdefault(fold(form), set()).add(code)

    def codes(self, text: str) -> set[str]:
        return self.forms.get(fold(text), set())

    def candidates(self, codes: Iterable[str]) -> str:
        listed = sorted(codes)
        shown = "、".join(f"{self.display[c]}（{c}）" for c in listed[:MAX_CANDIDATES])
        return shown + (f" 等 {len(listed)} 个" if len(listed) > MAX_CANDIDATES else "")

    def nearest(self, text: str) -> list[str]:
        """Up to three known names closest to ``text`` (difflib's ratio, at least 0.5)."""
        return difflib.get_close_matches(fold(text), list(self.forms), n=3, cutoff=0.5)


@dataclass(frozen=True)
class NameVerdict:
    """A name resolved to one code, or why it could not be."""

    code: str | None
    reason: str | None = None
    fix: str | None = None


def resolve(index: NameIndex, text: str, code_hint: str) -> NameVerdict:
    """``text`` as a name in ``index``: one code, or an error naming the candidates or the nearest names."""
    codes = index.codes(text)
    if len(codes) == 1:
        return NameVerdict(next(iter(codes)))
    if codes:
        return NameVerdict(None, f"{index.what}名称“{text}”对应多个{index.what}：{index.candidates(codes)}",
                           f"改填其中一个的代码，{code_hint}")
    near = index.nearest(text)
    hint = f"最接近的名称：{'、'.join(near)}；" if near else ""
    return NameVerdict(None, f"{index.what}“{text}”既不是代码也不是已知名称",
                       f"{hint}核对名称，或改填代码")


def region_index(rows: Iterable[dict]) -> NameIndex:
    """Regions by name, from rows with code, name, level, city_code, province_code and status.

    Only current regions are named: a retired region's name usually lives on in its successor.
    Each region is known by its own name, and with its city and province names in front."""
    rows = list(rows)
    names = {r["code"]: r["name"] for r in rows}
    index = NameIndex("地区")
    for r in rows:
        if r["status"] != "current" or r["level"] == "statistical":
            continue
        own = r["name"]
        city = names.get(r.get("city_code") or "") if r["level"] == "county" else None
        province = names.get(r.get("province_code") or "") if r["level"] != "province" else None
        chain = [p for p in (province, city) if p and p != own]
        display = "".join(chain) + own
        forms = {own, display, (city or "") + own}
        if province and city:
            forms.add(province + own)
        index.add(r["code"], display, forms)
    return index


def simple_index(what: str, pairs: Iterable[tuple[str, str]]) -> NameIndex:
    """An index of ``(code, name)`` pairs, each known by its name (industries, parks, chains, clusters)."""
    index = NameIndex(what)
    for code, name in pairs:
        if name:
            index.add(code, name, (name,))
    return index
