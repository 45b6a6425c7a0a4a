"""Background jobs have an owner and a cancel (desktop.app.background): a result reaches only an
owner that still exists, a job superseded in its slot is taken off the queue or its result
dropped, and a failure goes to the owner's error handler (which shows it on a line), never up
to the error hook's dialog. The work is held at gates so that the order is certain."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QObject, QThreadPool
from pytestqt.qtbot import QtBot

from desktop.app.background import Jobs, explain, while_alive
from desktop.core.config import log_path
from desktop.core.errors import InputError

GATE_S = 30


class Gate:
    def __init__(self) -> None:
        self.entered = threading.Event()
        self._open = threading.Event()

    def hold(self, value: object) -> Callable[[], object]:
        def work() -> object:
            self.entered.set()
            self._open.wait(GATE_S)
            return value

        return work

    def open(self) -> None:
        self._open.set()


@pytest.fixture
def pool() -> Iterator[QThreadPool]:
    """One thread: a second job waits in the queue while the first is held."""
    made = QThreadPool()
    made.setMaxThreadCount(1)
    yield made
    made.waitForDone(GATE_S * 1000)


def test_the_result_of_a_job_whose_owner_was_deleted_reaches_nobody(qtbot: QtBot, pool: QThreadPool) -> None:
    owner, gate, got = QObject(), Gate(), []
    Jobs(owner, pool).run(gate.hold("late"), got.append, got.append)
    assert gate.entered.wait(GATE_S)
    witness, seen = QObject(), []  # a job of another owner, finished after the first one
    Jobs(witness, pool).run(lambda: "next", seen.append, seen.append)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(owner))
    gate.open()
    qtbot.waitUntil(lambda: seen == ["next"])  # results come back in the order they finished
    assert got == []


def test_a_queued_job_whose_owner_is_deleted_never_runs(qtbot: QtBot, pool: QThreadPool) -> None:
    blocker, gate = QObject(), Gate()
    Jobs(blocker, pool).run(gate.hold(None), lambda _r: None, lambda _e: None)
    assert gate.entered.wait(GATE_S)
    owner, ran, got = QObject(), threading.Event(), []
    Jobs(owner, pool).run(ran.set, got.append, got.append)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(owner))
    gate.open()
    assert pool.waitForDone(GATE_S * 1000)
    assert not ran.is_set() and got == []


def test_a_newer_job_in_the_same_slot_supersedes_the_older(qtbot: QtBot, pool: QThreadPool) -> None:
    owner, gate, got = QObject(), Gate(), []
    jobs = Jobs(owner, pool)
    jobs.run(gate.hold("first search"), got.append, got.append, slot="search")  # running
    assert gate.entered.wait(GATE_S)
    queued_ran = threading.Event()

    def second() -> str:
        queued_ran.set()
        return "second search"

    jobs.run(second, got.append, got.append, slot="search")  # waits behind the first
    jobs.run(lambda: "third search", got.append, got.append, slot="search")
    jobs.run(lambda: "other slot", got.append, got.append, slot="count")
    gate.open()
    qtbot.waitUntil(lambda: len(got) == 2)
    assert pool.waitForDone(GATE_S * 1000)
    assert sorted(map(str, got)) == ["other slot", "third search"]
    assert not queued_ran.is_set()  # taken off the queue: it never ran
    assert not jobs.busy()


def test_a_cancelled_job_delivers_nothing(qtbot: QtBot, pool: QThreadPool) -> None:
    owner, gate, got = QObject(), Gate(), []
    jobs = Jobs(owner, pool)
    jobs.run(gate.hold("made"), got.append, got.append, slot="build")
    assert gate.entered.wait(GATE_S)
    jobs.cancel()
    assert not jobs.busy("build")
    gate.open()
    witness, seen = QObject(), []
    Jobs(witness, pool).run(lambda: "after", seen.append, seen.append)
    qtbot.waitUntil(lambda: seen == ["after"])
    assert got == []


def test_a_failure_goes_to_the_owners_error_handler(qtbot: QtBot, pool: QThreadPool) -> None:
    owner, done, failed = QObject(), [], []

    def broken() -> None:
        raise InputError("The file is not a Mufakat move file.")

    Jobs(owner, pool).run(broken, done.append, failed.append)
    qtbot.waitUntil(lambda: bool(failed))
    assert done == [] and isinstance(failed[0], InputError)


def test_explain_says_the_users_problem_and_logs_a_bug_with_where_to_look(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    log = logging.getLogger("mufakat.test")
    assert explain(InputError("Fill in the code."), log, tmp_path) == "Fill in the code."
    assert not caplog.records
    try:
        raise KeyError("forum")
    except KeyError as exc:
        said = explain(exc, log, tmp_path)
    assert said == f"unexpected error; details are in {log_path(tmp_path)}"
    assert caplog.records[0].exc_info is not None and caplog.records[0].exc_info[0] is KeyError


def test_a_callback_for_another_objects_job_waits_for_its_owner() -> None:
    owner, got = QObject(), []
    call = while_alive(owner, got.append)
    call(1)
    shiboken6.delete(owner)
    call(2)
    assert got == [1]
