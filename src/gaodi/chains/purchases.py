"""The purchases of a chain: invoice lines bought by chain enterprises, each tied to one input segment.

A line (seller, buyer, month, product code, amount in 万元) is a purchase of chain *c* when its buyer
is placed in *c*. Its **input segment** in *c* is the first segment whose rule matches, in this order
of precedence (ties go to the smaller segment id):

1. the product code starts with one of the segment's ``product_codes`` (税收分类编码 prefixes);
2. the product code is one of the segment's ``industry_codes`` (extracts that carry the seller's
   GB/T 4754 class as product code, as the demo does);
3. the seller is placed in the segment (rule or manual placement; local sellers only).

Rules 1 and 2 depend on the product code alone and rule 3 on the seller alone, so the segments are
found for the distinct product codes and the placed sellers (small tables), not line by line.

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

    @property
    def whole_years(self) -> bool:
        """True when the period runs from a January to a December (one year or several)."""
        return self.first.endswith("-01") and self.last.endswith("-12")

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


def product_segments(products: ibis.Table, rules: SegmentRules) -> ibis.Table:
    """Map distinct product codes to (chain_id, segment_id) by rules 1 and 2 (prefix before class)."""
    prod = memtable(rules.products, {"chain_id": "string", "segment_id": "string", "prefix": "string"})
    ind = memtable(rules.industry, {"chain_id": "string", "segment_id": "string", "code": "string"})
    by_product = products.join(prod, products.product_code.startswith(prod.prefix))
    by_class = products.join(ind, products.product_code == ind.code)
    ranked = ibis.union(
        nullable(by_product.select("product_code", "chain_id", key="1|" + by_product.segment_id)),
        nullable(by_class.select("product_code", "chain_id", key="2|" + by_class.segment_id)))
    best = ranked.group_by(["product_code", "chain_id"]).aggregate(key=ranked.key.min())
    return best.select("product_code", "chain_id", product_segment=best.key.substr(2))


def seller_segments(members: ibis.Table) -> ibis.Table:
    """Rule 3: a placed seller's segment in each chain (the smallest segment id when several)."""
    return members.group_by(["chain_id", "key"]).aggregate(seller_segment=members.segment_id.min()) \
        .rename(seller_key="key")


def _invoice_lines(data: ChainData, placements: ibis.Table, period: Period, use_pairs: bool):
    """The lines of ``period`` keyed by ``seller_key``/``buyer_key``, and the placements with ``key``.

    From the yearly pairs the keys are the integer party ids (joins and distinct counts on integers);
    from the invoice lines they are the USCCs.
    """
    if use_pairs:
        pairs = data.pairs
        t = pairs.filter((pairs.year >= int(period.first[:4])) & (pairs.year <= int(period.last[:4])))
        t = t.select(seller_key=t.seller_id, buyer_key=t.buyer_id, seller_region=t.seller_region,
                     buyer_region=t.buyer_region, product_code=t.product_code, amount=t.amount.cast("float64"),
                     month=ibis.literal(period.label))
        parties = data.parties
        members = placements.join(parties, "uscc").select("chain_id", "segment_id", key=parties.party_id)
        return t, members
    t = data.transactions
    t = t.filter((t.period >= period.first) & (t.period <= period.last))
    t = t.select(seller_key=t.seller_uscc, buyer_key=t.buyer_uscc, seller_region=t.seller_region,
                 buyer_region=t.buyer_region, product_code=t.product_code.fill_null(""), amount=t.amount,
                 month=t.period)
    return t, placements.select("chain_id", "segment_id", key=placements.uscc)


def purchase_lines(data: ChainData, rules: SegmentRules, placements: ibis.Table, period: Period,
                   scope: str = "chain_inputs", monthly: bool = False, with_uscc: bool = True) -> ibis.Table:
    """Chain purchase lines: chain_id, segment_id, month, buyer, buyer_city, seller, seller_region,
    local (bool), same_city (bool), amount (万元), and buyer_uscc, seller_uscc when ``with_uscc``.

    Whole years are read from the yearly purchase pairs when the source has them (``monthly=False``);
    ``month`` is then the period's label, and ``buyer``/``seller`` are integer party ids (to count
    and join on). Otherwise the invoice lines are read month by month, and the keys are the USCCs.
    """
    if scope not in SCOPES:
        raise InputError(f"没有 {scope} 这种口径", f"unknown scope {scope}", fix="可选 " + "、".join(SCOPES))
    use_pairs = data.pairs is not None and period.whole_years and not monthly
    t, members = _invoice_lines(data, placements, period, use_pairs)
    buyers = members.select("chain_id", buyer_key=members.key).distinct()
    lines = t.join(buyers, "buyer_key")
    products = product_segments(t.select("product_code").distinct(), rules)
    lines = lines.left_join(products, ["product_code", "chain_id"]).select(*lines.columns, "product_segment")
    sellers = seller_segments(members)
    lines = lines.left_join(sellers, ["seller_key", "chain_id"]).select(*lines.columns, "seller_segment")
    lines = lines.mutate(segment_id=lines.product_segment.fill_null(lines.seller_segment))
    if scope == "chain_inputs":
        lines = lines.filter(lines.segment_id.notnull())
    r = data.regions
    home = r.select(seller_region=r.code, seller_city=r.city_code,
                    local=r.in_home_province.fill_null(False))
    bcity = r.select(buyer_region=r.code, buyer_city=r.city_code)
    lines = lines.left_join(home, "seller_region").left_join(bcity, "buyer_region")
    names = []
    if with_uscc and use_pairs:
        parties = data.parties
        sellers = parties.select(seller_key=parties.party_id, seller_uscc=parties.uscc)
        buyer_ids = parties.select(buyer_key=parties.party_id, buyer_uscc=parties.uscc)
        lines = lines.join(sellers, "seller_key").join(buyer_ids, "buyer_key")
        names = ["buyer_uscc", "seller_uscc"]
    elif with_uscc:
        lines = lines.mutate(seller_uscc=lines.seller_key, buyer_uscc=lines.buyer_key)
        names = ["buyer_uscc", "seller_uscc"]
    buyer_city = lines.buyer_city.fill_null(lines.buyer_region)
    return lines.select(
        "chain_id", *names, segment_id=lines.segment_id.fill_null(OTHER), month=lines.month,
        buyer=lines.buyer_key, buyer_city=buyer_city, seller=lines.seller_key,
        seller_region=lines.seller_region, local=lines.local.fill_null(False),
        same_city=(lines.seller_city.fill_null(lines.seller_region) == buyer_city)
        & lines.local.fill_null(False),
        amount=lines.amount)


def flows(lines: ibis.Table, by_month: bool = False) -> ibis.Table:
    """Sum lines to one row per (chain, segment, buyer, seller[, month]): the input of every figure."""
    keys = ["chain_id", "segment_id", "buyer", "buyer_city", "seller", "seller_region", "local", "same_city"] \
        + [c for c in ("buyer_uscc", "seller_uscc") if c in lines.columns] + (["month"] if by_month else [])
    return lines.group_by(keys).aggregate(amount=lines.amount.sum())
