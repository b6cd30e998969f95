"""`gaodi region`: specialisation, clusters, shift-share, complexity and growth opportunities."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import pandas as pd
import typer

from gaodi.cli.output import console, print_json, print_table
from gaodi.errors import InputError, Location
from gaodi.regional import (
    LongTableColumns,
    apply_region_level,
    economic_complexity,
    future_industry_priorities,
    growth_opportunities,
    matrices_by_year,
    read_table_file,
    region_industry_matrix,
    shift_share,
    specialisation,
    strong_clusters,
)
from gaodi.regional.exclusions import Exclusion
from gaodi.regional.future_industries import priorities_from_table

app = typer.Typer(
    name="region",
    help="区域布局分析：专业化、集群、偏离-份额、复杂度、发展机会 (regional layout analytics).",
    no_args_is_help=True,
)

InputOpt = Annotated[Path | None, typer.Option(
    "--input", "-i", help="长表 CSV/XLSX/Parquet：地区、行业、数值[、年份]；省略时用工作区企业数据 (long table; "
                          "default: the workspace store).")]
SheetOpt = Annotated[str | None, typer.Option("--sheet", help="XLSX 工作表名 (sheet name).")]
LevelOpt = Annotated[str | None, typer.Option("--level", help="city 市州 | county 县市区：按 6 位行政区划代码汇总或校验.")]
RegionOpt = Annotated[str, typer.Option("--region-column", help="地区列名 (region column).")]
IndustryOpt = Annotated[str, typer.Option("--industry-column", help="行业列名 (industry column).")]
ValueOpt = Annotated[str, typer.Option("--value-column", help="数值列名 (value column).")]
YearColumnOpt = Annotated[str, typer.Option("--year-column", help="年份列名 (year column).")]
YearOpt = Annotated[str | None, typer.Option("--year", help="表中有多个年份时选一个 (pick one year).")]
ThresholdOpt = Annotated[float, typer.Option("--threshold", help="显性比较优势门槛 M=1 当 RCA ≥ 门槛 (RCA threshold).")]
JsonOpt = Annotated[bool, typer.Option("--json", help="输出 JSON (print one JSON document).")]

_store = {"measure": "value_added", "digits": 2}


@app.callback()
def _store_options(
    measure: Annotated[str, typer.Option(help="用工作区数据时的指标：value_added | revenue | employees | gross_output")]
    = "value_added",
    digits: Annotated[int, typer.Option(help="用工作区数据时的行业位数：2 大类、3 中类、4 小类")] = 2,
) -> None:
    """区域布局分析 (regional layout analytics)."""
    _store.update(measure=measure, digits=digits)


HEADERS = {
    "region": "地区 region", "industry": "行业 industry", "total": "合计 total",
    "share": "占比 share", "krugman": "克鲁格曼 K", "herfindahl": "赫芬达尔 HHI",
    "top_industry": "最高LQ行业", "top_lq": "最高LQ", "regions_lq_at_least_1": "LQ≥1地区数",
    "value": "数值 value", "lq": "区位熵 LQ", "lq_threshold": "LQ门槛", "size_threshold": "规模门槛",
    "strong": "强集群", "reason": "判定 reason", "base": "基期 base", "final": "末期 final",
    "change": "增量 Δ", "national_share": "全域份额 NS", "industry_mix": "结构 IM",
    "regional_shift": "竞争 RS", "competitive_effect": "净竞争 CE", "allocation_effect": "配置 AE",
    "diversity": "多样性", "eci": "ECI", "ubiquity": "普遍性", "pci": "PCI",
    "density": "密度", "distance": "距离", "priority": "优先级", "priority_label": "优先类别",
    "attractiveness": "吸引力", "feasibility_rank": "可行性名次", "attractiveness_rank": "吸引力名次",
}
CLASSIC = ["region", "base", "final", "change", "national_share", "industry_mix", "regional_shift"]


@app.command("specialise")
def specialise_command(input_file: InputOpt = None, sheet: SheetOpt = None, level: LevelOpt = None,
                       region_column: RegionOpt = "region", industry_column: IndustryOpt = "industry",
                       value_column: ValueOpt = "value", year_column: YearColumnOpt = "year",
                       year: YearOpt = None, json_out: JsonOpt = False) -> None:
    """区位熵、克鲁格曼专业化指数、赫芬达尔指数 (LQ, Krugman, Herfindahl)."""
    columns = LongTableColumns(region_column, industry_column, value_column, year_column)
    table, year = _one_year(input_file, sheet, level, columns, year)
    matrix = region_industry_matrix(table, columns)
    result = specialisation(matrix)
    regions = _records(result.regions, "region")
    industries = _records(result.industries, "industry")
    if json_out:
        lq = result.location_quotients.stack().rename("lq").reset_index()
        values = matrix.loc[result.location_quotients.index, result.location_quotients.columns]
        lq = lq[values.to_numpy().ravel() > 0]
        print_json({"year": year, "regions": regions, "industries": industries, "location_quotients": lq,
                    **_exclusions(result)})
        return
    _show(regions, "地区专业化 (regions: Krugman, Herfindahl, top LQ)")
    _show(industries, "行业集中度 (industries: Herfindahl across regions)")
    _print_exclusions(result)


@app.command("clusters")
def clusters_command(input_file: InputOpt = None, sheet: SheetOpt = None, level: LevelOpt = None,
                     region_column: RegionOpt = "region", industry_column: IndustryOpt = "industry",
                     value_column: ValueOpt = "value", year_column: YearColumnOpt = "year",
                     year: YearOpt = None,
                     lq_quantile: Annotated[float, typer.Option("--lq-quantile", help="区位熵分位门槛 (default 0.75 = 前四分之一).")] = 0.75,
                     min_lq: Annotated[float, typer.Option("--min-lq", help="区位熵下限 (default 1).")] = 1.0,
                     size_quantile: Annotated[float, typer.Option("--size-quantile", help="规模分位门槛 (default 0.25 = 高于后四分之一).")] = 0.25,
                     show_all: Annotated[bool, typer.Option("--all", help="列出全部地区×行业，不只强集群 (show every pair).")] = False,
                     json_out: JsonOpt = False) -> None:
    """强集群识别：区位熵居前四分之一且 ≥1，规模高于后四分之一 (strong clusters)."""
    columns = LongTableColumns(region_column, industry_column, value_column, year_column)
    table, year = _one_year(input_file, sheet, level, columns, year)
    matrix = region_industry_matrix(table, columns)
    table = strong_clusters(matrix, lq_quantile=lq_quantile, min_lq=min_lq,
                            size_quantile=size_quantile)
    shown = table if show_all else table[table["strong"]]
    rule = {"lq_quantile": lq_quantile, "min_lq": min_lq, "size_quantile": size_quantile}
    if json_out:
        print_json({"rule": rule, "clusters": shown})
        return
    _show(shown, f"强集群 (strong clusters; LQ ≥ Q{lq_quantile:g} 且 ≥ {min_lq:g}, "
              f"规模 > Q{size_quantile:g})")


@app.command("shiftshare")
def shiftshare_command(input_file: InputOpt = None, sheet: SheetOpt = None, level: LevelOpt = None,
                       region_column: RegionOpt = "region", industry_column: IndustryOpt = "industry",
                       value_column: ValueOpt = "value", year_column: YearColumnOpt = "year",
                       base_year: Annotated[str | None, typer.Option("--base-year", help="基期 (default: 最早年份).")] = None,
                       final_year: Annotated[str | None, typer.Option("--final-year", help="末期 (default: 最晚年份).")] = None,
                       by_industry: Annotated[bool, typer.Option("--by-industry", help="列出每个地区×行业 (show every cell).")] = False,
                       esteban: Annotated[bool, typer.Option("--esteban-marquillas", help="加列净竞争效应 CE 与配置效应 AE (CE + AE = RS).")] = False,
                       json_out: JsonOpt = False) -> None:
    """偏离-份额分解 (Dunn 1960，附 Esteban-Marquillas 配置效应) (shift-share)."""
    columns = LongTableColumns(region_column, industry_column, value_column, year_column)
    table, _ = _load(input_file, sheet, level, columns)
    by_year = matrices_by_year(table, columns)
    years = sorted(by_year)
    base = base_year or years[0]
    final = final_year or years[-1]
    for option, chosen in (("--base-year", base), ("--final-year", final)):
        if chosen not in by_year:
            raise InputError(
                message=f"{option} {chosen} 不在表中；表中年份：{'、'.join(years)}",
                message_en=f"{option} {chosen} is not in the table; years present: "
                           f"{', '.join(years)}.",
                fix=f"从表中年份里选择 {option}。",
                location=Location(file=str(input_file), column=year_column),
            )
    if base == final:
        raise InputError(
            message=f"基期与末期相同（{base}），至少需要两个年份",
            message_en=f"Base and final year are the same ({base}); two years are needed.",
            fix="用 --base-year 和 --final-year 选两个不同的年份。",
        )
    result = shift_share(by_year[base], by_year[final])
    regions = _records(result.regions, "region")
    if json_out:
        print_json({"base_year": base, "final_year": final,
                    "provincial_growth": result.provincial_growth, "regions": regions,
                    "cells": result.cells, "new_industries": result.new_industries})
        return
    console.print(f"{base}→{final} 全域增长率 (provincial growth): {result.provincial_growth:.2%}")
    shown = CLASSIC + (["competitive_effect", "allocation_effect"] if esteban else [])
    _show(regions, "偏离-份额分解，按地区 (shift-share by region)", shown)
    if by_industry:
        _show(result.cells, "偏离-份额分解，按地区×行业 (by region and industry)",
              shown[:1] + ["industry"] + shown[1:])
    if result.new_industries:
        console.print(f"[yellow]注意 (note)[/yellow]: 基期全域为 0 的行业按全域增长率处理 "
                      f"(industries absent in the base year): {', '.join(result.new_industries)}")


@app.command("complexity")
def complexity_command(input_file: InputOpt = None, sheet: SheetOpt = None, level: LevelOpt = None,
                       region_column: RegionOpt = "region", industry_column: IndustryOpt = "industry",
                       value_column: ValueOpt = "value", year_column: YearColumnOpt = "year",
                       year: YearOpt = None, threshold: ThresholdOpt = 1.0,
                       json_out: JsonOpt = False) -> None:
    """经济复杂度 ECI 与行业复杂度 PCI（特征向量法，z 分数）(economic complexity)."""
    columns = LongTableColumns(region_column, industry_column, value_column, year_column)
    table, year = _one_year(input_file, sheet, level, columns, year)
    matrix = region_industry_matrix(table, columns)
    result = economic_complexity(matrix, threshold)
    regions = [{"region": r, "diversity": int(result.diversity[r]), "eci": float(v)}
               for r, v in result.eci.sort_values(ascending=False).items()]
    industries = [{"industry": i, "ubiquity": int(result.ubiquity[i]), "pci": float(v)}
                  for i, v in result.pci.sort_values(ascending=False).items()]
    if json_out:
        print_json({"threshold": result.threshold, "regions": regions, "industries": industries,
                    "second_eigenvalue": result.second_eigenvalue,
                    "components": result.components, "notes": result.notes,
                    **_exclusions(result)})
        return
    _show(regions, "地区经济复杂度 (ECI, z-score, sign aligned with diversity)")
    _show(industries, "行业复杂度 (PCI, z-score)")
    _print_exclusions(result)
    for note in result.notes:
        console.print(f"[yellow]注意 (note)[/yellow]: {note}")


@app.command("opportunities")
def opportunities_command(input_file: InputOpt = None, sheet: SheetOpt = None, level: LevelOpt = None,
                          region_column: RegionOpt = "region",
                          industry_column: IndustryOpt = "industry",
                          value_column: ValueOpt = "value", year_column: YearColumnOpt = "year",
                          year: YearOpt = None, threshold: ThresholdOpt = 1.0,
                          priorities: Annotated[Path | None, typer.Option("--priorities", help="优先行业表 CSV/XLSX：industry、weight(0–1)、label.")] = None,
                          future: Annotated[bool, typer.Option("--future-industries", help="加入内置的未来产业映射（湘政发〔2026〕6号）.")] = False,
                          priority_bonus: Annotated[float, typer.Option("--priority-bonus", help="吸引力 = PCI + β·优先级 中的 β (default 1).")] = 1.0,
                          sort: Annotated[str, typer.Option("--sort", help="density 可行性 | attractiveness 吸引力.")] = "density",
                          top: Annotated[int, typer.Option("--top", help="每个地区列出前 N 个 (per region).")] = 10,
                          only: Annotated[list[str] | None, typer.Option("--region", help="只看这些地区 (repeatable).")] = None,
                          json_out: JsonOpt = False) -> None:
    """各地区尚无比较优势的行业：按密度（可行性）和吸引力排序 (growth opportunities)."""
    columns = LongTableColumns(region_column, industry_column, value_column, year_column)
    table, year = _one_year(input_file, sheet, level, columns, year)
    matrix = region_industry_matrix(table, columns)
    wanted = list(future_industry_priorities()) if future else []
    if priorities is not None:
        wanted += priorities_from_table(read_table_file(priorities))
    result = growth_opportunities(economic_complexity(matrix, threshold), wanted,
                                  priority_bonus=priority_bonus, sort_by=sort, top=top)
    table = result.table
    if only:
        table = table[table["region"].isin(only)]
    if json_out:
        print_json({"sort": sort, "top": top, "priority_bonus": priority_bonus,
                    "opportunities": table, "unmatched_priorities": result.unmatched_priorities,
                    **_exclusions(result)})
        return
    _show(table, f"发展机会 (growth opportunities, top {top} by {sort})")
    if result.unmatched_priorities:
        console.print(f"[yellow]注意 (note)[/yellow]: 以下优先行业代码在表中没有对应行业 "
                      f"(priority codes matching no industry): "
                      f"{', '.join(result.unmatched_priorities)}")
    _print_exclusions(result)


def _load(path: Path | None, sheet: str | None, level: str | None, columns: LongTableColumns,
          year: str | None = None) -> tuple[pd.DataFrame, str | None]:
    """The long table and the year to analyse: from the file, or from the workspace store, where no
    ``--year`` means the core's default (the latest year with annual statistics, as the REST API takes)."""
    if path is None:
        from gaodi.cli.context import open_workspace

        g = open_workspace()
        table = g.regional.long_table(_store["measure"], level or "city", _store["digits"])
        return table.rename(columns={"region": columns.region, "industry": columns.industry,
                                     "value": columns.value, "year": columns.year}), g.regional.year(year)
    table = read_table_file(path, sheet=sheet)
    return apply_region_level(table, level, columns.region), year


def _one_year(path: Path | None, sheet: str | None, level: str | None, columns: LongTableColumns,
              year: str | None) -> tuple[pd.DataFrame, str | None]:
    """The table of one year and that year (None: a file without years); several years of a file are
    refused rather than added up silently."""
    table, year = _load(path, sheet, level, columns, year)
    if columns.year not in table.columns:
        if year is not None:
            raise InputError(
                message=f"用了 --year，但表中没有年份列 {columns.year}",
                message_en=f"--year was given but the table has no year column {columns.year}.",
                fix="用 --year-column 指明年份列，或去掉 --year。",
                location=Location(file=str(path), column=columns.year),
            )
        return table, None
    years = sorted(table[columns.year].dropna().astype(str).str.strip().unique())
    if year is None:
        if len(years) > 1:
            raise InputError(
                message=f"表中有多个年份（{'、'.join(years)}），不能直接相加",
                message_en=f"The table holds several years ({', '.join(years)}); they cannot be "
                           f"added up.",
                fix="用 --year 选一个年份。",
                location=Location(file=str(path), column=columns.year),
            )
        return table, years[0] if years else None
    if year not in years:
        raise InputError(
            message=f"年份 {year} 不在表中；表中年份：{'、'.join(years)}",
            message_en=f"Year {year} is not in the table; years present: {', '.join(years)}.",
            fix="从表中年份里选择 --year。",
            location=Location(file=str(path), column=columns.year),
        )
    return table[table[columns.year].astype(str).str.strip() == year], year


def _show(rows: Any, title: str, columns: list[str] | None = None) -> None:
    """Print records with Chinese-and-English headings; keys stay English in --json."""
    if isinstance(rows, pd.DataFrame):
        rows = rows.to_dict(orient="records")
    keys = columns or (list(rows[0]) if rows else [])
    print_table([{HEADERS.get(k, k): r.get(k) for k in keys} for r in rows], title=title)


def _records(frame: pd.DataFrame, key: str) -> list[dict[str, Any]]:
    return frame.rename_axis(key).reset_index().to_dict(orient="records")


def _exclusions(result: Any) -> dict[str, list[Exclusion]]:
    return {"excluded_regions": result.excluded_regions,
            "excluded_industries": result.excluded_industries}


def _print_exclusions(result: Any) -> None:
    for kind, items in (("地区 (regions)", result.excluded_regions),
                        ("行业 (industries)", result.excluded_industries)):
        if items:
            print_table([{"名称 label": e.label, "原因": e.reason_zh, "reason": e.reason}
                         for e in items], title=f"未参与计算的{kind} (left out, with reasons)")
