"""The body-site catalogue's SNOMED CT codes are body structure concepts confirmed by hand.

There is no terminology server offline, so each code's concept was looked up once (SNOMED
CT browser pages, published FHIR value sets, DICOM CID 4031) and written down in
tests/data/snomed_body_structures.json with where it was read. This test holds the
catalogue to that record: a changed or new code fails until its concept is confirmed there.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.services.body_sites import catalogue
from app.services.fhir_export import LATERALITY, SIDE_CODES

CONFIRMED = json.loads(
    (Path(__file__).parent.parent / "data" / "snomed_body_structures.json").read_text("utf-8")
)


@pytest.fixture
def engine_kind() -> str:  # no database here: once is enough
    return "sqlite"


@pytest.mark.parametrize("site", catalogue(), ids=lambda s: s.key)
def test_each_site_code_is_a_confirmed_body_structure(site):
    concept = CONFIRMED["body_structures"].get(site.code)
    assert concept is not None, f"{site.key}: {site.code} not confirmed as a body structure"
    assert concept["concept"].endswith("(body structure)")
    assert concept["seen_in"]


def test_no_site_keeps_a_code_found_wrong():
    wrong = set(CONFIRMED["corrected"])
    assert [s.key for s in catalogue() if s.code in wrong] == []


def test_every_confirmed_code_is_in_use():
    """The record stays the catalogue's: a code dropped from the catalogue leaves it too."""
    assert set(CONFIRMED["body_structures"]) == {s.code for s in catalogue()}


def test_codes_are_unique_and_look_like_snomed_identifiers():
    codes = [s.code for s in catalogue()]
    assert len(codes) == len(set(codes))
    assert all(code.isdigit() and 6 <= len(code) <= 18 for code in codes)


def test_laterality_qualifier_and_sides_are_the_confirmed_concepts():
    laterality = CONFIRMED["laterality"]
    assert laterality[LATERALITY]["concept"] == "Laterality (attribute)"
    assert laterality[SIDE_CODES["left"]]["concept"] == "Left (qualifier value)"
    assert laterality[SIDE_CODES["right"]]["concept"] == "Right (qualifier value)"
    assert laterality[SIDE_CODES["both"]]["concept"] == "Right and left (qualifier value)"
