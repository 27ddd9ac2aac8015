"""File > Print day...: the appointment book's day as a list for the treatment room.

Self-contained: `install_print_day(window, db)` adds the action to the File menu. A small
dialog asks for one practitioner or all; the list is read on the desk's runner
(service day_list), laid out as an HTML QTextDocument on the UI thread, one page per
practitioner, and printed through QPrinter: into a PDF chosen in a (non-native) file
dialog, or on a real printer through QPrintDialog when the PC has one.
"""

from __future__ import annotations

from datetime import date
from html import escape
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, QObject, Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence, QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from app.dialogs.base import CaseDeskDialog
from app.views.appointments_model import status_label
from app.views.body_part_names import shown_list
from app.views.clinic_format import WEEKDAY_DATE_FORMAT, clinic_locale, format_time
from app.views.desk import desk_for
from app.views.runner import plain_message, service

if TYPE_CHECKING:
    from app.db import Database
    from app.services.dto import DayList, DayListPage

_day_list = service("day_list")

PRINT_POINTS = 10  # the body text on paper; headings are set in STYLE
STYLE = """
h1 { font-size: 15pt; margin: 0; }
h2 { font-size: 12pt; margin: 2pt 0 8pt 0; font-weight: normal; }
table { border-collapse: collapse; }
th { text-align: left; border-bottom: 1px solid #444; }
td { border-bottom: 1px solid #bbb; vertical-align: top; }
td.n { text-align: right; }
td.t { white-space: nowrap; }
"""


def day_text(day: date) -> str:
    """'Wed 25 Nov 2026'."""
    return clinic_locale().toString(QDate(day.year, day.month, day.day), WEEKDAY_DATE_FORMAT)


def _page_html(page: DayListPage, listing: DayList, first: bool) -> str:
    zone = ZoneInfo(listing.timezone)
    # Qt starts a new printed page at a block with page-break-before (tables included).
    brk = "" if first else ' style="page-break-before: always"'
    title = listing.clinic_name or QCoreApplication.translate("PrintDay", "Day list")
    head = (
        f"<h1{brk}>{escape(title)}</h1>"
        f"<h2>{escape(page.practitioner_name)} — {escape(day_text(listing.day))}</h2>"
    )
    columns = (
        QCoreApplication.translate("PrintDay", "Time"),
        QCoreApplication.translate("PrintDay", "Patient"),
        QCoreApplication.translate("PrintDay", "Case"),
        QCoreApplication.translate("PrintDay", "Body parts"),
        QCoreApplication.translate("PrintDay", "Status"),
    )
    sessions_left = QCoreApplication.translate("PrintDay", "Sessions left")
    header = "".join(f"<th>{escape(c)}</th>" for c in columns)
    header += f'<th class="n">{escape(sessions_left)}</th>'
    rows = [
        "<tr>"
        f'<td class="t">{escape(format_time(r.starts_at, zone))}</td>'
        f"<td>{escape(r.patient_name)}</td>"
        f"<td>{escape(r.case_code)}</td>"
        f"<td>{escape(', '.join(shown_list(r.body_parts)))}</td>"
        f"<td>{escape(status_label(r.status))}</td>"
        f'<td class="n">{"" if r.sessions_left is None else r.sessions_left}</td>'
        "</tr>"
        for r in page.rows
    ]
    if not rows:
        nothing = QCoreApplication.translate("PrintDay", "No appointments.")
        rows = [f'<tr><td colspan="6">{escape(nothing)}</td></tr>']
    # <thead>: Qt repeats the header row on each printed page of a long day.
    table = (
        '<table width="100%" cellspacing="0" cellpadding="4">'
        f"<thead><tr>{header}</tr></thead>{''.join(rows)}</table>"
    )
    return head + table


def day_document(listing: DayList) -> QTextDocument:
    """The printable list: a header and a table per practitioner, a page break between."""
    document = QTextDocument()
    font = QFont(document.defaultFont())
    font.setPointSize(PRINT_POINTS)
    document.setDefaultFont(font)
    document.setDefaultStyleSheet(STYLE)
    pages = [_page_html(p, listing, n == 0) for n, p in enumerate(listing.pages)]
    document.setHtml(
        "".join(pages) or escape(QCoreApplication.translate("PrintDay", "No practitioners."))
    )
    return document


def new_printer() -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    return printer


def write_pdf(document: QTextDocument, path: str) -> None:
    """Prints `document` into the PDF file `path`."""
    printer = new_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(path)
    document.print_(printer)


class PrintDayDialog(CaseDeskDialog):
    """Which practitioner, then Save as PDF... or Print..."""

    def __init__(self, parent, day: date, practitioners: list[tuple[str, int]], chosen) -> None:
        super().__init__(parent)
        self.setObjectName("printDayDialog")
        self.setWindowTitle(self.tr("Print day"))
        self.practitioner = QComboBox(self, objectName="printDayPractitioner")
        self.practitioner.addItem(self.tr("All practitioners (a page each)"), None)
        for name, practitioner_id in practitioners:
            self.practitioner.addItem(name, practitioner_id)
        self.practitioner.setCurrentIndex(max(self.practitioner.findData(chosen), 0))
        form = QFormLayout()
        form.addRow(self.tr("Day:"), QLabel(day_text(day), self, objectName="printDayDate"))
        form.addRow(self.tr("Practitioner:"), self.practitioner)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.pdf_button = QPushButton(self.tr("&Save as PDF..."), self, objectName="printDayPdf")
        self.print_button = QPushButton(self.tr("&Print..."), self, objectName="printDayPrint")
        if not QPrinterInfo.availablePrinterNames():
            self.print_button.setEnabled(False)
            self.print_button.setToolTip(self.tr("No printer is set up on this computer."))
        for button in (self.print_button, self.pdf_button):
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def practitioner_id(self) -> int | None:
        return self.practitioner.currentData()


class PrintDayAction(QObject):
    """The Print day... action: its dialog, the read on the runner, the printing."""

    written = Signal(str)  # the PDF written (tests wait for it)

    def __init__(self, window: QMainWindow, db: Database) -> None:
        super().__init__(window)
        self.window, self.db = window, db
        self.runner = desk_for(db).runner
        self.action = QAction(self.tr("Print &day..."), window, objectName="printDayAction")
        self.action.setShortcut(QKeySequence("Ctrl+P"))
        self.action.triggered.connect(self.open_dialog)
        window.addAction(self.action)  # the shortcut works anywhere in the window
        menu = window.menuBar().findChild(QMenu, "fileMenu")
        if menu is not None:
            before = window.findChild(QAction, "settingsAction")
            menu.insertAction(before, self.action) if before else menu.addAction(self.action)
        self.dialog: PrintDayDialog | None = None
        self.file_dialog: QFileDialog | None = None
        self.document: QTextDocument | None = None  # the last list laid out

    def _book(self):
        return self.window.book

    def open_dialog(self) -> PrintDayDialog:
        book = self._book()
        combo = book.practitioner
        people = [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())]
        chosen = combo.currentData() if book.in_week_mode() else None
        dialog = PrintDayDialog(self.window, book.shown_day(), people, chosen)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.pdf_button.clicked.connect(self.choose_file)
        dialog.print_button.clicked.connect(lambda: self._read(self._print))
        dialog.finished.connect(lambda _result: self._forget(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def choose_file(self) -> QFileDialog:
        day = self._book().shown_day()
        dialog = QFileDialog(self.dialog or self.window, self.tr("Save the day list"))
        dialog.setObjectName("printDayFileDialog")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # the same everywhere
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("PDF (*.pdf)"))
        dialog.setDefaultSuffix("pdf")
        dialog.selectFile(f"day-{day.isoformat()}.pdf")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self.save_pdf)
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def save_pdf(self, path: str, practitioner_id: int | None = None) -> None:
        """Reads the shown day off the UI thread, then prints it into the PDF `path`.

        The open dialog's practitioner is used when there is one; else `practitioner_id`
        (None: every practitioner, a page each).
        """
        self._read(lambda listing: self._write(listing, path), practitioner_id)

    def _read(self, then, practitioner_id: int | None = None) -> None:
        if self.dialog is not None:
            practitioner_id = self.dialog.practitioner_id()
            self.dialog.buttons.setEnabled(False)
        day = self._book().shown_day()
        self.runner.query(
            "print-day", _day_list.day_list, self.db, day, practitioner_id,
            done=then, failed=self._failed,
        )  # fmt: skip

    def _write(self, listing: DayList, path: str) -> None:
        self.document = day_document(listing)
        write_pdf(self.document, path)
        self._close_dialog()
        self.window.statusBar().showMessage(
            self.tr("The day list is saved in {file}.").format(file=path), 10_000
        )
        self.written.emit(path)

    def _print(self, listing: DayList) -> None:
        self.document = day_document(listing)
        printer = new_printer()
        dialog = QPrintDialog(printer, self.window)
        dialog.setObjectName("printDayPrintDialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        document = self.document
        dialog.accepted.connect(lambda: document.print_(printer))
        self._close_dialog()
        dialog.open()

    def _forget(self, dialog: PrintDayDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.accept()
            self.dialog = None

    def _failed(self, error: BaseException) -> None:
        if self.dialog is not None:
            self.dialog.buttons.setEnabled(True)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Print day"),
            self.tr("The day list was not printed. {reason}").format(reason=plain_message(error)),
            QMessageBox.StandardButton.Ok,
            self.window,
        )
        box.setObjectName("printDayFailed")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()


def install_print_day(window: QMainWindow, db: Database) -> PrintDayAction:
    """Adds File > Print day... (Ctrl+P) to `window`, after its File menu and book exist."""
    return PrintDayAction(window, db)
