"""First launch offers to protect the desk with a sign-in: the first administrator."""

from __future__ import annotations

from app.services import accounts, clinic_setup, settings
from tests.dialogs.test_patient_link_setup import fill_clinic, open_first_launch

PASSWORD = "correct horse battery"


def test_the_first_administrator_is_made_with_the_clinic(qtbot, db):
    dialog = open_first_launch(qtbot, db)
    fill_clinic(dialog)
    dialog.admin.user_name.setText("Anna")
    dialog.admin.password.setText(PASSWORD)
    dialog.admin.again.setText(PASSWORD)
    with qtbot.waitSignal(dialog.accepted):
        assert dialog.save_setup()
    assert accounts.has_accounts(db)
    assert accounts.sign_in(db, "Anna", PASSWORD).role == "admin"
    assert settings.get(db, "clinic.name") == "Green Park Physio"


def test_left_empty_the_desk_opens_without_a_sign_in(qtbot, db):
    dialog = open_first_launch(qtbot, db)
    fill_clinic(dialog)
    with qtbot.waitSignal(dialog.accepted):
        assert dialog.save_setup()
    assert not accounts.has_accounts(db)


def test_passwords_not_the_same_save_nothing(qtbot, db):
    dialog = open_first_launch(qtbot, db)
    fill_clinic(dialog)
    dialog.admin.user_name.setText("Anna")
    dialog.admin.password.setText(PASSWORD)
    dialog.admin.again.setText("something else")
    assert not dialog.save_setup()
    assert "not the same" in dialog.admin.message.text()
    assert not accounts.has_accounts(db) and clinic_setup.needs_first_launch(db)


def test_a_short_password_is_refused_beside_it_and_nothing_is_saved(qtbot, db):
    dialog = open_first_launch(qtbot, db)
    fill_clinic(dialog)
    dialog.admin.password.setText("short")
    dialog.admin.again.setText("short")
    assert not dialog.save_setup()  # no user name
    assert "user name" in dialog.admin.message.text()
    dialog.admin.user_name.setText("Anna")
    with qtbot.waitSignal(dialog.failed):
        assert dialog.save_setup()
    assert "at least 8 characters" in dialog.admin.message.text()
    assert not accounts.has_accounts(db) and clinic_setup.needs_first_launch(db)
    assert dialog.admin.isEnabled()
