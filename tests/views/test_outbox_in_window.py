"""Patient messages from the reception window: sender, docks, banner with QR, copy and WhatsApp.

Nothing here asks a view to refresh: each keeps itself up to date from the change bus.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QDockWidget

from app.db import Database
from app.services import outbox, reservations
from app.views.appointments_model import COL_MESSAGE
from app.views.reservations_view import ID_ROLE
from tests.conftest import new_patient
from tests.mail_server import MailServer, free_port
from tests.views.conftest import cell, select_patient


@pytest.fixture
def server(db):
    running = MailServer().start()
    running.configure(db)
    yield running
    running.stop()


def test_the_window_starts_its_sender_and_offers_the_docks(qtbot, window):
    assert window.messaging.sender.running
    dock = window.findChild(QDockWidget, "outboxDock")
    assert dock is not None and not dock.isVisible()
    window.findChild(QObject, "outboxAction").trigger()
    qtbot.waitUntil(dock.isVisible)
    follow_up = window.findChild(QDockWidget, "reservationsDock")
    window.findChild(QObject, "reservationsAction").trigger()
    qtbot.waitUntil(follow_up.isVisible)


def test_a_booking_is_mailed_by_the_background_sender(qtbot, db, server, window, book):
    sender = window.messaging.sender
    qtbot.waitUntil(lambda: not sender.busy, timeout=20_000)  # the first pass at start
    booked = book(new_patient=new_patient(email="anita@example.com"))
    with qtbot.waitSignal(sender.passFinished, timeout=20_000):
        window.on_booked(booked)
    qtbot.waitUntil(lambda: outbox.get_message(db, booked.message_id).status == "sent")
    assert server.inbox.recipients() == ["anita@example.com"]
    qtbot.waitUntil(
        lambda: (
            window.case_panel.current_case() is not None
            and window.case_panel.current_case().appointments[0].message_status == "sent"
        ),
        timeout=10_000,
    )


def test_a_sent_message_shows_in_the_case_panel_by_itself(qtbot, db, server, window, book):
    sender = window.messaging.sender
    qtbot.waitUntil(lambda: not sender.busy, timeout=20_000)  # the first pass at start
    booked = book(new_patient=new_patient(email="anita@example.com"))
    select_patient(qtbot, window, booked.patient_id)
    table = window.findChild(QAbstractItemView, "caseAppointments")
    assert cell(table, 0, COL_MESSAGE) == "Waiting to send"
    with qtbot.waitSignal(sender.passFinished, timeout=20_000) as done:
        sender.send_now()  # the timer's next pass, brought forward; no refresh is asked for
    assert done.args[0].sent == 1
    qtbot.waitUntil(lambda: cell(table, 0, COL_MESSAGE) == "Sent")


def test_a_change_at_another_desk_shows_in_the_reservations_view_by_itself(
    qtbot, db_path, window, book
):
    first = book(new_patient=new_patient(email="anita@example.com"))
    second = book(new_patient=new_patient("Ravi", "Kumar", "+91 98123 00001"))
    view = window.messaging.reservations_view
    view.clock = lambda: datetime.now(UTC) + timedelta(hours=25)  # past the 24-hour hold

    def listed() -> list[int]:
        return [view.model.index(r, 0).data(ID_ROLE) for r in range(view.model.rowCount())]

    window.findChild(QObject, "reservationsAction").trigger()
    qtbot.waitUntil(lambda: listed() == [first.appointment_id, second.appointment_id])
    other_desk = Database(str(db_path))  # its own engine and connections on the same file
    try:
        reservations.confirm(other_desk, first.appointment_id)
    finally:
        other_desk.dispose()
    qtbot.waitUntil(lambda: listed() == [second.appointment_id])


def test_banner_offers_qr_copy_message_and_whatsapp(qtbot, db, window, book, catcher):
    booked = book()
    window.on_booked(booked)
    banner = window.banner
    qtbot.waitUntil(lambda: not banner.qr.pixmap().isNull())  # read off the UI thread
    assert banner.copy_message_button.isVisible() and banner.whatsapp_button.isVisible()
    banner.copy_message_button.click()
    copied = QGuiApplication.clipboard().text()
    assert booked.link in copied and booked.case_code in copied and "Hello Priya" in copied
    banner.whatsapp_button.click()
    qtbot.waitUntil(lambda: bool(catcher.urls))
    (url,) = catcher.urls
    parts = urlsplit(url)
    assert (parts.netloc, parts.path) == ("wa.me", "/919812345678")
    assert parse_qs(parts.query)["text"][0] == copied
    banner.show_message("Something else")
    assert not banner.copy_message_button.isVisible() and banner.qr.pixmap().isNull()


def test_closing_the_window_stops_the_sender(window):
    sender = window.messaging.sender
    window.close()
    assert not sender.running


def test_docks_read_their_lists_only_when_shown(qtbot, db, window, book):
    booked = book(new_patient=new_patient(email="anita@example.com"))
    view = window.messaging.outbox_view
    assert view.model.rowCount() == 0
    window.findChild(QObject, "outboxAction").trigger()
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    assert view.model.message(0).id == booked.message_id


def test_mail_settings_from_the_menu_save_and_wake_the_sender(qtbot, db, window):
    from app.dialogs.mail_settings import MailSettingsPage
    from app.services import settings

    window.findChild(QObject, "settingsAction").trigger()
    dialog = window.findChild(QObject, "settingsDialog")
    dialog.show_tab("mail")
    page = window.findChild(MailSettingsPage)
    qtbot.waitUntil(lambda: page is not None and page.isVisible() and page.is_loaded)
    page.editors["smtp.host"].setText("127.0.0.1")  # nothing listens: a quick refusal
    page.editors["smtp.port"].setText(str(free_port()))
    page.editors["smtp.sender"].setText("desk@clinic.example")
    sender = window.messaging.sender
    qtbot.waitUntil(lambda: not sender.busy, timeout=20_000)  # the first pass at start
    qtbot.waitUntil(lambda: dialog.is_loaded)
    assert dialog.unsaved_tabs() == ["Mail"]
    with qtbot.waitSignals([page.saved, dialog.saved, sender.passFinished], timeout=20_000):
        assert dialog.save()  # the dialog's one Save
    assert dialog.unsaved_tabs() == []
    assert settings.get(db, "smtp.host") == "127.0.0.1"
    assert sender.last_report is not None and sender.last_report.configured


def test_the_messages_menu_and_docks_are_built_without_sqlalchemy(tmp_path, db_path):
    """They join the window before it first paints, so they must not load SQLAlchemy then."""
    Database(str(db_path)).dispose()  # created and migrated beforehand
    code = f"""
        import sys
        from PySide6.QtWidgets import QApplication, QMainWindow
        from app.db import Database
        from app.views.messaging import install_messaging

        app = QApplication([])
        window = QMainWindow()
        messaging = install_messaging(window, Database({str(db_path)!r}), start=False)
        print(messaging.outbox_view.objectName(), "sqlalchemy" in sys.modules)
        """
    env = dict(os.environ, CASEDESK_DATA_DIR=str(tmp_path / "data"), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["outboxView", "False"]
