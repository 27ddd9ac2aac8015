"""The modal that asks: add the new body parts to an open case, or open a separate case?"""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.dialogs.base import CaseDeskDialog
from app.services.dto import CaseDecision, CaseInfo, OpenCases
from app.views.body_part_names import shown_joined
from app.views.clinic_format import referral_text

REFERRAL_COLUMN = 4


class CaseDecisionDialog(CaseDeskDialog):
    """`decision` is set when it is accepted; rejected (Cancel, Escape) means: back to the case."""

    def __init__(
        self,
        found: OpenCases,
        new_labels: list[str],
        patient_name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("caseDecisionDialog")
        self.setWindowTitle(self.tr("Update a case or open a separate one?"))
        self.found = found
        self.decision: CaseDecision | None = None
        self.chosen_case: CaseInfo | None = None
        who = patient_name or self.tr("This patient")
        intro = QLabel(
            self.tr(
                "%1 already has open cases. The new body parts are: %2.\n"
                "Add them and this appointment to the selected case, or open a separate case?"
            )
            .replace("%1", who)
            .replace("%2", shown_joined(new_labels) or "-"),
            wordWrap=True,
        )
        self.case_list = QTreeWidget(objectName="caseChoiceList")
        self.case_list.setHeaderLabels(
            [
                self.tr("Case ID"),
                self.tr("Title"),
                self.tr("Body parts"),
                self.tr("Opened"),
                self.tr("Referral"),
            ]
        )
        self.case_list.setRootIsDecorated(False)
        self.case_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.case_list.setWordWrap(True)
        for case in found.cases:
            item = QTreeWidgetItem(
                [
                    case.code,
                    case.title,
                    shown_joined(case.body_part_labels),
                    QDate(case.opened_on).toString(Qt.DateFormat.ISODate),
                    referral_text(case.referral_usage),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, case.id)
            item.setToolTip(2, shown_joined(case.body_part_labels))
            self.case_list.addTopLevelItem(item)
            if case.id == found.suggested_case_id:
                self.case_list.setCurrentItem(item)
        # With no case sharing a body part, nothing is preselected and no button is the default,
        # so Enter cannot put a shoulder into the knee case.
        matched = self.case_list.currentItem() is not None
        header = self.case_list.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(REFERRAL_COLUMN, QHeaderView.ResizeMode.ResizeToContents)

        self.update_button = QPushButton(
            self.tr("&Update selected case"), objectName="updateCaseButton"
        )
        self.separate_button = QPushButton(
            self.tr("Create &separate case"), objectName="separateCaseButton"
        )
        self.cancel_button = QPushButton(self.tr("Cancel"), objectName="cancelCaseDecisionButton")
        if matched:
            self.update_button.setDefault(True)
        else:  # an autoDefault button would answer Enter pressed in the list
            for button in (self.update_button, self.separate_button, self.cancel_button):
                button.setAutoDefault(False)
        self.update_button.clicked.connect(self.choose_update)
        self.separate_button.clicked.connect(self.choose_separate)
        self.cancel_button.clicked.connect(self.reject)
        self.case_list.itemDoubleClicked.connect(lambda *_: self.choose_update())
        self.case_list.currentItemChanged.connect(
            lambda current, _p: self.update_button.setEnabled(current is not None)
        )
        self.update_button.setEnabled(self.case_list.currentItem() is not None)

        buttons = QHBoxLayout()
        buttons.addWidget(self.update_button)
        buttons.addWidget(self.separate_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.case_list, 1)
        layout.addLayout(buttons)
        self.resize(720, 320)
        # An item view given focus makes its first row current, which would choose a case.
        (self.case_list if matched else self.separate_button).setFocus()

    def selected_case(self) -> CaseInfo | None:
        item = self.case_list.currentItem()
        if item is None:
            return None
        case_id = int(item.data(0, Qt.ItemDataRole.UserRole))
        return next((c for c in self.found.cases if c.id == case_id), None)

    def choose_update(self) -> None:
        case = self.selected_case()
        if case is None:
            return
        self.chosen_case = case
        self.decision = CaseDecision.update(case.id)
        self.accept()

    def choose_separate(self) -> None:
        self.chosen_case = None
        self.decision = CaseDecision.new_case()
        self.accept()
