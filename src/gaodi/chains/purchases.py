"""The purchases of a chain: invoice lines bought by chain enterprises, each tied to one input segment.

A line (seller, buyer, month, product code, amount in 万元) is a purchase of chain *c* when its buyer
is placed in *c*. Its **input segment** in *c* is the first segment whose rule matches, in this order
of precedence (ties go to the smaller segment id):

1. the product code starts with one of the segment's ``product_codes`` (税收分类编码 prefixes);
2. the product code is one of the segment's ``industry_codes`` (extracts that carry the seller's
   GB/T 4754 class as product code, as the demo does);
3. the seller is placed in the segment (rule or manual placement; local sellers only).

Scope ``chain_inputs`` (the default, 链内配套口径) keeps the lines with an input segment; scope
``all_purchases`` (全部采购口径) keeps every purchase of chain enterprises, with the lines that match no
segment under the segment ``OTHER``. A seller is local (本省) when its region code is a code of the
home province in the ``regions`` table, and in the buyer's city (本市) when both codes share a city.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import ibis

from gaodi.chains.placement import memtable, nullable
from gaodi.chains.rules import SegmentRules
from gaodi.chains.sources import ChainData
from gaodi.errors import InputError

OTHER = "_other"
SCOPES = ("chain_inputs", "all_purchases")


@dataclass(frozen=True)
class Period:
    """An inclusive range of invoice months, e.g. ``Period.parse("2025")`` = 2025-01 … 2025-12."""

    first: str
    last: str
    label: str

    @classmethod
    def parse(cls, text: str) -> Period:
        """Read ``2025`` (a year), ``2025-03`` (a month) or ``2025-01:2025-06`` (a range)."""
        text = str(text).strip()
        if re.fullmatch(r"\d{4}", text):
            return cls(f"{text}-01", f"{text}-12", text)
        if re.fullmatch(r"\d{4}-\d{2}", text):
            return cls(text, text, text)
        m = re.fullmatch(r"(\d{4}-\d{2})\s*[:：~至]\s*(\d{4}-\d{2})", text)
        if m and m.group(1) <= m.group(2):
            return cls(m.group(1), m.group(2), f"{m.group(1)}:{m.group(2)}")
        raise InputError(f"期间 {text} 无法识别", f"cannot read the period {text!r}",
                         fix="写年份 2025、月份 2025-03，或区间 2025-01:2025-06")


def classify_inputs(pairs: ibis.Table, rules: SegmentRules, placements: ibis.Table) -> ibis.Table:
    """Map distinct (seller_uscc, product_code) pairs to (chain_id, segment_id) by the precedence above."""
    prod = memtable(rules.products, {"chain_id": "string", "segment_id": "string", "prefix": "string"})
    ind = memtable(rules.industry, {"chain_id": "string", "segment_id": "string", "code": "string"})
    cols = ("seller_uscc", "product_code", "chain_id", "segment_id")
    by_product = pairs.join(prod, pairs.product_code.startswith(prod.prefix)).select(*cols)
    by_class = pairs.join(ind, pairs.product_code == ind.code).select(*cols)
    sellers = placements.select("chain_id", "segment_id", seller_uscc=placements.uscc)
    by_seller = pairs.join(sellers, "seller_uscc").select(*cols)
    ranked = ibis.union(
        nullable(by_product.mutate(key="1|" + by_product.segment_id)),
        nullable(by_class.mutate(key="2|" + by_class.segment_id)),
        nullable(by_seller.mutate(key="3|" + by_seller.segment_id)))
    best = ranked.group_by(["seller_uscc", "product_code", "chain_id"]).aggregate(key=ranked.key.min())
    return best.select("seller_uscc", "product_code", "chain_id", segment_id=best.key.substr(2))


def purchase_lines(data: ChainData, rules: SegmentRules, placements: ibis.Table, period: Period,
                   scope: str = "chain_inputs") -> ibis.Table:
    """Chain purchase lines: chain_id, segment_id, month, buyer, buyer_city, seller, seller_region,
    local (bool), same_city (bool), amount (万元)."""
    if scope not in SCOPES:
        raise InputError(f"没有 {scope} 这种口径", f"unknown scope {scope}", fix="可选 " + "、".join(SCOPES))
    t = data.transactions
    t = t.filter((t.period >= period.first) & (t.period <= period.last))
    t = t.select("seller_uscc", "seller_region", "buyer_uscc", "buyer_region", "amount",
                 month=t.period, product_code=t.product_code.fill_null(""))
    buyers = placements.select("chain_id", buyer_uscc=placements.uscc).distinct()
    lines = t.join(buyers, "buyer_uscc")
    pairs = lines.select("seller_uscc", "product_code").distinct()
    inputs = classify_inputs(pairs, rules, placements)
    how = "inner" if scope == "chain_inputs" else "left"
    lines = lines.join(inputs, ["seller_uscc", "product_code", "chain_id"], how=how)
    r = data.regions
    home = r.select(seller_region=r.code, seller_city=r.city_code,
                    local=r.in_home_province.fill_null(False))
    bcity = r.select(buyer_region=r.code, buyer_city=r.city_code)
    lines = lines.left_join(home, "seller_region").left_join(bcity, "buyer_region")
    buyer_city = lines.buyer_city.fill_null(lines.buyer_region)
    return lines.select(
        "chain_id", segment_id=lines.segment_id.fill_null(OTHER), month=lines.month,
        buyer_uscc=lines.buyer_uscc, buyer_city=buyer_city, seller_uscc=lines.seller_uscc,
        seller_region=lines.seller_region, local=lines.local.fill_null(False),
        same_city=(lines.seller_city.fill_null(lines.seller_region) == buyer_city)
        & lines.local.fill_null(False),
        amount=lines.amount)


def flows(lines: ibis.Table, by_month: bool = False) -> ibis.Table:
    """Sum lines to one row per (chain, segment, buyer, seller[, month]): the input of every figure."""
    keys = ["chain_id", "segment_id", "buyer_uscc", "buyer_city", "seller_uscc", "seller_region",
            "local", "same_city"] + (["month"] if by_month else [])
    return lines.group_by(keys).aggregate(amount=lines.amount.sum())
