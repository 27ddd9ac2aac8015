"""The body-site catalogue shipped in resources/body_sites.json, and side-aware labels."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from app.resources import resource_path
from app.services.errors import ValidationError
from app.services.text import fold
from app.services.words import QT_TRANSLATE_NOOP, say

SIDES = ("left", "right", "both")


@dataclass(frozen=True)
class BodySite:
    key: str
    name: str
    code: str  # SNOMED CT body structure
    paired: bool
    plural: str
    synonyms: tuple[str, ...]

    def label(self, side: str = "") -> str:
        """'Left knee', 'Both knees', 'Neck'."""
        if not self.paired:
            return _capital(self.name)
        if side == "both":
            return f"Both {self.plural}"
        return f"{side.capitalize()} {self.name}"

    def labels(self) -> list[str]:
        if not self.paired:
            return [self.label()]
        return [self.label(side) for side in SIDES]


@dataclass(frozen=True)
class BodyPart:
    """A site of the catalogue with its side ('' for an unpaired site)."""

    site: str
    side: str
    label: str
    code: str


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


@cache
def catalogue() -> tuple[BodySite, ...]:
    raw = json.loads(resource_path("body_sites.json").read_text(encoding="utf-8"))
    return tuple(
        BodySite(
            key=s["key"],
            name=s["name"],
            code=s["code"],
            paired=s["paired"],
            plural=s.get("plural", s["name"]),
            synonyms=tuple(s.get("synonyms", ())),
        )
        for s in raw["sites"]
    )


@cache
def _by_key() -> dict[str, BodySite]:
    return {site.key: site for site in catalogue()}


@cache
def _by_label() -> dict[str, tuple[str, str]]:
    table: dict[str, tuple[str, str]] = {}
    for site in catalogue():
        if site.paired:
            for side in SIDES:
                table[fold(site.label(side))] = (site.key, side)
        else:
            table[fold(site.label())] = (site.key, "")
    return table


def site(key: str) -> BodySite:
    return _by_key()[key]


def body_part(site_key: str, side: str) -> BodyPart:
    entry = _by_key()[site_key]
    return BodyPart(site=site_key, side=side, label=entry.label(side), code=entry.code)


def all_labels() -> list[str]:
    return [label for s in catalogue() for label in s.labels()]


def parse_label(label: str) -> BodyPart:
    """'Left knee' -> BodyPart(site='knee', side='left'); refuses unknown sites and missing sides."""
    key = fold(label)
    found = _by_label().get(key)
    if found is None:
        bare = next((s for s in catalogue() if fold(s.name) == key), None)
        if bare is not None and bare.paired:
            raise ValidationError(
                "bodyParts",
                say(
                    QT_TRANSLATE_NOOP("services", "Say which side for '{label}': {sides}."),
                    label=label,
                    sides=", ".join(bare.labels()),
                ),
            )
        raise ValidationError(
            "bodyParts",
            say(
                QT_TRANSLATE_NOOP("services", "'{label}' is not a body part CaseDesk knows."),
                label=label,
            ),
        )
    return body_part(*found)


def from_key(site_key: str, side: str) -> BodyPart:
    """(site, side) -> BodyPart, refusing an unknown site, a missing side or a side too many."""
    entry = _by_key().get(site_key)
    if entry is None:
        raise ValidationError(
            "bodyParts",
            say(
                QT_TRANSLATE_NOOP("services", "'{label}' is not a body part CaseDesk knows."),
                label=site_key,
            ),
        )
    if entry.paired and side not in SIDES:
        raise ValidationError(
            "bodyParts",
            say(
                QT_TRANSLATE_NOOP("services", "Say which side for '{label}': {sides}."),
                label=entry.label(),
                sides=", ".join(entry.labels()),
            ),
        )
    if not entry.paired and side:
        raise ValidationError(
            "bodyParts",
            say(QT_TRANSLATE_NOOP("services", "'{label}' has no side."), label=entry.label()),
        )
    return body_part(site_key, side)


def resolve(items) -> list[BodyPart]:
    """Body parts as the UI sends them, (site, side) keys, de-duplicated; at least one.

    A plain string is read as a catalogue label ("Left knee"), for scripts and the
    command line; the window never sends labels back, so a translated label cannot
    be misread.
    """
    parts: dict[tuple[str, str], BodyPart] = {}
    for item in items:
        if isinstance(item, str):
            if not item.strip():
                continue
            part = parse_label(item)
        elif isinstance(item, BodyPart):
            part = from_key(item.site, item.side)
        else:
            site_key, side = item
            part = from_key(site_key, side or "")
        parts.setdefault((part.site, part.side), part)
    if not parts:
        raise ValidationError(
            "bodyParts", say(QT_TRANSLATE_NOOP("services", "Choose at least one body part."))
        )
    return list(parts.values())


def parse_labels(labels: list[str] | tuple[str, ...]) -> list[BodyPart]:
    """Parses labels and de-duplicates; at least one body part is required."""
    return resolve(labels)


def matches(site_entry: BodySite, text: str) -> bool:
    """For the picker's filter: name, plural or any synonym contains the typed text."""
    needle = fold(text)
    if not needle:
        return True
    haystack = [site_entry.name, site_entry.plural, *site_entry.synonyms]
    return any(needle in fold(h) for h in haystack)
