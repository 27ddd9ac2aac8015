"""Settings page (administrators only): the staff accounts that sign in at the desks.

Each action is stored at once through the desk's runner (Settings' Save is for the other
tabs); the list reads again from the change bus, so another desk's changes appear too.
The service refuses anyone but an administrator whatever this page shows.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.dialogs.widgets import FieldMessage, while_alive
from app.services.changes import Changes
from app.services.dto import Practitioner, StaffAccountInfo, StaffIdentity
from app.views.clinic_format import format_moment
from app.views.desk import desk_for
from app.views.runner import plain_message, service

_accounts = service("accounts")
_practitioners = service("practitioners")
ADMIN, PRACTITIONER = "admin", "practitioner"  # as app/models/staff.py names the roles


def shows_accounts(staff: StaffIdentity | None) -> bool:
    """The tab is for a signed-in administrator (the service checks it again)."""
    return staff is not None and staff.role == ADMIN


class AccountsTab(QWidget):
    """The list of accounts, a form to add one, and the selected account's actions."""

    stored = Signal()  # an action was stored (tests wait on it)
    refused = Signal(str)

    def __init__(self, db, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accountsTab")
        self.db = db
        desk = desk_for(db)
        self.runner, self.bus = desk.runner, desk.bus
        self.rows: list[StaffAccountInfo] = []
        self.practitioners: dict[int, str] = {}
        self.busy = False
        self.is_loaded = False
        self._build()
        self.bus.changed.connect(self._on_changes)
        self.load()

    def title(self) -> str:
        """The tab's name in Settings (said here so the translation has this class's name)."""
        return self.tr("&Accounts")

    # -- layout ----------------------------------------------------------------------------

    def _build(self) -> None:
        note = QLabel(
            self.tr(
                "Changes on this tab are stored at once; Save is for the other tabs. "
                "A locked account is one with five wrong passwords in a row."
            ),
            wordWrap=True,
            objectName="accountsNote",
        )
        self.table = QTableWidget(0, 6, self, objectName="accountsTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("User name"),
                self.tr("Role"),
                self.tr("Practitioner"),
                self.tr("Active"),
                self.tr("Locked until"),
                self.tr("Last sign-in"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.message = FieldMessage(objectName="accountsMessage")
        boxes = QHBoxLayout()
        boxes.addWidget(self._add_box(), 1)
        boxes.addWidget(self._selected_box(), 1)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(boxes)

    def _roles(self, name: str) -> QComboBox:
        box = QComboBox(objectName=name)
        for role, label in (
            ("reception", self.tr("Reception")),
            (PRACTITIONER, self.tr("Practitioner")),
            (ADMIN, self.tr("Administrator")),
        ):
            box.addItem(label, role)
        return box

    def _password(self, name: str) -> QLineEdit:
        edit = QLineEdit(objectName=name)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        return edit

    def _add_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Add an account"))
        self.new_name = QLineEdit(objectName="newAccountName", maxLength=60)
        self.new_role = self._roles("newAccountRole")
        self.new_practitioner = QComboBox(objectName="newAccountPractitioner")
        self.new_password = self._password("newAccountPassword")
        self.new_again = self._password("newAccountPasswordAgain")
        self.add_button = QPushButton(self.tr("&Add account"), objectName="addAccountButton")
        self.add_button.clicked.connect(self.add_account)
        self.new_role.currentIndexChanged.connect(self._roles_changed)
        form = QFormLayout(box)
        form.addRow(self.tr("User name"), self.new_name)
        form.addRow(self.tr("Role"), self.new_role)
        form.addRow(self.tr("Practitioner"), self.new_practitioner)
        form.addRow(self.tr("Password"), self.new_password)
        form.addRow(self.tr("Password again"), self.new_again)
        form.addRow("", self.add_button)
        return box

    def _selected_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Selected account"))
        self.role = self._roles("accountRole")
        self.practitioner = QComboBox(objectName="accountPractitioner")
        self.role_button = QPushButton(self.tr("Change &role"), objectName="changeRoleButton")
        self.password = self._password("resetPassword")
        self.again = self._password("resetPasswordAgain")
        self.reset_button = QPushButton(
            self.tr("Reset pass&word"), objectName="resetPasswordButton"
        )
        self.unlock_button = QPushButton(self.tr("&Unlock"), objectName="unlockAccountButton")
        self.active_button = QPushButton(
            self.tr("&Deactivate"), objectName="deactivateAccountButton"
        )
        self.role_button.clicked.connect(self.change_role)
        self.reset_button.clicked.connect(self.reset_password)
        self.unlock_button.clicked.connect(self.unlock)
        self.active_button.clicked.connect(self.toggle_active)
        self.role.currentIndexChanged.connect(self._roles_changed)
        role_row = QHBoxLayout()
        role_row.addWidget(self.role, 1)
        role_row.addWidget(self.role_button)
        actions = QHBoxLayout()
        actions.addWidget(self.reset_button)
        actions.addStretch(1)
        actions.addWidget(self.unlock_button)
        actions.addWidget(self.active_button)
        form = QFormLayout(box)
        form.addRow(self.tr("Role"), role_row)
        form.addRow(self.tr("Practitioner"), self.practitioner)
        form.addRow(self.tr("New password"), self.password)
        form.addRow(self.tr("Password again"), self.again)
        form.addRow(actions)
        self.selected_box = box
        return box

    # -- reading ---------------------------------------------------------------------------

    def load(self) -> None:
        """Reads the practitioners and accounts off the UI thread."""
        self.runner.query(
            f"accounts-practitioners-{id(self)}",
            _practitioners.list_practitioners,
            self.db,
            done=while_alive(self, self._practitioners_in),
            failed=while_alive(self, self._failed),
        )
        self.runner.query(
            f"accounts-{id(self)}",
            _accounts.list_accounts,
            self.db,
            done=while_alive(self, self._accounts_in),
            failed=while_alive(self, self._failed),
        )

    def _practitioners_in(self, practitioners: list[Practitioner]) -> None:
        self.practitioners = {p.id: p.name for p in practitioners}
        for box in (self.new_practitioner, self.practitioner):
            chosen = box.currentData()
            box.clear()
            for pid, name in self.practitioners.items():
                box.addItem(name, pid)
            if chosen is not None and box.findData(chosen) >= 0:
                box.setCurrentIndex(box.findData(chosen))
        self._roles_changed()
        self._fill_table()

    def _accounts_in(self, rows: list[StaffAccountInfo]) -> None:
        self.rows = list(rows)
        self.is_loaded = True
        self._fill_table()

    def _fill_table(self) -> None:
        chosen = self.selected()
        self.table.setRowCount(len(self.rows))
        for row, account in enumerate(self.rows):
            cells = (
                account.user_name,
                self._role_label(account.role),
                self.practitioners.get(account.practitioner_id or 0, ""),
                self.tr("Yes") if account.active else self.tr("No"),
                _when(account.locked_until),
                _when(account.last_sign_in_at),
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
            if chosen is not None and account.id == chosen.id:
                self.table.selectRow(row)
        self._selection_changed()

    def _role_label(self, role: str) -> str:
        return self.role.itemText(max(0, self.role.findData(role)))

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches("staff_account", "practitioner"):
            self.load()

    def _failed(self, error: BaseException) -> None:
        self.message.say(plain_message(error))
        self.refused.emit(self.message.text())

    # -- choosing --------------------------------------------------------------------------

    def selected(self) -> StaffAccountInfo | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.rows[rows[0].row()] if rows and rows[0].row() < len(self.rows) else None

    def select(self, user_name: str) -> None:
        for row, account in enumerate(self.rows):
            if account.user_name == user_name:
                self.table.selectRow(row)

    def _selection_changed(self) -> None:
        account = self.selected()
        self.selected_box.setEnabled(account is not None and not self.busy)
        if account is None:
            return
        self.role.setCurrentIndex(max(0, self.role.findData(account.role)))
        if account.practitioner_id is not None:
            self.practitioner.setCurrentIndex(self.practitioner.findData(account.practitioner_id))
        self.unlock_button.setEnabled(account.locked_until is not None)
        self.active_button.setText(
            self.tr("&Deactivate") if account.active else self.tr("Re&activate")
        )
        self._roles_changed()

    def _roles_changed(self) -> None:
        for role, box in ((self.new_role, self.new_practitioner), (self.role, self.practitioner)):
            wanted = role.currentData() == PRACTITIONER
            box.setEnabled(wanted and box.count() > 0)
            if not wanted:
                box.setCurrentIndex(-1)  # no practitioner shown for another role
            elif box.currentIndex() < 0 and box.count():
                box.setCurrentIndex(0)

    # -- storing ---------------------------------------------------------------------------

    def _practitioner_of(self, role: QComboBox, box: QComboBox) -> int | None:
        return box.currentData() if role.currentData() == PRACTITIONER else None

    def _same(self, password: QLineEdit, again: QLineEdit) -> bool:
        if password.text() != again.text():
            self._failed_words(self.tr("The two passwords are not the same."))
            return False
        return True

    def _failed_words(self, text: str) -> None:
        self.message.say(text)
        self.refused.emit(text)

    def add_account(self) -> None:
        """Adds the account typed in the form (the service checks name, role and password)."""
        if self.busy or not self._same(self.new_password, self.new_again):
            return
        self._store(
            _accounts.add_account,
            self.db,
            self.new_name.text(),
            self.new_role.currentData(),
            self.new_password.text(),
            self._practitioner_of(self.new_role, self.new_practitioner),
            done=self._added,
            words=self.tr("Adding the account..."),
        )

    def _added(self, account: StaffAccountInfo) -> None:
        for edit in (self.new_name, self.new_password, self.new_again):
            edit.clear()
        self._stored(self.tr("Added %1.").replace("%1", account.user_name))

    def change_role(self) -> None:
        account = self.selected()
        if account is None:
            return
        practitioner = self._practitioner_of(self.role, self.practitioner)
        role = self.role.currentData()
        self._update(account, self.tr("Role changed."), role=role, practitioner_id=practitioner)

    def reset_password(self) -> None:
        account = self.selected()
        if account is None or not self._same(self.password, self.again):
            return
        self._update(account, self.tr("Password reset."), password=self.password.text())

    def unlock(self) -> None:
        account = self.selected()
        if account is not None:
            self._update(account, self.tr("Unlocked."), unlock=True)

    def toggle_active(self) -> None:
        account = self.selected()
        if account is not None:
            words = self.tr("Reactivated.") if not account.active else self.tr("Deactivated.")
            self._update(account, words, active=not account.active)

    def _update(self, account: StaffAccountInfo, words: str, **changes) -> None:
        if self.busy:
            return

        def call(db, account_id: int) -> StaffAccountInfo:
            return _accounts.update_account(db, account_id, **changes)

        self._store(
            call,
            self.db,
            account.id,
            done=lambda _info: self._updated(words),
            words=self.tr("Storing..."),
        )

    def _updated(self, words: str) -> None:
        self.password.clear()
        self.again.clear()
        self._stored(words)

    def _store(self, fn, *args, done, words: str) -> None:
        self._set_busy(True)
        self.message.say(words, serious=False)
        self.runner.write(
            fn,
            *args,
            done=while_alive(self, lambda value: (self._set_busy(False), done(value))),
            failed=while_alive(self, self._not_stored),
        )

    def _not_stored(self, error: BaseException) -> None:
        self._set_busy(False)
        self._failed(error)

    def _stored(self, words: str) -> None:
        self.message.say(words, serious=False)
        self.stored.emit()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.add_button.setEnabled(not busy)
        self.selected_box.setEnabled(not busy and self.selected() is not None)


def _when(moment) -> str:
    return format_moment(moment.astimezone()) if moment is not None else ""


def install_accounts_tab(db, tabs: QTabWidget) -> AccountsTab | None:
    """Adds the Accounts tab when a signed-in administrator opens Settings."""
    if not shows_accounts(db.signed_in):
        return None
    tab = AccountsTab(db, tabs)
    tabs.addTab(tab, tab.title())
    return tab
