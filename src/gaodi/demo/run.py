"""Build the demo province and import it through the user's import path."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from gaodi.catalogs.industry import industry_catalog
from gaodi.catalogs.region import region_catalog
from gaodi.demo import files, targets
from gaodi.demo.chains import chain_tables, cluster_tables, project_table
from gaodi.demo.population import make_enterprises, make_parks
from gaodi.demo.statistics import make_statistics
from gaodi.demo.titles import make_titles
from gaodi.demo.transactions import supplier_network, write_months
from gaodi.errors import InputError
from gaodi.indicators import scopes

SEED = 20260602  # the plan's date of issue


@dataclass
class DemoPlan:
    """The files of a demo province, in the order they must be imported."""

    size: targets.Size
    folder: Path
    files: list[tuple[str, Path]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


Progress = Callable[[str, int, int], None]


def generate(folder: Path, size_name: str = "medium", province_code: str = "430000",
             progress: Progress | None = None) -> DemoPlan:
    """Write every file of the demo province into ``folder``; deterministic for a size."""
    if size_name not in targets.SIZES:
        raise InputError(f"没有 {size_name} 这个规模", f"unknown size {size_name}",
                         fix="可选 small、medium、large")
    size = targets.SIZES[size_name]
    step = progress or (lambda *_: None)
    rng = np.random.default_rng(SEED)
    regions, industries = region_catalog(province_code), industry_catalog()
    folder.mkdir(parents=True, exist_ok=True)
    plan = DemoPlan(size, folder)
    total = 6
    step("园区与企业 parks and enterprises", 1, total)
    parks = make_parks(rng, regions, size)
    ent = make_enterprises(rng, regions, industries, parks, size)
    codes = ent["industry_code"].to_numpy()
    groups = {
        "hightech": np.isin(codes, list(scopes.catalogue_scope(industries, "hightech_manufacturing").codes)),
        "advanced": np.isin(codes, list(scopes.advanced_manufacturing(industries).codes)),
        "mfg": np.isin(codes, list(scopes.manufacturing(industries).codes)),
        "sei": np.isin(codes, list(scopes.catalogue_scope(industries, "strategic_emerging").codes)),
    }
    step("企业统计 statistics", 2, total)
    annual, monthly = make_statistics(rng, ent, size, groups)
    stats25 = annual[annual["period"] == "2025"].reset_index(drop=True)
    step("称号与等级 titles", 3, total)
    titles = make_titles(rng, ent, stats25, size)
    step("产业链、集群与项目 chains, clusters, projects", 4, total)
    revenue25 = stats25["revenue"].to_numpy()
    chains, segments, masters = chain_tables(rng, ent, revenue25)
    clusters, members = cluster_tables(rng, ent, targets.count("national_clusters", size),
                                       targets.count("sme_clusters", size))
    projects = project_table(rng, ent, segments, max(30, size.parks * 2))

    step("写出文件 writing files", 5, total)
    f = plan.files
    f.append(("parks", files.parks_file(parks, folder)))
    f.append(("enterprises", files.enterprises_file(ent, folder)))
    f.append(("statistics", files.statistics_file(annual, folder / "企业统计-2021至2025年.csv")))
    f.append(("statistics", files.statistics_file(monthly, folder / "企业统计-月度累计-2025年1月至2026年10月.csv")))
    f.append(("titles", files.titles_file(titles, folder)))
    f.append(("deflators", files.deflators_file(folder, province_code)))
    f.append(("chains", files.simple_file(chains, {
        "chain_id": "产业链代码", "name": "产业链名称", "sector": "所属产业", "leader": "链长",
        "leader_title": "链长职务", "description": "说明"}, folder / "产业链.csv")))
    f.append(("segments", files.simple_file(segments, {
        "chain_id": "产业链代码", "segment_id": "环节代码", "name": "环节名称", "stage": "上中下游",
        "industry_codes": "行业代码"}, folder / "产业链环节.csv")))
    f.append(("placements", files.simple_file(masters, {
        "chain_id": "产业链代码", "segment_id": "环节代码", "uscc": "统一社会信用代码", "role": "角色"},
        folder / "链主企业.csv")))
    f.append(("clusters", files.simple_file(clusters, {
        "cluster_id": "集群代码", "name": "集群名称", "level": "集群级别", "region_code": "所在地区代码",
        "chain_id": "产业链代码", "year_recognised": "认定年份"}, folder / "产业集群.csv")))
    f.append(("cluster-members", files.simple_file(members, {"cluster_id": "集群代码", "uscc": "统一社会信用代码"},
                                                   folder / "集群成员.csv")))
    f.append(("projects", files.simple_file(projects, {
        "project_id": "项目编号", "name": "项目名称", "chain_id": "产业链代码", "segment_id": "环节代码",
        "uscc": "项目单位信用代码", "region_code": "所在地区代码", "park_id": "园区代码", "stage": "项目阶段",
        "investment": "总投资(万元)", "expected_output": "预计年产值(万元)", "signed_date": "签约日期",
        "start_date": "开工日期", "production_date": "投产日期"}, folder / "重点项目.csv")))
    step("供货交易 transactions", 6, total)
    net = supplier_network(rng, ent, revenue25, size.suppliers_per_buyer)
    for path in write_months(rng, ent, net, 2025, folder / "transactions"):
        f.append(("transactions", path))
    plan.counts = {"parks": len(parks), "enterprises": len(ent), "above_scale_2025": size.above_scale,
                   "statistics_rows": len(annual) + len(monthly), "titles": len(titles),
                   "transactions": int(len(net["amount"]) * 12)}
    return plan


def timed(fn, *args, **kwargs):
    start = time.perf_counter()
    out = fn(*args, **kwargs)
    return out, time.perf_counter() - start
