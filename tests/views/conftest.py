"""The real main window on a real SQLite file, prepared through services."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices

from app.main import create_main_window

PASSWORD = "correct horse battery"


@pytest.fixture
def open_desk(qtbot, db_target):
    """Builds the window as the app does, on the test's clinic (a file, or a PostgreSQL URL).

    With `searched=True` it waits for the first search to land; with accounts there is none
    until someone signs in, so by default it does not wait.
    """
    made = []

    def _open(*, searched: bool = False):
        window = create_main_window(db_target)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        if searched:
            qtbot.waitUntil(lambda: not window.patients.model.searching)
        made.append(window)
        return window

    yield _open
    for window in made:
        window.close()
        window.db.dispose()


@pytest.fixture
def open_window(open_desk):
    """Builds the window on the test database; waits for its first search to land."""
    return lambda: open_desk(searched=True)


@pytest.fixture
def window(open_window, db):
    return open_window()


def sign_in(qtbot, window, name: str, password: str = PASSWORD) -> None:
    """Signs `name` in at the window's sign-in dialog and waits until the window knows."""
    gate = window.sign_in
    qtbot.waitUntil(lambda: gate.dialog is not None and gate.dialog.isVisible())
    dialog = gate.dialog
    dialog.user_name.setText(name)
    dialog.password.setText(password)
    with qtbot.waitSignal(gate.signedInChanged):
        dialog.ok_button.click()


@pytest.fixture
def signed_in(qtbot, open_desk):
    """A window on a database with accounts (added by the test), signed in as `name`."""

    def _open(name: str):
        window = open_desk()
        sign_in(qtbot, window, name)
        return window

    return _open


def list_names(window) -> list[str]:
    model = window.patients.model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def search(qtbot, window, text: str) -> None:
    """Types like a receptionist and waits for the list to answer the last keystroke."""
    box = window.patients.search
    box.clear()
    qtbot.keyClicks(box, text)
    qtbot.waitUntil(
        lambda: window.patients.model.text == text and not window.patients.model.searching
    )


def select_patient(qtbot, window, patient_id: int) -> None:
    model = window.patients.model
    qtbot.waitUntil(lambda: model.row_of(patient_id) >= 0)
    window.patients.list.selectRow(model.row_of(patient_id))
    qtbot.waitUntil(lambda: window.record is not None and window.record.patient.id == patient_id)


def cell(view, row: int, column: int) -> str:
    return view.model().index(row, column).data(Qt.ItemDataRole.DisplayRole)


class UrlCatcher(QObject):
    """Receives the URLs QDesktopServices would open, so no browser starts in a test."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url.toString(QUrl.ComponentFormattingOption.FullyEncoded))


@pytest.fixture
def catcher():
    catching = UrlCatcher()
    QDesktopServices.setUrlHandler("https", catching, "open")
    yield catching
    QDesktopServices.unsetUrlHandler("https")
