"""Importing patients from Cliniko- and Nookal-shaped CSV exports, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.models import AuditEvent, Patient
from app.services import patients, settings
from app.services.patient_csv import ImportFileError, guess_mapping, open_csv
from app.services.patient_import import import_patients, preview, save_refused
from tests.conftest import new_patient

DATA = Path(__file__).resolve().parent.parent / "data"
CLINIKO = DATA / "cliniko_patients.csv"
NOOKAL = DATA / "nookal_clients.csv"


@pytest.fixture
def au(db):
    settings.set(db, "clinic.region", "AU")
    return db


def stored(db) -> dict[str, Patient]:
    with db.reading() as session:
        found = session.scalars(select(Patient)).all()
        session.expunge_all()
        return {f"{p.first_name} {p.last_name}": p for p in found}


def import_audits(db) -> list[AuditEvent]:
    with db.reading() as session:
        events = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "patient.import").order_by(AuditEvent.id)
        ).all()
        session.expunge_all()
        return list(events)


def patient_count(db) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(Patient))


def test_cliniko_export_imports_good_rows_and_names_the_bad_ones(au):
    report = import_patients(au, CLINIKO)

    assert report.counts() == "imported 4, skipped 1, refused 3"
    people = stored(au)
    assert set(people) == {"Olivia Nguyen", "Jack O'Brien", "Chloé Martin", "Mia Brown"}
    chloe = people["Chloé Martin"]
    assert chloe.birth_date == date(1990, 12, 31)  # 31/12/1990: day first in AU
    assert chloe.phone == "+61421555010"  # 0421 555 010, a national AU mobile
    assert chloe.sex == "female"
    assert people["Olivia Nguyen"].birth_date == date(1985, 3, 14)
    refused = {row.line: {p.field: p.column_name for p in row.problems} for row in report.refused}
    assert refused == {
        5: {"email": "Email"},
        6: {"birth_date": "Date of Birth"},
        7: {"phone": "Mobile Phone"},
    }
    assert report.refused[0].describe().startswith("line 5: Email: The e-mail address")
    events = import_audits(au)
    assert [e.after["count"] for e in events] == [4]  # one entry for the batch, not per row


def test_importing_the_same_export_again_skips_everyone(au):
    import_patients(au, CLINIKO)
    again = import_patients(au, CLINIKO)
    assert again.counts() == "imported 0, skipped 5, refused 3"
    assert patient_count(au) == 4
    assert len(import_audits(au)) == 1  # nothing written, nothing audited


def test_a_registered_patient_with_the_same_name_and_birth_date_is_skipped(au):
    # Different phone, accents and case: the folded name and the date of birth still match.
    patients.register_patient(
        au, new_patient("CHLOE", "martin", "0499 000 000", birth_date=date(1990, 12, 31))
    )
    report = import_patients(au, CLINIKO)
    assert (report.imported, report.skipped) == (3, 2)
    assert "Chloé Martin" not in stored(au)


def test_nookal_export_reads_mobile_phone_and_single_letter_gender(au):
    mapping = guess_mapping(open_csv(NOOKAL).headers)
    assert mapping["phone"] == 7  # Mobile Phone, not Home Phone
    assert mapping["email"] == 9  # Email Address

    report = import_patients(au, NOOKAL)

    assert report.counts() == "imported 3, skipped 0, refused 2"
    people = stored(au)
    assert people["Mary Johnson"].sex == "female"
    assert people["Mary Johnson"].phone == "+61412345699"
    assert people["Sam Lee"].sex == "other"
    assert people["Mary Johnson"].birth_date == date(1970, 1, 31)
    assert {r.line: [p.field for p in r.problems] for r in report.refused} == {
        5: ["phone"],  # no mobile number
        6: ["birth_date"],  # 12/13/1990 has no 13th month when the day comes first
    }


def test_month_first_dates_in_the_us(db, tmp_path):
    settings.set(db, "clinic.region", "US")
    path = tmp_path / "us.csv"
    path.write_text("First Name,Last Name,Phone,DOB\nAmy,Stone,(201) 555-0123,02/03/1990\n")
    assert import_patients(db, path).imported == 1
    assert stored(db)["Amy Stone"].birth_date == date(1990, 2, 3)


def test_refused_rows_saved_fixed_and_imported_again(au, tmp_path):
    report = import_patients(au, CLINIKO)
    saved = save_refused(report, tmp_path / "refused.csv")

    with saved.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == [*report.headers, "error"]
    assert [r[2] for r in rows[1:]] == ["Liam", "Ava", "Noah"]
    assert rows[1][-1].startswith("line 5: Email:")
    rows[1][7] = "liam@example.com"  # the clinic fixes one e-mail address
    with saved.open("w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerows(rows)

    again = import_patients(au, saved)
    assert again.counts() == "imported 1, skipped 0, refused 2"
    assert "Liam Smith" in stored(au)


def big_file(path: Path, rows: int) -> Path:
    with path.open("w", newline="") as f:
        out = csv.writer(f)
        out.writerow(["First Name", "Last Name", "Mobile Phone", "Date of Birth"])
        for i in range(rows):
            out.writerow([f"Pat{i}", "Import", f"04{i:08d}", "01/02/1980"])
    return path


def test_an_import_stopped_half_way_can_be_run_again_without_duplicates(au, tmp_path):
    path = big_file(tmp_path / "big.csv", 2500)

    def stop_after_first_batch(done: int, total: int) -> None:
        raise RuntimeError("the desk was switched off")

    with pytest.raises(RuntimeError):
        import_patients(au, path, batch_size=1000, progress=stop_after_first_batch)
    assert patient_count(au) == 1000  # the first batch committed, nothing after it

    report = import_patients(au, path, batch_size=1000)
    assert report.counts() == "imported 1500, skipped 1000, refused 0"
    assert patient_count(au) == 2500
    assert [e.after["count"] for e in import_audits(au)] == [1000, 1000, 500]


def test_a_patient_twice_in_one_file_is_imported_once(au, tmp_path):
    path = tmp_path / "twice.csv"
    path.write_text("First Name,Last Name,Mobile\nZoe,Ng,0412 000 001\nzoe,NG,0412000001\n")
    assert import_patients(au, path).counts() == "imported 1, skipped 1, refused 0"


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [("utf-8-sig", ","), ("cp1252", ","), ("utf-8", ";"), ("cp1252", ";")],
)
def test_bom_windows_1252_and_semicolon_files(au, tmp_path, encoding, delimiter):
    text = (
        f"First Name{delimiter}Surname{delimiter}Mobile{delimiter}E-mail\r\n"
        f"Renée{delimiter}Müller{delimiter}0412 111 222{delimiter}renee@example.com\r\n"
    )
    path = tmp_path / "export.csv"
    path.write_bytes(text.encode(encoding))
    assert import_patients(au, path).imported == 1
    assert stored(au)["Renée Müller"].email == "renee@example.com"


def test_mapping_given_by_the_caller_overrides_the_guess(au, tmp_path):
    path = tmp_path / "odd.csv"
    path.write_text("Col A,Col B,Col C\nIvy,Chen,0412 333 444\n")
    with pytest.raises(ImportFileError, match="first name"):
        import_patients(au, path)
    mapping = {"first_name": 0, "last_name": 1, "phone": 2}
    assert import_patients(au, path, mapping).imported == 1


def test_files_that_cannot_be_read_are_refused(au, tmp_path):
    with pytest.raises(ImportFileError, match="no file"):
        import_patients(au, tmp_path / "missing.csv")
    binary = tmp_path / "photo.csv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    with pytest.raises(ImportFileError, match="not a CSV"):
        import_patients(au, binary)
    assert patient_count(au) == 0


def test_preview_shows_problems_beside_their_cells(au):
    shown = preview(au, CLINIKO, limit=5)
    assert shown.total_rows == 8
    assert len(shown.rows) == 5
    assert dict(shown.mapping)["birth_date"] == 5
    problems = {r.line: [(p.column, p.field) for p in r.problems] for r in shown.rows}
    assert problems[5] == [(7, "email")]
    assert problems[2] == []
    assert patient_count(au) == 0  # a preview writes nothing


def test_each_batch_announces_the_patients_it_added(au, tmp_path):
    heard = []
    stop = au.listen(heard.append)
    try:
        import_patients(au, big_file(tmp_path / "three.csv", 3), batch_size=2)
    finally:
        stop()
    added = [c.ids_in("patient") for c in heard if c.touches("patient")]
    assert [len(ids) for ids in added] == [2, 1]  # named rows, not "any patient"
    assert set().union(*added) == set(stored_ids(au))


def stored_ids(db) -> list[int]:
    with db.reading() as session:
        return list(session.scalars(select(Patient.id)))
