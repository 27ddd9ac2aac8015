"""Several desks at once: each job runs in its own thread on its own Database (real connections)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from app.db import Database

WAIT = 60  # seconds; only reached when something hangs


def at_once(target: str, *jobs: Callable[[Database], Any]) -> list[Any]:
    """Runs every job at the same moment, each on its own connection to `target`.

    Returns each job's result, or the exception it raised, in the order given.
    """
    barrier = threading.Barrier(len(jobs))
    outcomes: list[Any] = [None] * len(jobs)

    def desk(index: int, job: Callable[[Database], Any]) -> None:
        database = Database(target)
        try:
            with database.reading():
                pass  # connected before the start, so the jobs really overlap
            barrier.wait(timeout=WAIT)
            outcomes[index] = job(database)
        except BaseException as exc:  # handed to the test, which a thread cannot fail itself
            outcomes[index] = exc
        finally:
            database.dispose()

    threads = [threading.Thread(target=desk, args=(n, job)) for n, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=WAIT)
    assert not any(thread.is_alive() for thread in threads), "a desk hung"
    return outcomes
