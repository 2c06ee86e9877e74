"""Results kept by what they were computed from, the least recently used forgotten first.

Unlike :func:`functools.lru_cache`, a :class:`Memo` can be asked whether it holds a result
without computing it, and be given results computed elsewhere: a process that checks part of a
long document is handed the word diffs the caller has already made. It is safe to share between
threads (the window's highlighter and QA threads diff rows at the same time).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Memo(Generic[K, V]):
    """At most ``size`` results by key (a result is never None: None means "not kept")."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[K, V] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key: K) -> bool:
        return key in self._items

    def get(self, key: K) -> V | None:
        """The result kept for ``key``, now the most recently used, or None."""
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
            return found

    def computed(self, key: K, compute: Callable[[], V]) -> V:
        """The result kept for ``key``, computed with ``compute()`` and kept first if need be
        (outside the lock: two threads may compute it at once, and both get a right answer)."""
        found = self.get(key)
        return found if found is not None else self.put(key, compute())

    def put(self, key: K, value: V) -> V:
        """Keep ``value`` for ``key`` (forgetting the least recently used beyond ``size``) and
        return it."""
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
