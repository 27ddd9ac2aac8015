"""A real SMTP server (aiosmtpd) on 127.0.0.1 for tests, collecting what it receives."""

from __future__ import annotations

import email
import email.policy
import socket
import threading
from email.message import EmailMessage

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from app.db import Database
from app.services import settings


def free_port() -> int:
    """A port nothing listens on (until a test starts a server there)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Inbox:
    """The aiosmtpd handler: keeps every envelope it accepts."""

    def __init__(self) -> None:
        self.envelopes: list = []
        self._lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802 - aiosmtpd name
        with self._lock:
            self.envelopes.append(envelope)
        return "250 Message accepted"

    def messages(self) -> list[EmailMessage]:
        with self._lock:
            return [
                email.message_from_bytes(e.content, policy=email.policy.default)
                for e in self.envelopes
            ]

    def recipients(self) -> list[str]:
        with self._lock:
            return [r for e in self.envelopes for r in e.rcpt_tos]


class MailServer:
    """Starts and stops an aiosmtpd server on a fixed local port."""

    def __init__(self, port: int | None = None, user: str = "", password: str = "") -> None:
        self.port = port or free_port()
        self.inbox = Inbox()
        self._login = (user, password)
        self._controller: Controller | None = None

    def _authenticate(self, server, session, envelope, mechanism, auth_data) -> AuthResult:
        ok = (
            isinstance(auth_data, LoginPassword)
            and (
                auth_data.login.decode(),
                auth_data.password.decode(),
            )
            == self._login
        )
        return AuthResult(success=ok, handled=False)

    def start(self) -> MailServer:
        kwargs = {}
        if self._login[0]:
            kwargs = {"authenticator": self._authenticate, "auth_require_tls": False}
        self._controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port, **kwargs)
        self._controller.start()
        return self

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def configure(self, db: Database, **extra: str) -> None:
        """Points the clinic's mail settings at this server."""
        values = {
            "smtp.host": "127.0.0.1",
            "smtp.port": str(self.port),
            "smtp.security": "none",
            "smtp.sender": "desk@clinic.example",
            "clinic.name": "Sunrise Physio",
        }
        values.update(extra)
        settings.set_many(db, values)
