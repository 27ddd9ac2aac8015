"""Merging two records of one person from the main window, then undoing it from the banner."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QRadioButton

from app.dialogs.patient_merge_dialog import PatientMergeDialog
from app.services import patient_merge, patients
from tests.conftest import new_patient
from tests.views.conftest import list_names, search, select_patient


def active_dialog() -> PatientMergeDialog | None:
    modal = QApplication.activeModalWidget()
    return modal if isinstance(modal, PatientMergeDialog) else None


def two_records(book):
    kept = book(new_patient=new_patient()).patient_id
    other = book(
        new_patient=new_patient(last="Sharmaa", phone="+91 99887 76655", email="p@example.com")
    ).patient_id
    return kept, other


def test_merge_a_record_choosing_a_field_then_undo_from_the_banner(qtbot, window, db, book):
    kept, other = two_records(book)
    window.refresh()
    select_patient(qtbot, window, kept)
    assert window.actions.merge_patient.isEnabled()
    assert not window.actions.undo_patient_merge.isEnabled()

    window.actions.merge_patient.trigger()
    qtbot.waitUntil(lambda: active_dialog() is not None)
    dialog = active_dialog()
    assert dialog.objectName() == "patientMergeDialog"
    dialog.search.clear()
    qtbot.keyClicks(dialog.search, "Sharmaa")
    qtbot.waitUntil(lambda: dialog.candidates.count() == 1)
    dialog.candidates.setCurrentRow(0)
    qtbot.waitUntil(dialog.merge_button.isEnabled)  # the preview is read off the UI thread
    assert set(dialog.choices) == {"last_name", "phone", "email"}
    assert "2 appointments" not in dialog.moves.text() and "1 case" in dialog.moves.text()
    take_email = dialog.findChild(QRadioButton, "take_email")
    take_email.click()
    assert dialog.take_from_other() == {"email"}
    dialog.merge_button.click()

    qtbot.waitUntil(lambda: active_dialog() is None)
    qtbot.waitUntil(
        lambda: window.notice.isVisible() and "was merged into" in window.notice.message()
    )
    qtbot.waitUntil(lambda: list_names(window) == ["Priya Sharma"])
    qtbot.waitUntil(lambda: window.actions.undo_patient_merge.isEnabled())
    assert patients.get_patient(db, kept).patient.email == "p@example.com"
    assert len(window.record.cases) == 2

    search(qtbot, window, "Sharmaa")  # the merged record's old spelling leads to the kept one
    assert list_names(window) == ["Priya Sharma"]
    search(qtbot, window, "")

    assert window.notice.action_button.isVisible()
    window.notice.action_button.click()
    qtbot.waitUntil(lambda: "separate records again" in window.notice.message())
    qtbot.waitUntil(lambda: sorted(list_names(window)) == ["Priya Sharma", "Priya Sharmaa"])
    qtbot.waitUntil(lambda: not window.actions.undo_patient_merge.isEnabled())
    assert patients.get_patient(db, kept).patient.email is None
    assert len(patients.get_patient(db, other).cases) == 1


def test_undo_merge_action_on_the_kept_patient(qtbot, window, db, book):
    kept, other = two_records(book)
    patient_merge.merge_patients(db, kept, other, set())  # e.g. at another desk
    window.refresh()
    select_patient(qtbot, window, kept)
    qtbot.waitUntil(window.actions.undo_patient_merge.isEnabled)
    window.actions.undo_patient_merge.trigger()
    qtbot.waitUntil(lambda: sorted(list_names(window)) == ["Priya Sharma", "Priya Sharmaa"])
    qtbot.waitUntil(lambda: not window.actions.undo_patient_merge.isEnabled())


def test_merge_refusal_is_said_in_the_dialog(qtbot, window, db, book):
    kept, other = two_records(book)
    window.refresh()
    select_patient(qtbot, window, kept)
    window.actions.merge_patient.trigger()
    qtbot.waitUntil(lambda: active_dialog() is not None)
    dialog = active_dialog()
    dialog.search.clear()
    qtbot.keyClicks(dialog.search, "Sharmaa")
    qtbot.waitUntil(lambda: dialog.candidates.count() == 1)
    dialog.candidates.setCurrentRow(0)
    qtbot.waitUntil(dialog.merge_button.isEnabled)
    patient_merge.merge_patients(db, kept, other, set())  # merged meanwhile at another desk
    dialog.merge_button.click()
    qtbot.waitUntil(lambda: "already been merged" in dialog.message.text())
    assert active_dialog() is dialog  # stays open to say why
    dialog.reject()
