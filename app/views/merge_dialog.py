"""Merging two cases of one patient: pick the other case, see what moves, confirm."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from app.dialogs.base import CaseDeskDialog
from app.services.dto import CaseInfo, MergeResult
from app.views.body_part_names import shown_joined
from app.views.case_panel import case_item_text
from app.views.clinic_format import counted
from app.views.runner import plain_message

# preview(keep_id, other_id, reply): reads off the UI thread, then reply(result or error).
Preview = Callable[[int, int, Callable[[MergeResult | BaseException], None]], None]


class MergeCasesDialog(CaseDeskDialog):
    """Keeps `keep`; the chosen case's appointments and body parts move into it."""

    def __init__(
        self,
        keep: CaseInfo,
        others: list[CaseInfo],
        preview: Preview,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mergeCasesDialog")
        self.setWindowTitle(self.tr("Merge cases"))
        self.keep = keep
        self._preview = preview
        self.other = QComboBox(self, objectName="mergeCaseChoice")
        for case in others:
            self.other.addItem(case_item_text(case), case.id)
        self.summary = QLabel(self, objectName="mergePreview")
        self.summary.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.merge_button = self.buttons.addButton(
            self.tr("&Merge into {code}").format(code=keep.code),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.merge_button.setObjectName("mergeConfirmButton")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Keep:"), QLabel(case_item_text(keep), self))
        form.addRow(self.tr("Merge in:"), self.other)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.other.currentIndexChanged.connect(self._show_preview)
        self._show_preview()

    def merge_case_id(self) -> int:
        return int(self.other.currentData() or 0)

    def _show_preview(self) -> None:
        other_id = self.merge_case_id()
        if not other_id:
            self.summary.setText(self.tr("This patient has no other case to merge."))
            self.merge_button.setEnabled(False)
            return
        self.merge_button.setEnabled(False)
        self.summary.setText(self.tr("Reading the cases..."))
        self._preview(self.keep.id, other_id, lambda answer: self._preview_in(other_id, answer))

    def _preview_in(self, other_id: int, answer: MergeResult | BaseException) -> None:
        if other_id != self.merge_case_id():
            return  # the receptionist chose another case meanwhile
        if isinstance(answer, BaseException):  # shown in plain words; the dialog stays usable
            self.summary.setText(plain_message(answer))
            return
        result = answer
        moved = len(result.moved_appointment_ids)
        lines = [
            counted(
                self.tr("%n appointment(s) will move from {other} to {keep}.", "", moved), moved
            ).format(other=result.merged_code, keep=result.kept_code),
            self.tr("Body parts added to {keep}: {parts}.").format(
                keep=result.kept_code,
                parts=shown_joined(result.added_body_parts) or self.tr("none"),
            ),
            self.tr("{other} stays findable and leads to {keep}. You can undo the merge.").format(
                other=result.merged_code, keep=result.kept_code
            ),
        ]
        self.summary.setText("\n".join(lines))
        self.merge_button.setEnabled(True)
