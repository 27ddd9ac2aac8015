"""Wizard page 4: everything that will be saved, before "Send link & reserve appointment"."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget, QWizardPage

from app.dialogs.widgets import FieldMessage
from app.services.messages import link_is_set_up

ROWS = ("patient", "case", "bodyParts", "referral", "appointment", "kind", "notes", "link")


class ReviewPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Review"))
        self.setSubTitle(self.tr("This is what will be saved. Go back to change anything."))
        self.values: dict[str, QLabel] = {}
        captions = {
            "patient": self.tr("Patient"),
            "case": self.tr("Case"),
            "bodyParts": self.tr("Body parts"),
            "referral": self.tr("Referral"),
            "appointment": self.tr("Appointment"),
            "kind": self.tr("Type"),
            "notes": self.tr("Notes"),
            "link": self.tr("Link"),
        }
        form = QFormLayout()
        for key in ROWS:
            value = QLabel(objectName=f"review{key[0].upper()}{key[1:]}", wordWrap=True)
            value.setTextFormat(Qt.TextFormat.PlainText)
            self.values[key] = value
            form.addRow(QLabel(f"<b>{captions[key]}</b>"), value)
        self.link_notice = FieldMessage(objectName="reviewLinkNotice")
        self.message = FieldMessage(objectName="bookingError")
        self.progress = QLabel(objectName="bookingProgress")
        self.progress.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.link_notice)
        layout.addStretch(1)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)

    def text(self, key: str) -> str:
        return self.values[key].text()

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        wizard = self.wizard()
        summary = wizard.summary()
        for key in ROWS:
            self.values[key].setText(summary.get(key, ""))
        self.message.say("")
        self.link_notice.say(link_not_set_up_text(wizard.clinic.get("link.template", "")))

    def cleanupPage(self) -> None:  # noqa: N802 - going back keeps everything
        pass

    def say(self, message: str) -> None:
        self.message.say(message)

    def validatePage(self) -> bool:  # noqa: N802
        return self.wizard().finish_booking()


def link_not_set_up_text(template: str) -> str:
    """What the desk is told while the patient link is still a placeholder; '' once it is set."""
    if link_is_set_up(template):
        return ""
    return QCoreApplication.translate(
        "ReviewPage",
        "The patient link is not set up yet: it points to a placeholder address that does not "
        "open anything. Set the clinic's booking address in File > Settings > Clinic.",
    )


def born_text(birth, fmt: str) -> str:
    return QDate(birth).toString(fmt) if birth else ""
