"""Sign-in at the window, the idle lock and switch user, on real SQLite files with accounts."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QWizard
from sqlalchemy import select

from app.db import Database
from app.models import AuditEvent
from app.services import accounts
from app.services.errors import SignInError
from tests.conftest import new_patient
from tests.dialogs import helpers
from tests.views.conftest import PASSWORD, list_names


@pytest.fixture
def anna(db):
    return accounts.add_account(db, "Anna", "admin", PASSWORD)


def sign_in_dialog(qtbot, window) -> QDialog:
    qtbot.waitUntil(lambda: window.sign_in.dialog is not None and window.sign_in.dialog.isVisible())
    dialog = window.sign_in.dialog
    assert dialog.objectName() == "signInDialog"
    shown = [d for d in window.findChildren(QDialog, "signInDialog") if d.isVisible()]
    assert shown == [dialog]
    return dialog


def type_and_sign_in(qtbot, dialog, name: str | None, password: str, *, right: bool = True):
    if name is not None:
        dialog.user_name.setText(name)
    dialog.password.setText(password)
    with qtbot.waitSignal(dialog.signedIn if right else dialog.refused) as blocker:
        dialog.ok_button.click()
    return blocker.args[0]


def newest_actor(db) -> str:
    with db.reading() as session:
        return session.scalar(select(AuditEvent.actor).order_by(AuditEvent.id.desc()).limit(1))


def book_in_wizard(qtbot, window, first: str, last: str, phone: str):
    window.open_booking(0)
    qtbot.waitUntil(lambda: window.findChild(QWizard, "bookingWizard") is not None)
    wizard = window.findChild(QWizard, "bookingWizard")
    qtbot.waitUntil(wizard.isVisible)
    helpers.fill_new_patient(wizard, first, last, phone)
    wizard.next()
    helpers.fill_case(wizard, "Shoulder pain", ("Right shoulder",))
    helpers.to_review(qtbot, wizard)
    return helpers.finish(qtbot, wizard)


def test_no_accounts_opens_as_before_without_a_sign_in(qtbot, open_desk, db, book):
    book(new_patient=new_patient("Kavya", "Menon"))
    window = open_desk()
    qtbot.waitUntil(lambda: list_names(window) == ["Kavya Menon"])
    assert window.findChild(QDialog, "signInDialog") is None
    assert not window.sign_in.cover.isVisible()
    assert not window.sign_in.switch_action.isVisible()
    assert not window.runner.holding
    window.sign_in.set_idle_interval(10)
    assert not window.sign_in.idle.isActive()  # no idle lock without accounts


def test_no_patient_is_read_or_shown_before_the_sign_in(qtbot, open_desk, db, book, anna):
    book(new_patient=new_patient("Kavya", "Menon"))
    window = open_desk()
    dialog = sign_in_dialog(qtbot, window)
    assert dialog.password.echoMode() == dialog.password.EchoMode.Password
    assert window.sign_in.cover.isVisible()
    assert window.sign_in.cover.geometry() == window.rect()
    assert not window.patients.list.isVisible()  # hidden under the cover, not only covered
    assert window.runner.holding  # the window's reads wait
    assert window.patients.model.rowCount() == 0

    words = type_and_sign_in(qtbot, dialog, "Anna", "wrong password", right=False)
    assert "wrong" in words
    assert dialog.isVisible() and dialog.message.text() == words
    assert dialog.user_name.text() == "Anna" and dialog.password.text() == ""
    assert window.patients.model.rowCount() == 0

    identity = type_and_sign_in(qtbot, dialog, None, PASSWORD)
    assert identity.user_name == "Anna"
    qtbot.waitUntil(lambda: list_names(window) == ["Kavya Menon"])
    assert not window.sign_in.cover.isVisible() and window.patients.list.isVisible()
    assert window.sign_in.dialog is None
    assert "Anna" in window.findChild(object, "signedInLabel").text()

    book_in_wizard(qtbot, window, "Ravi", "Kumar", "+91 98450 00001")
    assert newest_actor(db) == "Anna"


def test_five_wrong_passwords_lock_the_account(qtbot, open_desk, db, anna):
    window = open_desk()
    dialog = sign_in_dialog(qtbot, window)
    for _ in range(accounts.MAX_FAILURES):
        words = type_and_sign_in(qtbot, dialog, "Anna", "not the password", right=False)
    assert "locked" in words
    words = type_and_sign_in(qtbot, dialog, "Anna", PASSWORD, right=False)
    assert "locked" in words and dialog.isVisible()


def test_quit_at_the_sign_in_closes_the_window(qtbot, open_desk, db, anna):
    window = open_desk()
    dialog = sign_in_dialog(qtbot, window)
    dialog.reject()
    qtbot.waitUntil(lambda: not window.isVisible())


def test_the_idle_lock_covers_the_window_and_keeps_the_wizard(
    qtbot, signed_in, db, anna, practitioner
):
    window = signed_in("Anna")
    window.open_booking(0)
    qtbot.waitUntil(lambda: window.findChild(QWizard, "bookingWizard") is not None)
    wizard = window.findChild(QWizard, "bookingWizard")
    qtbot.waitUntil(wizard.isVisible)
    helpers.fill_new_patient(wizard, "Meera", "Iyer", "+91 98450 22222")

    window.sign_in.set_idle_interval(50)
    dialog = sign_in_dialog(qtbot, window)
    assert window.sign_in.cover.isVisible()
    assert not wizard.isVisible()
    assert dialog.user_name.text() == "Anna"  # only the password is asked

    type_and_sign_in(qtbot, dialog, None, PASSWORD)
    window.sign_in.set_idle_interval(60_000)
    qtbot.waitUntil(wizard.isVisible)
    inputs = wizard.patient_page.inputs
    assert (inputs["firstName"].text(), inputs["lastName"].text()) == ("Meera", "Iyer")
    assert inputs["phone"].text() == "+91 98450 22222"
    assert not window.sign_in.cover.isVisible()


def test_switch_user_names_the_new_user_in_the_window_and_the_audit(
    qtbot, signed_in, db, anna, practitioner
):
    accounts.add_account(db, "Ravi", "reception", PASSWORD)
    window = signed_in("Anna")
    label = window.findChild(object, "signedInLabel")
    assert "Anna" in label.text()

    window.sign_in.switch_action.trigger()
    dialog = sign_in_dialog(qtbot, window)
    assert dialog.user_name.text() == ""
    assert window.sign_in.cover.isVisible()
    type_and_sign_in(qtbot, dialog, "Ravi", PASSWORD)
    assert "Ravi" in label.text()

    book_in_wizard(qtbot, window, "Sita", "Das", "+91 98450 33333")
    assert newest_actor(db) == "Ravi"


def test_a_different_user_at_the_idle_lock_keeps_the_wizard_and_is_audited(
    qtbot, signed_in, db, anna, practitioner
):
    accounts.add_account(db, "Ravi", "reception", PASSWORD)
    window = signed_in("Anna")
    window.open_booking(0)
    qtbot.waitUntil(lambda: window.findChild(QWizard, "bookingWizard") is not None)
    wizard = window.findChild(QWizard, "bookingWizard")
    qtbot.waitUntil(wizard.isVisible)
    helpers.fill_new_patient(wizard, "Meera", "Iyer", "+91 98450 22222")

    window.sign_in.lock_action.trigger()
    dialog = sign_in_dialog(qtbot, window)
    assert not wizard.isVisible()
    type_and_sign_in(qtbot, dialog, "Ravi", PASSWORD)
    qtbot.waitUntil(wizard.isVisible)
    assert "Ravi" in window.findChild(object, "signedInLabel").text()
    wizard.next()
    helpers.fill_case(wizard, "Shoulder pain", ("Right shoulder",))
    helpers.to_review(qtbot, wizard)
    result = helpers.finish(qtbot, wizard)
    assert result.patient_id
    assert newest_actor(db) == "Ravi"


def test_change_my_password(qtbot, signed_in, db, db_target, anna):
    window = signed_in("Anna")
    assert window.sign_in.password_action.isVisible()
    dialog = window.sign_in.change_password()
    dialog.current.setText("not my password")
    dialog.new.setText("a brand new password")
    dialog.again.setText("a brand new password")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: not dialog.saving)
    assert "current password is wrong" in dialog.message.text() and dialog.isVisible()
    dialog.current.setText(PASSWORD)
    with qtbot.waitSignal(dialog.accepted):
        dialog.buttons.accepted.emit()
    other_desk = Database(db_target)
    try:
        with pytest.raises(SignInError):
            accounts.sign_in(other_desk, "Anna", PASSWORD)
        assert accounts.sign_in(other_desk, "Anna", "a brand new password").user_name == "Anna"
    finally:
        other_desk.dispose()
