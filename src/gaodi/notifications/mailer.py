"""E-mail of notifications through the workspace's SMTP server (settings ``smtp_*``).

Mail is sent after the step that caused it has been committed, one connection per batch; a failure
(server down, refused login, bad address) is logged and marked on the notifications, never raised:
a task step that succeeded stays done whether or not its e-mail went out.
"""

from __future__ import annotations

import logging
import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage

from gaodi.settings import Settings

__all__ = ["Mail", "send_all"]

log = logging.getLogger("gaodi.notifications")


@dataclass(frozen=True)
class Mail:
    to: str
    subject: str
    text: str


def send_all(settings: Settings, mails: list[Mail]) -> tuple[bool, str | None]:
    """Send ``mails`` through the configured server; (True, None) when all went, (False, reason) otherwise.

    No server configured (``smtp_host`` unset) sends nothing and is not a failure: (True, "no_server").
    """
    if not mails:
        return True, None
    if not settings.smtp_host:
        return True, "no_server"
    try:
        with _connect(settings) as smtp:
            if settings.smtp_user:
                smtp.login(settings.smtp_user, settings.smtp_password or "")
            for mail in mails:
                msg = EmailMessage()
                msg["From"], msg["To"], msg["Subject"] = settings.smtp_sender, mail.to, mail.subject
                msg.set_content(mail.text)
                smtp.send_message(msg)
    except (OSError, smtplib.SMTPException) as exc:
        log.warning("通知邮件发送失败 (notification e-mail failed): %s:%s %s", settings.smtp_host,
                    settings.smtp_port, exc)
        return False, str(exc)[:300]
    return True, None


def _connect(settings: Settings) -> smtplib.SMTP:
    timeout = settings.smtp_timeout_seconds
    if settings.smtp_tls == "ssl":
        return smtplib.SMTP_SSL(settings.smtp_host, settings.smtp_port, timeout=timeout,
                                context=ssl.create_default_context())
    smtp = smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=timeout)
    if settings.smtp_tls == "starttls":
        smtp.starttls(context=ssl.create_default_context())
    return smtp
