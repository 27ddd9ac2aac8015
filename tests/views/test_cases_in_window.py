"""The selected patient's cases: the dropdown, close and reopen, merge and undo."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from app.services import case_merges, cases, patients
from app.services.dto import CaseDecision
from app.views.appointments_model import COL_STATUS
from app.views.merge_dialog import MergeCasesDialog
from tests.views.conftest import cell, select_patient


def two_cases(book):
    first = book(case_title="Knee pain", body_parts=["Left knee"])
    second = book(
        patient_id=first.patient_id,
        case_title="Back pain",
        body_parts=["Lower back", "Neck"],
        decision=CaseDecision.new_case(),
    )
    book(
        patient_id=first.patient_id,
        case_title="x",
        body_parts=["Left knee"],
        decision=CaseDecision.update(first.case_id),
    )
    return first, second


def selector_texts(window) -> list[str]:
    box = window.case_panel.selector
    return [box.itemText(i) for i in range(box.count())]


def choose_case(window, case_id: int) -> None:
    window.case_panel.select_case(case_id)
    assert window.current_case().id == case_id


def test_dropdown_lists_cases_with_body_parts_and_appointments(qtbot, window, book):
    first, second = two_cases(book)
    window.refresh()
    select_patient(qtbot, window, first.patient_id)

    texts = selector_texts(window)
    assert len(texts) == 2
    assert any(first.case_code in t and "Knee pain" in t and "Open" in t for t in texts)
    assert any(second.case_code in t and "Back pain" in t for t in texts)

    choose_case(window, first.case_id)
    assert window.case_panel.body_parts.text() == "Left knee"
    table = window.case_panel.appointments
    assert table.model().rowCount() == 2
    assert {cell(table, r, COL_STATUS) for r in range(2)} == {"Reserved"}

    choose_case(window, second.case_id)
    assert window.case_panel.body_parts.text() == "Lower back, Neck"
    assert table.model().rowCount() == 1


def answer_question(monkeypatch, answer) -> list[str]:
    """Answers QMessageBox.question without showing it; returns the questions asked."""
    asked: list[str] = []

    def question(_parent, _title, text, *_args, **_kw):
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_close_and_reopen_a_case(qtbot, window, db, book, monkeypatch):
    booked = book()
    window.refresh()
    select_patient(qtbot, window, booked.patient_id)
    actions = window.actions
    assert actions.close_case.isEnabled() and not actions.reopen_case.isEnabled()

    asked = answer_question(monkeypatch, QMessageBox.StandardButton.Yes)
    actions.close_case.trigger()
    assert len(asked) == 1  # its appointment is still to come
    qtbot.waitUntil(lambda: "(Closed)" in selector_texts(window)[0])
    assert cases.get_case(db, booked.case_id).status == "closed"
    assert window.case_panel.status.text().startswith("Closed on")
    assert actions.reopen_case.isEnabled() and not actions.close_case.isEnabled()

    actions.reopen_case.trigger()
    qtbot.waitUntil(lambda: "(Open)" in selector_texts(window)[0])
    assert cases.get_case(db, booked.case_id).status == "open"


def active_merge_dialog() -> MergeCasesDialog | None:
    modal = QApplication.activeModalWidget()
    return modal if isinstance(modal, MergeCasesDialog) else None


def test_merge_with_preview_then_undo_from_the_banner(qtbot, window, db, book):
    first, second = two_cases(book)
    window.refresh()
    select_patient(qtbot, window, first.patient_id)
    choose_case(window, first.case_id)

    window.actions.merge_cases.trigger()
    qtbot.waitUntil(lambda: active_merge_dialog() is not None)
    dialog = active_merge_dialog()
    assert dialog.merge_case_id() == second.case_id
    qtbot.waitUntil(dialog.merge_button.isEnabled)  # the preview is read off the UI thread
    preview = dialog.summary.text()
    assert f"1 appointment will move from {second.case_code} to {first.case_code}" in preview
    assert "Lower back, Neck" in preview
    dialog.merge_button.click()

    qtbot.waitUntil(lambda: len(selector_texts(window)) == 1)
    assert window.case_panel.body_parts.text() == "Left knee, Lower back, Neck"
    assert window.case_panel.appointments.model().rowCount() == 3
    assert window.case_panel.merged.text() == second.case_code
    assert patients.get_patient(db, first.patient_id).cases[0].merged_codes == (second.case_code,)
    assert window.notice.isVisible() and "merged into" in window.notice.message()

    window.notice.action_button.click()
    qtbot.waitUntil(lambda: len(selector_texts(window)) == 2)
    assert cases.get_case(db, second.case_id).status == "open"
    choose_case(window, first.case_id)
    assert window.case_panel.body_parts.text() == "Left knee"


def test_undo_stays_available_after_other_work(qtbot, window, db, book):
    first, second = two_cases(book)
    case_merges.merge_cases(db, first.case_id, second.case_id)  # e.g. yesterday, or at another desk
    window.refresh()
    select_patient(qtbot, window, first.patient_id)
    choose_case(window, first.case_id)
    assert window.actions.undo_merge.isEnabled()

    window.actions.undo_merge.trigger()
    qtbot.waitUntil(lambda: len(selector_texts(window)) == 2)
    assert cases.get_case(db, second.case_id).appointments[0].case_id == second.case_id
    choose_case(window, first.case_id)
    assert not window.actions.undo_merge.isEnabled()


def test_merge_is_offered_only_with_a_second_case(qtbot, window, book):
    booked = book()
    window.refresh()
    select_patient(qtbot, window, booked.patient_id)
    assert not window.actions.merge_cases.isEnabled()
    assert window.case_panel.selector.count() == 1
    assert window.case_panel.selector.itemData(0, Qt.ItemDataRole.UserRole) == booked.case_id


def test_a_case_closed_at_another_desk_shows_as_closed(qtbot, window, db, book):
    booked = book()
    window.refresh()
    select_patient(qtbot, window, booked.patient_id)
    assert window.actions.close_case.isEnabled()
    cases.close_case(db, booked.case_id, cancel_future=True)  # another desk
    qtbot.waitUntil(lambda: "(Closed)" in selector_texts(window)[0])
    assert window.actions.reopen_case.isEnabled() and not window.actions.close_case.isEnabled()
    assert window.record.patient.id == booked.patient_id  # the selection survived the refresh


def test_closing_a_case_with_appointments_to_come_asks_first(qtbot, window, db, book, monkeypatch):
    booked = book()
    window.refresh()
    select_patient(qtbot, window, booked.patient_id)
    asked = answer_question(monkeypatch, QMessageBox.StandardButton.No)
    window.actions.close_case.trigger()
    assert len(asked) == 1 and "1 appointment to come" in asked[0]
    assert cases.get_case(db, booked.case_id).status == "open"  # "No" keeps it open

    answer_question(monkeypatch, QMessageBox.StandardButton.Yes)
    window.actions.close_case.trigger()
    qtbot.waitUntil(lambda: "(Closed)" in selector_texts(window)[0])
    closed = cases.get_case(db, booked.case_id)
    assert [a.status for a in closed.appointments] == ["cancelled"]
