"""Why an outbox message was not sent, recognised again from the English the outbox stores.

The outbox keeps each message's reason as plain English text (`last_error`): the log, the
audit and every other desk read it as it is, whatever their language. To show it in the
desk's language, the Outbox view finds the template the text was made from and gets it back
as `say` words (template and values), which `app.views.runner.translated` translates.
Text that matches no template (an older wording, a server's own reply) is shown as stored.
"""

from __future__ import annotations

import re
from functools import cache
from string import Formatter

from app.services.mail import REASONS as MAIL_REASONS
from app.services.words import QT_TRANSLATE_NOOP, Words, say

# What the outbox and the services that stop its messages store (outbox.py, appointments.py,
# moves.py, cases.py), word for word; tests/services/test_outbox_reasons.py checks each one.
OUTBOX_REASONS = (
    QT_TRANSLATE_NOOP("services", "The sender stopped while sending; it will be tried again."),
    QT_TRANSLATE_NOOP("services", "Not sent: the appointment was cancelled."),
    QT_TRANSLATE_NOOP("services", "Not sent: the visit has taken place."),
    QT_TRANSLATE_NOOP("services", "Not sent: the patient did not come."),
    QT_TRANSLATE_NOOP("services", "Not sent: the patient has arrived."),
    QT_TRANSLATE_NOOP("services", "Not sent: the appointment's time has passed."),
    QT_TRANSLATE_NOOP("services", "Not sent: the appointment was moved."),
    QT_TRANSLATE_NOOP("services", "Not sent: the case was closed."),
    QT_TRANSLATE_NOOP("services", "Not sent: the appointment was marked Cancelled."),
    QT_TRANSLATE_NOOP("services", "Not sent: the appointment was marked Completed."),
    QT_TRANSLATE_NOOP("services", "Not sent: the appointment was marked No-show."),
    # Refusals of Retry and Cancel on a message already on its way.
    QT_TRANSLATE_NOOP("services", "This message has already been sent."),
    QT_TRANSLATE_NOOP("services", "This message is being sent right now; wait a moment."),
)


@cache
def _patterns() -> list[tuple[re.Pattern[str], str]]:
    """Each template as a whole-text pattern; the most literal words first, so a template
    with a value where another has words ('The mail server {where} ...') does not win."""
    templates = sorted(
        {*OUTBOX_REASONS, *MAIL_REASONS},
        key=lambda t: -sum(len(text) for text, *_ in Formatter().parse(t)),
    )
    return [(_pattern(template), template) for template in templates]


# Values that are one word (a server "host:port", an address): a reason after them may hold
# ": " too ("Cannot reach the mail server {where}: {reason}."), so they end at a space.
ONE_WORD = frozenset({"where", "host", "sender", "address"})


def _pattern(template: str) -> re.Pattern[str]:
    parts = []
    for text, name, _spec, _conversion in Formatter().parse(template):
        parts.append(re.escape(text))
        if name:
            parts.append(f"(?P<{name}>{'[^ ]+?' if name in ONE_WORD else '.+?'})")
    return re.compile("".join(parts), re.DOTALL)


def recognise(text: str | None) -> str:
    """`text` as words that remember their template, when it was made from a known one."""
    if not text or isinstance(text, Words):
        return text or ""
    for pattern, template in _patterns():
        found = pattern.fullmatch(text)
        if found is not None:
            return say(template, **found.groupdict())
    return text
