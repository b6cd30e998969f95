"""Read an HTML plan document (as published on government portals) into paragraphs and tables.

Uses the standard library's :mod:`html.parser`. A cell spanning several rows (``rowspan``, as a
merged 类别 cell) is repeated in each row it covers; the extra columns of a ``colspan`` are empty.
Line numbers are those of the ``<p>``/``<tr>`` start tags in the HTML source. A table that holds
another table lays out the page: its cells are read as running text, the tables inside as tables.
"""

from __future__ import annotations

from html.parser import HTMLParser

from gaodi.plan.blocks import Block, Paragraph, Row, Table, clean_paragraph

_BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "caption", "title", "section",
               "article", "header", "footer", "blockquote"}
_SKIP_TAGS = {"script", "style", "head"}
_LAYOUT_CELL_TAGS = {"br", "tr", "td", "th"}  # outside a data table they only separate text


class _LayoutFinder(HTMLParser):
    """First pass: for each <table> in document order, whether it holds another table.

    Older portals lay the whole page out in a table; such a table is not data: its cells are read
    as running text, and the tables inside it as tables.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.holds_table: list[bool] = []
        self._open: list[int] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            for k in self._open:
                self.holds_table[k] = True
            self._open.append(len(self.holds_table))
            self.holds_table.append(False)

    def handle_endtag(self, tag: str) -> None:
        if tag == "table" and self._open:
            self._open.pop()


class _PlanHTMLParser(HTMLParser):
    def __init__(self, layout: list[bool]) -> None:
        super().__init__(convert_charrefs=True)
        self._layout = layout  # by table number: a layout table (it holds another)
        self._tables_seen = 0
        self._open_tables: list[bool] = []  # the open tables, True for a layout table
        self.blocks: list[Block] = []
        self._text: list[str] = []
        self._text_line = 1
        self._skip = 0
        self._table_depth = 0
        self._table: Table | None = None
        self._row: list[tuple[str, int, int]] | None = None  # (text, rowspan, colspan)
        self._row_line = 0
        self._raw_rows: list[tuple[int, list[tuple[str, int, int]]]] = []
        self._cell: list[str] | None = None
        self._cell_span = (1, 1)

    # paragraphs -----------------------------------------------------------------
    def _flush_text(self) -> None:
        text = clean_paragraph(" ".join("".join(self._text).split()))
        if text and self._table_depth == 0:
            self.blocks.append(Paragraph(line=self._text_line, text=text))
        self._text = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip += 1
            return
        if tag == "table":
            self._flush_text()
            layout = self._tables_seen < len(self._layout) and self._layout[self._tables_seen]
            self._tables_seen += 1
            self._open_tables.append(layout)
            if layout:
                return
            self._table_depth += 1
            if self._table_depth == 1:
                self._table = Table(line=self.getpos()[0])
                self._raw_rows = []
            return
        if self._table_depth == 1:
            if tag == "tr":
                self._row = []
                self._row_line = self.getpos()[0]
            elif tag in ("td", "th"):
                a = dict(attrs)
                self._cell = []
                self._cell_span = (_span(a.get("rowspan")), _span(a.get("colspan")))
            elif tag == "br" and self._cell is not None:
                self._cell.append("")
            return
        if self._table_depth == 0 and (tag in _BLOCK_TAGS or tag in _LAYOUT_CELL_TAGS):
            self._flush_text()
            self._text_line = self.getpos()[0]

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
            return
        if tag == "table":
            if self._open_tables and self._open_tables.pop():
                self._flush_text()  # the end of a layout table
                return
            if self._table_depth == 1 and self._table is not None:
                self._close_cell()
                self._close_row()
                self._table.rows = _expand(self._raw_rows)
                self.blocks.append(self._table)
                self._table = None
            self._table_depth = max(0, self._table_depth - 1)
            return
        if self._table_depth == 1:
            if tag in ("td", "th"):
                self._close_cell()
            elif tag == "tr":
                self._close_cell()
                self._close_row()
            return
        if self._table_depth == 0 and (tag in _BLOCK_TAGS or tag in _LAYOUT_CELL_TAGS):
            self._flush_text()

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._cell is not None:
            self._cell.append(data)
        elif self._table_depth == 0:
            if not self._text:
                self._text_line = self.getpos()[0]
            self._text.append(data)

    def _close_cell(self) -> None:
        if self._cell is not None and self._row is not None:
            text = "".join("".join(self._cell).split())
            self._row.append((text, *self._cell_span))
        self._cell = None

    def _close_row(self) -> None:
        if self._row is not None:
            self._raw_rows.append((self._row_line, self._row))
        self._row = None

    def close(self) -> None:
        super().close()
        self._flush_text()


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), 1000))
    except ValueError:
        return 1


def _expand(raw_rows: list[tuple[int, list[tuple[str, int, int]]]]) -> list[Row]:
    """Lay out cells on a grid, repeating a rowspan cell in every row it covers."""
    pending: dict[int, tuple[str, int]] = {}  # column -> (text, rows still covered)
    rows: list[Row] = []
    for line, cells in raw_rows:
        out: list[str] = []
        col = 0
        queue = list(cells)
        while queue or any(c >= col for c in pending):
            if col in pending:
                text, left = pending[col]
                out.append(text)
                if left <= 1:
                    del pending[col]
                else:
                    pending[col] = (text, left - 1)
                col += 1
                continue
            if not queue:
                break
            text, rowspan, colspan = queue.pop(0)
            for k in range(colspan):
                out.append(text if k == 0 else "")
                if rowspan > 1:
                    pending[col + k] = (text if k == 0 else "", rowspan - 1)
            col += colspan
        rows.append(Row(line=line, cells=out))
    return rows


def read_html_blocks(html: str) -> list[Block]:
    """Parse HTML into paragraphs and tables (top-level tables; nested ones become cell text)."""
    finder = _LayoutFinder()
    finder.feed(html)
    finder.close()
    parser = _PlanHTMLParser(finder.holds_table)
    parser.feed(html)
    parser.close()
    return parser.blocks
