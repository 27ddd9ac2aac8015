"""Folding text for search: lower case, no accents, single spaces."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """'  José  Müller ' -> 'jose muller'. The same folding is stored and searched."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


def digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def prefix_upper_bound(prefix: str) -> str:
    """The smallest string greater than every string starting with `prefix`.

    `key >= prefix AND key < bound` is an index range, unlike `LIKE 'x%'`, which
    SQLite only turns into a range under its case-sensitive-like rules.
    """
    return prefix + "\U0010ffff"
