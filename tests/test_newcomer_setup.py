"""A newcomer's first run: a missing display, missing Qt libraries, a mistyped --database."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from app import cli, gui
from app.db import Database
from app.display_check import display_problem
from app.services.errors import DatabaseError

ROOT = Path(__file__).resolve().parent.parent


def test_no_display_is_named_in_one_line():
    problem = display_problem({}, "linux")
    assert problem is not None and "\n" not in problem
    assert "DISPLAY" in problem and "QT_QPA_PLATFORM=offscreen" in problem


def test_missing_xcb_libraries_are_named_with_their_packages():
    problem = display_problem({"DISPLAY": ":0"}, "linux", loads=lambda n: "cursor" not in n)
    assert problem is not None and "\n" not in problem
    assert "libxcb-cursor.so.0" in problem and "apt-get install libxcb-cursor0" in problem


@pytest.mark.parametrize(
    ("environ", "platform"),
    [
        ({"DISPLAY": ":0"}, "linux"),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux"),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux"),
        ({}, "win32"),
        ({}, "darwin"),
    ],
)
def test_a_usable_display_is_left_to_qt(environ, platform):
    assert display_problem(environ, platform, loads=lambda _name: True) is None


def test_the_window_command_refuses_without_a_display(monkeypatch, capsys, tmp_path):
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setattr("sys.platform", "linux")
    assert cli.main(["--database", str(tmp_path / "clinic.sqlite3")]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "no display" in err


def test_a_database_in_a_missing_folder_is_refused_and_nothing_is_made(tmp_path):
    target = tmp_path / "typo" / "clinic.sqlite3"
    with pytest.raises(DatabaseError) as raised:
        Database(str(target))
    assert "does not exist" in str(raised.value) and "\n" not in str(raised.value)
    assert not target.parent.exists()


def test_the_command_line_says_so_in_one_line(tmp_path, capsys):
    target = tmp_path / "typo" / "clinic.sqlite3"
    assert cli.main(["--database", str(target), "config", "list"]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and str(target.parent) in err
    assert not target.parent.exists()


def test_the_default_data_folder_is_still_made(data_dir):
    from app import config

    db = Database(config.default_database())
    try:
        assert (data_dir / "casedesk.sqlite3").exists()
    finally:
        db.dispose()


def test_the_window_asks_before_making_a_new_clinic(qtbot, tmp_path):
    target = tmp_path / "new-clinic" / "clinic.sqlite3"
    asked: list[str] = []

    def say(answer):
        def ask(box: QMessageBox) -> QMessageBox.StandardButton:
            asked.append(box.text())
            assert box.objectName() == "newClinicQuestion"
            return answer

        return ask

    assert not gui.confirm_new_clinic(str(target), ask=say(QMessageBox.StandardButton.No))
    assert not target.parent.exists()
    assert gui.confirm_new_clinic(str(target), ask=say(QMessageBox.StandardButton.Yes))
    assert target.parent.is_dir()
    assert "Create a new clinic here?" in asked[0] and str(target) in asked[0]


def test_an_existing_database_or_a_url_is_not_asked_about(qtbot, db, db_path):
    def never(_box):
        raise AssertionError("asked")

    assert gui.confirm_new_clinic(str(db_path), ask=never)
    assert gui.confirm_new_clinic("postgresql+psycopg://desk@server/clinic", ask=never)


def test_the_licence_is_an_spdx_string_for_a_setuptools_that_takes_it():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["license"] == "LicenseRef-Proprietary"
    assert any(r.startswith("setuptools>=77") for r in project["build-system"]["requires"])
