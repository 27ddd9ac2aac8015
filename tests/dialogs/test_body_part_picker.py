"""The body-part picker and the typed date: what a receptionist types becomes the right value."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest

from app.dialogs.body_part_picker import BodyPartPicker, split_side
from app.dialogs.widgets import DateField


def test_typing_a_side_and_a_site_adds_that_label(qtbot):
    picker = BodyPartPicker()
    qtbot.addWidget(picker)
    with qtbot.waitSignal(picker.labelsChanged) as changed:
        QTest.keyClicks(picker.filter, "left knee")
        QTest.keyClick(picker.filter, Qt.Key.Key_Return)
    assert changed.args == [["Left knee"]]
    assert picker.filter.text() == ""
    QTest.keyClicks(picker.filter, "cervical")  # a synonym of the neck
    QTest.keyClick(picker.filter, Qt.Key.Key_Return)
    assert picker.labels == ["Left knee", "Neck"]


def test_a_paired_site_without_a_side_asks_for_one(qtbot):
    picker = BodyPartPicker()
    qtbot.addWidget(picker)
    QTest.keyClicks(picker.filter, "shoulder")
    QTest.keyClick(picker.filter, Qt.Key.Key_Return)
    assert picker.labels == []
    assert "Choose a side for shoulder" in picker.message.text()
    picker.side_buttons["both"].setChecked(True)
    assert picker.add_current()
    assert picker.labels == ["Both shoulders"]


def test_both_replaces_left_and_right_and_chips_remove(qtbot):
    picker = BodyPartPicker()
    qtbot.addWidget(picker)
    picker.labels = ["Left knee", "Right knee", "Neck"]
    picker.filter.setText("both knee")
    assert picker.add_current()
    assert picker.labels == ["Neck", "Both knees"]
    chips = [c for c in picker.chips.children() if c.property("bodyPart")]
    neck = next(c for c in chips if c.property("bodyPart") == "Neck")
    neck.click()
    assert picker.labels == ["Both knees"]


def test_unknown_labels_are_refused_in_plain_words(qtbot):
    picker = BodyPartPicker()
    qtbot.addWidget(picker)
    picker.labels = ["Left knee", "Elbow-ish"]
    assert picker.labels == ["Left knee"]
    assert "not a body part" in picker.message.text()
    assert split_side("r hip") == ("right", "hip")


def test_date_field_reads_the_regions_order_and_may_stay_empty(qtbot):
    india, usa = DateField("IN"), DateField("US")
    qtbot.addWidget(india)
    qtbot.addWidget(usa)
    india.setText("12/03/1985")
    usa.setText("03/12/1985")
    assert india.date == usa.date == QDate(1985, 3, 12)
    india.setText("")
    assert not india.date.isValid() and india.text_is_date()
    india.setText("31/02/1985")
    assert not india.text_is_date()
    india.date = QDate(2001, 1, 9)
    assert india.text() == "09/01/2001"


def _type(picker, text: str) -> None:
    QTest.keyClicks(picker.filter, text)
    QTest.keyClick(picker.filter, Qt.Key.Key_Return)


def test_a_typed_side_wins_after_the_picker_asked_for_one(qtbot):
    picker = BodyPartPicker()
    qtbot.addWidget(picker)
    picker.show()
    qtbot.waitExposed(picker)
    picker.filter.setFocus()
    _type(picker, "hip")
    assert picker.labels == []
    assert "Choose a side for hip" in picker.message.text()
    assert picker.focusWidget() is picker.filter  # typing goes on in the search box
    _type(picker, "right hip")
    assert picker.labels == ["Right hip"]


def test_a_side_never_sticks_to_the_next_paired_part(qtbot):
    picker = BodyPartPicker()
    qtbot.addWidget(picker)
    picker.show()
    qtbot.waitExposed(picker)
    _type(picker, "hip")
    picker.side_buttons["left"].setChecked(True)
    assert picker.add_current()
    assert picker.labels == ["Left hip"]
    assert picker.chosen_side() == ""
    _type(picker, "knee")
    assert picker.labels == ["Left hip"]
    assert "Choose a side for knee" in picker.message.text()


def test_each_way_of_typing_a_side_is_understood(qtbot):
    picker = BodyPartPicker()
    qtbot.addWidget(picker)
    for text in ("right hip", "l knee", "bilateral knees", "left shoulder", "R hip"):
        picker.filter.setText(text)
        assert picker.add_current(), text
        picker.side_buttons["left"].setChecked(True)  # a stale choice must not win either
    assert picker.labels == ["Both knees", "Left shoulder", "Right hip"]
    assert split_side("hip right") == ("right", "hip")
