"""The measure a sentence puts a person under, chosen among the cues of the measures table (data/measures.yaml) in
the person's scope: the first one there, or for a list of names the one nearest the list; a release after a term
served; a sentence suspended; an acquittal of one charge beside a conviction on another."""
from __future__ import annotations

import re

from .context import Sentence
from .data import cue

AFTER_TERM = re.compile(r"\b(?:after|following|having)\s+(?:(?:serv|complet|spen)\w*\b|(?:[\w'’.-]+\s+){0,4}?(?:days?|weeks?|months?|years?)\s+(?:in|of|on|under)\b)", re.I)
HELD_BEFORE = frozenset({"sentence", "pretrial_detention", "house_arrest", "administrative_sanction"})
PARTLY_ACQUITTED = re.compile(r"\s+(?:[\w'’.-]+\s+){0,12}?of\b[^.;]{0,200}?\bbut\b[^.;]{0,120}?\b(?:guilty|convicted|sentenced)\b", re.I)
# an aside about a person's past: ", who was serving …,", ", whose …,"
ASIDE = re.compile(r",\s*(?:who|whose|which)\b[^,;]*(?:,|$)")
# a contrasting clause: "…, while most of the others were released" tells of other people
CONTRAST = re.compile(r",?\s+(?:while|whereas|but|although|though)\s+(?=(?:the|most|all|some|many|others?|several|a\s+few|he|she|they|his|her|their)\b)", re.I)


def partly_acquitted(text: str, chosen, table: dict[str, re.Pattern[str]], stop: int):
    """An acquittal of one charge beside a conviction on another ("acquitted A of possessing arms, but found her guilty
    of financing … and sentenced her to 12 years") frees nobody: the term is the measure, if the sentence gives one."""
    if chosen is None or chosen[0] != "release" or not chosen[1].group(0).lower().startswith("acquit") or \
            not PARTLY_ACQUITTED.match(text, chosen[1].end(), stop):
        return chosen
    term = table["sentence"].search(text, chosen[1].end(), stop)
    return ("sentence", term) if term else None


def first_measure(text: str, scope: tuple[int, int], table: dict[str, re.Pattern[str]]):
    """The first measure cue (in the table's order) inside a person's scope, leaving out an aside that tells the
    person's past ("Petrov, who was serving a sentence, …, one of the prisoners freed"), unless only it has one."""
    asides = [m.span() for m in ASIDE.finditer(text, *scope)]
    found = []
    for mtype, pat in table.items():
        for mm in pat.finditer(text, scope[0], scope[1]):
            found.append((not any(a <= mm.start() < b for a, b in asides), mtype, mm))
            break
    main = [(t, m) for ok, t, m in found if ok]
    pick = main or [(t, m) for _, t, m in found]
    freed = next((m for t, m in pick if t == "release"), None)
    if freed is not None and re.search(r"\b(?:not|never|n't)\s+(?:been\s+|be\s+|yet\s+)?$", text[max(0, freed.start() - 16):freed.start()]):
        freed = None  # "and was not released"
    if pick and freed is not None and pick[0][0] in HELD_BEFORE and \
            AFTER_TERM.search(text[max(scope[0], pick[0][1].start() - 40):pick[0][1].end()]):
        # "released on 9 June after serving four years", "freed after 14 months in pre-trial detention": over
        return "release", freed
    if pick and pick[0][0] == "sentence":
        free = cue("cues", "sentence_not_served").search(text, *scope)
        if free:  # "sentenced to two years, suspended for three", "… but not taken into custody": free, not serving
            return "release", free
    return pick[0] if pick else None


def list_measure(text: str, st: Sentence, span: tuple[int, int], table: dict[str, re.Pattern[str]]):
    """For a list of names, the measure cue of its sentence nearest to the list."""
    ls, le = span
    lo, hi = st.start, st.end
    for m in CONTRAST.finditer(text, st.start, st.end):  # "…, while most of the others were released": theirs
        if m.end() <= ls:
            lo = m.end()
        elif m.start() >= le:
            hi = min(hi, m.start())
    best = None
    for mtype, pat in table.items():
        for mm in pat.finditer(text, lo, hi):
            dist = ls - mm.end() if mm.end() <= ls else max(0, mm.start() - le)
            # at one distance the cue that says more ("lifted the house arrest of A, B" over "house arrest")
            if best is None or (dist, -len(mm.group(0))) < (best[0], -len(best[2].group(0))):
                best = (dist, mtype, mm)
    return best[1:] if best else None
