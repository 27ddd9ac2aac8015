"""The booking wizard: patient, case, appointment, review; one service call books it all."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QMessageBox, QWidget, QWizard

from app.dialogs.appointment_page import AppointmentPage
from app.dialogs.base import CaseDeskWizard
from app.dialogs.case_decision import CaseDecisionDialog
from app.dialogs.case_page import CasePage
from app.dialogs.patient_page import PatientPage, describe
from app.dialogs.review_page import ReviewPage
from app.services.dto import BookingRequest, BookingResult, CaseDecision, CaseInfo, OpenCases
from app.services.errors import (
    CaseDeskError,
    ConflictError,
    NotFoundError,
    SlotTakenError,
    ValidationError,
)
from app.services.mail import MailSettings
from app.views.body_part_names import shown_list
from app.views.clinic_format import appointment_start, counted, format_date, format_time
from app.views.desk import desk_for
from app.views.runner import plain_message, service

log = logging.getLogger(__name__)

_booking = service("booking")
# Until the clinic's settings are read (the main window passes them when it has them).
CLINIC_DEFAULTS = {"clinic.region": "IN", "clinic.timezone": "UTC"}

PATIENT_PAGE, CASE_PAGE, APPOINTMENT_PAGE, REVIEW_PAGE = range(4)
PAGES = {
    "patient": PATIENT_PAGE,
    "case": CASE_PAGE,
    "appointment": APPOINTMENT_PAGE,
    "review": REVIEW_PAGE,
}
FINISH_TEXT = QT_TRANSLATE_NOOP("BookingWizard", "Send link && reserve appointment")


class BookingWizard(CaseDeskWizard):
    """Open with open() or show(). `booked` carries the BookingResult once it is saved."""

    booked = Signal(object)

    def __init__(
        self,
        db,
        parent: QWidget | None = None,
        patient_id: int = 0,
        clinic: dict[str, str] | None = None,
        follow_up: CaseInfo | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.runner = desk_for(db).runner
        self.setObjectName("bookingWizard")
        self.setWindowTitle(self.tr("New booking"))
        self.clinic = {**CLINIC_DEFAULTS, **(clinic or {})}
        self.clinic_known = clinic is not None
        self.decision = CaseDecision.new_case()
        self.updated_case: CaseInfo | None = None
        self.result: BookingResult | None = None
        # Tests and scripts may answer the case decision without the modal: f(OpenCases) -> decision.
        self.case_decision_answer: Callable[[OpenCases], CaseDecision | None] | None = None
        self._booking = False  # a booking is being saved
        self._open_cases: dict[tuple[int, tuple[tuple[str, str], ...]], OpenCases] = {}
        self.patient_page = PatientPage(db, self.clinic["clinic.region"])
        self.case_page = CasePage(region=self.clinic["clinic.region"])
        self.appointment_page = AppointmentPage(
            db, self.clinic["clinic.timezone"], self.clinic["clinic.region"]
        )
        self.review_page = ReviewPage()
        self.setPage(PATIENT_PAGE, self.patient_page)
        self.setPage(CASE_PAGE, self.case_page)
        self.setPage(APPOINTMENT_PAGE, self.appointment_page)
        self.setPage(REVIEW_PAGE, self.review_page)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr(FINISH_TEXT))
        self.resize(860, 640)
        self._initial_patient = int(patient_id or 0)
        if self._initial_patient:
            self.setField("patientId", self._initial_patient)
        self.follow_up = follow_up
        if follow_up is not None:
            self._start_follow_up(follow_up)
        if not self.clinic_known:
            self.runner.query(
                "wizard-clinic", service("settings").get_all, db, done=self._clinic_in
            )

    def preset_slot(self, practitioner_id: int, starts_at: datetime) -> None:
        """Starts the appointment page on this practitioner and start (from the book)."""
        self.appointment_page.preset(practitioner_id, starts_at)

    def _start_follow_up(self, case: CaseInfo) -> None:
        """Another appointment in `case`: the wizard starts at the appointment page.

        The patient and case are known, so nothing is asked about them: the case's own title
        and body parts travel with the request (adding none), and the decision is made.
        """
        self.setWindowTitle(self.tr("Follow-up for %1").replace("%1", case.code))
        self._initial_patient = case.patient_id
        self.setField("patientId", case.patient_id)
        self.setField("caseTitle", case.title)
        self.setField("bodyParts", case.body_part_labels)
        self.decision, self.updated_case = CaseDecision.update(case.id), case
        self.appointment_page.follow_up_case_id = case.id
        self.setStartId(APPOINTMENT_PAGE)

    def _clinic_in(self, values: dict[str, str]) -> None:
        """The clinic's settings arrived: its time zone and region for the pages."""
        self.clinic = {**CLINIC_DEFAULTS, **values}
        self.clinic_known = True
        self.appointment_page.set_clinic(self.clinic["clinic.timezone"])
        self.patient_page.region = self.clinic["clinic.region"]
        self.case_page.referral.set_region(self.clinic["clinic.region"])

    # -- the case decision, asked when leaving the case page -------------------------------
    def decide_case(self) -> bool:
        patient_id = int(self.field("patientId") or 0)
        labels = list(self.field("bodyParts") or [])  # for the modal's words only
        keys = tuple(self.case_page.picker.keys())
        self.decision, self.updated_case = CaseDecision.new_case(), None
        if not patient_id:
            return True
        key = (patient_id, keys)
        found = self._open_cases.pop(key, None)
        if found is None:  # read them off the UI thread, then leave the page again
            self.case_page.say(self.tr("Looking at the patient's open cases\u2026"), serious=False)
            self.runner.query(
                "open-cases",
                _booking.open_cases,
                self.db,
                patient_id,
                list(keys),
                done=lambda answer: self._open_cases_in(key, answer),
                failed=lambda error: self.case_page.say(plain_message(error)),
            )
            return False
        self.case_page.say("", serious=False)
        if not found.cases:
            return True
        decision = self._ask_case_decision(found, labels)
        if decision is None:
            return False  # Cancel: stay on the case page with everything kept
        self.decision = decision
        if decision.is_update:
            self.updated_case = next(c for c in found.cases if c.id == decision.update_case_id)
        return True

    def _open_cases_in(self, key: tuple, found: OpenCases) -> None:
        if self.currentId() != CASE_PAGE:
            return
        self._open_cases[key] = found
        self.next()

    def _ask_case_decision(self, found: OpenCases, labels: list[str]) -> CaseDecision | None:
        if self.case_decision_answer is not None:
            return self.case_decision_answer(found)
        chosen = self.patient_page.chosen_patient()
        dialog = CaseDecisionDialog(found, labels, chosen.full_name if chosen else "", self)
        try:
            # The contract asks for a modal here: validatePage must know the answer.
            dialog.exec()
            return dialog.decision
        finally:
            dialog.deleteLater()

    # -- what will be saved ----------------------------------------------------------------
    def request(self) -> BookingRequest:
        slot = self.appointment_page.selected_slot()
        practitioner = self.appointment_page.practitioner()
        patient_id = int(self.field("patientId") or 0)
        referrer, written, approved, until = self.case_page.referral_terms()
        return BookingRequest(
            case_title=str(self.field("caseTitle") or ""),
            body_parts=tuple(self.case_page.picker.keys()),
            practitioner_id=practitioner.id if practitioner else 0,
            starts_at=slot.starts_at if slot else None,
            minutes=self.appointment_page.minutes.value(),
            patient_id=patient_id or None,
            new_patient=None if patient_id else self.patient_page.details(),
            kind=self.appointment_page.kind(),
            notes=self.appointment_page.notes_text() or None,
            referral=referrer,
            referral_date=written,
            approved_sessions=approved,
            referral_valid_until=until,
        )

    def summary(self) -> dict[str, str]:
        """The review page's lines, in plain words."""
        page = self.appointment_page
        fmt = self.patient_page.inputs["birthDate"].display_format()
        chosen = self.patient_page.chosen_patient()
        details = self.patient_page.details()
        if chosen is not None:
            patient = describe(chosen, fmt)
            email = chosen.email
        elif self.follow_up is not None:  # still being read: the case says whose it is
            patient, email = self.follow_up.code, None
        else:
            patient = self.tr("New patient: %1").replace(
                "%1",
                ", ".join(
                    v
                    for v in (
                        f"{details.first_name.strip()} {details.last_name.strip()}",
                        details.phone.strip(),
                        details.email or "",
                        self.patient_page.inputs["birthDate"].text().strip(),
                        details.sex or "",
                    )
                    if v
                ),
            )
            email = details.email
        slot, practitioner = page.selected_slot(), page.practitioner()
        when = ""
        if slot and practitioner:
            start, end = page.local(slot.starts_at), page.local(slot.ends_at)
            when = f"{appointment_start(start)}\u2013{format_time(end)} ({self.clinic['clinic.timezone']}), {practitioner.name}"
        if self.updated_case is not None:
            case = (
                self.tr("Update %1 \u201c%2\u201d: it keeps its ID and title")
                .replace("%1", self.updated_case.code)
                .replace("%2", self.updated_case.title)
            )
            parts = shown_list(self.updated_case.body_part_labels)
            has = {(p.site, p.side) for p in self.updated_case.body_parts}
            chosen = self.case_page.picker.parts()
            added = shown_list(p.label for p in chosen if (p.site, p.side) not in has)
            body = ", ".join(parts + added)
            if added:
                body += self.tr(" (adds %1)").replace("%1", ", ".join(added))
        else:
            case = self.tr("New case \u201c%1\u201d (its ID is given when it is saved)").replace(
                "%1", str(self.field("caseTitle") or "").strip()
            )
            body = ", ".join(shown_list(self.field("bodyParts") or []))
        if not email:
            link = self.tr("No e-mail address: give the patient the link shown after booking.")
        elif MailSettings.from_config(self.clinic).missing:
            # Nothing goes out until mail is set up; the desk hands over the link meanwhile.
            link = self.tr(
                "Queued for %1 until mail is set up in Settings; the link and QR code are "
                "shown after booking."
            ).replace("%1", email)
        else:
            link = self.tr("E-mailed to %1, and shown after booking.").replace("%1", email)
        return {
            "patient": patient,
            "case": case,
            "bodyParts": body,
            "referral": self._referral_summary(),
            "appointment": when,
            "kind": f"{page.kind_text()}, {page.minutes.value()} min",
            "notes": page.notes_text() or "-",
            "link": link,
        }

    def _referral_summary(self) -> str:
        """The referral terms typed on the case page; updating a case, they renew its referral."""
        referrer, written, approved, until = self.case_page.referral_terms()
        parts = [referrer or ""]
        if written is not None:
            parts.append(self.tr("dated %1").replace("%1", format_date(written)))
        if approved is not None:
            parts.append(counted(self.tr("%n session(s) approved", "", approved), approved))
        if until is not None:
            parts.append(self.tr("valid until %1").replace("%1", format_date(until)))
        text = ", ".join(p for p in parts if p)
        if not text:
            return "-"
        if self.updated_case is not None:
            return self.tr("Renews the case's referral: %1").replace("%1", text)
        return text

    # -- booking ---------------------------------------------------------------------------
    def finish_booking(self) -> bool:
        """Finish: True once booked; otherwise starts the booking and answers False for now."""
        if self.result is not None:
            return True
        if self._booking:
            return False
        request, decision = self.request(), self.decision
        if request.starts_at is None:
            self._go_to(APPOINTMENT_PAGE)
            self.appointment_page.message.say(self.tr("Choose a free slot."))
            return False
        self._set_busy(True)
        self.runner.write(
            _booking.book_appointment,
            self.db,
            request,
            decision,
            done=self._on_booked,
            failed=self._on_booking_failed,
        )
        return False

    def _set_busy(self, busy: bool) -> None:
        self._booking = busy
        for which in (QWizard.WizardButton.FinishButton, QWizard.WizardButton.BackButton):
            self.button(which).setEnabled(not busy)
        self.review_page.progress.setText(self.tr("Booking\u2026") if busy else "")
        self.review_page.progress.setVisible(busy)

    def _on_booked(self, result: BookingResult) -> None:
        self._set_busy(False)
        self.result = result
        self.booked.emit(result)
        self.accept()

    def _on_booking_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, SlotTakenError):
            self._go_to(APPOINTMENT_PAGE)
            self.appointment_page.refresh_slots()
            self.appointment_page.message.say(plain_message(error))
        elif isinstance(error, ValidationError):
            self._show_validation(error)
        elif isinstance(error, ConflictError):
            if self._go_to(CASE_PAGE):
                self.case_page.say(plain_message(error))
            else:  # a follow-up's case was closed meanwhile
                self.review_page.say(plain_message(error))
        elif isinstance(error, NotFoundError):
            self._go_to(PATIENT_PAGE)
            self.patient_page.results_note.setText(plain_message(error))
        elif isinstance(error, CaseDeskError):
            self.review_page.say(plain_message(error))
        else:
            log.error("booking failed", exc_info=error)
            self.review_page.say(
                self.tr(
                    "The booking could not be saved (%1). Nothing was saved; try again."
                ).replace("%1", str(error) or type(error).__name__)
            )

    def _show_validation(self, error: ValidationError) -> None:
        for page_id, page in (
            (PATIENT_PAGE, self.patient_page),
            (CASE_PAGE, self.case_page),
            (APPOINTMENT_PAGE, self.appointment_page),
        ):
            if error.field in _fields_of(page_id) and self._go_to(page_id):
                page.show_error(error.field, error.message)
                return
        self.review_page.say(error.message)

    def _go_to(self, page_id: int) -> bool:
        """Goes back page by page (each keeps what was typed) to `page_id`; False when the
        wizard started after it (a follow-up starts at the appointment page)."""
        while self.currentId() > page_id:
            before = self.currentId()
            self.back()
            if self.currentId() == before:
                return False
        return self.currentId() == page_id

    # -- closing ---------------------------------------------------------------------------
    def has_input(self) -> bool:
        if self.follow_up is not None:  # nothing typed but, perhaps, notes
            return bool(self.appointment_page.notes_text())
        typed = any(
            str(self.field(name) or "").strip()
            for name in ("firstName", "lastName", "phone", "email", "caseTitle")
        )
        moved = int(self.field("patientId") or 0) != self._initial_patient
        return typed or moved or bool(self.field("bodyParts")) or self.currentId() > PATIENT_PAGE

    def confirm_discard(self) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Discard this booking?"),
            self.tr("Nothing has been booked yet. Discard what you typed?"),
            parent=self,
        )
        box.setObjectName("discardBookingBox")
        discard = box.addButton(self.tr("&Discard booking"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("&Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(discard)
        box.setEscapeButton(keep)
        box.exec()
        return box.clickedButton() is discard

    def reject(self) -> None:
        if self._booking:
            return  # a booking is being saved; its answer decides what happens next
        if self.result is None and self.has_input() and not self.confirm_discard():
            return
        super().reject()

    def done(self, result: int) -> None:
        super().done(result)


def _fields_of(page_id: int) -> set[str]:
    return {
        PATIENT_PAGE: {"firstName", "lastName", "phone", "email", "birthDate", "sex", "patientId"},
        CASE_PAGE: {
            "caseTitle",
            "bodyParts",
            "referral",
            "referralDate",
            "approvedSessions",
            "referralValidUntil",
        },
        APPOINTMENT_PAGE: {"practitioner", "startsAt", "minutes", "kind", "referralLimit"},
    }[page_id]
