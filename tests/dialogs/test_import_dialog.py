"""File > Import patients...: mapping guessed and editable, preview with problems, import, save."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from app.dialogs.import_dialog import ImportPatientsDialog
from app.models import Patient
from app.services import settings

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture
def dialog(qtbot, db):
    settings.set(db, "clinic.region", "AU")
    shown = ImportPatientsDialog(db)
    qtbot.addWidget(shown)
    shown.open()
    yield shown
    shown.runner.wait()


def patient_count(db) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(Patient))


def loaded(qtbot, dialog, path) -> None:
    dialog.preview = None
    dialog.load(path)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=20_000)


def test_cliniko_export_previewed_imported_and_refused_rows_saved(qtbot, dialog, db, tmp_path):
    export = tmp_path / "cliniko.csv"
    shutil.copy(DATA / "cliniko_patients.csv", export)
    loaded(qtbot, dialog, export)

    assert dialog.combos["first_name"].currentText() == "First Name"
    assert dialog.combos["phone"].currentText() == "Mobile Phone"
    assert dialog.combos["birth_date"].currentText() == "Date of Birth"
    email_cell = dialog.table.item(3, 7)  # line 5: liam@example
    assert email_cell.text().startswith("liam@example\n⚠ The e-mail address")
    assert dialog.table.verticalHeaderItem(3).text() == "5"
    assert "⚠" not in dialog.table.item(0, 7).text()
    assert patient_count(db) == 0  # the preview writes nothing

    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=20_000)

    assert dialog.counts.text() == "Imported 4, skipped 1, refused 3."
    assert dialog.bar.value() == dialog.bar.maximum()
    assert dialog.refused_list.toPlainText().splitlines()[0].startswith("line 5: Email:")
    assert dialog.save_button.isVisibleTo(dialog)
    assert patient_count(db) == 4

    target = tmp_path / "to-fix.csv"
    dialog.save_refused_to(target)
    qtbot.waitUntil(lambda: "saved" in dialog.message.text(), timeout=20_000)
    with target.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0][-1] == "error" and [r[2] for r in rows[1:]] == ["Liam", "Ava", "Noah"]


def test_columns_chosen_by_hand_when_the_header_is_not_recognised(qtbot, dialog, db, tmp_path):
    odd = tmp_path / "odd.csv"
    odd.write_text("Col A;Col B;Col C\nIvy;Chen;0412 333 444\n")
    loaded(qtbot, dialog, odd)
    assert not dialog.import_button.isEnabled()
    assert "first and last names" in dialog.message.text()

    for field, column in (("first_name", 0), ("last_name", 1), ("phone", 2)):
        dialog.preview = None
        dialog.combos[field].setCurrentIndex(column + 1)
        qtbot.waitUntil(lambda: dialog.preview is not None, timeout=20_000)
    assert dialog.mapping()["phone"] == 2
    assert dialog.import_button.isEnabled()

    dialog.start_import()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=20_000)
    assert dialog.counts.text() == "Imported 1, skipped 0, refused 0."
    assert not dialog.save_button.isVisibleTo(dialog)
    assert patient_count(db) == 1


def test_a_file_that_is_not_a_csv_is_said_plainly(qtbot, dialog, tmp_path):
    binary = tmp_path / "scan.csv"
    binary.write_bytes(b"\x00\x01\x02")
    dialog.load(binary)
    qtbot.waitUntil(lambda: "not a CSV" in dialog.message.text(), timeout=20_000)
    assert not dialog.import_button.isEnabled()
