"""A non-blocking banner across the top of the window: a booking's result, or a notice."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QTextDocument
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from app.services.dto import BookingResult
from app.views.appointments_model import clinic_time

STYLES = {
    "success": "background: #e7f5ea; border: 1px solid #7cbf8a; color: #14361d;",
    "info": "background: #e8f0fb; border: 1px solid #8aa9d6; color: #172b4d;",
    "error": "background: #fdecea; border: 1px solid #e0897f; color: #5c1710;",
}


class BookingBanner(QFrame):
    """Stays until closed or replaced; never takes the keyboard from the receptionist."""

    def __init__(self, parent: QWidget | None = None, name: str = "bookingBanner") -> None:
        super().__init__(parent, objectName=name)
        self.text = QLabel(self, objectName=f"{name}Text")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setOpenExternalLinks(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.action_button = QPushButton(self, objectName=f"{name}Action")
        self.action_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.close_button = QToolButton(self, objectName=f"{name}Close")
        self.close_button.setText("✕")
        self.close_button.setToolTip(self.tr("Close this message"))
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.action_button)
        layout.addWidget(self.close_button)
        self.link = ""
        self._action: Callable[[], None] | None = None
        self.action_button.clicked.connect(self._run_action)
        self.hide()

    def show_booking(self, result: BookingResult, zone: ZoneInfo) -> None:
        """Case ID, time in the clinic's zone and the patient's link, with a Copy button."""
        self.link = result.link
        case = self.tr("new case") if result.created_case else self.tr("case")
        text = self.tr("Booked {time} with {who}, {case} <b>{code}</b> ({title}).").format(
            time=escape(clinic_time(result.starts_at, zone)),
            who=escape(result.practitioner_name),
            case=case,
            code=escape(result.case_code),
            title=escape(result.case_title),
        )
        link = f'<a href="{escape(result.link, quote=True)}">{escape(result.link)}</a>'
        self._show("success", f"{text}<br>{self.tr('Link for the patient:')} {link}")
        self._set_action(self.tr("&Copy link"), self.copy_link)

    def show_message(
        self,
        text: str,
        kind: str = "info",
        action_text: str = "",
        action: Callable[[], None] | None = None,
    ) -> None:
        """A plain-words notice; with an action it offers one button (e.g. Undo)."""
        self.link = ""
        self._show(kind, escape(text))
        self._set_action(action_text, action)

    def message(self) -> str:
        """The shown text without markup (what a screen reader reads)."""
        document = QTextDocument()
        document.setHtml(self.text.text())
        return document.toPlainText()

    def copy_link(self) -> None:
        QGuiApplication.clipboard().setText(self.link)
        self.action_button.setText(self.tr("Copied"))

    def _show(self, kind: str, html: str) -> None:
        self.setStyleSheet(f"#{self.objectName()} {{ {STYLES[kind]} border-radius: 4px; }}")
        self.text.setText(html)
        self.show()

    def _set_action(self, text: str, action: Callable[[], None] | None) -> None:
        self._action = action
        self.action_button.setText(text)
        self.action_button.setVisible(action is not None)

    def _run_action(self) -> None:
        if self._action is not None:
            self._action()
