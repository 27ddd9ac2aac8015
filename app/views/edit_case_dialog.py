"""Correcting a case from the main window: title, referral and its terms, notes, a body part
added by mistake."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.dialogs.base import SavingDialog
from app.dialogs.referral_fields import ReferralFields
from app.dialogs.widgets import FieldMessage, required
from app.services.dto import CaseEdit, CaseInfo
from app.services.errors import ValidationError
from app.views.body_part_names import shown
from app.views.runner import plain_message

# A saver stores the edit and calls back: done(None) on success, done(error) on failure.
Saver = Callable[[CaseEdit, Callable[[BaseException | None], None]], None]
SITE_ROLE = Qt.ItemDataRole.UserRole  # (site, side) of a body part


class EditCaseDialog(SavingDialog):
    """Opened with open(); a refused save keeps everything typed and says why."""

    def __init__(
        self, case: CaseInfo, save: Saver, parent: QWidget | None = None, region: str = "IN"
    ) -> None:
        super().__init__(parent)
        self.setObjectName("editCaseDialog")
        self.setWindowTitle(self.tr("Edit case %1").replace("%1", case.code))
        self._save = save
        self.title = QLineEdit(case.title, self, objectName="editCaseTitle")
        self.referral = QLineEdit(case.referral or "", self, objectName="editCaseReferral")
        self.referral.setPlaceholderText(self.tr("Who referred the patient, if anyone"))
        self.terms = ReferralFields(region, self)
        usage = case.referral_usage
        self.terms.set_terms(
            case.referral_date,
            usage.approved if usage else None,
            usage.valid_until if usage else None,
        )
        self.notes = QPlainTextEdit(case.notes or "", self, objectName="editCaseNotes")
        self.notes.setTabChangesFocus(True)
        self.body_parts = QListWidget(self, objectName="editCaseBodyParts")
        self.body_parts.setAccessibleName(self.tr("Body parts; untick one added by mistake"))
        for part in case.body_parts:
            item = QListWidgetItem(shown(part.label))
            item.setData(SITE_ROLE, (part.site, part.side))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.body_parts.addItem(item)
        self.body_parts.setMaximumHeight(110)
        self.message = FieldMessage(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(required(self.tr("&Title")), self.title)
        form.addRow(self.tr("&Referral"), self.referral)
        form.addRow("", self.terms)
        form.addRow(self.tr("&Notes"), self.notes)
        form.addRow(self.tr("&Body parts"), self.body_parts)
        hint = QLabel(self.tr("Untick a body part added by mistake; a case keeps at least one."))
        hint.setWordWrap(True)
        hint.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def removed_parts(self) -> tuple[tuple[str, str], ...]:
        items = (self.body_parts.item(row) for row in range(self.body_parts.count()))
        return tuple(
            tuple(item.data(SITE_ROLE))
            for item in items
            if item.checkState() != Qt.CheckState.Checked
        )

    def edit(self) -> CaseEdit:
        return CaseEdit(
            title=self.title.text(),
            referral=self.referral.text(),
            notes=self.notes.toPlainText(),
            remove_body_parts=self.removed_parts(),
            referral_date=self.terms.referral_date(),
            approved_sessions=self.terms.approved_sessions(),
            referral_valid_until=self.terms.valid_until(),
        )

    def submit(self) -> None:
        problem = self.terms.problem()
        if problem:
            self.terms.message.say(problem)
            return
        self.begin_saving(self.tr("Saving..."))
        self._save(self.edit(), self._saved)

    def _saved(self, error: BaseException | None) -> None:
        if self.end_saving(error):
            return
        if isinstance(error, ValidationError) and self.terms.show_error(error.field, error.message):
            return
        self.message.say(plain_message(error))
        if isinstance(error, ValidationError):
            fields = {
                "caseTitle": self.title,
                "referral": self.referral,
                "notes": self.notes,
                "bodyParts": self.body_parts,
            }
            if error.field in fields:
                fields[error.field].setFocus()
