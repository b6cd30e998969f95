"""The CLI while `gaodi serve` runs on the same workspace: imports, reads and reports in parallel.

A real server (uvicorn in a subprocess on a free loopback port) over the hand-made province of
``tests/api/province.py``; each command runs as a user would run it, in its own process.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from gaodi.cli import server_file
from gaodi.core import Gaodi
from tests.api import province

pytestmark = pytest.mark.slow


def gaodi(home: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": "120"}
    return subprocess.run([sys.executable, "-m", "gaodi", "--home", str(home), *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=600)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def parks_file(folder: Path, park_id: str, name: str) -> str:
    (folder / f"{park_id}.csv").write_text(f"park_id,name,level,region_code,area_mu(亩)\n{park_id},{name},省级,430602,300\n",
                                           encoding="utf-8")
    return f"{park_id}.csv"  # relative: the server must read it from the client's folder


@pytest.fixture(scope="module")
def workspace_dir(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("served")
    with Gaodi.open(home=folder / "ws") as g:
        province.build(g, folder)
    return folder, folder / "ws"


def test_cli_imports_reads_and_reports_while_the_server_answers(workspace_dir):
    folder, home = workspace_dir
    alone = {"monitor": gaodi(home, "monitor", "--period", "2025", cwd=folder),
             "report": gaodi(home, "report", "monitor", "--period", "2025", "-f", "html", "-o", "alone.html",
                             "--json", cwd=folder)}
    assert all(r.returncode == 0 for r in alone.values()), [r.stderr for r in alone.values()]
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "gaodi", "--home", str(home), "serve", "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 300
        while server_file.live_server(home) is None:
            assert server.poll() is None and time.monotonic() < deadline, "the server did not start"
            time.sleep(0.5)
        token = httpx.post(f"{base}/api/auth/login", json={"username": "prov", "password": province.PASSWORD},
                           timeout=60).json()["access_token"]
        statuses: list[int] = []

        def api_while(busy) -> None:
            while not all(f.done() for f in busy):
                statuses.append(httpx.get(f"{base}/api/regions/cities", timeout=120,
                                          headers={"Authorization": f"Bearer {token}"}).status_code)

        with ThreadPoolExecutor(6) as pool:
            jobs = {
                "import 1": pool.submit(gaodi, home, "import", "parks", parks_file(folder, "PC", "丙园区"), cwd=folder),
                "import 2": pool.submit(gaodi, home, "import", "parks", parks_file(folder, "PD", "丁园区"), cwd=folder),
                "monitor": pool.submit(gaodi, home, "monitor", "--period", "2025", cwd=folder),
                "report": pool.submit(gaodi, home, "report", "monitor", "--period", "2025", "-f", "html",
                                      "-o", "served.html", "--json", cwd=folder),
                "imports": pool.submit(gaodi, home, "imports", "--json", cwd=folder),
            }
            pool.submit(api_while, list(jobs.values())).result()
        done = {k: f.result() for k, f in jobs.items()}
        assert all(r.returncode == 0 for r in done.values()), {k: r.stderr for k, r in done.items()}
        assert statuses and set(statuses) == {200}
        assert done["monitor"].stdout == alone["monitor"].stdout and done["monitor"].stderr == ""
        served, local = json.loads(done["report"].stdout), json.loads(alone["report"].stdout)
        assert served.pop("path") == str(folder / "served.html") and (folder / "served.html").stat().st_size > 0
        assert local.pop("path") == "alone.html" and served == local  # the server prints paths absolute
        assert "PC.csv → 园区：导入 1 行" in done["import 1"].stdout and "PD.csv" in done["import 2"].stdout
        log = json.loads(gaodi(home, "imports", "--json", cwd=folder).stdout)
        ids = [r["import_id"] for r in log if r["file_name"] in ("PC.csv", "PD.csv")]
        assert len(ids) == 2 and len(set(ids)) == 2 and {r["outcome"] for r in log} == {"ok"}
        refused = gaodi(home, "demo", "--size", "small", "--no-serve", cwd=folder)
        assert refused.returncode == 2 and "gaodi 服务正在使用这个工作区" in refused.stderr
        served_log = gaodi(home, "imports", "--json", cwd=folder).stdout
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=120)
    assert not server_file.location(home).exists()  # removed on the way out
    assert gaodi(home, "imports", "--json", cwd=folder).stdout == served_log  # the same without the server
