"""``Chains``: the industrial chains of one workspace, as the CLI, the REST API and the reports ask for them.

    >>> g.chains.overview("2025")                 # doctest: +SKIP
    >>> g.chains.detail("CM", "2025")             # doctest: +SKIP
    >>> g.chains.analysis().rates("2025", by=("segment",), chain_id="CM")   # doctest: +SKIP

Rates and shares (:data:`SHARES`) are fractions from 0 to 1 here and in every JSON answer; only a
table or page read by a person shows them in percent (:func:`percent_text`).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from gaodi.chains.analysis import ChainAnalysis, Options
from gaodi.chains.rules import STAGE_ORDER
from gaodi.chains.sources import export_parquet, from_parquet, from_store, read_invoice_parquet, spark_session
from gaodi.chains.suppression import ALL
from gaodi.errors import InputError

__all__ = ["SHARES", "SHARE_UNIT", "Chains", "percent_text"]

SHARES = ("province_rate", "city_rate", "supplier_rate", "share", "top2_share", "local_rate", "segment_rate",
          "segment_rate_after", "chain_rate", "chain_rate_after")
"""The columns of the chain tables that are shares (fractions 0–1)."""
SHARE_UNIT = "fraction"
"""How the JSON answers state the unit of a share."""


def percent_text(value) -> str:
    """A share as a person reads it: 0.1956 → "19.6%"; missing → "—"."""
    if value is None or pd.isna(value):
        return "—"
    return f"{float(value) * 100:.1f}%"


class Chains:
    """The chain analytics of a workspace (``g`` is a :class:`gaodi.core.Gaodi`)."""

    def __init__(self, g) -> None:
        self.g = g

    def analysis(self, options: Options | None = None, *, engine: str = "duckdb", parquet: Path | None = None,
                 transactions: Path | None = None) -> ChainAnalysis:
        """The analysis over the workspace (DuckDB), or over Parquet files on Spark.

        ``transactions`` names monthly invoice Parquet files (Chinese headers) read instead of the
        store's; ``parquet`` (Spark only) a folder of the store's tables, exported when left out.
        """
        province = self.g.settings.province_code
        if engine == "duckdb":
            data = from_store(self.g.store, province)
            if transactions is not None:
                data = data.with_transactions(read_invoice_parquet(self.g.store.ibis, transactions))
            return ChainAnalysis(data, options)
        if engine == "spark":
            import ibis

            if parquet is None:
                parquet = self.g.settings.home / "chains-parquet"
                export_parquet(self.g.store, parquet)
            backend = ibis.pyspark.connect(spark_session())
            return ChainAnalysis(from_parquet(backend, parquet, transactions, province), options)
        raise InputError(f"没有 {engine} 引擎", f"unknown engine {engine}", fix="可选 duckdb、spark")

    def periods(self) -> list[str]:
        """The years with supply transactions in the store, newest first."""
        pairs = self.g.store.table("purchase_pairs")  # the invoice lines summed by year: a small scan
        years = self.g.store.execute(pairs.select(year=pairs.year.cast("string")).distinct())
        return sorted(years.year, reverse=True)

    def period(self, period: str | None = None, analysis: ChainAnalysis | None = None) -> str | None:
        """``period`` when given, else the latest year with transactions (None when there are none).

        With an ``analysis`` over other invoice lines, the latest year of those lines.
        """
        if period:
            return period
        if analysis is not None and analysis.data.pairs is None:
            t = analysis.data.transactions
            last = analysis.data.execute(t.period.max())
            return None if last is None or pd.isna(last) else str(last)[:4]
        years = self.periods()
        return years[0] if years else None

    def require_period(self, period: str | None = None, analysis: ChainAnalysis | None = None) -> str:
        """As :meth:`period`, but an error that says what to do when there are no transactions."""
        found = self.period(period, analysis)
        if found is None:
            raise InputError("没有供货交易数据", "no transactions in the workspace",
                             fix="先导入供货交易（发票汇总）数据（gaodi import transactions），或指定期间 (period)")
        return found

    def overview(self, period: str | None = None, analysis: ChainAnalysis | None = None) -> pd.DataFrame:
        """Every chain: leader, segments, enterprises placed, and the whole-chain rates of ``period``."""
        a = analysis or self.analysis()
        table = a.chains.merge(a.segments.groupby("chain_id").size().rename("segments"), on="chain_id", how="left")
        pl = a.placements
        placed = a.data.execute(pl.group_by("chain_id").aggregate(enterprises=pl.uscc.nunique()))
        table = table.merge(placed, on="chain_id", how="left").fillna({"segments": 0, "enterprises": 0})
        table = table.astype({"segments": int, "enterprises": int})
        if period is not None:
            r = a.rates(period, by=("segment",))
            table = table.merge(r[r.segment_id == ALL].drop(columns=["segment_id", "segment_name", "stage"]),
                                on="chain_id", how="left")
        return table.sort_values("chain_id").reset_index(drop=True)

    def detail(self, chain_id: str, period: str | None = None,
               analysis: ChainAnalysis | None = None) -> dict:
        """One chain: its row, its segments upstream to downstream with the enterprises placed, its chain
        masters (with their pull on local suppliers in ``period``) and all masters together."""
        a = analysis or self.analysis()
        info = a.chain(chain_id)
        placed = a.placed(chain_id)
        segs = a.segments[a.segments.chain_id == chain_id]
        segs = segs.assign(order=segs.stage.map(STAGE_ORDER)).sort_values(["order", "segment_id"])
        counts = placed.groupby("segment_id").uscc.nunique().rename("enterprises")
        segs = segs.merge(counts, on="segment_id", how="left").fillna({"enterprises": 0}).drop(columns="order")
        segs["enterprises"] = segs["enterprises"].astype(int)
        masters = placed[placed.role == "master"][["segment_id", "uscc", "name", "region_code"]]
        together = None
        if period is not None:
            pull = a.masters(period, chain_id)
            masters = masters.merge(pull[pull.uscc != ALL][["uscc", "local_suppliers", "anchored_suppliers"]],
                                    on="uscc", how="left")
            together = pull[pull.uscc == ALL].drop(columns=["uscc", "name", "local_suppliers",
                                                            "anchored_suppliers"])
        return {"chain": info.to_dict(), "period": period, "segments": segs.reset_index(drop=True),
                "masters": masters.reset_index(drop=True), "masters_together": together}

    def place_names(self, codes) -> dict[str, str]:
        """Region code → full name (省 市 县), for the codes given."""
        r = self.g.store.table("regions")
        frame = self.g.store.execute(r.select("code", "name", "city_code", "province_code", "in_home_province"))
        name = dict(zip(frame.code, frame.name))
        out = {}
        for row in frame[frame.code.isin(set(codes))].itertuples():
            parts = [None if row.in_home_province else name.get(row.province_code), name.get(row.city_code),
                     row.name]
            out[row.code] = "".join(dict.fromkeys(p for p in parts if isinstance(p, str)))
        return out
