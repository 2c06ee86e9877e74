"""Driving a long-work generator to its result."""

from __future__ import annotations

from transcompare.progress import Progress, run


def count_to(n: int):
    for i in range(n):
        yield Progress(i, n, f"step {i}")
    return n * 10


def test_run_returns_the_result_and_reports_each_step():
    seen: list[Progress] = []
    assert run(count_to(3), seen.append) == 30
    assert [p.done for p in seen] == [0, 1, 2]
    assert seen[0] == Progress(0, 3, "step 0")
