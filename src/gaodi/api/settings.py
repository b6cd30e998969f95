"""Settings of the web server, read from the environment (GAODI_API_*), refusing unsafe secrets."""

from __future__ import annotations

import ipaddress
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from gaodi.access.signing_key import MIN_LENGTH, workspace_secret
from gaodi.errors import ConfigurationError

PUBLISHED_SECRETS = frozenset({"gaodi-development-secret-change-me"})
"""Secrets printed in earlier versions of gaodi: anyone can sign tokens with them, so they are refused."""

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


class ApiSettings(BaseSettings):
    """Every field is documented in docs/web.md."""

    model_config = SettingsConfigDict(env_prefix="GAODI_API_", extra="ignore")

    secret_key: SecretStr | None = Field(
        None, description="签名登录令牌的密钥；不设时用工作区内随机生成的密钥 (token signing secret; "
                          "default: a random one kept in the workspace)")
    production: bool = Field(False, description="生产模式：演示账户不能登录，接口文档关闭 (production mode)")
    token_minutes: int = Field(480, description="登录令牌有效分钟数 (token lifetime, minutes)")
    login_attempts: int = Field(5, description="同一地址对同一账户在窗口内允许的登录失败次数 "
                                               "(failed logins per address and account per window)")
    login_attempts_per_address: int = Field(30, description="同一地址在窗口内允许的登录失败次数（各账户合计） "
                                                            "(failed logins per address per window)")
    login_window_seconds: int = Field(300, description="登录失败计数窗口，秒 (window, seconds)")
    login_lockout_max_seconds: int = Field(
        86400, description="再次锁定时等待时间加倍的上限，秒 (cap of the doubling lockout, seconds)")
    trusted_proxies: str = Field(
        "", description="可信反向代理地址（逗号分隔，可写网段），只信任它们转发的 X-Forwarded-For "
                        "(reverse proxies whose X-Forwarded-For is believed; comma-separated IPs or CIDRs)")
    password_checks: int = Field(2, description="同时进行的密码校验上限 (concurrent password checks)")
    password_check_wait_seconds: float = Field(
        10.0, description="密码校验排队的最长等待，秒 (longest wait for a password check slot, seconds)")
    api_docs: bool | None = Field(None, description="提供 /api/docs 接口文档；默认生产模式关闭 "
                                                    "(serve the API docs; default: off in production)")
    serve_ui: bool = Field(True, description="同时提供网页界面 (serve the web UI's static files)")
    request_seconds: float = Field(60, gt=0, description="每个请求的处理时限，秒；超时停止查询并答 503 (time budget)")
    import_seconds: float = Field(3600, gt=0, description="上传导入的处理时限，秒 (time budget of an upload)")
    max_upload_mb: int = Field(200, ge=1, description="上传文件（multipart）的大小上限，MB (upload size limit)")
    max_json_kb: int = Field(1024, ge=1, description="其他请求内容（JSON）的大小上限，KB (other body size limit)")

    def check(self) -> ApiSettings:
        """Raise ConfigurationError for a published or short secret, or a malformed proxy list."""
        if self.secret_key is not None:
            secret = self.secret_key.get_secret_value()
            if secret in PUBLISHED_SECRETS or len(secret) < MIN_LENGTH:
                raise ConfigurationError(
                    f"GAODI_API_SECRET_KEY 不能是公开过的默认密钥，也不能少于 {MIN_LENGTH} 个字符",
                    f"GAODI_API_SECRET_KEY must not be a published default nor shorter than {MIN_LENGTH} "
                    "characters",
                    fix="删去该设置（gaodi 会在工作区内生成随机密钥），或设为至少 32 个字符的随机串，"
                        "如 python -c 'import secrets; print(secrets.token_urlsafe(48))'")
        self.proxy_networks()
        return self

    def signing_secret(self, home: Path) -> str:
        """The configured secret, or the workspace's own random one (made on first use)."""
        if self.secret_key is not None:
            return self.secret_key.get_secret_value()
        return workspace_secret(home)

    def proxy_networks(self) -> tuple[Network, ...]:
        """The trusted proxies as networks (a single address is a /32 or /128)."""
        out = []
        for item in filter(None, (p.strip() for p in self.trusted_proxies.split(","))):
            try:
                out.append(ipaddress.ip_network(item, strict=False))
            except ValueError:
                raise ConfigurationError(
                    f"GAODI_API_TRUSTED_PROXIES 中的“{item}”不是 IP 地址或网段",
                    f"GAODI_API_TRUSTED_PROXIES: {item!r} is not an IP address or network",
                    fix="写成逗号分隔的地址或网段，如 127.0.0.1,10.0.0.0/24") from None
        return tuple(out)

    @property
    def docs_enabled(self) -> bool:
        return self.api_docs if self.api_docs is not None else not self.production


def is_loopback(host: str) -> bool:
    """True when ``host`` only listens on this machine (127.0.0.0/8, ::1 or ``localhost``)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
