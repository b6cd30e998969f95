"""The file by which a running server owns a workspace, and which command lines are sent to it."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys

import pytest

from gaodi.cli import server_file
from gaodi.cli.remote import split_global_options
from gaodi.errors import ConfigurationError


def test_the_server_file_is_readable_by_its_owner_only_and_names_a_live_server(tmp_path):
    with server_file.owned(tmp_path, 4321, "secret-token") as entry:
        path = server_file.location(tmp_path)
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert server_file.live_server(tmp_path) == entry
        assert entry.pid == os.getpid() and entry.port == 4321
        server_file.remove(tmp_path, "another-servers-token")  # not ours: stays
        assert path.exists()
    assert not path.exists() and server_file.live_server(tmp_path) is None


def test_a_file_left_by_a_dead_server_is_ignored(tmp_path):
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    entry = server_file.write(tmp_path, 4321, "t")
    data = {**json.loads(server_file.location(tmp_path).read_text()), "pid": int(gone.stdout)}
    server_file.location(tmp_path).write_text(json.dumps(data))
    assert entry.pid != int(gone.stdout) and server_file.live_server(tmp_path) is None


def test_a_workspace_served_from_another_machine_is_refused_with_a_message(tmp_path):
    server_file.write(tmp_path, 4321, "t")
    data = {**json.loads(server_file.location(tmp_path).read_text()), "host": "another-machine"}
    server_file.location(tmp_path).write_text(json.dumps(data))
    with pytest.raises(ConfigurationError, match="another-machine"):
        server_file.live_server(tmp_path)


@pytest.mark.parametrize(("args", "expected"), [
    (["--home", "ws", "imports"], ("ws", False, ["imports"])),
    (["--home=ws", "--debug", "import", "parks", "p.csv"], ("ws", True, ["import", "parks", "p.csv"])),
    (["monitor", "--period", "2025", "--json"], (None, False, ["monitor", "--period", "2025", "--json"])),
    (["--help"], None), ([], None), (["imports", "--help"], None),
    (["plan"], None),  # a bare group prints its help, locally
    (["plan", "list"], (None, False, ["plan", "list"])),
])
def test_global_options_are_kept_on_the_client_and_help_stays_local(args, expected):
    assert split_global_options(args) == expected
