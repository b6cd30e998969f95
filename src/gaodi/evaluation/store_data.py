"""Read what a store evaluation needs: one row per enterprise, park or cluster for one year.

Everything is an Ibis expression until the final ``execute``, so the same code runs on DuckDB and
on Spark. Units are the store's canonical ones (万元, 吨标准煤, 亩, 人). A year's figures are the
annual period (``period = "2025"``, ``period_type = "year"``); the previous year's are read beside
them with the prefix ``prev_`` so that growth rates can be computed.
"""

from __future__ import annotations

import ibis
import pandas as pd

from gaodi.errors import DataQualityError

STAT_FIELDS = (
    "revenue",
    "value_added",
    "gross_output",
    "profit",
    "tax",
    "rd_expense",
    "employees",
    "energy_tce",
    "water_m3",
    "carbon_t",
    "land_mu",
    "investment",
)
"""Numeric fields of the ``statistics`` table that indicators may use."""

EMISSION_FIELDS = ("cod_t", "ammonia_n_t", "so2_t", "nox_t", "pollutants_t")
"""Main pollutant emissions in 吨 (table ``pollutant_emissions``): COD, 氨氮, SO2, NOx and their sum
``pollutants_t`` (the denominator of 单位排放增加值; null when none of the four is reported)."""

TITLE_COLUMNS = {
    "专精特新小巨人": "title_little_giant",
    "制造业单项冠军": "title_single_champion",
    "专精特新中小企业": "title_specialised_sme",
    "创新型中小企业": "title_innovative_sme",
    "高新技术企业": "title_high_tech",
    "智能工厂": "title_smart_factory",
    "绿色工厂": "title_green_factory",
}
"""The titles of ``enterprise_titles`` and the flag column each gives (held in the year)."""

SUBJECTS = ("enterprises", "parks", "clusters")


def held_titles(store, year: int) -> ibis.Table:
    """One row per enterprise holding any title in ``year``: a 0/1 column per title.

    A title is held in year Y when year_granted ≤ Y and (year_expiring is null or ≥ Y)
    (docs/store.md, table enterprise_titles).
    """
    t = store.table("enterprise_titles")
    held = t.filter((t.year_granted <= year) & (t.year_expiring.isnull() | (t.year_expiring >= year)))
    return held.group_by("uscc").aggregate(
        **{
            column: (held.title == title).ifelse(1, 0).max()
            for title, column in TITLE_COLUMNS.items()
        }
    )


def enterprise_rows(store, year: int, *, every_enterprise: bool = False, uscc: str | list[str] | None = None,
                    enterprises: ibis.Table | None = None) -> ibis.Table:
    """Enterprises with figures for ``year``: master data, this year's and last year's statistics.

    The one enterprise row builder: evaluations, clusters, ladders and the policy calculator's attribute
    table all start from it. Columns: uscc, name, region_code, city_code, park_id, industry_code, section,
    founded_year, above_scale, the STAT_FIELDS, ``prev_<field>`` for year − 1, the EMISSION_FIELDS (and
    ``prev_``) and a flag per held title.

    By default only enterprises with an annual row for ``year`` are returned (an evaluation grades what
    it has figures for); ``every_enterprise`` keeps every enterprise of the register, its figures null when
    it reported none (the policy calculator then says 数据缺失). ``uscc`` reads only those enterprises;
    ``enterprises`` replaces the register (e.g. the enterprises of a user's scope).
    """
    st = store.table("statistics")
    ent = store.table("enterprises") if enterprises is None else enterprises
    if uscc is not None:  # filter the keyed tables, so a single enterprise's query reads a few rows
        wanted = [uscc] if isinstance(uscc, str) else list(uscc)
        ent, st = ent.filter(ent.uscc.isin(wanted)), st.filter(st.uscc.isin(wanted))
    this = st.filter((st.period == str(year)) & (st.period_type == "year")).select("uscc", "above_scale",
                                                                                    *STAT_FIELDS)
    last = st.filter((st.period == str(year - 1)) & (st.period_type == "year"))
    last = last.select("uscc", **{f"prev_{f}": last[f] for f in STAT_FIELDS})
    master = ent.select("uscc", "name", "region_code", "park_id", "industry_code", "founded_year")
    regions = store.table("regions").select(r_code="code", city_code="city_code")
    industries = store.table("industries").select(i_code="code", section="section")
    titles = held_titles(store, year)
    now_e = emissions(store, year)
    last_e = emissions(store, year - 1)
    last_e = last_e.select(e_uscc="uscc", **{f"prev_{f}": last_e[f] for f in EMISSION_FIELDS})
    figures = master.left_join(this, "uscc").drop("uscc_right") if every_enterprise else this.join(master, "uscc")
    rows = (
        figures
        .left_join(last, "uscc")
        .drop("uscc_right")
        .left_join(regions, ibis._.region_code == regions.r_code)
        .left_join(industries, ibis._.industry_code == industries.i_code)
        .left_join(titles, "uscc")
        .drop("uscc_right")
        .left_join(now_e, "uscc")
        .drop("uscc_right")
        .left_join(last_e, ibis._.uscc == last_e.e_uscc)
    )
    return rows.mutate(**{c: rows[c].fill_null(0) for c in TITLE_COLUMNS.values()}).drop(
        "r_code", "i_code", "e_uscc"
    )


def emissions(store, year: int) -> ibis.Table:
    """Main pollutant emissions of ``year`` per enterprise (吨), with their sum ``pollutants_t``.

    单位排放增加值 divides 工业增加值 by the sum of the four main pollutants (COD, 氨氮, SO2, NOx) in
    tonnes, as 浙江 亩均论英雄 counties do (浙政发〔2018〕5号; 黄岩区 计算说明); a pollutant not
    reported counts 0 when another one is, and the sum is null when none is.
    """
    e = store.table("pollutant_emissions")
    e = e.filter(e.year == year)
    parts = [e.cod_t, e.ammonia_n_t, e.so2_t, e.nox_t]
    reported = parts[0].notnull() | parts[1].notnull() | parts[2].notnull() | parts[3].notnull()
    total = sum((p.fill_null(0) for p in parts[1:]), parts[0].fill_null(0))
    return e.select("uscc", "cod_t", "ammonia_n_t", "so2_t", "nox_t",
                    pollutants_t=reported.ifelse(total, ibis.null("float64")))


def subject_frame(store, subject: str, year: int, population: dict | None = None) -> pd.DataFrame:
    """The base table of a store evaluation, one row per alternative, indexed by its id.

    ``enterprises``: one row per enterprise (id = uscc). ``parks`` and ``clusters``: the sums of
    the member enterprises' fields for the year and the year before, with ``enterprises`` (count),
    ``above_scale_count`` and the count of members holding each title. Parks also carry
    ``area_mu`` (planned area) and ``level``; clusters carry ``level``, ``region_code`` and
    ``year_recognised``.
    ``population`` filters the enterprises counted (``above_scale: true|false``).
    """
    rows = enterprise_rows(store, year)
    population = population or {}
    if population.get("above_scale") is not None:
        rows = rows.filter(rows.above_scale == bool(population["above_scale"]))
    if subject == "enterprises":
        frame = store.execute(rows)
        return frame.set_index("uscc", drop=False).rename_axis("id")
    if subject == "parks":
        parks = store.table("parks")
        in_parks = rows.filter(rows.park_id.notnull())
        grouped = in_parks.group_by("park_id").aggregate(**_sums(in_parks))
        expr = parks.select("park_id", "name", "level", "region_code", "area_mu").join(
            grouped, "park_id"
        )
        frame = store.execute(expr)
        return frame.set_index("park_id", drop=False).rename_axis("id")
    if subject == "clusters":
        members = store.table("cluster_members").select("cluster_id", m_uscc="uscc")
        joined = members.join(rows, members.m_uscc == rows.uscc)
        grouped = joined.group_by("cluster_id").aggregate(**_sums(joined))
        clusters = store.table("clusters")
        expr = clusters.select("cluster_id", "name", "level", "region_code", "year_recognised").join(
            grouped, "cluster_id"
        )
        frame = store.execute(expr)
        return frame.set_index("cluster_id", drop=False).rename_axis("id")
    raise DataQualityError(
        f"未知的评价对象类型 {subject!r}。",
        f"Unknown subject {subject!r}.",
        fix=f"可选：{'、'.join(SUBJECTS)}。",
    )


def _sums(rows: ibis.Table) -> dict:
    """Aggregates of member enterprises: field sums this year and last, counts, title holders."""
    sums = {f: rows[f].sum() for f in (*STAT_FIELDS, *EMISSION_FIELDS)}
    sums.update({f"prev_{f}": rows[f"prev_{f}"].sum() for f in (*STAT_FIELDS, *EMISSION_FIELDS)})
    sums.update({c: rows[c].sum() for c in TITLE_COLUMNS.values()})
    sums["enterprises"] = rows.count()
    sums["above_scale_count"] = rows.above_scale.ifelse(1, 0).sum()
    return sums


def years_with_data(store) -> list[int]:
    """The years that have annual statistics in the store, ascending."""
    st = store.table("statistics")
    years = store.execute(st.filter(st.period_type == "year").year.cast("int64").as_table()
                          .distinct())
    return sorted(int(y) for y in years.iloc[:, 0].tolist())
