"""`make screenshots`: the real window on a demo database, saved as PNGs in docs/screenshots.

Run under a display (make screenshots starts Xvfb):
    python tools/screenshots.py --size 1366x768
It builds a demo database in a temporary data folder, then photographs the
main window, each booking wizard page and the case decision modal, then the sign-in and
Settings > Accounts (tools/screenshots_sign_in.py).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
sys.path.insert(0, str(ROOT))


def wait_until(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    from PySide6.QtTest import QTest

    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get there in time")
        QTest.qWait(20)


def save(widget, name: str, size: str) -> Path:
    from PySide6.QtTest import QTest

    QTest.qWait(150)  # let layouts and fonts settle before the photo
    path = OUT / f"{name}-{size}.png"
    widget.grab().save(str(path))
    print(f"saved {path.relative_to(ROOT)}")
    return path


def make_demo_database(folder: Path) -> str:
    database = str(folder / "demo.sqlite3")
    command = [
        sys.executable,
        "-m",
        "app",
        "--database",
        database,
        "demo-data",
        "--patients",
        "2000",
    ]
    subprocess.run(command, check=True, cwd=ROOT)
    command = [sys.executable, "-m", "app", "--database", database, "config", "set"]
    subprocess.run([*command, "clinic.name", "Sunrise Physiotherapy"], check=True, cwd=ROOT)
    return database


def patient_with_open_cases(db) -> int:
    """A demo patient with two or more cases, at least one open: the richest view."""
    from app.services import patients

    for patient_id in patients.search_patients(db, "", 0, 500).ids:
        record = patients.get_patient(db, patient_id)
        has_open = any(c.status == "open" for c in record.cases)
        if len(record.cases) >= 2 and has_open and record.patient.email:
            return patient_id
    raise RuntimeError("the demo data has no patient with two cases")


BOOK_PRACTITIONERS = ("Meera Iyer", "Tom Walsh", "Lina Costa", "Arjun Nair")


def busy_book_day(db) -> None:
    """Six practitioners and a full next working day, so the book photo shows a real day."""
    from datetime import UTC, datetime, time
    from zoneinfo import ZoneInfo

    from app.services import booking, patients, practitioners, settings
    from app.services.dto import BookingRequest, CaseDecision

    present = {p.name for p in practitioners.list_practitioners(db)}
    for name in BOOK_PRACTITIONERS:
        if name not in present:
            practitioners.add_practitioner(db, name)
    zone = ZoneInfo(settings.get(db, "clinic.timezone"))
    day = book_day(zone)
    # Patients from the end of the list: the window and wizard photos keep their usual patient.
    ids = patients.search_patients(db, "", 1500, 200).ids
    starts = [time(h, m) for h in (9, 10, 11, 12, 14, 15, 16) for m in (0, 30)]
    people = practitioners.list_practitioners(db)
    for n, patient_id in enumerate(ids[: len(people) * 9]):
        who = people[n % len(people)]
        slot = starts[(n // len(people) * 3 + n % 3) % len(starts)]
        start = datetime.combine(day, slot, zone).astimezone(UTC)
        request = BookingRequest(
            case_title="Follow-up visit",
            body_parts=(("Left knee", "Lower back", "Neck", "Right shoulder")[n % 4],),
            practitioner_id=who.id,
            starts_at=start,
            patient_id=patient_id,
            override=start < datetime.now(UTC),  # earlier today: booked as walk-ins
        )
        try:
            booking.book_appointment(db, request, CaseDecision.new_case())
        except Exception:  # noqa: BLE001 - a slot already taken by the demo data: skip it
            continue


def book_day(zone) -> object:
    """The next weekday in the clinic's zone (today when it is one)."""
    from datetime import datetime, timedelta

    day = datetime.now(zone).date()
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def photograph_book(window, size: str) -> None:
    from PySide6.QtCore import QDate

    panel = window.book
    panel.tabs.setCurrentWidget(panel)
    wait_until(lambda: panel.book is not None and not window.runner.busy("book"))
    day = book_day(panel.zone)
    panel.date.setDate(QDate(day.year, day.month, day.day))
    wait_until(lambda: panel.book.day == day and not window.runner.busy("book"))
    panel.view.show_slot(panel.model.row_of_time(min(s.starts_at for s in panel.book.working)))
    save(window, "book-day", size)
    panel.week_button.setChecked(True)
    wait_until(lambda: hasattr(panel.book, "practitioner") and not window.runner.busy("book"))
    save(window, "book-week", size)
    panel.week_button.setChecked(False)
    wait_until(lambda: not hasattr(panel.book, "practitioner") and not window.runner.busy("book"))
    panel.tabs.setCurrentIndex(0)


def photograph_new_patient_page(window, size: str) -> None:
    from PySide6.QtWidgets import QWizard

    window.new_booking_button.click()
    wait_until(lambda: window.findChild(QWizard, "bookingWizard") is not None)
    wizard = window.findChild(QWizard, "bookingWizard")
    wait_until(wizard.isVisible)
    inputs = wizard.patient_page.inputs
    for name, text in (("firstName", "Kavya"), ("lastName", "Menon"), ("phone", "98450 12345")):
        inputs[name].setText(text)
    inputs["email"].setText("kavya.menon@example.com")
    save(wizard, "wizard-1-new-patient", size)
    wizard.done(0)  # straight out: nothing to keep in a photo session
    wait_until(lambda: window.findChild(QWizard, "bookingWizard") is None)


def photograph(database: str, size: str) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QWizard

    from app.main import create_main_window

    width, height = (int(n) for n in size.split("x"))
    window = create_main_window(database)
    busy_book_day(window.db)
    window.resize(width, height)
    window.show()
    wait_until(lambda: not window.patients.model.searching)
    patient_id = patient_with_open_cases(window.db)
    window.patients.show_patient(patient_id, "")
    wait_until(lambda: window.patients.model.row_of(patient_id) >= 0)
    window.patients.list.selectRow(window.patients.model.row_of(patient_id))
    wait_until(lambda: window.record is not None and window.record.patient.id == patient_id)
    window.case_panel.appointments.selectRow(0)
    save(window, "main-window", size)
    photograph_book(window, size)

    photograph_new_patient_page(window, size)
    window.actions.book_for_patient.trigger()
    wait_until(lambda: window.findChild(QWizard, "bookingWizard") is not None)
    wizard = window.findChild(QWizard, "bookingWizard")
    wait_until(wizard.isVisible)
    # The chosen patient is read off the UI thread; Next waits for it, and so do we.
    wait_until(lambda: wizard.patient_page.chosen_patient() is not None)
    save(wizard, "wizard-1-patient", size)
    wizard.next()
    wait_until(lambda: wizard.currentId() == 1)  # the case page
    wizard.setField("caseTitle", "Knee pain after a fall")
    wizard.setField("bodyParts", ["Left knee", "Lower back"])
    save(wizard, "wizard-2-case", size)

    def answer_decision() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None or modal.objectName() != "caseDecisionDialog":
            QTimer.singleShot(50, answer_decision)
            return
        save(modal, "case-decision", size)
        modal.findChild(object, "updateCaseButton").click()

    QTimer.singleShot(0, answer_decision)
    wizard.next()  # the decision modal opens here, and is answered above
    wait_until(lambda: wizard.appointment_page.selected_slot() is not None)
    save(wizard, "wizard-3-appointment", size)
    wizard.next()
    wait_until(lambda: wizard.currentId() == 3)  # the review page
    save(wizard, "wizard-4-review", size)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    wait_until(lambda: window.banner.isVisible() and window.findChild(QWizard) is None)
    wait_until(lambda: window.record is not None and window.record.patient.id == patient_id)
    save(window, "main-window-booked", size)
    window.close()
    window.db.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", action="append", help="WIDTHxHEIGHT, may repeat")
    args = parser.parse_args()
    sizes = args.size or ["1366x768", "1920x1080"]
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="casedesk-shots-") as folder:
        os.environ["CASEDESK_DATA_DIR"] = folder
        database = make_demo_database(Path(folder))
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance() or QApplication(sys.argv)
        app.setApplicationName("CaseDesk")
        for size in sizes:
            photograph(database, size)
        from tools.screenshots_sign_in import photograph_sign_in

        for size in sizes:  # last: the staff accounts it adds make the window ask to sign in
            photograph_sign_in(database, size)
    return 0


if __name__ == "__main__":
    sys.exit(main())
