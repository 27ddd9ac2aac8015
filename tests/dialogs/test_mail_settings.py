"""The mail settings page: validation, the live preview, and a test message to a real server."""

from __future__ import annotations

import pytest

from app.dialogs.mail_settings import MailSettingsPage
from app.services import settings
from tests.mail_server import MailServer


@pytest.fixture
def page(qtbot, db):
    widget = MailSettingsPage(db)
    qtbot.addWidget(widget)
    return widget


def test_shows_the_stored_settings(qtbot, db):
    settings.set_many(db, {"smtp.host": "mail.clinic.example", "smtp.security": "tls"})
    page = MailSettingsPage(db)
    qtbot.addWidget(page)
    assert page.findChild(type(page.editors["smtp.host"]), "smtpHost").text() == (
        "mail.clinic.example"
    )
    assert page.values()["smtp.security"] == "tls"


def test_save_stores_valid_values(db, page):
    page.editors["smtp.host"].setText("127.0.0.1")
    page.editors["smtp.port"].setText("2525")
    page.editors["smtp.sender"].setText("desk@clinic.example")
    assert page.save()
    assert settings.get(db, "smtp.port") == "2525"
    assert settings.get(db, "smtp.host") == "127.0.0.1"


def test_bad_value_is_refused_named_and_nothing_is_lost(db, page):
    page.editors["smtp.host"].setText("mail.clinic.example")
    page.editors["smtp.port"].setText("99999")
    assert not page.save()
    assert "not a port number" in page.error.text()
    assert page.editors["smtp.port"].text() == "99999"  # what was typed stays
    assert settings.get(db, "smtp.host") == ""  # and nothing was half-saved


def test_preview_follows_the_template_as_it_is_typed(page):
    page.editors["message.body"].setPlainText("Dear {first_name}, case {case_id}: {link}")
    assert "Dear Priya, case C-00042: https://booking.example.com/a/AbC123" in (
        page.preview.toPlainText()
    )
    page.editors["message.subject"].setText("See you {date}")
    assert page.preview.toPlainText().startswith("Subject: See you ")
    page.editors["message.body"].setPlainText("Dear {patient}")
    assert "Unknown placeholder" in page.preview.toPlainText()


def test_send_test_message_reaches_the_server(qtbot, page):
    server = MailServer().start()
    try:
        page.editors["smtp.host"].setText("127.0.0.1")
        page.editors["smtp.port"].setText(str(server.port))
        page.editors["smtp.security"].setCurrentIndex(
            page.editors["smtp.security"].findData("none")
        )
        page.editors["smtp.sender"].setText("desk@clinic.example")
        page.test_to.setText("owner@clinic.example")
        with qtbot.waitSignal(page.testFinished, timeout=20_000) as result:
            page.test_button.click()
    finally:
        server.stop()
    assert result.args == ["The test message was sent to owner@clinic.example.", True]
    assert server.inbox.recipients() == ["owner@clinic.example"]
    assert page.test_button.isEnabled()


def test_send_test_message_with_a_refused_connection_says_why(qtbot, page):
    unused = MailServer()  # nothing listens on its port
    page.editors["smtp.host"].setText("127.0.0.1")
    page.editors["smtp.port"].setText(str(unused.port))
    page.editors["smtp.security"].setCurrentIndex(page.editors["smtp.security"].findData("none"))
    page.editors["smtp.sender"].setText("desk@clinic.example")
    page.test_to.setText("owner@clinic.example")
    with qtbot.waitSignal(page.testFinished, timeout=20_000) as result:
        page.test_button.click()
    text, ok = result.args
    assert not ok and "refused the connection" in text
    assert page.test_result.text() == text


def test_send_test_message_refuses_a_bad_sender_before_connecting(qtbot, page):
    page.editors["smtp.host"].setText("127.0.0.1")
    page.editors["smtp.sender"].setText("front desk")
    page.test_to.setText("owner@clinic.example")
    with qtbot.waitSignal(page.testFinished, timeout=20_000) as result:
        page.test_button.click()
    assert result.args[1] is False and "not an e-mail address" in result.args[0]
