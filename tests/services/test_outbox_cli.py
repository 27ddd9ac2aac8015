"""`casedesk outbox send` and `outbox list` against a real SMTP server."""

from __future__ import annotations

import pytest

from app.cli import main
from app.services import outbox
from tests.conftest import new_patient
from tests.mail_server import MailServer


@pytest.fixture
def queued(db, book):
    patient = new_patient("Anita", "Desai", "+91 98123 11111", email="anita@example.com")
    return book(new_patient=patient)


def run(db_target, *args) -> int:
    return main(["--database", str(db_target), "outbox", *args])


def test_send_without_mail_settings_says_not_configured(db_target, queued, capsys):
    assert run(db_target, "send") == 1
    out = capsys.readouterr().out
    assert "Not configured" in out and "1 message(s) waiting" in out
    assert run(db_target, "list") == 0
    assert "pending" in capsys.readouterr().out


def test_send_reports_each_message_and_a_summary(db, db_target, queued, capsys):
    server = MailServer().start()
    try:
        server.configure(db)
        assert run(db_target, "send") == 0
        out = capsys.readouterr().out
        assert f"#{queued.message_id}  sent" in out and "anita@example.com" in out
        assert "Sent 1, failed 0, 0 still waiting" in out
        assert run(db_target, "send") == 0
        assert "Nothing to send." in capsys.readouterr().out
    finally:
        server.stop()
    assert server.inbox.recipients() == ["anita@example.com"]


def test_send_tries_failed_messages_now_and_reports_why(db, db_target, queued, capsys):
    down = MailServer()
    down.configure(db)
    assert run(db_target, "send") == 1
    out = capsys.readouterr().out
    assert "failed" in out and "refused the connection" in out and "next try" in out
    assert "1 still waiting" in out
    down.start()  # the retry is not due yet, but `send` means now
    try:
        assert run(db_target, "send") == 0
    finally:
        down.stop()
    assert "Sent 1" in capsys.readouterr().out
    assert outbox.get_message(db, queued.message_id).status == "sent"
    assert len(down.inbox.envelopes) == 1
