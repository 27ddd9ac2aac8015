"""The patient form the wizard and the edit dialog share: labels, filling, region."""

from __future__ import annotations

from datetime import date

from app.dialogs.patient_form import FIELDS, PatientForm
from app.services.dto import PatientSummary

PRIYA = PatientSummary(
    id=7,
    first_name="Priya",
    last_name="Sharma",
    phone="+919812345678",
    phone_display="098123 45678",
    email="priya@example.com",
    birth_date=date(1990, 2, 28),
    sex="female",
)


def mnemonic(text: str) -> str:
    return text[text.index("&") + 1].lower()


def test_each_label_has_its_own_mnemonic_and_points_at_its_field(qtbot):
    form = PatientForm("IN")
    qtbot.addWidget(form)
    assert list(form.inputs) == list(FIELDS)
    for name in FIELDS:
        assert form.labels[name].buddy() is form.inputs[name]
    keys = [mnemonic(form.labels[name].text()) for name in FIELDS]
    assert len(set(keys)) == len(keys)
    assert not set(keys) & set("furnb")  # &Find, &Use, &Register, &Next, &Back on the page
    required = [n for n in FIELDS if form.labels[n].text().endswith("*")]
    assert required == ["firstName", "lastName", "phone"]


def test_a_registered_patient_fills_the_form_with_nothing_to_say(qtbot):
    form = PatientForm("IN")
    qtbot.addWidget(form)
    assert form.errors.keys() == {"firstName", "lastName", "phone"}
    form.set_patient(PRIYA)
    assert form.errors == {}
    assert form.inputs["birthDate"].text() == "28/02/1990"
    assert form.inputs["sex"].currentData() == "female"
    details = form.details()
    assert (details.first_name, details.email, details.birth_date, details.sex) == (
        "Priya",
        "priya@example.com",
        date(1990, 2, 28),
        "female",
    )


def test_the_region_decides_which_phone_numbers_pass(qtbot):
    form = PatientForm("IN")
    qtbot.addWidget(form)
    form.set_patient(PRIYA)
    with qtbot.waitSignal(form.changed):
        form.region = "US"
    assert "region US" in form.errors["phone"]
    assert form.messages["phone"].text() == form.errors["phone"]


def test_the_region_arriving_later_also_orders_the_date_of_birth(qtbot):
    """The wizard opens before the clinic's settings are read; a US clinic then writes MM/DD."""
    form = PatientForm("IN")
    qtbot.addWidget(form)
    form.set_patient(PRIYA)
    birth = form.inputs["birthDate"]
    form.region = "US"
    assert birth.placeholderText().startswith("MM/DD/YYYY")
    assert birth.text() == "02/28/1990" and form.details().birth_date == date(1990, 2, 28)
    birth.setText("03/04/1991")
    assert form.details().birth_date == date(1991, 3, 4)  # read month first, as shown
