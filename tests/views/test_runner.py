"""The runner: work off the UI thread, answers on it, newest answer per topic, plain words."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication

from app.services.errors import SlotTakenError
from app.views.runner import Runner, plain_message, service


def test_work_runs_off_the_ui_thread_and_answers_on_it(qtbot):
    runner = Runner()
    seen = {}

    def work(x):
        seen["worker"] = threading.get_ident()
        return x * 2

    def done(result):
        seen["result"] = result
        seen["answer_thread"] = QThread.currentThread()

    runner.run(work, 21, done=done)
    qtbot.waitUntil(lambda: "result" in seen)
    assert seen["result"] == 42
    assert seen["worker"] != threading.get_ident()
    assert seen["answer_thread"] is QApplication.instance().thread()
    assert runner.active == 0
    runner.shutdown()


def test_failures_arrive_in_plain_words(qtbot):
    runner = Runner()
    errors = []

    def broken():
        raise KeyError("internal detail")

    def taken():
        raise SlotTakenError("Asha Rao already has an appointment at that time.")

    runner.run(broken, failed=errors.append)
    runner.run(taken, failed=errors.append)
    qtbot.waitUntil(lambda: len(errors) == 2)
    messages = {plain_message(e) for e in errors}
    assert "Asha Rao already has an appointment at that time." in messages
    assert any("Something unexpected went wrong" in m for m in messages)
    assert not any("internal detail" in m or "Traceback" in m for m in messages)
    runner.shutdown()


def test_nothing_calls_back_after_shutdown(qtbot):
    runner = Runner()
    answers = []
    runner.shutdown()
    assert runner.run(lambda: 1, done=answers.append) == 0
    QApplication.processEvents()
    assert runner.active == 0
    assert answers == []


def test_only_the_newest_answer_of_a_topic_arrives(qtbot):
    runner = Runner()
    gate = threading.Event()
    answers = []

    def slow(x):
        gate.wait(5)
        return x

    runner.query("search", slow, "old", done=answers.append)
    runner.query("search", lambda x: x, "new", done=answers.append)
    qtbot.waitUntil(lambda: answers == ["new"])
    gate.set()
    qtbot.waitUntil(lambda: runner.active == 0)
    assert answers == ["new"]  # the older keystroke's answer was dropped
    runner.shutdown()


def test_a_cancelled_topic_answers_nobody(qtbot):
    runner = Runner()
    gate = threading.Event()
    answers = []
    runner.query("patient", lambda: gate.wait(5) and "record", done=answers.append)
    runner.cancel("patient")
    gate.set()
    qtbot.waitUntil(lambda: runner.active == 0)
    assert answers == []
    runner.shutdown()


def test_a_service_is_imported_where_it_is_called(qtbot):
    runner = Runner()
    fold = service("text").fold
    assert repr(fold) == "app.services.text.fold"
    answers = []
    runner.query("fold", fold, "Ámélie", done=answers.append)
    qtbot.waitUntil(lambda: len(answers) == 1)
    assert answers == ["amelie"]
    runner.shutdown()
