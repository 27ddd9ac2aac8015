"""What goes into the frozen CaseDesk, kept apart from build.spec so tests can check it.

build.spec loads this file by path; nothing here imports PyInstaller.
"""

from __future__ import annotations

import ast
import tomllib
from importlib.util import find_spec
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP_ID = "app.casedesk.CaseDesk"  # reverse-DNS id: .desktop file, AppStream, macOS bundle
NAME = "casedesk"

# Qt bindings CaseDesk never imports; excluding them keeps their libraries out too.
UNUSED_QT = (
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender",
    "QtBluetooth", "QtCharts", "QtDataVisualization", "QtDesigner", "QtGraphs",
    "QtGraphsWidgets", "QtHelp", "QtHttpServer", "QtLabsStyleKit", "QtLocation",
    "QtMultimedia", "QtMultimediaWidgets", "QtNetworkAuth", "QtNfc", "QtPdf", "QtPdfWidgets",
    "QtPositioning", "QtQml", "QtQmlFeatures", "QtQuick", "QtQuick3D", "QtQuickControls2",
    "QtQuickTest", "QtQuickWidgets", "QtRemoteObjects", "QtScxml", "QtSensors", "QtSerialBus",
    "QtSerialPort", "QtSpatialAudio", "QtSql", "QtStateMachine", "QtTest", "QtTextToSpeech",
    "QtUiTools", "QtWebChannel", "QtWebEngineCore", "QtWebEngineQuick", "QtWebEngineWidgets",
    "QtWebSockets",
)  # fmt: skip
EXCLUDED_MODULES = (
    *(f"PySide6.{m}" for m in UNUSED_QT),
    "tkinter", "_tkinter", "turtle", "idlelib", "lib2to3", "pydoc_data", "test",
    "pytest", "_pytest", "pytestqt", "hypothesis", "aiosmtpd", "ruff",
    "sqlalchemy.testing", "alembic.testing", "faker.sphinx", "PyInstaller",
)  # fmt: skip
# Packages loaded lazily or by name, which PyInstaller's analysis cannot follow: the views name
# the services they call (app.views.runner.service) and these libraries load parts on demand.
# psycopg serves `postgresql+psycopg://` targets (clinics with several desks); its compiled
# speed-up psycopg_binary comes with it through PyInstaller's own hook.
LAZY_IMPORTS = ("app", "email_validator", "icalendar", "segno", "tzdata", "psycopg")
LAZY_MODULES = ("psycopg_binary",)

# Qt plugins and libraries that come along with the bindings but serve nothing here:
# PDF/QML image formats, kiosk and remote platforms, SQL drivers, QML tooling.
UNUSED_QT_FILES = (
    "libqpdf", "qpdf.dll", "Qt6Pdf", "Qt6Qml", "Qt6Quick", "Qt6VirtualKeyboard", "Qt6EglFS",
    "/qmltooling/", "/sqldrivers/", "/designer/", "/egldeviceintegrations/",
    "platforms/libqeglfs", "platforms/libqlinuxfb", "platforms/libqminimal",
    "platforms/libqvnc", "platforms/libqvkkhrdisplay",
)  # fmt: skip


def project() -> dict:
    with (ROOT / "pyproject.toml").open("rb") as f:
        return tomllib.load(f)["project"]


def version() -> str:
    return project()["version"]


def faker_locales() -> list[str]:
    """The person-name locales demo_data imports by name, read from its source (not imported)."""
    source = (ROOT / "app" / "services" / "demo_data.py").read_text(encoding="utf-8")
    found: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            if node.targets[0].id == "LOCALES":
                found += list(ast.literal_eval(node.value).values())
            elif node.targets[0].id == "ACCENTED_LOCALES":
                found += list(ast.literal_eval(node.value))
    return found


def faker_modules() -> list[str]:
    """Only the locales Faker actually ships (a missing one fails the same way unfrozen)."""
    names = [f"faker.providers.person.{locale}" for locale in faker_locales()]
    return [name for name in names if find_spec(name) is not None]


def data_files() -> list[tuple[str, str]]:
    """(source, folder in the bundle) pairs.

    Alembic reads the migrations as files (env.py, script.py.mako, versions/*.py), so
    they go to app/migrations, where runner.MIGRATIONS_DIR points in the frozen build
    (a frozen module's __file__ lies under sys._MEIPASS).
    """
    migrations = ROOT / "app" / "migrations"
    files = [(str(migrations / "env.py"), "app/migrations")]
    files.append((str(migrations / "script.py.mako"), "app/migrations"))
    files += [(str(p), "app/migrations/versions") for p in sorted(migrations.glob("versions/*.py"))]
    for path in sorted((ROOT / "resources").rglob("*")):
        # .ts files are translation sources; the app loads the compiled .qm files.
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".ts":
            files.append((str(path), str(path.parent.relative_to(ROOT))))
    return files


def keep_file(destination: str) -> bool:
    """False for the Qt plugins and libraries listed in UNUSED_QT_FILES."""
    dest = "/" + destination.replace("\\", "/").lower()
    return not any(part.lower() in dest for part in UNUSED_QT_FILES)


def keep_translation(destination: str) -> bool:
    """Qt's own translations: only its base strings (standard buttons and dialogs).
    CaseDesk's own (resources/translations) all go in."""
    dest = destination.replace("\\", "/")
    if "/translations/" not in dest or not dest.endswith(".qm") or dest.startswith("resources/"):
        return True
    return Path(dest).name.startswith("qtbase_")


def inno_version_include() -> str:
    return f'#define AppVersion "{version()}"\n#define AppId "{APP_ID}"\n'
