"""Build the policy calculator's enterprise table (政策计算器的企业画像表) from the store, with Ibis.

The rows come from the one enterprise row builder, :func:`gaodi.evaluation.store_data.enterprise_rows`
(``every_enterprise=True``), as for evaluations, clusters and ladders; this module derives the policy
attributes from them. One row per enterprise of ``enterprises`` (all of them: an enterprise without statistics for the year
keeps its master data and shows "数据缺失" on number conditions). For data year Y:

======================= =============================================================================
column                  from the store
======================= =============================================================================
uscc, name, park_id     enterprises
region_code, city_code  enterprises.region_code (current code) and regions.city_code
industry_code           enterprises.industry_code (GB/T 4754-2017 class, 4 digits)
age_years               Y − founded_year (years since registration, as the ladder criteria read it)
above_scale, revenue,   statistics, annual period Y (``period = "Y"``, ``period_type = "year"``), 万元, 人
rd_expense, investment,
employees
revenue_prev            statistics.revenue of Y − 1 (万元)
revenue_growth          (revenue / revenue_prev − 1) × 100, %; missing when revenue_prev ≤ 0 or missing
                        (:func:`gaodi.enterprise_ratios.growth_pct`, as every capability)
rd_intensity            rd_expense / revenue × 100, %; missing when revenue ≤ 0 (研发投入强度,
                        :func:`gaodi.enterprise_ratios.intensity_pct`)
new_hires               max(employees − employees of Y − 1, 0), 人: the net rise in headcount, a proxy
                        for 新增就业 (the store holds no hiring records)
size_class              大型/中型/小型/微型 by the enterprise's sector under 《统计上大中小微型企业划分办法
                        (2017)》(国统字〔2017〕213号), :func:`gaodi.catalogs.size_class.size_class_expr`
                        (e.g. 工业 大型 employees ≥ 1000 and revenue ≥ 40000万元; 软件和信息技术服务业
                        ≥ 300 and ≥ 10000万元); missing when the figures do not settle it (the store holds
                        no 资产总额, so 建筑业, 房地产开发经营 and 租赁和商务服务业 are classed only when
                        revenue or employees already make them 微型)
titles                  enterprise_titles held in ``titles_year`` (year_granted ≤ T and year_expiring null
                        or ≥ T) as "名称:级别" for 国家级/省级/市级, else "名称"
smart_factory_level     the highest 智能工厂 level held (基础级 → 基础 … 领航级 → 领航); 无 when none
catalogues              industry_catalogue memberships of industry_code, as Chinese names
                        (:data:`CATALOGUE_LABELS`); a class only partly in 战略性新兴产业 is listed as
                        "战略性新兴产业(部分行业)", so a policy must opt in to it explicitly
======================= =============================================================================

mu_class (亩均效益评价类别) is the class of the 亩均 evaluation of data year Y, given as ``mu_classes``
(``g.evaluations.mu_classes``, the one road from the evaluation); an enterprise it did not grade has
no class (数据缺失), never a D.

Not in the store, hence absent (conditions on them fail with 数据缺失) unless supplied with ``extra``:
invention_patents, serious_violation. ``extra`` is a table keyed by uscc
whose columns replace or add attributes (e.g. a 亩均 evaluation's classes, a credit-check list).
"""

from __future__ import annotations

from pathlib import Path

import ibis
import pandas as pd

from gaodi.access.filters import scoped_enterprises
from gaodi.access.scope import Scope
from gaodi.catalogs.size_class import size_class_expr
from gaodi.enterprise_ratios import growth_pct, intensity_pct
from gaodi.errors import InputError, Location
from gaodi.evaluation.store_data import enterprise_rows
from gaodi.policies.attributes import ATTRIBUTES, EnterpriseTable

__all__ = ["CATALOGUE_LABELS", "attribute_expr", "enterprise_attributes", "enterprise_table_from_store", "check_extra",
           "merge_extra", "read_extra_attributes"]

#: Catalogue ids of ``industry_catalogue`` and the names policies use for them.
CATALOGUE_LABELS = {
    "hightech_manufacturing": "高技术制造业",
    "strategic_emerging": "战略性新兴产业",
    "digital_economy_core": "数字经济核心产业",
    "equipment_manufacturing": "装备制造业",
    "hightech_services": "高技术服务业",
    "culture": "文化及相关产业",
    "elderly_care": "养老产业",
    "ip_intensive": "知识产权（专利）密集型产业",
}
PARTIAL_SUFFIX = "(部分行业)"
_RANKED_LEVELS = ("国家级", "省级", "市级")
_SMART_LEVELS = {"基础级": 1, "先进级": 2, "卓越级": 3, "领航级": 4}
_SMART_NAMES = {0: "无", 1: "基础", 2: "先进", 3: "卓越", 4: "领航"}


def attribute_expr(store, year: int, titles_year: int | None = None,
                   uscc: str | list[str] | None = None, scope: Scope | None = None) -> ibis.Table:
    """The enterprise attribute table of data year ``year`` as an Ibis expression (see module docstring).

    ``scope`` keeps the enterprises a user may see (a city, park, chain or enterprise scope).
    """
    titles_year = year if titles_year is None else titles_year
    scoped = scoped_enterprises(store, scope) if scope is not None and scope.kind != "province" else None
    rows = enterprise_rows(store, year, every_enterprise=True, uscc=uscc, enterprises=scoped)
    base = (rows.left_join(_titles(store, titles_year, uscc), "uscc").drop("uscc_right")
            .left_join(_catalogues(store), "industry_code").drop("industry_code_right"))
    rev, prev, emp = base.revenue, base.prev_revenue, base.employees.cast("float64")
    emp_prev = base.prev_employees.cast("float64")
    return base.select(
        "uscc", "name", "region_code", "city_code", "park_id", "industry_code",
        catalogues=base.catalogues,
        size_class=size_class_expr(base.industry_code, employees=emp, revenue=rev),
        titles=base.titles,
        above_scale=base.above_scale,
        revenue=rev,
        revenue_prev=prev,
        revenue_growth=growth_pct(rev, prev),
        rd_expense=base.rd_expense,
        rd_intensity=intensity_pct(base.rd_expense, rev),
        investment=base.investment,
        employees=emp,
        new_hires=ibis.cases((emp.notnull() & emp_prev.notnull(), ibis.greatest(emp - emp_prev, 0)),
                             else_=ibis.null("float64")),
        age_years=(year - base.founded_year).cast("float64"),
        smart_factory_level=base.smart_rank.fill_null(0),
    ).order_by("uscc")


def enterprise_attributes(store, year: int, titles_year: int | None = None, uscc: str | list[str] | None = None,
                          extra: pd.DataFrame | None = None, scope: Scope | None = None,
                          mu_classes: pd.DataFrame | None = None) -> pd.DataFrame:
    """The attribute table as pandas, ready for :class:`EnterpriseTable` (lists as Python lists).

    ``mu_classes`` (uscc, mu_class) adds the 亩均 class; ``extra`` is applied last and wins over it.
    """
    frame = store.execute(attribute_expr(store, year, titles_year, uscc, scope))
    frame["smart_factory_level"] = frame["smart_factory_level"].map(lambda r: _SMART_NAMES[int(r)])
    for column in ("titles", "catalogues"):
        frame[column] = frame[column].map(lambda v: sorted(v) if isinstance(v, (list, tuple)) or hasattr(
            v, "tolist") else [])
    frame["above_scale"] = frame["above_scale"].astype(object).where(frame["above_scale"].notna(), None)
    if mu_classes is not None:
        frame = frame.merge(mu_classes[["uscc", "mu_class"]], on="uscc", how="left")
        frame["mu_class"] = frame["mu_class"].astype(object).where(frame["mu_class"].notna(), None)
    if extra is not None:
        frame = merge_extra(frame, extra)
    return frame


def enterprise_table_from_store(store, year: int, titles_year: int | None = None,
                                uscc: str | list[str] | None = None,
                                extra: pd.DataFrame | None = None, scope: Scope | None = None,
                                mu_classes: pd.DataFrame | None = None) -> EnterpriseTable:
    """The compiled :class:`EnterpriseTable` the matcher reads, built from the store."""
    return EnterpriseTable(enterprise_attributes(store, year, titles_year, uscc, extra, scope, mu_classes),
                           source=f"store:{year}")


def read_extra_attributes(path: str | Path) -> pd.DataFrame:
    """Read a supplementary attribute file (CSV in UTF-8 or GB18030, or XLSX), every cell as text."""
    path = Path(path)
    if not path.exists():
        raise InputError(message="补充属性文件不存在", message_en="attribute file not found",
                         location=Location(file=str(path)), fix="检查路径 (check the path)")
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        frame = pd.read_excel(path, dtype=str, engine="openpyxl")
    else:
        try:
            frame = pd.read_csv(path, dtype=str, encoding="utf-8-sig", keep_default_na=False)
        except UnicodeDecodeError:
            frame = pd.read_csv(path, dtype=str, encoding="gb18030", keep_default_na=False)
    frame.columns = [str(c).strip() for c in frame.columns]
    frame = frame.replace("", None)
    check_extra(frame, path.name)
    return frame


def merge_extra(frame: pd.DataFrame, extra: pd.DataFrame, source: str = "extra") -> pd.DataFrame:
    """Replace or add attribute columns from ``extra`` (keyed by uscc); unknown columns are refused."""
    check_extra(extra, source)
    columns = [c for c in extra.columns if c != "uscc"]
    merged = frame.drop(columns=[c for c in columns if c in frame.columns])
    return merged.merge(extra[["uscc", *columns]], on="uscc", how="left")


def check_extra(extra: pd.DataFrame, source: str = "extra") -> None:
    """Refuse a supplementary table without uscc, with unknown attribute columns or repeated enterprises."""
    if "uscc" not in extra.columns:
        raise InputError(message="补充属性表缺少 uscc 列", message_en="the extra attribute table lacks a uscc column",
                         location=Location(file=source), fix="第一列写统一社会信用代码，表头 uscc")
    unknown = [c for c in extra.columns if c != "uscc" and c not in ATTRIBUTES]
    if unknown:
        raise InputError(message=f"补充属性表有未知列：{', '.join(unknown)}",
                         message_en=f"unknown attribute columns: {', '.join(unknown)}",
                         location=Location(file=source, column=unknown[0]),
                         fix="列名须是政策计算器的属性名，见 docs/enterprise-services.md (use attribute names)")
    duplicated = extra["uscc"][extra["uscc"].duplicated()]
    if len(duplicated):
        raise InputError(message=f"补充属性表中 {duplicated.iloc[0]} 重复", message_en="duplicate uscc in extra table",
                         location=Location(file=source, column="uscc"), fix="每家企业一行 (one row per enterprise)")


def _titles(store, year: int, uscc: str | list[str] | None) -> ibis.Table:
    t = store.table("enterprise_titles")
    if uscc is not None:
        t = t.filter(t.uscc.isin([uscc] if isinstance(uscc, str) else list(uscc)))
    held = t.filter((t.year_granted <= year) & (t.year_expiring.isnull() | (t.year_expiring >= year)))
    ranked = held.level.isin(_RANKED_LEVELS).fill_null(False)
    text = ibis.cases((ranked, held.title.concat(":", held.level)), else_=held.title)
    smart = ibis.cases(*[((held.title == "智能工厂") & (held.level == lv), rank) for lv, rank in _SMART_LEVELS.items()],
                       else_=0)
    held = held.mutate(title_text=text, smart=smart)
    return held.group_by("uscc").aggregate(titles=held.title_text.collect(distinct=True),
                                           smart_rank=held.smart.max())


def _catalogues(store) -> ibis.Table:
    c = store.table("industry_catalogue")
    label = c.catalogue.substitute(CATALOGUE_LABELS)
    label = ibis.cases((c.partial, label.concat(PARTIAL_SUFFIX)), else_=label)
    c = c.mutate(label=label)
    return c.group_by(industry_code=c.code).aggregate(catalogues=c.label.collect(distinct=True))
