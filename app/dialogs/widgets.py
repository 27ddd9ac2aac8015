"""Small widgets the dialogs share: the message beside a field, a typed date, a flow of chips."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import Property, QDate, QObject, QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QLayout, QLayoutItem, QLineEdit, QWidget

from app.views.runner import translated

# Regions that write the month first; everyone else writes the day first.
MONTH_FIRST = {"US", "PH", "CA", "FM", "MH", "PW"}
ERROR_COLOUR = "#b3261e"


def while_alive(owner: QObject, fn: Callable[[Any], None]) -> Callable[[Any], None]:
    """`fn`, skipped once `owner` is deleted: a runner's answer may outlive its dialog."""

    def call(value: Any) -> None:
        if shiboken6.isValid(owner):
            fn(value)

    return call


def focus_soon(widget: QWidget) -> None:
    """Focus once the page is on screen: a wizard page is still hidden in initializePage."""
    QTimer.singleShot(0, widget, widget.setFocus)


def required(text: str) -> str:
    """A mandatory field's label: the asterisk the page's note explains."""
    return f"{text} *"


class FieldMessage(QLabel):
    """Plain words beside a field: muted while it is merely empty, red once it is wrong."""

    def __init__(self, parent: QWidget | None = None, objectName: str = "") -> None:  # noqa: N803
        super().__init__(parent)
        self.setObjectName(objectName)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def say(self, text: str, serious: bool = True) -> None:
        if not text:
            self.clear()
            self.hide()
            return
        muted = self.palette().color(QPalette.ColorRole.PlaceholderText).name()
        self.setStyleSheet(f"color: {ERROR_COLOUR if serious else muted};")
        self.setText(translated(text))  # a service's message, in the desk's language
        self.show()


def date_format(region: str) -> str:
    return "MM/dd/yyyy" if region.upper() in MONTH_FIRST else "dd/MM/yyyy"


class DateField(QLineEdit):
    """A date typed as digits (or left empty), exposed as a QDate property for wizard fields.

    A line edit rather than a QDateEdit: a date of birth may be "not given",
    and receptionists type it faster than they spin it.
    """

    dateChanged = Signal(QDate)  # noqa: N815 - Qt naming

    def __init__(
        self,
        region: str = "IN",
        parent: QWidget | None = None,
        objectName: str = "",  # noqa: N803
    ) -> None:
        super().__init__(parent)
        self.setObjectName(objectName)
        self._format = date_format(region)
        self._date = QDate()
        self._show_hint()
        self.textChanged.connect(self._on_text)

    def _show_hint(self) -> None:
        self.setPlaceholderText(self.tr("%1 or leave empty").replace("%1", self.hint()))

    def hint(self) -> str:
        """The order to type a date in, as a receptionist reads it: DD/MM/YYYY (or MM/DD/YYYY)."""
        return self._format.replace("dd", self.tr("DD")).replace("yyyy", self.tr("YYYY"))

    def set_region(self, region: str) -> None:
        """Reads and writes dates in the region's order from now on; a date typed is kept."""
        wanted = date_format(region)
        if wanted == self._format:
            return
        self._format = wanted
        self._show_hint()
        if self._date.isValid():
            self.setText(self._date.toString(wanted))

    def display_format(self) -> str:
        return self._format

    def parse(self, text: str) -> QDate:
        text = text.strip()
        if not text:
            return QDate()
        for fmt in (self._format, self._format.replace("/", "."), self._format.replace("/", "-")):
            for variant in (fmt, fmt.replace("dd", "d").replace("MM", "M")):
                found = QDate.fromString(text, variant)
                if found.isValid():
                    return found
        found = QDate.fromString(text, Qt.DateFormat.ISODate)
        return found if found.isValid() else QDate()

    def text_is_date(self) -> bool:
        """Empty or a real date; anything else stops the page."""
        return not self.text().strip() or self._date.isValid()

    def _on_text(self, text: str) -> None:
        parsed = self.parse(text)
        if parsed != self._date:
            self._date = parsed
            self.dateChanged.emit(parsed)

    def get_date(self) -> QDate:
        return QDate(self._date)

    def set_date(self, value: QDate) -> None:
        value = QDate(value) if value is not None else QDate()
        if value == self._date and self.text_is_date():
            return
        self.setText(value.toString(self._format) if value.isValid() else "")

    date = Property(QDate, get_date, set_date, notify=dateChanged)


class FlowLayout(QLayout):
    """Lays chips out left to right, wrapping to the next line when the row is full."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt override
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _arrange(self, rect: QRect, move: bool) -> int:
        x, y, line_height = rect.x(), rect.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > rect.right() and line_height > 0:
                x, y = rect.x(), y + line_height + self._gap
                line_height = 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._gap
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y()
