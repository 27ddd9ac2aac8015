"""No patient's name, phone or e-mail reaches the log, even when mail and the database fail."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy.exc import DBAPIError

from app import config
from app.models import Patient
from app.services import outbox
from tests.conftest import new_patient
from tests.mail_server import MailServer

FIRST, LAST, PHONE, EMAIL = "Zenobia", "Quartermaine", "+91 98765 43210", "zenobia.q@example.com"
PHONE_DIGITS = "9876543210"


@pytest.fixture
def file_log():
    """The app's log handler on this test's data folder, at DEBUG, removed again afterwards."""
    root = logging.getLogger()
    saved = [h for h in root.handlers if getattr(h, "_casedesk", False)]
    level = root.level
    for handler in saved:
        root.removeHandler(handler)
    path = config.setup_logging(verbose=True)
    # the test's own mail server (aiosmtpd, "mail.log") logs every address it is given;
    # it is not part of CaseDesk
    server_log = logging.getLogger("mail.log")
    server_level = server_log.level
    server_log.setLevel(logging.WARNING)
    yield path
    server_log.setLevel(server_level)
    for handler in [h for h in root.handlers if getattr(h, "_casedesk", False)]:
        root.removeHandler(handler)
        handler.close()
    for handler in saved:
        root.addHandler(handler)
    root.setLevel(level)


def patient_details_in(text: str) -> list[str]:
    return [v for v in (FIRST, LAST, EMAIL, PHONE, PHONE_DIGITS) if v in text]


def test_failing_mail_and_a_failing_write_log_no_patient_details(db, book, file_log):
    down = MailServer()  # nothing listens on its port: the connection is refused
    down.configure(db)
    booked = book(new_patient=new_patient(FIRST, LAST, PHONE, email=EMAIL))
    report = outbox.send_due(db)
    assert report.failed == 1

    # A write the database itself refuses, carrying the patient's details as parameters
    # (a missing phone slipping past the service's checks): PostgreSQL quotes the whole
    # failing row in its error, SQLAlchemy the statement's parameters.
    with pytest.raises(DBAPIError) as caught, db.writing() as session:
        session.add(
            Patient(
                first_name=FIRST,
                last_name=LAST,
                phone=None,
                email=EMAIL,
                name_key=f"{FIRST} {LAST}".lower(),
                last_first_key=f"{LAST} {FIRST}".lower(),
                phone_digits=PHONE_DIGITS,
                national_digits=PHONE_DIGITS,
            )
        )
    # how the window and the command line log an unexpected failure
    logging.getLogger("app.views.runner").error(
        "unexpected error in a background task", exc_info=caught.value
    )
    logging.getLogger("app.cli").exception("unexpected failure", exc_info=caught.value)
    for handler in logging.getLogger().handlers:
        handler.flush()

    text = file_log.read_text(encoding="utf-8")
    assert f"mail <outbox-{booked.message_id}." in text  # the failures were logged, by id
    assert "IntegrityError (details withheld from the log)" in text
    assert "Traceback" in text
    assert patient_details_in(text) == []
    # and the exception itself did carry them: the test would catch a leak
    assert patient_details_in(repr(caught.value.orig) + str(caught.value.params)) != []


class RefusingInbox:
    """An aiosmtpd handler that refuses every recipient, quoting the address as servers do."""

    async def handle_RCPT(self, server, session, envelope, address, options):  # noqa: N802
        return f"550 5.1.1 <{address}>: Recipient address rejected"


def test_a_refused_address_is_kept_on_the_message_but_not_logged(db, book, file_log):
    from aiosmtpd.controller import Controller

    refusing = MailServer()
    controller = Controller(RefusingInbox(), hostname="127.0.0.1", port=refusing.port)
    controller.start()
    try:
        refusing.configure(db)
        booked = book(new_patient=new_patient(FIRST, LAST, PHONE, email=EMAIL))
        assert outbox.send_due(db).failed == 1
    finally:
        controller.stop()
    assert EMAIL in outbox.get_message(db, booked.message_id).last_error  # for the desk
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = file_log.read_text(encoding="utf-8")
    assert f"mail <outbox-{booked.message_id}." in text
    assert patient_details_in(text) == []
