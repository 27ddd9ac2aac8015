"""Two senders over one outbox (two desks on one database file) send each message once."""

from __future__ import annotations

import multiprocessing
import threading
from collections import Counter
from datetime import UTC, datetime

import pytest

from app.db import Database
from app.services import outbox
from tests.conftest import new_patient
from tests.mail_server import MailServer

MESSAGES = 12


@pytest.fixture
def server():
    running = MailServer().start()
    yield running
    running.stop()


@pytest.fixture
def queued(db, server, book) -> list[int]:
    server.configure(db)
    ids = []
    for n in range(MESSAGES):
        patient = new_patient(f"P{n}", "Race", f"+91 98123 {n:05d}", email=f"p{n}@example.com")
        ids.append(book(new_patient=patient).message_id)
    return ids


def _sender(path: str, name: str, barrier, now: datetime) -> int:
    database = Database(path)
    try:
        barrier.wait(timeout=30)
        return outbox.send_due(database, now=now, sender=name).sent
    finally:
        database.dispose()


def _assert_each_sent_once(db, server, queued, sent_counts) -> None:
    ids = Counter(m["Message-ID"] for m in server.inbox.messages())
    assert len(server.inbox.envelopes) == MESSAGES
    assert len(ids) == MESSAGES and set(ids.values()) == {1}
    assert sum(sent_counts) == MESSAGES
    assert {m.status for m in outbox.list_messages(db)} == {"sent"}
    assert sorted(server.inbox.recipients()) == sorted(f"p{n}@example.com" for n in range(12))


def test_two_threads_each_with_a_database_send_every_message_once(db, db_target, server, queued):
    barrier = threading.Barrier(2)
    now = datetime.now(UTC)
    results: dict[str, int] = {}
    errors: list[BaseException] = []

    def run(name: str) -> None:
        try:
            results[name] = _sender(str(db_target), name, barrier, now)
        except BaseException as exc:  # surfaced below; a thread cannot fail the test itself
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(f"desk-{n}",)) for n in (1, 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    _assert_each_sent_once(db, server, queued, list(results.values()))


def _process_main(path: str, name: str, barrier, now: datetime, results) -> None:
    results.put(_sender(path, name, barrier, now))


def test_two_processes_send_every_message_once(db, db_target, server, queued):
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(2)
    results = context.Queue()
    now = datetime.now(UTC)
    processes = [
        context.Process(
            target=_process_main, args=(str(db_target), f"desk-{n}", barrier, now, results)
        )
        for n in (1, 2)
    ]
    for process in processes:
        process.start()
    counts = [results.get(timeout=60) for _ in processes]
    for process in processes:
        process.join(timeout=60)
        assert process.exitcode == 0
    _assert_each_sent_once(db, server, queued, counts)
