"""The chain analytics of one data source: the Python API the CLI (and later the REST API) calls.

    >>> from gaodi.core import Gaodi                                   # doctest: +SKIP
    >>> a = ChainAnalysis.from_store(Gaodi.open("ws").store)           # doctest: +SKIP
    >>> a.rates("2025", by=("segment", "city"))                        # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import ibis
import pandas as pd

from gaodi.chains import diagnosis, graph, projects, targets
from gaodi.chains.placement import placement_table
from gaodi.chains.purchases import Period, flows, purchase_lines
from gaodi.chains.rates import DIMENSIONS, blank, cube_expr, rate_table
from gaodi.chains.rules import STAGE_ORDER, SegmentRules, expand_rules
from gaodi.chains.suppression import ALL
from gaodi.chains.sources import ChainData, from_store
from gaodi.errors import InputError, NotFoundError


@dataclass(frozen=True)
class Options:
    """Thresholds of the diagnosis; every one is an option of the CLI."""

    min_count: int = 3  # enterprises below which a cell is suppressed
    weak_rate: float = 0.30  # local rate below which a segment is a weak link
    weak_top2_share: float = 0.80  # top-2 local suppliers' share above which supply is concentrated
    single_source_share: float = 0.90  # one supplier's share of a buyer's purchases in a segment


class ChainAnalysis:
    """Chains, placements, supporting rates and diagnosis over one :class:`ChainData`."""

    def __init__(self, data: ChainData, options: Options | None = None) -> None:
        self.data = data
        self.options = options or Options()
        self.segments = data.execute(data.segments.select(
            "chain_id", "segment_id", "name", "stage", "parent_segment_id", "industry_codes",
            "product_codes", "keywords"))
        self.chains = data.execute(data.chains.select("chain_id", "name", "sector", "leader",
                                                      "leader_title"))
        self.rules: SegmentRules = expand_rules(self.segments)
        self.placements = placement_table(data, self.rules)

    @classmethod
    def from_store(cls, store, options: Options | None = None, province_code: str = "430000"):
        return cls(from_store(store, province_code), options)

    # --- chains -----------------------------------------------------------------------------
    def chain(self, chain_id: str) -> pd.Series:
        found = self.chains[self.chains.chain_id == chain_id]
        if found.empty:
            raise NotFoundError(f"没有产业链 {chain_id}", f"no chain {chain_id}",
                                fix="用 gaodi chains list 查看产业链代码")
        return found.iloc[0]

    def placed(self, chain_id: str | None = None) -> pd.DataFrame:
        """Placements (rule and manual) with the enterprise's name and region."""
        p = self.placements
        if chain_id is not None:
            self.chain(chain_id)
            p = p.filter(p.chain_id == chain_id)
        e = self.data.enterprises.select("uscc", "name", "region_code", "industry_code")
        return self.data.execute(p.join(e, "uscc").order_by(["chain_id", "segment_id", "uscc"]))

    # --- purchases --------------------------------------------------------------------------
    def lines(self, period: str | Period, scope: str = "chain_inputs",
              chain_id: str | None = None, monthly: bool = False, with_uscc: bool = True) -> ibis.Table:
        period = period if isinstance(period, Period) else Period.parse(period)
        lines = purchase_lines(self.data, self.rules, self.placements, period, scope, monthly, with_uscc)
        if chain_id is not None:
            self.chain(chain_id)
            lines = lines.filter(lines.chain_id == chain_id)
        return lines

    def flows(self, period: str | Period, scope: str = "chain_inputs", chain_id: str | None = None,
              by_month: bool = False, with_uscc: bool = True) -> ibis.Table:
        """Purchase flows; ``with_uscc=False`` keeps only the integer keys (all that rates need)."""
        return flows(self.lines(period, scope, chain_id, monthly=by_month, with_uscc=with_uscc), by_month)

    def rates(self, period: str | Period, by: Sequence[str] = ("segment",),
              scope: str = "chain_inputs", chain_id: str | None = None) -> pd.DataFrame:
        """Local supporting rates of every cell and total of chain × ``by`` (segment, city, month)."""
        by = tuple(dict.fromkeys(by))  # each dimension once: a repeated one would only multiply the work
        unknown = [b for b in by if b not in DIMENSIONS]
        if unknown:
            raise InputError(f"不能按 {'、'.join(unknown)} 分组", f"cannot group by {unknown}",
                             fix="可选 segment（环节）、city（市州）、month（月份）")
        with self.data.once(self.lines(period, scope, chain_id, monthly="month" in by, with_uscc=False)) as lines:
            cube = self.data.execute(cube_expr(lines, by))
        return self._named(rate_table(cube, by, self.options.min_count))

    def _named(self, table: pd.DataFrame) -> pd.DataFrame:
        """Add segment and stage names where a table has a segment column."""
        if "segment_id" not in table:
            return table
        names = self.segments[["chain_id", "segment_id", "name", "stage"]].rename(
            columns={"name": "segment_name"})
        out = table.merge(names, on=["chain_id", "segment_id"], how="left")
        front = [c for c in ("chain_id", "segment_id", "segment_name", "stage") if c in out]
        return out[front + [c for c in out.columns if c not in front]]

    # --- diagnosis --------------------------------------------------------------------------
    def _segment_rates(self, period, chain_id, hide: bool) -> pd.DataFrame:
        with self.data.once(self.lines(period, "chain_inputs", chain_id, with_uscc=False)) as lines:
            cube = self.data.execute(cube_expr(lines, ("segment",)))
        return rate_table(cube, ("segment",), self.options.min_count, hide=hide)

    def _segments_of(self, chain_id: str | None) -> pd.DataFrame:
        seg = self.segments if chain_id is None else self.segments[self.segments.chain_id == chain_id]
        return seg.assign(stage_order=seg["stage"].map(STAGE_ORDER).fillna(9))

    def gaps(self, period: str | Period, chain_id: str | None = None) -> pd.DataFrame:
        """Every segment with its rates, concentration, single sources and gap type (缺链/弱链)."""
        rates = self._segment_rates(period, chain_id, hide=False)
        structure = self.data.execute(diagnosis.segment_structure(
            self.flows(period, "chain_inputs", chain_id), self.options.single_source_share))
        p = self.placements
        counts = self.data.execute(p.group_by(["chain_id", "segment_id"]).aggregate(
            local_enterprises=p.uscc.nunique()))
        table = diagnosis.gap_table(rates, structure, self._segments_of(chain_id), counts, self.options)
        return table.sort_values(["chain_id", "stage_order", "segment_id"]).drop(
            columns="stage_order").reset_index(drop=True)

    def leakage(self, period: str | Period, chain_id: str | None = None,
                by: str = "segment") -> pd.DataFrame:
        """Purchases leaking out of the province, by input segment or by supplier province."""
        if by == "segment":
            r = self._named(self._segment_rates(period, chain_id, hide=True))
            return r[["chain_id", "segment_id", "segment_name", "stage", "purchases", "leakage",
                      "province_rate", "buyers", "suppliers", "local_suppliers", "suppressed"]]
        if by != "region":
            raise InputError(f"外流只能按 segment 或 region 分组，不能按 {by}", f"cannot split leakage by {by}",
                             fix="用 --by segment（环节）或 --by region（供应商所在省份）")
        expr = diagnosis.region_leakage(self.flows(period, "chain_inputs", chain_id), self.data.regions)
        table = self.data.execute(expr)
        total = table[table.supplier_province == ALL].set_index("chain_id")["leakage"]
        table["share"] = table["leakage"] / table["chain_id"].map(total).astype("float64")
        return diagnosis.protect_regions(table, self.options.min_count)[
            ["chain_id", "supplier_province", "province_name", "leakage", "share", "sellers",
             "buyers", "suppressed"]]

    def masters(self, period: str | Period, chain_id: str | None = None) -> pd.DataFrame:
        """Chain masters' pull on local suppliers; amounts only for all masters of a chain together.

        Per master: local suppliers and anchored suppliers (counts). The row ``uscc = '*'`` gives the
        masters' chain-input purchases, local purchases and local rate together, suppressed when the
        chain has fewer than ``min_count`` masters.
        """
        pull = self.data.execute(diagnosis.master_pull(self.flows(period, "chain_inputs", chain_id),
                                                       self.placements))
        if chain_id is not None:
            pull = pull[pull.chain_id == chain_id]
        for c in ("local_suppliers", "anchored_suppliers"):
            pull[c] = pull[c].fillna(0).astype(int)
        names = self.data.execute(self.data.enterprises.select("uscc", "name"))
        rows = pull.merge(names, on="uscc", how="left")
        total = pull.groupby("chain_id").agg(purchases=("purchases", "sum"),
                                             local_amount=("local_amount", "sum"),
                                             masters=("uscc", "nunique")).reset_index()
        total["local_rate"] = total["local_amount"] / total["purchases"]
        total["uscc"], total["name"] = ALL, "全部链主 all masters"
        total["suppressed"] = [None if m >= self.options.min_count else "primary" for m in total.masters]
        total = blank(total, ("purchases", "local_amount", "local_rate"))
        per = rows[["chain_id", "uscc", "name", "local_suppliers", "anchored_suppliers"]]
        out = pd.concat([per, total.drop(columns="masters")], ignore_index=True)
        for c in ("local_suppliers", "anchored_suppliers"):
            out[c] = out[c].astype("Int64")
        return out.sort_values(["chain_id", "uscc"], key=lambda s: s.replace(ALL, "~")).reset_index(drop=True)

    # --- investment targets and projects ----------------------------------------------------
    def targets(self, period: str | Period, chain_id: str | None = None) -> pd.DataFrame:
        """Segments to attract, ranked, with the reasons (see :mod:`gaodi.chains.targets`)."""
        g = self.gaps(period, chain_id)
        raw = self._segment_rates(period, chain_id, hide=False)
        leak = g[["chain_id", "segment_id"]].merge(
            raw[["chain_id", "segment_id", "leakage"]], on=["chain_id", "segment_id"], how="left")
        return targets.rank_targets(g, leak["leakage"])

    def segment_enterprises(self, chain_id: str, segment_id: str) -> pd.DataFrame:
        """The local enterprises placed in a segment (by its rules or by hand), with their place and role."""
        self.chain(chain_id)
        p = self.placements
        p = p.filter((p.chain_id == chain_id) & (p.segment_id == segment_id))
        ent = self.data.enterprises.select("uscc", "name", "region_code")
        rows = p.join(ent, "uscc").select("uscc", "name", "region_code", "role", "source")
        return self.data.execute(rows.order_by([ibis.desc(rows.role == "master"), "uscc"]))

    def suppliers(self, period: str | Period, chain_id: str, segment_id: str,
                  top: int = 20) -> pd.DataFrame:
        """Out-of-province suppliers already selling the segment's inputs into the chain, ranked."""
        self.chain(chain_id)
        expr = targets.outside_suppliers(self.flows(period, "chain_inputs", chain_id), chain_id,
                                         segment_id)
        return self.data.execute(expr.filter(expr.rank <= top).order_by("rank"))

    def projects(self, chain_id: str | None = None, stage: str | None = None) -> pd.DataFrame:
        """Key projects with their segment, stage, investment, expected output (万元) and dates."""
        p = self.data.projects.select(*projects.PROJECT_COLUMNS)
        if chain_id is not None:
            p = p.filter(p.chain_id == chain_id)
        if stage is not None:
            if stage not in projects.STAGE_LABELS:
                raise InputError(f"没有 {stage} 这个项目阶段", f"unknown stage {stage}",
                                 fix="可选 signed（签约）、started（开工）、production（投产）")
            p = p.filter(p.stage == stage)
        table = self.data.execute(p.order_by("project_id"))
        names = self.segments[["chain_id", "segment_id", "name"]].rename(columns={"name": "segment_name"})
        table = table.merge(names, on=["chain_id", "segment_id"], how="left")
        table["stage_label"] = table["stage"].map(projects.STAGE_LABELS)
        return table

    def project_effects(self, period: str | Period, chain_id: str | None = None,
                        stage: str | None = None) -> pd.DataFrame:
        """The rate each project (and all of a chain's together, ``project_id='*'``) would bring."""
        period = period if isinstance(period, Period) else Period.parse(period)
        months = _months(period)
        listed = self.projects(chain_id, stage)
        listed = listed[listed.chain_id.notna() & listed.segment_id.notna()]
        rates = self._segment_rates(period, chain_id, hide=False)
        return projects.what_if(listed, rates, months)

    # --- graph ------------------------------------------------------------------------------
    def graph(self, period: str | Period, chain_id: str) -> dict:
        """The chain map: segments with rates, flows between segments (JSON-ready)."""
        c = self.chain(chain_id)
        f = self.flows(period, "chain_inputs", chain_id)
        cube = self.data.execute(graph.edge_cube(f, self.placements))
        chain = {"chain_id": chain_id, "name": c["name"], "leader": c["leader"],
                 "period": str(period if isinstance(period, str) else period.label)}
        return graph.chain_graph(cube, self._segments_of(chain_id), chain, self.options.min_count)


def _months(period: Period) -> int:
    y0, m0 = map(int, period.first.split("-"))
    y1, m1 = map(int, period.last.split("-"))
    return (y1 - y0) * 12 + m1 - m0 + 1
