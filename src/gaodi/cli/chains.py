"""`gaodi chains`: chain maps, local supporting rates, gaps, leakage, investment targets, projects."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import pandas as pd
import typer

from gaodi.chains import ChainAnalysis, Options, to_graphml
from gaodi.chains.service import SHARE_UNIT, SHARES, percent_text
from gaodi.cli.context import open_workspace
from gaodi.cli.output import console, print_json, print_table, to_jsonable
from gaodi.errors import InputError

app = typer.Typer(name="chains", help="产业链：链图、本地配套率、断链弱链、外流、精准招商、重点项目 (industrial chains).",
                  no_args_is_help=True)

ChainOpt = Annotated[Optional[str], typer.Option("--chain", "-c", help="产业链代码 (chain id); 不写则全部.")]
PeriodOpt = Annotated[Optional[str], typer.Option("--period", "-p", help="期间：2025、2025-03 或 2025-01:2025-06；默认最近一年.")]
EngineOpt = Annotated[str, typer.Option("--engine", help="duckdb（默认，直接读工作区）| spark（读 Parquet）.")]
ParquetOpt = Annotated[Optional[Path], typer.Option("--parquet", help="spark：gaodi 表的 Parquet 文件夹；默认从工作区导出.")]
TxOpt = Annotated[Optional[Path], typer.Option("--transactions", help="月度发票 Parquet 文件夹（中文表头，金额(元)）.")]
MinOpt = Annotated[int, typer.Option("--min-count", help="单元格企业数少于此数不显示 (suppression threshold).")]
JsonOpt = Annotated[bool, typer.Option("--json", help="输出 JSON (print one JSON document).")]


def _analysis(engine: str, parquet: Path | None, transactions: Path | None, min_count: int):
    g = open_workspace()
    return g, g.chains.analysis(Options(min_count=min_count), engine=engine, parquet=parquet,
                                transactions=transactions)


def _period(g, a: ChainAnalysis, period: str | None) -> str:
    return g.chains.require_period(period, a)


def _records(table: pd.DataFrame) -> list[dict]:
    """Rows for a person: shares in percent (19.6%), everything else as it is."""
    rows = to_jsonable(table)
    return [{k: percent_text(v) if k in SHARES else v for k, v in r.items()} for r in rows]


@app.command("list")
def list_command(json_out: JsonOpt = False) -> None:
    """列出产业链、链长、环节数与链上企业数 (list chains)."""
    table = open_workspace().chains.overview()
    if json_out:
        print_json({"chains": table})
        return
    print_table(_records(table), title="产业链 (chains)")


@app.command("show")
def show_command(chain: Annotated[str, typer.Argument(help="产业链代码 (chain id)")], period: PeriodOpt = None,
                 json_out: JsonOpt = False) -> None:
    """一条链：链长、环节（上中下游）、链主及其带动、各环节企业数 (one chain)."""
    g = open_workspace()
    found = g.chains.detail(chain, g.chains.period(period))
    info, segs, masters = found["chain"], found["segments"], found["masters"]
    if json_out:
        print_json({**found, "share_unit": SHARE_UNIT})
        return
    console.print(f"[bold]{info['name']}[/bold]（{chain}） 链长：{info['leader'] or '—'}")
    print_table(_records(segs[["segment_id", "name", "stage", "industry_codes", "product_codes",
                               "keywords", "enterprises"]]), title="环节 (segments)")
    print_table(_records(masters), title="链主 (chain masters)")


def _show(table: pd.DataFrame, title: str, json_out: bool, meta: dict, columns=None) -> None:
    if json_out:
        print_json({**meta, "share_unit": SHARE_UNIT, "rows": table})
        return
    cols = columns or list(table.columns)
    shown = table[cols].astype(object).where(table[cols].notna(), None)
    if "suppressed" in cols:
        shown["suppressed"] = shown["suppressed"].map(lambda s: "不公布 suppressed" if s else "")
    print_table(_records(shown), title=title)


@app.command("rate")
def rate_command(chain: ChainOpt = None, period: PeriodOpt = None,
                 by: Annotated[str, typer.Option("--by", help="segment、city、month，可用逗号组合.")] = "segment",
                 scope: Annotated[str, typer.Option("--scope", help="chain_inputs（链内配套口径）| all_purchases（全部采购）.")] = "chain_inputs",
                 engine: EngineOpt = "duckdb", parquet: ParquetOpt = None, transactions: TxOpt = None,
                 min_count: MinOpt = 3, json_out: JsonOpt = False) -> None:
    """本地配套率：按链、环节、市州、月份 (local supporting rate)."""
    g, a = _analysis(engine, parquet, transactions, min_count)
    p = _period(g, a, period)
    dims = tuple(b.strip() for b in by.split(",") if b.strip())
    table = a.rates(p, by=dims, scope=scope, chain_id=chain)
    keys = [c for c in ("chain_id", "segment_id", "segment_name", "buyer_city", "month") if c in table]
    _show(table, f"本地配套率 {p} (local supporting rate, 万元)", json_out,
          {"period": p, "scope": scope, "by": list(dims), "min_count": min_count},
          keys + ["purchases", "local_amount", "province_rate", "city_rate", "supplier_rate", "buyers",
                  "suppressed"])


@app.command("gaps")
def gaps_command(chain: ChainOpt = None, period: PeriodOpt = None, engine: EngineOpt = "duckdb",
                 parquet: ParquetOpt = None, transactions: TxOpt = None, min_count: MinOpt = 3,
                 weak_rate: Annotated[float, typer.Option("--weak-rate", help="本地配套率低于此值为弱链.")] = 0.30,
                 json_out: JsonOpt = False) -> None:
    """缺链、弱链、集中度与单一来源 (missing and weak links, concentration)."""
    g, a = _analysis(engine, parquet, transactions, min_count)
    a.options = Options(min_count=min_count, weak_rate=weak_rate)
    p = _period(g, a, period)
    table = a.gaps(p, chain)
    _show(table, f"断链弱链诊断 {p} (gaps)", json_out, {"period": p, "options": a.options},
          ["chain_id", "segment_id", "segment_name", "stage", "gap_label", "province_rate",
           "local_suppliers", "local_enterprises", "hhi", "single_source_buyers", "suppressed"])


@app.command("leakage")
def leakage_command(chain: ChainOpt = None, period: PeriodOpt = None,
                    by: Annotated[str, typer.Option("--by", help="segment（环节）| region（供应商所在省份）.")] = "segment",
                    engine: EngineOpt = "duckdb", parquet: ParquetOpt = None, transactions: TxOpt = None,
                    min_count: MinOpt = 3, json_out: JsonOpt = False) -> None:
    """省外采购外流：按环节或供应商省份 (purchase leakage out of the province)."""
    g, a = _analysis(engine, parquet, transactions, min_count)
    p = _period(g, a, period)
    table = a.leakage(p, chain, by)
    _show(table, f"采购外流 {p} (leakage, 万元)", json_out, {"period": p, "by": by})


@app.command("masters")
def masters_command(chain: ChainOpt = None, period: PeriodOpt = None, engine: EngineOpt = "duckdb",
                    parquet: ParquetOpt = None, transactions: TxOpt = None, min_count: MinOpt = 3,
                    json_out: JsonOpt = False) -> None:
    """链主带动本地配套 (chain-master pull on local suppliers)."""
    g, a = _analysis(engine, parquet, transactions, min_count)
    p = _period(g, a, period)
    _show(a.masters(p, chain), f"链主带动 {p} (master pull)", json_out, {"period": p})


@app.command("targets")
def targets_command(chain: ChainOpt = None, period: PeriodOpt = None,
                    segment: Annotated[Optional[str], typer.Option("--segment", help="列出该环节已向本链供货的省外企业.")] = None,
                    top: Annotated[int, typer.Option("--top", help="省外供应商列出前几名.")] = 20,
                    engine: EngineOpt = "duckdb", parquet: ParquetOpt = None, transactions: TxOpt = None,
                    min_count: MinOpt = 3, json_out: JsonOpt = False) -> None:
    """精准招商：应招引的环节及理由；--segment 时列出候选省外供应商 (investment targets)."""
    g, a = _analysis(engine, parquet, transactions, min_count)
    p = _period(g, a, period)
    if segment:
        if not chain:
            raise InputError("列出候选供应商需要 --chain", "--segment needs --chain", fix="加上 --chain 产业链代码")
        _show(a.suppliers(p, chain, segment, top), f"{chain} {segment} 省外供应商 {p} (outside suppliers)",
              json_out, {"period": p, "chain_id": chain, "segment_id": segment})
        return
    _show(a.targets(p, chain), f"招商目标环节 {p} (investment targets)", json_out, {"period": p},
          ["chain_id", "rank", "segment_id", "segment_name", "gap_label", "reasons"])


@app.command("projects")
def projects_command(chain: ChainOpt = None, period: PeriodOpt = None,
                     stage: Annotated[Optional[str], typer.Option("--stage", help="signed 签约 | started 开工 | production 投产.")] = None,
                     effect: Annotated[bool, typer.Option("--effect", help="测算项目达产替代外流后的配套率.")] = False,
                     engine: EngineOpt = "duckdb", parquet: ParquetOpt = None, transactions: TxOpt = None,
                     min_count: MinOpt = 3, json_out: JsonOpt = False) -> None:
    """重点项目清单；--effect 测算配套率提升 (project pipeline and what-if)."""
    g, a = _analysis(engine, parquet, transactions, min_count)
    if effect:
        p = _period(g, a, period)
        _show(a.project_effects(p, chain, stage), f"项目对配套率的影响 {p} (project effect)", json_out,
              {"period": p})
        return
    _show(a.projects(chain, stage), "重点项目 (key projects, 万元)", json_out, {},
          ["project_id", "name", "chain_id", "segment_name", "stage_label", "investment",
           "expected_output", "signed_date", "start_date", "production_date"])


@app.command("graph")
def graph_command(chain: Annotated[str, typer.Argument(help="产业链代码 (chain id)")], period: PeriodOpt = None,
                  output: Annotated[Optional[Path], typer.Option("--output", "-o", help="写到文件；.graphml 或 .json.")] = None,
                  fmt: Annotated[str, typer.Option("--format", help="json | graphml.")] = "json",
                  engine: EngineOpt = "duckdb", parquet: ParquetOpt = None, transactions: TxOpt = None,
                  min_count: MinOpt = 3) -> None:
    """导出链图：节点为环节及配套率，边为环节间采购流 (chain map as JSON or GraphML)."""
    g, a = _analysis(engine, parquet, transactions, min_count)
    found = a.graph(_period(g, a, period), chain)
    if output is not None and output.suffix.lower() == ".graphml":
        fmt = "graphml"
    if fmt not in ("json", "graphml"):
        raise InputError(f"不支持格式 {fmt}", f"unknown format {fmt}", fix="可选 json、graphml")
    text = (to_graphml(found) if fmt == "graphml"
            else json.dumps(to_jsonable(found), ensure_ascii=False, indent=2))
    if output is None:
        console.file.write(text + "\n")
        return
    output.write_text(text, encoding="utf-8")
    console.print(f"已写出 {output} (wrote {len(found['nodes'])} nodes, {len(found['edges'])} edges)")
