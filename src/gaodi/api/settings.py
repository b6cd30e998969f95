"""Settings of the web server, read from the environment (GAODI_API_*), refusing unsafe production."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from gaodi.errors import ConfigurationError

DEFAULT_SECRET = "gaodi-development-secret-change-me"


class ApiSettings(BaseSettings):
    """Every field is documented in docs/web.md."""

    model_config = SettingsConfigDict(env_prefix="GAODI_API_", extra="ignore")

    secret_key: str = Field(DEFAULT_SECRET, description="签名登录令牌的密钥 (token signing secret)")
    production: bool = Field(False, description="生产模式：拒绝默认密钥 (refuse the default secret)")
    token_minutes: int = Field(480, description="登录令牌有效分钟数 (token lifetime, minutes)")
    login_attempts: int = Field(5, description="窗口内允许的登录失败次数 (failed logins per window)")
    login_window_seconds: int = Field(300, description="登录失败计数窗口，秒 (window, seconds)")
    serve_ui: bool = Field(True, description="同时提供网页界面 (serve the web UI's static files)")
    request_seconds: float = Field(60, gt=0, description="每个请求的处理时限，秒；超时停止查询并答 503 (time budget)")
    import_seconds: float = Field(3600, gt=0, description="上传导入的处理时限，秒 (time budget of an upload)")
    max_upload_mb: int = Field(200, ge=1, description="上传文件（multipart）的大小上限，MB (upload size limit)")
    max_json_kb: int = Field(1024, ge=1, description="其他请求内容（JSON）的大小上限，KB (other body size limit)")

    def check(self) -> ApiSettings:
        """Raise ConfigurationError when production mode would run with an unsafe secret."""
        if self.production and (self.secret_key == DEFAULT_SECRET or len(self.secret_key) < 32):
            raise ConfigurationError(
                "生产模式下不能使用默认或过短（少于 32 个字符）的密钥",
                "production mode refuses the default secret or one shorter than 32 characters",
                fix="设置环境变量 GAODI_API_SECRET_KEY 为至少 32 个字符的随机串，"
                    "如 python -c 'import secrets; print(secrets.token_urlsafe(48))'")
        return self
