"""Read a plan document (.pdf, .docx, .txt, .md, .html) into a Plan draft and the list of what was unread.

    reading = read_plan_document("湖南十五五规划.docx")
    reading.plan.indicators[0].target      # Target(op='>=', value=6.5, year=2030, ...)
    reading.unread                          # rows and sentences that need a person

The reader reports instead of guessing: a table row, header or sentence it cannot read fully is left
out of the draft and listed in ``unread`` with its line and the reason.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from gaodi.errors import InputError, Location
from gaodi.plan.blocks import Block, Paragraph, read_text_blocks
from gaodi.plan.docx_blocks import read_docx_blocks
from gaodi.plan.html_blocks import read_html_blocks
from gaodi.plan.indicator_table import is_footnote, parse_footnotes, read_indicator_table
from gaodi.plan.model import Footnote, Indicator, Plan, SectorTarget
from gaodi.plan.pdf_blocks import read_pdf_blocks
from gaodi.plan.quantity import halfwidth
from gaodi.plan.relations import KnownBase, with_known_base
from gaodi.plan.sentences import read_target_sentences
from gaodi.plan.unread import UnreadItem

SUFFIXES = (".pdf", ".docx", ".txt", ".md", ".markdown", ".html", ".htm")
_FIVE_YEAR = {"十三五": (2015, 2020), "十四五": (2020, 2025), "十五五": (2025, 2030),
              "十六五": (2030, 2035)}
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}[〔\[(（]\s*\d{4}\s*[〕\])）]\s*\d+\s*号")
_NAME_END = ("规划", "计划", "方案", "纲要", "实施意见", "行动计划")
_INTERPRETED = re.compile(r"^《([^》]{4,60})》(?:的)?(?:政策)?(?:解读|问答|答记者问)")
_BREADCRUMB = re.compile(r"[>»›]|首页|当前位置|您的位置")  # a portal's navigation line, not a title
_PLACE = re.compile(r"^((?:[\u4e00-\u9fff]{1,6}?(?:省|自治区|市|自治州|州|盟|县|旗|区)){1,3})"
                    r"(?=[^省市州盟县旗区]{2})")
_ISSUER_SUFFIX = re.compile(r"^(.+?)(?:人民政府|政府|工业和信息化|经济和信息化|经信|工信|发展和改革|"
                            r"发改|委员会|办公厅|办公室)")


class PlanReading(BaseModel):
    """The result of reading a plan document: the draft plan and everything left unread."""

    file: str
    plan: Plan
    unread: list[UnreadItem]

    def as_dict(self) -> dict[str, Any]:
        """The JSON of ``gaodi plan import --json``: the plan's fields, then file and unread."""
        return {**self.plan.model_dump(mode="json"), "file": self.file,
                "unread": [u.model_dump(mode="json") for u in self.unread]}


def read_plan_document(path: str | Path, plan_id: str | None = None) -> PlanReading:
    """Read the plan document at ``path``; ``plan_id`` names the draft (default: file name)."""
    path = Path(path)
    blocks = read_blocks(path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
    return extract_plan(blocks, plan_id or plan_id_from(path.stem), f"{path.name} sha256:{digest}",
                        file=str(path))


def read_blocks(path: Path) -> list[Block]:
    """Read ``path`` into paragraphs and tables, by its suffix."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(message=f"不支持的规划文件类型「{suffix or '无后缀'}」",
                         message_en=f"unsupported plan file type '{suffix}'",
                         fix="请提供 " + "、".join(SUFFIXES) + " 文件（.doc/.wps 请先另存为 .docx）",
                         location=Location(file=str(path)))
    if not path.is_file():
        raise InputError(message="找不到规划文件", message_en="the plan file does not exist",
                         fix="检查文件路径", location=Location(file=str(path)))
    if suffix == ".docx":
        return read_docx_blocks(path)
    if suffix == ".pdf":
        return read_pdf_blocks(path)
    text = decode(path.read_bytes(), path)
    if suffix in (".html", ".htm"):
        return read_html_blocks(text)
    return read_text_blocks(text)


def decode(data: bytes, path: Path) -> str:
    """Decode a text file as UTF-8 (with or without BOM), else GB18030 (which covers GBK/GB2312)."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(message="文件既不是 UTF-8 也不是 GBK/GB18030 编码",
                     message_en="the file is neither UTF-8 nor GBK/GB18030",
                     fix="用记事本或 Word 另存为 UTF-8 编码的文本", location=Location(file=str(path)))


def plan_id_from(stem: str) -> str:
    """Make a plan id from a file name: lower-case ASCII letters, digits, _ and -."""
    slug = re.sub(r"[^a-z0-9_\-]+", "_", stem.lower()).strip("_-")
    return slug or "plan"


def extract_plan(blocks: list[Block], plan_id: str, source: str | None = None,
                 file: str | None = None) -> PlanReading:
    """Build the plan draft from the blocks of a document; list what could not be read."""
    paragraphs = [b for b in blocks if isinstance(b, Paragraph)]
    meta, unread = _metadata(paragraphs)
    base_year, target_year = _five_year(meta.get("name") or "")
    note_lines: set[int] = set()
    indicators: list[Indicator] = []
    footnotes: list[Footnote] = []
    running: list[Paragraph] = []  # the text, with the text of boxes (专栏 drawn as 1-2 column tables)
    for k, block in enumerate(blocks):
        if isinstance(block, Paragraph):
            running.append(block)
            continue
        notes: list[Footnote] = []
        for after in blocks[k + 1: k + 4]:
            if not (isinstance(after, Paragraph) and is_footnote(after.text)):
                break
            notes.extend(parse_footnotes(after.text))
            note_lines.add(after.line)
        reading = read_indicator_table(block, notes, base_year, target_year)
        if not reading.is_indicator_table and max(len(r.cells) for r in block.rows) <= 2:
            running.extend(Paragraph(line=r.line, text=c) for r in block.rows for c in r.cells if c)
            continue
        unread.extend(reading.unread)
        if reading.is_indicator_table:
            footnotes.extend(notes + reading.footnotes)
            base_year = base_year or reading.base_year
            target_year = reading.target_year or target_year
            _add_unique(indicators, reading.indicators, unread)
    text = read_target_sentences([p for p in running if p.line not in note_lines],
                                 doc_year=_doc_year(meta), base_year=base_year)
    unread.extend(text.unread)
    bases = [KnownBase(i.name, i.base_year, i.base, i.unit) for i in indicators if i.base is not None]
    bases += text.facts
    _add_unique(indicators, [with_known_base(i, bases, base_year) for i in text.indicators], unread)
    sector_targets: list[SectorTarget] = []
    for st in text.sector_targets:
        if any((o.sector, o.metric, o.year) == (st.sector, st.metric, st.year)
               for o in sector_targets):
            unread.append(UnreadItem(kind="sentence", line=st.line, text=st.source,
                                     reason=f"产业「{st.sector}」{st.year}年{st.metric}目标重复出现，只保留第一个",
                                     reason_en=f"a second {st.metric} target for {st.sector} in "
                                               f"{st.year}; the first was kept"))
        else:
            sector_targets.append(st)
    if target_year is None:
        years = [t.year for t in [*text.sector_targets, *text.count_targets]]
        target_year = max(years) if years else None
    plan = Plan(id=plan_id, name=meta.get("name") or plan_id, issuer=meta.get("issuer"),
                doc_number=meta.get("doc_number"), jurisdiction=meta.get("jurisdiction"),
                issued=meta.get("issued"), base_year=base_year, target_year=target_year,
                source=source, indicators=indicators, sector_targets=sector_targets,
                count_targets=text.count_targets, footnotes=footnotes)
    unread.sort(key=lambda u: u.line or 0)
    return PlanReading(file=file or source or plan_id, plan=plan, unread=unread)


def _add_unique(into: list[Indicator], new: list[Indicator], unread: list[UnreadItem]) -> None:
    numbers = {i.number for i in into}
    for ind in new:
        if ind.number in numbers:
            unread.append(UnreadItem(kind="table_row", line=ind.line, text=ind.name,
                                     reason=f"序号 {ind.number} 与前面的指标重复，未读入",
                                     reason_en=f"number {ind.number} repeats an earlier indicator"))
        else:
            numbers.add(ind.number)
            into.append(ind)


def _doc_year(meta: dict[str, Any]) -> int | None:
    """The year the document was issued: its date, else the year in its number (〔2023〕)."""
    if meta.get("issued"):
        return meta["issued"].year
    if m := re.search(r"[〔\[(（]\s*(\d{4})\s*[〕\])）]", meta.get("doc_number") or ""):
        return int(m.group(1))
    return None


def _five_year(name: str) -> tuple[int | None, int | None]:
    """Years a title states: "十五五" → (2025, 2030); "（2023—2027年）" → (None, 2027)."""
    for key, years in _FIVE_YEAR.items():
        if key in name:
            return years
    m = re.search(r"(20\d{2})\s*[-—–~至]\s*(20\d{2})年", halfwidth(name))
    return (None, int(m.group(2))) if m else (None, None)


def _metadata(paragraphs: list[Paragraph]) -> tuple[dict[str, Any], list[UnreadItem]]:
    """Find the plan's name, issuer, document number, jurisdiction and date near its top."""
    import datetime as dt

    head = paragraphs[:30]
    meta: dict[str, Any] = {}
    for p in head:
        h = halfwidth(p.text)
        if "doc_number" not in meta and (m := _DOC_NUMBER.search(p.text)):
            meta["doc_number"] = m.group(0).replace(" ", "")
        if "issuer" not in meta and (m := re.match(r"^(.{2,30}?)关于", h)):
            meta["issuer"] = p.text[: m.end(1)].strip()
        if "issued" not in meta and (m := re.fullmatch(r"\s*(\d{4})年(\d{1,2})月(\d{1,2})日\s*", h)):
            try:
                meta["issued"] = dt.date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                pass
        title = re.sub(r"[(（][^()（）]*\d{4}[^()（）]*[)）]$", "", h.strip())
        if "name" not in meta and (m := _INTERPRETED.match(h.strip())):
            meta["name"] = p.text.strip()[m.start(1):m.end(1)]  # 《…》政策解读: the plan it explains
        if ("name" not in meta and title.endswith(_NAME_END) and len(h) <= 60
                and "。" not in h and not re.match(r"^(?:印发|关于)", title)
                and not _BREADCRUMB.search(h)):
            meta["name"] = p.text.strip()
    if "name" not in meta:
        joined = "".join(p.text for p in head[:6])
        if m := re.search(r"《([^》]{4,60})》", joined):
            meta["name"] = m.group(1)
    if "issuer" not in meta:
        for p in head:
            t = re.sub(r"^.*(?:来源|发布机构|发文机关)\s*[:：]\s*", "", p.text.strip())
            if len(t) <= 30 and re.search(r"(?:人民政府|办公厅|工业和信息化厅|工业和信息化局|"
                                          r"经济和信息化局|委员会)$", t):
                meta["issuer"] = t
                break
    who = meta.get("issuer") or meta.get("name") or ""
    if (m := _ISSUER_SUFFIX.match(who)) or (m := _PLACE.match(meta.get("name") or "")):
        meta["jurisdiction"] = m.group(1)
    unread: list[UnreadItem] = []
    if "name" not in meta:
        unread.append(UnreadItem(kind="document", line=None, text="",
                                 reason="未找到规划名称（以“规划/计划/方案”结尾的标题行），暂用文件名",
                                 reason_en="no plan title found; the file name is used"))
    return meta, unread
