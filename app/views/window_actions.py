"""The main window's commands: one QAction each, with its shortcut, for menus and buttons."""

from __future__ import annotations

from dataclasses import dataclass, fields

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


@dataclass
class WindowActions:
    new_booking: QAction
    book_for_patient: QAction
    edit_patient: QAction
    find_patient: QAction
    merge_patient: QAction
    undo_patient_merge: QAction
    refresh: QAction
    edit_case: QAction
    close_case: QAction
    reopen_case: QAction
    merge_cases: QAction
    undo_merge: QAction
    book_follow_up: QAction
    confirm: QAction
    arrived: QAction
    completed: QAction
    no_show: QAction
    cancel_appointment: QAction
    move_appointment: QAction
    copy_link: QAction
    patient_history: QAction
    case_history: QAction
    appointment_history: QAction

    def all(self) -> list[QAction]:
        return [getattr(self, f.name) for f in fields(self)]


# (field, text, shortcut, tooltip); the names are what a receptionist reads.
SPEC = (
    (
        "new_booking",
        QT_TRANSLATE_NOOP("WindowActions", "&New booking..."),
        "Ctrl+N",
        QT_TRANSLATE_NOOP("WindowActions", "Book an appointment for a new or existing patient"),
    ),
    (
        "book_for_patient",
        QT_TRANSLATE_NOOP("WindowActions", "&Book for patient..."),
        "Ctrl+B",
        QT_TRANSLATE_NOOP("WindowActions", "Book for the selected patient"),
    ),
    (
        "edit_patient",
        QT_TRANSLATE_NOOP("WindowActions", "&Edit patient..."),
        "Ctrl+E",
        QT_TRANSLATE_NOOP("WindowActions", "Change the selected patient's details"),
    ),
    (
        "find_patient",
        QT_TRANSLATE_NOOP("WindowActions", "&Find patient"),
        "Ctrl+F",
        QT_TRANSLATE_NOOP("WindowActions", "Search by name, phone or case ID"),
    ),
    (
        "merge_patient",
        QT_TRANSLATE_NOOP("WindowActions", "Merge with another &record..."),
        "Ctrl+Alt+M",
        QT_TRANSLATE_NOOP(
            "WindowActions", "Merge another record of the same person into this patient"
        ),
    ),
    (
        "undo_patient_merge",
        QT_TRANSLATE_NOOP("WindowActions", "Undo record mer&ge"),
        "Ctrl+Alt+Z",
        QT_TRANSLATE_NOOP(
            "WindowActions", "Separate the last record merged into this patient again"
        ),
    ),
    (
        "refresh",
        QT_TRANSLATE_NOOP("WindowActions", "&Refresh"),
        "F5",
        QT_TRANSLATE_NOOP("WindowActions", "Read the latest records again"),
    ),
    (
        "edit_case",
        QT_TRANSLATE_NOOP("WindowActions", "&Edit case..."),
        "Ctrl+Shift+E",
        QT_TRANSLATE_NOOP(
            "WindowActions", "Correct the selected case's title, referral, notes or body parts"
        ),
    ),
    (
        "close_case",
        QT_TRANSLATE_NOOP("WindowActions", "&Close case"),
        "Ctrl+Shift+C",
        QT_TRANSLATE_NOOP("WindowActions", "Close the selected case; its history stays"),
    ),
    (
        "reopen_case",
        QT_TRANSLATE_NOOP("WindowActions", "&Reopen case"),
        "Ctrl+Shift+R",
        QT_TRANSLATE_NOOP("WindowActions", "Reopen the selected case under the same ID"),
    ),
    (
        "merge_cases",
        QT_TRANSLATE_NOOP("WindowActions", "&Merge cases..."),
        "Ctrl+M",
        QT_TRANSLATE_NOOP("WindowActions", "Merge another case of this patient into this one"),
    ),
    (
        "undo_merge",
        QT_TRANSLATE_NOOP("WindowActions", "&Undo merge"),
        "Ctrl+Shift+Z",
        QT_TRANSLATE_NOOP("WindowActions", "Put the last case merged into this one back"),
    ),
    (
        "book_follow_up",
        QT_TRANSLATE_NOOP("WindowActions", "Book &follow-up..."),
        "Ctrl+Shift+B",
        QT_TRANSLATE_NOOP("WindowActions", "Book another appointment into the selected case"),
    ),
    (
        "confirm",
        QT_TRANSLATE_NOOP("WindowActions", "C&onfirm"),
        "Ctrl+1",
        QT_TRANSLATE_NOOP("WindowActions", "The patient confirmed the appointment"),
    ),
    (
        "arrived",
        QT_TRANSLATE_NOOP("WindowActions", "&Arrived"),
        "Ctrl+2",
        QT_TRANSLATE_NOOP("WindowActions", "The patient is here"),
    ),
    (
        "completed",
        QT_TRANSLATE_NOOP("WindowActions", "Com&pleted"),
        "Ctrl+3",
        QT_TRANSLATE_NOOP("WindowActions", "The visit took place"),
    ),
    (
        "no_show",
        QT_TRANSLATE_NOOP("WindowActions", "No-s&how"),
        "Ctrl+4",
        QT_TRANSLATE_NOOP("WindowActions", "The patient did not come"),
    ),
    (
        "cancel_appointment",
        QT_TRANSLATE_NOOP("WindowActions", "Cance&l appointment..."),
        "Ctrl+5",
        QT_TRANSLATE_NOOP("WindowActions", "Cancel and free the slot"),
    ),
    (
        "move_appointment",
        QT_TRANSLATE_NOOP("WindowActions", "Mo&ve..."),
        "Ctrl+Shift+M",
        QT_TRANSLATE_NOOP(
            "WindowActions", "Move the appointment to another time; it keeps its case and link"
        ),
    ),
    (
        "copy_link",
        QT_TRANSLATE_NOOP("WindowActions", "Copy patient &link"),
        "Ctrl+Shift+L",
        QT_TRANSLATE_NOOP("WindowActions", "Copy the appointment's link"),
    ),
    (
        "patient_history",
        QT_TRANSLATE_NOOP("WindowActions", "&History..."),
        "Ctrl+H",
        QT_TRANSLATE_NOOP("WindowActions", "Who changed or opened this patient, and when"),
    ),
    (
        "case_history",
        QT_TRANSLATE_NOOP("WindowActions", "Case &history..."),
        "Ctrl+Shift+H",
        QT_TRANSLATE_NOOP("WindowActions", "Who changed this case, and when"),
    ),
    (
        "appointment_history",
        QT_TRANSLATE_NOOP("WindowActions", "Appointment &history..."),
        "Ctrl+Alt+H",
        QT_TRANSLATE_NOOP(
            "WindowActions", "Who booked, moved or changed this appointment, and when"
        ),
    ),
)


def build_actions(owner: QWidget) -> WindowActions:
    """Creates every action on `owner`, so each shortcut works anywhere in the window."""
    made = {}
    for name, text, shortcut, tip in SPEC:
        action = QAction(QCoreApplication.translate("WindowActions", text), owner)
        action.setObjectName(f"{name}Action")
        action.setShortcut(QKeySequence(shortcut))
        action.setToolTip(
            f"{QCoreApplication.translate('WindowActions', tip)} ({QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)})"
        )
        owner.addAction(action)
        made[name] = action
    return WindowActions(**made)
