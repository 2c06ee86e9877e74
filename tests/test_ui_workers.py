"""Long work off the GUI thread: results, progress, errors that always reach the user, and
cancellation at the next yield."""

from __future__ import annotations

import threading

from transcompare.errors import InputError
from transcompare.progress import Progress
from transcompare.ui.task_bar import TaskBar
from transcompare.ui.workers import TaskWorker


def counting(steps, seen_threads=None):
    def task():
        if seen_threads is not None:
            seen_threads.append(threading.current_thread())
        for step in range(steps):
            yield Progress(step, steps, f"step {step}")
        return steps * 10

    return task


def test_worker_reports_progress_and_result_from_another_thread(qtbot):
    threads = []
    worker = TaskWorker("Counting", counting(3, threads))
    progress = []
    worker.progressed.connect(lambda *args: progress.append(args))
    with qtbot.waitSignal(worker.succeeded) as result:
        worker.start()
    worker.wait()
    assert result.args == [30]
    assert progress == [(0, 3, "step 0"), (1, 3, "step 1"), (2, 3, "step 2")]
    assert threads[0] is not threading.main_thread()


def failing(error):
    def task():
        yield Progress(0, 1)
        raise error

    return task


def test_a_user_error_arrives_as_its_message(qtbot):
    worker = TaskWorker("Importing", failing(InputError("a.txt", "is empty")))
    with qtbot.waitSignal(worker.failed) as failed:
        worker.start()
    worker.wait()
    assert failed.args == ["a.txt: is empty"]


def test_a_bug_arrives_as_a_message_too(qtbot):
    worker = TaskWorker("Aligning", failing(ZeroDivisionError("division by zero")))
    with qtbot.waitSignal(worker.failed) as failed:
        worker.start()
    worker.wait()
    assert failed.args == ["Aligning failed unexpectedly: ZeroDivisionError: division by zero"]


def test_cancel_stops_at_the_next_yield(qtbot):
    started, stopped = threading.Event(), []

    def endless():
        try:
            while True:
                started.set()
                yield Progress(0, 0)
        finally:
            stopped.append(True)

    worker = TaskWorker("Waiting", endless)
    with qtbot.waitSignal(worker.cancelled):
        worker.start()
        started.wait(5)
        worker.cancel()
    worker.wait()
    assert stopped == [True]


def test_task_bar_runs_one_task_and_shows_errors(qtbot, ui_messages):
    bar = TaskBar()
    qtbot.addWidget(bar)
    results, ends = [], []
    assert bar.run("Counting", counting(2), results.append, lambda: ends.append("end"))
    assert bar.busy and not bar.isHidden()
    assert not bar.run("Again", counting(1), results.append)
    qtbot.waitUntil(lambda: not bar.busy)
    assert (results, ends) == ([20], ["end"])
    bar.run("Importing", failing(InputError("b.txt", "is binary")), results.append)
    qtbot.waitUntil(lambda: not bar.busy)
    assert ui_messages.errors == ["Importing: b.txt: is binary"]
    assert results == [20]


def test_task_bar_cancel_button(qtbot, ui_messages):
    bar = TaskBar()
    qtbot.addWidget(bar)
    ended = []

    def endless():
        while True:
            yield Progress(0, 0)

    bar.run("Waiting", endless, lambda _: ended.append("success"), lambda: ended.append("end"))
    bar.cancel_button.click()
    qtbot.waitUntil(lambda: not bar.busy)
    assert ended == ["end"] and ui_messages.errors == []
