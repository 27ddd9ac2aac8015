"""Settings: one Save saves every tab (or names the tab still incomplete); Close asks first."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from app.dialogs.settings_dialog import SettingsDialog
from app.services import practitioners, settings


def open_settings(qtbot, db) -> SettingsDialog:
    dialog = SettingsDialog(db)
    dialog.open()
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def names(db) -> list[str]:
    return [p.name for p in practitioners.list_practitioners(db, active_only=False)]


def test_save_keeps_a_practitioner_being_added(qtbot, db, practitioner):
    dialog = open_settings(qtbot, db)
    people = dialog.practitioners_tab
    people.start_new()
    people.form.name.setText("Vikram Shah")
    assert dialog.save()
    assert "Vikram Shah" in names(db)
    assert dialog.unsaved_tabs() == []
    dialog.done(0)


def test_an_incomplete_practitioner_is_named_and_nothing_is_half_saved(qtbot, db, practitioner):
    dialog = open_settings(qtbot, db)
    dialog.clinic_tab.form.name.setText("Riverside Clinic")
    people = dialog.practitioners_tab
    people.start_new()
    people.form.minutes.setValue(45)  # started, but no name yet
    assert not dialog.save()
    assert dialog.tabs.currentWidget() is people
    assert "Practitioners" in dialog.message.text()
    assert settings.get(db, "clinic.name") != "Riverside Clinic"
    dialog.done(0)


def answer(qtbot, dialog: SettingsDialog, button: QMessageBox.StandardButton) -> None:
    dialog.reject()  # what Close, Esc and the title bar's X do
    qtbot.waitUntil(lambda: dialog._closing_box is not None and dialog._closing_box.isVisible())
    box = dialog._closing_box
    assert box.objectName() == "unsavedSettingsDialog"
    box.button(button).click()


def test_close_with_changes_asks_and_save_saves(qtbot, db, practitioner):
    dialog = open_settings(qtbot, db)
    dialog.clinic_tab.form.name.setText("Riverside Clinic")
    answer(qtbot, dialog, QMessageBox.StandardButton.Save)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert settings.get(db, "clinic.name") == "Riverside Clinic"


def test_cancel_keeps_the_dialog_and_discard_drops_the_changes(qtbot, db, practitioner):
    dialog = open_settings(qtbot, db)
    dialog.practitioners_tab.start_new()
    dialog.practitioners_tab.form.name.setText("Vikram Shah")
    answer(qtbot, dialog, QMessageBox.StandardButton.Cancel)
    qtbot.waitUntil(lambda: dialog._closing_box is None)
    assert dialog.isVisible()
    answer(qtbot, dialog, QMessageBox.StandardButton.Discard)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert "Vikram Shah" not in names(db)


def test_close_without_changes_does_not_ask(qtbot, db, practitioner):
    dialog = open_settings(qtbot, db)
    assert dialog.unsaved_tabs() == []
    dialog.reject()
    assert not dialog.isVisible()
