"""Configuration keys, stored in the database so every desk shares them; each is validated."""

from __future__ import annotations

import ipaddress
import re
import string
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import phonenumbers
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database
from app.models import Setting
from app.services import audit, secrets
from app.services.errors import ValidationError
from app.services.messages import (  # noqa: F401 - link_is_set_up is used via settings
    DEFAULT_BODY,
    DEFAULT_SUBJECT,
    PLACEHOLDER_LINK_HOSTS,
    PLACEHOLDERS,
    link_is_set_up,
)
from app.services.permissions import Permission, require
from app.services.validation import check_text
from app.services.words import QT_TRANSLATE_NOOP, say

SECRET_KEYS = {"smtp.password"}


def _one_line(key: str, value: str) -> None:
    """A line break in a mail header would end the header and start another (or break it)."""
    if "\n" in value or "\r" in value:
        raise ValidationError(
            key,
            say(QT_TRANSLATE_NOOP("services", "{key} must be one line (no line breaks)."), key=key),
        )


def _text(limit: int, required: bool = False, one_line: bool = False) -> Callable[[str, str], str]:
    def check(key: str, value: str) -> str:
        value = value.strip()
        if one_line:
            _one_line(key, value)
        if required and not value:
            raise ValidationError(
                key, say(QT_TRANSLATE_NOOP("services", "{key} cannot be empty."), key=key)
            )
        if len(value) > limit:
            raise ValidationError(
                key,
                say(
                    QT_TRANSLATE_NOOP(
                        "services", "{key} is too long (at most {limit} characters)."
                    ),
                    key=key,
                    limit=limit,
                ),
            )
        return value

    return check


def _region(key: str, value: str) -> str:
    value = value.strip().upper()
    if value not in phonenumbers.SUPPORTED_REGIONS:
        raise ValidationError(
            key,
            say(
                QT_TRANSLATE_NOOP(
                    "services", "'{value}' is not a region code such as IN, GB or US."
                ),
                value=value,
            ),
        )
    return value


# The languages CaseDesk has a translation for (resources/translations/casedesk_<code>.qm).
LANGUAGES = {"en": "English", "es": "Español"}


def _language(key: str, value: str) -> str:
    value = value.strip().lower()
    if value not in LANGUAGES:
        raise ValidationError(
            key,
            say(
                QT_TRANSLATE_NOOP(
                    "services", "'{value}' is not a language CaseDesk speaks: choose {codes}."
                ),
                value=value,
                codes=" or ".join(LANGUAGES),
            ),
        )
    return value


def _timezone(key: str, value: str) -> str:
    value = value.strip()
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(
            key,
            say(
                QT_TRANSLATE_NOOP(
                    "services",
                    "'{value}' is not a time zone name such as Asia/Kolkata or Europe/London.",
                ),
                value=value,
            ),
        ) from None
    return value


def _placeholders(template: str) -> set[str]:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}
    except ValueError:
        return {"<broken>"}


def _link_template(key: str, value: str) -> str:
    value = value.strip()
    names = _placeholders(value)
    unknown = names - {"token", "case_id", "appointment_id"}
    if unknown:
        raise ValidationError(
            key,
            say(
                QT_TRANSLATE_NOOP(
                    "services",
                    "The link may only use {token}, {case_id} and {appointment_id} as placeholders.",
                ),
                token="{token}",
                case_id="{case_id}",
                appointment_id="{appointment_id}",
            ),
        )
    if "token" not in names:
        raise ValidationError(
            key,
            say(
                QT_TRANSLATE_NOOP(
                    "services",
                    "The link must contain {token}, so each patient's link is their own.",
                ),
                token="{token}",
            ),
        )
    try:
        sample = value.format(token="t", case_id="C-00001", appointment_id="1")
    except (ValueError, IndexError, KeyError):  # e.g. a format spec such as {token:%}
        raise ValidationError(
            key,
            say(
                QT_TRANSLATE_NOOP("services", "The link has a broken placeholder; write {token}."),
                token="{token}",
            ),
        ) from None
    parts = urlsplit(sample)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValidationError(
            key,
            say(
                QT_TRANSLATE_NOOP(
                    "services", "The link must be a web address starting with http:// or https://."
                )
            ),
        )
    return value


def _port(key: str, value: str) -> str:
    value = value.strip()
    if not value.isdigit() or not 1 <= int(value) <= 65535:
        raise ValidationError(
            key,
            say(
                QT_TRANSLATE_NOOP("services", "'{value}' is not a port number (1 to 65535)."),
                value=value,
            ),
        )
    return str(int(value))


def _security(key: str, value: str) -> str:
    value = value.strip().lower()
    if value not in ("none", "starttls", "tls"):
        raise ValidationError(
            key, say(QT_TRANSLATE_NOOP("services", "Mail security must be none, starttls or tls."))
        )
    return value


_HOST = re.compile(r"^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$|^\[?[0-9a-fA-F:.]+\]?$")


def _host(key: str, value: str) -> str:
    value = value.strip()
    if value and not _HOST.match(value):
        raise ValidationError(
            key,
            say(
                QT_TRANSLATE_NOOP("services", "'{value}' is not a server name or address."),
                value=value,
            ),
        )
    return value


def _sender(key: str, value: str) -> str:
    # Imported here, not at the top: email_validator costs ~40 ms of every start-up.
    from email_validator import EmailNotValidError, validate_email

    value = value.strip()
    if not value:
        return value
    try:
        return validate_email(value, check_deliverability=False).normalized
    except EmailNotValidError as exc:
        raise ValidationError(
            key,
            say(
                QT_TRANSLATE_NOOP("services", "The sender is not an e-mail address: {why}"),
                why=str(exc),
            ),
        ) from None


def _hours(key: str, value: str) -> str:
    value = value.strip()
    if not value.isdigit() or not 1 <= int(value) <= 24 * 14:
        raise ValidationError(
            key,
            say(
                QT_TRANSLATE_NOOP(
                    "services", "The hold must be a whole number of hours, from 1 to 336."
                )
            ),
        )
    return str(int(value))


def _choice(*allowed: str) -> Callable[[str, str], str]:
    def check(key: str, value: str) -> str:
        value = value.strip().lower()
        if value not in allowed:
            raise ValidationError(
                key,
                say(
                    QT_TRANSLATE_NOOP("services", "Choose one of: {choices}."),
                    choices=", ".join(allowed),
                ),
            )
        return value

    return check


def _idle_minutes(key: str, value: str) -> str:
    value = value.strip()
    if not value.isdigit() or not 1 <= int(value) <= 240:
        raise ValidationError(
            key,
            say(
                QT_TRANSLATE_NOOP(
                    "services", "The idle lock must be a whole number of minutes, from 1 to 240."
                )
            ),
        )
    return str(int(value))


def _message_template(key: str, value: str) -> str:
    unknown = _placeholders(value) - {*PLACEHOLDERS}
    if unknown:
        raise ValidationError(
            key,
            say(
                QT_TRANSLATE_NOOP(
                    "services", "Unknown placeholder in the message: {unknown}. Use: {known}."
                ),
                unknown=", ".join(sorted("{" + n + "}" for n in unknown)),
                known=", ".join("{" + n + "}" for n in PLACEHOLDERS),
            ),
        )
    if not value.strip():
        raise ValidationError(
            key, say(QT_TRANSLATE_NOOP("services", "The message cannot be empty."))
        )
    try:  # a format spec such as {first_name:d} would otherwise fail every booking later
        value.format(**{name: "x" for name in PLACEHOLDERS})
    except (ValueError, IndexError, KeyError):
        raise ValidationError(
            key,
            say(
                QT_TRANSLATE_NOOP(
                    "services",
                    "The message has a broken placeholder; write placeholders like {first_name}.",
                ),
                first_name="{first_name}",
            ),
        ) from None
    return value


# Leaves room in the stored subject (300 characters) for the placeholders' values.
SUBJECT_LIMIT = 200


def _subject_template(key: str, value: str) -> str:
    _one_line(key, value.strip())
    if len(value.strip()) > SUBJECT_LIMIT:
        raise ValidationError(
            key,
            say(
                QT_TRANSLATE_NOOP(
                    "services", "The subject is too long (at most {limit} characters)."
                ),
                limit=SUBJECT_LIMIT,
            ),
        )
    return _message_template(key, value)


@dataclass(frozen=True)
class Key:
    name: str
    default: str
    check: Callable[[str, str], str]
    meaning: str


KEYS: dict[str, Key] = {
    k.name: k
    for k in (
        Key("clinic.name", "", _text(100, one_line=True), "shown in messages and window title"),
        Key("clinic.region", "IN", _region, "ISO 3166 region for phone numbers"),
        Key("clinic.timezone", "Asia/Kolkata", _timezone, "IANA time zone"),
        Key("clinic.language", "en", _language, "language of the window: en or es"),
        Key(
            "link.template",
            "https://booking.example.com/a/{token}",
            _link_template,
            "URL sent to the patient",
        ),
        Key("smtp.host", "", _host, "outgoing mail server"),
        Key("smtp.port", "587", _port, "outgoing mail port"),
        Key("smtp.security", "starttls", _security, "none, starttls or tls"),
        Key("smtp.username", "", _text(254, one_line=True), "mail account user"),
        Key("smtp.password", "", _text(1000), "mail account password"),
        Key("smtp.sender", "", _sender, "From address of patient messages"),
        Key("reservation.hold_hours", "24", _hours, "hours a reservation waits for confirmation"),
        Key(
            "message.subject",
            DEFAULT_SUBJECT,
            _subject_template,
            "patient message subject template",
        ),
        Key("message.body", DEFAULT_BODY, _message_template, "patient message body template"),
        Key(
            "referral.limit",
            "warn",
            _choice("warn", "block"),
            "past a referral's sessions or date: warn or block",
        ),
        Key(
            "referral.count_missed",
            "no",
            _choice("no", "yes"),
            "cancelled and no-show appointments use a referral session",
        ),
        Key(
            "security.idle_lock_minutes",
            "5",
            _idle_minutes,
            "minutes without input before the desk locks (with staff accounts)",
        ),
    )
}


def _key(name: str) -> Key:
    try:
        return KEYS[name]
    except KeyError:
        raise ValidationError(
            "key",
            say(
                QT_TRANSLATE_NOOP("services", "Unknown setting '{name}'. Known settings: {known}."),
                name=name,
                known=", ".join(KEYS),
            ),
        ) from None


def read_all(session: Session) -> dict[str, str]:
    """Every key with its value or default, inside an existing session."""
    stored = dict(session.execute(select(Setting.key, Setting.value)).all())
    return {name: stored.get(name, key.default) for name, key in KEYS.items()}


def get_all(db: Database) -> dict[str, str]:
    """Every configuration key with its current value (defaults filled in)."""
    with db.reading() as session:
        values = read_all(session)
    secrets.remember(values.get("smtp.password", ""))
    return values


def get(db: Database, name: str) -> str:
    """One key's value, or its default when never set; refuses unknown keys."""
    _key(name)
    return get_all(db)[name]


def validate(name: str, value: str) -> str:
    """The normalised value, or a ValidationError naming the key."""
    key = _key(name)
    check_text(name, value, f"value of {name}")  # a NUL cannot be stored by PostgreSQL
    return key.check(name, value)


def set_many(db: Database, values: dict[str, str]) -> dict[str, str]:
    """Validates every value first, then stores them all in one transaction."""
    clean = {name: validate(name, value) for name, value in values.items()}
    with db.writing() as session:
        require(session, Permission.SETTINGS)
        store(session, clean)
    if "smtp.password" in clean:
        secrets.remember(clean["smtp.password"])
    return clean


LOOPBACK_NAMES = {"localhost", "localhost.localdomain"}


def is_loopback(host: str) -> bool:
    """Whether `host` names this computer (127.0.0.0/8, ::1, localhost)."""
    host = host.strip().strip("[]").lower().rstrip(".")
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_mail_security(values: dict[str, str]) -> None:
    """Refuses a password sent unencrypted to another computer (security none, remote host)."""
    if (
        values.get("smtp.security") == "none"
        and values.get("smtp.password")
        and not is_loopback(values.get("smtp.host", ""))
    ):
        raise ValidationError(
            "smtp.security",
            say(
                QT_TRANSLATE_NOOP(
                    "services",
                    "Mail security 'none' would send the password unencrypted to {host}: "
                    "choose starttls or tls (none is only for a mail server on this computer).",
                ),
                host=values.get("smtp.host")
                or say(QT_TRANSLATE_NOOP("services", "the mail server")),
            ),
        )


def store(session: Session, clean: dict[str, str]) -> None:
    """Writes already validated values, with an audit entry each, inside `session`.

    Raises ValidationError (nothing written) when the values together with the
    stored ones would send the mail password unencrypted to another computer.
    """
    if any(name.startswith("smtp.") for name in clean):
        check_mail_security({**read_all(session), **clean})
    for name, value in clean.items():
        row = session.get(Setting, name)
        before = None if row is None else row.value
        if row is None:
            session.add(Setting(key=name, value=value))
        else:
            row.value = value
        shown = (lambda v: "********" if v else "") if name in SECRET_KEYS else (lambda v: v)
        audit.record(
            session,
            "setting.set",
            "setting",
            None,
            {name: shown(before)} if before is not None else None,
            {name: shown(value)},
        )


def set(db: Database, name: str, value: str) -> str:  # noqa: A001 - mirrors `config set`
    """Validates and stores one key; returns the value as stored."""
    return set_many(db, {name: value})[name]


def display_value(name: str, value: str) -> str:
    return "********" if name in SECRET_KEYS and value else value
