"""File > Import patients... in the main window."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu


def test_file_menu_opens_the_import_dialog(qtbot, open_window):
    window = open_window()
    file_menu = window.findChild(QMenu, "fileMenu")
    action = window.findChild(QObject, "importPatientsAction")
    assert action in file_menu.actions()
    action.trigger()
    qtbot.waitUntil(lambda: window.findChild(QObject, "importPatientsDialog") is not None)
    shown = window.findChild(QObject, "importPatientsDialog")
    assert shown.isVisible()
    shown.done(0)
