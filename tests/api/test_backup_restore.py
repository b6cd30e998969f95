"""deploy/backup.sh and deploy/restore.sh, as docs/deployment.md tells an office to run them.

A workspace with data, accounts and its token secret is backed up, lost and restored; the restored
one has the same rows, the same accounts (a token issued before the backup still works) and the
secret still readable only by its owner. A workspace in use and a damaged archive are refused.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from gaodi.access.accounts import authenticate, create_user, load_user
from gaodi.access.signing_key import FILE_NAME, workspace_secret
from gaodi.access.tokens import issue_token, read_token
from gaodi.core import Gaodi

from . import province

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
ENV = {**os.environ, "GAODI_PYTHON": sys.executable}

pytestmark = pytest.mark.skipif(shutil.which("tar") is None or shutil.which("sha256sum") is None,
                                reason="tar and sha256sum are needed")


def _run(script: str, *args: Path, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", str(DEPLOY / script), *map(str, args)], capture_output=True, text=True,
                          env=ENV, timeout=120, check=check)


@pytest.fixture
def workspace_home(tmp_path) -> Path:
    home = tmp_path / "srv" / "workspace"
    with Gaodi.open(home) as g:
        g.import_file("parks", province.write(tmp_path / "p.csv", ["park_id", "name", "level", "region_code"],
                                              [("PA", "甲园区（测试）", "国家级", "430104")]))
        create_user(g.store, "chief", "chief-password", "admin")
    workspace_secret(home)
    return home


def test_a_backup_restores_to_the_same_rows_accounts_and_secret(workspace_home, tmp_path):
    with Gaodi.open(workspace_home) as g:
        counts = g.store.row_counts()
    secret = workspace_secret(workspace_home)
    token = issue_token("chief", 0, secret, dt.timedelta(hours=1))

    archive = Path(_run("backup.sh", workspace_home, tmp_path / "backups").stdout.strip())
    assert archive.is_file() and stat.S_IMODE(archive.stat().st_mode) == 0o600
    shutil.rmtree(workspace_home)  # the disaster

    out = _run("restore.sh", archive, workspace_home).stdout
    assert "已恢复" in out and "users 1" in out
    key = workspace_home / FILE_NAME
    assert stat.S_IMODE(key.stat().st_mode) == 0o600 and workspace_secret(workspace_home) == secret
    with Gaodi.open(workspace_home) as g:
        assert g.store.row_counts() == counts and counts["parks"] == 1
        assert authenticate(g.store, "chief", "chief-password").role == "admin"
        assert load_user(g.store, read_token(token, secret)).username == "chief"
    assert not list((tmp_path / "srv").glob(".gaodi-restore.*"))  # no staging folder left behind


def test_a_workspace_in_use_is_not_backed_up(workspace_home, tmp_path):
    with Gaodi.open(workspace_home):
        r = _run("backup.sh", workspace_home, tmp_path / "backups", check=False)
    assert r.returncode == 3 and "stop gaodi first" in r.stderr
    assert not list((tmp_path / "backups").glob("*.tar.gz"))


def test_a_damaged_archive_or_an_existing_target_is_refused(workspace_home, tmp_path):
    archive = Path(_run("backup.sh", workspace_home, tmp_path / "backups").stdout.strip())
    r = _run("restore.sh", archive, workspace_home, check=False)
    assert r.returncode == 2 and "move it aside" in r.stderr
    with open(archive, "r+b") as f:
        f.seek(100)
        f.write(b"\0" * 16)
    r = _run("restore.sh", archive, tmp_path / "elsewhere", check=False)
    assert r.returncode == 4 and not (tmp_path / "elsewhere").exists()
