"""Settings > Accounts: only for an administrator; each action stored at once."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from app.db import Database
from app.dialogs.settings_dialog import SettingsDialog
from app.services import accounts
from app.services.errors import SignInError

PASSWORD = "correct horse battery"


@pytest.fixture
def settings_as(qtbot, db):
    """Settings opened by a signed-in user, as the window would (open(), not exec())."""
    opened: list[SettingsDialog] = []

    def _open(user_name: str) -> SettingsDialog:
        accounts.sign_in(db, user_name, PASSWORD)
        dialog = SettingsDialog(db)
        dialog.open()
        qtbot.waitUntil(dialog.isVisible)
        qtbot.waitUntil(lambda: dialog.is_loaded)
        opened.append(dialog)
        return dialog

    yield _open
    for dialog in opened:
        dialog.done(QDialog.DialogCode.Rejected)
        dialog.runner.wait()


@pytest.fixture
def staff(db):
    accounts.add_account(db, "Anna", "admin", PASSWORD)
    accounts.add_account(db, "Ravi", "reception", PASSWORD)


def tab_names(dialog: SettingsDialog) -> list[str]:
    return [dialog.tabs.tabText(i).replace("&", "") for i in range(dialog.tabs.count())]


def signs_in(db_target: str, user_name: str, password: str) -> bool:
    other_desk = Database(db_target)
    try:
        accounts.sign_in(other_desk, user_name, password)
        return True
    except SignInError:
        return False
    finally:
        other_desk.dispose()


def loaded_tab(qtbot, dialog):
    tab = dialog.accounts_tab
    dialog.show_tab("accounts")
    assert dialog.tabs.currentWidget() is tab
    qtbot.waitUntil(lambda: tab.is_loaded)
    return tab


def test_no_accounts_tab_for_reception(qtbot, db, staff, settings_as):
    dialog = settings_as("Ravi")
    assert "Accounts" not in tab_names(dialog)
    assert dialog.accounts_tab is None


def test_an_account_added_on_the_tab_can_sign_in(qtbot, db, db_target, staff, settings_as):
    dialog = settings_as("Anna")
    assert tab_names(dialog)[-1] == "Accounts"
    tab = loaded_tab(qtbot, dialog)
    assert [tab.table.item(r, 0).text() for r in range(tab.table.rowCount())] == ["Anna", "Ravi"]

    tab.new_name.setText("Meena")
    tab.new_password.setText("a long password")
    tab.new_again.setText("a different one")
    with qtbot.waitSignal(tab.refused) as refused:
        tab.add_button.click()
    assert "not the same" in refused.args[0]

    tab.new_again.setText("a long password")
    with qtbot.waitSignal(tab.stored):
        tab.add_button.click()
    qtbot.waitUntil(lambda: tab.table.rowCount() == 3)
    assert signs_in(db_target, "Meena", "a long password")


def test_a_short_password_is_refused_in_plain_words(qtbot, db, staff, settings_as):
    tab = loaded_tab(qtbot, settings_as("Anna"))
    tab.new_name.setText("Meena")
    tab.new_password.setText("short")
    tab.new_again.setText("short")
    with qtbot.waitSignal(tab.refused) as refused:
        tab.add_button.click()
    assert "at least 8 characters" in refused.args[0]
    assert tab.message.isVisible() and tab.message.text() == refused.args[0]


def test_unlock_reset_role_and_deactivate(qtbot, db, db_target, staff, settings_as):
    for _ in range(accounts.MAX_FAILURES):
        assert not signs_in(db_target, "Ravi", "wrong password")
    assert not signs_in(db_target, "Ravi", PASSWORD)  # locked
    tab = loaded_tab(qtbot, settings_as("Anna"))
    qtbot.waitUntil(lambda: tab.table.item(1, 4) is not None)
    assert tab.table.item(1, 4).text()  # locked until
    tab.select("Ravi")
    assert tab.unlock_button.isEnabled()
    with qtbot.waitSignal(tab.stored):
        tab.unlock_button.click()
    assert signs_in(db_target, "Ravi", PASSWORD)

    tab.select("Ravi")
    tab.password.setText("another password")
    tab.again.setText("another password")
    with qtbot.waitSignal(tab.stored):
        tab.reset_button.click()
    assert signs_in(db_target, "Ravi", "another password")

    tab.select("Ravi")
    tab.role.setCurrentIndex(tab.role.findData("admin"))
    with qtbot.waitSignal(tab.stored):
        tab.role_button.click()
    qtbot.waitUntil(lambda: tab.table.item(1, 1).text() == "Administrator")

    tab.select("Ravi")
    with qtbot.waitSignal(tab.stored):
        tab.active_button.click()
    qtbot.waitUntil(lambda: tab.table.item(1, 3).text() == "No")
    assert not signs_in(db_target, "Ravi", "another password")
