"""The habits every CaseDesk dialog shares: modality, and a size and place it remembers.

One definition serves plain dialogs and the booking wizard alike, so a
receptionist who enlarges a dialog finds it that size the next time.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QWidget, QWizard

from app import config

LAYOUT_FILE = "layout.ini"


def ui_settings() -> QSettings:
    """Window layout lives in the data folder, so tests and the demo never touch a user's."""
    return QSettings(str(config.data_dir() / LAYOUT_FILE), QSettings.Format.IniFormat)


def available_size(widget: QWidget) -> QSize:
    """The room on the widget's screen, less the taskbar (1366x728 on a 1366x768 laptop)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry().size() if screen is not None else QSize(1366, 728)


def fitting_size(widget: QWidget, wanted: QSize) -> QSize:
    """`wanted`, made smaller where the screen is smaller, never below the widget's minimum."""
    room = available_size(widget)
    least = widget.minimumSizeHint()
    return QSize(
        max(min(wanted.width(), room.width()), least.width()),
        max(min(wanted.height(), room.height()), least.height()),
    )


def fit_to_screen(widget: QWidget) -> None:
    """A dialog remembered from a bigger screen (or grown by its contents) is brought back in."""
    fitted = fitting_size(widget, widget.size())
    if fitted != widget.size():
        widget.resize(fitted)


def restore_geometry(widget: QWidget, key: str) -> bool:
    saved = ui_settings().value(f"geometry/{key}")
    if isinstance(saved, QByteArray | bytes) and saved:
        return widget.restoreGeometry(QByteArray(saved))
    return False


def save_geometry(widget: QWidget, key: str) -> None:
    settings = ui_settings()
    settings.setValue(f"geometry/{key}", widget.saveGeometry())
    settings.sync()


def _remembering(base: type) -> type:
    class Remembering(base):  # type: ignore[misc, valid-type]
        """Modal by default; restores its geometry when first shown, saves it when closed."""

        def __init__(self, parent: QWidget | None = None, *, modal: bool = True) -> None:
            super().__init__(parent)
            self.setModal(modal)
            self._geometry_restored = False

        def geometry_key(self) -> str:
            return type(self).__name__

        def showEvent(self, event) -> None:  # noqa: N802 - Qt override
            if not self._geometry_restored:
                self._geometry_restored = True
                restore_geometry(self, self.geometry_key())
                fit_to_screen(self)
            super().showEvent(event)

        def done(self, result: int) -> None:
            if self.isVisible():
                save_geometry(self, self.geometry_key())
            super().done(result)

    Remembering.__name__ = f"CaseDesk{base.__name__[1:]}"
    return Remembering


CaseDeskDialog = _remembering(QDialog)
CaseDeskWizard = _remembering(QWizard)


class SavingDialog(CaseDeskDialog):  # type: ignore[misc, valid-type]
    """A dialog whose Ok hands its work to the runner and waits for the answer.

    While the answer is on its way the buttons are off and Cancel/Esc wait, so the answer
    always finds the dialog. Subclasses have `buttons` and `message` (a FieldMessage).
    """

    saving = False

    def begin_saving(self, text: str) -> None:
        self.saving = True
        self.buttons.setEnabled(False)
        self.message.say(text, serious=False)

    def end_saving(self, error: BaseException | None) -> bool:
        """Closes the dialog on success (True); on a refusal leaves it open to say why."""
        self.saving = False
        self.buttons.setEnabled(True)
        if error is None:
            self.message.say("")
            self.accept()
            return True
        return False

    def reject(self) -> None:
        if not self.saving:
            super().reject()
