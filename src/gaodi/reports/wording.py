"""Texts from the monitoring records put into words a reader of an official document understands: the
CLI commands some notes suggest become the kind of data to import, the rule version loses its code prefix."""

from __future__ import annotations

import re

from gaodi.errors import NotFoundError
from gaodi.ingest.kinds import kind
from gaodi.monitor.records import version_words

_COMMAND = re.compile(r"（?gaodi import ([a-z-]+)）?")


def kind_label(name: str) -> str:
    """The Chinese name of an import kind (企业名录, 价格指数（可比价）); the name itself when unknown."""
    try:
        return kind(name).label
    except NotFoundError:
        return name


def plain(text: str | None) -> str:
    """``缺少价格指数（gaodi import deflators）`` → ``缺少价格指数（需在数据导入中导入“价格指数（可比价）”）``."""
    return _COMMAND.sub(lambda m: f"（需在数据导入中导入“{kind_label(m.group(1))}”）", text or "")


def rule_version(version: str) -> str:
    """``gaodi-indicators-2026.1`` → ``2026.1 版`` (the monitor's evidence words it the same way)."""
    return version_words(version)
