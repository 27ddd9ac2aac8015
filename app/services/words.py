"""Messages the services give, marked for translation without importing Qt.

`pyside6-lupdate` collects every `QT_TRANSLATE_NOOP("services", "...")` into the
translation files; at run time it is the identity. `say` fills a template and keeps
it with its values, so a view can translate the template first and fill it after
(`app.views.runner.translated`); everywhere else the message reads as plain English.
"""

from __future__ import annotations

from typing import Any

CONTEXT = "services"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate knows
    """Marks `text` for the translation files under `context`; returns it unchanged."""
    return text


class Words(str):
    """An English message that remembers its template and values."""

    template: str
    values: dict[str, Any]


def say(template: str, **values: Any) -> Words:
    """`template` filled with `values`, as English, remembering both for translation."""
    words = Words(template.format(**values) if values else template)
    words.template = template
    words.values = values
    return words
