"""Merging two records of one person: find the other record, choose each differing field, merge.

Every read and the merge itself go through the desk's runner; the dialog only shows answers.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.dialogs.base import SavingDialog
from app.dialogs.widgets import FieldMessage, while_alive
from app.services.dto import (
    PATIENT_MERGE_FIELDS,
    PatientMergePreview,
    PatientMergeResult,
    PatientSummary,
    SearchPage,
)
from app.views.clinic_format import counted, format_date
from app.views.desk import desk_for
from app.views.runner import plain_message, service

_patients = service("patients")
_merge = service("patient_merge")

CANDIDATES = 50  # the first matches are enough to pick a duplicate from


FIELD_LABELS = {
    "first_name": QT_TRANSLATE_NOOP("PatientMergeDialog", "First name"),
    "last_name": QT_TRANSLATE_NOOP("PatientMergeDialog", "Last name"),
    "phone": QT_TRANSLATE_NOOP("PatientMergeDialog", "Phone"),
    "email": QT_TRANSLATE_NOOP("PatientMergeDialog", "E-mail"),
    "birth_date": QT_TRANSLATE_NOOP("PatientMergeDialog", "Date of birth"),
    "sex": QT_TRANSLATE_NOOP("PatientMergeDialog", "Sex"),
}


def field_text(patient: PatientSummary, name: str) -> str:
    if name == "phone":
        return patient.phone_display
    if name == "birth_date":
        return format_date(patient.birth_date)
    return getattr(patient, name) or ""


class PatientMergeDialog(SavingDialog):
    """Keeps `kept`; the record chosen here is merged into it. Emits `merged` once done."""

    merged = Signal(object)  # PatientMergeResult

    def __init__(self, db, kept: PatientSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("patientMergeDialog")
        self.setWindowTitle(self.tr("Merge with another record"))
        self.db, self.kept = db, kept
        self.runner = desk_for(db).runner
        self.preview: PatientMergePreview | None = None
        self.choices: dict[str, QButtonGroup] = {}

        keep_label = QLabel(
            self.tr("Keep: {name}, {phone}").format(name=kept.full_name, phone=kept.phone_display),
            self,
        )
        self.search = QLineEdit(self, objectName="patientMergeSearch")
        self.search.setPlaceholderText(self.tr("Find the other record: name, phone or case ID"))
        self.candidates = QListWidget(self, objectName="patientMergeCandidates")
        self.fields = QTableWidget(0, 3, self, objectName="patientMergeFields")
        self.fields.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("This record"), self.tr("The other record")]
        )
        self.fields.verticalHeader().hide()
        self.fields.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.fields.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.moves = QLabel(self, objectName="patientMergeMoves")
        self.moves.setWordWrap(True)
        self.message = FieldMessage(self, "patientMergeMessage")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.merge_button = self.buttons.addButton(
            self.tr("&Merge"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.merge_button.setObjectName("patientMergeButton")
        self.merge_button.setEnabled(False)
        self.merge_button.clicked.connect(self.merge)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(keep_label)
        layout.addWidget(self.search)
        layout.addWidget(self.candidates, 1)
        layout.addWidget(self.fields, 2)
        layout.addWidget(self.moves)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(640, 560)
        self.search.textChanged.connect(self.find)
        self.candidates.currentItemChanged.connect(lambda *_: self._read_preview())
        # A duplicate most often shares the last name: start there, ready to be typed over.
        self.search.setText(kept.last_name)
        self.search.selectAll()

    # --- finding the other record ----------------------------------------------------------

    def find(self, text: str) -> None:
        """Searches as the receptionist types (only the newest answer is shown)."""
        self.runner.query(
            "patient-merge-search",
            _patients.search_patients,
            self.db,
            text,
            0,
            CANDIDATES + 1,
            done=while_alive(self, self._found),
            failed=while_alive(self, self._failed),
        )

    def _found(self, page: SearchPage) -> None:
        ids = [i for i in page.ids if i != self.kept.id][:CANDIDATES]
        self.runner.query(
            "patient-merge-rows",
            _patients.patient_rows,
            self.db,
            ids,
            done=while_alive(self, self._show_candidates),
            failed=while_alive(self, self._failed),
        )

    def _show_candidates(self, rows: list[PatientSummary]) -> None:
        self.candidates.clear()
        for row in rows:
            born = format_date(row.birth_date)
            text = f"{row.full_name}, {row.phone_display}" + (f", {born}" if born else "")
            item = QListWidgetItem(text, self.candidates)
            item.setData(Qt.ItemDataRole.UserRole, row.id)
        self.candidates.setProperty("loaded", True)

    def other_id(self) -> int:
        item = self.candidates.currentItem()
        return int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else 0

    # --- side by side ----------------------------------------------------------------------

    def _read_preview(self) -> None:
        self.preview = None
        self.merge_button.setEnabled(False)
        other = self.other_id()
        if not other:
            return
        self.moves.setText(self.tr("Reading both records…"))
        self.runner.query(
            "patient-merge-preview",
            _merge.merge_preview,
            self.db,
            self.kept.id,
            other,
            done=while_alive(self, self._show_preview),
            failed=while_alive(self, self._failed),
        )

    def _show_preview(self, preview: PatientMergePreview) -> None:
        if preview.other.id != self.other_id():
            return  # the receptionist picked another record meanwhile
        self.preview = preview
        self.choices = {}
        self.fields.setRowCount(len(PATIENT_MERGE_FIELDS))
        for row, name in enumerate(PATIENT_MERGE_FIELDS):
            self.fields.setItem(row, 0, QTableWidgetItem(self.tr(FIELD_LABELS[name])))
            kept, other = field_text(preview.kept, name), field_text(preview.other, name)
            if name not in preview.differing:
                self.fields.setCellWidget(row, 1, None)
                self.fields.setCellWidget(row, 2, None)
                self.fields.setItem(row, 1, QTableWidgetItem(kept))
                self.fields.setItem(row, 2, QTableWidgetItem(other))
                continue
            group = QButtonGroup(self.fields)
            for column, (text, side) in enumerate(((kept, "keep"), (other, "take")), start=1):
                button = QRadioButton(text or self.tr("(empty)"), objectName=f"{side}_{name}")
                button.setChecked(side == "keep")
                group.addButton(button, column)
                self.fields.setItem(row, column, QTableWidgetItem())
                self.fields.setCellWidget(row, column, button)
            self.choices[name] = group
        self.moves.setText(self._moves_text(preview))
        self.message.say("")
        self.merge_button.setEnabled(True)

    def _moves_text(self, preview: PatientMergePreview) -> str:
        return " ".join(
            [
                counted(self.tr("%n case(s),", "", preview.cases), preview.cases),
                counted(
                    self.tr("%n appointment(s) and", "", preview.appointments), preview.appointments
                ),
                counted(
                    self.tr("%n message(s) move to this record.", "", preview.messages),
                    preview.messages,
                ),
                self.tr(
                    "The other record stays findable by its details and leads here. "
                    "You can undo the merge."
                ),
            ]
        )

    def take_from_other(self) -> set[str]:
        """The differing fields the receptionist chose from the other record."""
        return {name for name, group in self.choices.items() if group.checkedId() == 2}

    def choose(self, name: str, from_other: bool = True) -> None:
        """Picks one field's value (as clicking its radio button does)."""
        self.choices[name].button(2 if from_other else 1).setChecked(True)

    # --- merging ---------------------------------------------------------------------------

    def merge(self) -> None:
        if self.preview is None or self.saving:
            return
        self.begin_saving(self.tr("Merging…"))
        self.runner.write(
            _merge.merge_patients,
            self.db,
            self.kept.id,
            self.preview.other.id,
            frozenset(self.take_from_other()),
            done=while_alive(self, self._merged),
            failed=while_alive(self, self._refused),
        )

    def _merged(self, result: PatientMergeResult) -> None:
        self.merged.emit(result)
        self.end_saving(None)

    def _refused(self, error: BaseException) -> None:
        self.end_saving(error)
        self.message.say(plain_message(error))

    def _failed(self, error: BaseException) -> None:
        self.moves.setText("")
        self.message.say(plain_message(error))
