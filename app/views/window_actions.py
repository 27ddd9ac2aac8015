"""The main window's commands: one QAction each, with its shortcut, for menus and buttons."""

from __future__ import annotations

from dataclasses import dataclass, fields

from PySide6.QtCore import QCoreApplication
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
        "&New booking...",
        "Ctrl+N",
        "Book an appointment for a new or existing patient",
    ),
    ("book_for_patient", "&Book for patient...", "Ctrl+B", "Book for the selected patient"),
    ("edit_patient", "&Edit patient...", "Ctrl+E", "Change the selected patient's details"),
    ("find_patient", "&Find patient", "Ctrl+F", "Search by name, phone or case ID"),
    (
        "merge_patient",
        "Merge with another &record...",
        "Ctrl+Alt+M",
        "Merge another record of the same person into this patient",
    ),
    (
        "undo_patient_merge",
        "Undo record mer&ge",
        "Ctrl+Alt+Z",
        "Separate the last record merged into this patient again",
    ),
    ("refresh", "&Refresh", "F5", "Read the latest records again"),
    (
        "edit_case",
        "&Edit case...",
        "Ctrl+Shift+E",
        "Correct the selected case's title, referral, notes or body parts",
    ),
    ("close_case", "&Close case", "Ctrl+Shift+C", "Close the selected case; its history stays"),
    ("reopen_case", "&Reopen case", "Ctrl+Shift+R", "Reopen the selected case under the same ID"),
    (
        "merge_cases",
        "&Merge cases...",
        "Ctrl+M",
        "Merge another case of this patient into this one",
    ),
    ("undo_merge", "&Undo merge", "Ctrl+Shift+Z", "Put the last case merged into this one back"),
    (
        "book_follow_up",
        "Book &follow-up...",
        "Ctrl+Shift+B",
        "Book another appointment into the selected case",
    ),
    ("confirm", "C&onfirm", "Ctrl+1", "The patient confirmed the appointment"),
    ("arrived", "&Arrived", "Ctrl+2", "The patient is here"),
    ("completed", "Com&pleted", "Ctrl+3", "The visit took place"),
    ("no_show", "No-s&how", "Ctrl+4", "The patient did not come"),
    ("cancel_appointment", "Cance&l appointment...", "Ctrl+5", "Cancel and free the slot"),
    (
        "move_appointment",
        "Mo&ve...",
        "Ctrl+Shift+M",
        "Move the appointment to another time; it keeps its case and link",
    ),
    ("copy_link", "Copy patient &link", "Ctrl+Shift+L", "Copy the appointment's link"),
    ("patient_history", "&History...", "Ctrl+H", "Who changed or opened this patient, and when"),
    ("case_history", "Case &history...", "Ctrl+Shift+H", "Who changed this case, and when"),
    (
        "appointment_history",
        "Appointment &history...",
        "Ctrl+Alt+H",
        "Who booked, moved or changed this appointment, and when",
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
