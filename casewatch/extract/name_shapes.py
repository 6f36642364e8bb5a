"""Shapes of personal names that court papers, annex lists and many naming systems write, which the
statistical model reads poorly: the family name in capitals ("TAZHIBEK KYZY Makhabat", "LAM Wai-ming",
"YUEN Ka-wai Tiffany", "Vadim KOBZEV"), and initials before or after a family name ("E. T. Abdykadyrov",
"Justice S.S. Shinde", "Kaparov M. Zh.", "Kobzev V.V.").  Only the shape is known here; which words are
names is decided by `looks_like_person` and the report's own use of each word.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..model.names import initial_pattern, patronymic_words
from .data import word_set
from .numbers import WORDS as NUMBER_WORDS
from .prefilter import fast

UP = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽƏ"
LO = "a-zß-öø-ÿā-žǎǐǒǔə"
_WORD = rf"[{UP}][{LO}]+(?:[-'’][{UP}]?[{LO}]+)*"  # "Makhabat", "Ka-wai", "O'Brien"


@lru_cache(maxsize=None)
def _word() -> str:
    """A name word, with the lower-case patronymic marker that may follow it ("Tazhibek kyzy")."""
    markers = "|".join(re.escape(w) for w in patronymic_words())
    return rf"{_WORD}(?:[ \t-](?:{markers})\b)?" if markers else _WORD
_CAPS = rf"[{UP}]{{2,}}(?:-[{UP}]{{2,}})?"  # "LAM", "KARA-MURZA"


@lru_cache(maxsize=None)
def _res() -> tuple[re.Pattern[str], ...]:
    init = initial_pattern()
    _WORD = _word()
    return tuple(map(fast, (  # each scanned over every whole text (prefilter.py)
        # the family name in capitals first: "TAZHIBEK KYZY Makhabat", "KAPAROV Maadanbek (Aktilek) Zhumabaevich"
        # (the words of a name stand a single space apart: more spaces part the columns of a table)
        re.compile(rf"(?<![\w.’'-])(?P<name>{_CAPS}(?: {_CAPS})?(?: {_WORD}(?: \({_WORD}\))?){{1,3}})"
                   rf"(?![\w’'-])"),
        # the family name in capitals last: "Vadim KOBZEV", "Wai-ming LAM"
        re.compile(rf"(?<![\w.’'-])(?P<name>{_WORD}(?: {_WORD})? {_CAPS})(?![\w’'-])"),
        # initials first: "E. T. Abdykadyrov", "S.S. Shinde", "B. Temirov"
        re.compile(rf"(?<![\w.])(?P<name>(?:{init}[ \t]?){{1,3}}{_WORD})(?![\w’'-])"),
        # initials after: "Beishekeeva A. T.", "Kaparov M. Zh.", "Kobzev V.V."
        re.compile(rf"(?<![\w.])(?P<name>{_WORD}[ \t]+{init}(?:[ \t]?{init}){{0,2}})(?![\w])"),
    )))


def _acronyms(text: str) -> frozenset[str]:
    """Words the report uses as acronyms somewhere ("(NSL)", "the SCC's", "UN experts", "ILO."): never a family
    name; a family name in capitals stands only before or after the other words of its name."""
    defined = set(re.findall(rf"\(({_CAPS})\)", text))
    after = set(re.findall(rf"(?<![\w-])({_CAPS})(?=['’]s\b|[ \t]+[a-z0-9]|[.,;:)!?\]/]|[ \t]*$)", text, re.M))
    before = set(re.findall(rf"\b(?:the|The|of|an?|by|to|from|with|for)[ \t]+({_CAPS})\b", text))
    return frozenset(defined | after | before)


def shaped_names(text: str, looks_like_person, common) -> list[tuple[int, int]]:
    """Spans of names written in one of the shapes above that read as a person's (not an acronym, a title,
    an organisation, nor a word the report writes in lower case)."""
    acr = _acronyms(text)
    skip = word_set("names", "not_person") | word_set("names", "titles")
    out: list[tuple[int, int]] = []
    for rx in _res():
        for m in rx.finditer(text):
            s, e = m.span("name")
            nm = m.group("name")
            caps = re.findall(rf"\b{_CAPS}\b", nm)
            if any(c in acr for c in caps):
                continue
            words = [w for w in re.findall(rf"{_WORD}|{_CAPS}", nm) if not re.fullmatch(r"[A-Z][a-z]?", w)
                     and w not in patronymic_words()]
            if not words or any(w.strip("()") in skip or w.title() in skip or w.casefold() in NUMBER_WORDS
                                for w in words):
                continue
            if any(common(w) for w in words if not w.isupper()):
                continue  # "Section A.", "Annex B."
            if looks_like_person(" ".join(w.title() if w.isupper() else w for w in words)):
                out.append((s, e))
    return out
