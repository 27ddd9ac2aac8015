"""The outbox's stored reasons are recognised again as the templates they were made from."""

from __future__ import annotations

import ast
from pathlib import Path
from string import Formatter

import pytest

from app.services import mail, outbox, outbox_messages
from app.services.appointments import ENDS_MESSAGES, STATUS_LABELS
from app.services.outbox_reasons import OUTBOX_REASONS, recognise
from app.services.words import say
from app.statuses import MessageStatus

SERVICES = Path(__file__).resolve().parents[2] / "app" / "services"


def stored_literals() -> list[str]:
    """Every whole string in app/services that reads like a reason the outbox stores."""
    found = []
    for path in SERVICES.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        in_fstrings = {
            id(part)
            for node in ast.walk(tree)
            if isinstance(node, ast.JoinedStr)
            for part in node.values
        }
        for node in ast.walk(tree):
            text = getattr(node, "value", None)
            if not isinstance(node, ast.Constant) or id(node) in in_fstrings:
                continue
            if isinstance(text, str) and text.startswith("Not sent: ") and "{" not in text:
                found.append(text)
    return found


def test_every_reason_the_services_store_is_recognised():
    stored = [
        *stored_literals(),
        *(f"Not sent: {why}." for why in outbox.NOTHING_TO_CONFIRM.values()),
        *(f"Not sent: the appointment was marked {STATUS_LABELS[s]}." for s in ENDS_MESSAGES),
        outbox_messages._busy_text(MessageStatus.SENT),
        outbox_messages._busy_text(MessageStatus.SENDING),
        "The sender stopped while sending; it will be tried again.",
    ]
    assert "Not sent: the case was closed." in stored and len(stored) > 10
    for text in stored:
        words = recognise(text)
        assert words == text  # the English stays as it is stored
        assert getattr(words, "template", None) in (*OUTBOX_REASONS, *mail.REASONS), text


@pytest.mark.parametrize("template", mail.REASONS)
def test_every_mail_reason_gives_back_its_template_and_values(template):
    names = [name for _text, name, _spec, _conv in Formatter().parse(template) if name]
    # The server's own words may hold anything; a server ("host:port") or address is one word.
    one_word = {"where": "smtp.example:587", "host": "smtp.example", "sender": "desk@a.example"}
    values = {name: one_word.get(name, f"{name}: 5.1.1 (x) it's {{odd}}") for name in names}
    words = recognise(str(say(template, **values)))
    assert (words.template, words.values) == (template, values)


def test_the_english_wording_is_kept_and_unknown_text_stays_as_it_is():
    settings = mail.MailSettings("", 587, "starttls", "", "", "")
    assert settings.missing == (
        "Mail is not set up yet: enter the mail server in Settings. "
        "The message waits here and goes out once it is."
    )
    with pytest.raises(mail.MessageBuildError) as caught:
        mail.build_message(
            mail.MailSettings("smtp.example", 587, "none", "", "", "desk@clinic.example"),
            "no-address",
            "Your appointment",
            "Hello",
        )
    assert str(caught.value) == "Not sent: the patient's e-mail address is not valid."
    assert recognise("550 mailbox unavailable") == "550 mailbox unavailable"
    assert not hasattr(recognise("550 mailbox unavailable"), "template")
    assert recognise(None) == ""
