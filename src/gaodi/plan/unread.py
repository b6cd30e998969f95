"""What a reading of a plan document could not parse: each item with its line and the reason."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

UnreadKind = Literal["table_row", "table", "header", "sentence", "document"]


class UnreadItem(BaseModel):
    """A table row, header, sentence or document fact that was not read fully, and why.

    The reader never guesses: such a row is left out of the draft and listed here, so the user can
    add it to the YAML draft by hand.
    """

    kind: UnreadKind
    line: int | None = None
    text: str
    reason: str
    reason_en: str
