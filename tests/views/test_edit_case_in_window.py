"""Edit case... from the Case menu and the case panel: a dialog opened with open(), saved off
the UI thread."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QToolButton

from app.services import cases
from app.views.edit_case_dialog import EditCaseDialog
from tests.views.conftest import select_patient


def open_edit_dialog(qtbot, window) -> EditCaseDialog:
    window.actions.edit_case.trigger()
    qtbot.waitUntil(lambda: window.findChild(EditCaseDialog, "editCaseDialog") is not None)
    dialog = window.findChild(EditCaseDialog, "editCaseDialog")
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_edit_case_is_in_the_case_menu_and_on_the_case_panel(qtbot, window, book):
    action = window.actions.edit_case
    assert action.shortcut() == QKeySequence("Ctrl+Shift+E")
    case_menu = next(
        m.menu() for m in window.menuBar().actions() if m.text().replace("&", "") == "Case"
    )
    assert isinstance(case_menu, QMenu) and action in case_menu.actions()
    buttons = window.case_panel.findChildren(QToolButton)
    assert any(b.defaultAction() is action for b in buttons)
    assert not action.isEnabled()  # no case chosen yet
    booked = book()
    window.refresh()
    select_patient(qtbot, window, booked.patient_id)
    assert action.isEnabled()


def test_editing_a_case_saves_and_refreshes_the_panel(qtbot, window, db, book):
    booked = book(case_title="Knee pian", body_parts=["Left knee", "Right shoulder"])
    window.refresh()
    select_patient(qtbot, window, booked.patient_id)
    dialog = open_edit_dialog(qtbot, window)
    assert QApplication.activeModalWidget() in (dialog, None)  # open(), never exec()
    dialog.title.setText("Knee pain after fall")
    dialog.referral.setText("Dr Mehta")
    dialog.notes.setPlainText("Fell on the stairs.")
    shoulder = dialog.body_parts.findItems("Right shoulder", Qt.MatchFlag.MatchExactly)[0]
    shoulder.setCheckState(Qt.CheckState.Unchecked)
    with qtbot.waitSignal(dialog.finished) as finished:
        dialog.buttons.accepted.emit()
    assert finished.args == [1]  # accepted once the save went through
    qtbot.waitUntil(lambda: window.case_panel.body_parts.text() == "Left knee")
    saved = cases.get_case(db, booked.case_id)
    assert (saved.title, saved.referral, saved.notes) == (
        "Knee pain after fall",
        "Dr Mehta",
        "Fell on the stairs.",
    )
    assert "Knee pain after fall" in window.case_panel.selector.currentText()


def test_removing_the_last_body_part_keeps_the_dialog_open_with_the_reason(qtbot, window, db, book):
    booked = book(body_parts=["Left knee"])
    window.refresh()
    select_patient(qtbot, window, booked.patient_id)
    dialog = open_edit_dialog(qtbot, window)
    dialog.body_parts.item(0).setCheckState(Qt.CheckState.Unchecked)
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: "at least one body part" in dialog.message.text())
    assert dialog.isVisible()
    assert [p.label for p in cases.get_case(db, booked.case_id).body_parts] == ["Left knee"]
    dialog.reject()
