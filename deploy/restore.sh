#!/usr/bin/env bash
# Restore a workspace archive made by backup.sh into a folder that does not exist yet: check the
# archive's SHA-256, unpack it beside the target (permissions kept: the token secret stays 0600),
# open the database read-only to prove it is whole, then move it into place in one rename.
#
#   deploy/restore.sh /srv/gaodi/backups/gaodi-workspace-20261202-020000.tar.gz /srv/gaodi/workspace
set -euo pipefail

usage="usage: restore.sh ARCHIVE WORKSPACE"
archive=${1:?$usage}
workspace=${2:?$usage}
python=${GAODI_PYTHON:-python3}

if [ -e "$workspace" ]; then
    echo "目标 $workspace 已存在，请先移走 (the target exists: move it aside first)" >&2
    exit 2
fi
if [ -f "$archive.sha256" ]; then
    (cd "$(dirname "$archive")" && sha256sum --quiet -c "$(basename "$archive").sha256") || {
        echo "备份文件校验失败 the archive does not match its SHA-256" >&2
        exit 4
    }
else
    echo "注意：没有 $archive.sha256，未校验 (no checksum file: not verified)" >&2
fi

parent=$(dirname "$workspace")
mkdir -p "$parent"
staging=$(mktemp -d "$parent/.gaodi-restore.XXXXXX")
trap 'rm -rf "$staging"' EXIT
tar -C "$staging" -xzpf "$archive"
restored=$(find "$staging" -mindepth 1 -maxdepth 1 -type d)
db="$restored/${GAODI_DB_NAME:-gaodi.duckdb}"
"$python" -c 'import sys, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
print("schema", con.execute("SELECT max(version) FROM schema_version").fetchone()[0],
      "users", con.execute("SELECT count(*) FROM users").fetchone()[0])' "$db"
mv "$restored" "$workspace"
echo "已恢复 restored: $workspace"
