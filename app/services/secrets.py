"""Keeps secrets (the SMTP password) out of logs and listings."""

from __future__ import annotations

_known: set[str] = set()


def remember(secret: str) -> None:
    if secret and len(secret) >= 3:
        _known.add(secret)


def redact(text: str) -> str:
    for secret in _known:
        if secret in text:
            text = text.replace(secret, "********")
    return text
