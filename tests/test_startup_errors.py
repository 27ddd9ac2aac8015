"""Start-up failures that happen before any window or log exists still reach the receptionist."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app import cli


@pytest.fixture
def unwritable_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data folder that cannot be made: its parent is a file (fails for root too)."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder's parent should be", encoding="utf-8")
    folder = blocker / "CaseDesk"
    monkeypatch.setenv("CASEDESK_DATA_DIR", str(folder))
    return folder


def _close_the_message_box(seen: list[str]) -> QTimer:
    """Reads and closes the modal box once it is up, so exec() never blocks the test."""

    def look() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.done(0)
            timer.stop()

    timer = QTimer(interval=20)
    timer.timeout.connect(look)
    timer.start()
    return timer


def test_the_window_path_explains_an_unwritable_data_folder(qtbot, unwritable_data_dir, capsys):
    seen: list[str] = []
    timer = _close_the_message_box(seen)
    assert cli.main([]) == 1
    timer.stop()
    (text,) = seen
    assert "cannot write to its data folder" in text
    assert str(unwritable_data_dir) in text
    assert "Traceback" not in text
    assert "cannot write to the data folder" in capsys.readouterr().err


def test_the_command_line_says_it_on_stderr_without_a_box(qtbot, unwritable_data_dir, capsys):
    seen: list[str] = []
    timer = _close_the_message_box(seen)
    assert cli.main(["config", "list"]) == 1  # a box would have blocked here until closed
    timer.stop()
    assert seen == []
    err = capsys.readouterr().err
    assert err.startswith("casedesk: cannot write to the data folder")
    assert len(err.strip().splitlines()) == 1
