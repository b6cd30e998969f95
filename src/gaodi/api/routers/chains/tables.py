"""The chain routes' tables: columns with their Chinese labels and units, rows as the pages and files show them.

Rates and shares are fractions from 0 to 1 (unit ``fraction``), as in the core and ``gaodi chains --json``;
CSV and XLSX exports, read by people, show them in percent. A suppressed figure is ``null`` with ``suppressed``
set to ``primary`` (fewer than 3 enterprises) or ``secondary`` (a total would give it back), never 0.
"""

from __future__ import annotations

import pandas as pd
from fastapi import Query

from gaodi.api.listing import rows_response, sort_rows
from gaodi.chains import Options
from gaodi.chains.service import SHARE_UNIT, SHARES
from gaodi.chains.suppression import ALL
from gaodi.directory.paging import records
from gaodi.serialize import to_jsonable
from gaodi.terms import TERMS

PeriodQ = Query(None, description="2025、2025-03 或 2025-01:2025-06；默认有发票数据的最近一年 (period)")
SortQ = Query(None, description="排序列，前加 - 为降序 (column, -column)")
MIN_COUNT = Options().min_count
BY_DIMENSIONS = {"segment": "环节", "city": "市州", "month": "月份"}
STAGES = {stage: zh for stage, (zh, _) in TERMS["stage"].items()}  # the English view names them by gaodi.terms


def columns_of(*specs: tuple[str, str, str, str]) -> list[dict[str, str]]:
    return [{"key": k, "label": zh, "label_en": en, "unit": SHARE_UNIT if k in SHARES else u}
            for k, zh, en, u in specs]


SEGMENT = (("segment_id", "环节代码", "segment", ""), ("segment_name", "环节", "segment name", ""),
           ("stage_label", "上中下游", "stage", ""))
CITY = (("buyer_city", "市州代码", "city code", ""), ("city_name", "市州", "city", ""))
SUPPRESSED = ("suppressed", "不公布", "suppressed", "")
VALUE = (("purchases", "采购额", "purchases", "万元"), ("local_amount", "本省采购额", "local purchases", "万元"),
         ("leakage", "省外采购（外流）", "leakage", "万元"), ("province_rate", "本省配套率", "province rate", "%"),
         ("city_rate", "本市配套率", "city rate", "%"))
COUNT = (("suppliers", "供应商数", "suppliers", "家"), ("local_suppliers", "本省供应商数", "local suppliers", "家"),
         ("supplier_rate", "本省供应商占比", "local supplier share", "%"))
BUYERS = ("buyers", "采购企业数", "buying enterprises", "家")
CHAIN_COLUMNS = columns_of(("chain_id", "产业链代码", "chain", ""), ("name", "产业链", "chain name", ""),
                         ("leader", "链长", "chain leader", ""), ("segments", "环节数", "segments", "个"),
                         ("enterprises", "链上企业数", "enterprises placed", "家"), *VALUE, BUYERS, SUPPRESSED)
LEAK_SEGMENT = columns_of(*SEGMENT, ("purchases", "采购额", "purchases", "万元"), ("leakage", "外流", "leakage", "万元"),
                        ("province_rate", "本省配套率", "province rate", "%"), BUYERS,
                        ("suppliers", "供应商数", "suppliers", "家"), SUPPRESSED)
LEAK_REGION = columns_of(("supplier_province", "供应商所在省代码", "supplier province", ""),
                       ("province_name", "供应商所在省", "province", ""), ("leakage", "外流", "leakage", "万元"),
                       ("share", "占外流比重", "share of leakage", "%"), ("sellers", "省外供应商数", "sellers", "家"),
                       BUYERS, SUPPRESSED)
GAP_COLUMNS = columns_of(*SEGMENT, ("gap_label", "诊断", "diagnosis", ""), *VALUE[:4], BUYERS,
                       ("suppliers", "供应商数", "suppliers", "家"), ("local_suppliers", "本省供应商数", "local suppliers", "家"),
                       ("local_enterprises", "本省链上企业数", "local enterprises placed", "家"),
                       ("hhi", "供应集中度 HHI", "HHI", "0–1"), ("top2_share", "前两家本省供应商份额", "top-2 local share", "%"),
                       ("single_source_buyers", "单一来源采购企业数", "single-source buyers", "家"),
                       ("single_source_outside", "其中来源在省外", "of which from outside", "家"), SUPPRESSED)
TARGET_COLUMNS = columns_of(("rank", "排序", "rank", ""), ("score", "招商得分", "score", ""), *SEGMENT,
                            ("gap_label", "诊断", "diagnosis", ""),
                          ("leakage", "外流", "leakage", "万元"), ("province_rate", "本省配套率", "province rate", "%"),
                          BUYERS, ("local_suppliers", "本省供应商数", "local suppliers", "家"),
                          ("local_enterprises", "本省链上企业数", "local enterprises placed", "家"),
                          ("reasons", "理由", "reasons", ""), SUPPRESSED)
SEGMENT_FIRM_COLUMNS = columns_of(("name", "企业名称", "enterprise", ""), ("place", "所在地", "place", ""),
                                 ("role_label", "角色", "role", ""), ("uscc", "统一社会信用代码", "USCC", ""))
SUPPLIER_COLUMNS = columns_of(("rank", "排序", "rank", ""), ("seller_uscc", "统一社会信用代码", "USCC", ""),
                            ("seller_region", "所在地区代码", "region", ""), ("region_name", "所在地区", "place", ""),
                            ("chain_buyers", "本链采购企业数", "chain buyers", "家"))
PROJECT_COLUMNS = columns_of(
    ("project_id", "项目编号", "project", ""), ("name", "项目名称", "name", ""), *SEGMENT[:2],
    ("stage_label", "阶段", "stage", ""), ("region_code", "地区代码", "region", ""), ("park_id", "园区", "park", ""),
    ("investment", "总投资", "investment", "万元"), ("expected_output", "预计年产值", "expected output", "万元"),
    ("signed_date", "签约日期", "signed", ""), ("start_date", "开工日期", "started", ""),
    ("production_date", "投产日期", "in production", ""), ("output_in_period", "本期产值", "output in period", "万元"),
    ("replaced", "可替代外流", "leakage replaced", "万元"), ("segment_rate", "环节配套率", "segment rate", "%"),
    ("segment_rate_after", "项目后环节配套率", "segment rate after", "%"), ("chain_rate", "全链配套率", "chain rate", "%"),
    ("chain_rate_after", "项目后全链配套率", "chain rate after", "%"), SUPPRESSED)


def rows_of(frame: pd.DataFrame) -> list[dict]:
    """Records with stage labels; shares stay fractions; suppressed figures stay None."""
    out = frame.copy()
    hidden = out["suppressed"].notna() if "suppressed" in out else pd.Series(False, index=out.index)
    for c in SHARES:
        if c in out:
            out[c] = [None if h or v is None or pd.isna(v) else float(v) for v, h in zip(out[c], hidden)]
    if "stage" in out and "stage_label" not in out:
        out["stage_label"] = out["stage"].map(STAGES)
    for c in out.select_dtypes("datetime").columns:
        out[c] = out[c].dt.strftime("%Y-%m-%d")
    if "suppressed" in out:
        out["suppressed"] = out["suppressed"].where(hidden, None)
    return to_jsonable(records(out))


def listed(rows: list[dict], paging, fmt: str, columns: list[dict], filename: str, sort: str | None):
    rows = sort_rows(rows, sort)
    if fmt != "json":  # a file read by people: notes in words, shares in percent
        notes = {"primary": f"不公布（少于{MIN_COUNT}家）", "secondary": "不公布（防减推）", ALL: "合计"}
        rows = [{k: notes.get(v, v) if isinstance(v, str) else percent(k, v) for k, v in r.items()} for r in rows]
        columns = [{**c, "unit": "%"} if c["key"] in SHARES else c for c in columns]
    return rows_response(rows, paging, fmt, columns, filename)


def percent(key: str, value):
    return round(value * 100, 10) if key in SHARES and isinstance(value, float) else value


def respond(cache, key: tuple, rows, paging, fmt, columns, filename, sort, extra: dict | None = None):
    """A page (cached as encoded JSON per data version) or the whole list as a file."""
    if fmt != "json":
        return listed(rows(), paging, fmt, columns, filename, sort)
    return cache.response((*key, paging, sort), lambda: {
        **listed(rows(), paging, "json", columns, "", sort), **(extra or {})})
