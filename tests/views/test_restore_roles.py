"""File > Restore from backup... is for administrators (the restore service checks it too)."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox

from app.services import backups, patients
from app.services.dto import StaffIdentity
from tests.conftest import new_patient
from tests.views.test_restore_in_window import labels, patient_count

ADMIN = StaffIdentity(1, "Meera", "admin")
RECEPTION = StaffIdentity(2, "Ravi", "reception")


def restore_offered(window) -> bool:
    window.findChild(QMenu, "fileMenu").aboutToShow.emit()  # as when the menu opens
    return window.findChild(QAction, "restoreBackupAction").isVisible()


def test_the_restore_action_follows_the_signed_in_role(qtbot, window):
    assert restore_offered(window)  # nobody signed in: a database without accounts
    window.db.signed_in = RECEPTION
    assert not restore_offered(window)
    assert window.backups.open_restore() is None
    window.db.signed_in = ADMIN  # switch user without closing
    assert restore_offered(window)
    dialog = window.backups.open_restore()
    assert dialog is not None
    dialog.close()


def confirm_restore(qtbot, dialog) -> QMessageBox:
    qtbot.waitUntil(lambda: dialog.restore_button.isEnabled())
    dialog.restore_button.click()
    confirm = dialog.findChild(QMessageBox, "restoreConfirm")
    assert confirm is not None and confirm.isVisible()
    return confirm


def test_a_receptionist_who_took_over_the_desk_cannot_restore(qtbot, open_window, db, db_path):
    patients.register_patient(db, new_patient())
    window = open_window()
    qtbot.waitUntil(lambda: labels() == ["daily"])
    patients.register_patient(db, new_patient(first="Arjun", phone="+91 98123 40001"))
    window.db.signed_in = ADMIN
    dialog = window.backups.open_restore()
    confirm = confirm_restore(qtbot, dialog)
    window.db.signed_in = RECEPTION  # the admin walked away; the dialog stayed open
    confirm.button(QMessageBox.StandardButton.Yes).click()
    assert dialog.status.text() == "Only an administrator can restore a backup."
    assert window.isVisible() and patient_count(db_path) == 2
    assert "before-restore" not in labels()  # not even the backup taken before a restore
    dialog.close()


def test_an_administrator_restores_from_the_window(qtbot, open_window, db, db_path):
    patients.register_patient(db, new_patient())
    window = open_window()
    qtbot.waitUntil(lambda: labels() == ["daily"])
    patients.register_patient(db, new_patient(first="Arjun", phone="+91 98123 40001"))
    db.dispose()
    window.db.signed_in = ADMIN
    dialog = window.backups.open_restore()
    confirm = confirm_restore(qtbot, dialog)
    with qtbot.waitSignal(dialog.reopened) as reopened:
        confirm.button(QMessageBox.StandardButton.Yes).click()
    new_window = reopened.args[0]
    qtbot.addWidget(new_window)
    assert patient_count(db_path) == 1 and "before-restore" in labels()
    assert backups.list_backups("clinic")
    new_window.close()
    new_window.db.dispose()


def test_the_restore_service_itself_refuses_and_the_window_says_why(
    qtbot, open_window, db, db_path, monkeypatch
):
    """Past a dialog that failed to check (here: told to let anyone by), the service refuses."""
    import app.dialogs.restore_dialog as restore_dialog

    patients.register_patient(db, new_patient())
    window = open_window()
    qtbot.waitUntil(lambda: labels() == ["daily"])
    patients.register_patient(db, new_patient(first="Arjun", phone="+91 98123 40001"))
    db.dispose()
    monkeypatch.setattr(restore_dialog, "may_restore", lambda _db: True)
    window.db.signed_in = RECEPTION
    dialog = restore_dialog.RestoreDialog(window, window.db)
    dialog.open()
    confirm = confirm_restore(qtbot, dialog)
    with qtbot.waitSignal(dialog.reopened) as reopened:
        confirm.button(QMessageBox.StandardButton.Yes).click()
    new_window = reopened.args[0]
    qtbot.addWidget(new_window)
    assert patient_count(db_path) == 2 and "before-restore" not in labels()
    assert new_window.statusBar().currentMessage() == (
        "The backup was not restored: Only an administrator can restore a backup."
    )
    new_window.close()
    new_window.db.dispose()


def test_a_refusal_reads_as_its_plain_words():
    from app.services.errors import NotAllowedError
    from app.views.runner import plain_message

    words = "Only an administrator can restore a backup."
    assert plain_message(NotAllowedError(words)) == words
