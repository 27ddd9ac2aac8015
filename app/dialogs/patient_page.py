"""Wizard page 1: find an existing patient, or register a new one (with a duplicate warning)."""

from __future__ import annotations

from PySide6.QtCore import Property, QCoreApplication, QDate, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from app.dialogs.patient_form import PatientForm
from app.dialogs.widgets import FieldMessage, focus_soon
from app.services.dto import PatientDetails, PatientSummary
from app.views.desk import desk_for
from app.views.runner import plain_message, service

SEARCH_DELAY_MS = 250
DUPLICATE_DELAY_MS = 400
RESULTS_SHOWN = 50
_patients = service("patients")


def describe(patient: PatientSummary, date_format: str = "dd/MM/yyyy") -> str:
    born = QDate(patient.birth_date).toString(date_format) if patient.birth_date else "-"
    return QCoreApplication.translate("PatientPage", "{name}, {phone}, born {born}").format(
        name=patient.full_name, phone=patient.phone_display, born=born
    )


class PatientPage(QWizardPage):
    """Sets `patientId` (0 = new patient) and the new patient's fields."""

    patientIdChanged = Signal(int)  # noqa: N815 - Qt naming

    def __init__(self, db, region: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self._patient_id = 0
        self._chosen: PatientSummary | None = None
        self.runner = desk_for(db).runner
        self._known: dict[int, PatientSummary] = {}  # rows of the last search, by id
        self.setTitle(self.tr("Patient"))
        self.setSubTitle(
            self.tr("Find the patient, or register a new one. * marks what is required.")
        )
        self._build(region)
        self.registerField("patientId", self, "patientId", self.patientIdChanged)
        for name, widget in self.inputs.items():
            if name == "birthDate":
                self.registerField(name, widget, "date", widget.dateChanged)
            elif name != "sex":
                self.registerField(name, widget)

    # -- layout --------------------------------------------------------------------------
    def _build(self, region: str) -> None:
        self.search = QLineEdit(objectName="wizardPatientSearch")
        self.search.setPlaceholderText(self.tr("Name, phone number or case ID"))
        self.search.setClearButtonEnabled(True)
        self.results = QTreeWidget(objectName="wizardPatientResults")
        self.results.setHeaderLabels(
            [self.tr("Name"), self.tr("Phone"), self.tr("Date of birth"), self.tr("Open cases")]
        )
        self.results.setRootIsDecorated(False)
        self.results.setAlternatingRowColors(True)
        self.results.setMinimumHeight(110)
        self.results_note = QLabel(objectName="wizardPatientResultsNote")
        self.results_note.setEnabled(False)
        find_label = QLabel(self.tr("&Find a patient:"))
        find_label.setBuddy(self.search)

        self.stack = QStackedWidget()
        self.stack.addWidget(self._new_patient_form(region))
        self.stack.addWidget(self._chosen_panel())

        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(find_label)
        row.addWidget(self.search, 1)
        layout.addLayout(row)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.results_note)
        layout.addWidget(self.stack, 2)

        self.search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self._start_search)
        self.search.textChanged.connect(lambda _t: self.search_timer.start())
        self.search.installEventFilter(self)
        self.results.currentItemChanged.connect(self._on_result)
        self.duplicate_timer = QTimer(self, singleShot=True, interval=DUPLICATE_DELAY_MS)
        self.duplicate_timer.timeout.connect(self._start_duplicate_check)

    def _new_patient_form(self, region: str) -> QWidget:
        box = QGroupBox(self.tr("New patient"), objectName="newPatientBox")
        self.form = PatientForm(region)
        self.form.changed.connect(self._fields_changed)
        layout = QVBoxLayout(box)
        layout.addWidget(self.form)
        layout.addWidget(self._duplicate_frame())
        return box

    def _duplicate_frame(self) -> QWidget:
        self.duplicate_frame = QFrame(objectName="duplicateWarning")
        self.duplicate_frame.setFrameShape(QFrame.Shape.StyledPanel)
        self.duplicate_list = QListWidget(objectName="duplicateList")
        self.duplicate_list.setMaximumHeight(72)
        self.use_duplicate = QPushButton(
            self.tr("&Use this patient"), objectName="useDuplicateButton"
        )
        self.use_duplicate.setAutoDefault(False)
        self.use_duplicate.clicked.connect(self.use_selected_duplicate)
        layout = QVBoxLayout(self.duplicate_frame)
        layout.addWidget(
            QLabel(
                self.tr(
                    "This patient may already be registered (same phone, or same name and date of birth):"
                ),
                wordWrap=True,
            )
        )
        row = QHBoxLayout()
        row.addWidget(self.duplicate_list, 1)
        row.addWidget(self.use_duplicate, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(row)
        self.duplicate_frame.hide()
        return self.duplicate_frame

    def _chosen_panel(self) -> QWidget:
        box = QGroupBox(self.tr("Booking for"), objectName="chosenPatientBox")
        self.chosen_label = QLabel(objectName="chosenPatientLabel", wordWrap=True)
        font = self.chosen_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.chosen_label.setFont(font)
        self.new_instead = QPushButton(
            self.tr("&Register a new patient instead"), objectName="newPatientInsteadButton"
        )
        self.new_instead.setAutoDefault(False)
        self.new_instead.clicked.connect(lambda: self.set_patient_id(0))
        layout = QVBoxLayout(box)
        layout.addWidget(self.chosen_label)
        layout.addWidget(self.new_instead, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        return box

    # -- the patientId field ---------------------------------------------------------------
    def get_patient_id(self) -> int:
        return self._patient_id

    def set_patient_id(self, value: int) -> None:
        value = int(value or 0)
        if value == self._patient_id:
            return
        self._patient_id = value
        self._chosen = self._known.get(value)
        if value:
            self._show_chosen()
            if self._chosen is None:  # not in the search results: read the patient
                self.runner.query(
                    "chosen-patient",
                    _patients.patient_rows,
                    self.db,
                    [value],
                    done=lambda rows: self._chosen_in(value, rows),
                    failed=lambda error: self.results_note.setText(plain_message(error)),
                )
        else:
            self.runner.cancel("chosen-patient")
            self.results.setCurrentItem(None)
            self.results.clearSelection()
        self.stack.setCurrentIndex(1 if value else 0)
        self.patientIdChanged.emit(value)
        self.completeChanged.emit()

    patientId = Property(int, get_patient_id, set_patient_id, notify=patientIdChanged)  # noqa: N815

    def _chosen_in(self, patient_id: int, rows: list[PatientSummary]) -> None:
        if patient_id != self._patient_id:
            return
        self._chosen = rows[0] if rows else None
        if self._chosen is None:
            self.results_note.setText(self.tr("That patient is no longer registered."))
        self._show_chosen()
        self.completeChanged.emit()

    def _show_chosen(self) -> None:
        shown = (
            describe(self._chosen, self.inputs["birthDate"].display_format())
            if self._chosen
            else ""
        )
        self.chosen_label.setText(
            shown or self.tr("Patient %1").replace("%1", str(self._patient_id))
        )

    def chosen_patient(self) -> PatientSummary | None:
        return self._chosen

    # -- searching -------------------------------------------------------------------------
    def _start_search(self) -> None:
        text = self.search.text().strip()
        if not text:
            self._show_results(([], 0))
            return
        self.runner.query(
            "wizard-search",
            _search,
            self.db,
            text,
            done=self._show_results,
            failed=self._show_search_error,
        )

    def _show_results(self, found) -> None:
        rows, total = found
        self._known = {p.id: p for p in rows}
        self.results.blockSignals(True)
        self.results.clear()
        fmt = self.inputs["birthDate"].display_format()
        for p in rows:
            born = QDate(p.birth_date).toString(fmt) if p.birth_date else ""
            item = QTreeWidgetItem([p.full_name, p.phone_display, born, str(p.open_cases)])
            item.setData(0, Qt.ItemDataRole.UserRole, p.id)
            self.results.addTopLevelItem(item)
            if p.id == self._patient_id:
                self.results.setCurrentItem(item)
        self.results.blockSignals(False)
        for column in range(3):
            self.results.resizeColumnToContents(column)
        if total > len(rows):
            self.results_note.setText(
                self.tr("Showing %1 of %2; type more to narrow down.")
                .replace("%1", str(len(rows)))
                .replace("%2", f"{total:,}")
            )
        elif self.search.text().strip() and not rows:
            self.results_note.setText(self.tr("No patient matches; register a new one below."))
        else:
            self.results_note.setText("")

    def _show_search_error(self, error: BaseException) -> None:
        self.results_note.setText(plain_message(error))

    def _on_result(self, current: QTreeWidgetItem | None, _previous=None) -> None:
        if current is not None:
            self.set_patient_id(int(current.data(0, Qt.ItemDataRole.UserRole)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        # Down from the search box goes to the results, as in any search field.
        going_down = (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Down
        )
        if going_down and self.results.topLevelItemCount():
            self.results.setFocus()
            if self.results.currentItem() is None:
                self.results.setCurrentItem(self.results.topLevelItem(0))
            return True
        return False

    # -- the new patient's details: the form's, seen from the wizard -------------------------
    @property
    def region(self) -> str:
        return self.form.region

    @region.setter
    def region(self, value: str) -> None:
        self.form.region = value

    @property
    def inputs(self) -> dict[str, QWidget]:
        return self.form.inputs

    @property
    def messages(self) -> dict[str, FieldMessage]:
        return self.form.messages

    def details(self) -> PatientDetails:
        return self.form.details()

    def show_error(self, field: str, message: str) -> bool:
        """Shows a service's ValidationError beside its field; False when the field is not here."""
        return self.form.show_error(field, message)

    def _fields_changed(self) -> None:
        self.duplicate_timer.start()
        self.completeChanged.emit()

    # -- duplicates ------------------------------------------------------------------------
    def _start_duplicate_check(self) -> None:
        details = self.details()
        if self._patient_id or not (details.phone.strip() or details.birth_date):
            self._show_duplicates([])
            return
        self.runner.query(
            "duplicates",
            _patients.find_duplicates,
            self.db,
            details,
            done=self._show_duplicates,
            failed=lambda error: self.results_note.setText(plain_message(error)),
        )

    def _show_duplicates(self, found: list[PatientSummary]) -> None:
        self._known.update((p.id, p) for p in found)
        self.duplicate_list.clear()
        fmt = self.inputs["birthDate"].display_format()
        for p in found:
            item = QListWidgetItem(describe(p, fmt))
            item.setData(Qt.ItemDataRole.UserRole, p.id)
            self.duplicate_list.addItem(item)
        if found:
            self.duplicate_list.setCurrentRow(0)
        self.duplicate_frame.setVisible(bool(found))

    def use_selected_duplicate(self) -> None:
        item = self.duplicate_list.currentItem()
        if item is not None:
            self.set_patient_id(int(item.data(Qt.ItemDataRole.UserRole)))
            self.duplicate_frame.hide()

    # -- QWizardPage -----------------------------------------------------------------------
    def initializePage(self) -> None:  # noqa: N802 - Qt override
        if not self._patient_id:
            focus_soon(self.search)

    def cleanupPage(self) -> None:  # noqa: N802 - going back keeps what was typed
        pass

    def validatePage(self) -> bool:  # noqa: N802 - QWizard.next() does not check isComplete
        return self.isComplete()

    def isComplete(self) -> bool:  # noqa: N802
        if self._patient_id:
            return self._chosen is not None
        return not self.form.errors


def _search(db, text: str) -> tuple[list[PatientSummary], int]:
    """The wizard's patient search (runs on the worker)."""
    from app.services import patients

    page = patients.search_patients(db, text, limit=RESULTS_SHOWN)
    return patients.patient_rows(db, page.ids), page.total
