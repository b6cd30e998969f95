#!/usr/bin/env bash
# Back up a gaodi workspace (database, token secret, reports, import reports) into one dated archive
# with its SHA-256. Run it while no gaodi process holds the workspace (stop the service first): DuckDB
# keeps the database consistent only between processes, so the script refuses a workspace in use.
#
#   deploy/backup.sh /srv/gaodi/workspace /srv/gaodi/backups      → prints the archive's path
set -euo pipefail

usage="usage: backup.sh WORKSPACE DEST_DIR"
workspace=${1:?$usage}
dest=${2:?$usage}
python=${GAODI_PYTHON:-python3}
db="$workspace/${GAODI_DB_NAME:-gaodi.duckdb}"

if [ ! -f "$db" ]; then
    echo "没有找到数据库 no database at $db" >&2
    exit 2
fi
if ! "$python" -c 'import sys, duckdb; duckdb.connect(sys.argv[1], read_only=True).close()' "$db" 2>/dev/null; then
    echo "工作区正被 gaodi 使用，请先停止服务 (the workspace is in use: stop gaodi first)" >&2
    exit 3
fi

umask 077
mkdir -p "$dest"
archive="$dest/gaodi-workspace-$(date +%Y%m%d-%H%M%S).tar.gz"
tar -C "$(dirname "$workspace")" -czf "$archive.part" "$(basename "$workspace")"
mv "$archive.part" "$archive"
(cd "$dest" && sha256sum "$(basename "$archive")" > "$(basename "$archive").sha256")
echo "$archive"
