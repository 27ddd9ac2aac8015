"""What the main window's actions do: each change is one service call off the UI thread.

The commands see the window only through what they need: the runner, what is
selected, where to say things, and the actions to enable. What a change changed
reaches every view through the change bus, so nothing here refreshes a view.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QStatusBar, QWidget

from app.services.dto import (
    AppointmentInfo,
    CaseEdit,
    CaseInfo,
    MergeResult,
    PatientDetails,
    PatientRecord,
)
from app.statuses import ALLOWED, AppointmentStatus, appointment_label
from app.views.appointments_model import clinic_time
from app.views.clinic_format import counted
from app.views.edit_case_dialog import EditCaseDialog
from app.views.merge_dialog import MergeCasesDialog
from app.views.move_dialog import MoveAppointmentDialog
from app.views.patient_dialog import EditPatientDialog
from app.views.runner import Runner, plain_message, service

if TYPE_CHECKING:
    from app.db import Database
    from app.views.booking_banner import BookingBanner
    from app.views.window_actions import WindowActions

_appointments = service("appointments")
_case_merges = service("case_merges")
_case_edits = service("case_edits")
_cases = service("cases")
_moves = service("moves")
_patients = service("patients")

# Over and done with, or given up: nothing to move (the service says the same).
NOT_MOVABLE = {AppointmentStatus.CANCELLED, AppointmentStatus.COMPLETED, AppointmentStatus.NO_SHOW}

STATUS_ACTIONS = {
    "confirmed": "confirm",
    "arrived": "arrived",
    "completed": "completed",
    "no_show": "no_show",
    "cancelled": "cancel_appointment",
}


@dataclass(frozen=True)
class Selection:
    """What the receptionist has selected in the window, asked for when a command runs."""

    record: Callable[[], PatientRecord | None]
    case: Callable[[], CaseInfo | None]
    appointment: Callable[[], AppointmentInfo | None]
    cases: Callable[[], list[CaseInfo]]
    zone: Callable[[], ZoneInfo]
    region: Callable[[], str]


@dataclass(frozen=True)
class Feedback:
    """Where a command says how it went: the notice banner and the status bar."""

    notice: BookingBanner
    status: QStatusBar

    def said(
        self, text: str, action_text: str = "", action: Callable[[], None] | None = None
    ) -> None:
        if action is not None:
            self.notice.show_message(text, "info", action_text, action)
        else:
            self.notice.show_message(text, "info")
        self.status.showMessage(text, 8_000)

    def failed(self, error: BaseException | str) -> None:
        text = error if isinstance(error, str) else plain_message(error)
        self.notice.show_message(text, "error")
        self.status.showMessage(text, 15_000)


class DeskCommands(QObject):
    """Commands on the selected patient or case, run through the desk's runner."""

    def __init__(
        self,
        parent: QWidget,
        runner: Runner,
        db: Database,
        selection: Selection,
        feedback: Feedback,
    ) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.runner = runner
        self.db = db
        self.selection = selection
        self.feedback = feedback


class WindowCommands(DeskCommands):
    """Runs the window's commands through the runner."""

    def __init__(
        self,
        parent: QWidget,
        runner: Runner,
        db: Database,
        selection: Selection,
        feedback: Feedback,
        actions: WindowActions,
    ) -> None:
        super().__init__(parent, runner, db, selection, feedback)
        self.actions = actions

    def _write(
        self,
        fn: Callable[..., Any],
        *args: Any,
        said: Callable[[Any], str],
        then: Callable[[Any], None] | None = None,
    ) -> None:
        self.feedback.status.showMessage(self.tr("Saving..."))

        def done(result: Any) -> None:
            if then is not None:
                then(result)
            else:
                self.feedback.said(said(result))

        self.runner.write(fn, self.db, *args, done=done, failed=self.feedback.failed)

    # --- patient ----------------------------------------------------------------------------

    def edit_patient(self) -> None:
        record = self.selection.record()
        if record is None:
            return
        patient_id = record.patient.id

        def save(details: PatientDetails, reply: Callable[[BaseException | None], None]) -> None:
            def done(_summary: object) -> None:
                reply(None)
                self.feedback.said(self.tr("Patient details saved."))

            self.runner.write(
                _patients.update_patient, self.db, patient_id, details, done=done, failed=reply
            )

        dialog = EditPatientDialog(
            record.patient, self.selection.region(), save, self.parent_widget
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    # --- cases ------------------------------------------------------------------------------

    def edit_case(self) -> None:
        """Opens the case's corrections; the save runs off the UI thread."""
        case = self.selection.case()
        if case is None:
            return

        def save(edit: CaseEdit, reply: Callable[[BaseException | None], None]) -> None:
            def done(saved: CaseInfo) -> None:
                reply(None)
                self.feedback.said(self.tr("Case {code} saved.").format(code=saved.code))

            self.runner.write(
                _case_edits.edit_case, self.db, case.id, edit, done=done, failed=reply
            )

        dialog = EditCaseDialog(case, save, self.parent_widget, region=self.selection.region())
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def close_case(self) -> None:
        """Closes the selected case; asks first when appointments are still to come."""
        case = self.selection.case()
        if case is None:
            return
        now = datetime.now(UTC)
        coming = [
            a
            for a in case.appointments
            if a.status in (AppointmentStatus.RESERVED, AppointmentStatus.CONFIRMED)
            and a.starts_at > now
        ]
        if coming:
            answer = QMessageBox.question(
                self.parent_widget,
                self.tr("Close case"),
                counted(
                    self.tr(
                        "Case {code} still has %n appointment(s) to come.\n"
                        "Cancel them and close the case?",
                        "",
                        len(coming),
                    ),
                    len(coming),
                ).format(code=case.code),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._write(
            _cases.close_case,
            case.id,
            bool(coming),
            said=lambda c: self.tr("Case {code} closed.").format(code=c.code),
        )

    def reopen_case(self) -> None:
        case = self.selection.case()
        if case is not None:
            self._write(
                _cases.reopen_case,
                case.id,
                said=lambda c: self.tr("Case {code} reopened.").format(code=c.code),
            )

    def merge_cases(self) -> None:
        keep = self.selection.case()
        if keep is None:
            return
        others = [c for c in self.selection.cases() if c.id != keep.id]
        dialog = MergeCasesDialog(keep, others, self._preview, self.parent_widget)
        dialog.accepted.connect(lambda: self._merge(keep.id, dialog.merge_case_id()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _preview(self, keep_id: int, merge_id: int, reply: Callable[[Any], None]) -> None:
        self.runner.query(
            "merge-preview",
            _case_merges.merge_preview,
            self.db,
            keep_id,
            merge_id,
            done=reply,
            failed=reply,
        )

    def _merge(self, keep_id: int, merge_id: int) -> None:
        if not merge_id:
            return

        def merged(result: MergeResult) -> None:
            text = self.tr("Case {other} was merged into {keep}.").format(
                other=result.merged_code, keep=result.kept_code
            )
            self.feedback.said(
                text, self.tr("&Undo merge"), lambda: self._undo(result.audit_event_id)
            )

        self._write(_case_merges.merge_cases, keep_id, merge_id, said=str, then=merged)

    def undo_merge(self) -> None:
        """Undoes the newest merge into the selected case; stays possible until undone."""
        case = self.selection.case()
        if case is None:
            return

        def found(event_id: int | None) -> None:
            if event_id is None:
                self.feedback.failed(
                    self.tr("No merge into {code} can be undone.").format(code=case.code)
                )
            else:
                self._undo(event_id)

        self.runner.query(
            "merge-event",
            _case_merges.latest_merge_event,
            self.db,
            case.id,
            done=found,
            failed=self.feedback.failed,
        )

    def _undo(self, event_id: int) -> None:
        self._write(
            _case_merges.undo_merge,
            event_id,
            said=lambda c: self.tr("Merge undone; {code} is separate again.").format(code=c.code),
        )

    # --- appointments -----------------------------------------------------------------------

    def change_status(self, status: str) -> None:
        appointment = self.selection.appointment()
        if appointment is None:
            return
        self._write(
            _appointments.change_status,
            appointment.id,
            status,
            said=lambda s: self.tr("Appointment marked {status}.").format(
                status=appointment_label(s).lower()
            ),
        )

    def cancel_appointment(self) -> None:
        appointment = self.selection.appointment()
        if appointment is None:
            return
        when = clinic_time(appointment.starts_at, self.selection.zone())
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Cancel appointment"),
            self.tr(
                "Cancel the appointment on {when} with {who}?\n"
                "The slot becomes free for other patients. This cannot be undone."
            ).format(when=when, who=appointment.practitioner_name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self.parent_widget,
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

    def move_appointment(self) -> None:
        """Opens the move dialog; the move runs off the UI thread and a refusal keeps it open."""
        appointment = self.selection.appointment()
        if appointment is None or appointment.status in NOT_MOVABLE:
            return
        zone = self.selection.zone()

        def move(starts_at: datetime, reply: Callable[[BaseException | None], None]) -> None:
            def done(moved: Any) -> None:
                reply(None)
                self.feedback.said(
                    self.tr("Appointment moved to {when}.").format(
                        when=clinic_time(moved.new_starts_at, zone)
                    )
                )

            self.runner.write(
                _moves.move_appointment,
                self.db,
                appointment.id,
                starts_at,
                done=done,
                failed=reply,
            )

        dialog = MoveAppointmentDialog(
            appointment, zone, self.selection.region(), move, self.parent_widget
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def show_history(self, entity: str) -> None:
        """Opens the History of the selected patient, case or appointment (read off the UI
        thread by the dialog itself)."""
        from app.dialogs.history_dialog import HistoryDialog

        record, case, appointment = (
            self.selection.record(),
            self.selection.case(),
            self.selection.appointment(),
        )
        if entity == "patient" and record is not None:
            target = (record.patient.id, f"{record.patient.first_name} {record.patient.last_name}")
        elif entity == "case" and case is not None:
            target = (case.id, case.code)
        elif entity == "appointment" and appointment is not None:
            when = clinic_time(appointment.starts_at, self.selection.zone())
            target = (appointment.id, f"{appointment.case_code}, {when}")
        else:
            return
        dialog = HistoryDialog(self.db, entity, target[0], target[1], self.parent_widget)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def update_appointment_actions(self, appointment: AppointmentInfo | None) -> None:
        allowed = ALLOWED.get(appointment.status, set()) if appointment else set()
        for status, name in STATUS_ACTIONS.items():
            getattr(self.actions, name).setEnabled(status in allowed)
        self.actions.copy_link.setEnabled(appointment is not None)
        self.actions.move_appointment.setEnabled(
            appointment is not None and appointment.status not in NOT_MOVABLE
        )
