"""The selected patient's cases: `caseSelector`, `caseBodyParts`, and `caseAppointments`."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.services.dto import AppointmentInfo, CaseInfo
from app.views.appointments_model import COL_PRACTITIONER, AppointmentsModel
from app.views.body_part_names import shown_joined
from app.views.clinic_format import format_date, referral_text


def case_status_label(status: str) -> str:
    labels = {
        "open": QCoreApplication.translate("CasePanel", "Open"),
        "closed": QCoreApplication.translate("CasePanel", "Closed"),
    }
    return labels.get(status, status)


def case_item_text(case: CaseInfo) -> str:
    """'C-00042 · Knee pain after fall (Open)': what `caseSelector` shows for a case."""
    return f"{case.code} · {case.title} ({case_status_label(case.status)})"


def _tool_button(action: QAction, parent: QWidget) -> QToolButton:
    button = QToolButton(parent)
    button.setDefaultAction(action)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    return button


class CasePanel(QWidget):
    """Cases of one patient; the chosen case's details and appointments."""

    caseChanged = Signal(object)  # CaseInfo or None
    appointmentChanged = Signal(object)  # AppointmentInfo or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._cases: list[CaseInfo] = []
        self._zone = ZoneInfo("UTC")
        self.selector = QComboBox(self, objectName="caseSelector")
        self.selector.setAccessibleName(self.tr("Case"))
        self.selector.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.selector.setMinimumContentsLength(24)
        self.selector.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.body_parts = self._value_label("caseBodyParts")
        self.status = self._value_label("caseStatus")
        self.opened = self._value_label("caseOpened")
        self.referral = self._value_label("caseReferral")
        self.merged = self._value_label("caseMergedCodes")
        self.appointments_model = AppointmentsModel(self)
        self.appointments = QTableView(self, objectName="caseAppointments")
        self._setup_table()
        self.case_buttons = QHBoxLayout()
        self.appointment_buttons = QHBoxLayout()
        self._build_layout()
        self.selector.currentIndexChanged.connect(self._on_case_chosen)
        self.appointments.selectionModel().currentRowChanged.connect(
            lambda *_: self.appointmentChanged.emit(self.current_appointment())
        )
        self.show_cases((), self._zone)

    def _value_label(self, name: str) -> QLabel:
        label = QLabel(self, objectName=name)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _setup_table(self) -> None:
        table = self.appointments
        table.setModel(self.appointments_model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        table.setAccessibleName(self.tr("Appointments of the case"))
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_PRACTITIONER, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(80)

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        case_label = QLabel(self.tr("&Case:"), self)
        case_label.setBuddy(self.selector)
        top.addWidget(case_label)
        top.addWidget(self.selector, 1)
        # The case's buttons get a row of their own, so a narrow window keeps the dropdown.
        self.case_buttons.addStretch(1)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Body parts:"), self.body_parts)
        form.addRow(self.tr("Status:"), self.status)
        form.addRow(self.tr("Opened:"), self.opened)
        form.addRow(self.tr("Referral:"), self.referral)
        form.addRow(self.tr("Merged in:"), self.merged)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(self.case_buttons)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Appointments"), self))
        layout.addWidget(self.appointments, 1)
        layout.addLayout(self.appointment_buttons)
        self.appointment_buttons.addStretch(1)

    def add_case_actions(self, actions: list[QAction]) -> None:
        for action in actions:
            self.case_buttons.insertWidget(
                self.case_buttons.count() - 1, _tool_button(action, self)
            )

    def add_appointment_actions(self, actions: list[QAction]) -> None:
        for action in actions:
            self.appointment_buttons.insertWidget(
                self.appointment_buttons.count() - 1, _tool_button(action, self)
            )
            self.appointments.addAction(action)

    def button_for(self, action: QAction) -> QToolButton | None:
        """The case or appointment button that runs `action`."""
        found = (b for b in self.findChildren(QToolButton) if b.defaultAction() is action)
        return next(found, None)

    # --- showing ---------------------------------------------------------------------------

    def show_cases(
        self, cases: tuple[CaseInfo, ...], zone: ZoneInfo, keep_case_id: int = 0
    ) -> None:
        """Fills the dropdown; keeps the case that was chosen when it is still there."""
        self._cases, self._zone = list(cases), zone
        keep_case_id = keep_case_id or (self.current_case().id if self.current_case() else 0)
        self.selector.blockSignals(True)
        self.selector.clear()
        for case in self._cases:
            self.selector.addItem(case_item_text(case), case.id)
        self.selector.setEnabled(bool(self._cases))
        if not self._cases:
            self.selector.setPlaceholderText(self.tr("No cases yet"))
        found = self.selector.findData(keep_case_id) if keep_case_id else -1
        if found < 0:  # the newest open case is what the desk most likely asks about
            found = next((i for i, c in enumerate(self._cases) if c.status == "open"), 0)
        self.selector.setCurrentIndex(found if self._cases else -1)
        self.selector.blockSignals(False)
        self._on_case_chosen(self.selector.currentIndex())

    def _on_case_chosen(self, index: int) -> None:
        case = self._cases[index] if 0 <= index < len(self._cases) else None
        keep_appointment = self.current_appointment()
        none = "—"
        self.body_parts.setText(shown_joined(case.body_part_labels) if case else "")
        if case and not case.body_parts:
            self.body_parts.setText(none)
        self.status.setText(self._status_text(case) if case else "")
        self.opened.setText(format_date(case.opened_on) if case else "")
        self.referral.setText(self._referral_text(case) if case else "")
        self.merged.setText((", ".join(case.merged_codes) or none) if case else "")
        self.appointments_model.set_appointments(case.appointments if case else (), self._zone)
        if keep_appointment is not None:
            self.select_appointment(keep_appointment.id)
        self.caseChanged.emit(case)
        self.appointmentChanged.emit(self.current_appointment())

    def _referral_text(self, case: CaseInfo) -> str:
        """'Dr Mehta · 4/6 used, until 12 Mar': who referred, and how much of it is used."""
        parts = [case.referral or "", referral_text(case.referral_usage)]
        return " \u00b7 ".join(p for p in parts if p) or "\u2014"

    def _status_text(self, case: CaseInfo) -> str:
        if case.status == "closed" and case.closed_on:
            return self.tr("Closed on {day}").format(day=format_date(case.closed_on))
        return case_status_label(case.status)

    def select_case(self, case_id: int) -> None:
        found = self.selector.findData(case_id)
        if found >= 0:
            self.selector.setCurrentIndex(found)

    def select_appointment(self, appointment_id: int) -> None:
        row = self.appointments_model.row_of(appointment_id)
        if row >= 0:
            self.appointments.selectionModel().setCurrentIndex(
                self.appointments_model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )

    def cases(self) -> list[CaseInfo]:
        return list(self._cases)

    def current_case(self) -> CaseInfo | None:
        index = self.selector.currentIndex()
        return self._cases[index] if 0 <= index < len(self._cases) else None

    def current_appointment(self) -> AppointmentInfo | None:
        current = self.appointments.currentIndex()
        return self.appointments_model.appointment(current.row()) if current.isValid() else None
