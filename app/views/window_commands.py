"""What the main window's actions do: each change is one service call off the UI thread."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from app.services import appointments, case_edits, cases, patients
from app.services.appointments import ALLOWED
from app.services.dto import AppointmentInfo, CaseEdit, CaseInfo, MergeResult, PatientDetails
from app.views.appointments_model import clinic_time
from app.views.edit_case_dialog import EditCaseDialog
from app.views.merge_dialog import MergeCasesDialog
from app.views.patient_dialog import EditPatientDialog

if TYPE_CHECKING:
    from app.views.main_window import MainWindow

STATUS_ACTIONS = {
    "confirmed": "confirm",
    "arrived": "arrived",
    "completed": "completed",
    "no_show": "no_show",
    "cancelled": "cancel_appointment",
}


class WindowCommands(QObject):
    """Runs the window's commands; the window refreshes itself when each one is through."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def _write(
        self,
        fn: Callable[..., Any],
        *args: Any,
        said: Callable[[Any], str],
        then: Callable[[Any], None] | None = None,
    ) -> None:
        window = self.window
        window.statusBar().showMessage(self.tr("Saving..."))

        def done(result: Any) -> None:
            window.after_change()
            window.statusBar().showMessage(said(result), 8_000)
            if then is not None:
                then(result)

        window.tasks.run(fn, window.db, *args, done=done, failed=window.show_error)

    # --- patient ----------------------------------------------------------------------------

    def edit_patient(self) -> None:
        record = self.window.record
        if record is None:
            return
        patient_id = record.patient.id

        def save(details: PatientDetails, reply: Callable[[BaseException | None], None]) -> None:
            def done(_summary: object) -> None:
                reply(None)
                self.window.after_change()
                self.window.statusBar().showMessage(self.tr("Patient details saved."), 8_000)

            self.window.tasks.run(
                patients.update_patient,
                self.window.db,
                patient_id,
                details,
                done=done,
                failed=reply,
            )

        dialog = EditPatientDialog(record.patient, self.window.region, save, self.window)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    # --- cases ------------------------------------------------------------------------------

    def edit_case(self) -> None:
        """Opens the case's corrections; the save runs off the UI thread."""
        case = self.window.current_case()
        if case is None:
            return

        def save(edit: CaseEdit, reply: Callable[[BaseException | None], None]) -> None:
            def done(saved: CaseInfo) -> None:
                reply(None)
                self.window.after_change()
                self.window.statusBar().showMessage(
                    self.tr("Case {code} saved.").format(code=saved.code), 8_000
                )

            self.window.tasks.run(
                case_edits.edit_case, self.window.db, case.id, edit, done=done, failed=reply
            )

        dialog = EditCaseDialog(case, save, self.window)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def close_case(self) -> None:
        """Closes the selected case; asks first when appointments are still to come."""
        case = self.window.current_case()
        if case is None:
            return
        now = datetime.now(UTC)
        coming = [
            a
            for a in case.appointments
            if a.status in ("reserved", "confirmed") and a.starts_at > now
        ]
        if coming:
            answer = QMessageBox.question(
                self.window,
                self.tr("Close case"),
                self.tr(
                    "Case {code} still has {count} appointment(s) to come.\n"
                    "Cancel them and close the case?"
                ).format(code=case.code, count=len(coming)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._write(
            cases.close_case,
            case.id,
            bool(coming),
            said=lambda c: self.tr("Case {code} closed.").format(code=c.code),
        )

    def reopen_case(self) -> None:
        case = self.window.current_case()
        if case is not None:
            self._write(
                cases.reopen_case,
                case.id,
                said=lambda c: self.tr("Case {code} reopened.").format(code=c.code),
            )

    def merge_cases(self) -> None:
        keep = self.window.current_case()
        if keep is None:
            return
        others = [c for c in self.window.case_panel.cases() if c.id != keep.id]
        dialog = MergeCasesDialog(keep, others, self._preview, self.window)
        dialog.accepted.connect(lambda: self._merge(keep.id, dialog.merge_case_id()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _preview(self, keep_id: int, merge_id: int) -> MergeResult:
        return cases.merge_preview(self.window.db, keep_id, merge_id)

    def _merge(self, keep_id: int, merge_id: int) -> None:
        if not merge_id:
            return

        def merged(result: MergeResult) -> None:
            text = self.tr("Case {other} was merged into {keep}.").format(
                other=result.merged_code, keep=result.kept_code
            )
            self.window.notice.show_message(
                text, "info", self.tr("&Undo merge"), lambda: self._undo(result.audit_event_id)
            )

        self._write(
            cases.merge_cases,
            keep_id,
            merge_id,
            said=lambda r: self.tr("Merged {other} into {keep}.").format(
                other=r.merged_code, keep=r.kept_code
            ),
            then=merged,
        )

    def undo_merge(self) -> None:
        """Undoes the newest merge into the selected case; stays possible until undone."""
        case = self.window.current_case()
        if case is None:
            return
        try:
            event_id = cases.latest_merge_event(self.window.db, case.id)
        except Exception as exc:  # shown in plain words
            self.window.show_error(exc)
            return
        if event_id is None:
            self.window.show_error(
                self.tr("No merge into {code} can be undone.").format(code=case.code)
            )
            return
        self._undo(event_id)

    def _undo(self, event_id: int) -> None:
        def undone(restored: object) -> None:
            self.window.notice.show_message(
                self.tr("Case {code} is separate again.").format(code=restored.code), "info"
            )

        self._write(
            cases.undo_merge,
            event_id,
            said=lambda c: self.tr("Merge undone; {code} is separate again.").format(code=c.code),
            then=undone,
        )

    # --- appointments -----------------------------------------------------------------------

    def change_status(self, status: str) -> None:
        appointment = self.window.case_panel.current_appointment()
        if appointment is None:
            return
        self._write(
            appointments.change_status,
            appointment.id,
            status,
            said=lambda s: self.tr("Appointment marked {status}.").format(
                status=appointments.STATUS_LABELS[s].lower()
            ),
        )

    def cancel_appointment(self) -> None:
        appointment = self.window.case_panel.current_appointment()
        if appointment is None:
            return
        when = clinic_time(appointment.starts_at, self.window.zone)
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Cancel appointment"),
            self.tr(
                "Cancel the appointment on {when} with {who}?\n"
                "The slot becomes free for other patients. This cannot be undone."
            ).format(when=when, who=appointment.practitioner_name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self.window,
        )
        box.setObjectName("cancelAppointmentBox")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Cancel appointment"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Keep it"))
        yes = box.button(QMessageBox.StandardButton.Yes)
        box.buttonClicked.connect(
            lambda button: self.change_status("cancelled") if button is yes else None
        )
        box.finished.connect(box.deleteLater)
        box.open()

    def update_appointment_actions(self, appointment: AppointmentInfo | None) -> None:
        allowed = ALLOWED.get(appointment.status, set()) if appointment else set()
        for status, name in STATUS_ACTIONS.items():
            getattr(self.window.actions, name).setEnabled(status in allowed)
        self.window.actions.copy_link.setEnabled(appointment is not None)
