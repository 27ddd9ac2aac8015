"""File > Export...: a file dialog, the export on the desk's runner, progress, the outcome."""

from __future__ import annotations

import json

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from app.services import demo_data


def test_export_is_under_file_and_writes_the_bundle_off_the_ui_thread(
    qtbot, db, open_window, tmp_path
):
    demo_data.generate(db, 12, seed=4)
    window = open_window()
    names = [a.objectName() for a in window.findChild(QMenu, "fileMenu").actions()]
    assert "exportAction" in names

    window.findChild(QObject, "exportAction").trigger()
    dialog = window.findChild(QFileDialog, "exportFileDialog")
    qtbot.waitUntil(lambda: dialog.isVisible())
    target = tmp_path / "out.json"
    seen: list[tuple[int, int]] = []
    window.export.progressed.connect(lambda done, total: seen.append((done, total)))
    with qtbot.waitSignal(window.export.finished) as written:
        dialog.fileSelected.emit(str(target))  # what Save does, without a native dialog
        assert window.findChild(QObject, "exportProgress").isVisible()
    assert written.args == [str(target)]
    entries = json.loads(target.read_text("utf-8"))["entry"]
    assert sum(e["resource"]["resourceType"] == "Patient" for e in entries) == 12
    assert seen and seen[-1][0] == seen[-1][1] == len(entries)
    assert "Exported" in window.statusBar().currentMessage()
    assert (
        window.findChild(QObject, "exportProgress") is None
        or not window.findChild(QObject, "exportProgress").isVisible()
    )
    dialog.close()


def test_a_failed_export_says_why_in_plain_words(qtbot, window, tmp_path):
    window.export.export_to(str(tmp_path / "missing folder" / "out.json"))
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "exportFailed") is not None)
    box = window.findChild(QMessageBox, "exportFailed")
    assert "Cannot write" in box.text() and "missing folder" in box.text()
    assert window.findChild(QObject, "exportAction").isEnabled()
    box.close()
