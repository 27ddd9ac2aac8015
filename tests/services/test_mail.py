"""Sending one e-mail for real (aiosmtpd), the failures in plain words, and mail settings."""

from __future__ import annotations

import logging

import pytest

from app import config
from app.services import settings
from app.services.errors import ValidationError
from app.services.mail import MailError, MailSettings, build_message, send
from tests.mail_server import MailServer, free_port


def mail_settings(port: int, **changes) -> MailSettings:
    values = dict(
        host="127.0.0.1",
        port=port,
        security="none",
        username="",
        password="",
        sender="desk@clinic.example",
        sender_name="Sunrise Physio",
        timeout=5,
    )
    values.update(changes)
    return MailSettings(**values)


def test_plain_message_with_calendar_part_arrives():
    server = MailServer().start()
    try:
        cfg = mail_settings(server.port)
        send(cfg, build_message(cfg, "ravi@example.com", "Hello", "Body text", b"BEGIN:VCALENDAR"))
        (message,) = server.inbox.messages()
    finally:
        server.stop()
    assert message["To"] == "ravi@example.com"
    assert message["From"] == "Sunrise Physio <desk@clinic.example>"
    calendar = [p for p in message.walk() if p.get_content_type() == "text/calendar"][0]
    assert calendar.get_param("method") == "PUBLISH"
    assert calendar.get_filename() == "appointment.ics"


def test_login_with_the_right_password_sends():
    server = MailServer(user="desk", password="s3cret-pw").start()
    try:
        cfg = mail_settings(server.port, username="desk", password="s3cret-pw")
        send(cfg, build_message(cfg, "ravi@example.com", "Hi", "Body"))
        assert server.inbox.recipients() == ["ravi@example.com"]
    finally:
        server.stop()


def test_wrong_password_says_so_and_never_shows_or_logs_it(caplog):
    config.setup_logging()
    server = MailServer(user="desk", password="s3cret-pw").start()
    try:
        cfg = mail_settings(server.port, username="desk", password="not-the-pw")
        MailSettings.from_config({"smtp.password": "not-the-pw"})  # remembered as a secret
        with caplog.at_level(logging.INFO), pytest.raises(MailError) as caught:
            send(cfg, build_message(cfg, "ravi@example.com", "Hi", "Body"))
    finally:
        server.stop()
    assert "refused the user name or password" in str(caught.value)
    assert "not-the-pw" not in str(caught.value)
    assert server.inbox.envelopes == []
    log_text = config.log_file().read_text(encoding="utf-8")
    assert "refused the user name or password" in log_text
    assert "not-the-pw" not in log_text


def test_refused_connection_is_plain_words():
    cfg = mail_settings(free_port())
    with pytest.raises(MailError, match=r"127\.0\.0\.1:\d+ refused the connection"):
        send(cfg, build_message(cfg, "ravi@example.com", "Hi", "Body"))


def test_starttls_required_but_not_offered_is_explained():
    server = MailServer().start()
    try:
        cfg = mail_settings(server.port, security="starttls")
        with pytest.raises(MailError, match="does not offer STARTTLS"):
            send(cfg, build_message(cfg, "ravi@example.com", "Hi", "Body"))
    finally:
        server.stop()
    assert server.inbox.envelopes == []


def test_tls_against_a_plain_server_fails_clearly():
    server = MailServer().start()
    try:
        cfg = mail_settings(server.port, security="tls")
        with pytest.raises(MailError, match="secure connection|closed the connection|did not"):
            send(cfg, build_message(cfg, "ravi@example.com", "Hi", "Body"))
    finally:
        server.stop()


def test_not_configured_is_said_before_any_connection():
    with pytest.raises(MailError, match="not set up"):
        cfg = mail_settings(1, host="")
        send(cfg, build_message(cfg, "ravi@example.com", "Hi", "Body"))
    assert MailSettings.from_config(settings.KEYS and {"smtp.host": ""}).missing


@pytest.mark.parametrize(
    ("key", "value", "words"),
    [
        ("smtp.port", "0", "not a port number"),
        ("smtp.port", "70000", "not a port number"),
        ("smtp.port", "abc", "not a port number"),
        ("smtp.security", "ssl", "none, starttls or tls"),
        ("smtp.sender", "front desk", "not an e-mail address"),
        ("smtp.host", "mail server!", "not a server name"),
        ("link.template", "ftp://example.com/{token}", "http:// or https://"),
        ("link.template", "https://example.com/a", "must contain {token}"),
        ("link.template", "https://example.com/{patient}", "may only use"),
        ("message.body", "Hello {name}", "Unknown placeholder"),
        ("reservation.hold_hours", "0", "from 1 to 336"),
    ],
)
def test_bad_mail_settings_are_refused_with_a_message(db, key, value, words):
    before = settings.get(db, key)
    with pytest.raises(ValidationError, match=words) as caught:
        settings.set(db, key, value)
    assert caught.value.field == key
    assert settings.get(db, key) == before


@pytest.mark.parametrize(
    ("key", "value", "stored"),
    [
        ("smtp.port", " 465 ", "465"),
        ("smtp.security", "STARTTLS", "starttls"),
        ("smtp.sender", "desk@clinic.example", "desk@clinic.example"),
        ("link.template", "http://clinic.example/{case_id}/{token}", None),
    ],
)
def test_good_mail_settings_are_stored_normalised(db, key, value, stored):
    assert settings.set(db, key, value) == (stored or value)
    assert settings.get(db, key) == (stored or value)


def test_config_set_refuses_a_bad_port_on_the_command_line(db_target, capsys):
    from app.cli import main

    assert main(["--database", str(db_target), "config", "set", "smtp.port", "99999"]) == 1
    err = capsys.readouterr().err
    assert "not a port number" in err and "Traceback" not in err
