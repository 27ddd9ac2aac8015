"""Body parts as the desk's language reads them.

The services give body parts as (site, side) keys with an English label ("Left knee");
the words in other languages come from the body-site catalogue, so the book, the case
panel, the picker and the wizard all say "Rodilla izquierda" alike.
"""

from __future__ import annotations

from collections.abc import Iterable

from app import language
from app.services import body_sites


def shown(label: str) -> str:
    """A catalogue label in the desk's language; other text as it is."""
    return body_sites.translate_label(label, language.current())


def shown_list(labels: Iterable[str]) -> list[str]:
    return [shown(label) for label in labels]


def shown_joined(labels: Iterable[str], separator: str = ", ") -> str:
    return separator.join(shown_list(labels))
