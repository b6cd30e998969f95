"""The table of `gaodi`'s commands: where each lives and the line `gaodi --help` shows for it.

The top-level help and a command's first step must not import the domain (DuckDB, Ibis, pandas,
SciPy, matplotlib take seconds), so the commands are named here and their modules imported only
when one is run (``gaodi.cli.lazy_group``). A test checks that each line below is the first line of
the command's own help, so the table cannot drift from the commands.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Entry:
    name: str
    module: str      # gaodi.cli.<module>
    attribute: str   # a typer.Typer (a command group) or a function (a single command)
    summary: str     # the line shown by `gaodi --help`
    panel: str       # the help panel it is listed under

    @property
    def is_group(self) -> bool:
        return self.attribute == "app"


DATA = "数据 data"
ANALYSIS = "监测与分析 monitoring and analysis"
SERVICE = "服务企业 enterprise services"
ADMIN = "运行与管理 running and administration"

COMMANDS: tuple[Entry, ...] = (
    Entry("demo", "demo", "demo_command",
          "生成演示省份并通过导入流程入库，打印全省概况 (build and import the demo province).", DATA),
    Entry("import", "data", "import_command",
          "导入一个文件：逐行校验，全部有效才写入 (validate every row; write all or nothing).", DATA),
    Entry("kinds", "data", "kinds_command", "列出导入类型及其标准表头 (list import kinds and their headers).", DATA),
    Entry("imports", "data", "imports_command", "查看导入日志：文件、哈希、行数、结果 (the import log).", DATA),
    Entry("data", "data", "app", "导入模板与按导入格式导出 (import templates and re-importable exports)", DATA),
    Entry("catalog", "catalog", "app", "参考目录：国民经济行业分类及其派生目录、行政区划 (reference catalogues).", DATA),
    Entry("plan", "plan", "app", "规划：读取规划文件、校对并检查规划 YAML (plans as data).", DATA),
    Entry("monitor", "monitor", "app",
          "规划指标监测 (monitor the plan); `gaodi monitor why 13 --period 2026-10` 分解原因", ANALYSIS),
    Entry("warn", "warn", "app", "预警：规则、运行、列表与处置 (warnings).", ANALYSIS),
    Entry("chains", "chains", "app",
          "产业链：链图、本地配套率、断链弱链、外流、精准招商、重点项目 (industrial chains).", ANALYSIS),
    Entry("evaluate", "evaluate", "app",
          "综合评价：打分、排名、分类与排名稳健性 (scoring, ranking, classes, ranking stability).", ANALYSIS),
    Entry("region", "region", "app",
          "区域布局分析：专业化、集群、偏离-份额、复杂度、发展机会 (regional layout analytics).", ANALYSIS),
    Entry("report", "report", "app",
          "报告：统计监测分析报告、规划中期评估与总结评估、区域布局分析报告 (reports).", ANALYSIS),
    Entry("ladder", "ladder", "app", "企业梯度培育：称号、下一梯级与差距、候选企业、漏斗 (enterprise ladders).", SERVICE),
    Entry("policy", "policy", "app",
          "政策计算器：政策规则集、企业→政策、政策→企业、兑现资金测算 (policy calculator).", SERVICE),
    Entry("problem", "problem", "app",
          "企业问题闭环：受理、交办、办理、答复、办结评价、重开；超期预警与分析 (enterprise problems).", SERVICE),
    Entry("task", "task", "app", "督办：交办、报告进展、超期升级、办结、重开 (tasks to responsible bodies).", SERVICE),
    Entry("calendar", "calendar", "app",
          "工作日历：各年依据（正式安排或暂定）、载入国务院节假日安排、计算期限 (the working-day calendar).", SERVICE),
    Entry("serve", "serve", "serve_command",
          "启动网页界面与 REST 接口；运行期间命令行命令交由本服务执行 (the server holds the workspace; CLI commands run in it).",
          ADMIN),
    Entry("users", "users", "app", "账户与角色 (accounts, roles and scopes).", ADMIN),
    Entry("audit", "audit", "app", "审计日志与封存校验 (the audit log and its seal).", ADMIN),
)

BY_NAME = {entry.name: entry for entry in COMMANDS}
GROUPS = frozenset(entry.name for entry in COMMANDS if entry.is_group)
