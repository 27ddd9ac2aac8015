"""The role limits reach the Today desk, the follow-up list's Confirm and drags in the book."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QObject, Qt

from app.services import practitioners
from app.views.reservations_view import ID_ROLE
from tests.conftest import EVERY_DAY, new_patient
from tests.views import test_role_actions
from tests.views.test_book import at, cell_of, open_book, show_day
from tests.views.test_role_actions import sign_in, switch_to

staff = test_role_actions.staff

OWN_BOOK_ONLY = "A practitioner changes appointments in their own book only"


def today_row(panel, appointment_id: int) -> int:
    arrivals = panel.today.list
    rows = [arrivals.item(r).data(Qt.ItemDataRole.UserRole) for r in range(arrivals.count())]
    return rows.index(appointment_id)


def test_a_practitioner_marks_arrivals_at_the_today_desk_in_their_own_book_only(
    qtbot, open_desk, db, staff, book
):
    other = practitioners.add_practitioner(db, "Vikram Shah", EVERY_DAY, 30)
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    own = book(starts_at=now, override=True)  # walk-ins: now may be past or out of hours
    elsewhere = book(
        starts_at=now,
        practitioner_id=other.id,
        new_patient=new_patient("Ravi", "Kumar", "+91 98123 00001"),
        override=True,
    )
    window = open_desk()
    sign_in(qtbot, window, "Asha")
    panel = open_book(qtbot, window)
    today = panel.today
    qtbot.waitUntil(lambda: today.list.count() == 2)

    today.list.setCurrentRow(today_row(panel, own.appointment_id))
    assert today.arrived_button.isEnabled() and today.no_show_button.isEnabled()
    assert today.arrived_button.toolTip() == ""

    today.list.setCurrentRow(today_row(panel, elsewhere.appointment_id))
    assert not today.arrived_button.isEnabled() and not today.no_show_button.isEnabled()
    assert today.arrived_button.toolTip() == OWN_BOOK_ONLY
    marked = []
    today._mark = lambda *args: marked.append(args)
    today.list.setFocus()
    qtbot.keyClick(today.list, Qt.Key.Key_A)  # the key does what the greyed button does
    assert marked == []

    switch_to(qtbot, window, "Ravi")  # reception marks anyone's arrival
    qtbot.waitUntil(lambda: today.arrived_button.isEnabled())
    assert today.arrived_button.toolTip() == ""


def test_a_practitioner_confirms_reservations_in_their_own_book_only(
    qtbot, open_desk, db, staff, book, practitioner
):
    other = practitioners.add_practitioner(db, "Vikram Shah", EVERY_DAY, 30)
    own = book()
    elsewhere = book(
        practitioner_id=other.id, new_patient=new_patient("Ravi", "Kumar", "+91 98123 00001")
    )
    window = open_desk()
    sign_in(qtbot, window, "Asha")
    view = window.messaging.reservations_view
    view.clock = lambda: datetime.now(UTC) + timedelta(hours=25)  # past the 24-hour hold

    def listed() -> set[int]:
        return {view.model.index(r, 0).data(ID_ROLE) for r in range(view.model.rowCount())}

    window.findChild(QObject, "reservationsAction").trigger()
    qtbot.waitUntil(lambda: listed() == {own.appointment_id, elsewhere.appointment_id})
    view.select(own.appointment_id)
    assert view.confirm_button.isEnabled() and view.confirm_button.toolTip() == ""
    view.select(elsewhere.appointment_id)
    assert not view.confirm_button.isEnabled()
    assert view.confirm_button.toolTip() == OWN_BOOK_ONLY
    assert view.whatsapp_button.isEnabled()  # reading and writing to the patient stay


def drag_enabled(index) -> bool:
    return bool(index.flags() & Qt.ItemFlag.ItemIsDragEnabled)


def test_no_drag_starts_in_the_book_for_a_role_that_may_not_move(
    qtbot, open_desk, db, staff, book, practitioner
):
    tomorrow = datetime.now(UTC).date() + timedelta(days=2)
    other = practitioners.add_practitioner(db, "Vikram Shah", EVERY_DAY, 30)
    own = book(starts_at=at(tomorrow, 10))
    elsewhere = book(
        starts_at=at(tomorrow, 10),
        practitioner_id=other.id,
        new_patient=new_patient("Ravi", "Kumar", "+91 98123 00001"),
    )
    window = open_desk()
    sign_in(qtbot, window, "Asha")
    panel = open_book(qtbot, window)
    show_day(qtbot, panel, tomorrow)
    model = panel.model
    for booked in (own, elsewhere):  # a practitioner moves nothing, not even in her own book
        index = cell_of(panel, booked.appointment_id)
        assert not drag_enabled(index)
        panel.view.setCurrentIndex(index)
        panel.view.startDrag(Qt.DropAction.MoveAction)  # nothing draggable: returns at once
    target = model.index(model.row_of_time(at(tomorrow, 14)), 0)
    data = model.mimeData([cell_of(panel, own.appointment_id)])
    asked = []
    model.moveRequested.connect(lambda *args: asked.append(args))
    assert not model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, target)
    assert asked == []

    switch_to(qtbot, window, "Ravi")
    qtbot.waitUntil(lambda: drag_enabled(cell_of(panel, elsewhere.appointment_id)))
    assert drag_enabled(cell_of(panel, own.appointment_id))
