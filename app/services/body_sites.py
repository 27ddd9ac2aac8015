"""The body-site catalogue shipped in resources/body_sites.json, and side-aware labels.

Body parts are stored and passed as (site, side) keys; a label is only for reading, in
English ("Left knee") or in a language the catalogue has words for ("Rodilla izquierda").
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from app.resources import resource_path
from app.services.errors import ValidationError
from app.services.text import fold
from app.services.words import QT_TRANSLATE_NOOP, say

SIDES = ("left", "right", "both")
ENGLISH = "en"
LANGUAGES = ("es",)  # besides English, the languages the catalogue has words for


@dataclass(frozen=True)
class SiteWords:
    """A site's words in a language other than English: its name, a whole label per side
    (Spanish agrees in gender and number: "Rodilla izquierda", "Ambos hombros") and synonyms."""

    name: str
    sides: tuple[tuple[str, str], ...]
    synonyms: tuple[str, ...]


@dataclass(frozen=True)
class BodySite:
    key: str
    name: str
    code: str  # SNOMED CT body structure
    paired: bool
    plural: str
    synonyms: tuple[str, ...]
    words: tuple[tuple[str, SiteWords], ...] = ()  # (language, its words)

    def in_language(self, language: str) -> SiteWords | None:
        return next((words for code, words in self.words if code == language), None)

    def name_in(self, language: str = ENGLISH) -> str:
        """The site without a side, in a sentence: 'knee', 'rodilla'."""
        words = self.in_language(language)
        return words.name if words else self.name

    def title(self, language: str = ENGLISH) -> str:
        """The site without a side, as the picker lists it: 'Knee', 'Rodilla'."""
        return _capital(self.name_in(language))

    def synonyms_in(self, language: str = ENGLISH) -> tuple[str, ...]:
        words = self.in_language(language)
        return words.synonyms if words else self.synonyms

    def label(self, side: str = "", language: str = ENGLISH) -> str:
        """'Left knee', 'Both knees', 'Neck'; 'Rodilla izquierda' in Spanish."""
        words = self.in_language(language)
        if words is not None:
            return dict(words.sides).get(side, "") if self.paired and side else self.title(language)
        if not self.paired:
            return _capital(self.name)
        if side == "both":
            return f"Both {self.plural}"
        return f"{side.capitalize()} {self.name}"

    def labels(self, language: str = ENGLISH) -> list[str]:
        if not self.paired:
            return [self.label(language=language)]
        return [self.label(side, language) for side in SIDES]

    def languages(self) -> list[str]:
        return [ENGLISH, *(code for code, _ in self.words)]


@dataclass(frozen=True)
class BodyPart:
    """A site of the catalogue with its side ('' for an unpaired site)."""

    site: str
    side: str
    label: str
    code: str


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _words(raw: dict) -> SiteWords:
    return SiteWords(
        name=raw["name"],
        sides=tuple((side, raw[side]) for side in SIDES if side in raw),
        synonyms=tuple(raw.get("synonyms", ())),
    )


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
            words=tuple((code, _words(s[code])) for code in LANGUAGES if code in s),
        )
        for s in raw["sites"]
    )


@cache
def _by_key() -> dict[str, BodySite]:
    return {site.key: site for site in catalogue()}


@cache
def _by_label() -> dict[str, tuple[str, str]]:
    """Every label of every language (English first), folded, to its (site, side)."""
    table: dict[str, tuple[str, str]] = {}
    for language in (ENGLISH, *LANGUAGES):
        for site in catalogue():
            for side in SIDES if site.paired else ("",):
                table.setdefault(fold(site.label(side, language)), (site.key, side))
    return table


def site(key: str) -> BodySite:
    return _by_key()[key]


def body_part(site_key: str, side: str) -> BodyPart:
    entry = _by_key()[site_key]
    return BodyPart(site=site_key, side=side, label=entry.label(side), code=entry.code)


def all_labels() -> list[str]:
    return [label for s in catalogue() for label in s.labels()]


def label(site_key: str, side: str, language: str = ENGLISH) -> str:
    """(site, side) as read in `language`; the English label for a language without words."""
    return _by_key()[site_key].label(side, language)


def translate_label(text: str, language: str) -> str:
    """A catalogue label ('Left knee', as the services give it) in `language`
    ('Rodilla izquierda'); any other text is returned as it is."""
    found = _by_label().get(fold(text))
    if found is None or language == ENGLISH:
        return text
    return label(*found, language)


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
                label=entry.name,
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
    """For the picker's filter: in English or another language of the catalogue, the name,
    plural, a label or a synonym holds every typed word ('rodilla', 'dedos mano')."""
    needle = fold(text).split()
    if not needle:
        return True
    haystack = [site_entry.name, site_entry.plural, *site_entry.synonyms]
    for _, words in site_entry.words:
        haystack += [words.name, *(text for _, text in words.sides), *words.synonyms]
    return any(all(word in fold(h) for word in needle) for h in haystack)
