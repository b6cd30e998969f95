"""`gaodi catalog`: look up the shipped reference catalogues."""

from __future__ import annotations

from typing import Annotated

import typer

from gaodi.catalogs import industry_catalog, region_catalog
from gaodi.catalogs.industry import CATALOGUES
from gaodi.cli.output import console, print_json, print_table

app = typer.Typer(help="参考目录：国民经济行业分类及其派生目录、行政区划 (reference catalogues).",
                  no_args_is_help=True)
JSON = Annotated[bool, typer.Option("--json", help="输出 JSON")]


@app.command("industry")
def industry(code: str, as_json: JSON = False) -> None:
    """查询行业代码：名称、层级、所属目录 (look up a GB/T 4754-2017 code)."""
    info = industry_catalog().describe(code)
    if as_json:
        print_json(info)
        return
    console.print(f"[bold]{info['code']} {info['name']}[/bold]（{info['level_name']}）")
    console.print(" > ".join(f"{p['code']} {p['name']}" for p in info["path"]))
    print_table([{"目录": c["name"], "部分纳入(*)": "是" if c["partial"] else "否",
                  "分类路径": " | ".join(c["category_paths"]), "依据": c["source"]}
                 for c in info["catalogues"]], title="所属目录 catalogues")


@app.command("region")
def region(code: str, as_json: JSON = False) -> None:
    """查询区划代码，已撤销的代码给出现行代码 (look up a region code; retired codes name successors)."""
    import os

    info = region_catalog(os.environ.get("GAODI_PROVINCE_CODE", "430000")).describe(code)
    if as_json:
        print_json(info)
        return
    console.print(f"[bold]{info['code']} {info['name']}[/bold]  级别 {info['level']}  状态 {info['status']}")
    if info.get("message"):
        console.print(info["message"])


@app.command("regions")
def regions(level: Annotated[str, typer.Option(help="province | city | county | statistical")] = "city",
            as_json: JSON = False) -> None:
    """列出本省现行区划 (list the home province's regions)."""
    rows = [{"code": r.code, "name": r.name, "level": r.level, "city_code": r.city_code}
            for r in region_catalog().current(level)]
    print_json(rows) if as_json else print_table(rows, title=f"{len(rows)} 个区划")


@app.command("catalogues")
def catalogues(as_json: JSON = False) -> None:
    """列出行业派生目录及其小类数 (list the industry catalogues)."""
    cat = industry_catalog()
    rows = [{"id": c.id, "name": c.name, "classes": len(cat.codes_in(c.id)),
             "partial": sum(cat.codes_in(c.id).values()), "source": c.source} for c in CATALOGUES]
    print_json(rows) if as_json else print_table(rows)
