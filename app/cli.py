"""The `casedesk` command line (see shared CONTRACT.md): parse, then hand over.

Every expected failure prints one plain line on stderr and exits 1 (2 for bad
usage); a traceback only ever goes to the log file.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time

from app import __version__, config
from app.services.errors import CaseDeskError

log = logging.getLogger(__name__)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # exit 2 with one line, as argparse does, but plainer
        self.exit(2, f"casedesk: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="casedesk", description="CaseDesk: clinic reception.")
    parser.add_argument("--version", action="version", version=f"CaseDesk {__version__}")
    parser.add_argument("--database", metavar="TARGET", help="file path or SQLAlchemy URL")
    parser.add_argument("--demo", action="store_true", help="open the demo database")
    parser.add_argument("--self-test", action="store_true", help="smoke test, exit 0 when healthy")
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)

    cfg = commands.add_parser("config", help="read or change settings")
    cfg_cmd = cfg.add_subparsers(dest="action", required=True, parser_class=_Parser)
    cfg_cmd.add_parser("list")
    get = cfg_cmd.add_parser("get")
    get.add_argument("key")
    put = cfg_cmd.add_parser("set")
    put.add_argument("key")
    put.add_argument("value", help="the value; for smtp.password write - to be asked for it")

    outbox = commands.add_parser("outbox", help="patient messages waiting to be sent")
    outbox_cmd = outbox.add_subparsers(dest="action", required=True, parser_class=_Parser)
    outbox_cmd.add_parser("list")
    outbox_cmd.add_parser("send")

    demo = commands.add_parser("demo-data", help="add synthetic patients")
    demo.add_argument("--patients", type=int, required=True)
    demo.add_argument("--seed", type=int, default=1)

    backup = commands.add_parser("backup", help="a verified copy of the database")
    backup.add_argument("file", metavar="FILE", nargs="?")
    restore = commands.add_parser("restore", help="replace the database with a backup")
    restore.add_argument("file", metavar="FILE")

    copy = commands.add_parser("copy-to", help="copy every record into an empty database")
    copy.add_argument("target2", metavar="TARGET2", help="file path or SQLAlchemy URL")

    audit = commands.add_parser("audit", help="the audit trail")
    audit_cmd = audit.add_subparsers(dest="action", required=True, parser_class=_Parser)
    audit_cmd.add_parser("verify", help="check that the audit trail is intact")
    imports = commands.add_parser("import", help="records from another system's CSV export")
    import_cmd = imports.add_subparsers(dest="action", required=True, parser_class=_Parser)
    import_cmd.add_parser("patients", help="patients from a CSV file").add_argument("file")
    export = commands.add_parser("export", help="write the clinic in a standard format")
    export_cmd = export.add_subparsers(dest="format", required=True, parser_class=_Parser)
    fhir = export_cmd.add_parser("fhir", help="one FHIR R4 Bundle (JSON)")
    fhir.add_argument("file", metavar="FILE")
    user = commands.add_parser("user", help="staff accounts")
    user_cmd = user.add_subparsers(dest="action", required=True, parser_class=_Parser)
    user_add = user_cmd.add_parser("add", help="a staff account; password from CASEDESK_PASSWORD")
    user_add.add_argument("name", metavar="NAME")
    user_add.add_argument("--role", required=True, choices=["reception", "practitioner", "admin"])
    user_add.add_argument(
        "--practitioner", metavar="NAME", help="for a practitioner account: whose book it is"
    )
    return parser


def _target(args: argparse.Namespace) -> str:
    if args.database:
        return args.database
    return config.demo_database() if args.demo else config.default_database()


def _open(args: argparse.Namespace):
    import atexit

    from app.db import Database

    db = Database(_target(args))
    atexit.register(db.dispose)  # a clean close lets the next open skip the quick check
    return db


def _backup(args: argparse.Namespace) -> int:
    from app.db import Database
    from app.services import backups

    db = Database(_target(args), migrate=False)  # a copy changes nothing, not even the schema
    try:
        backups.remove_partials()
        print(backups.backup(db, args.file))
    finally:
        db.dispose()
    return 0


def _restore(args: argparse.Namespace) -> int:
    from app.services import backup_restore

    kept = backup_restore.restore(_target(args), args.file)
    print(f"Restored {args.file}; the database as it was is kept in {kept}")
    return 0


def _config(args: argparse.Namespace) -> int:
    from app.services import settings

    db = _open(args)
    if args.action == "list":
        for key, value in settings.get_all(db).items():
            shown = settings.display_value(key, value).replace("\n", "\\n")
            print(f"{key} = {shown}")
    elif args.action == "get":
        print(settings.display_value(args.key, settings.get(db, args.key)))
    else:
        stored = settings.set(db, args.key, _value(args, settings.SECRET_KEYS))
        print(f"{args.key} = {settings.display_value(args.key, stored)}")
    return 0


class _SecretOnCommandLine(CaseDeskError):
    """A password typed as an argument: it would stay in the shell history and process list."""


def _value(args: argparse.Namespace, secret_keys: set[str]) -> str:
    """The value to set; a secret is read from a prompt (or stdin), never from the arguments."""
    if args.key not in secret_keys:
        return args.value
    if args.value == "":  # clearing the password reveals nothing
        return ""
    if args.value != "-":
        raise _SecretOnCommandLine(
            f"do not put the {args.key} on the command line (it stays in the shell history); "
            f"write `config set {args.key} -` and type it when asked, or pipe it in."
        )
    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        return getpass.getpass(f"{args.key}: ")
    line = sys.stdin.readline() if sys.stdin is not None else ""
    return line.rstrip("\r\n")


def _outbox(args: argparse.Namespace) -> int:
    from app.services import outbox

    db = _open(args)
    if args.action == "list":
        messages = outbox.list_messages(db)
        if not messages:
            print("The outbox is empty.")
        for m in messages:
            error = f"  ({m.last_error})" if m.last_error else ""
            print(f"#{m.id}  {m.status:<9}  {m.recipient}  {m.subject}{error}")
        return 0
    return _outbox_send(db)


def _outbox_send(db) -> int:
    """Tries every waiting message now; exit 1 when one failed or mail is not set up."""
    from app.services import outbox

    def show(attempt) -> None:
        detail = f"  {attempt.detail}" if attempt.detail else ""
        retry = attempt.next_attempt_at
        when = f" (next try {retry.astimezone():%Y-%m-%d %H:%M})" if retry else ""
        print(f"#{attempt.message_id}  {attempt.outcome:<9}  {attempt.recipient}{detail}{when}")

    report = outbox.send_due(db, everything=True, on_attempt=show)
    if not report.configured:
        print(f"Not configured: {report.reason}")
        print(f"{report.waiting} message(s) waiting.")
        return 1 if report.waiting else 0
    if not report.attempts:
        print("Nothing to send.")
    print(
        f"Sent {report.sent}, failed {report.failed}, {report.waiting} still waiting for a retry."
    )
    return 1 if report.failed else 0


def _demo_data(args: argparse.Namespace) -> int:
    from app.services import demo_data

    db = _open(args)
    started = time.monotonic()

    def progress(done: int, total: int) -> None:
        if sys.stderr is not None and sys.stderr.isatty():
            print(f"\r{done:,} of {total:,} patients", end="", file=sys.stderr, flush=True)

    result = demo_data.generate(db, args.patients, args.seed, progress)
    if sys.stderr is not None and sys.stderr.isatty():
        print(file=sys.stderr)
    print(
        f"Added {result.patients:,} patients, {result.cases:,} cases and "
        f"{result.appointments:,} appointments ({result.practitioners} practitioners) "
        f"in {time.monotonic() - started:.1f} s."
    )
    return 0


def _audit_verify(args: argparse.Namespace) -> int:
    """Exit 0 when the chain is intact; 1 with one line naming the first broken entry."""
    from app.services import audit_chain

    started = time.monotonic()
    report = audit_chain.verify(_open(args))
    took = time.monotonic() - started
    if report.ok:
        print(f"The audit trail is intact: {report.checked:,} entries checked in {took:.1f} s.")
        return 0
    print(f"The audit trail was tampered with: {report.problem}.")
    return 1


def _user_add(args: argparse.Namespace) -> int:
    """`user add NAME --role ROLE`: the password from CASEDESK_PASSWORD, or asked twice."""
    from app.services import accounts, practitioners

    db = _open(args)
    practitioner_id = None
    if args.practitioner:
        practitioner_id = practitioners.find_by_name(db, args.practitioner)
    password = _new_password(accounts.check_password)
    account = accounts.add_account(db, args.name, args.role, password, practitioner_id)
    print(f"Added {account.role} account {account.user_name}.")
    return 0


def _new_password(check) -> str:
    password = os.environ.get("CASEDESK_PASSWORD")
    if password is not None:
        return password
    if sys.stdin is None or not sys.stdin.isatty():
        raise CaseDeskError("set CASEDESK_PASSWORD, or run this in a terminal to be asked.")
    import getpass

    password = getpass.getpass("Password: ")
    check(password)
    if getpass.getpass("Password again: ") != password:
        raise CaseDeskError("the two passwords differ; nothing was added.")
    return password


def _copy_to(args: argparse.Namespace) -> int:
    """Copies the clinic into an empty database; the bar shows only on a terminal."""
    from app.services import copy_clinic

    bar = _ProgressBar(sys.stderr)
    try:
        report = copy_clinic.copy_clinic(_target(args), args.target2, bar.show)
    finally:
        bar.close()
    print(
        f"Copied {report.rows:,} rows in {len(report.tables)} tables from {report.source} "
        f"to {report.target} in {report.seconds:.1f} s; row counts and checksums match."
    )
    return 0


def _import(args: argparse.Namespace) -> int:
    """Imports patients; refused rows go to stderr and beside the file, the counts last."""
    from app.services import patient_import

    db = _open(args)
    bar = _ProgressBar(sys.stderr)
    try:
        report = patient_import.import_patients(
            db, args.file, progress=lambda done, total: bar.show("import", done, total)
        )
    finally:
        bar.close()
    for row in report.refused:
        print(row.describe(), file=sys.stderr)
    if report.refused:
        target = patient_import.refused_path(args.file)
        try:
            patient_import.save_refused(report, target)
            print(f"Refused rows saved to {target} to fix and import again.", file=sys.stderr)
        except OSError as exc:
            print(f"Could not save the refused rows to {target}: {exc.strerror}", file=sys.stderr)
    print(report.counts(), flush=True)
    return 0


def _export(args: argparse.Namespace) -> int:
    """Writes the FHIR Bundle; the bar shows only on a terminal."""
    from app.services import fhir_export

    db = _open(args)
    bar = _ProgressBar(sys.stderr, unit="resources")
    try:
        report = fhir_export.export_fhir(db, args.file, bar.show)
    finally:
        bar.close()
    print(
        f"Exported {report.patients:,} patients, {report.practitioners:,} practitioners, "
        f"{report.cases:,} cases and {report.appointments:,} appointments "
        f"({report.resources:,} FHIR resources) to {report.file} in {report.seconds:.1f} s."
    )
    return 0


class _ProgressBar:
    """A one-line bar redrawn with a carriage return; nothing when stderr is not a terminal."""

    WIDTH = 30

    def __init__(self, stream, unit: str = "rows") -> None:
        self.stream = stream if stream is not None and stream.isatty() else None
        self.drawn, self.unit = False, unit

    def show(self, stage: str, done: int, total: int) -> None:
        if self.stream is None:
            return
        share = done / total if total else 1.0
        filled = round(share * self.WIDTH)
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        line = f"\r{stage:<9} [{bar}] {share:4.0%}  {done:,} of {total:,} {self.unit}"
        print(line, end="", file=self.stream, flush=True)
        self.drawn = True

    def close(self) -> None:
        if self.drawn:
            print(file=self.stream, flush=True)


def _gui(args: argparse.Namespace) -> int:
    from app.gui import run

    return run(_target(args), demo=args.demo and not args.database)


def _self_test(args: argparse.Namespace) -> int:
    from app.selftest import run_self_test

    return run_self_test()


def _opens_window(args: argparse.Namespace) -> bool:
    return not args.self_test and args.command is None


def dispatch(args: argparse.Namespace) -> int:
    if args.self_test:
        return _self_test(args)
    if args.command == "config":
        return _config(args)
    if args.command == "outbox":
        return _outbox(args)
    if args.command == "demo-data":
        return _demo_data(args)
    if args.command == "copy-to":
        return _copy_to(args)
    if args.command == "audit":
        return _audit_verify(args)
    if args.command == "import":
        return _import(args)
    if args.command == "export":
        return _export(args)
    if args.command == "backup":
        return _backup(args)
    if args.command == "user":
        return _user_add(args)
    if args.command == "restore":
        return _restore(args)
    return _gui(args)


def ensure_std_streams() -> None:
    """Gives None standard streams a sink, so nothing that writes to them can crash.

    A windowed build (and pythonw) starts with sys.stdout and sys.stderr set to None.
    """
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else exc.__class__.__name__


def main(argv: list[str] | None = None) -> int:
    ensure_std_streams()
    config.private_umask()  # the database, its backups and logs are the clinic user's alone
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.demo and args.database:
        parser.error("--demo and --database cannot be used together")
    try:
        config.setup_logging()
    except OSError as exc:
        print(f"casedesk: cannot write to the data folder: {exc}", file=sys.stderr)
        if _opens_window(args):  # stderr goes nowhere in the windowed build
            from app.gui import explain_unwritable_data_folder

            explain_unwritable_data_folder(exc)
        return 1
    try:
        return dispatch(args)
    except _SecretOnCommandLine as exc:
        print(f"casedesk: {exc}", file=sys.stderr)
        return 2
    except CaseDeskError as exc:
        print(f"casedesk: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 1
    except Exception as exc:  # unexpected: the log has the traceback, the user one line
        log.exception("unexpected failure")
        print(
            f"casedesk: unexpected error ({exc.__class__.__name__}: {_first_line(exc)}). "
            f"Details are in {config.log_file()}",
            file=sys.stderr,
        )
        return 1
