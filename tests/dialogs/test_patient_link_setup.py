"""First launch asks for the patient link (or says it can wait); a placeholder link is never silent."""

from __future__ import annotations

from app.dialogs.first_launch import FirstLaunchDialog
from app.dialogs.review_page import link_not_set_up_text
from app.services import settings
from tests.dialogs import helpers


def open_first_launch(qtbot, db) -> FirstLaunchDialog:
    dialog = FirstLaunchDialog(db)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.is_loaded)
    return dialog


def fill_clinic(dialog: FirstLaunchDialog) -> None:
    dialog.clinic.name.setText("Green Park Physio")
    dialog.practitioner.name.setText("Asha Rao")


def test_first_launch_takes_the_link_and_says_what_can_wait(qtbot, db):
    dialog = open_first_launch(qtbot, db)
    note = dialog.findChild(object, "firstLaunchLaterNote").text()
    assert "File > Settings" in note and "Mail" in note
    fill_clinic(dialog)
    dialog.link.setText("https://book.greenpark.in/a/{token}")
    with qtbot.waitSignal(dialog.accepted):
        assert dialog.save_setup()
    assert settings.get(db, "link.template") == "https://book.greenpark.in/a/{token}"


def test_first_launch_refuses_a_link_without_a_token(qtbot, db):
    dialog = open_first_launch(qtbot, db)
    fill_clinic(dialog)
    dialog.link.setText("https://book.greenpark.in/a/")
    assert not dialog.save_setup()
    assert "{token}" in dialog.link_message.text()
    assert settings.get(db, "clinic.name") == ""


def test_the_link_can_be_left_for_later(qtbot, db):
    dialog = open_first_launch(qtbot, db)
    fill_clinic(dialog)
    with qtbot.waitSignal(dialog.accepted):
        assert dialog.save_setup()
    assert not settings.link_is_set_up(settings.get(db, "link.template"))


def test_a_placeholder_link_is_recognised():
    assert not settings.link_is_set_up("https://booking.example.com/a/{token}")
    assert not settings.link_is_set_up("https://example.org/{token}")
    assert settings.link_is_set_up("https://book.greenpark.in/a/{token}")
    assert "not set up" in link_not_set_up_text("https://booking.example.com/a/{token}")
    assert link_not_set_up_text("https://book.greenpark.in/a/{token}") == ""


def test_the_review_page_says_the_link_is_not_set_up(qtbot, open_wizard):
    wizard = open_wizard()
    helpers.fill_new_patient(wizard)
    wizard.next()
    helpers.fill_case(wizard)
    helpers.to_review(qtbot, wizard)
    notice = wizard.findChild(object, "reviewLinkNotice")
    assert notice.isVisible() and "not set up" in notice.text()


def test_the_review_page_is_quiet_once_the_link_is_set(qtbot, db, open_wizard):
    settings.set_many(db, {"link.template": "https://book.greenpark.in/a/{token}"})
    wizard = open_wizard()
    helpers.fill_new_patient(wizard)
    wizard.next()
    helpers.fill_case(wizard)
    helpers.to_review(qtbot, wizard)
    assert not wizard.findChild(object, "reviewLinkNotice").isVisible()
