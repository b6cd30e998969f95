"""`gaodi policy`: the policy calculator (政策计算器) — load rule sets, match both ways, outlay."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from gaodi.cli.context import open_workspace
from gaodi.cli.output import console, print_json, print_table
from gaodi.errors import InputError
from gaodi.policies.calculator import PolicyCalculator

app = typer.Typer(
    name="policy",
    help="政策计算器：政策规则集、企业→政策、政策→企业、兑现资金测算 (policy calculator).",
    no_args_is_help=True,
)

AsOfOpt = Annotated[str | None, typer.Option("--as-of", help="判定日期 YYYY-MM-DD（默认今天）(date of the verdict).")]
YearOpt = Annotated[int | None, typer.Option("--year", help="统计数据年份（默认判定日期前最近一年）(data year).")]
RuleSetOpt = Annotated[str | None, typer.Option("--rule-set", help="规则集名称（默认最近载入的）(rule set name).")]
JsonOpt = Annotated[bool, typer.Option("--json", help="输出 JSON (print one JSON document).")]
AttrOpt = Annotated[Path | None, typer.Option(
    "--attributes", help="库外补充属性表 CSV/XLSX：uscc + 属性列 (serious_violation, invention_patents…).")]


def _extra(svc: PolicyCalculator, path: Path | None):
    return svc.extra_attributes(path)


def _services() -> PolicyCalculator:
    return open_workspace().policies


def _date(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InputError(message=f"日期无法识别：{text!r}", message_en=f"unreadable date {text!r}",
                         fix="写成 2026-06-30 (use YYYY-MM-DD)") from None


@app.command("load")
def load_command(path: Annotated[Path | None, typer.Argument(help="政策规则 YAML 文件 (policy file).")] = None,
                 examples: Annotated[bool, typer.Option("--examples", help="载入内置示例规则集 (shipped examples).")]
                 = False, json_out: JsonOpt = False) -> None:
    """校验并载入政策规则集（按版本保存，不覆盖已载入版本）(validate and store a rule set)."""
    info = _services().load_policies(path, examples=examples)
    if json_out:
        print_json(info)
        return
    word = "已载入" if info["new"] else "已存在（内容相同，未重复载入）"
    console.print(f"规则集 {info['name']} 版本 {info['version']}：{info['policies']} 条政策，{word}；"
                  f"sha256 {info['sha256'][:12]}…")


@app.command("list")
def list_command(as_of: AsOfOpt = None, rule_set: RuleSetOpt = None,
                 sets: Annotated[bool, typer.Option("--sets", help="列出已载入的规则集版本 (list stored versions).")]
                 = False, json_out: JsonOpt = False) -> None:
    """列出政策（给 --as-of 时仅列有效期内的）或已载入的规则集 (list policies or rule sets)."""
    svc = _services()
    if sets:
        rows = svc.policy_sets()
        print_json(rows) if json_out else print_table(rows, title="已载入的政策规则集 (stored rule sets)")
        return
    rows = svc.policies(_date(as_of), rule_set)
    if json_out:
        print_json(rows)
        return
    print_table(rows, title="政策 (policies)", columns=["policy_id", "name", "level_label", "issuer",
                                                      "document_number", "article", "valid_from", "valid_to",
                                                      "mode_label", "window_start", "window_end", "window_example",
                                                      "example"])


@app.command("match")
def match_command(
    enterprise: Annotated[str | None, typer.Option("--enterprise", help="企业统一社会信用代码 (USCC).")] = None,
    policy: Annotated[str | None, typer.Option("--policy", help="政策编号 (policy id).")] = None,
    as_of: AsOfOpt = None, year: YearOpt = None, rule_set: RuleSetOpt = None,
    all_policies: Annotated[bool, typer.Option("--all", help="企业方向：也列出不符合的政策 (include not eligible).")]
    = False,
    limit: Annotated[int, typer.Option("--limit", help="政策方向：表格最多显示的企业数 (rows shown).")] = 50,
    attributes: AttrOpt = None, json_out: JsonOpt = False,
) -> None:
    """企业→可享政策与差距，或政策→应兑付/应通知企业与接近符合企业 (match either way)."""
    if (enterprise is None) == (policy is None):
        raise InputError(message="请给出 --enterprise 或 --policy（二选一）",
                         message_en="give --enterprise or --policy (one of them)",
                         fix="例如 gaodi policy match --enterprise 91430100... (e.g.)")
    svc = _services()
    day = _date(as_of)
    extra = _extra(svc, attributes)
    if enterprise:
        found = svc.enterprise_policies(enterprise, day, year, include_not_eligible=all_policies,
                                        rule_set=rule_set, extra=extra)
        if json_out:
            print_json(found)
            return
        console.print(f"[bold]{found.name}[/bold]（{found.uscc}）于 {found.as_of}，{found.data_year} 年数据，"
                      f"规则集 {found.rule_set} {found.version}；符合政策估算合计 {found.total_amount_wan:,.2f} 万元")
        rows = found.policies.to_dict(orient="records")
        print_table(rows, title="可享政策与接近符合 (qualifying and near misses)",
                    columns=["policy_id", "name", "verdict_label", "amount_wan", "mode", "action", "window_open",
                             "lacking"])
        for pid, checks in found.checks.items():
            print_table([{"条件": c.requirement, "企业数值": c.actual or "—", "结果": "✓" if c.holds else "✗",
                          "说明": c.text} for c in checks if c.on_path], title=f"{pid} 逐条判定")
        return
    found = svc.policy_enterprises(policy, day, year, rule_set=rule_set, extra=extra)
    if json_out:
        print_json(found)
        return
    p = found.policy
    console.print(f"[bold]{p['name']}[/bold]（{p['policy_id']}，{p['document_number']}，{p['mode_label']}）"
                  f"于 {found.as_of}：符合 {found.qualifies} 家，接近符合 {found.near_miss} 家，"
                  f"估算兑现 {found.total_outlay_wan:,.2f} 万元")
    rows = found.enterprises.head(limit).to_dict(orient="records")
    print_table(rows, title=f"前 {min(limit, len(found.enterprises))} 家 (first rows)")


@app.command("outlay")
def outlay_command(as_of: AsOfOpt = None, year: YearOpt = None, rule_set: RuleSetOpt = None,
                   attributes: AttrOpt = None, json_out: JsonOpt = False) -> None:
    """每项有效政策的符合企业数、接近符合数与估算兑现资金（万元）(estimated outlay per policy)."""
    svc = _services()
    day = _date(as_of)
    frame = svc.outlay(day, year, rule_set=rule_set, extra=_extra(svc, attributes))
    if json_out:
        print_json(frame)
        return
    print_table(frame.to_dict(orient="records"), title="政策兑现资金测算（万元）estimated outlay",
                columns=["policy_id", "name", "level", "mode_label", "qualifies", "near_miss", "total_outlay_wan",
                         "amount_unknown", "absent_attributes"])
    if len(frame):
        console.print(f"合计 (total)：{frame['total_outlay_wan'].sum():,.2f} 万元。absent_attributes：库中没有的属性，"
                      "这些条件对每家企业都记为数据缺失（可用 --attributes 或 --mu-class 补充）")
