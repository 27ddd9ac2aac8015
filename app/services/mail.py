"""Sending one e-mail with smtplib, and turning every way it can fail into plain words.

The outbox decides *what* to send and *when*; this module only knows how to
talk to the clinic's mail server (no security, STARTTLS or TLS, with a
timeout) and says clearly why a message did not go out.
"""

from __future__ import annotations

import logging
import smtplib
import socket
import ssl
from collections.abc import Callable
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formataddr, make_msgid

from app.services import secrets
from app.services.errors import CaseDeskError
from app.services.words import QT_TRANSLATE_NOOP, say

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 20.0  # seconds; a dead network must not hold a sender for minutes
# Why a message did not go out, in words the outbox stores as they are (English, for the log
# and the other desks) and the Outbox view translates when it shows them (outbox_reasons).
NOT_CONFIGURED = QT_TRANSLATE_NOOP(
    "services",
    "Mail is not set up yet: enter the mail server in Settings. "
    "The message waits here and goes out once it is.",
)
NO_SENDER = QT_TRANSLATE_NOOP(
    "services", "Mail is not set up yet: enter the sender address in Settings."
)
BAD_ADDRESS = QT_TRANSLATE_NOOP("services", "Not sent: the patient's e-mail address is not valid.")
BAD_TEXT = QT_TRANSLATE_NOOP(
    "services", "Not sent: the message text cannot be made into an e-mail ({error})."
)
# A header the e-mail library refuses: (header, has a line break) -> why.
BAD_HEADERS = {
    ("From", True): QT_TRANSLATE_NOOP(
        "services", "Not sent: the clinic name or sender address has a line break ({error})."
    ),
    ("From", False): QT_TRANSLATE_NOOP(
        "services", "Not sent: the clinic name or sender address is not valid ({error})."
    ),
    ("To", True): QT_TRANSLATE_NOOP(
        "services", "Not sent: the patient's e-mail address has a line break ({error})."
    ),
    ("To", False): QT_TRANSLATE_NOOP(
        "services", "Not sent: the patient's e-mail address is not valid ({error})."
    ),
    ("Subject", True): QT_TRANSLATE_NOOP(
        "services", "Not sent: the subject has a line break ({error})."
    ),
    ("Subject", False): QT_TRANSLATE_NOOP(
        "services", "Not sent: the subject is not valid ({error})."
    ),
}
REFUSED = QT_TRANSLATE_NOOP("services", "The mail server refused: {addresses}")
NO_STARTTLS = QT_TRANSLATE_NOOP(
    "services",
    "The mail server {where} does not offer STARTTLS. "
    "Choose another security setting or ask your mail provider.",
)
FAILURES = {
    "sign_in": QT_TRANSLATE_NOOP(
        "services",
        "The mail server {where} refused the user name or password. Check them in Settings.",
    ),
    "unsupported": QT_TRANSLATE_NOOP(
        "services", "The mail server {where} does not support this: {reply}"
    ),
    "recipient": QT_TRANSLATE_NOOP(
        "services", "The mail server refused the patient's address: {addresses}"
    ),
    "sender": QT_TRANSLATE_NOOP(
        "services", "The mail server refused the sender address {sender}: {reply}"
    ),
    "answer": QT_TRANSLATE_NOOP(
        "services", "The mail server {where} answered with an error: {reply}"
    ),
    "closed": QT_TRANSLATE_NOOP(
        "services", "The mail server {where} closed the connection. It will be tried again."
    ),
    "connection": QT_TRANSLATE_NOOP(
        "services",
        "The mail server {where} refused the connection (is the server name and "
        "port right, and is the server running?).",
    ),
    "timeout": QT_TRANSLATE_NOOP(
        "services", "The mail server {where} did not answer in time (no internet, or it is down)."
    ),
    "host": QT_TRANSLATE_NOOP(
        "services", "Cannot find the mail server '{host}' (no internet, or a typo)."
    ),
    "tls": QT_TRANSLATE_NOOP("services", "A secure connection to {where} failed: {reason}."),
    "network": QT_TRANSLATE_NOOP("services", "Cannot reach the mail server {where}: {reason}."),
    "other": QT_TRANSLATE_NOOP("services", "Sending failed: {error}"),
}
TEST_SENT = QT_TRANSLATE_NOOP("services", "The test message was sent to {address}.")
REASONS = (NOT_CONFIGURED, NO_SENDER, BAD_ADDRESS, BAD_TEXT, *BAD_HEADERS.values(), REFUSED)
REASONS += (NO_STARTTLS, *FAILURES.values())


class MailError(CaseDeskError):
    """The mail server could not take the message; `str()` says why in plain words."""


@dataclass(frozen=True)
class MailSettings:
    host: str
    port: int
    security: str  # none, starttls, tls
    username: str
    password: str
    sender: str
    sender_name: str = ""
    timeout: float = DEFAULT_TIMEOUT

    @classmethod
    def from_config(cls, values: dict[str, str], timeout: float = DEFAULT_TIMEOUT) -> MailSettings:
        """The `smtp.*` keys of a settings dict (as `settings.get_all` returns it)."""
        secrets.remember(values.get("smtp.password", ""))
        return cls(
            host=values.get("smtp.host", "").strip(),
            port=int(values.get("smtp.port") or 587),
            security=values.get("smtp.security", "starttls"),
            username=values.get("smtp.username", ""),
            password=values.get("smtp.password", ""),
            sender=values.get("smtp.sender", "").strip(),
            sender_name=values.get("clinic.name", ""),
            timeout=timeout,
        )

    @property
    def configured(self) -> bool:
        return bool(self.host and self.sender)

    @property
    def missing(self) -> str | None:
        """Why mail cannot be sent with these settings, or None when it can be tried."""
        if not self.host:
            return say(NOT_CONFIGURED)
        if not self.sender:
            return say(NO_SENDER)
        return None

    def where(self) -> str:
        return f"{self.host}:{self.port}"


class MessageBuildError(MailError):
    """A stored message cannot become an e-mail (a broken header or address); retrying won't help."""


def build_message(
    settings: MailSettings,
    to: str,
    subject: str,
    body: str,
    calendar: bytes | None = None,
    message_id: str | None = None,
) -> EmailMessage:
    """A plain-text e-mail, with the appointment as an .ics part when given.

    Raises MessageBuildError naming the part that the e-mail library refuses.
    """
    message = EmailMessage()
    sender = (settings.sender_name, settings.sender)
    _header(message, "From", lambda: formataddr(sender))
    _header(message, "To", lambda: to)
    addresses = getattr(message["To"], "addresses", ())
    if len(addresses) != 1 or not addresses[0].domain:
        raise MessageBuildError(say(BAD_ADDRESS))
    _header(message, "Subject", lambda: subject)
    message["Message-ID"] = message_id or make_msgid(domain=_domain(settings.sender))
    try:
        message.set_content(body)
        if calendar is not None:
            # text/calendar with method=PUBLISH: mail programs offer "add to calendar".
            message.add_attachment(
                calendar,
                maintype="text",
                subtype="calendar",
                filename="appointment.ics",
                params={"method": "PUBLISH"},
            )
    except Exception as exc:  # noqa: BLE001 - whatever the library refuses, say so and go on
        raise MessageBuildError(say(BAD_TEXT, error=type(exc).__name__)) from None
    return message


def _header(message: EmailMessage, name: str, value: Callable[[], str]) -> None:
    """Sets one header; the e-mail library's refusal (any exception) becomes plain words."""
    try:
        message[name] = value()
        str(message[name])  # parsing is lazy in places: make it parse now
    except Exception as exc:  # noqa: BLE001 - ValueError, HeaderParseError, even AttributeError
        why = BAD_HEADERS[(name, "linefeed" in str(exc))]
        raise MessageBuildError(say(why, error=type(exc).__name__)) from None


def _domain(address: str) -> str:
    return address.rpartition("@")[2] or "casedesk.local"


def send(settings: MailSettings, message: EmailMessage) -> None:
    """Hands the message to the mail server; raises MailError saying why it did not."""
    reason = settings.missing
    if reason:
        raise MailError(reason)
    try:
        with _connect(settings) as smtp:
            if settings.username:
                smtp.login(settings.username, settings.password)
            refused = smtp.send_message(message)
    except MailError:
        raise
    except Exception as exc:  # every failure becomes one plain sentence
        text = secrets.redact(describe_failure(settings, exc))
        log.warning("mail %s not sent: %s", message["Message-ID"], _loggable(exc, text))
        raise MailError(text) from None
    if refused:
        raise MailError(say(REFUSED, addresses=", ".join(sorted(refused))))


def _loggable(exc: BaseException, text: str) -> str:
    """The reason for the log, unless it may quote the patient's address (the server's reply)."""
    if isinstance(exc, smtplib.SMTPAuthenticationError | smtplib.SMTPServerDisconnected) or (
        isinstance(exc, OSError) and not isinstance(exc, smtplib.SMTPException)
    ):
        return text  # the connection or sign-in failed: names the server, never the patient
    return f"{type(exc).__name__} (the server's reply is kept on the message, not in the log)"


def _connect(settings: MailSettings) -> smtplib.SMTP:
    context = ssl.create_default_context()
    if settings.security == "tls":
        return smtplib.SMTP_SSL(
            settings.host, settings.port, timeout=settings.timeout, context=context
        )
    smtp = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
    if settings.security == "starttls":
        try:
            smtp.ehlo()
            if not smtp.has_extn("starttls"):
                raise MailError(say(NO_STARTTLS, where=settings.where()))
            smtp.starttls(context=context)
        except BaseException:
            smtp.close()
            raise
    return smtp


def describe_failure(settings: MailSettings, exc: BaseException) -> str:
    """What went wrong, in words a receptionist can act on."""
    where = settings.where()
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return say(FAILURES["sign_in"], where=where)
    if isinstance(exc, smtplib.SMTPNotSupportedError):
        return say(FAILURES["unsupported"], where=where, reply=_reply(exc))
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return say(FAILURES["recipient"], addresses=", ".join(exc.recipients))
    if isinstance(exc, smtplib.SMTPSenderRefused):
        return say(FAILURES["sender"], sender=exc.sender, reply=_reply(exc))
    if isinstance(exc, smtplib.SMTPResponseException):
        return say(FAILURES["answer"], where=where, reply=_reply(exc))
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return say(FAILURES["closed"], where=where)
    if isinstance(exc, ConnectionRefusedError):
        return say(FAILURES["connection"], where=where)
    if isinstance(exc, TimeoutError | socket.timeout):
        return say(FAILURES["timeout"], where=where)
    if isinstance(exc, socket.gaierror):
        return say(FAILURES["host"], host=settings.host)
    if isinstance(exc, ssl.SSLError):
        return say(FAILURES["tls"], where=where, reason=str(exc.reason or exc))
    if isinstance(exc, OSError):
        return say(FAILURES["network"], where=where, reason=str(exc.strerror or exc))
    return say(FAILURES["other"], error=str(exc))


def _reply(exc: smtplib.SMTPResponseException) -> str:
    text = exc.smtp_error
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return f"{exc.smtp_code} {text}".strip()


def send_test_message(values: dict[str, str], to: str) -> str:
    """Sends a short test e-mail with the given (possibly unsaved) settings to `to`.

    Every `smtp.*` value is validated first, so a typo is named before any
    connection is tried. Returns a plain-words confirmation; raises
    ValidationError or MailError.
    """
    from email_validator import EmailNotValidError, validate_email

    from app.services import settings
    from app.services.errors import ValidationError

    clean = {k: settings.validate(k, v) for k, v in values.items() if k in settings.KEYS}
    try:
        address = validate_email(to.strip(), check_deliverability=False).normalized
    except EmailNotValidError as exc:
        raise ValidationError(
            "testRecipient",
            say(QT_TRANSLATE_NOOP("services", "Not an e-mail address: {why}"), why=str(exc)),
        ) from None
    settings.check_mail_security(clean)
    config = MailSettings.from_config(clean)
    clinic = config.sender_name or "CaseDesk"
    body = (
        f"This is a test message from {clinic}.\n\n"
        "If you can read it, patients will receive their appointment links by e-mail.\n"
    )
    send(config, build_message(config, address, f"Test message from {clinic}", body))
    return say(TEST_SENT, address=address)
