"""What a page may not show a person: raw enumeration values, untranslated i18n keys, UTC timestamps,
and (in the Chinese view) Latin words outside a short allow-list.

Used by the two-language walk (test_language_walk.py) and by scripts/screenshots.py, which prints what it
finds on the demo.
"""

from __future__ import annotations

import re
from pathlib import Path

ROUTER = Path(__file__).parents[2] / "web" / "src" / "router.js"

#: Latin words a Chinese page may show: statistical abbreviations, file formats and units.
ALLOWED_LATIN = {
    "GDP", "HHI", "R&D", "RD", "TOPSIS", "AHP", "CSV", "Excel", "XLSX", "DOCX", "PDF", "HTML", "EN", "RCA", "LQ",
    "CO", "COD", "SO", "NOx", "km", "kWh", "AI", "IT", "ID", "USCC", "GB", "T", "No", "Word", "VAT",
    "A", "B", "C", "D", "SO2", "CO2", "NOX", "OK", "ECI", "PCI",
}
CODE_ID = re.compile(r"\b[A-Z0-9]+(?:-[A-Z0-9]+)+\b")  # ids such as CN-RD-DEDUCTION, kept in code columns
FILE_NAME = re.compile(r"[\w.-]+\.(?:csv|xlsx|parquet|docx|pdf|html|yaml)\b", re.IGNORECASE)

SNAKE = re.compile(r"(?<![A-Za-z0-9_./-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![A-Za-z0-9_])")
I18N_KEY = re.compile(r"(?<![A-Za-z0-9_.-])[a-z]{2,}[A-Z][A-Za-z]*(?![A-Za-z0-9_])")
UTC_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
# A Latin word: letters only (a code mixes digits in, e.g. 91430100MA4L..., and is allowed)
LATIN = re.compile(r"(?<![A-Za-z0-9&])[A-Za-z][A-Za-z&]*(?![A-Za-z0-9&])")


def routes() -> list[str]:
    """The router's page paths, read from web/src/router.js so that a page added later is walked too."""
    text = ROUTER.read_text(encoding="utf-8")
    paths = re.findall(r"path:\s*'([^']+)'", text)
    return [p for p in paths if p != "/login" and not p.startswith("/:")]


def fill(path: str, samples: dict[str, str]) -> str:
    """``/parks/:id`` with the sample value for that route; KeyError names a route with no sample."""
    if ":" not in path:
        return path
    return samples[path]


def leaks(text: str, lang: str, codes: set[str] = frozenset()) -> list[str]:
    """Every leak in a page's visible text, each as 'kind: token' (file names, such as an import's, are data)."""
    text = CODE_ID.sub(" ", FILE_NAME.sub(" ", text))
    found = [f"raw value: {m}" for m in SNAKE.findall(text)]
    found += [f"i18n key: {m}" for m in I18N_KEY.findall(text)]
    found += [f"UTC time: {m}" for m in UTC_STAMP.findall(text)]
    if lang == "zh":
        found += [f"English: {m}" for m in LATIN.findall(text) if m not in ALLOWED_LATIN and m not in codes]
    return sorted(set(found))
