"""Segment rules as data: a segment lists GB/T 4754 classes, product codes and keywords.

``expand_rules`` turns the ``;``-separated lists of the ``segments`` table into one row per rule,
the shape the placement and input-classification joins need. It is pure: a frame in, frames out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from gaodi.errors import InputError, Location

SEPARATORS = re.compile(r"[;；,，、\s]+")
STAGE_ORDER = {"upstream": 0, "midstream": 1, "downstream": 2}


@dataclass(frozen=True)
class SegmentRules:
    """One row per (chain, segment, rule value)."""

    industry: pd.DataFrame  # chain_id, segment_id, code (4-digit class)
    products: pd.DataFrame  # chain_id, segment_id, prefix (a product/tax code prefix)
    keywords: pd.DataFrame  # chain_id, segment_id, keyword (matched in enterprise names)


def split_list(text: object) -> list[str]:
    """Split a list cell on ; ； , ， 、 or spaces; empty or missing gives []."""
    if text is None or (isinstance(text, float) and pd.isna(text)) or text is pd.NA:
        return []
    return [t for t in SEPARATORS.split(str(text).strip()) if t]


def expand_rules(segments: pd.DataFrame) -> SegmentRules:
    """Expand the segments' rule lists; a class that is not 4 digits is an InputError."""
    industry, products, keywords = [], [], []
    for row in segments.itertuples(index=False):
        key = (row.chain_id, row.segment_id)
        for code in split_list(row.industry_codes):
            if not re.fullmatch(r"\d{4}", code):
                raise InputError(
                    f"产业链 {row.chain_id} 环节 {row.segment_id} 的行业代码 {code} 不是 4 位国民经济行业小类",
                    f"segment {row.segment_id} of chain {row.chain_id}: industry code {code} is not a "
                    "4-digit GB/T 4754 class", location=Location(column="industry_codes"),
                    fix="行业代码写 GB/T 4754-2017 的 4 位小类，多个用分号分隔，例如 3511;3514")
            industry.append((*key, code))
        products += [(*key, p) for p in split_list(row.product_codes)]
        keywords += [(*key, k) for k in split_list(row.keywords)]
    return SegmentRules(
        pd.DataFrame(industry, columns=["chain_id", "segment_id", "code"]).drop_duplicates(),
        pd.DataFrame(products, columns=["chain_id", "segment_id", "prefix"]).drop_duplicates(),
        pd.DataFrame(keywords, columns=["chain_id", "segment_id", "keyword"]).drop_duplicates())
