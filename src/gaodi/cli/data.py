"""`gaodi import`, `gaodi kinds`, `gaodi imports`: bring users' files into the store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from gaodi.cli.context import open_workspace
from gaodi.cli.output import console, err_console, print_json, print_table
from gaodi.errors import InputError, ValidationFailed
from gaodi.ingest.importer import ImportOptions
from gaodi.ingest.kinds import KINDS, kind as get_kind
from gaodi.ingest.units import CANONICAL

JSON = Annotated[bool, typer.Option("--json", help="输出 JSON")]


def _pairs(values: list[str] | None, option: str) -> dict[str, str]:
    out = {}
    for v in values or []:
        if "=" not in v:
            raise InputError(f"{option} 的值应写成 左=右，收到“{v}”", f"{option} expects A=B, got {v}",
                             fix=f"例如 {option} 营业收入合计=revenue")
        a, b = v.split("=", 1)
        out[a.strip()] = b.strip()
    return out


def import_command(
    kind: Annotated[str, typer.Argument(help="导入类型，见 gaodi kinds (import kind)")],
    file: Annotated[Path, typer.Argument(help="CSV、XLSX 或 Parquet 文件")],
    skip_invalid: Annotated[bool, typer.Option(
        "--skip-invalid", help="只导入有效行，无效行写入隔离文件 (import valid rows, quarantine the rest)")] = False,
    sheet: Annotated[Optional[str], typer.Option(help="XLSX 工作表名 (sheet name)")] = None,
    map_: Annotated[Optional[list[str]], typer.Option(
        "--map", help="表头映射 原表头=列名，可多次使用 (header=column)")] = None,
    unit: Annotated[Optional[list[str]], typer.Option(
        "--unit", help="列单位 列名=单位，如 revenue=亿元 (column=unit)")] = None,
    ignore_columns: Annotated[bool, typer.Option(
        "--ignore-columns", help="明确忽略不认识的列 (ignore unknown columns, logged)")] = False,
    as_json: JSON = False,
) -> None:
    """导入一个文件：逐行校验，全部有效才写入 (validate every row; write all or nothing)."""
    g = open_workspace()
    options = ImportOptions(skip_invalid, sheet, _pairs(map_, "--map"), _pairs(unit, "--unit"), ignore_columns)
    before = g.row_counts()
    try:
        with console.status(f"正在校验并导入 {file.name} …"):
            result = g.import_file(kind, file, options)
    except ValidationFailed as exc:
        if not as_json:
            _show_problems(exc.details["first_problems"], exc.details["rows_invalid"])
        after = g.row_counts()
        assert before == after, "a rejected import must leave the store unchanged"
        raise
    if as_json:
        print_json(result)
        return
    console.print(f"[green]✓[/green] {result.file} → {get_kind(kind).label}：导入 {result.rows_imported} 行"
                  + (f"，替换 {result.rows_replaced} 行" if result.rows_replaced else "")
                  + (f"，统计期 {', '.join(result.periods)}" if result.periods else ""))
    if result.rows_rejected:
        console.print(f"[yellow]{result.rows_rejected} 行无效，已写入隔离文件[/yellow] {result.quarantine_path}")
    if result.warnings:
        console.print(f"[yellow]{result.warnings} 条提示[/yellow]（如撤销区划代码已按现行代码导入），见 {result.report_path}")
    if result.rows_empty:
        console.print(f"[dim]跳过 {result.rows_empty} 个空行[/dim]")


def _show_problems(first: list[dict], n_bad: int) -> None:
    err_console.print(f"[bold red]{n_bad} 行无效，未导入任何数据。[/bold red] 前 {len(first)} 条问题：")
    from rich.table import Table

    t = Table(show_lines=False)
    for col in ("行 row", "列 column", "值 value", "原因 reason", "处理办法 fix"):
        t.add_column(col)
    for p in first:
        t.add_row(str(p["row"]), p["column"], str(p["value"] or ""), p["reason"], p["fix"])
    err_console.print(t)


def kinds_command(name: Annotated[Optional[str], typer.Argument(help="类型名")] = None,
                  as_json: JSON = False) -> None:
    """列出导入类型及其标准表头 (list import kinds and their headers)."""
    if name is None:
        rows = [{"kind": k.name, "名称": k.label, "替换方式": "按统计期" if k.replace == "period" else "按关键字段",
                 "关键字段": ", ".join(k.key)} for k in KINDS]
        print_json(rows) if as_json else print_table(rows, title="导入类型 import kinds")
        return
    k = get_kind(name)
    rows = [{"column": c.name, "表头": c.label, "必填": "是" if c.required else "", "类型": c.type,
             "单位": CANONICAL.get(c.dimension, "") if c.dimension else "",
             "可用表头": "、".join(c.aliases), "可选值": "、".join(dict.fromkeys((c.choices or {}).values()))}
            for c in k.columns]
    print_json({"kind": k.name, "label": k.label, "key": k.key, "replace": k.replace, "columns": rows}) \
        if as_json else print_table(rows, title=f"{k.name} {k.label}")


def imports_command(as_json: JSON = False) -> None:
    """查看导入日志：文件、哈希、行数、结果 (the import log)."""
    rows = open_workspace().imports()
    if as_json:
        print_json(rows)
        return
    print_table([{"id": r["import_id"], "类型": r["kind"], "文件": r["file_name"], "结果": r["outcome"],
                  "读入": r["rows_read"], "导入": r["rows_imported"], "无效": r["rows_rejected"],
                  "sha256": (r["sha256"] or "")[:12], "时间": r["finished_at"]} for r in rows],
                title="导入日志 import log")


app = typer.Typer(help="导入模板与按导入格式导出 (import templates and re-importable exports)", no_args_is_help=True)


@app.command("template")
def template_command(
    kind: Annotated[str, typer.Argument(help="导入类型，见 gaodi kinds (import kind)")],
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="写入的文件，默认 KIND-模板.xlsx")] = None,
) -> None:
    """下载一个导入类型的 Excel 模板：中文表头、示例行和填表说明 (an import kind's XLSX template)."""
    label, path = _target(kind, output, "-模板")
    path.write_bytes(open_workspace().imports.template(kind))
    console.print(f"[green]✓[/green] {label}模板已写入 {path}（第 2 行是示例，导入前请删除）")


@app.command("export")
def export_command(
    kind: Annotated[str, typer.Argument(help="导入类型，见 gaodi kinds (import kind)")],
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="写入的文件（.xlsx 或 .csv），默认 KIND.xlsx")] = None,
) -> None:
    """按导入格式导出库中一个类型的全部行，可原样再导入 (every stored row of a kind, re-importable)."""
    label, path = _target(kind, output, "")
    fmt = "csv" if path.suffix.lower() == ".csv" else "xlsx"
    with console.status(f"正在导出{label} …"):
        path.write_bytes(open_workspace().imports.export(kind, fmt))
    console.print(f"[green]✓[/green] {label}已导出到 {path}，可用 gaodi import {kind} {path} 原样导入")


def _target(kind: str, output: Optional[Path], suffix: str) -> tuple[str, Path]:
    """The kind's Chinese name (an unknown kind is refused here) and the file to write."""
    return get_kind(kind).label, output or Path(f"{kind}{suffix}.xlsx")
