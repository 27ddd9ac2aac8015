"""The frozen build's recipe (build.spec, packaging/) and the guards a windowed build needs.

Building takes a minute, so `make dist-check` runs the built app; these tests check what
goes into it, and that the program survives having no console.
"""

from __future__ import annotations

import ast
import configparser
import importlib.util
import logging
import re
import struct
import subprocess
import sys
import threading
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from app import gui
from app.cli import ensure_std_streams
from app.migrations import runner
from app.services import demo_data

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"


def _load_bundle():
    spec = importlib.util.spec_from_file_location("bundle", ROOT / "packaging" / "bundle.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bundle = _load_bundle()


# --- what build.spec puts in -------------------------------------------------------------


def test_version_comes_from_pyproject():
    with (ROOT / "pyproject.toml").open("rb") as f:
        version = tomllib.load(f)["project"]["version"]
    assert bundle.version() == version
    assert f'#define AppVersion "{version}"' in bundle.inno_version_include()
    spec = (ROOT / "build.spec").read_text()
    assert "bundle.version()" in spec and "version=VERSION" in spec


def test_migrations_ship_where_the_runner_looks_for_them():
    # Frozen, runner.py's __file__ lies under sys._MEIPASS at the same relative path.
    expected = runner.MIGRATIONS_DIR.relative_to(ROOT).as_posix()
    shipped = {(Path(src).relative_to(ROOT).as_posix(), dest) for src, dest in bundle.data_files()}
    assert ("app/migrations/env.py", expected) in shipped
    assert ("app/migrations/script.py.mako", expected) in shipped
    versions = sorted((ROOT / "app" / "migrations" / "versions").glob("*.py"))
    assert len(versions) >= 2
    for path in versions:
        assert (path.relative_to(ROOT).as_posix(), f"{expected}/versions") in shipped


def test_resources_ship_to_the_folder_app_resources_reads():
    shipped = {(Path(src).relative_to(ROOT).as_posix(), dest) for src, dest in bundle.data_files()}
    assert ("resources/body_sites.json", "resources") in shipped
    assert ("resources/icons/casedesk-256.png", "resources/icons") in shipped
    assert not any("__pycache__" in src or src.endswith(".ts") for src, _ in shipped)


def test_compiled_translations_ship_where_the_app_loads_them():
    shipped = {(Path(src).relative_to(ROOT).as_posix(), dest) for src, dest in bundle.data_files()}
    for qm in sorted((ROOT / "resources" / "translations").glob("*.qm")):
        dest = "resources/translations"
        assert (qm.relative_to(ROOT).as_posix(), dest) in shipped
        assert bundle.keep_translation(f"{dest}/{qm.name}")
    assert ("resources/translations/casedesk_es.qm", "resources/translations") in shipped


def test_every_faker_locale_demo_data_imports_is_bundled():
    wanted = {*demo_data.LOCALES.values(), *demo_data.ACCENTED_LOCALES}
    assert set(bundle.faker_locales()) == wanted
    bundled = set(bundle.faker_modules())
    for locale in wanted:
        name = f"faker.providers.person.{locale}"
        if importlib.util.find_spec(name) is not None:
            assert name in bundled


def _qt_modules_the_app_imports() -> set[str]:
    used = set()
    for path in (ROOT / "app").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("PySide6."):
                used.add(node.module.split(".")[1])
            elif isinstance(node, ast.Import):
                used |= {a.name.split(".")[1] for a in node.names if a.name.startswith("PySide6.")}
    return used


def test_no_qt_module_the_app_uses_is_excluded():
    used = _qt_modules_the_app_imports()
    assert {"QtCore", "QtGui", "QtWidgets"} <= used
    assert not used & set(bundle.UNUSED_QT), "build.spec would leave out a Qt module in use"


def test_unused_qt_plugins_are_dropped_and_needed_ones_kept():
    drop = ["PySide6/Qt/plugins/imageformats/libqpdf.so", "PySide6/Qt/lib/libQt6Pdf.so.6"]
    drop += [
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6/Qt/lib/libQt6EglFsKmsSupport.so.6",
    ]
    keep = [
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
    ]
    keep += ["PySide6/Qt/lib/libQt6Widgets.so.6", "PySide6\\plugins\\platforms\\qwindows.dll"]
    assert not any(bundle.keep_file(name) for name in drop)
    assert all(bundle.keep_file(name) for name in keep)
    assert bundle.keep_translation("PySide6/Qt/translations/qtbase_de.qm")
    assert not bundle.keep_translation("PySide6/Qt/translations/qtdeclarative_de.qm")


def test_test_tools_are_excluded():
    for name in ("tkinter", "pytest", "hypothesis", "sqlalchemy.testing"):
        assert name in bundle.EXCLUDED_MODULES


# --- icons and desktop integration -----------------------------------------------------


def test_icons_are_small_and_well_formed():
    for path in ICONS.iterdir():
        assert path.stat().st_size < 200_000, path.name
    ico = (ICONS / "casedesk.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1) and count >= 5
    icns = (ICONS / "casedesk.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)


def test_icon_pngs_have_their_named_size(qapp):
    from PySide6.QtGui import QImage

    for path in ICONS.glob("casedesk-*.png"):
        size = int(path.stem.split("-")[1])
        image = QImage(str(path))
        assert (image.width(), image.height()) == (size, size), path.name


def test_one_application_id_everywhere():
    app_id = bundle.APP_ID
    assert app_id == gui.DESKTOP_ID
    desktop = configparser.ConfigParser(interpolation=None)
    desktop.optionxform = str  # keys are case-sensitive
    desktop.read(ROOT / "packaging" / "linux" / f"{app_id}.desktop", encoding="utf-8")
    entry = desktop["Desktop Entry"]
    assert entry["Icon"] == app_id
    assert entry["Exec"].split()[0] == bundle.NAME
    metainfo = ET.parse(ROOT / "packaging" / "linux" / f"{app_id}.metainfo.xml").getroot()
    assert metainfo.findtext("id") == app_id
    assert metainfo.findtext("launchable") == f"{app_id}.desktop"
    assert metainfo.find("releases/release").get("version") == bundle.version()
    assert "bundle_identifier=bundle.APP_ID" in (ROOT / "build.spec").read_text()


def test_inno_setup_script_installs_the_build_and_leaves_data_alone():
    iss = (ROOT / "packaging" / "windows" / "casedesk.iss").read_text()
    assert r'Source: "..\..\dist\casedesk\*"' in iss
    assert r"..\..\build\version.iss" in iss
    assert "{app}\\casedesk.exe" in iss
    assert "[UninstallDelete]" not in iss  # the clinic's data is not in {app} anyway
    assert re.search(r"^AppId=\{\{[0-9A-F-]{36}\}$", iss, re.MULTILINE)


# --- no console: a windowed build has sys.stdout and sys.stderr set to None --------------


def _run_without_console(tmp_path: Path, *argv: str) -> subprocess.CompletedProcess:
    code = (
        "import sys; sys.stdout = None; sys.stderr = None\n"
        "from app.cli import main\n"
        f"sys.exit(main({list(argv)!r}))\n"
    )
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_command_line_works_without_a_console(tmp_path: Path):
    database = str(tmp_path / "clinic.sqlite3")
    done = _run_without_console(tmp_path, "--database", database, "config", "list")
    assert done.returncode == 0, done.stderr
    bad = _run_without_console(tmp_path, "--database", database, "config", "set", "smtp.port", "x")
    assert bad.returncode == 1
    assert "Traceback" not in bad.stderr


def test_standard_streams_get_a_sink(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    ensure_std_streams()
    assert sys.stdout.write("nobody reads this") > 0
    sys.stderr.flush()
    logging.StreamHandler(sys.stderr).emit(logging.makeLogRecord({"msg": "fine"}))


# --- unexpected errors: logged, shown once, with the log's location ----------------------


@pytest.fixture
def reporter(qapp, monkeypatch: pytest.MonkeyPatch):
    from PySide6.QtCore import qInstallMessageHandler

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    installed = gui.install_excepthook()
    yield installed
    qInstallMessageHandler(None)
    if installed.dialog is not None:
        installed.dialog.close()


def _error_dialogs(qapp):
    from PySide6.QtWidgets import QMessageBox

    return [
        w
        for w in qapp.topLevelWidgets()
        if isinstance(w, QMessageBox)
        and w.objectName() == "unexpectedErrorDialog"
        and w.isVisible()
    ]


def _raise(error: Exception):
    try:
        raise error
    except Exception as exc:
        return type(exc), exc, exc.__traceback__


def test_unexpected_error_is_logged_and_shown_with_the_log_location(
    qapp, qtbot, reporter, caplog, data_dir
):
    caplog.set_level(logging.ERROR)
    sys.excepthook(*_raise(ValueError("the printer caught fire\nsecond line")))
    qtbot.waitUntil(lambda: len(_error_dialogs(qapp)) == 1)
    text = _error_dialogs(qapp)[0].text()
    assert "the printer caught fire" in text and "second line" not in text
    assert str(data_dir / "logs" / "casedesk.log") in text
    assert "Traceback" in caplog.text and "ValueError" in caplog.text


def test_errors_while_the_dialog_is_open_are_only_logged(qapp, qtbot, reporter, caplog):
    caplog.set_level(logging.ERROR)
    sys.excepthook(*_raise(RuntimeError("first")))
    qtbot.waitUntil(lambda: len(_error_dialogs(qapp)) == 1)
    sys.excepthook(*_raise(RuntimeError("second")))
    qapp.processEvents()
    assert len(_error_dialogs(qapp)) == 1
    # both are logged, by kind and place: an exception's text can carry a patient's details
    assert caplog.text.count("RuntimeError (details withheld from the log)") == 2
    _error_dialogs(qapp)[0].close()
    qtbot.waitUntil(lambda: reporter.dialog is None)


def test_an_error_on_a_worker_thread_reaches_the_ui_thread(qapp, qtbot, reporter):
    def work():
        raise KeyError("slot 42")

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: len(_error_dialogs(qapp)) == 1)
    assert "slot 42" in _error_dialogs(qapp)[0].text()


def test_a_database_that_cannot_open_is_explained_not_swallowed(qapp, qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import QTimer

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(b"this is not a database" * 100)
    seen: list[str] = []

    def close_the_modal():
        modal = qapp.activeModalWidget()
        if modal is not None and modal.objectName() == "unexpectedErrorDialog":
            seen.append(modal.text())
            modal.close()

    timer = QTimer()
    timer.timeout.connect(close_the_modal)
    timer.start(20)
    try:
        assert gui.run(str(damaged)) == 1
    finally:
        timer.stop()
        from PySide6.QtCore import qInstallMessageHandler

        qInstallMessageHandler(None)
    assert len(seen) == 1 and "damaged" in seen[0]
    assert damaged.read_bytes() == b"this is not a database" * 100
