"""Body parts in Spanish: the catalogue's own words, while the stored keys stay (site, side)."""

from __future__ import annotations

import pytest

from app.services import body_sites
from app.services.body_sites import ENGLISH, LANGUAGES, SIDES, catalogue


@pytest.mark.parametrize(
    ("site", "side", "spanish"),
    [
        ("knee", "left", "Rodilla izquierda"),
        ("knee", "both", "Ambas rodillas"),
        ("shoulder", "right", "Hombro derecho"),
        ("shoulder", "both", "Ambos hombros"),
        ("neck", "", "Cuello"),
        ("lower_back", "", "Zona lumbar"),
        ("achilles", "left", "Tendón de Aquiles izquierdo"),
        ("finger", "both", "Dedos de ambas manos"),
    ],
)
def test_spanish_labels_agree_with_the_site(site, side, spanish):
    assert body_sites.label(site, side, "es") == spanish
    assert body_sites.translate_label(body_sites.label(site, side), "es") == spanish


def test_every_site_and_side_has_its_own_label_in_every_language():
    for language in (ENGLISH, *LANGUAGES):
        labels = [label for site in catalogue() for label in site.labels(language)]
        assert all(label and label[0].isupper() for label in labels)
        assert len(set(labels)) == len(labels) == len(body_sites.all_labels())
    for site in catalogue():
        if site.paired:
            assert {side for side, _ in site.in_language("es").sides} == set(SIDES)


def test_the_keys_stay_the_same_whatever_the_label_is_read_in():
    english = body_sites.resolve(["Left knee", "Neck"])
    spanish = body_sites.resolve(["Rodilla izquierda", "cuello"])
    assert [(p.site, p.side) for p in spanish] == [(p.site, p.side) for p in english]
    assert [p.label for p in spanish] == ["Left knee", "Neck"]  # the services speak English
    assert body_sites.translate_label("Knee pain", "es") == "Knee pain"  # not a body part
    assert body_sites.translate_label("Left knee", ENGLISH) == "Left knee"


@pytest.mark.parametrize(
    ("typed", "site"),
    [
        ("rodilla", "knee"),
        ("rodillas", "knee"),
        ("lumbar", "lower_back"),
        ("cuello", "neck"),
        ("hombro", "shoulder"),
        ("dedos mano", "finger"),
        ("munec", "wrist"),  # without the accent
        ("knee", "knee"),  # English still works
    ],
)
def test_the_search_finds_spanish_words(typed, site):
    found = [s.key for s in catalogue() if body_sites.matches(s, typed)]
    assert site in found
    assert "neck" not in found or site == "neck"
