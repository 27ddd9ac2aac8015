"""The runner's hold: nothing runs before a sign-in but the sign-in itself."""

from __future__ import annotations

import threading

from app.views.runner import Runner


def test_held_calls_wait_until_released_and_past_hold_runs_at_once(qtbot):
    runner = Runner()
    ran: list[str] = []
    answers: list[str] = []
    runner.hold()
    runner.query("patients", ran.append, "old search", done=lambda _r: answers.append("old"))
    runner.query("patients", ran.append, "new search", done=lambda _r: answers.append("new"))
    runner.write(ran.append, "a write", done=lambda _r: answers.append("write"))
    signed = threading.Event()
    runner.past_hold(lambda: signed.set(), done=lambda _r: answers.append("sign-in"))
    qtbot.waitUntil(lambda: answers == ["sign-in"])
    assert ran == [] and runner.holding
    assert runner.active == 2  # the older search of the topic was dropped, not kept waiting

    runner.release()
    qtbot.waitUntil(lambda: sorted(answers) == ["new", "sign-in", "write"])
    assert sorted(ran) == ["a write", "new search"]
    assert not runner.holding and runner.active == 0
    runner.shutdown()


def test_shutdown_drops_held_calls(qtbot):
    runner = Runner()
    ran: list[str] = []
    runner.hold()
    runner.write(ran.append, "never")
    runner.shutdown()
    runner.release()
    assert ran == [] and runner.active == 0
