"""`scheduleView`: the book's table, with blocks spanning their slots and keys that read it.

Arrows move slot by slot (a block is one stop); Ctrl+Down / Ctrl+Up jump to the next or
previous appointment of the column; Enter or a double click opens what is under the
cursor (`opened`); a block dragged onto another slot asks the model for the move.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from app.views.schedule_model import ScheduleModel

ROW_HEIGHT = 22
LEAST_COLUMN = 96  # six practitioners and the time still fit a 1366-pixel screen


class ScheduleView(QTableView):
    opened = Signal(QModelIndex)  # Enter or a double click on a slot or an appointment

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scheduleView")
        self.book_model = ScheduleModel(self)
        self.setModel(self.book_model)
        self.book_model.modelReset.connect(self._span_blocks)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setCornerButtonEnabled(False)
        self.setTabKeyNavigation(False)  # Tab leaves the book, as everywhere else
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(LEAST_COLUMN)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(ROW_HEIGHT)
        rows.setMinimumSectionSize(ROW_HEIGHT)
        rows.setDefaultAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragDropOverwriteMode(True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def _span_blocks(self) -> None:
        self.clearSpans()
        for row, column, rows in self.book_model.blocks:
            if rows > 1:
                self.setSpan(row, column, rows, 1)

    # --- keyboard -----------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key, mods = event.key(), event.modifiers()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.opened.emit(self.currentIndex())
            return
        if mods & Qt.KeyboardModifier.ControlModifier and key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self.jump_to_appointment(1 if key == Qt.Key.Key_Down else -1)
            return
        super().keyPressEvent(event)

    def jump_to_appointment(self, step: int) -> bool:
        """The next (step 1) or previous (-1) appointment in the current column."""
        current = self.currentIndex()
        column = current.column() if current.isValid() else 0
        here = current.row() if current.isValid() else -1
        own = self.book_model.entry(current)
        tops = sorted(r for r, c, _n in self.book_model.blocks if c == column)
        if own is not None:
            here = min(
                (r for r in tops if self.book_model.entry(self.model().index(r, column)) is own),
                default=here,
            )
        ahead = (
            [r for r in tops if r > here] if step > 0 else [r for r in reversed(tops) if r < here]
        )
        if not ahead:
            return False
        self.setCurrentIndex(self.model().index(ahead[0], column))
        return True

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        index = self.indexAt(event.position().toPoint())
        if index.isValid():
            self.setCurrentIndex(index)
            self.opened.emit(index)
            return
        super().mouseDoubleClickEvent(event)

    def show_slot(self, row: int, column: int = 0) -> None:
        """Makes `row` current and scrolls it to the top, without taking the focus."""
        if 0 <= row < self.model().rowCount() and 0 <= column < self.model().columnCount():
            index = self.model().index(row, column)
            self.setCurrentIndex(index)
            self.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtTop)
