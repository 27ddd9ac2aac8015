"""The checks on each configuration key's value: plain words naming the key, or the clean value.

settings.KEYS pairs every key with one of these; `check_mail_security` looks at the mail
keys together.
"""

from __future__ import annotations

import ipaddress
import re
import string
from collections.abc import Callable
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import phonenumbers

from app.services.errors import ValidationError
from app.services.messages import PLACEHOLDERS
from app.services.words import QT_TRANSLATE_NOOP, say


def _one_line(key: str, value: str) -> None:
    """A line break in a mail header would end the header and start another (or break it)."""
    if "\n" in value or "\r" in value:
        raise ValidationError(
            key,
            say(QT_TRANSLATE_NOOP("services", "{key} must be one line (no line breaks)."), key=key),
        )


def text(limit: int, required: bool = False, one_line: bool = False) -> Callable[[str, str], str]:
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


def region(key: str, value: str) -> str:
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


def language(key: str, value: str) -> str:
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


def timezone(key: str, value: str) -> str:
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


def link_template(key: str, value: str) -> str:
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


def port(key: str, value: str) -> str:
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


def security(key: str, value: str) -> str:
    value = value.strip().lower()
    if value not in ("none", "starttls", "tls"):
        raise ValidationError(
            key, say(QT_TRANSLATE_NOOP("services", "Mail security must be none, starttls or tls."))
        )
    return value


_HOST = re.compile(r"^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$|^\[?[0-9a-fA-F:.]+\]?$")


def host(key: str, value: str) -> str:
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


def sender(key: str, value: str) -> str:
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


def hours(key: str, value: str) -> str:
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


def choice(*allowed: str) -> Callable[[str, str], str]:
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


def idle_minutes(key: str, value: str) -> str:
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


def message_template(key: str, value: str) -> str:
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


def subject_template(key: str, value: str) -> str:
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
    return message_template(key, value)


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
