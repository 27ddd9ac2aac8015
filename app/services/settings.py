"""Configuration keys, stored in the database so every desk shares them; each is validated."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database
from app.models import Setting
from app.services import audit, secrets
from app.services import setting_checks as checks
from app.services.errors import ValidationError
from app.services.messages import (  # noqa: F401 - link_is_set_up is used via settings
    DEFAULT_BODY,
    DEFAULT_SUBJECT,
    link_is_set_up,
)
from app.services.permissions import Permission, require

# Re-exported: callers know these as settings.LANGUAGES, settings.check_mail_security, ...
from app.services.setting_checks import (  # noqa: F401
    LANGUAGES,
    LOOPBACK_NAMES,
    SUBJECT_LIMIT,
    check_mail_security,
    is_loopback,
)
from app.services.validation import check_text
from app.services.words import QT_TRANSLATE_NOOP, say

SECRET_KEYS = {"smtp.password"}


@dataclass(frozen=True)
class Key:
    name: str
    default: str
    check: Callable[[str, str], str]
    meaning: str


KEYS: dict[str, Key] = {
    k.name: k
    for k in (
        Key(
            "clinic.name", "", checks.text(100, one_line=True), "shown in messages and window title"
        ),
        Key("clinic.region", "IN", checks.region, "ISO 3166 region for phone numbers"),
        Key("clinic.timezone", "Asia/Kolkata", checks.timezone, "IANA time zone"),
        Key("clinic.language", "en", checks.language, "language of the window: en or es"),
        Key(
            "link.template",
            "https://booking.example.com/a/{token}",
            checks.link_template,
            "URL sent to the patient",
        ),
        Key("smtp.host", "", checks.host, "outgoing mail server"),
        Key("smtp.port", "587", checks.port, "outgoing mail port"),
        Key("smtp.security", "starttls", checks.security, "none, starttls or tls"),
        Key("smtp.username", "", checks.text(254, one_line=True), "mail account user"),
        Key("smtp.password", "", checks.text(1000), "mail account password"),
        Key("smtp.sender", "", checks.sender, "From address of patient messages"),
        Key(
            "reservation.hold_hours",
            "24",
            checks.hours,
            "hours a reservation waits for confirmation",
        ),
        Key(
            "message.subject",
            DEFAULT_SUBJECT,
            checks.subject_template,
            "patient message subject template",
        ),
        Key("message.body", DEFAULT_BODY, checks.message_template, "patient message body template"),
        Key(
            "referral.limit",
            "warn",
            checks.choice("warn", "block"),
            "past a referral's sessions or date: warn or block",
        ),
        Key(
            "referral.count_missed",
            "no",
            checks.choice("no", "yes"),
            "cancelled and no-show appointments use a referral session",
        ),
        Key(
            "security.idle_lock_minutes",
            "5",
            checks.idle_minutes,
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
