"""The Outbox view and the background sender, against a real SMTP server.

The view reads off the UI thread and keeps itself up to date from the change bus,
so the tests wait for its answers rather than expecting them at once.
"""

from __future__ import annotations

import pytest

from app.services import outbox
from app.views.desk import desk_for
from app.views.outbox_sender import OutboxSender
from app.views.outbox_view import COL_STATE, COL_WHY, ID_ROLE, STATUS_ROLE, OutboxView
from tests.conftest import new_patient
from tests.mail_server import MailServer


@pytest.fixture
def queued(db, book):
    ids = []
    for n in range(3):
        patient = new_patient(f"P{n}", "Desk", f"+91 98123 0000{n}", email=f"p{n}@example.com")
        ids.append(book(new_patient=patient).message_id)
    return ids


@pytest.fixture
def desk(db):
    """The desk the views find for `db`; closed before the database, so no answer is late."""
    desk = desk_for(db)
    yield desk
    desk.close()


def open_view(qtbot, db, sender=None) -> OutboxView:
    """A shown view (a hidden one only reads again when shown), its first answer in."""
    widget = OutboxView(db, sender, load=False)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.loaded):
        widget.show()
    return widget


@pytest.fixture
def view(qtbot, db, desk):
    return open_view(qtbot, db)


def states(view) -> dict[int, str]:
    model = view.model
    return {
        model.data(model.index(r, 0), ID_ROLE): model.data(model.index(r, 0), STATUS_ROLE)
        for r in range(model.rowCount())
    }


def test_model_passes_the_model_tester(qtmodeltester, db, queued, view):
    qtmodeltester.check(view.model)
    assert view.model.rowCount() == 3


def test_lists_states_and_why(qtbot, db, queued, view):
    MailServer().configure(db)  # nothing listening: every try fails
    outbox.send_due(db)
    outbox.cancel(db, queued[0])
    view.refresh()
    qtbot.waitUntil(
        lambda: states(view) == {queued[0]: "cancelled", queued[1]: "failed", queued[2]: "failed"}
    )
    row = view.model.row_of(queued[1])
    assert view.model.index(row, COL_STATE).data() == "Failed, will retry"
    assert "refused the connection" in view.model.index(row, COL_WHY).data()


def test_retry_and_cancel_buttons(qtbot, db, queued, view):
    view.select(queued[2])
    assert view.cancel_button.isEnabled()
    view.cancel_button.click()  # no refresh asked for: the change bus brings the new state
    qtbot.waitUntil(lambda: states(view)[queued[2]] == "cancelled")
    assert outbox.get_message(db, queued[2]).status == "cancelled"
    assert "cancelled" in view.status.text()
    assert not view.cancel_button.isEnabled() and view.retry_button.isEnabled()
    view.retry_button.click()
    qtbot.waitUntil(lambda: states(view)[queued[2]] == "pending")
    assert view.selected_id() == queued[2]


def test_cancel_of_a_sent_message_is_refused_in_plain_words(qtbot, db, queued, view):
    server = MailServer().start()
    try:
        server.configure(db)
        outbox.send_due(db)
    finally:
        server.stop()
    qtbot.waitUntil(lambda: states(view)[queued[0]] == "sent")  # heard from the bus
    view.select(queued[0])
    assert not view.cancel_button.isEnabled()
    view.act(outbox.cancel)  # as if the button were still enabled
    qtbot.waitUntil(lambda: view.status.text() == "This message has already been sent.")
    assert outbox.get_message(db, queued[0]).status == "sent"


def test_not_configured_says_so(db, queued, view):
    assert "not set up" in view.notice.text() and not view.notice.isHidden()


def test_set_up_mail_hides_the_notice_by_itself(qtbot, db, queued, view):
    MailServer().configure(db)
    qtbot.waitUntil(view.notice.isHidden)


def test_a_hidden_view_reads_again_only_when_shown(qtbot, db, queued, desk, view):
    view.hide()
    with qtbot.waitSignal(desk.bus.changed):
        outbox.cancel(db, queued[0])
    assert not desk.runner.busy(view.topic)  # heard, but nobody looks at the list: not read
    assert states(view)[queued[0]] == "pending"
    view.show()
    qtbot.waitUntil(lambda: states(view)[queued[0]] == "cancelled")


def test_background_sender_delivers_off_the_ui_thread(qtbot, db, queued, desk):
    server = MailServer().start()
    sender = OutboxSender(db, interval_ms=60_000)
    view = open_view(qtbot, db, sender)
    try:
        server.configure(db)
        with qtbot.waitSignal(sender.passFinished, timeout=20_000) as blocker:
            sender.start()
        assert blocker.args[0].sent == 3
        qtbot.waitUntil(lambda: set(states(view).values()) == {"sent"})
        assert "Sent 3, failed 0" in view.status.text()
        with qtbot.waitSignal(sender.passFinished, timeout=20_000) as again:
            view.send_button.click()
        assert again.args[0].attempts == ()
    finally:
        sender.stop()
        server.stop()
    assert not sender.running
    assert sorted(server.inbox.recipients()) == [
        "p0@example.com",
        "p1@example.com",
        "p2@example.com",
    ]


def test_sender_keeps_going_after_the_server_comes_back(qtbot, db, queued, desk):
    server = MailServer()
    server.configure(db)
    sender = OutboxSender(db, interval_ms=60_000)
    try:
        with qtbot.waitSignal(sender.passFinished, timeout=20_000) as first:
            sender.start()
        assert first.args[0].failed == 3
        server.start()
        for message_id in queued:
            outbox.retry_now(db, message_id)
        with qtbot.waitSignal(sender.passFinished, timeout=20_000) as second:
            sender.send_now()
        assert second.args[0].sent == 3
    finally:
        sender.stop()
        server.stop()
    assert len(server.inbox.envelopes) == 3
