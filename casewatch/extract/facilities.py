"""Places of detention named by a number or a code: "Xinjiang No. 1 Prison", "Urumqi City No. 3 Detention Centre",
"pre-trial detention centre No. 1", "Penal Colony No. 7", "SIZO-2", "the Kilo 8 prison", and named after a
code that says what they are ("HMP Eastmoor").

The statistical model cuts such names at the number ("Urumqi City", "Xinjiang"), so two reports that disagree on
which facility a person is held in name the same city.  These shapes are read here; the words are data
(names.yaml: `facility_heads`, `facility_codes`, `facility_codes_first`, `name_joiners`).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .data import load
from .prefilter import fast

NUMBER = r"(?:No\.?|Nr\.?|Number|№)\s*\d{1,3}[A-Z]?"


@lru_cache(maxsize=None)
def _patterns() -> list[tuple[re.Pattern[str], str]]:
    d = load("names")
    heads = "|".join(sorted((re.escape(h).replace(r"\ ", r"\s+") for h in d["facility_heads"]), key=len, reverse=True))
    codes = "|".join(sorted((re.escape(c) for c in d["facility_codes"]), key=len, reverse=True))
    joiners = "|".join(re.escape(j) for j in d.get("name_joiners", []))
    firsts = "|".join(re.escape(c) for c in d["facility_codes_first"])
    cap = r"[A-Z][\w'’-]*"
    return [(fast(rx), group) for rx, group in [  # each scanned over every whole text (prefilter.py)
        # "Xinjiang No. 1 Prison", "Urumqi City No. 3 Detention Centre"
        (re.compile(rf"\b(?:{cap}\s+){{0,3}}{NUMBER}\s+(?:(?:{cap})\s+)?(?i:{heads})\b"), "all"),
        # "pre-trial detention centre No. 1", "Penal Colony No. 7", "Correctional Colony No. 2 in Yaroslavl"
        (re.compile(rf"\b(?:(?i:pre-?trial)\s+)?(?i:{heads})\s+{NUMBER}\b"), "all"),
        # "SIZO-2", "IK-6", "SIZO No. 1"
        (re.compile(rf"\b(?:{codes})(?:-|\s+No\.?\s*|\s*№\s*)\d{{1,3}}\b"), "all"),
        # "HMP Eastmoor", "HMYOI Westbrook": a system's abbreviation for its prisons before the prison's name
        (re.compile(rf"\b(?:{firsts})(?:\s+{cap}){{1,2}}\b"), "all"),
        # "the Kilo 8 prison", "Kilo 5 y Medio prison": a name with a number before a lower-case word for a prison
        (re.compile(rf"\b(?P<name>{cap}(?:\s+{cap})*\s+\d{{1,3}}(?:\s+(?:{joiners})\s+{cap})?)\s+(?:prison|jail|penitentiary|camp)\b"),
         "name"),
    ]]


@lru_cache(maxsize=None)
def _not_first() -> frozenset[str]:
    return frozenset(load("names").get("facility_name_not_first", []))


def numbered_facilities(text: str) -> list[tuple[int, int]]:
    """The spans of the facility names of `text` that carry a number or a code."""
    out: list[tuple[int, int]] = []
    not_first = _not_first()
    for rx, group in _patterns():
        for m in rx.finditer(text):
            s, e = (m.start("name"), m.end("name")) if group == "name" else m.span()
            first = text[s:e].split(None, 1)[0]
            while first in not_first and group != "name" and " " in text[s:e]:
                s += len(first) + len(text[s + len(first):e]) - len(text[s + len(first):e].lstrip())
                first = text[s:e].split(None, 1)[0]
            if first in not_first:
                continue
            if not any(a <= s and e <= b for a, b in out):
                out = [(a, b) for a, b in out if not (s <= a and b <= e)] + [(s, e)]
    return sorted(out)


# the lower-case words that end the name of a town's prison ("the Norport civil prison")
PRISON_WORDS = ("prison", "jail", "gaol", "penitentiary")


@lru_cache(maxsize=None)
def prison_after() -> re.Pattern[str]:
    """The lower-case words after a town's name that make it the town's prison ("the Norport civil prison")."""
    qual = "|".join(re.escape(w) for w in load("names")["prison_qualifiers"])
    return re.compile(rf"(?:\s+(?:{qual}))*\s+(?:{'|'.join(PRISON_WORDS)})\b")
