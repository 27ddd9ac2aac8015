"""The Outbox view shows why a message was not sent in the desk's language."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.models import OutboxMessage
from app.services import outbox
from app.services.errors import ConflictError
from app.views.outbox_view import COL_WHY
from tests.conftest import new_patient
from tests.mail_server import MailServer
from tests.test_translations import spanish  # noqa: F401 - the fixture
from tests.views.test_outbox_view import desk, open_view  # noqa: F401 - the fixture


def why(view, message_id: int, role=Qt.ItemDataRole.DisplayRole) -> str:
    return view.model.index(view.model.row_of(message_id), COL_WHY).data(role)


def test_a_failed_message_says_why_in_spanish(qtbot, db, book, desk, spanish):  # noqa: F811
    server = MailServer()  # nothing listening: the connection is refused
    refused = book(new_patient=new_patient(email="anita@example.com")).message_id
    broken = book(
        new_patient=new_patient("Ravi", "Kumar", "+91 98123 00001", email="ravi@example.com")
    ).message_id
    with db.writing() as session:  # an address the e-mail library cannot use
        session.get(OutboxMessage, broken).recipient = "ravi-at-nowhere"
    server.configure(db)
    outbox.send_due(db)
    stored = {m.id: m.last_error for m in outbox.list_messages(db)}
    assert stored[broken] == "Not sent: the patient's e-mail address is not valid."
    assert "refused the connection" in stored[refused]  # stored in English, as before

    spanish()
    view = open_view(qtbot, db)
    assert why(view, broken) == "No enviado: el correo electrónico del paciente no es válido."
    text = why(view, refused)
    assert text == (
        f"El servidor de correo 127.0.0.1:{server.port} rechazó la conexión (¿son correctos"
        " el nombre del servidor y el puerto, y está el servidor en marcha?)."
    )
    assert why(view, refused, Qt.ItemDataRole.ToolTipRole) == text

    view.show_failure(ConflictError("This message has already been sent."))
    assert view.status.text() == "Este mensaje ya se envió."
