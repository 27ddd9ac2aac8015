"""The File and Help menus: Settings, Quit, the keyboard shortcuts and About."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QHeaderView,
    QMenu,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME, __version__, config
from app.dialogs.base import CaseDeskDialog

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow


def plain_text(action: QAction) -> str:
    """'&New booking...' -> 'New booking': how a list of commands reads."""
    return action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(".")


def window_shortcuts(window: QWidget) -> list[tuple[str, str]]:
    """(command, keys) for every action of the window and its menus that has a shortcut."""
    seen: set[int] = set()
    found: list[tuple[str, str]] = []
    actions = list(QWidget.actions(window))  # MainWindow.actions is its WindowActions
    for menu in window.findChildren(QMenu):
        actions.extend(menu.actions())
    for action in actions:
        keys = action.shortcut()
        if keys.isEmpty() or id(action) in seen or not action.text():
            continue
        seen.add(id(action))
        found.append((plain_text(action), keys.toString(QKeySequence.SequenceFormat.NativeText)))
    return found


class ShortcutsDialog(CaseDeskDialog):
    """The window's shortcuts, read from its actions so the list never goes out of date."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window, modal=False)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = window_shortcuts(window)
        table = QTableWidget(len(rows), 2, self, objectName="shortcutsTable")
        table.setHorizontalHeaderLabels([self.tr("Command"), self.tr("Keys")])
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        for row, (command, keys) in enumerate(rows):
            table.setItem(row, 0, QTableWidgetItem(command))
            table.setItem(row, 1, QTableWidgetItem(keys))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table, 1)
        layout.addWidget(buttons)
        self.resize(460, 520)


def about_text() -> str:
    """Version, data folder and log folder: what whoever looks after the PC asks first."""
    return QCoreApplication.translate(
        "WindowMenus",
        "<b>{app}</b> {version}<br>Front-desk reception for clinics.<br><br>"
        "Data folder: {data}<br>Log folder: {logs}",
    ).format(app=APP_NAME, version=__version__, data=config.data_dir(), logs=config.log_dir())


class WindowMenus(QObject):
    """Adds File (first) and Help (last) to the window's menu bar."""

    def __init__(self, window: QMainWindow, open_settings) -> None:
        super().__init__(window)
        self.window = window
        self.settings_action = self._action(
            QT_TRANSLATE_NOOP("WindowMenus", "&Settings..."), "settingsAction", "Ctrl+,"
        )
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.settings_action.triggered.connect(lambda: open_settings("clinic"))
        self.quit_action = self._action(
            QT_TRANSLATE_NOOP("WindowMenus", "&Quit"), "quitAction", QKeySequence.StandardKey.Quit
        )
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(window.close)
        self.shortcuts_action = self._action(
            QT_TRANSLATE_NOOP("WindowMenus", "&Keyboard shortcuts"),
            "shortcutsAction",
            QKeySequence.StandardKey.HelpContents,
        )
        self.shortcuts_action.setShortcut(QKeySequence("F1"))
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        self.about_action = self._action(
            QT_TRANSLATE_NOOP("WindowMenus", "&About CaseDesk"), "aboutAction", None
        )
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        bar = window.menuBar()
        file_menu = QMenu(self.tr("&File"), bar, objectName="fileMenu")
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        first = bar.actions()[0] if bar.actions() else None
        bar.insertMenu(first, file_menu) if first else bar.addMenu(file_menu)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.setObjectName("helpMenu")
        help_menu.addActions([self.shortcuts_action, self.about_action])
        self.dialog: QWidget | None = None

    def _action(self, text: str, name: str, keys) -> QAction:
        action = QAction(self.tr(text), self.window, objectName=name)
        if keys is not None:
            action.setShortcut(QKeySequence(keys))
        self.window.addAction(action)  # the shortcut works anywhere in the window
        return action

    def show_shortcuts(self) -> ShortcutsDialog:
        dialog = ShortcutsDialog(self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.dialog = dialog
        return dialog

    def show_about(self) -> QMessageBox:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("About CaseDesk"),
            about_text(),
            QMessageBox.StandardButton.Close,
            self.window,
        )
        box.setObjectName("aboutDialog")
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.dialog = box
        return box
