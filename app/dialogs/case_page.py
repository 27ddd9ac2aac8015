"""Wizard page 2: the case title and its body parts."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from app.dialogs.body_part_picker import BodyPartPicker
from app.dialogs.referral_fields import ReferralFields
from app.dialogs.widgets import FieldMessage, focus_soon, required
from app.services import body_sites, cases
from app.services.errors import ValidationError


def _problem(check, value) -> str:
    """The service's own plain message for a bad value, or '' when it passes."""
    try:
        check(value)
    except ValidationError as exc:
        return exc.message
    return ""


class CasePage(QWizardPage):
    """Fields `caseTitle` and `bodyParts`. Leaving it may ask the case decision (see the wizard)."""

    def __init__(self, parent: QWidget | None = None, region: str = "IN") -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Case"))
        self.setSubTitle(self.tr("What the patient comes for. * marks what is required."))
        self._touched = False
        self.title_edit = QLineEdit(objectName="caseTitleEdit")
        self.title_edit.setPlaceholderText(self.tr("e.g. Knee pain after fall"))
        self.title_message = FieldMessage(objectName="caseTitleMessage")
        self.picker = BodyPartPicker(self)
        self.picker.setObjectName("bodyPartPicker")
        self.status = FieldMessage(objectName="casePageMessage")
        self._build_referral(region)

        form = QFormLayout()
        title_label = QLabel(required(self.tr("Case &title")))
        title_label.setBuddy(self.title_edit)
        cell = QVBoxLayout()
        cell.setSpacing(2)
        cell.addWidget(self.title_edit)
        cell.addWidget(self.title_message)
        form.addRow(title_label, cell)
        parts_label = QLabel(required(self.tr("&Body parts")))
        parts_label.setBuddy(self.picker.filter)
        form.addRow(parts_label, self.picker)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(self.referral_toggle)
        layout.addWidget(self.referral_box)
        layout.addWidget(self.status)

        self.registerField("caseTitle", self.title_edit)
        self.registerField("bodyParts", self.picker, "labels", self.picker.labelsChanged)
        self.title_edit.textChanged.connect(self._check)
        self.title_edit.editingFinished.connect(self._touch)
        self.picker.labelsChanged.connect(self._check)
        self.setTabOrder(self.title_edit, self.picker.filter)
        self.referral.changed.connect(self.completeChanged)
        self._check()

    def _build_referral(self, region: str) -> None:
        """A folded "Referral" group: most bookings have none and should not tab through it."""
        self.referral_toggle = QToolButton(objectName="referralToggle", checkable=True)
        self.referral_toggle.setText(self.tr("Re&ferral (optional)"))
        self.referral_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.referral_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.referral_toggle.setAutoRaise(True)
        self.referral_box = QWidget(objectName="referralBox")
        self.referrer_edit = QLineEdit(objectName="caseReferrer")
        self.referrer_edit.setPlaceholderText(self.tr("GP, insurer or clinic that referred"))
        self.referral = ReferralFields(region, self.referral_box)
        box = QFormLayout(self.referral_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        referrer_label = QLabel(self.tr("Referred b&y"))
        referrer_label.setBuddy(self.referrer_edit)
        box.addRow(referrer_label, self.referrer_edit)
        box.addRow(self.referral)
        self.referral_box.hide()
        self.referral_toggle.toggled.connect(self.show_referral)

    def show_referral(self, shown: bool = True) -> None:
        self.referral_toggle.setChecked(shown)
        self.referral_toggle.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )
        self.referral_box.setVisible(shown)
        if shown:
            focus_soon(self.referrer_edit)

    def referral_terms(self) -> tuple[str | None, date | None, int | None, date | None]:
        """(referrer, referral date, approved sessions, valid until) for a new case."""
        return (
            self.referrer_edit.text().strip() or None,
            self.referral.referral_date(),
            self.referral.approved_sessions(),
            self.referral.valid_until(),
        )

    def _touch(self) -> None:
        self._touched = True
        self._check()

    def _check(self, *_args) -> None:
        title_problem = _problem(cases.validate_title, self.title_edit.text())
        self.title_message.say(title_problem, serious=self._touched)
        if self.picker.get_labels():
            self.picker.message.say("")
        else:
            self.picker.message.say(_problem(body_sites.parse_labels, []), serious=False)
        self.status.say("")
        self.completeChanged.emit()

    def show_error(self, field: str, message: str) -> bool:
        if field == "caseTitle":
            self.title_message.say(message)
            self.title_edit.setFocus()
            return True
        if field == "bodyParts":
            self.picker.message.say(message)
            self.picker.filter.setFocus()
            return True
        if field == "referral" or self.referral.show_error(field, message):
            self.show_referral(True)
            if field == "referral":
                self.status.say(message)
                self.referrer_edit.setFocus()
            return True
        return False

    def say(self, message: str, serious: bool = True) -> None:
        self.status.say(message, serious=serious)

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        focus_soon(self.title_edit)

    def cleanupPage(self) -> None:  # noqa: N802 - going back keeps what was typed
        pass

    def isComplete(self) -> bool:  # noqa: N802
        title_ok = not _problem(cases.validate_title, self.title_edit.text())
        return title_ok and bool(self.picker.get_labels()) and not self.referral.problem()

    def validatePage(self) -> bool:  # noqa: N802 - QWizard.next() does not check isComplete
        return self.isComplete() and self.wizard().decide_case()
