"""Alt+N on the appointment page is Next; working hours are taken however they are written."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QLabel, QWizard

from app.dialogs.settings_forms import HoursEditor
from app.services import practitioners
from app.services.errors import ValidationError
from tests.dialogs import helpers


def mnemonic(text: str) -> str:
    return QKeySequence.mnemonic(text).toString()


def test_no_label_on_the_appointment_page_takes_a_wizard_button_key(qtbot, open_wizard):
    wizard: QWizard = open_wizard()
    helpers.fill_new_patient(wizard)
    wizard.next()
    helpers.fill_case(wizard)
    wizard.next()
    assert wizard.currentId() == helpers.APPOINTMENT_PAGE
    buttons = {
        mnemonic(b.text())
        for b in wizard.findChildren(QAbstractButton)
        if b.isVisible() and mnemonic(b.text())
    }
    assert "Alt+N" in buttons  # Next
    labels = [
        mnemonic(label.text())
        for label in wizard.appointment_page.findChildren(QLabel)
        if mnemonic(label.text())
    ]
    assert set(labels).isdisjoint(buttons)
    assert len(labels) == len(set(labels))


@pytest.mark.parametrize("span", [("9", "13"), ("9:00", "13:00"), ("09:00", "13:00")])
def test_working_hours_accept_short_and_long_times(span):
    assert practitioners.validate_hours({"mon": [list(span)]}) == {"mon": [["09:00", "13:00"]]}


@pytest.mark.parametrize("day", ["Mon", "MONDAY", "monday", "mon"])
def test_working_hours_accept_day_names_in_any_case(day):
    assert practitioners.validate_hours({day: [["9", "13"]]}) == {"mon": [["09:00", "13:00"]]}


def test_a_wrong_day_or_time_is_still_refused():
    with pytest.raises(ValidationError):
        practitioners.validate_hours({"someday": [["9", "13"]]})
    with pytest.raises(ValidationError):
        practitioners.validate_hours({"mon": [["25", "26"]]})


def test_practitioner_saved_with_9_to_13(db):
    saved = practitioners.add_practitioner(db, "Asha Rao", {"Monday": [["9", "13"]]}, 30)
    assert saved.working_hours == {"mon": [["09:00", "13:00"]]}


def test_the_hours_editor_reads_9_13(qtbot):
    editor = HoursEditor()
    qtbot.addWidget(editor)
    tick, spans = editor.days["mon"]
    tick.setChecked(True)
    spans.setText("9-13, 14:00-17:00")
    assert editor.checked_hours() == {"mon": [["09:00", "13:00"], ["14:00", "17:00"]]}
