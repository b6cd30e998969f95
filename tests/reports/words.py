"""Every word a reader sees in a written DOCX report: paragraphs, table cells, headers and footers."""

from __future__ import annotations

import html
import re
from pathlib import Path

from docx import Document

# What a reader must never meet: docs paths, source files, snake_case names and raw enum values.
# Formulas keep their one-letter symbols with subscripts (x_ri), which are not identifiers.
LEAKS = re.compile(r"docs/|\.md\b|\.py\b|\b[a-z][a-z0-9]+(?:_[a-z0-9]+)+\b|\b(?:near_miss|needs_data|national|provincial|"
                   r"on_track|at_risk|behind|pending|achieved|qualitative|unmet|auto|application|province|city|county|park|"
                   r"gaodi)\b")


def docx_text(path: Path) -> list[str]:
    doc = Document(path)
    texts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        texts += [cell.text for row in table.rows for cell in row.cells]
    for section in doc.sections:
        texts += [p.text for p in section.header.paragraphs + section.footer.paragraphs]
    return [t for t in texts if t.strip()]


def html_text(path: Path) -> list[str]:
    """The text of an HTML report: its elements' text, without the style sheet and the tags."""
    page = re.sub(r"<style>.*?</style>", "", path.read_text(encoding="utf-8"), flags=re.S)
    return [t for t in (html.unescape(x).strip() for x in re.split(r"<[^>]*>", page)) if t]


def leaks(texts: list[str]) -> list[str]:
    """Each text holding a leak, with the leak first."""
    return [f"{m.group(0)!r} in {t[:120]!r}" for t in texts for m in [LEAKS.search(t)] if m]
