"""Spanish for real: every word the main window and the booking wizard show changes language.

The same window (and wizard) is built on the same records twice, in English and in Spanish,
and every visible label, button, menu entry, tab, header, placeholder, title and wizard page
title is compared, place by place. Only data (names, case IDs, numbers) may read the same.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QTabBar,
    QTabWidget,
    QWidget,
    QWizard,
)

from app import language
from app.dialogs.booking_wizard import APPOINTMENT_PAGE, CASE_PAGE, REVIEW_PAGE, BookingWizard
from app.main import create_main_window
from app.services import patients, settings
from app.services.errors import SlotTakenError, ValidationError
from app.services.words import say
from app.views.clinic_format import (
    appointment_start,
    appointments_count,
    format_date,
    format_number,
)
from app.views.runner import plain_message, translated
from tests.conftest import new_patient

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "casedesk_es.ts"
QM = ROOT / "resources" / "translations" / "casedesk_es.qm"

# What reads the same in both languages: the records the test made, and names.
SAME_IN_BOTH = {
    "CaseDesk",
    "Priya Sharma",
    "Priya",
    "Sharma",
    "Asha Rao",
    "Knee pain",
    "WhatsApp",
}


@pytest.fixture
def spanish():
    """Installs Spanish as CaseDesk does at start; English again afterwards."""
    before = QLocale()
    installed: list[QTranslator] = []

    def switch() -> None:
        installed.extend(language.install("es", "IN"))
        assert len(installed) == 2, "CaseDesk's and Qt's Spanish translations both load"

    yield switch
    language.remove(installed)
    QLocale.setDefault(before)


# --- the translation files ------------------------------------------------------------------


def ts_messages() -> list[tuple[str, ET.Element]]:
    root = ET.parse(TS).getroot()
    return [(c.findtext("name"), m) for c in root.iter("context") for m in c.iter("message")]


def test_every_message_is_translated():
    messages = ts_messages()
    assert len(messages) > 400
    unfinished = [
        m.findtext("source")
        for _, m in messages
        if m.find("translation").get("type") in ("unfinished", "obsolete", "vanished")
        or not "".join(m.find("translation").itertext()).strip()
    ]
    assert unfinished == []


def test_the_compiled_file_says_what_the_source_file_says(qapp):
    """The committed .qm is what lrelease makes of the .ts (`make translations`)."""
    translator = QTranslator()
    assert translator.load(str(QM))
    stale = []
    for context, message in ts_messages():
        source = message.findtext("source")
        forms = [f.text for f in message.iter("numerusform")]
        if forms:
            got = [translator.translate(context, source, None, n) for n in (1, 2)]
            wanted = forms  # QTranslator leaves %n to QCoreApplication.translate
        else:
            got, wanted = translator.translate(context, source), message.findtext("translation")
        if got != wanted:
            stale.append(source)
    assert stale == []


def test_placeholders_survive_translation():
    """A translation that loses {name} or %1 would fail (or say less) when it is filled."""
    holes = re.compile(r"\{\w*\}|%\d|%n")
    broken = []
    for _, message in ts_messages():
        source = message.findtext("source")
        forms = [f.text for f in message.iter("numerusform")]
        for text in forms or [message.findtext("translation")]:
            if text and sorted(holes.findall(text)) != sorted(holes.findall(source)):
                broken.append(source)
    assert broken == []


# --- the language setting -------------------------------------------------------------------


def test_config_accepts_only_the_languages_there_are_translations_for():
    assert settings.validate("clinic.language", " ES ") == "es"
    assert settings.KEYS["clinic.language"].default == "en"
    with pytest.raises(ValidationError) as refused:
        settings.validate("clinic.language", "fr")
    assert refused.value.field == "clinic.language"
    for code in settings.LANGUAGES:
        assert code == "en" or language.translation_file(code).exists()


def test_settings_chooses_the_language(qtbot, db, practitioner):
    from app.dialogs.settings_dialog import SettingsDialog

    settings.set(db, "clinic.name", "Green Park Physiotherapy")
    dialog = SettingsDialog(db)
    dialog.open()
    qtbot.waitUntil(lambda: dialog.is_loaded)
    combo = dialog.findChild(QComboBox, "clinicLanguageCombo")
    assert combo.currentData() == "en"
    combo.setCurrentIndex(combo.findData("es"))
    assert dialog.unsaved_tabs()
    with qtbot.waitSignal(dialog.saved):
        assert dialog.save()
    assert settings.get(db, "clinic.language") == "es"
    assert language.clinic_language(str(db.path)) == ("es", "IN")
    dialog.done(0)


def test_dates_and_counts_follow_the_language(qapp, spanish):
    day = date(2026, 11, 26)
    moment = datetime(2026, 11, 26, 9, 30, tzinfo=UTC)
    assert "Nov" in format_date(day)
    english_start = appointment_start(moment)
    assert "Thu" in english_start
    assert appointments_count(3) == "3 appointments"
    assert format_number(12345) == "12,345"
    spanish()
    assert QLocale().language() == QLocale.Language.Spanish
    assert "nov" in format_date(day) and "Nov" not in format_date(day)
    assert appointment_start(moment).startswith("jue")
    assert appointments_count(1) == "1 cita"
    assert appointments_count(3) == "3 citas"
    assert format_number(12345) == "12.345"


def test_service_messages_are_translated_before_they_are_filled(qapp, spanish):
    def refusal(check) -> BaseException:
        with pytest.raises((ValidationError, SlotTakenError)) as caught:
            check()
        return caught.value

    empty_first = refusal(lambda: patients.validate_details(new_patient(first=" "), "IN"))
    bad_phone = refusal(lambda: patients.parse_phone("12", "IN"))
    assert plain_message(empty_first) == "Enter the patient's first name."
    assert plain_message(bad_phone) == "'12' is not a valid phone number for region IN."
    spanish()
    assert plain_message(empty_first) == "Escriba el nombre del paciente."
    assert plain_message(bad_phone) == "«12» no es un número de teléfono válido para la región IN."
    taken = SlotTakenError(
        say(
            "{name} already has an appointment at that time. Choose another slot.",
            name="Asha Rao",
        )
    )
    assert plain_message(taken) == "Asha Rao ya tiene una cita a esa hora. Elija otro hueco."
    assert str(taken).startswith("Asha Rao already has")  # the log and the CLI keep English


# --- every visible word ---------------------------------------------------------------------


def _plain(text: str) -> str:
    text = re.sub(r"<[^>]+>", " ", text)
    return " ".join(text.replace("&&", "\0").replace("&", "").replace("\0", "&").split())


def _path(widget: QWidget, top: QWidget) -> str:
    parts = []
    while widget is not None and widget is not top:
        parts.append(widget.objectName() or type(widget).__name__)
        widget = widget.parentWidget()
    return "/".join(reversed(parts))


def _menu_words(menu: QMenu, where: str, found: list[tuple[str, str]]) -> None:
    for number, action in enumerate(menu.actions()):
        if action.isSeparator() or not action.isVisible():
            continue
        found.append((f"{where}/{action.objectName()}#{number}", action.text()))
        if action.menu() is not None:
            _menu_words(action.menu(), f"{where}#{number}", found)


def visible_words(top: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every word a receptionist can see in `top`, in a stable order."""
    found: list[tuple[str, str]] = [("windowTitle", top.windowTitle())]
    if isinstance(top, QMainWindow):
        for number, action in enumerate(top.menuBar().actions()):
            found.append((f"menu#{number}", action.text()))
            _menu_words(action.menu(), f"menu#{number}", found)
    if isinstance(top, QWizard):
        page = top.currentPage()
        found += [("page/title", page.title()), ("page/subTitle", page.subTitle())]
    for widget in top.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not top:
            continue
        where = _path(widget, top)
        if isinstance(widget, (QLabel, QAbstractButton)):
            found.append((where, widget.text()))
        elif isinstance(widget, QGroupBox):
            found.append((where, widget.title()))
        elif isinstance(widget, QTabBar):
            found += [(f"{where}#{i}", widget.tabText(i)) for i in range(widget.count())]
        elif isinstance(widget, QHeaderView) and widget.orientation() == Qt.Orientation.Horizontal:
            model = widget.model()
            for section in range(widget.count() if model is not None else 0):
                if not widget.isSectionHidden(section):
                    text = model.headerData(section, Qt.Orientation.Horizontal)
                    found.append((f"{where}#{section}", str(text or "")))
        elif isinstance(widget, QLineEdit):
            found.append((f"{where}:placeholder", widget.placeholderText()))
        if isinstance(widget, QComboBox) and widget.objectName() in ("sexCombo", "appointmentKind"):
            found += [(f"{where}#{i}", widget.itemText(i)) for i in range(widget.count())]
    return [(where, _plain(text)) for where, text in found if _plain(text)]


def is_data(text: str) -> bool:
    """Numbers, times, case IDs, phone numbers and the test's own records."""
    if not re.search(r"[^\W\d_]", text):
        return True
    if re.fullmatch(r"C-\d{5,}", text) or text in SAME_IN_BOTH:
        return True
    parts = [part for part in re.split(r"\s*[·,|]\s*|\s+", text) if part]
    return len(parts) > 1 and all(is_data(part) for part in parts)


def untranslated(english: list[tuple[str, str]], spanish: list[tuple[str, str]]) -> list:
    assert [w for w, _ in english] == [w for w, _ in spanish], "the same widgets in both"
    assert len(english) > 6
    return [
        (where, en)
        for (where, en), (_, es) in zip(english, spanish, strict=True)
        if en == es and not is_data(en)
    ]


def open_main_window(qtbot, database: str) -> QMainWindow:
    window = create_main_window(database)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitUntil(lambda: window._first_read_done and not window.patients.model.searching)
    model = window.patients.model
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    window.patients.list.selectRow(0)
    qtbot.waitUntil(lambda: window.record is not None)
    qtbot.waitUntil(lambda: window.findChild(QComboBox, "caseSelector").count() == 1)
    qtbot.waitUntil(lambda: window.findChild(QWidget, "caseAppointments").model().rowCount() == 1)
    return window


def main_window_words(qtbot, database: str) -> list[tuple[str, str]]:
    window = open_main_window(qtbot, database)
    try:
        qtbot.wait(50)  # the last answers paint their labels
        words = visible_words(window)
        window.findChild(QTabWidget, "bookTabs").setCurrentIndex(1)  # the appointment book
        book = window.findChild(QWidget, "scheduleView")
        qtbot.waitUntil(lambda: book.isVisible() and book.model().columnCount() == 1)
        qtbot.wait(50)
        return words + visible_words(window)
    finally:
        window.close()
        window.db.dispose()


def test_every_word_of_the_main_window_changes_language(qtbot, db, book, spanish):
    book()
    english = main_window_words(qtbot, str(db.path))
    spanish()
    assert untranslated(english, main_window_words(qtbot, str(db.path))) == []


def wizard_words(qtbot, db) -> list[tuple[str, str]]:
    """Every page of a new patient's booking, as the receptionist goes through it."""
    wizard = BookingWizard(db)
    wizard.show()
    qtbot.waitExposed(wizard)
    words = []
    try:
        page = wizard.patient_page
        page.inputs["firstName"].setFocus()
        qtbot.wait(50)
        words += visible_words(wizard)
        page.inputs["firstName"].setText("Priya")
        page.inputs["lastName"].setText("Sharma")
        page.inputs["phone"].setText("12")  # refused beside the field, in the desk's language
        qtbot.waitUntil(lambda: "12" in page.form.errors.get("phone", ""))
        words += visible_words(wizard)
        page.inputs["phone"].setText("+91 98123 45678")
        qtbot.waitUntil(wizard.button(QWizard.WizardButton.NextButton).isEnabled)
        wizard.next()
        qtbot.waitUntil(lambda: wizard.currentId() == CASE_PAGE)
        words += visible_words(wizard)
        wizard.setField("caseTitle", "Knee pain")
        wizard.setField("bodyParts", ["Left knee"])
        words += visible_words(wizard)
        words += referral_group_words(qtbot, wizard)
        wizard.next()
        qtbot.waitUntil(lambda: wizard.currentId() == APPOINTMENT_PAGE)
        qtbot.waitUntil(lambda: wizard.appointment_page.selected_slot() is not None)
        words += visible_words(wizard)
        wizard.next()
        assert wizard.currentId() == REVIEW_PAGE
        words += visible_words(wizard)
        return words
    finally:
        wizard.done(QDialog.DialogCode.Rejected)
        wizard.runner.wait()
        wizard.deleteLater()


def referral_group_words(qtbot, wizard: BookingWizard) -> list[tuple[str, str]]:
    """The case page's folded referral group, opened, with a date it cannot read; left empty."""
    page = wizard.case_page
    page.referral_toggle.click()
    terms = page.referral
    terms.written.setText("not a date")  # said beside the terms, in the desk's language
    qtbot.waitUntil(terms.message.isVisible)
    words = visible_words(wizard)
    words.append(("approvedSessions:specialValue", terms.sessions.specialValueText()))
    words.append(("approvedSessions:accessibleName", terms.sessions.accessibleName()))
    terms.written.setText("")
    page.referral_toggle.click()
    return words


def test_every_word_of_the_booking_wizard_changes_language(qtbot, db, practitioner, spanish):
    english = wizard_words(qtbot, db)
    assert "Send link & reserve appointment" in [text for _, text in english]
    spanish()
    in_spanish = wizard_words(qtbot, db)
    assert "Enviar enlace y reservar cita" in [text for _, text in in_spanish]
    assert "Siguiente >" in [text for _, text in in_spanish]  # Qt's own buttons too
    assert untranslated(english, in_spanish) == []


def test_the_referral_group_and_its_warning_read_spanish(qtbot, db, book, spanish):
    from app.services.dto import CaseDecision
    from tests.dialogs.helpers import fill_case

    first = book(referral="Dr Mehta", approved_sessions=1)
    spanish()
    wizard = BookingWizard(db, patient_id=first.patient_id)
    wizard.show()
    try:
        qtbot.waitUntil(lambda: wizard.patient_page.chosen_patient() is not None)
        wizard.case_decision_answer = lambda found: CaseDecision.update(first.case_id)
        wizard.next()
        words = dict(referral_group_words(qtbot, wizard))
        assert "&Derivación (opcional)" in [b.text() for b in wizard.findChildren(QAbstractButton)]
        assert words["approvedSessions:specialValue"] == "Sin límite"
        assert any("no es una fecha" in text and "AAAA" in text for text in words.values())
        fill_case(wizard)
        wizard.next()
        qtbot.waitUntil(lambda: wizard.currentId() == APPOINTMENT_PAGE)
        warning = wizard.appointment_page.referral_message
        qtbot.waitUntil(warning.isVisible)
        assert warning.text() == (
            "La derivación de este caso permite 1 sesión y ya está reservada. "
            "La clínica permite reservar aunque se haya superado."
        )
    finally:
        wizard.done(QDialog.DialogCode.Rejected)
        wizard.runner.wait()
        wizard.deleteLater()


def sign_in_words(qtbot, db, *, locked: bool) -> list[tuple[str, str]]:
    """The sign-in dialog as it opens, then refusing an empty name and a wrong password."""
    from app.dialogs.sign_in_dialog import SignInDialog

    dialog = SignInDialog(db, locked=locked)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    try:
        words = visible_words(dialog)
        dialog.ok_button.click()  # no user name
        qtbot.waitUntil(dialog.message.isVisible)
        words += visible_words(dialog)
        dialog.user_name.setText("Anna")
        dialog.password.setText("not her password")
        with qtbot.waitSignal(dialog.refused):
            dialog.ok_button.click()
        return words + visible_words(dialog)
    finally:
        dialog.done(QDialog.DialogCode.Rejected)


def test_every_word_of_the_sign_in_dialog_changes_language(qtbot, db, spanish):
    from app.services import accounts

    accounts.add_account(db, "Anna", "admin", "correct horse battery")
    english = sign_in_words(qtbot, db, locked=False) + sign_in_words(qtbot, db, locked=True)
    assert "The user name or password is wrong." in [text for _, text in english]
    spanish()
    in_spanish = sign_in_words(qtbot, db, locked=False) + sign_in_words(qtbot, db, locked=True)
    assert "Iniciar sesión" in [text for _, text in in_spanish]
    assert "El nombre de usuario o la contraseña no son correctos." in [
        text for _, text in in_spanish
    ]
    assert untranslated(english, in_spanish) == []


def test_referral_refusals_read_spanish(qapp, spanish):
    from app.services import referrals
    from app.services.dto import ReferralUsage

    until = date(2027, 3, 12)
    ran_out = referrals.problem(ReferralUsage(1, "Dr Mehta", 6, 2, until), date(2027, 3, 13))
    all_booked = referrals.problem(ReferralUsage(1, None, 6, 6, None), until)
    one_booked = referrals.problem(ReferralUsage(1, None, 1, 1, None), until)
    more_booked = referrals.problem(ReferralUsage(1, None, 6, 7, None), until)
    with pytest.raises(ValidationError) as too_many:
        referrals.check_terms(None, 201, None)
    with pytest.raises(ValidationError) as backwards:
        referrals.check_terms(until, None, date(2027, 1, 5))
    english = [translated(m) for m in (ran_out, all_booked, one_booked, more_booked)]
    assert english == [
        "This case's referral ran out on 12 Mar 2027.",
        "This case's referral allows 6 sessions and all 6 are booked.",
        "This case's referral allows 1 session and all 1 is booked.",
        "This case's referral allows 6 sessions and 7 are booked.",
    ]
    assert plain_message(backwards.value) == (
        "The referral cannot run out (5 Jan 2027) before it was written (12 Mar 2027)."
    )
    spanish()
    assert [translated(m) for m in (ran_out, all_booked, one_booked, more_booked)] == [
        "La derivación de este caso venció el 12 mar 2027.",
        "La derivación de este caso permite 6 sesiones y ya están reservadas las 6.",
        "La derivación de este caso permite 1 sesión y ya está reservada.",
        "La derivación de este caso permite 6 sesiones y hay 7 reservadas.",
    ]
    assert plain_message(too_many.value) == (
        "Las sesiones aprobadas deben ser de 1 a 200; déjelo vacío si no hay límite."
    )
    assert plain_message(backwards.value) == (
        "La derivación no puede vencer (5 ene 2027) antes de la fecha en que se emitió "
        "(12 mar 2027)."
    )
    assert str(ran_out) == "This case's referral ran out on 12 Mar 2027."  # the log keeps English


def test_no_translation_is_left_installed(qapp):
    """The fixture takes Spanish back out, so the other tests read English."""
    assert QCoreApplication.translate("BookingWizard", "New booking") == "New booking"


def decision_words(qtbot, found) -> list[tuple[str, str]]:
    from app.dialogs.case_decision import CaseDecisionDialog

    dialog = CaseDecisionDialog(found, ["Neck"], "Priya Sharma")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    words = visible_words(dialog)
    dialog.done(QDialog.DialogCode.Rejected)
    return words


def test_every_word_of_the_case_decision_changes_language(qtbot, db, book, spanish):
    from app.services import booking

    knee = book(case_title="Knee pain", body_parts=("Left knee",))
    found = booking.open_cases(db, knee.patient_id, ["Neck"])
    english = decision_words(qtbot, found)
    spanish()
    assert untranslated(english, decision_words(qtbot, found)) == []


# --- body parts -----------------------------------------------------------------------------


def test_the_picker_speaks_and_understands_spanish(qtbot, spanish):
    from PySide6.QtTest import QTest

    from app.dialogs.body_part_picker import BodyPartPicker

    spanish()
    picker = BodyPartPicker()
    qtbot.addWidget(picker)
    sites = [picker.sites.item(row).text() for row in range(picker.sites.count())]
    assert "Rodilla" in sites and "Zona lumbar" in sites and "Knee" not in sites
    for typed in ("rodilla der", "ambas rodillas", "hombro izquierdo", "left hip", "cuello"):
        QTest.keyClicks(picker.filter, typed)
        QTest.keyClick(picker.filter, Qt.Key.Key_Return)
        assert picker.filter.text() == "", typed
    # The field keeps the keys' English labels; the chips read Spanish.
    assert picker.keys() == [
        ("knee", "both"),
        ("shoulder", "left"),
        ("hip", "left"),
        ("neck", ""),
    ]
    flow = picker.chip_flow
    chips = [flow.itemAt(i).widget().text().rstrip(" \u2715") for i in range(flow.count())]
    assert chips == ["Ambas rodillas", "Hombro izquierdo", "Cadera izquierda", "Cuello"]
    QTest.keyClicks(picker.filter, "tobillo")
    QTest.keyClick(picker.filter, Qt.Key.Key_Return)
    assert "Elija un lado" in picker.message.text() and "tobillo" in picker.message.text()


# --- service messages outside the wizard, and true plurals ----------------------------------


def test_refusals_of_settings_accounts_roles_and_the_book_read_spanish(qapp, spanish):
    from datetime import UTC, datetime, timedelta

    from app.services import accounts, permissions, schedule_rules
    from app.services.errors import NotAllowedError
    from app.services.words import QT_TRANSLATE_NOOP as mark
    from app.statuses import status_in_a_sentence

    def refusal(check) -> BaseException:
        with pytest.raises((ValidationError, NotAllowedError)) as caught:
            check()
        return caught.value

    port = refusal(lambda: settings.validate("smtp.port", "99999"))
    practitioner_only = NotAllowedError(say(permissions._REFUSALS[permissions.Permission.SETTINGS]))
    now = datetime(2026, 11, 26, 9, tzinfo=UTC)
    locked = {n: accounts._locked_words(now + timedelta(minutes=n), now) for n in (1, 5)}
    moved = say(
        mark("services", "A {status} appointment cannot be moved."),
        status=status_in_a_sentence("cancelled"),
    )
    sunday = say(
        mark(
            "services",
            "{name} does not work on {weekdays}. Choose another day, or book it as out of hours.",
        ),
        name="Asha Rao",
        weekdays=say(schedule_rules.WEEKDAYS[6]),
    )
    english = [plain_message(port), plain_message(practitioner_only), *locked.values()]
    assert english[0] == "'99999' is not a port number (1 to 65535)."
    assert "Try again in 1 minute," in english[2] and "Try again in 5 minutes," in english[3]
    assert translated(moved) == "A cancelled appointment cannot be moved."
    assert translated(sunday).startswith("Asha Rao does not work on Sundays.")
    spanish()
    assert plain_message(port) == "«99999» no es un número de puerto (de 1 a 65535)."
    assert plain_message(practitioner_only).startswith("Solo un administrador")
    assert "dentro de 1 minuto o" in translated(locked[1])
    assert "dentro de 5 minutos o" in translated(locked[5])
    assert translated(moved) == "Una cita en estado «cancelada» no se puede mover."
    assert translated(sunday).startswith("Asha Rao no trabaja los domingos.")


def test_import_refusals_read_spanish(qapp, spanish, tmp_path):
    from app.services import patient_csv

    def refusal(check) -> BaseException:
        with pytest.raises(patient_csv.ImportFileError) as caught:
            check()
        return caught.value

    no_name = refusal(
        lambda: patient_csv.check_mapping({"first_name": None}, ("Phone",), "clinic.csv")
    )
    missing = refusal(lambda: patient_csv.open_csv(tmp_path / "gone.csv"))
    assert plain_message(no_name) == "clinic.csv has no first name column (such as 'First Name')."
    spanish()
    assert plain_message(no_name) == "clinic.csv no tiene columna de nombre (como «First Name»)."
    assert plain_message(missing).startswith("No existe el archivo ")


def test_counts_take_the_spanish_plural_forms(qapp, spanish):
    from app.views.clinic_format import counted

    def patients_count(n: int) -> str:
        text = QCoreApplication.translate("PatientPane", "{count} patient(s)", "", n)
        return counted(text, n).format(count=format_number(n))

    assert [patients_count(n) for n in (1, 2)] == ["1 patient", "2 patients"]
    spanish()
    assert [patients_count(n) for n in (1, 2)] == ["1 paciente", "2 pacientes"]
    assert [appointments_count(n) for n in (1, 4)] == ["1 cita", "4 citas"]


def test_no_translation_writes_a_plural_as_s_in_brackets():
    """A count is said with Qt's plural forms, one per plural of Spanish, never "cita(s)"."""
    bracketed = []
    for _, message in ts_messages():
        forms = [f.text for f in message.iter("numerusform")]
        if message.get("numerus") == "yes":
            assert len(forms) == 2, message.findtext("source")
        for text in forms or [message.findtext("translation")]:
            if text and re.search(r"\((s|es|as|os)\)", text):
                bracketed.append(text)
    assert bracketed == []
