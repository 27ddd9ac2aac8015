"""Photos of the sign-in over the covered window and of Settings > Accounts.

Called by tools/screenshots.py after its own photos (the staff accounts it adds make every
later window ask for a sign-in). Also runs alone, offscreen, on a database given:
    QT_QPA_PLATFORM=offscreen python tools/screenshots_sign_in.py DATABASE --size 1366x768
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools.screenshots import OUT, save, wait_until  # noqa: E402

PASSWORD = "screenshots only"


def add_staff(database: str) -> None:
    from app.db import Database
    from app.services import accounts

    db = Database(database)
    try:
        if not accounts.has_accounts(db):
            accounts.add_account(db, "Anna Pillai", "admin", PASSWORD)
            accounts.add_account(db, "Ravi Kumar", "reception", PASSWORD)
            for _ in range(accounts.MAX_FAILURES):  # a locked account, as the tab shows it
                with contextlib.suppress(accounts.SignInError):
                    accounts.sign_in(db, "Ravi Kumar", "not the password")
    finally:
        db.dispose()


def save_over(window, dialog, name: str, size: str) -> Path:
    """The window with the dialog drawn where it stands on screen, framed by a thin line."""
    from PySide6.QtGui import QColor, QPainter
    from PySide6.QtTest import QTest

    QTest.qWait(150)
    photo = window.grab()
    painter = QPainter(photo)
    at = dialog.frameGeometry().topLeft() - window.geometry().topLeft()
    painter.drawPixmap(at, dialog.grab())
    painter.setPen(QColor("#555555"))
    painter.drawRect(at.x() - 1, at.y() - 1, dialog.width() + 1, dialog.height() + 1)
    painter.end()
    path = OUT / f"{name}-{size}.png"
    photo.save(str(path))
    print(f"saved {path.relative_to(ROOT)}")
    return path


def photograph_sign_in(database: str, size: str) -> None:
    from app.main import create_main_window

    add_staff(database)
    width, height = (int(n) for n in size.split("x"))
    window = create_main_window(database)
    window.resize(width, height)
    window.show()
    gate = window.sign_in
    wait_until(lambda: gate.dialog is not None and gate.dialog.isVisible())
    dialog = gate.dialog
    dialog.user_name.setText("Anna Pillai")
    dialog.password.setText("a wrong password")
    dialog.sign_in()
    wait_until(lambda: not dialog.busy and bool(dialog.message.text()))
    save_over(window, dialog, "sign-in", size)
    dialog.password.setText(PASSWORD)
    dialog.sign_in()
    wait_until(lambda: gate.dialog is None and not window.patients.model.searching)
    settings = window.messaging.open_settings("clinic")
    wait_until(lambda: settings.is_loaded and settings.accounts_tab is not None)
    settings.show_tab("accounts")
    tab = settings.accounts_tab
    wait_until(lambda: tab.is_loaded and tab.table.rowCount() == 2 and bool(tab.practitioners))
    tab.select("Ravi Kumar")
    save(settings, "settings-accounts", size)
    settings.done(0)
    window.close()
    window.db.dispose()


def main() -> int:
    from PySide6.QtWidgets import QApplication

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database")
    parser.add_argument("--size", action="append")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("CaseDesk")
    OUT.mkdir(parents=True, exist_ok=True)
    for size in args.size or ["1366x768"]:
        photograph_sign_in(args.database, size)
    return 0


if __name__ == "__main__":
    sys.exit(main())
