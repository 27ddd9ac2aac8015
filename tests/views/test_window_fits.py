"""At 1366x768 (less a taskbar) nothing of the window or its dialogs is cut off, and it remembers."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QDialog, QTabBar, QToolButton, QWidget

from app.dialogs.settings_dialog import SettingsDialog
from app.main import create_main_window

SCREEN_W, SCREEN_H = 1366, 728  # a 1366x768 laptop with its taskbar


def clipped(top: QWidget) -> list[str]:
    """Every shown widget whose rectangle sticks out of `top`'s."""
    inside = QRect(0, 0, top.width(), top.height())
    out = []
    for child in top.findChildren(QWidget):
        if not child.isVisible() or child.isWindow() or child.width() <= 1:
            continue
        if isinstance(child, QTabBar) and child.parent() is top and child.x() < 0:
            continue  # QMainWindow parks the tab bar of hidden tabbed docks out of sight
        rect = QRect(child.mapTo(top, child.rect().topLeft()), child.size())
        if not inside.contains(rect):
            out.append(f"{type(child).__name__} {child.objectName()!r} {rect}")
    return out


def test_the_window_fits_1366x768_with_its_status_bar_and_banners(qtbot, window, book):
    result = book()
    window.on_booked(result)
    window.tell("Link copied.")
    qtbot.waitUntil(lambda: window.record is not None)
    window.resize(SCREEN_W, SCREEN_H)
    qtbot.waitUntil(lambda: window.height() == SCREEN_H)
    status = window.findChild(QWidget, "statusBar")
    assert status is not None and status.isVisible()
    assert window.minimumSizeHint().height() <= SCREEN_H
    assert window.minimumSizeHint().width() <= SCREEN_W
    qtbot.wait(50)  # layouts settle
    assert clipped(window) == []
    squashed = [
        b.text()
        for b in window.case_panel.findChildren(QToolButton)
        if b.height() < b.minimumSizeHint().height()
    ]
    assert squashed == []


def test_an_action_that_only_had_the_status_bar_also_shows_in_the_notice(qtbot, window, book):
    book()
    window.tell("Case C-00001 closed.")
    assert window.notice.isVisible()
    assert "C-00001 closed" in window.notice.message()


def test_the_window_remembers_its_size(qtbot, open_window, db_path):
    first = open_window()
    first.resize(790, 500)  # the offscreen screen is 800x600
    qtbot.waitUntil(lambda: first.width() == 790)
    first.close()
    again = create_main_window(str(db_path))
    try:
        assert (again.width(), again.height()) == (790, 500)
    finally:
        again.close()
        again.db.dispose()


def test_geometry_is_kept_in_the_data_folder(qtbot, open_window, data_dir):
    open_window().close()
    assert "mainWindow" in (data_dir / "layout.ini").read_text()


def test_the_booking_wizard_and_settings_fit(qtbot, window, practitioner):
    window.open_booking(0)
    wizard = window._wizard
    qtbot.waitUntil(wizard.isVisible)
    hint = wizard.minimumSizeHint()
    assert hint.width() <= SCREEN_W and hint.height() <= SCREEN_H
    wizard.resize(min(wizard.width(), SCREEN_W), min(wizard.height(), SCREEN_H))
    qtbot.wait(50)
    assert clipped(wizard) == []
    wizard.done(QDialog.DialogCode.Rejected)

    dialog = SettingsDialog(window.db, window)
    dialog.open()
    qtbot.waitUntil(dialog.isVisible)
    qtbot.waitUntil(lambda: dialog.is_loaded)
    hint = dialog.minimumSizeHint()
    assert hint.width() <= SCREEN_W and hint.height() <= SCREEN_H
    qtbot.wait(50)
    assert clipped(dialog) == []
    dialog.done(QDialog.DialogCode.Rejected)
