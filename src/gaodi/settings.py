"""Typed settings: one registry with name, default and help, read from the environment (GAODI_*)."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from gaodi.home import DEFAULT_HOME


class Settings(BaseSettings):
    """Settings of a gaodi workspace. Every field is documented in docs/settings.md."""

    model_config = SettingsConfigDict(env_prefix="GAODI_", extra="ignore")

    home: Path = Field(DEFAULT_HOME,
                       description="工作区目录，存放数据库、报告和导入报告 (workspace folder)")
    province_code: str = Field("430000",
                               description="本省行政区划代码，决定哪些区划为省内 (home province code)")
    db_name: str = Field("gaodi.duckdb", description="工作区内数据库文件名 (store file name)")
    memory_limit: str = Field("1GB", description="DuckDB 可用内存上限；超出部分写入临时目录而不再占内存，"
                                                "大文件导入的进程峰值内存因此保持在 2 GiB 以下 (DuckDB memory limit; "
                                                "beyond it DuckDB spills to temp_directory)")
    temp_directory: Path | None = Field(None, description="DuckDB 溢写临时文件的目录；不设则用工作区内的 tmp "
                                                         "(where DuckDB spills; default: tmp in the workspace)")
    threads: int = Field(2, description="DuckDB 线程数 (DuckDB threads)")
    xlsx_max_cells: int = Field(20_000_000, ge=1, description="导入的 Excel 工作表最多单元格数 (cells per sheet)")
    xlsx_max_ratio: float = Field(100.0, gt=1, description="Excel 文件解压后与文件大小之比的上限 (unpacked/packed)")
    import_report_max_rows: int = Field(100_000, ge=1, description="导入问题报告最多列出的问题数 (report lines)")
    sealing_key: str | None = Field(None, repr=False, description="封存审计日志和诉求历史的密钥；不设则用工作区的 sealing.key 文件 (sealing key)")
    report_max_mb: int = Field(200, ge=1, description="网页生成的单个报告文件大小上限，MB (report file size)")
    smtp_host: str | None = Field(None, description="发送督办通知邮件的 SMTP 服务器；不设则只发站内通知 (SMTP server)")
    smtp_port: int = Field(25, ge=1, le=65535, description="SMTP 端口 (SMTP port)")
    smtp_tls: str = Field("none", pattern="^(none|starttls|ssl)$", description="none、starttls 或 ssl (SMTP TLS)")
    smtp_user: str | None = Field(None, description="SMTP 登录用户名；不设则不登录 (SMTP user)")
    smtp_password: str | None = Field(None, repr=False, description="SMTP 密码，只从环境变量读 (SMTP password)")
    smtp_sender: str = Field("gaodi@localhost", description="通知邮件的发件地址 (sender address)")
    smtp_timeout_seconds: float = Field(10.0, gt=0, le=120, description="连接 SMTP 服务器的超时秒数 (SMTP timeout)")

    @property
    def db_path(self) -> Path:
        return self.home / self.db_name

    @property
    def spill_dir(self) -> Path:
        """Where DuckDB writes what does not fit in ``memory_limit``."""
        return self.temp_directory or self.home / "tmp"

    @property
    def reports_dir(self) -> Path:
        return self.home / "reports"

    @property
    def imports_dir(self) -> Path:
        """Where validation reports and quarantine files of imports are written."""
        return self.home / "imports"


def load_settings(**overrides) -> Settings:
    """Settings from the environment, with explicit overrides (e.g. ``home``) taking precedence."""
    return Settings(**{k: v for k, v in overrides.items() if v is not None})
