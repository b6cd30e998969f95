"""The CLI's first step stays light: help and a catalogue lookup do not load the analytics stack.

Start-up time itself is measured in benchmarks/bench_cli_startup.py (docs/benchmarks.md); these
tests pin what makes it fast, the modules that a command loads, which does not depend on the machine.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from gaodi.cli.commands import COMMANDS
from gaodi.cli.lazy_group import load

HEAVY = ("duckdb", "ibis", "pandas", "numpy", "scipy", "matplotlib", "gaodi.core", "gaodi.store")

PROBE = """
import json, sys
heavy = json.loads(sys.argv[2])
sys.argv = ["gaodi", *json.loads(sys.argv[1])]
from gaodi.cli.main import run
try:
    run()
except SystemExit:
    pass
print("\\n" + json.dumps(sorted(m for m in heavy if m in sys.modules)))
"""


def loaded_after(*args: str, home, heavy=HEAVY) -> list[str]:
    out = subprocess.run([sys.executable, "-c", PROBE, json.dumps(["--home", str(home), *args]), json.dumps(heavy)],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_help_loads_no_command_module_and_no_pydantic(tmp_path):
    assert loaded_after("--help", home=tmp_path, heavy=(*HEAVY, "pydantic", "gaodi.cli.chains")) == []


@pytest.mark.parametrize("args", [("catalog", "region", "430124"), ("catalog", "industry", "3741", "--json")])
def test_a_catalogue_lookup_opens_no_store_and_loads_no_dataframe_library(tmp_path, args):
    assert loaded_after(*args, home=tmp_path) == []


@pytest.mark.parametrize("entry", COMMANDS, ids=lambda e: e.name)
def test_each_line_of_the_top_level_help_is_the_first_line_of_the_commands_own_help(entry):
    command = load(entry)
    own = command.short_help or command.help or ""
    assert " ".join(own.split("\n\n")[0].split()) == entry.summary


def test_a_mistyped_command_is_one_short_message_with_the_suggestion(tmp_path):
    out = subprocess.run([sys.executable, "-m", "gaodi", "--home", str(tmp_path), "monitr"],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 2
    assert "Traceback" not in out.stderr
    assert "did you mean) monitor" in out.stderr
    assert len(out.stderr.strip().splitlines()) <= 5


def test_the_help_states_the_real_default_home(tmp_path):
    out = subprocess.run([sys.executable, "-m", "gaodi", "--help"], capture_output=True, text=True, timeout=120,
                         env={"PATH": "/usr/bin:/bin", "TERMINAL_WIDTH": "200"})
    assert out.returncode == 0, out.stderr
    assert "./gaodi-workspace" in out.stdout and "./.gaodi" not in out.stdout
    for entry in COMMANDS:
        assert entry.name in out.stdout
