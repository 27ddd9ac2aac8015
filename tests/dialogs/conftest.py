"""Fixtures for the dialogs: a shown booking wizard, and answering a modal without blocking."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from app.dialogs.booking_wizard import BookingWizard


@pytest.fixture
def open_wizard(qtbot, db, practitioner):
    """Opens the wizard as the main window does (show, not exec); closes it without asking."""
    opened: list[BookingWizard] = []

    def _open(patient_id: int = 0) -> BookingWizard:
        # Not qtbot.addWidget: its close() would ask the discard question and block.
        wizard = BookingWizard(db, patient_id=patient_id)
        wizard.show()
        qtbot.waitExposed(wizard)
        opened.append(wizard)
        if patient_id:  # the chosen patient is read off the UI thread; Next waits for it
            qtbot.waitUntil(lambda: wizard.patient_page.chosen_patient() is not None)
        return wizard

    yield _open
    for wizard in opened:
        if wizard.isVisible():
            wizard.done(QDialog.DialogCode.Rejected)  # done() skips the discard question
        wizard.runner.wait()
        wizard.deleteLater()


@pytest.fixture
def when_modal(qtbot):
    """Runs `action(dialog)` once a modal named `name` is up, so exec() never blocks a test."""
    seen: list[str] = []

    def _when(name: str, action: Callable[[QWidget], None], tries: int = 200) -> None:
        def look(left: int = tries) -> None:
            dialog = QApplication.activeModalWidget()
            if dialog is not None and dialog.objectName() == name:
                seen.append(name)
                action(dialog)
            elif left:
                QTimer.singleShot(10, lambda: look(left - 1))

        QTimer.singleShot(0, look)

    _when.seen = seen  # type: ignore[attr-defined]
    return _when
