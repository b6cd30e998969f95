"""The inbox and e-mail of task events: who is told, unread counts, marking read, and SMTP delivery to a
local server started by the test (aiosmtpd), never a real address."""

from __future__ import annotations

import datetime as dt
import logging
import socket

import pytest
from aiosmtpd.controller import Controller

from gaodi.access.scope import PROVINCE, Scope
from gaodi.errors import InputError
from gaodi.problems.events import CHINA_TZ
from gaodi.store.users import add_user
from gaodi.tasks.service import Actor, Tasks

PROV = Actor("prov", "province", PROVINCE)
CHANGSHA = Actor("cs", "city", Scope("city", ("430100",)))


class Inbox:
    def __init__(self) -> None:
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, envelope.content.decode("utf-8", "replace")))
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def people(workspace):
    for name, role, scope in (("prov", "province", None), ("cs", "city", "430100"), ("cs2", "city", "430100"),
                              ("zz", "city", "430200")):
        add_user(workspace.store, name, None, "not-a-hash: these accounts never log in", role,
                 "province" if scope is None else "city", scope)
    when = dt.datetime(2026, 9, 29, 10, tzinfo=CHINA_TZ)
    return Tasks(workspace, clock=lambda: when)


def test_the_bodys_people_are_told_of_a_new_task_and_the_creator_of_a_report(people, workspace):
    inbox = workspace.notifications
    t = people.new(PROV, title="营收下滑走访", body="county:430104", deadline_workdays=3)
    assert inbox.unread("cs") == 1 and inbox.unread("cs2") == 1  # Changsha's users answer for 岳麓区
    assert inbox.unread("zz") == 0 and inbox.unread("prov") == 0  # not Zhuzhou; not who acted
    people.report(CHANGSHA, t.task_id, "已走访")
    assert inbox.unread("prov") == 1 and inbox.unread("cs") == 1 and inbox.unread("cs2") == 2
    item = inbox.inbox("prov")["items"][0]
    assert item["kind"] == "report" and item["kind_label"] == "进展报告" and "已走访" in item["message"]
    # marking another user's notification read changes nothing; one's own does
    assert inbox.mark_read("zz", [item["notification_id"]]) == 0 and inbox.unread("prov") == 1
    assert inbox.mark_read("prov", [item["notification_id"]]) == 1 and inbox.unread("prov") == 0
    assert inbox.mark_read("cs2") == 2 and inbox.unread("cs2") == 0


def test_due_soon_is_told_once_per_deadline(people, workspace):
    t = people.new(PROV, title="三天", body="county:430104", deadline_workdays=3)  # due Fri 10-09
    on = dt.datetime(2026, 10, 8, 10, tzinfo=CHINA_TZ)  # 1 working day left
    later = Tasks(workspace, clock=lambda: on)
    assert later.remind() == 1 and later.remind() == 0
    kinds = [i["kind"] for i in workspace.notifications.inbox("cs")["items"] if i["task_id"] == t.task_id]
    assert kinds == ["due_soon", "assigned"]


def test_task_events_are_emailed_through_the_configured_smtp_server(people, workspace):
    handler, port = Inbox(), _free_port()
    server = Controller(handler, hostname="127.0.0.1", port=port)
    server.start()
    try:
        workspace.settings.smtp_host, workspace.settings.smtp_port = "127.0.0.1", port
        workspace.settings.smtp_sender = "gaodi@test.invalid"
        workspace.notifications.set_email("cs", "cs@test.invalid")
        t = people.new(PROV, title="邮件测试", body="county:430104", deadline_workdays=3)
    finally:
        server.stop()
    assert len(handler.messages) == 1
    to, content = handler.messages[0]
    assert to == ["cs@test.invalid"] and t.task_id in content and "gaodi@test.invalid" in content
    assert workspace.notifications.inbox("cs")["items"][0]["email_status"] == "sent"


def test_a_dead_smtp_server_is_logged_and_the_step_still_done(people, workspace, caplog):
    workspace.settings.smtp_host, workspace.settings.smtp_port = "127.0.0.1", _free_port()  # nobody listens
    workspace.settings.smtp_timeout_seconds = 2
    workspace.notifications.set_email("cs", "cs@test.invalid")
    with caplog.at_level(logging.WARNING, logger="gaodi.notifications"):
        t = people.new(PROV, title="服务器不在", body="county:430104", deadline_workdays=3)
    assert people.get(t.task_id).state == "open" and workspace.notifications.unread("cs") == 1
    assert any("通知邮件发送失败" in r.getMessage() for r in caplog.records)
    assert workspace.notifications.inbox("cs")["items"][0]["email_status"] == "failed"


def test_an_address_that_is_not_one_is_refused(people, workspace):
    with pytest.raises(InputError):
        workspace.notifications.set_email("cs", "cs@x.cn\r\nBcc: all@x.cn")
