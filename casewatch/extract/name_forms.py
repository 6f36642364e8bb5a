"""How a name found in a report is shown: folded whitespace, no honorific, title, post-nominal letters, company
suffix or possessive (names.yaml: `person_titles`, `titles`, `title_words`, `title_honorifics`, `courtesy_titles`,
`post_nominals`, `company_suffixes`)."""
from __future__ import annotations

import re
from functools import lru_cache

from .data import load, word_set
from .name_patterns import STRIP_RE


@lru_cache(maxsize=None)
def _title_words() -> frozenset[str]:
    d = load("names")
    return frozenset(w.casefold() for w in d["person_titles"] + d["titles"] + d["title_words"] + d["title_honorifics"])


@lru_cache(maxsize=None)
def _leading_honorifics() -> frozenset[str]:
    """Words that go before even a one-word name: titles written as honorifics and courtesy titles."""
    return word_set("names", "title_honorifics") | word_set("names", "courtesy_titles")


def canonical(text: str, kind: str = "person") -> str:
    """A mention's name as shown: inner whitespace folded, honorific and possessive removed (and, for a person,
    a leading title: the "Regional" of "Regional Trial Court" is part of a court's name)."""
    t = re.sub(r"\s+", " ", text).strip()
    t = re.sub(r"^(?:The\s+)?(?:Rt\.?\s+Hon\.?|Right\s+Honourable)\s+", "", t)  # "The Rt Hon A B MP"
    t = re.sub(r"^(?:(?:[A-Z]\.)+\s*)?(?:H\.E\.\s+)?(?:Mr|Mrs|Ms|Miss|Dr|Prof|Atty|Engr|Hon|Rev|Fr|Sr)\.?\s+"
               r"|^(?:Sir|Dame)\s+(?=\S+\s+\S)", "", t)
    if kind == "person":  # "Jonathan Meyer KC", "Keir Fairbairn KCB KC MP": letters after the name are not of it
        words = t.split(" ")
        while len(words) > 1 and words[-1].rstrip(".,") in load("names")["post_nominals"]:
            words.pop()
        t = " ".join(words)
    # "Assistant Commissioner Ezekiel Moyo", "Regional Magistrate Esther Gwatidzo": the title is not the name
    toks = t.split(" ")
    lead = _title_words() if kind == "person" else frozenset()
    k = 0
    # and a title in the plural that opens a list ("Journalists A B, C D and E F")
    while k < len(toks) - 2 and (toks[k].casefold() in lead or (toks[k].endswith("s") and toks[k][:-1].casefold() in lead)):
        k += 1
    # a title written like an honorific goes even before a name of one word ("Barrister Shufai" is Shufai)
    if kind == "person" and k < len(toks) - 1 and toks[k].rstrip(".").casefold() in _leading_honorifics():
        k += 1  # and a courtesy title ("Mme Awa Ndiaye", "Pak Yulius")
    t = " ".join(toks[k:])
    if kind == "organization":  # "The Harbour Ledger Ltd", "Straits Observer Pte Ltd": the name it goes by
        words = t.split(" ")
        while len(words) > 1 and words[-1] in load("names")["company_suffixes"]:
            words.pop()
        t = " ".join(words)
    t = re.sub(r"\s+(?:and|or|of|the|de|y)$", "", t)
    if t.isupper() and len(t) > 4 and " " in t:
        t = " ".join(w if len(w) <= 2 else w.capitalize() for w in t.split())  # a caption's "TEODORO GALLARDO JR"
    return STRIP_RE.sub("", t)
