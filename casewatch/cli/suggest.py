"""The nearest case names to one that is not there: `casewatch show turky` -> did you mean 'turkey'?"""
from __future__ import annotations

import difflib
import re


def nearest(name: str, names: list[str], n: int = 3) -> list[str]:
    """Names that begin with or hold the one given (`egypt` -> `egypt_matariya`), then those whose spelling, or
    the spelling of one of their words, is closest to it or to one of its words (`turky` -> `turkey_diyarbakir`,
    `belarus_vyasna` -> `belarus_minsk`), at most `n`."""
    low = name.strip().lower()
    if not low:
        return []
    found = [x for x in sorted(names) if x.lower().startswith(low)]
    found += [x for x in sorted(names) if low in x.lower() and x not in found]

    def words(x: str) -> list[str]:
        return [x, *(w for w in re.split(r"[\W_]+", x) if len(w) >= 3)]

    def closeness(x: str) -> float:
        return max(difflib.SequenceMatcher(None, q, w).ratio() for q in words(low) for w in words(x.lower()))
    scored = sorted(((closeness(x), x) for x in names if x not in found), key=lambda t: (-t[0], t[1]))
    found += [x for score, x in scored if score >= 0.75]
    return found[:n]


def no_case(name: str, names: list[str]) -> str:
    """What to say after "no case named 'x'"."""
    if not names:
        return "; there are no cases yet (casewatch ingest --case NAME FILES makes one)"
    near = nearest(name, names)
    if near:
        return f"; did you mean {' or '.join(repr(x) for x in near)}?"
    return f"; `casewatch cases` lists the {len(names)} case{'s' if len(names) > 1 else ''}"
