"""First launch and Settings: the clinic, its practitioners, and their working hours."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from app import config
from app.db import Database
from app.dialogs.first_launch import FirstLaunchDialog
from app.dialogs.settings_dialog import SettingsDialog
from app.gui import first_launch
from app.services import clinic_setup, practitioners, settings


def open_first_launch(qtbot, db) -> FirstLaunchDialog:
    dialog = FirstLaunchDialog(db)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.is_loaded)
    return dialog


def test_first_launch_saves_the_clinic_and_its_first_practitioner(qtbot, db):
    assert clinic_setup.needs_first_launch(db)
    dialog = open_first_launch(qtbot, db)
    dialog.clinic.name.setText("Green Park Physio")
    dialog.clinic.region.setCurrentText("gb")
    dialog.clinic.timezone.setCurrentText("Europe/London")
    dialog.practitioner.name.setText("Asha Rao")
    dialog.practitioner.hours.days["sat"][0].setChecked(True)
    dialog.practitioner.hours.days["sat"][1].setText("10:00-12:00")
    with qtbot.waitSignal(dialog.accepted):
        assert dialog.save_setup()
        assert dialog.message.text() == "Saving..." and not dialog.start_button.isEnabled()
    assert dialog.result() == QDialog.DialogCode.Accepted
    values = settings.get_all(db)
    assert (values["clinic.name"], values["clinic.region"], values["clinic.timezone"]) == (
        "Green Park Physio",
        "GB",
        "Europe/London",
    )
    (asha,) = practitioners.list_practitioners(db)
    assert asha.name == "Asha Rao" and asha.working_hours["sat"] == [["10:00", "12:00"]]
    assert not clinic_setup.needs_first_launch(db)


def test_first_launch_refuses_bad_input_beside_the_field_and_saves_nothing(qtbot, db):
    dialog = open_first_launch(qtbot, db)
    dialog.clinic.name.setText("Clinic")
    dialog.clinic.timezone.setCurrentText("Mars/Olympus")
    dialog.practitioner.name.setText("")
    dialog.practitioner.hours.days["mon"][1].setText("9-5")
    assert not dialog.save_setup()
    assert "not a time zone" in dialog.clinic.messages["clinic.timezone"].text()
    assert "practitioner's name" in dialog.practitioner.name_message.text()
    assert "time span" in dialog.practitioner.hours.message.text()
    assert practitioners.list_practitioners(db, active_only=False) == []
    assert settings.get(db, "clinic.name") == ""


def test_first_launch_shows_the_services_refusal_beside_the_field(qtbot, db):
    dialog = open_first_launch(qtbot, db)
    dialog.clinic.name.setText("Green Park Physio")
    dialog.practitioner.name.setText("A" * 300)  # too long: only the service knows
    with qtbot.waitSignal(dialog.failed):
        assert dialog.save_setup()
    assert "too long" in dialog.practitioner.name_message.text()
    assert dialog.practitioner.name.text() == "A" * 300 and dialog.start_button.isEnabled()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert settings.get(db, "clinic.name") == ""  # nothing half saved


def test_try_with_demo_data_answers_the_demo_database(qtbot, db_path, when_modal):
    when_modal("firstLaunchDialog", lambda d: d.demo_button.click())
    assert first_launch(str(db_path)) == config.demo_database()
    assert when_modal.seen == ["firstLaunchDialog"]
    demo = Database(config.demo_database())
    try:
        assert practitioners.list_practitioners(demo)  # filled before the window opens
    finally:
        demo.dispose()


def test_a_set_up_clinic_skips_first_launch(qtbot, db, db_path, practitioner):
    assert first_launch(str(db_path)) == str(db_path)  # no dialog, nothing to answer


def test_settings_edit_the_clinic_and_practitioners(qtbot, db, practitioner):
    dialog = SettingsDialog(db)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.is_loaded)
    assert dialog.tabs.count() >= 2
    dialog.clinic_tab.form.name.setText("Riverside Clinic")
    dialog.clinic_tab.link.setText("https://example.com/no-token")
    assert not dialog.save()
    assert "{token}" in dialog.clinic_tab.link_message.text()
    dialog.clinic_tab.link.setText("https://example.com/b/{token}")
    with qtbot.waitSignal(dialog.saved):
        assert dialog.save()
    assert settings.get(db, "clinic.name") == "Riverside Clinic"

    people = dialog.practitioners_tab
    assert people.selected().id == practitioner.id
    people.form.name.setText("Asha Rao-Menon")
    people.active.setChecked(False)
    with qtbot.waitSignal(people.saved):
        assert people.save()
    people.start_new()
    people.form.name.setText("Vikram Shah")
    people.form.minutes.setValue(45)
    with qtbot.waitSignal(people.saved):
        assert people.save()
    everyone = {p.name: p for p in practitioners.list_practitioners(db, active_only=False)}
    assert not everyone["Asha Rao-Menon"].active
    assert everyone["Vikram Shah"].active and everyone["Vikram Shah"].appointment_minutes == 45
    assert [p.name for p in practitioners.list_practitioners(db)] == ["Vikram Shah"]
    assert people.people.count() == 2
    assert people.status.text() == "Saved Vikram Shah."


def test_dialogs_remember_their_size(qtbot, db, practitioner):
    dialog = SettingsDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.is_loaded)
    dialog.resize(780, 640)
    dialog.done(QDialog.DialogCode.Rejected)
    again = SettingsDialog(db)
    qtbot.addWidget(again)
    again.show()
    assert (again.width(), again.height()) == (780, 640)
