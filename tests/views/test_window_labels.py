"""The demo clinic says so in the title bar and across the window; so does a placeholder link."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from app import config
from app.main import create_main_window


def open_on(qtbot, database: str, **kw):
    window = create_main_window(database, **kw)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window._first_read_done)
    return window


def test_the_demo_database_is_labelled(qtbot):
    window = open_on(qtbot, config.demo_database())
    try:
        assert "DEMO" in window.windowTitle()
        strip = window.findChild(QLabel, "demoStrip")
        assert strip is not None and strip.isVisible()
        assert "not the real desk" in strip.text()
    finally:
        window.close()
        window.db.dispose()


def test_the_real_desk_is_not(qtbot, db_path):
    window = open_on(qtbot, str(db_path))
    try:
        assert "DEMO" not in window.windowTitle()
        assert window.findChild(QLabel, "demoStrip") is None
    finally:
        window.close()
        window.db.dispose()


def test_a_booking_with_the_placeholder_link_says_the_link_is_not_set_up(qtbot, window, book):
    window.on_booked(book())
    assert window.notice.isVisible()
    assert "not set up" in window.notice.message()
