"""Things found in a text, looked up by where they start: a sentence's people, the names in a window after a name.
Sorted once, each lookup is a bisection, so a report naming 15,000 people costs no more per sentence than one
naming fifteen."""
from __future__ import annotations

from bisect import bisect_left
from typing import Callable, Generic, Iterable, TypeVar

T = TypeVar("T")


class ByStart(Generic[T]):
    def __init__(self, items: Iterable[T], start: Callable[[T], int] = lambda m: m.evidence.start):  # type: ignore[attr-defined]
        self.items = sorted(items, key=start)
        self.starts = [start(x) for x in self.items]

    def within(self, a: int, b: int) -> list[T]:
        """The things that start at offset a or after it, and before b, in order."""
        return self.items[bisect_left(self.starts, a):bisect_left(self.starts, b)]
