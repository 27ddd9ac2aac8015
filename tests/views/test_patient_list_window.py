"""patientList at scale: a windowed model that reads pages on demand and drops far ones."""

from __future__ import annotations

import pytest

from app.services import demo_data, patients
from app.views import patient_list
from app.views.patient_list import PATIENT_ID_ROLE, PLACEHOLDER, PatientPage
from tests.conftest import new_patient

PATIENTS = 1_000
PAGE = 50
MAX_PAGES = 4


@pytest.fixture
def big_window(qtbot, open_window, db, monkeypatch):
    """The window over a thousand demo patients, with small pages so paging shows."""
    demo_data.generate(db, PATIENTS, seed=5)
    monkeypatch.setattr(patient_list, "PAGE", PAGE)
    monkeypatch.setattr(patient_list, "MAX_PAGES", MAX_PAGES)
    return open_window()


def loaded(model, row: int) -> bool:
    return model.index(row, 0).data(PATIENT_ID_ROLE) is not None


def test_windowed_model_passes_the_model_tester(qtbot, qtmodeltester, big_window):
    model = big_window.patients.model
    qtmodeltester.check(model)
    big_window.patients.list.scrollToBottom()
    qtbot.waitUntil(lambda: loaded(model, model.rowCount() - 1))
    big_window.patients.list.scrollToTop()
    qtbot.waitUntil(lambda: loaded(model, 0))
    qtmodeltester.check(model)


def test_scrolling_to_the_bottom_shows_the_last_patient_and_holds_few_pages(qtbot, big_window, db):
    model, view = big_window.patients.model, big_window.patients.list
    total = patients.search_patients(db, "", 0, 1).total
    assert model.rowCount() == total >= PATIENTS
    assert big_window.patients.count.text() == f"{total:,} patients"
    for row in range(0, total, 97):  # scroll down through the whole list
        view.scrollTo(model.index(row, 0))
        qtbot.waitUntil(lambda row=row: loaded(model, row))
        assert model.loaded_page_count() <= MAX_PAGES
    view.scrollToBottom()
    last_id = patients.search_patients(db, "", total - 1, 1).ids[0]
    (last,) = patients.patient_rows(db, [last_id])
    bottom = model.index(total - 1, 0)
    qtbot.waitUntil(lambda: bottom.data(PATIENT_ID_ROLE) == last_id)
    assert bottom.data() == last.full_name
    assert model.row_of(last_id) == total - 1
    assert model.loaded_row_count() <= MAX_PAGES * PAGE < total


def test_a_row_not_read_yet_shows_a_placeholder_until_its_page_arrives(qtbot, big_window, db):
    model = big_window.patients.model
    row = 7 * PAGE + 3
    assert model.index(row, 0).data() == PLACEHOLDER  # asks for page 7
    assert model.index(row, 0).data(PATIENT_ID_ROLE) is None
    expected = patients.search_patients(db, "", row, 1).ids[0]
    qtbot.waitUntil(lambda: model.index(row, 0).data(PATIENT_ID_ROLE) == expected)


def test_a_page_answer_from_an_older_search_is_dropped(qtbot, big_window, book):
    model = big_window.patients.model
    stale_generation = model._generation  # the empty search, every patient
    model.search("zzzz")
    qtbot.waitUntil(lambda: not model.searching)
    assert model.rowCount() == 0
    # A page of the old search arriving late must neither add rows nor show its patients.
    model._page_in(stale_generation, 0, PatientPage((1, 2, 3), PATIENTS, {}))
    assert model.rowCount() == 0
    assert model.loaded_row_count() == 0
    assert model.row_of(1) == -1


def test_selecting_a_row_before_its_page_arrives_selects_the_right_patient(qtbot, big_window, db):
    pane, model = big_window.patients, big_window.patients.model
    row = 15 * PAGE + 11
    expected = patients.search_patients(db, "", row, 1).ids[0]
    announced: list[int] = []
    pane.patientSelected.connect(announced.append)
    assert not loaded(model, row) or model.row_of(expected) == row
    pane.list.selectRow(row)
    qtbot.waitUntil(lambda: pane.selected_patient_id == expected)
    qtbot.waitUntil(lambda: big_window.record is not None)
    assert big_window.record.patient.id == expected
    assert set(announced) <= {0, expected}
    assert pane.list.currentIndex().row() == row


def test_a_refresh_keeps_the_selected_patient_deep_in_the_list(qtbot, big_window, db):
    pane, model = big_window.patients, big_window.patients.model
    row = 12 * PAGE + 5
    expected = patients.search_patients(db, "", row, 1).ids[0]
    pane.list.scrollTo(model.index(row, 0))
    pane.list.selectRow(row)
    qtbot.waitUntil(lambda: pane.selected_patient_id == expected)
    big_window.refresh()  # read again with nothing changed: the list stays as it is
    qtbot.waitUntil(lambda: not model.searching)
    assert pane.list.currentIndex().row() == row
    assert pane.selected_patient_id == expected
    # Another desk registers a patient who sorts first: every row below moves down by one.
    patients.register_patient(db, new_patient("Aaron", "Aaberg", "+91 98765 43210"))
    qtbot.waitUntil(lambda: model.total == PATIENTS + 1 and not model.searching)
    qtbot.waitUntil(lambda: pane.list.currentIndex().row() == row + 1)
    assert pane.selected_patient_id == expected
    assert model.index(row + 1, 0).data(PATIENT_ID_ROLE) == expected
