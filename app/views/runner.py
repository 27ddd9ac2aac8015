"""The one way views and dialogs reach the database: off the UI thread, answers queued back.

- `query(topic, fn, ...)`: a read. Only the newest request of a topic is answered, so a
  slow answer to an old keystroke never overwrites a newer one.
- `write(fn, ...)`: a change. What it changed is announced by the change bus (see
  `change_bus.py`), which every view listens to; the caller's `done` only handles its
  own reply (a banner, closing a dialog).

Service functions are named through `service("patients").search`: the module is
imported on the worker when first called, so SQLAlchemy and the services load off
the UI thread and after the window first paints.
"""

from __future__ import annotations

import importlib
import itertools
import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Signal

from app.services.errors import CaseDeskError
from app.services.words import CONTEXT, english_plural

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class ServiceCall:
    """A service function named by module and attribute, imported where it is called."""

    __slots__ = ("module", "name")

    def __init__(self, module: str, name: str) -> None:
        self.module = module
        self.name = name

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return getattr(importlib.import_module(self.module), self.name)(*args, **kwargs)

    def __repr__(self) -> str:
        return f"{self.module}.{self.name}"


class _Service:
    def __init__(self, module: str) -> None:
        self._module = module

    def __getattr__(self, name: str) -> ServiceCall:
        if name.startswith("__"):
            raise AttributeError(name)
        return ServiceCall(self._module, name)


def service(name: str) -> Any:
    """`service("patients").search` is `app.services.patients.search`, imported lazily."""
    return _Service(f"app.services.{name}")


def translated(message: str) -> str:
    """A service's message in the desk's language: its template translated, then filled.

    Messages made with `app.services.words.say` carry their template; any other text
    is shown as it is. A value that is itself marked words (a field's name) is
    translated too.
    """
    template = getattr(message, "template", None)
    if template is None:
        return str(message)
    count = getattr(message, "count", None)
    if count is None:
        text = QCoreApplication.translate(CONTEXT, template)
    else:  # Qt picks the plural form and fills in %n; English settles its "(s)" itself
        text = english_plural(QCoreApplication.translate(CONTEXT, template, "", count), count)
    values = {k: translated(v) if isinstance(v, str) else v for k, v in message.values.items()}
    try:
        return text.format(**values) if values else text
    except (KeyError, IndexError, ValueError):  # a translation that broke a placeholder
        log.warning("translation of a service message has a broken placeholder")
        return str(message)


def plain_message(error: BaseException) -> str:
    """What a receptionist reads about a failure: the service's own words, never a traceback."""
    if isinstance(error, CaseDeskError):
        said = error.args[0] if len(error.args) == 1 else None
        return translated(said) if isinstance(said, str) else str(error)
    log.error("unexpected error in a background task", exc_info=error)
    return QCoreApplication.translate(
        "Runner",
        "Something unexpected went wrong; nothing was changed. Details are in the log.",
    )


class Runner(QObject):
    """Runs service calls on a private thread pool and calls back on the UI thread.

    A finished task whose owner has shut down is dropped, and `shutdown` waits for
    running tasks, so no callback reaches a deleted window.
    """

    _finished = Signal(int, object)
    _failed = Signal(int, object)

    def __init__(self, parent: QObject | None = None, threads: int = 4) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        self._callbacks: dict[int, tuple[str | None, Done | None, Failed | None]] = {}
        self._newest: dict[str, int] = {}
        self._ids = itertools.count(1)
        self._closing = False
        self._held: list[tuple[int, str | None, Callable[[], None]]] | None = None
        self._finished.connect(self._on_finished)
        self._failed.connect(self._on_failed)

    @property
    def active(self) -> int:
        """How many tasks have not called back yet."""
        return len(self._callbacks)

    def busy(self, topic: str | None = None) -> bool:
        if topic is None:
            return bool(self._callbacks)
        return any(t == topic for t, _, _ in self._callbacks.values())

    def query(
        self,
        topic: str,
        fn: Callable[..., Any],
        *args: Any,
        done: Done,
        failed: Failed | None = None,
    ) -> int:
        """Reads off the UI thread; only the newest request of `topic` gets its answer."""
        return self._start(topic, fn, args, done, failed)

    def write(
        self,
        fn: Callable[..., Any],
        *args: Any,
        done: Done | None = None,
        failed: Failed | None = None,
    ) -> int:
        """Changes records off the UI thread; the change bus announces what changed."""
        return self._start(None, fn, args, done, failed)

    def cancel(self, topic: str) -> None:
        """Drops the answer of any request of `topic` still on its way."""
        self._newest[topic] = 0

    run = write  # for work that is neither a read nor a write (sending a test message)

    def hold(self) -> None:
        """Keeps every call waiting (until `release`) but those made with `past_hold`: no
        patient is read at a desk that has not signed in yet."""
        if self._held is None:
            self._held = []

    def release(self) -> None:
        """Starts the calls kept waiting by `hold`, in the order they were made."""
        held, self._held = self._held or [], None
        for _task_id, _topic, work in held:
            self._pool.start(work)

    @property
    def holding(self) -> bool:
        return self._held is not None

    def past_hold(
        self,
        fn: Callable[..., Any],
        *args: Any,
        done: Done | None = None,
        failed: Failed | None = None,
    ) -> int:
        """Runs now even while held: signing in itself."""
        return self._start(None, fn, args, done, failed, past_hold=True)

    def _start(
        self,
        topic: str | None,
        fn: Callable[..., Any],
        args: tuple[Any, ...],
        done: Done | None,
        failed: Failed | None,
        past_hold: bool = False,
    ) -> int:
        if self._closing:
            return 0
        task_id = next(self._ids)
        self._callbacks[task_id] = (topic, done, failed)
        if topic is not None:
            self._newest[topic] = task_id

        def work() -> None:
            try:
                result = fn(*args)
            except Exception as exc:  # handed to the UI thread, which shows it in plain words
                self._answer(self._failed, task_id, exc)
            else:
                self._answer(self._finished, task_id, result)

        if self._held is not None and not past_hold:
            self._keep_waiting(task_id, topic, work)
        else:
            self._pool.start(work)
        return task_id

    def _keep_waiting(self, task_id: int, topic: str | None, work: Callable[[], None]) -> None:
        if topic is not None:  # an older read of the topic would be answered to nobody
            for older in [h for h in self._held if h[1] == topic]:
                self._held.remove(older)
                self._callbacks.pop(older[0], None)
        self._held.append((task_id, topic, work))

    def _answer(self, signal: Signal, task_id: int, value: object) -> None:
        if self._closing:
            return
        try:
            signal.emit(task_id, value)
        except RuntimeError:  # the application is going away: nobody is left to answer
            log.debug("an answer arrived after the runner was deleted")

    def _take(self, task_id: int) -> tuple[Done | None, Failed | None] | None:
        topic, done, failed = self._callbacks.pop(task_id, (None, None, None))
        if self._closing:
            return None
        if topic is not None and self._newest.get(topic) != task_id:
            return None  # an older request of this topic: a newer answer is on its way
        return done, failed

    def _on_finished(self, task_id: int, result: object) -> None:
        taken = self._take(task_id)
        if taken is not None and _alive(taken[0]):
            taken[0](result)

    def _on_failed(self, task_id: int, error: object) -> None:
        taken = self._take(task_id)
        if taken is None:
            return
        if taken[1] is not None:
            if _alive(taken[1]):
                taken[1](error)
        else:
            plain_message(error)  # at least logged

    def wait(self, msecs: int = 5000) -> bool:
        """Lets running work finish, so no thread outlives its database."""
        return self._pool.waitForDone(msecs)

    def shutdown(self) -> None:
        """Drops queued tasks and waits for running ones; no callback runs after this."""
        self._closing = True
        self._held = None
        self._pool.clear()
        self._pool.waitForDone()
        self._callbacks.clear()


def _alive(callback: Callable[..., Any] | None) -> bool:
    """False for no callback, or a method of a widget already deleted (a closed dialog):
    its answer has nobody left to tell."""
    if callback is None:
        return False
    owner = getattr(callback, "__self__", None)
    return not isinstance(owner, QObject) or shiboken6.isValid(owner)
