"""Messages the services give, marked for translation without importing Qt.

`pyside6-lupdate` collects every `QT_TRANSLATE_NOOP("services", "...")` into the
translation files; at run time it is the identity. `say` fills a template and keeps
it with its values, so a view can translate the template first and fill it after
(`app.views.runner.translated`); everywhere else the message reads as plain English.

A message with a count is marked with `translate(CONTEXT, "... %n minute(s) ...", "", n)`
(lupdate reads it as Qt's plural call and asks for every plural form) and filled with
`say_count`; in English "(s)" becomes "s" unless the count is 1.
"""

from __future__ import annotations

from typing import Any

CONTEXT = "services"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate knows
    """Marks `text` for the translation files under `context`; returns it unchanged."""
    return text


def translate(context: str, text: str, disambiguation: str, n: int) -> str:
    """Marks `text`, a template with a count (%n), as a plural message; returns it unchanged."""
    return text


class Words(str):
    """An English message that remembers its template and values (and count, if any)."""

    template: str
    values: dict[str, Any]
    count: int | None = None


def say(template: str, **values: Any) -> Words:
    """`template` filled with `values`, as English, remembering both for translation."""
    words = Words(template.format(**values) if values else template)
    words.template = template
    words.values = values
    return words


def english_plural(text: str, n: int) -> str:
    """'%n minute(s)' with n = 3 -> '3 minutes'; with n = 1 -> '1 minute' ('access(es)' too).

    A translation gives its own plural forms, so only the English source has these marks."""
    text = text.replace("%n", str(n))
    return text.replace("(s)", "" if n == 1 else "s").replace("(es)", "" if n == 1 else "es")


def say_count(template: str, count: int, **values: Any) -> Words:
    """`template` with its count (%n) and `values`, as English, remembering them for translation."""
    text = english_plural(template, count)
    words = Words(text.format(**values) if values else text)
    words.template = template
    words.values = values
    words.count = count
    return words
