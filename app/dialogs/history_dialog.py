"""History: who did what to a patient, case or appointment, and when, in plain words."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.dialogs.base import CaseDeskDialog
from app.dialogs.widgets import while_alive
from app.views.clinic_format import counted, format_moment
from app.views.desk import desk_for
from app.views.runner import plain_message, service


class HistoryDialog(CaseDeskDialog):
    """Lists the record's audit entries, newest first; each change shown as before -> after."""

    def __init__(
        self, db, entity: str, entity_id: int, title: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, modal=False)
        self.setObjectName("historyDialog")
        self.setWindowTitle(self.tr("History of %1").replace("%1", title))
        self.db = db
        self.entity = entity
        self.entity_id = entity_id
        self.runner = desk_for(db).runner

        self.status = QLabel(self.tr("Reading the history…"))
        self.status.setObjectName("historyStatus")
        self.entries = QTreeWidget()
        self.entries.setObjectName("historyEntries")
        self.entries.setHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What")])
        self.entries.setRootIsDecorated(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.entries)
        layout.addWidget(buttons)
        self.resize(760, 480)
        self.load()

    def load(self) -> None:
        """Reads the entries off the UI thread."""
        self.runner.query(
            f"history-{self.entity}-{self.entity_id}",
            service("history").history,
            self.db,
            self.entity,
            self.entity_id,
            done=while_alive(self, self._show),
            failed=while_alive(self, lambda error: self.status.setText(plain_message(error))),
        )

    def _show(self, entries: list) -> None:
        self.entries.clear()
        for entry in entries:
            item = QTreeWidgetItem(
                [format_moment(entry.at), entry.actor, self.describe(entry.action, entry.entity_id)]
            )
            for change in entry.changes:
                item.addChild(QTreeWidgetItem(["", "", self.describe_change(change)]))
            self.entries.addTopLevelItem(item)
        self.entries.expandAll()
        for column in range(2):
            self.entries.resizeColumnToContents(column)
        self.status.setText(
            counted(
                self.tr("%n change(s) and access(es), newest first.", "", len(entries)),
                len(entries),
            )
            if entries
            else self.tr("Nothing recorded yet.")
        )
        self.status.setProperty("loaded", True)

    def describe(self, action: str, entity_id: int | None) -> str:
        """The entry's action as a receptionist says it."""
        what = ACTIONS.get(action)
        words = self.tr(what) if what else action.replace(".", " ").replace("_", " ")
        return words.replace("%1", str(entity_id or ""))

    def describe_change(self, change) -> str:
        field = change.field.replace("_", " ")
        if not change.before:
            return self.tr("%1 set to %2").replace("%1", field).replace("%2", change.after)
        if not change.after:
            return self.tr("%1 cleared (was %2)").replace("%1", field).replace("%2", change.before)
        return (
            self.tr("%1: %2 → %3")
            .replace("%1", field)
            .replace("%2", change.before)
            .replace("%3", change.after)
        )


ACTIONS = {
    "patient.register": QT_TRANSLATE_NOOP("HistoryDialog", "Registered the patient"),
    "patient.update": QT_TRANSLATE_NOOP("HistoryDialog", "Changed the patient's details"),
    "patient.open": QT_TRANSLATE_NOOP("HistoryDialog", "Opened the patient's record"),
    "patient.merge": QT_TRANSLATE_NOOP("HistoryDialog", "Merged another record into this patient"),
    "patient.merged": QT_TRANSLATE_NOOP("HistoryDialog", "Merged record %1 into another patient"),
    "patient.merge_undo": QT_TRANSLATE_NOOP(
        "HistoryDialog", "Undid the merge of another record into this patient"
    ),
    "patient.unmerged": QT_TRANSLATE_NOOP(
        "HistoryDialog", "Separated record %1 again (merge undone)"
    ),
    "case.patient": QT_TRANSLATE_NOOP("HistoryDialog", "Moved case %1 to another patient record"),
    "case.open": QT_TRANSLATE_NOOP("HistoryDialog", "Opened case %1"),
    "case.update": QT_TRANSLATE_NOOP("HistoryDialog", "Changed case %1"),
    "case.edit": QT_TRANSLATE_NOOP("HistoryDialog", "Changed case %1"),
    "case.close": QT_TRANSLATE_NOOP("HistoryDialog", "Closed case %1"),
    "case.reopen": QT_TRANSLATE_NOOP("HistoryDialog", "Reopened case %1"),
    "case.merge": QT_TRANSLATE_NOOP("HistoryDialog", "Merged another case into case %1"),
    "case.unmerge": QT_TRANSLATE_NOOP("HistoryDialog", "Undid the merge into case %1"),
    "appointment.reserve": QT_TRANSLATE_NOOP("HistoryDialog", "Booked appointment %1"),
    "appointment.override": QT_TRANSLATE_NOOP(
        "HistoryDialog", "Booked appointment %1 outside the usual hours"
    ),
    "appointment.move": QT_TRANSLATE_NOOP("HistoryDialog", "Moved appointment %1"),
    "appointment.confirmed": QT_TRANSLATE_NOOP("HistoryDialog", "Confirmed appointment %1"),
    "appointment.arrived": QT_TRANSLATE_NOOP("HistoryDialog", "Marked appointment %1 as arrived"),
    "appointment.completed": QT_TRANSLATE_NOOP(
        "HistoryDialog", "Marked appointment %1 as completed"
    ),
    "appointment.cancelled": QT_TRANSLATE_NOOP("HistoryDialog", "Cancelled appointment %1"),
    "appointment.no_show": QT_TRANSLATE_NOOP("HistoryDialog", "Marked appointment %1 as a no-show"),
}
