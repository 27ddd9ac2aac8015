"""The window's language, chosen in Settings (`clinic.language`), installed at start.

CaseDesk's own words come from resources/translations/casedesk_<code>.qm, Qt's
standard buttons (OK, Cancel, Back, Next) from Qt's qtbase_<code>.qm, and dates
and numbers from the default QLocale: the language with the clinic's region.
English is the source language and needs no translation file.
"""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.resources import resource_path

log = logging.getLogger(__name__)
SOURCE_LANGUAGE = "en"


def translation_file(language: str) -> Path:
    return resource_path(f"translations/casedesk_{language}.qm")


def qt_translations_dir() -> str:
    """Qt's own translations: where this Qt says they are, else beside the PySide6 package."""
    found = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if found and Path(found).is_dir():
        return found
    import PySide6

    return str(Path(PySide6.__file__).resolve().parent / "Qt" / "translations")


def clinic_locale(language: str, region: str) -> QLocale:
    """`language` as written in `region` (es + IN), or the language's own usual region."""
    territory = QLocale.codeToTerritory(region) if region else QLocale.Territory.AnyTerritory
    return QLocale(QLocale.codeToLanguage(language), territory)


def install(language: str, region: str = "") -> list[QTranslator]:
    """Installs the translators of `language` on the running application and sets the
    default QLocale. Returns the translators installed (parented to the application)."""
    app = QCoreApplication.instance()
    QLocale.setDefault(clinic_locale(language, region))
    if language == SOURCE_LANGUAGE or app is None:
        return []
    installed = []
    for name, folder in (
        (translation_file(language).name, str(translation_file(language).parent)),
        (f"qtbase_{language}", qt_translations_dir()),
    ):
        translator = QTranslator(app)
        if translator.load(name, folder) and app.installTranslator(translator):
            installed.append(translator)
        else:
            log.warning("no %s translation %s in %s", language, name, folder)
    return installed


def current() -> str:
    """The language the desk reads in now ('es'), from the default QLocale `install` set;
    English when that is not a language CaseDesk speaks."""
    return _spoken(QLocale().name().split("_")[0])


@cache
def _spoken(code: str) -> str:
    # Cached: the book asks for every block it paints.
    return code if translation_file(code).exists() else SOURCE_LANGUAGE


def remove(translators: list[QTranslator]) -> None:
    """Takes translators back out (tests switch language within one process)."""
    app = QCoreApplication.instance()
    for translator in translators:
        if app is not None:
            app.removeTranslator(translator)
        translator.deleteLater()


def clinic_language(database: str) -> tuple[str, str]:
    """(language, region) stored for the clinic; English when they cannot be read now
    (the window that opens next says why the database cannot be used)."""
    from app.db import Database
    from app.services.errors import CaseDeskError

    try:
        db = Database(database)
    except CaseDeskError:
        return SOURCE_LANGUAGE, ""
    try:
        return language_of(db)
    finally:
        db.dispose()


def language_of(db) -> tuple[str, str]:
    """(language, region) stored in an open clinic database; English when unreadable."""
    from app.services import settings
    from app.services.errors import CaseDeskError

    try:
        values = settings.get_all(db)
    except CaseDeskError:
        return SOURCE_LANGUAGE, ""
    return values["clinic.language"], values["clinic.region"]
