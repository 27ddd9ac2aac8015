"""History: who did what to a patient, in plain words, read off the UI thread."""

from __future__ import annotations

from dataclasses import replace

from app.dialogs.history_dialog import HistoryDialog
from app.services import audit, patients
from tests.conftest import new_patient
from tests.views.conftest import select_patient


def all_texts(tree) -> list[str]:
    texts = []
    for i in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(i)
        texts.append(" | ".join(item.text(c) for c in range(3)))
        texts.extend(item.child(j).text(2) for j in range(item.childCount()))
    return texts


def test_patient_history_says_who_changed_what_in_plain_words(qtbot, window, db, book):
    booked = book()
    patients.update_patient(db, booked.patient_id, replace(new_patient(), phone="+91 98765 43210"))
    window.refresh()
    select_patient(qtbot, window, booked.patient_id)
    qtbot.waitUntil(lambda: window.actions.patient_history.isEnabled())
    window.actions.patient_history.trigger()
    qtbot.waitUntil(lambda: window.findChild(HistoryDialog) is not None)
    dialog = window.findChild(HistoryDialog)
    qtbot.waitUntil(lambda: dialog.status.property("loaded") is True, timeout=20_000)
    texts = all_texts(dialog.entries)
    assert any("Changed the patient's details" in t for t in texts), texts
    assert any(t.startswith("phone:") and "→" in t for t in texts), texts
    assert any("Booked appointment" in t for t in texts), texts
    assert any(audit.current_actor() in t for t in texts), texts
    assert not any("{" in t for t in texts), texts  # words, not JSON
    dialog.close()
