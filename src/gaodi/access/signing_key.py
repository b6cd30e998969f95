"""The workspace's token-signing secret: random, made once, kept in the workspace home, owner-only.

No token is ever signed with a secret anyone else knows. When ``GAODI_API_SECRET_KEY`` is not set,
the first server to open a workspace draws 48 random bytes (``secrets.token_urlsafe``) and keeps them
in ``<home>/token-secret.key`` with mode 0600. The file is written to a temporary name first and
then hard-linked into place, which either creates the whole file or fails because another process
got there first (then that process's secret is read), so two servers starting at once agree and
nobody ever reads half a file.
"""

from __future__ import annotations

import os
import secrets
import stat
from pathlib import Path

from gaodi.errors import ConfigurationError

FILE_NAME = "token-secret.key"
MIN_LENGTH = 32


def workspace_secret(home: Path) -> str:
    """The secret kept in ``home``, made (atomically, mode 0600) when there is none yet."""
    home.mkdir(parents=True, exist_ok=True)
    path = home / FILE_NAME
    if not path.exists():
        _create(path)
    return _read(path)


def _create(path: Path) -> None:
    tmp = path.with_name(f".{FILE_NAME}.{os.getpid()}.{secrets.token_hex(4)}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="ascii") as out:
            out.write(secrets.token_urlsafe(48) + "\n")
            out.flush()
            os.fsync(out.fileno())
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass  # another process made it first: use theirs
    finally:
        tmp.unlink(missing_ok=True)


def _read(path: Path) -> str:
    mode = path.stat().st_mode
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise ConfigurationError(
            f"密钥文件 {path} 对其他用户可读（权限 {stat.filemode(mode)}）",
            f"the secret file {path} is readable by others ({stat.filemode(mode)})",
            fix=f"运行 chmod 600 {path}；若已泄露，删除该文件后重启，所有令牌随之作废")
    secret = path.read_text(encoding="ascii").strip()
    if len(secret) < MIN_LENGTH:
        raise ConfigurationError(
            f"密钥文件 {path} 的内容过短（少于 {MIN_LENGTH} 个字符）",
            f"the secret in {path} is shorter than {MIN_LENGTH} characters",
            fix="删除该文件后重启，gaodi 会重新生成随机密钥（已发出的令牌作废）")
    return secret
