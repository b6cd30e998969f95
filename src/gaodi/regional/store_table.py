"""The long table (region, industry, value, year) of the store's enterprise data, for the regional measures."""

from __future__ import annotations

import pandas as pd

from gaodi.errors import DataQualityError, InputError
from gaodi.store import Store

MEASURES = {"value_added": "工业增加值(万元)", "revenue": "营业收入(万元)", "employees": "从业人员(人)",
            "gross_output": "工业总产值(万元)"}


def long_table_from_store(store: Store, *, measure: str = "value_added", level: str = "city",
                          digits: int = 4, above_scale_only: bool = True) -> pd.DataFrame:
    """Sum ``measure`` of annual statistics by region (city or county code) × industry (2, 3 or 4 digits).

    Columns: region, industry, value, year. Enterprises outside the home province are not in the store.
    """
    if measure not in MEASURES:
        raise InputError(f"不支持的指标 {measure}", f"unknown measure {measure}", fix="可选：" + "、".join(MEASURES))
    if digits not in (2, 3, 4) or level not in ("city", "county"):
        raise InputError("行业位数须为 2、3 或 4，地区层级须为 city 或 county", "digits 2|3|4, level city|county",
                         fix="例如 --digits 2 --level city")
    st = store.table("statistics")
    st = st.filter(st.period_type == "year")
    if above_scale_only:
        st = st.filter(st.above_scale)
    e = store.table("enterprises").select("uscc", "region_code", "industry_code")
    t = st.inner_join(e, "uscc")
    region = t.region_code.substr(0, 4) + "00" if level == "city" else t.region_code
    t = t.mutate(region=region, industry=t.industry_code.substr(0, digits), year=t.period)
    out = store.execute(t.group_by(["region", "industry", "year"]).agg(value=t[measure].sum()))
    if out.empty:
        raise DataQualityError("库中没有年度企业统计数据", "no annual statistics in the store",
                               fix="先导入企业统计：gaodi import statistics 文件，或运行 gaodi demo")
    return out.sort_values(["year", "region", "industry"]).reset_index(drop=True)
