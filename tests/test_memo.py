"""Results kept by key, least recently used forgotten first."""

from __future__ import annotations

from transcompare.memo import Memo


def test_keeps_results_and_forgets_the_least_recently_used():
    memo: Memo[str, int] = Memo(2)
    assert memo.get("a") is None and "a" not in memo
    assert memo.put("a", 1) == 1
    memo.put("b", 2)
    assert memo.get("a") == 1  # now more recently used than "b"
    memo.put("c", 3)
    assert "b" not in memo and memo.get("a") == 1 and memo.get("c") == 3
    assert len(memo) == 2
    memo.clear()
    assert len(memo) == 0


def test_computes_a_result_once():
    memo: Memo[str, int] = Memo(10)
    calls = []

    def compute() -> int:
        calls.append(1)
        return 42

    assert memo.computed("a", compute) == 42 and memo.computed("a", compute) == 42
    assert calls == [1]
