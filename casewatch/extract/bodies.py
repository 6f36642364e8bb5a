"""Which names of organisations are bodies of the case, and which only look like one.

The statistical model and the cue patterns propose organisations; what reports name that is not a body:
a UN mandate holder's title ("Special Rapporteur on …", a person's office), a law or treaty ("the Islamic
Penal Code", "the International Covenant on …"), a country ("Kyrgyzstan"), a prison (a place), a
capitalised common word of a heading or a page's furniture ("Alerts", "Branch", "Rapper Sentenced"), a
word shouted in capitals ("NOTIFY").  The words come from data/names.yaml; only the shapes are here.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Callable

from ..model import Mention
from .data import load, word_set
from .gazetteer import is_country, is_place


@lru_cache(maxsize=None)
def _res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    d = load("names")
    titles = "|".join(re.escape(w) for w in sorted(d["mandate_titles"], key=len, reverse=True))
    laws = "|".join(re.escape(w) for w in sorted(set(d["law_heads"]) | set(d["title_heads"]), key=len, reverse=True))
    return (re.compile(rf"^(?:UN\s+|United Nations\s+)?(?:{titles})\b", re.I),
            re.compile(rf"(?:^|\s)(?:{laws})(?:\s+(?:of|on|for|against)\b.*|\s+No\.?\s*\d.*|\s+\d{{4}})?$"))


def _defined_acronyms(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"\(([A-Z][A-Za-z]{1,9})\)", text))


def _law_acronyms(text: str) -> frozenset[str]:
    """The acronyms the text defines for a law ("the Indian Penal Code (IPC)", "the Unlawful Activities
    (Prevention) Act (UAPA)"): read with the provisions, never a body."""
    heads = "|".join(re.escape(w) for w in load("names")["law_heads"])
    return frozenset(re.findall(rf"\b(?:{heads}),?(?:\s+(?:No\.?\s*)?\d[\w/.-]*)?(?:\s+of\s+\d{{4}})?\s+\(([A-Z][A-Za-z]{{1,9}})\)",
                                text))


def settle_bodies(mentions: list[Mention], text: str, lower: frozenset[str],
                  laws: list[tuple[int, int]] = ()) -> None:
    """Retype or drop the organisation mentions that name no body (in place); `laws` are the spans of the laws
    and treaties the text names (extract/laws.py): no body is named inside one."""
    title_re, law_re = _res()
    titles = word_set("names", "titles") | word_set("names", "person_titles")
    languages = word_set("names", "languages") | word_set("names", "demonyms")
    furniture = word_set("names", "page_words")
    orgw = word_set("names", "org_words")
    facility = word_set("names", "facility_words")
    qualified, qualifiers = word_set("names", "facility_words_qualified"), word_set("names", "facility_qualifiers")
    known = {k.casefold() for k in load("names")["known_orgs"]}
    acr = _defined_acronyms(text)
    law_acr = _law_acronyms(text)
    keep: list[Mention] = []
    for m in mentions:
        if m.kind != "organization" or m.attrs.get("publisher"):
            keep.append(m)
            continue
        name = m.name.strip()
        toks = name.split()
        low = [t.casefold().strip(".,;:()") for t in toks]
        if name.casefold() in known:
            keep.append(m)
            continue
        if title_re.match(name) or (law_re.search(name) and not re.search(r"\bof\s+\S+$", name)) or \
                any(a <= m.evidence.start < b or a < m.evidence.end <= b for a, b in laws):
            continue  # a mandate holder's title; a law or a treaty ("College of Law" is a body)
        if name in law_acr:
            continue  # "IPC" where the text defines it as the Indian Penal Code
        if m.attrs.get("acronym") or m.attrs.get("expansion"):
            keep.append(m)
            continue
        office = len(low) >= 3 and low[1] == "of" and (low[0] in titles or low[0].split("-")[0] in titles)
        if office or low[-1] in titles or low[-1].split("-")[0] in titles or \
                (len(low) == 1 and (low[0] in languages or low[0] in furniture)):
            continue  # "Minister of Information", "Chief Justice": an office; "Amharic": a language; "Unofficial"
        if is_country(name) or (not set(low) & orgw and is_place(name)):
            m.kind = "place"
        elif low and low[-1] in facility and (low[-1] not in qualified or set(low[:-1]) & qualifiers):
            m.kind = "place"  # "Lo Wu Correctional Institution", "al-Ha'ir Prison" (a "Development Center" is a body)
        elif len(toks) == 1:
            if name.isupper() and len(name) >= 5 and name not in acr:
                continue  # "NOTIFY", "NAMES": a word shouted, not an acronym the report defines
            if not name.isupper() and low[0] in lower and low[0] not in orgw:
                continue  # "Alerts", "Branch", "Circuit": a common word, capitalised
        elif low[-1] in lower and low[-1] not in orgw and not any(t in orgw for t in low):
            continue  # "Rapper Sentenced", "Send Appeals": a headline's or a menu's words
        keep.append(m)
    mentions[:] = keep


JOINER = re.compile(r"\s+for(?:\s+the)?\s+")  # "of" joins two bodies as often as one ("the Unit of the Directorate")


def join_split_bodies(mentions: list[Mention], text: str, span: Callable[[int, int], Any]) -> list[Mention]:
    """"the League for the Defence of Human Rights": the model cuts a body's name at "for the" into two
    organisations; the head of the first (a word that makes a body: League, Committee, Agency …) and a capitalised
    second are one name.  `span(start, end)` makes the joined mention's evidence."""
    heads = {w.casefold() for w in word_set("names", "org_words")}
    orgs = sorted((m for m in mentions if m.kind == "organization"), key=lambda m: m.evidence.start)
    drop: set[int] = set()
    out = list(mentions)
    for a, b in zip(orgs, orgs[1:]):
        if id(a) in drop or a.evidence.end >= b.evidence.start:
            continue
        gap = text[a.evidence.end:b.evidence.start]
        if not JOINER.fullmatch(gap):
            continue
        if a.name.split()[-1].casefold() not in heads or not b.name[:1].isupper():
            continue
        joined = Mention(kind="organization", name=text[a.evidence.start:b.evidence.end],
                         evidence=span(a.evidence.start, b.evidence.end), attrs=dict(a.attrs))
        drop |= {id(a), id(b)}
        out.append(joined)
    return [m for m in out if id(m) not in drop]
