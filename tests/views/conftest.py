"""The real main window on a real SQLite file, prepared through services."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices

from app.main import create_main_window


@pytest.fixture
def open_window(qtbot, db_path):
    """Builds the window on the test database; waits for its first search to land."""
    made = []

    def _open():
        window = create_main_window(str(db_path))
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitUntil(lambda: not window.patients.model.searching)
        made.append(window)
        return window

    yield _open
    for window in made:
        window.close()
        window.db.dispose()


@pytest.fixture
def window(open_window, db):
    return open_window()


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
