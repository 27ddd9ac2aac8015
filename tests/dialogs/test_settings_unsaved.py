"""Settings: one Save saves every tab (or names the tab still incomplete); Close asks first."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from app.db import Database
from app.dialogs.settings_dialog import SettingsDialog
from app.services import practitioners, settings
from tests.conftest import EVERY_DAY


def open_settings(qtbot, db) -> SettingsDialog:
    dialog = SettingsDialog(db)
    dialog.open()
    qtbot.waitUntil(dialog.isVisible)
    qtbot.waitUntil(lambda: dialog.is_loaded)
    return dialog


def names(db) -> list[str]:
    return [p.name for p in practitioners.list_practitioners(db, active_only=False)]


def test_save_keeps_a_practitioner_being_added(qtbot, db, practitioner):
    dialog = open_settings(qtbot, db)
    people = dialog.practitioners_tab
    people.start_new()
    people.form.name.setText("Vikram Shah")
    with qtbot.waitSignal(dialog.saved):
        assert dialog.save()
    assert "Vikram Shah" in names(db)
    assert dialog.unsaved_tabs() == []
    assert dialog.message.text() == "Saved."
    dialog.done(0)


def test_the_clinic_and_a_new_practitioner_are_saved_together(qtbot, db, practitioner):
    dialog = open_settings(qtbot, db)
    dialog.clinic_tab.form.name.setText("Riverside Clinic")
    dialog.practitioners_tab.start_new()
    dialog.practitioners_tab.form.name.setText("Vikram Shah")
    with qtbot.waitSignal(dialog.saved):
        assert dialog.save()
        assert dialog.message.text() == "Saving..." and not dialog.save_button.isEnabled()
    assert settings.get(db, "clinic.name") == "Riverside Clinic"
    assert "Vikram Shah" in names(db)
    assert dialog.practitioners_tab.selected().name == "Vikram Shah"
    dialog.done(0)


def test_a_refusal_is_shown_beside_its_field_and_keeps_what_was_typed(qtbot, db, practitioner):
    dialog = open_settings(qtbot, db)
    dialog.clinic_tab.form.name.setText("Riverside Clinic")
    people = dialog.practitioners_tab
    # Too long: refused by the service, after the form's own checks passed.
    people.form.name.setText("A" * 5000)
    with qtbot.waitSignal(dialog.saveFailed):
        assert dialog.save()
    assert dialog.tabs.currentWidget() is people
    assert people.form.name_message.isVisible() and people.form.name_message.text()
    assert people.form.name.text() == "A" * 5000
    assert dialog.clinic_tab.form.name.text() == "Riverside Clinic"
    assert settings.get(db, "clinic.name") != "Riverside Clinic"  # nothing half saved
    assert names(db) == ["Asha Rao"]
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
    with qtbot.waitSignal(dialog.saved):
        answer(qtbot, dialog, QMessageBox.StandardButton.Save)
        assert dialog.isVisible()  # it waits for the save's answer before closing
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert settings.get(db, "clinic.name") == "Riverside Clinic"


def test_close_and_save_stays_open_when_the_save_is_refused(qtbot, db, practitioner):
    dialog = open_settings(qtbot, db)
    dialog.practitioners_tab.form.name.setText("A" * 5000)
    with qtbot.waitSignal(dialog.saveFailed):
        answer(qtbot, dialog, QMessageBox.StandardButton.Save)
    assert dialog.isVisible()
    assert dialog.practitioners_tab.form.name.text() == "A" * 5000
    dialog.done(0)


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


def test_a_practitioner_added_at_another_desk_appears(qtbot, db, db_path, practitioner):
    dialog = open_settings(qtbot, db)
    assert dialog.practitioners_tab.people.count() == 1
    other_desk = Database(str(db_path))
    try:
        practitioners.add_practitioner(other_desk, "Vikram Shah", EVERY_DAY, 30)
        settings.set(other_desk, "clinic.name", "Riverside Clinic")
    finally:
        other_desk.dispose()
    qtbot.waitUntil(lambda: dialog.practitioners_tab.people.count() == 2, timeout=5000)
    qtbot.waitUntil(lambda: dialog.clinic_tab.form.name.text() == "Riverside Clinic")
    assert dialog.practitioners_tab.selected().name == "Asha Rao"  # the selection stays
    assert dialog.unsaved_tabs() == []
    dialog.done(0)


def test_edits_here_are_kept_when_another_desk_changes_the_clinic(qtbot, db, db_path, practitioner):
    dialog = open_settings(qtbot, db)
    dialog.clinic_tab.form.name.setText("Our typing")
    other_desk = Database(str(db_path))
    try:
        settings.set(other_desk, "clinic.name", "Riverside Clinic")
    finally:
        other_desk.dispose()
    qtbot.waitUntil(lambda: "Another desk" in dialog.message.text(), timeout=5000)
    assert "Clinic" in dialog.message.text()
    assert dialog.clinic_tab.form.name.text() == "Our typing"
    assert dialog.unsaved_tabs() == ["Clinic"]
    dialog.done(0)


def test_a_refused_mail_value_names_the_mail_tab_and_saves_nothing(qtbot, db, practitioner):
    dialog = open_settings(qtbot, db)
    page = dialog.mail_tab
    qtbot.waitUntil(lambda: page.is_loaded)
    assert dialog.unsaved_tabs() == []
    dialog.clinic_tab.form.name.setText("Riverside Clinic")
    page.editors["smtp.port"].setText("99999")
    with qtbot.waitSignal(dialog.saveFailed):
        assert dialog.save()
    assert dialog.tabs.currentWidget() is page
    assert "Mail" in dialog.message.text() and "port" in page.error.text()
    assert page.editors["smtp.port"].text() == "99999"
    assert settings.get(db, "clinic.name") != "Riverside Clinic"
    assert settings.get(db, "smtp.port") == "587"
    page.editors["smtp.port"].setText("2525")
    with qtbot.waitSignal(dialog.saved):
        assert dialog.save()
    assert settings.get(db, "clinic.name") == "Riverside Clinic"
    assert settings.get(db, "smtp.port") == "2525"
    assert dialog.unsaved_tabs() == []
    dialog.done(0)


def test_save_waits_for_the_practitioner_already_on_its_way(qtbot, db, practitioner):
    dialog = open_settings(qtbot, db)
    people = dialog.practitioners_tab
    people.start_new()
    people.form.name.setText("Vikram Shah")
    with qtbot.waitSignal(people.saved):
        assert people.save()  # "Save practitioner"
        assert not dialog.save()  # pressed again before the answer: not added twice
    assert names(db) == ["Asha Rao", "Vikram Shah"]
    assert dialog.unsaved_tabs() == []
    dialog.done(0)
