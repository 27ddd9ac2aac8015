"""The mail settings page: validation, the live preview, and a test message to a real server.

The page reads, stores, checks and sends off the UI thread, so the tests wait for
its answers (`loaded`, `saved`, `saveFailed`, `testFinished`, the preview's text).
"""

from __future__ import annotations

import pytest

from app.dialogs.mail_settings import MailSettingsPage
from app.services import settings
from app.views.desk import desk_for
from tests.mail_server import MailServer


@pytest.fixture
def desk(db):
    """The desk the page finds for `db`; closed before the database, so no answer is late."""
    desk = desk_for(db)
    yield desk
    desk.close()


def open_page(qtbot, db) -> MailSettingsPage:
    widget = MailSettingsPage(db)
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: widget.is_loaded)
    return widget


@pytest.fixture
def page(qtbot, db, desk):
    return open_page(qtbot, db)


def test_editors_wait_for_the_stored_settings(qtbot, db, desk):
    page = MailSettingsPage(db)
    qtbot.addWidget(page)
    assert not page.editors["smtp.host"].isEnabled()  # nothing typed can be overwritten
    qtbot.waitUntil(lambda: page.is_loaded)
    assert page.editors["smtp.host"].isEnabled()
    assert page.editors["message.body"].toPlainText().startswith("Hello {first_name}")


def test_shows_the_stored_settings(qtbot, db, desk):
    settings.set_many(db, {"smtp.host": "mail.clinic.example", "smtp.security": "tls"})
    page = open_page(qtbot, db)
    assert page.findChild(type(page.editors["smtp.host"]), "smtpHost").text() == (
        "mail.clinic.example"
    )
    assert page.values()["smtp.security"] == "tls"


def test_save_stores_valid_values(qtbot, db, page):
    page.editors["smtp.host"].setText("127.0.0.1")
    page.editors["smtp.port"].setText("2525")
    page.editors["smtp.sender"].setText("desk@clinic.example")
    with qtbot.waitSignal(page.saved):
        assert page.save()
    assert settings.get(db, "smtp.port") == "2525"
    assert settings.get(db, "smtp.host") == "127.0.0.1"


def test_bad_value_is_refused_named_and_nothing_is_lost(qtbot, db, page):
    page.editors["smtp.host"].setText("mail.clinic.example")
    page.editors["smtp.port"].setText("99999")
    page.show()  # so the named field can take the focus
    with qtbot.waitSignal(page.saveFailed) as refused:
        page.save()
    assert "not a port number" in refused.args[0]
    assert "not a port number" in page.error.text()
    assert page.focusWidget() is page.editors["smtp.port"]  # the field named is focused
    assert page.editors["smtp.port"].text() == "99999"  # what was typed stays
    assert settings.get(db, "smtp.host") == ""  # and nothing was half-saved


def test_preview_follows_the_template_as_it_is_typed(qtbot, page):
    page.editors["message.body"].setPlainText("Dear {first_name}, case {case_id}: {link}")
    qtbot.waitUntil(
        lambda: (
            "Dear Priya, case C-00042: https://booking.example.com/a/AbC123"
            in page.preview.toPlainText()
        )
    )
    page.editors["message.subject"].setText("See you {date}")
    qtbot.waitUntil(lambda: page.preview.toPlainText().startswith("Subject: See you "))
    page.editors["message.body"].setPlainText("Dear {patient}")
    qtbot.waitUntil(lambda: "Unknown placeholder" in page.preview.toPlainText())


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


def test_a_password_sent_unencrypted_to_another_computer_is_refused(qtbot, db, page):
    """The page saves through the same service check as `config set`."""
    page.editors["smtp.host"].setText("mail.clinic.example")
    security = page.editors["smtp.security"]
    security.setCurrentIndex(security.findData("none"))
    page.editors["smtp.password"].setText("s3cret")
    page.editors["smtp.sender"].setText("desk@clinic.example")
    page.show()
    with qtbot.waitSignal(page.saveFailed) as refused:
        page.save()
    assert "unencrypted" in refused.args[0]
    assert page.focusWidget() is security
    assert settings.get(db, "smtp.password") == "" and settings.get(db, "smtp.host") == ""
