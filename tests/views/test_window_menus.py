"""File and Help menus: Settings and Quit under File, shortcuts and About under Help."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu, QTableWidget

from app import __version__, config


def menu_titles(window) -> list[str]:
    return [a.text().replace("&", "") for a in window.menuBar().actions()]


def test_file_is_first_and_help_last_and_settings_is_not_under_messages(window):
    titles = menu_titles(window)
    assert titles[0] == "File" and titles[-1] == "Help"
    file_menu = window.findChild(QMenu, "fileMenu")
    names = [a.objectName() for a in file_menu.actions()]
    assert "settingsAction" in names and "quitAction" in names
    messages = window.findChild(QMenu, "messagesMenu")
    assert not any("settings" in a.text().lower() for a in messages.actions())


def test_settings_and_quit_have_their_usual_keys(window):
    settings = window.findChild(QObject, "settingsAction")
    assert settings.shortcut() == QKeySequence("Ctrl+,")
    assert window.findChild(QObject, "quitAction").shortcut() == QKeySequence("Ctrl+Q")
    assert window.findChild(QObject, "shortcutsAction").shortcut() == QKeySequence("F1")


def test_settings_opens_on_the_clinic_tab(qtbot, window):
    window.findChild(QObject, "settingsAction").trigger()
    dialog = window.findChild(QObject, "settingsDialog")
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
    qtbot.waitUntil(lambda: dialog.is_loaded)
    assert dialog.tabs.currentWidget() is dialog.clinic_tab
    dialog.done(0)


def test_f1_lists_the_shortcuts_of_the_window_actions(qtbot, window):
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: window.findChild(QObject, "shortcutsDialog") is not None)
    dialog = window.findChild(QObject, "shortcutsDialog")
    qtbot.waitUntil(dialog.isVisible)
    table = dialog.findChild(QTableWidget, "shortcutsTable")
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert rows["New booking"] == QKeySequence("Ctrl+N").toString(
        QKeySequence.SequenceFormat.NativeText
    )
    assert "Settings" in rows and "Cancel appointment" in rows
    dialog.close()


def test_about_names_the_version_and_folders(qtbot, window):
    box = window.menus.show_about()
    qtbot.waitUntil(box.isVisible)
    assert __version__ in box.text()
    assert str(config.data_dir()) in box.text() and str(config.log_dir()) in box.text()
    box.close()
