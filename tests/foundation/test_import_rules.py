"""The layers of docs/architecture.md, checked on the source: edges → core → domains → store.

Read with ``ast`` (no import runs): domains never import an edge (``gaodi.cli``, ``gaodi.api``), the
REST API never imports the CLI, SQL text is written only in ``gaodi.store``, and the edges reach the
store only in the modules still listed below (a list that may shrink, never grow).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import gaodi

ROOT = Path(gaodi.__file__).parent
EDGES = ("cli", "api")
MODULES = sorted(p for p in ROOT.rglob("*.py") if "web" not in p.relative_to(ROOT).parts[:1])

# api → cli: only the bridge that runs a CLI client's command inside the server (docs/server-and-cli.md),
# whose job is the CLI.
API_IMPORTS_CLI_ALLOWED = {"api/routers/cli_bridge.py"}
# Edges reaching ``g.store`` directly: none. Scope checks, paging, sessions, the time budget and the cache's data
# version all go through ``Gaodi`` (``g.directory``, ``g.users``, ``g.on_own_connection()``, ``g.interrupt()``,
# ``g.data_version()``). Keep it empty: a route or command that needs the store needs a core method.
EDGE_STORE_ALLOWED: set[str] = set()
SQL = re.compile(r"^\s*(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM|CREATE (OR REPLACE )?(TEMP )?(TABLE|VIEW)|"
                 r"DROP (TABLE|VIEW)|ALTER TABLE|COPY \(|WITH \w+ AS)\b")


def _name(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def _layer(path: Path) -> str:
    parts = path.relative_to(ROOT).parts
    return parts[0] if len(parts) > 1 else path.stem


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found |= {f"{node.module}.{a.name}" for a in node.names}
    return found


def _hits(path: Path, prefix: str) -> list[str]:
    return sorted(m for m in _imports(path) if m == prefix or m.startswith(prefix + "."))


@pytest.mark.parametrize("edge", EDGES)
def test_domains_never_import_an_edge(edge):
    offenders = {_name(p): _hits(p, f"gaodi.{edge}") for p in MODULES
                 if _layer(p) not in (*EDGES, "core", "__main__")}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_the_rest_api_never_imports_the_cli():
    offenders = {_name(p): _hits(p, "gaodi.cli") for p in MODULES if _layer(p) == "api"}
    assert {k for k, v in offenders.items() if v} <= API_IMPORTS_CLI_ALLOWED


def test_sql_text_is_written_only_in_the_store():
    offenders = []
    for path in MODULES:
        if _layer(path) == "store":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL.match(node.value):
                offenders.append(f"{_name(path)}:{node.lineno}")
            if isinstance(node, ast.Attribute) and node.attr in ("raw_sql", "sql") and _layer(path) != "store":
                offenders.append(f"{_name(path)}:{node.lineno} .{node.attr}")
    assert offenders == []


def test_no_new_edge_module_reaches_the_store():
    touching = {_name(p) for p in MODULES if _layer(p) in EDGES
                and re.search(r"\.store\b", p.read_text(encoding="utf-8"))}
    assert touching <= EDGE_STORE_ALLOWED, "route or command reaching g.store: add a method to a Gaodi facade and call it"


def test_the_sql_pattern_finds_sql_and_leaves_prose_alone():
    assert SQL.match("SELECT count(*) FROM audit_log") and SQL.match('INSERT INTO "t" BY NAME x')
    assert not SQL.match("Select a year") and not SQL.match("选择 SELECT")
