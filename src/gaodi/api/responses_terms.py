"""Response model of the display-name catalogue (``GET /api/catalog/terms``)."""

from __future__ import annotations

from pydantic import BaseModel, RootModel


class TermPublic(BaseModel):
    zh: str
    en: str


class TermsPublic(RootModel[dict[str, dict[str, TermPublic]]]):
    """Field name (level, mode, verdict, status, outcome, action, role, stage …) → value → its names."""
