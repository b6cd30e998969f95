"""Write the demo province as the files a province would hand over: XLSX, CSV and Parquet, with
Chinese headers and explicit units, so that the demo goes through the same import path as users."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from gaodi.demo.statistics import DEFLATORS

STAT_HEADERS = {
    "uscc": "统一社会信用代码", "period": "统计期", "above_scale": "是否规上", "revenue": "营业收入(万元)",
    "value_added": "工业增加值(万元)", "gross_output": "工业总产值(万元)", "profit": "利润总额(万元)",
    "tax": "税收(万元)", "rd_expense": "研发经费(万元)", "employees": "从业人员", "energy_tce": "综合能耗(吨标准煤)",
    "water_m3": "用水量(立方米)", "carbon_t": "碳排放(吨)", "land_mu": "用地面积(亩)", "investment": "投资(万元)",
    "digital_design_tools": "使用数字化研发设计工具",
}


def _yes_no(s: pd.Series) -> pd.Series:
    return s.map({True: "是", False: "否"})


def write_csv(df: pd.DataFrame, path: Path) -> Path:
    df.to_csv(path, index=False, encoding="utf-8-sig", float_format="%.4f")
    return path


def write_xlsx(df: pd.DataFrame, path: Path, sheet: str) -> Path:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(sheet)
    ws.append(list(df.columns))
    for row in df.itertuples(index=False):
        ws.append([None if (isinstance(v, float) and v != v) else v for v in row])
    wb.save(path)
    return path


def parks_file(parks: pd.DataFrame, folder: Path) -> Path:
    return write_csv(parks.rename(columns={
        "park_id": "园区代码", "name": "园区名称", "level": "园区级别", "region_code": "所在县市区代码",
        "area_mu": "规划面积(亩)", "kind": "园区类型"}), folder / "园区.csv")


def enterprises_file(ent: pd.DataFrame, folder: Path) -> Path:
    df = ent.rename(columns={
        "uscc": "统一社会信用代码", "name": "企业名称", "region_code": "所在县市区代码", "park_id": "园区代码",
        "industry_code": "行业代码", "founded_year": "成立年份", "ownership": "登记注册类型", "listed": "是否上市"})
    df["是否上市"] = _yes_no(df["是否上市"])
    return write_xlsx(df, folder / "企业名录.xlsx", "企业名录")


def statistics_file(stats: pd.DataFrame, path: Path) -> Path:
    df = stats.copy()
    for col in ("above_scale", "digital_design_tools"):
        if col in df:
            df[col] = _yes_no(df[col])
    df["employees"] = df["employees"].round().astype("int64")
    return write_csv(df.rename(columns=STAT_HEADERS), path)


def titles_file(titles: pd.DataFrame, folder: Path) -> Path:
    df = titles.rename(columns={"uscc": "统一社会信用代码", "title": "称号", "level": "等级",
                                "year_granted": "认定年份", "year_expiring": "有效期至", "product": "产品"})
    df["有效期至"] = df["有效期至"].astype("Int64")
    return write_csv(df, folder / "企业称号.csv")


def deflators_file(folder: Path, province_code: str) -> Path:
    df = pd.DataFrame([{"地区代码": province_code, "年份": y, "口径": "制造业", "价格指数": v, "基期": "上年=100",
                        "来源": "演示数据（非官方）"} for y, v in DEFLATORS.items()])
    return write_csv(df, folder / "价格指数.csv")


def simple_file(df: pd.DataFrame, headers: dict[str, str], path: Path) -> Path:
    return write_csv(df.rename(columns=headers), path)
