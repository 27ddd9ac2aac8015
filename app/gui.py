"""Starting the window: the QApplication, the demo database, and the last-resort error dialog."""

from __future__ import annotations

import logging
import sys
import traceback

from app import APP_NAME, config

log = logging.getLogger(__name__)
DEMO_PATIENTS = 2_000


def install_excepthook() -> None:
    """An unexpected error is logged and shown with the log's location; the app stays up."""

    def hook(kind, value, tb) -> None:
        log.error("unexpected error:\n%s", "".join(traceback.format_exception(kind, value, tb)))
        try:
            from PySide6.QtWidgets import QApplication, QMessageBox

            if QApplication.instance() is not None:
                QMessageBox.critical(
                    None,
                    APP_NAME,
                    f"Something went wrong: {value}\n\n"
                    f"Nothing you saved is lost. Details are in:\n{config.log_file()}",
                )
        except Exception:  # the dialog itself failed; the log has it
            log.exception("could not show the error dialog")

    sys.excepthook = hook


def ensure_demo_data(database: str) -> None:
    from app.db import Database
    from app.services import demo_data, patients

    db = Database(database)
    try:
        if patients.search_patients(db, "", limit=1).total == 0:
            demo_data.generate(db, DEMO_PATIENTS, seed=1)
    finally:
        db.dispose()


def run(database: str, demo: bool = False) -> int:
    from PySide6.QtWidgets import QApplication

    from app.main import create_main_window

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    install_excepthook()
    if not demo:  # an empty clinic starts with a short setup, or with the demo database
        from app.dialogs.first_launch import first_launch

        chosen = first_launch(database)
        if chosen is None:
            return 0
        demo, database = chosen != database, chosen
    if demo:
        ensure_demo_data(database)
    window = create_main_window(database)
    window.show()
    return app.exec()
