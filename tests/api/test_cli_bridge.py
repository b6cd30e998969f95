"""The command endpoint: only the owner's CLI over loopback; commands run in-process as the CLI runs them."""

from __future__ import annotations

import json

from gaodi.api.routers.cli_bridge import CliBridge
from gaodi.cli.forwarded import Terminal, run_command

COMMAND = {"args": ["imports", "--json"], "cwd": "/"}


def run(workspace, *args: str, cwd: str = "/"):
    return run_command(list(args), cwd, Terminal(width=120), Terminal(width=120), False,
                       workspace.on_own_connection)


def test_the_endpoint_refuses_without_a_bridge_a_token_or_the_loopback_socket(client):
    assert client.post("/api/cli/run", json=COMMAND).status_code == 403
    bridge = CliBridge.open()
    client.app.state.cli_bridge = bridge
    try:
        assert client.post("/api/cli/run", json=COMMAND, headers={"X-Gaodi-Owner-Token": "guess"}).status_code == 403
        # the right token through the public socket (the test client's), not the loopback one: refused
        r = client.post("/api/cli/run", json=COMMAND, headers={"X-Gaodi-Owner-Token": bridge.token})
        assert r.status_code == 403 and r.json()["error"]["code"] == "forbidden"
    finally:
        client.app.state.cli_bridge = None
        bridge.sock.close()


def test_a_forwarded_command_prints_what_the_cli_prints_on_the_servers_workspace(workspace):
    out = run(workspace, "imports", "--json")
    assert out.exit_code == 0 and out.stderr == ""
    assert [r["import_id"] for r in json.loads(out.stdout)] == [r["import_id"] for r in workspace.imports()]


def test_relative_paths_are_the_clients_and_the_import_is_logged(workspace, tmp_path):
    (tmp_path / "园区.csv").write_text("park_id,name,level,region_code,area_mu(亩)\n"
                                      "PA,甲园区（测试）,国家级,430104,1000\n", encoding="utf-8")
    out = run(workspace, "import", "parks", "园区.csv", cwd=str(tmp_path))
    assert out.exit_code == 0, out.stderr
    assert "园区.csv → 园区：导入 1 行，替换 1 行" in out.stdout
    assert workspace.imports()[-1]["file_path"] == str(tmp_path / "园区.csv")


def test_errors_are_translated_as_the_cli_does_and_prompts_are_refused(workspace):
    bad = run(workspace, "import", "nonsense", "x.csv")
    assert bad.exit_code == 2 and "错误 (" in bad.stderr and "Traceback" not in bad.stderr
    asked = run(workspace, "users", "add", "someone", "--role", "province")
    assert asked.exit_code == 2 and "--password" in asked.stderr
    listed = run(workspace, "users", "list", "--json")
    assert listed.exit_code == 0 and "prov" in listed.stdout and "someone" not in listed.stdout
