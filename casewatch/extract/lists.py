"""Lists of people as reports write them: names one after another ("A, Dr B, Prof. C and D"), a list set off by
dashes ("three – the blogger A, the student B and the poet C – were sentenced"), a list after a colon with its
items parted by semicolons ("detained three supporters: the musician A; B, a student; and C, a designer"), and the
sentence after a list that speaks of its people as a group ("They were …", "The three were …")."""
from __future__ import annotations

import re

from ..model import Mention
from .numbers import NUM, value

DASH_LIST = re.compile(r"\s[–—]\s(?P<items>[^–—.;]{5,300}?)\s[–—]\s(?=(?:\w+\s+)?(?:were|was|are|have|had|remain|will)\b)")
# what may part two names of a list; what follows the comma may be the first name's apposition ("A, a student; and B")
NAMES_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?")
# a colon that opens a list: its items parted by semicolons, the first name near the colon ("supporters: the musician A")
COLON_INTRO = re.compile(r":[ \t]*(?:(?:the|a|an|his|her|their)\s+)?(?:[\w’'-]+\s+){0,3}?$")
# the sentence after a list, whose subject is the list's people: "They …", "The three …", "All four …"
# (after a day or a time that opens the sentence: "On 31 October 2022, they were remanded")
THE_LISTED = re.compile(rf"\W*(?:(?:On|In|By|Later|Then|Subsequently|The\s+(?:next|following)\s+day)\b[^,.;:]{{0,40}},\s*)?"
                        rf"(?:They\b|(?:The|All|Both)\s+(?:(?P<n>{NUM})|of\s+them)\b)", re.I)


def in_a_row(text: str, people: list[Mention]) -> list[Mention]:
    """The people a sentence lists one after another ("A, Dr B, Prof. C and D"), at least two; none where its names
    stand apart."""
    people = sorted(people, key=lambda p: p.evidence.start)
    run: list[Mention] = []
    best: list[Mention] = []
    for p in people:
        if run and NAMES_GAP.match(text[run[-1].evidence.end:p.evidence.start]):
            run.append(p)
        else:
            run = [p]
        if len(run) > len(best):
            best = list(run)
    return best if len(best) >= 2 else []


def after_colon(text: str, start: int, run: list[Mention]) -> bool:
    """Whether a run of names is a list a colon opens in its sentence (from `start`), its items parted by semicolons."""
    if len(run) < 2:
        return False
    colon = text.rfind(":", start, run[0].evidence.start)
    return colon >= 0 and bool(COLON_INTRO.search(text, colon, run[0].evidence.start)) and \
        ";" in text[run[0].evidence.end:run[-1].evidence.start]


def speaks_of_listed(text: str, start: int, people: list[Mention]) -> re.Match[str] | None:
    """A sentence that opens on the people the sentence before listed: "They", "Both of them", or their number."""
    m = THE_LISTED.match(text, start)
    if m is None or not people:
        return None
    if m.group("n") is not None and value(m.group("n")) != len(people):
        return None
    return m
