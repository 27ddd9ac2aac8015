"""A referral's terms as typed: referral date, approved sessions and valid-until date.

Shared by the wizard's case page and Edit case. Every field is optional: an empty date is
"not given" and "No limit" approves no number of sessions. The service checks the terms
again (1..200 sessions, valid-until not before the referral date) and its words are shown
here through `show_error`.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from app.dialogs.widgets import DateField, FieldMessage

MOST_SESSIONS = 200  # as the service allows


def _day(value: QDate) -> date | None:
    return value.toPython() if value.isValid() else None


def _qdate(day: date | None) -> QDate:
    return QDate(day.year, day.month, day.day) if day else QDate()


class ReferralFields(QWidget):
    """`changed` when a term is typed; `problem()` is '' when the terms can be saved."""

    changed = Signal()

    def __init__(self, region: str = "IN", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.written = DateField(region, self, objectName="referralDate")
        self.sessions = QSpinBox(self, objectName="approvedSessions")
        self.sessions.setRange(0, MOST_SESSIONS)
        self.sessions.setSpecialValueText(self.tr("No limit"))
        self.sessions.setAccessibleName(self.tr("Approved sessions"))
        self.until = DateField(region, self, objectName="referralValidUntil")
        self.message = FieldMessage(self, objectName="referralTermsMessage")
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        cells = (
            (self.tr("Referral &date"), self.written, 0, 0),
            (self.tr("Valid &until"), self.until, 0, 2),
            (self.tr("Approved &sessions"), self.sessions, 1, 0),
        )
        for text, widget, row, column in cells:
            label = QLabel(text, self)
            label.setBuddy(widget)
            grid.addWidget(label, row, column)
            grid.addWidget(widget, row, column + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(grid)
        layout.addWidget(self.message)
        for field in (self.written, self.until):
            field.textChanged.connect(self._on_change)
        self.sessions.valueChanged.connect(self._on_change)

    def set_region(self, region: str) -> None:
        self.written.set_region(region)
        self.until.set_region(region)

    # -- values ----------------------------------------------------------------------------
    def referral_date(self) -> date | None:
        return _day(self.written.get_date())

    def approved_sessions(self) -> int | None:
        return self.sessions.value() or None

    def valid_until(self) -> date | None:
        return _day(self.until.get_date())

    def set_terms(self, written: date | None, approved: int | None, until: date | None) -> None:
        self.written.set_date(_qdate(written))
        self.sessions.setValue(approved or 0)
        self.until.set_date(_qdate(until))

    def is_empty(self) -> bool:
        return not (self.written.text().strip() or self.sessions.value() or self.until.text())

    # -- checking --------------------------------------------------------------------------
    def problem(self) -> str:
        """Plain words for what stops these terms being saved; '' when they can be."""
        typed = (
            (self.written, self.tr("referral date")),
            (self.until, self.tr("valid-until date")),
        )
        for field, what in typed:
            if not field.text_is_date():
                return (
                    self.tr("The %1 is not a date; type it as %2 or leave it empty.")
                    .replace("%1", what)
                    .replace("%2", field.hint())  # DD/MM/YYYY, in the desk's language
                )
        written, until = self.referral_date(), self.valid_until()
        if written and until and until < written:
            return self.tr("The referral cannot run out before it was written.")
        return ""

    def _on_change(self, *_args) -> None:
        self.message.say(self.problem())
        self.changed.emit()

    def show_error(self, field: str, message: str) -> bool:
        widgets = {
            "referralDate": self.written,
            "approvedSessions": self.sessions,
            "referralValidUntil": self.until,
        }
        if field not in widgets:
            return False
        self.message.say(message)
        widgets[field].setFocus()
        return True
