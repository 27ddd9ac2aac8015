"""The Patient menu's record merge and its undo, run through the desk's runner.

The merge says what happened in the notice banner, with Undo; the views read again on
their own when the change bus says the two patients changed.
"""

from __future__ import annotations

from app.services.dto import PatientMergeResult
from app.views.runner import service
from app.views.window_commands import DeskCommands

_merge = service("patient_merge")


class PatientMergeCommands(DeskCommands):
    dialog = None  # the open merge dialog, if any

    def merge_patient(self) -> None:
        """Opens the merge dialog for the selected patient (the record to keep)."""
        from app.dialogs.patient_merge_dialog import PatientMergeDialog

        record = self.selection.record()
        if record is None:
            return
        dialog = PatientMergeDialog(self.db, record.patient, self.parent_widget)
        dialog.merged.connect(self._merged)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def _merged(self, result: PatientMergeResult) -> None:
        text = self.tr("{other} was merged into {keep}.").format(
            other=result.merged.full_name, keep=result.kept.full_name
        )
        self.feedback.said(text, self.tr("&Undo"), lambda: self.undo(result.merge_id))

    def undo_patient_merge(self) -> None:
        """Undoes the newest merge into the selected patient, while it is not undone."""
        record = self.selection.record()
        if record is not None and record.undoable_merge_id:
            self.undo(record.undoable_merge_id)

    def undo(self, merge_id: int) -> None:
        self.feedback.status.showMessage(self.tr("Saving..."))

        def undone(result: PatientMergeResult) -> None:
            self.feedback.said(
                self.tr("Merge undone: {other} and {keep} are separate records again.").format(
                    other=result.merged.full_name, keep=result.kept.full_name
                )
            )

        self.runner.write(
            _merge.undo_merge, self.db, merge_id, done=undone, failed=self.feedback.failed
        )
