"""patientSearch and patientList: search as you type, pages fetched as they scroll in."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.services import demo_data, patients, settings
from app.views.patient_list import PATIENT_ID_ROLE, PatientPage
from tests.conftest import new_patient
from tests.views.conftest import list_names, search


def test_window_title_is_the_clinic_name(qtbot, open_window, db):
    settings.set(db, "clinic.name", "Sunrise Physio")
    window = open_window()
    # The settings are read just after the first paint; wait for that read, not for luck.
    qtbot.waitUntil(lambda: window._first_read_done)
    assert window.windowTitle().startswith("Sunrise Physio")


def test_search_by_name_prefix_phone_digits_and_case_id(qtbot, window, db, book):
    priya = book(new_patient=new_patient("Priya", "Sharma", "+91 98123 45678"))
    book(new_patient=new_patient("Rahul", "Verma", "+91 99887 76655"))
    window.patients.refresh()
    qtbot.waitUntil(lambda: len(list_names(window)) == 2)

    search(qtbot, window, "pri")
    assert list_names(window) == ["Priya Sharma"]
    search(qtbot, window, "verm")
    assert list_names(window) == ["Rahul Verma"]
    search(qtbot, window, "99887")
    assert list_names(window) == ["Rahul Verma"]
    search(qtbot, window, priya.case_code)
    assert list_names(window) == ["Priya Sharma"]
    index = window.patients.model.index(0, 0)
    assert index.data(PATIENT_ID_ROLE) == priya.patient_id
    assert isinstance(index.data(Qt.ItemDataRole.UserRole), int)
    search(qtbot, window, "nobody")
    assert list_names(window) == []
    assert "No patient" in window.patients.count.text()


def test_answer_to_an_older_keystroke_is_dropped(qtbot, window, book):
    book(new_patient=new_patient("Priya", "Sharma"))
    model = window.patients.model
    model.search("zzz")
    stale_generation = model._generation
    model.search("pri")
    qtbot.waitUntil(lambda: not model.searching)
    assert list_names(window) == ["Priya Sharma"]
    # The "zzz" answer arriving late must not replace the newer one.
    model._answer(stale_generation, [0], [PatientPage((), 0, {})])
    assert list_names(window) == ["Priya Sharma"]


def test_rows_are_read_a_page_at_a_time(qtbot, open_window, db):
    demo_data.generate(db, 450, seed=3)
    window = open_window()
    model = window.patients.model
    assert model.total == 450
    assert model.rowCount() == 450  # every match has a row from the start
    assert model.loaded_row_count() < 450  # but only the pages asked for are read
    for row in range(450):
        qtbot.waitUntil(lambda row=row: model.index(row, 0).data(PATIENT_ID_ROLE) is not None)
    ids = [model.index(r, 0).data(PATIENT_ID_ROLE) for r in range(450)]
    assert len(set(ids)) == 450
    assert ids == list(patients.search_patients(db, "", 0, 450).ids)
    assert window.patients.count.text() == "450 patients"


def test_patient_list_model_passes_the_model_tester(qtbot, qtmodeltester, open_window, db):
    demo_data.generate(db, 250, seed=4)
    window = open_window()
    model = window.patients.model
    qtmodeltester.check(model)
    assert model.rowCount() == 250
    qtbot.waitUntil(lambda: model.index(249, 0).data(PATIENT_ID_ROLE) is not None)
    qtmodeltester.check(model)


def test_a_patient_registered_at_another_desk_appears(qtbot, window, db):
    assert list_names(window) == []
    patients.register_patient(db, new_patient("Meera", "Iyer", "+91 98765 43210"))
    window.poll()
    qtbot.waitUntil(lambda: list_names(window) == ["Meera Iyer"])


def test_fits_small_and_large_screens(window):
    hint = window.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 768
    window.resize(1366, 768)
    assert window.size().width() == 1366 and window.size().height() == 768


def test_keyboard_goes_from_search_to_the_list(qtbot, window, book):
    booked = book(new_patient=new_patient("Priya", "Sharma"))
    search(qtbot, window, "pri")
    window.activateWindow()
    window.patients.search.setFocus()
    qtbot.keyClick(window.patients.search, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: window.record is not None)
    assert window.record.patient.id == booked.patient_id
    assert window.patients.list.currentIndex().row() == 0
