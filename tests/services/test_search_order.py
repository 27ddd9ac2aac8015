"""Patient search shows each match once, in a stable order, and pages through it without gaps."""

from __future__ import annotations

from app.services import patients
from app.services.dto import CaseDecision
from tests.conftest import new_patient

PEOPLE = [
    ("Sam", "Smith", "+91 98100 00001"),
    ("Sara", "Shah", "+91 98100 00002"),
    ("Anil", "Sharma", "+91 98200 00003"),
    ("Shanti", "Rao", "+91 98300 00004"),
    ("José", "Álvarez", "+44 7911 123456"),
]


def register_all(db) -> dict[str, int]:
    ids = {}
    for first, last, phone in PEOPLE:
        ids[first] = patients.register_patient(db, new_patient(first, last, phone)).id
    return ids


def names(db, ids) -> list[str]:
    return [row.full_name for row in patients.patient_rows(db, ids)]


def test_last_name_matches_come_first_then_first_name_matches_each_once(db):
    register_all(db)

    page = patients.search_patients(db, "s")

    # Smith matches on both names and still appears once.
    assert names(db, page.ids) == ["Sara Shah", "Anil Sharma", "Sam Smith", "Shanti Rao"]
    assert page.total == 4


def test_paging_one_row_at_a_time_gives_the_same_rows_as_one_page(db):
    register_all(db)
    whole = patients.search_patients(db, "s", 0, 100)

    pieced = [i for n in range(whole.total) for i in patients.search_patients(db, "s", n, 1).ids]

    assert pieced == list(whole.ids)
    assert patients.search_patients(db, "s", whole.total, 10).ids == ()


def test_everyone_is_sorted_by_last_name_and_accents_do_not_matter(db):
    ids = register_all(db)

    assert patients.search_patients(db, "").ids[0] == ids["José"]
    assert patients.search_patients(db, "alva").ids == (ids["José"],)
    assert patients.search_patients(db, "jose a").ids == (ids["José"],)


def test_phone_digits_match_national_and_international_numbers_once(db):
    ids = register_all(db)

    assert patients.search_patients(db, "98100").ids == (ids["Sam"], ids["Sara"])
    assert patients.search_patients(db, "+91 982").ids == (ids["Anil"],)
    assert patients.search_patients(db, "07911 123").ids == (ids["José"],)
    assert patients.search_patients(db, "447911").ids == (ids["José"],)
    assert patients.search_patients(db, "9").total == 4  # national 98..., and 91... in full


def test_a_patient_with_two_matching_case_ids_is_listed_once(db, book):
    first = book()
    second = book(patient_id=first.patient_id, decision=CaseDecision.new_case())
    other = book()

    page = patients.search_patients(db, "C-0000")

    assert first.case_code[:-1] == second.case_code[:-1] == "C-0000"
    assert page.ids == (first.patient_id, other.patient_id)
    assert page.total == 2
    assert patients.search_patients(db, second.case_code).ids == (first.patient_id,)


def test_a_case_is_found_by_its_number_however_it_is_typed(db, book):
    first = book(new_patient=new_patient("Ravi", "Kumar", "+91 98100 00011"))
    second = book(new_patient=new_patient("Meena", "Iyer", "+91 98100 00012"))
    assert second.case_code == "C-00002"
    for typed in ("C-00002", "c-00002", "c2", "C2", "c-2", "c 2", "00002", "2"):
        assert patients.search_patients(db, typed).ids == (second.patient_id,), typed
    assert patients.search_patients(db, "c1").ids == (first.patient_id,)


def test_digits_that_start_a_phone_number_are_a_phone_search_first(db, book):
    book(new_patient=new_patient("Ravi", "Kumar", "+91 98100 00011"))
    booked = book(new_patient=new_patient("Meena", "Iyer", "+91 98100 00012"))
    by_phone = patients.register_patient(db, new_patient("Asha", "Nair", "+44 20 7946 0958"))
    assert booked.case_code == "C-00002"
    # "2" starts Asha's number: her phone wins over case C-00002.
    assert patients.search_patients(db, "2").ids == (by_phone.id,)


def test_a_name_that_looks_like_a_case_id_is_still_found_by_name(db, book):
    book(new_patient=new_patient("Ravi", "Kumar", "+91 98100 00011"))
    odd = patients.register_patient(db, new_patient("Studio", "C2", "+91 98100 00013"))
    assert odd.id in patients.search_patients(db, "c2").ids
