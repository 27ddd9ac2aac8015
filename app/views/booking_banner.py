"""A non-blocking banner across the top of the window: a booking's result, or a notice."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QPixmap, QTextDocument
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from app.services.dto import BookingResult, CaseInfo
from app.views.appointments_model import clinic_time

STYLES = {
    "success": "background: #e7f5ea; border: 1px solid #7cbf8a; color: #14361d;",
    "info": "background: #e8f0fb; border: 1px solid #8aa9d6; color: #172b4d;",
    "error": "background: #fdecea; border: 1px solid #e0897f; color: #5c1710;",
}

# Still scannable by a phone held up to the screen, and the banner stays low at 1366x768.
QR_SIDE = 112


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
        self._build_patient_message(layout, name)
        layout.addWidget(self.action_button)
        layout.addWidget(self.close_button)
        self.link = ""
        self._booking: BookingResult | None = None
        self._zone = ZoneInfo("UTC")
        self._merged_into: CaseInfo | None = None  # where the booked case went, once merged
        self._action: Callable[[], None] | None = None
        self.action_button.clicked.connect(self._run_action)
        self.hide()

    def show_booking(self, result: BookingResult, zone: ZoneInfo) -> None:
        """Case ID, time in the clinic's zone and the patient's link, with a Copy button."""
        self._hide_patient_message()
        self._booking, self._zone, self._merged_into = result, zone, None
        self._show_booking_text()
        self._set_action(self.tr("&Copy link"), self.copy_link)

    def _show_booking_text(self) -> None:
        result, merged_into = self._booking, self._merged_into
        self.link = result.link
        if merged_into is not None:
            case = self.tr("case <b>{code}</b> ({title}), which {old} was merged into").format(
                code=escape(merged_into.code),
                title=escape(merged_into.title),
                old=escape(result.case_code),
            )
        else:
            case = (self.tr("new case") if result.created_case else self.tr("case")) + (
                f" <b>{escape(result.case_code)}</b> ({escape(result.case_title)})"
            )
        text = self.tr("Booked {time} with {who}, {case}.").format(
            time=escape(clinic_time(result.starts_at, self._zone)),
            who=escape(result.practitioner_name),
            case=case,
        )
        link = f'<a href="{escape(result.link, quote=True)}">{escape(result.link)}</a>'
        self._show("success", f"{text}<br>{self.tr('Link for the patient:')} {link}")

    def follow_cases(self, patient_id: int, cases: tuple[CaseInfo, ...]) -> None:
        """Keeps the booking's case ID true after its case was merged (or the merge undone)."""
        result = self._booking
        if result is None or result.patient_id != patient_id or not self.isVisible():
            return
        merged_into = next((c for c in cases if result.case_code in c.merged_codes), None)
        if merged_into != self._merged_into:
            self._merged_into = merged_into
            self._show_booking_text()

    def show_message(
        self,
        text: str,
        kind: str = "info",
        action_text: str = "",
        action: Callable[[], None] | None = None,
    ) -> None:
        """A plain-words notice; with an action it offers one button (e.g. Undo)."""
        self.link = ""
        self._booking = None
        self._hide_patient_message()
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

    # --- the message without e-mail: QR code, copy, WhatsApp ------------------------------

    def _build_patient_message(self, layout: QHBoxLayout, name: str) -> None:
        self.qr = QLabel(self, objectName=f"{name}Qr")
        self.qr.setToolTip(self.tr("The patient can scan the link with a phone camera"))
        self.copy_message_button = QPushButton(
            self.tr("Copy &message"), self, objectName=f"{name}CopyMessage"
        )
        self.whatsapp_button = QPushButton(
            self.tr("Open in &WhatsApp"), self, objectName=f"{name}WhatsApp"
        )
        for widget in (self.qr, self.copy_message_button, self.whatsapp_button):
            widget.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            layout.addWidget(widget)
        self.copy_message_button.clicked.connect(self.copy_message)
        self.whatsapp_button.clicked.connect(self.open_whatsapp)
        self.message_text = ""
        self.whatsapp_url = ""
        self._hide_patient_message()

    def show_patient_message(self, text: str, whatsapp_url: str, qr_png: bytes) -> None:
        """Adds the QR code of the link, "Copy message" and "Open in WhatsApp" to a booking."""
        self.message_text, self.whatsapp_url = text, whatsapp_url
        pixmap = QPixmap()
        if pixmap.loadFromData(qr_png, "PNG"):
            side = min(QR_SIDE, pixmap.width())  # crisp module edges: no smoothing
            self.qr.setPixmap(pixmap.scaled(side, side, Qt.AspectRatioMode.KeepAspectRatio))
            self.qr.show()
        self.copy_message_button.show()
        self.whatsapp_button.setVisible(bool(whatsapp_url))

    def copy_message(self) -> None:
        QGuiApplication.clipboard().setText(self.message_text)
        self.copy_message_button.setText(self.tr("Message copied"))

    def open_whatsapp(self) -> None:
        """Opens WhatsApp (app or web) with the patient's chat and the message typed in."""
        if not QDesktopServices.openUrl(QUrl(self.whatsapp_url)):
            self.copy_message()

    def _hide_patient_message(self) -> None:
        self.message_text = self.whatsapp_url = ""
        self.qr.clear()
        self.copy_message_button.setText(self.tr("Copy &message"))
        for widget in (self.qr, self.copy_message_button, self.whatsapp_button):
            widget.hide()
