"""``Notifications`` (``g.notifications``): each account's inbox, who is told of a task event, and e-mail.

Who is told (the recipients of one event):

* the body's people: accounts whose scope is the body's audience (a city's users for the city, its
  counties and parks; a park's or chain's users for the park or chain office; provincial users for the
  provincial departments, the government and the service desk);
* the task's creator (when an account) of progress reports and closure.

Rows are written inside the step's transaction (:meth:`write`); e-mails go after it commits (:meth:`deliver`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from gaodi.access.scope import Scope
from gaodi.errors import InputError
from gaodi.notifications.mailer import Mail, send_all
from gaodi.store import notifications as rows

__all__ = ["Notice", "Notifications"]

KINDS = {"assigned": "新交办", "report": "进展报告", "escalated": "升级督办", "due_soon": "即将到期",
         "closed": "已办结", "reopened": "重新打开"}
KINDS_EN = {"assigned": "assigned", "report": "progress report", "escalated": "escalated",
            "due_soon": "due soon", "closed": "closed", "reopened": "reopened"}


@dataclass(frozen=True)
class Notice:
    """One event to tell: its kind, the task, the Chinese and English text, and whom."""

    kind: str
    task_id: str
    message: str
    message_en: str
    audiences: tuple[Scope, ...] = ()
    usernames: tuple[str, ...] = ()
    marker: str | None = None


class Notifications:
    """The inbox and e-mail of a workspace (``g`` is a :class:`gaodi.core.Gaodi`)."""

    def __init__(self, g) -> None:
        self.g = g

    def write(self, notice: Notice, exclude: str | None = None) -> list[tuple[int, str | None]]:
        """Store the notice for each recipient (inside the caller's transaction), except ``exclude`` (who acted);
        return (notification id, e-mail address) per recipient."""
        store = self.g.store
        people = {a["username"]: a for a in rows.accounts(store)}
        wanted = {u for u in notice.usernames if u in people}
        for account in people.values():
            if any(_is_audience(account, s) for s in notice.audiences):
                wanted.add(account["username"])
        wanted.discard(exclude)
        return [(rows.add(store, u, notice.task_id, notice.kind, notice.message, notice.message_en, notice.marker),
                 people[u]["email"]) for u in sorted(wanted)]

    def deliver(self, written: list[tuple[int, str | None]], subject: str, text: str) -> None:
        """E-mail what :meth:`write` stored to those with an address; mark the outcome; never raise."""
        with_mail = [(nid, addr) for nid, addr in written if addr]
        ok, why = send_all(self.g.settings, [Mail(addr, subject, text) for _, addr in with_mail])
        status = "sent" if ok and why is None else ("not_configured" if ok else "failed")
        rows.set_email_status(self.g.store, [nid for nid, _ in with_mail], status)

    def already(self, task_id: str, kind: str, marker: str) -> bool:
        return rows.has_marker(self.g.store, task_id, kind, marker)

    def inbox(self, username: str, *, unread_only: bool = False, limit: int = 50, offset: int = 0
              ) -> dict[str, Any]:
        """The user's notifications, newest first: ``{"total", "unread", "items"}``."""
        total, unread, items = rows.inbox(self.g.store, username, unread_only=unread_only, limit=limit,
                                          offset=offset)
        for item in items:
            item["kind_label"], item["kind_label_en"] = KINDS[item["kind"]], KINDS_EN[item["kind"]]
        return {"total": total, "unread": unread, "items": items}

    def unread(self, username: str) -> int:
        return rows.inbox(self.g.store, username, limit=0)[1]

    def mark_read(self, username: str, ids: list[int] | None = None) -> int:
        """Mark the user's notifications read (all when ``ids`` is None); another user's ids change nothing."""
        return rows.mark_read(self.g.store, username, ids)

    def set_email(self, username: str, email: str | None) -> None:
        """Set (or clear, with None) the address the account's notifications are e-mailed to."""
        if email is not None and ("@" not in email or len(email) > 254 or any(c in email for c in " \r\n,;<>")):
            raise InputError(f"邮件地址“{email[:60]}”格式不对", "not an e-mail address",
                             fix="写成 name@example.gov.cn 这样的一个地址")
        rows.set_email(self.g.store, username, email)


def _is_audience(account: dict[str, Any], scope: Scope) -> bool:
    if scope.is_province:
        return account["role"] == "province"
    values = set((account["scope_value"] or "").split(";"))
    return account["scope_kind"] == scope.kind and bool(values & set(scope.values))
