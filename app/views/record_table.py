"""A read-only table of frozen records, and the view that keeps one up to date by itself.

The Outbox and Reservations views are this view with their own columns, buttons and
service calls: the list is read off the UI thread, actions are writes through the
desk's runner, and what a write changed comes back through the change bus, to which
the view answers for itself (no other code tells it to refresh).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.views.desk import desk_for
from app.views.runner import plain_message

if TYPE_CHECKING:
    from app.db import Database
    from app.services.changes import Changes

Record = TypeVar("Record")
Index = QModelIndex | QPersistentModelIndex


class RecordTableModel(QAbstractTableModel, Generic[Record]):
    """Rows are records, columns are `headers`; subclasses answer `data()` for one record."""

    def __init__(self, headers: list[str], key: Callable[[Record], int], parent=None) -> None:
        super().__init__(parent)
        self._rows: list[Record] = []
        self._headers = headers
        self._key = key

    def set_records(self, rows: Sequence[Record]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def record(self, row: int) -> Record | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def record_at(self, index: Index) -> Record | None:
        return self.record(index.row()) if index.isValid() else None

    def key_of(self, record: Record) -> int:
        return self._key(record)

    def row_of(self, key: int) -> int:
        """The row whose record has this id, or -1."""
        return next((n for n, r in enumerate(self._rows) if self._key(r) == key), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None


_topics = itertools.count(1)


class RecordTableView(QWidget, Generic[Record]):
    """A heading, the table, a status line and a row of buttons, kept up to date by itself.

    A subclass says what it shows: `watches` (the tables whose changes make its list
    stale), `read()` (the service call that reads the list, run on a worker) and
    `show_answer()`. When a change touches a watched table the view reads again if it
    is visible; a hidden one (a closed dock) only notes that it is stale and reads when
    it is next shown, so it costs nothing while nobody looks at it.
    """

    watches: tuple[str, ...] = ()
    loaded = Signal()  # a fresh answer is shown (the selection kept where it was)

    def __init__(
        self,
        db: Database,
        model: RecordTableModel[Record],
        names: tuple[str, str, str, str, str],
        parent: QWidget | None = None,
    ) -> None:
        """`names`: objectNames of the view, its table, heading, status line and Refresh."""
        view_name, table_name, heading_name, status_name, refresh_name = names
        super().__init__(parent, objectName=view_name)
        self.db = db
        desk = desk_for(db)
        self.runner, self.bus = desk.runner, desk.bus
        self.topic = f"{view_name}-{next(_topics)}"  # each view's answers are its own
        self.model = model
        self.table = QTableView(self, objectName=table_name)
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(
            model.columnCount() - 1, QHeaderView.ResizeMode.Stretch
        )
        self.table.setWordWrap(False)
        self.heading = QLabel(self, objectName=heading_name)
        self.heading.setWordWrap(True)
        self.status = QLabel(self, objectName=status_name)
        self.status.setWordWrap(True)
        self.refresh_button = QPushButton(self.tr("Re&fresh"), self, objectName=refresh_name)
        self._buttons = QHBoxLayout()
        self._buttons.addStretch(1)
        self._buttons.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(self._buttons)
        self._stale = True  # nothing read yet
        self.refresh_button.clicked.connect(self.refresh)
        self.table.selectionModel().selectionChanged.connect(self.update_buttons)
        self.bus.changed.connect(self._on_changes)

    def add_button(self, text: str, name: str, slot: Callable[[], None]) -> QPushButton:
        """A button before the stretch, in the order added."""
        button = QPushButton(text, self, objectName=name)
        button.clicked.connect(slot)
        self._buttons.insertWidget(self._buttons.count() - 2, button)
        return button

    # --- what a subclass says ---------------------------------------------------------------

    def read(self) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        """The function (run on a worker) that reads the list, and its arguments."""
        raise NotImplementedError

    def show_answer(self, answer: Any) -> None:
        """Shows what `read()` returned (on the UI thread)."""
        raise NotImplementedError

    def update_buttons(self) -> None:
        """Enables the buttons for the selected record (None when nothing is selected)."""

    # --- reading ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reads the list again off the UI thread, keeping the selected record selected."""
        self._stale = False
        fn, args = self.read()
        self.runner.query(self.topic, fn, *args, done=self._answered, failed=self.show_failure)

    def _answered(self, answer: Any) -> None:
        selected = self.selected_id()
        self.show_answer(answer)
        self.select(selected)
        self.update_buttons()
        self.loaded.emit()

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(*self.watches):
            self.outdated()

    def outdated(self) -> None:
        """What the list shows may be out of date: read now if visible, else when next shown."""
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._stale:
            self.refresh()

    # --- selection and actions --------------------------------------------------------------

    def selected_record(self) -> Record | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record_at(rows[0]) if rows else None

    def selected_id(self) -> int:
        record = self.selected_record()
        return self.model.key_of(record) if record is not None else 0

    def select(self, record_id: int) -> None:
        row = self.model.row_of(record_id) if record_id else -1
        if row >= 0:
            self.table.selectRow(row)

    def act(
        self,
        fn: Callable[..., Any],
        done_text: str = "",
        then: Callable[[Any], None] | None = None,
    ) -> None:
        """Runs `fn(db, selected id)` off the UI thread and says how it went.

        The list is not read again here: the change bus announces what the write
        changed, and the view answers that like any other change.
        """
        record_id = self.selected_id()
        if not record_id:
            return

        def done(result: Any) -> None:
            if done_text:
                self.status.setText(done_text.format(id=record_id))
            if then is not None:
                then(result)

        self.runner.write(fn, self.db, record_id, done=done, failed=self.show_failure)

    def show_failure(self, error: BaseException) -> None:
        self.status.setText(plain_message(error))
