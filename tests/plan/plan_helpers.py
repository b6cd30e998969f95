"""Helpers of the plan tests: where the fixture documents are, and a compact view of a row."""

from __future__ import annotations

from pathlib import Path

from gaodi.plan import Indicator

DOCUMENTS = Path(__file__).parent / "documents"


def row(ind: Indicator) -> tuple:
    """(number, name, unit, base, base_year, op, value or (low, high), cumulative, target year)."""
    t = ind.target
    amount = (t.low, t.high) if t.op == "range" else t.value
    return (ind.number, ind.name, ind.unit, ind.base, ind.base_year, t.op, amount, t.cumulative,
            t.year)


FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")  # Debian fonts-wqy-microhei
_STYLE = (f"@font-face {{ font-family: cjk; src: url({FONT.as_uri()}); }}"
          "body { font-family: cjk; font-size: 11pt; } p { text-indent: 2em; margin: 0 0 4pt 0; }"
          "table { border-collapse: collapse; } td, th { border: 0.8pt solid black; padding: 2pt; }")


def html_to_pdf(html: str, path: Path) -> Path:
    """Print an HTML plan document to a PDF with a text layer (WeasyPrint, the CJK font above)."""
    import weasyprint

    weasyprint.HTML(string=html).write_pdf(path, stylesheets=[weasyprint.CSS(string=_STYLE)])
    return path


def text_to_html(text: str) -> str:
    """Lay a plain-text plan out as HTML: a run of tab-separated lines is a bordered table."""
    from html import escape

    out, in_table = [], False
    for line in text.splitlines():
        cells = line.split("\t")
        if len(cells) >= 3:
            out.append(("" if in_table else "<table>") + "<tr>"
                       + "".join(f"<td>{escape(c)}</td>" for c in cells) + "</tr>")
            in_table = True
            continue
        if in_table:
            out.append("</table>")
            in_table = False
        if line.strip():
            out.append(f"<p>{escape(line.strip())}</p>")
    if in_table:
        out.append("</table>")
    return "<html><body>" + "\n".join(out) + "</body></html>"


def without_lines(data, top=True):
    """A reading's JSON without line numbers, file name and source file (they differ by format)."""
    if isinstance(data, dict):
        dropped = {"line", "file", "source"} if top else {"line"}
        return {k: without_lines(v, False) for k, v in data.items() if k not in dropped}
    if isinstance(data, list):
        return [without_lines(v, False) for v in data]
    return data
