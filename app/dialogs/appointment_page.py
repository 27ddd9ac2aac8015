"""Wizard page 3: practitioner, day, a free slot of that day, length, type and notes."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import partial
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
    QWizardPage,
)

from app.dialogs.widgets import FieldMessage, date_format, focus_soon, required
from app.services.changes import Changes
from app.services.clinic_time import local_label
from app.services.dto import Practitioner, Slot
from app.views.desk import desk_for
from app.views.runner import plain_message, service, translated

_booking = service("booking")
_follow_up = service("follow_up")
_practitioners = service("practitioners")
_referrals = service("referrals")

KINDS = (
    ("initial", QT_TRANSLATE_NOOP("AppointmentPage", "Initial assessment")),
    ("follow_up", QT_TRANSLATE_NOOP("AppointmentPage", "Follow-up")),
)


class AppointmentPage(QWizardPage):
    """Starts at the default practitioner's first free slot, so Next works untouched."""

    def __init__(self, db, timezone: str, region: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        desk = desk_for(db)
        self.runner = desk.runner
        desk.bus.changed.connect(self._on_changes)
        self.zone = ZoneInfo(timezone)
        self.loading = False  # practitioners or slots are being read
        self._slots: list[Slot] = []
        self._practitioners: list[Practitioner] = []
        self._started = False
        self._kind_touched = False
        self._preset: tuple[int, datetime] | None = None  # from the book: practitioner, start
        # A follow-up's case: its suggested slot (practitioner who last saw it, a day the
        # patient is free) is offered first instead of the first practitioner's first slot.
        self.follow_up_case_id = 0
        self._suggesting = False  # its answer is awaited; a refresh must not overtake it
        self.setTitle(self.tr("Appointment"))
        self.setSubTitle(
            self.tr("Times are clinic time (%1). * marks what is required.").replace("%1", timezone)
        )
        self.practitioner_combo = QComboBox(objectName="practitionerCombo")
        self.date_edit = QDateEdit(objectName="appointmentDate", calendarPopup=True)
        self.date_edit.setDisplayFormat("ddd " + date_format(region))
        self.slot_list = QListWidget(objectName="slotList")
        self.slot_list.setMinimumHeight(120)
        self.minutes = QSpinBox(
            objectName="appointmentMinutes", minimum=5, maximum=480, singleStep=5
        )
        self.minutes.setSuffix(self.tr(" min"))
        self.kind_combo = QComboBox(objectName="appointmentKind")
        for key, text in KINDS:
            self.kind_combo.addItem(self.tr(text), key)
        self.notes = QPlainTextEdit(objectName="appointmentNotes")
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(self.tr("Anything the practitioner should know (optional)"))
        self.notes.setMaximumHeight(80)
        self.slot_message = FieldMessage(objectName="slotMessage")
        # Past the case's referral (sessions or valid-until): a warning, or a block.
        self.referral_message = FieldMessage(objectName="referralMessage")
        self.referral_blocked = False
        self.message = FieldMessage(objectName="appointmentPageMessage")

        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        rows = (
            (required(self.tr("&Practitioner")), self.practitioner_combo),
            (required(self.tr("&Day")), self.date_edit),
            (required(self.tr("Free &slots")), self.slot_list),
            ("", self.slot_message),
            ("", self.referral_message),
            (self.tr("&Length"), self.minutes),
            (self.tr("T&ype"), self.kind_combo),
            (self.tr("N&otes"), self.notes),  # Alt+N is the wizard's Next
        )
        for text, widget in rows:
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        form.addRow(self.message)
        self.setTabOrder(self.practitioner_combo, self.date_edit)
        self.setTabOrder(self.date_edit, self.slot_list)
        self.setTabOrder(self.slot_list, self.minutes)
        self.setTabOrder(self.minutes, self.kind_combo)
        self.setTabOrder(self.kind_combo, self.notes)

        self.practitioner_combo.currentIndexChanged.connect(self._on_practitioner)
        self.date_edit.dateChanged.connect(lambda _d: self.refresh_slots())
        self.minutes.valueChanged.connect(lambda _m: self.refresh_slots())
        self.slot_list.currentRowChanged.connect(lambda _r: self.completeChanged.emit())
        self.kind_combo.activated.connect(self._touch_kind)

    # -- what the wizard reads -------------------------------------------------------------
    def practitioner(self) -> Practitioner | None:
        index = self.practitioner_combo.currentIndex()
        return self._practitioners[index] if 0 <= index < len(self._practitioners) else None

    def selected_slot(self) -> Slot | None:
        row = self.slot_list.currentRow()
        return self._slots[row] if 0 <= row < len(self._slots) else None

    def kind(self) -> str:
        return self.kind_combo.currentData()

    def kind_text(self) -> str:
        return self.kind_combo.currentText()

    def notes_text(self) -> str:
        return self.notes.toPlainText().strip()

    def set_clinic(self, timezone: str) -> None:
        """The clinic's time zone, once known: slots are shown in it."""
        try:
            self.zone = ZoneInfo(timezone)
        except (ValueError, KeyError):
            return
        self.setSubTitle(
            self.tr("Times are clinic time (%1). * marks what is required.").replace("%1", timezone)
        )
        if self._slots:
            self._show_slots(
                self._slots, self.selected_slot().starts_at if self.selected_slot() else None
            )

    def preset(self, practitioner_id: int, starts_at: datetime) -> None:
        """Opens on this practitioner and start (a slot chosen in the book), not the first free."""
        self._preset = (practitioner_id, starts_at)
        if self._practitioners:  # already read: choose now
            self._choose_preset()

    def _choose_preset(self) -> bool:
        wanted = self._preset
        ids = [p.id for p in self._practitioners]
        if wanted is None or wanted[0] not in ids:
            return False
        self._preset = None
        self.practitioner_combo.blockSignals(True)
        self.practitioner_combo.setCurrentIndex(ids.index(wanted[0]))
        self.practitioner_combo.blockSignals(False)
        self.minutes.blockSignals(True)
        self.minutes.setValue(self._practitioners[ids.index(wanted[0])].appointment_minutes)
        self.minutes.blockSignals(False)
        day = self.local(wanted[1]).date()
        self.date_edit.blockSignals(True)
        self.date_edit.setDate(QDate(day.year, day.month, day.day))
        self.date_edit.blockSignals(False)
        self.refresh_slots(keep=wanted[1])
        return True

    def local(self, moment: datetime) -> datetime:
        return moment.astimezone(self.zone)

    # -- loading (off the UI thread; each answer fills its widget) -------------------------
    def _load_practitioners(self) -> None:
        self.loading = True
        self.slot_message.say(self.tr("Finding free slots\u2026"), serious=False)
        self.runner.query(
            "practitioners",
            _practitioners.list_practitioners,
            self.db,
            True,
            done=self._practitioners_in,
            failed=self._failed,
        )

    def _practitioners_in(self, found: list[Practitioner]) -> None:
        self._practitioners = list(found)
        self.practitioner_combo.blockSignals(True)
        self.practitioner_combo.clear()
        for p in self._practitioners:
            self.practitioner_combo.addItem(p.name, p.id)
        self.practitioner_combo.blockSignals(False)
        if self._choose_preset():
            return
        if not self._practitioners:
            self.loading = False
            self.slot_message.say("")
            self.message.say(
                self.tr("No practitioner is taking appointments. Add one in Settings first.")
            )
            return
        if self.follow_up_case_id:
            self._suggest_follow_up()
            return
        self._on_practitioner()

    def _suggest_follow_up(self) -> None:
        self.loading, self._suggesting = True, True
        self.runner.query(
            "slots",
            _follow_up.suggested_slot,
            self.db,
            self.follow_up_case_id,
            done=self._suggestion_in,
            failed=self._failed,
        )

    def _suggestion_in(self, slot: Slot | None) -> None:
        self._suggesting = False
        index = self.practitioner_combo.findData(slot.practitioner_id) if slot else -1
        if index < 0:  # nothing free, or that practitioner is gone: the usual first slot
            self._on_practitioner()
            return
        self.practitioner_combo.blockSignals(True)
        self.practitioner_combo.setCurrentIndex(index)
        self.practitioner_combo.blockSignals(False)
        self.minutes.blockSignals(True)
        self.minutes.setValue(self._practitioners[index].appointment_minutes)
        self.minutes.blockSignals(False)
        self._first_slot_in(slot)

    def _failed(self, error: BaseException) -> None:
        self.loading = self._suggesting = False
        self.message.say(plain_message(error))
        self.completeChanged.emit()

    def _on_practitioner(self, _index: int = 0) -> None:
        chosen = self.practitioner()
        if chosen is None:
            return
        self.minutes.blockSignals(True)
        self.minutes.setValue(chosen.appointment_minutes)
        self.minutes.blockSignals(False)
        self.go_to_first_free_slot()

    def go_to_first_free_slot(self) -> None:
        chosen = self.practitioner()
        if chosen is None:
            return
        self.loading = True
        self.runner.query(
            "slots",
            _booking.first_free_slot,
            self.db,
            chosen.id,
            self.minutes.value(),
            done=self._first_slot_in,
            failed=self._failed,
        )

    def _first_slot_in(self, slot: Slot | None) -> None:
        if slot is None:
            self.refresh_slots()
            return
        day = self.local(slot.starts_at).date()
        self.date_edit.blockSignals(True)
        self.date_edit.setDate(QDate(day.year, day.month, day.day))
        self.date_edit.blockSignals(False)
        self.refresh_slots(keep=slot.starts_at)

    def refresh_slots(self, keep: datetime | None = None) -> None:
        """Reads the day's free slots again, keeping the chosen one when it is still free."""
        chosen = self.practitioner()
        keep = keep or (self.selected_slot().starts_at if self.selected_slot() else None)
        if chosen is None:
            self._show_slots([], None)
            return
        self.loading = True
        self.runner.query(
            "slots",
            partial(_booking.free_slots, not_before=datetime.now(UTC)),
            self.db,
            chosen.id,
            self.date_edit.date().toPython(),
            self.minutes.value(),
            done=lambda slots: self._show_slots(slots, keep),
            failed=self._failed,
        )

    def _show_slots(self, slots: list[Slot], keep: datetime | None) -> None:
        self.loading = False
        self._slots = list(slots)
        self.slot_list.clear()
        for slot in self._slots:
            start, end = self.local(slot.starts_at), self.local(slot.ends_at)
            # local_label adds the UTC offset to the autumn hour that happens twice.
            item = QListWidgetItem(
                f"{local_label(start, self.zone)} \u2013 {local_label(end, self.zone)}"
            )
            item.setData(Qt.ItemDataRole.UserRole, slot.starts_at.isoformat())
            self.slot_list.addItem(item)
        rows = [i for i, s in enumerate(self._slots) if s.starts_at == keep]
        if keep is not None and not rows:  # a time between slots (from the book): the next one
            rows = [i for i, s in enumerate(self._slots) if s.starts_at > keep]
        if self._slots:
            self.slot_list.setCurrentRow(rows[0] if rows else 0)
        self.slot_message.say(
            "" if self._slots else self.tr("No free time that day; choose another day."),
            serious=False,
        )
        self.completeChanged.emit()
        self.check_referral()

    # -- the case's referral ---------------------------------------------------------------
    def check_referral(self) -> None:
        """Asks whether a session on the chosen day stays within the case's referral."""
        wizard = self.wizard()
        if wizard is None or not self._started:
            return
        case_id = wizard.decision.update_case_id or 0
        _referrer, _written, approved, until = wizard.case_page.referral_terms()
        if not case_id and approved is None and until is None:
            self._referral_in(None)
            return
        self.runner.query(
            "referral-check",
            _referrals.check_booking,
            self.db,
            case_id or None,
            self.date_edit.date().toPython(),
            approved,
            until,
            done=self._referral_in,
            failed=self._failed,
        )

    def _referral_in(self, check) -> None:
        message, blocked = (check.message, check.blocked) if check is not None else ("", False)
        if message and not blocked:
            # translated first: the service's words lose their template once joined to ours
            message = translated(message) + " " + self.tr("The clinic allows booking past it.")
        self.referral_message.say(message, serious=True)
        self.referral_blocked = blocked
        self.completeChanged.emit()

    def _on_changes(self, changes: Changes) -> None:
        # Another booking or a practitioner's hours changed: the free slots may have too.
        if self._started and self.isVisible() and changes.touches("appointment", "practitioner"):
            # Asked again rather than overtaken: both answers share the "slots" topic.
            if self._suggesting:
                self._suggest_follow_up()
            else:
                self.refresh_slots()

    def _touch_kind(self, _index: int) -> None:
        self._kind_touched = True

    def set_kind_for(self, updating: bool) -> None:
        if not self._kind_touched:
            self.kind_combo.setCurrentIndex(1 if updating else 0)

    def show_error(self, field: str, message: str) -> bool:
        if field in ("practitioner", "startsAt", "minutes", "kind", "slot"):
            self.message.say(message)
            return True
        if field == "referralLimit":  # refused by the service: the clinic blocks
            self.referral_message.say(message)
            self.referral_blocked = True
            self.completeChanged.emit()
            return True
        return False

    # -- QWizardPage -----------------------------------------------------------------------
    def initializePage(self) -> None:  # noqa: N802 - Qt override
        wizard = self.wizard()
        self.set_kind_for(bool(wizard and wizard.decision.is_update))
        if not self._started:
            self._started = True
            self._load_practitioners()
            self._on_practitioner()
        else:
            self.refresh_slots()
        focus_soon(self.slot_list)

    def cleanupPage(self) -> None:  # noqa: N802 - going back keeps what was chosen
        pass

    def isComplete(self) -> bool:  # noqa: N802
        return self.selected_slot() is not None and not self.referral_blocked

    def validatePage(self) -> bool:  # noqa: N802 - QWizard.next() does not check isComplete
        return self.isComplete()
