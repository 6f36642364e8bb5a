"""A document's sentences and clauses, and what every reader of them shares: whether a date is
where a measure runs to, where quotations stand, whether a position is in a background clause.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from datetime import date

from ..model import Document
from .data import cue, load
from .dates import DateMention

CLAUSE_SPLIT_NO_DASH = re.compile(r";|\bwhile\b|\bwhereas\b|,\s+but\b")
CLAUSE_SPLIT = re.compile(CLAUSE_SPLIT_NO_DASH.pattern + r"|\s+–\s+|\s+—\s+")
# "remanded until 13 March", "extended by two months, till 13 May": the day a measure runs to, not the day of it
NOT_UNTIL = re.compile(r"\b(?:not|never|nothing|no\s+one|nobody)\b|n't\b", re.I)
WHEN_AFTER = re.compile(r",?\s+when\b", re.I)
SINCE_BEFORE = re.compile(r"\bsince\s+$", re.I)  # "has been in prison since 2016": a state lasting to the report
WHEN_FUTURE = re.compile(r"\s+(?:[\w'’]+\s+){0,3}?(?:is|are|was|were)\s+(?:due|expected|scheduled|set|to)\b|\s+(?:[\w'’]+\s+){0,3}?will\b", re.I)
END_POINT = re.compile(r"\b(?:until|till|up\s+to|through)\s+(?:(?:at\s+least|the|on)\s+)?"
                       r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?$", re.I)
# a day a sitting or a term is moved to: "adjourned the matter to 4 August", "extended his detention to 5 May" (not
# "corresponding to 28 May", the same day in another calendar)
MOVED_TO = re.compile(r"\b(?:adjourn|postpon|defer|reschedul|reset|moved|put\s+off|stood\s+down|extend|prolong|brought\s+forward|pushed\s+back)"
                      r"\w*\b[^.;]{0,60}?\bto\s+(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?$", re.I)
RELATIVE_AFTER = re.compile(r",\s+(?:[\w'’]+\s+){0,4}?(?:that|which|whether|when)\b")
# a relative or "since" clause tells the background; one that only says what someone is ("who are close to the
# group", "which is based in") tells no time, and the date after it is the main clause's
BACKGROUND = re.compile(r"\b(?:who|which)\b(?!\s+(?:is|are)\s+(?:close|a|an|the|members?|part|known|based|among|also)\b)"
                        r"|\b(?:whose|since)\b", re.I)
QUOTED = re.compile(r"“[^”]{20,}?”|\"[^\"\n]{20,}?\"")  # someone's words in double quotes


@dataclass
class Sentence:
    start: int
    end: int
    dates: list[DateMention] = field(default_factory=list)
    historical: bool = False


# a line that opens a list item: "- ", "• ", "1. ", "(a) ", "iv) "
LIST_LINE = re.compile(r"^[ \t]*(?:[-•*–]|\(?(?:\d{1,3}|[a-z]|[ivx]{1,5})[.)]|\[[A-Z]{0,3}\d{1,3}\])[ \t]+(?=\S)", re.M)


def sentence_spans(text: str, spacy_sents: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The model's sentences, cut at blank lines and at the start of every list line, and never cut between a
    list item's number and its text ("1." / "TAZHIBEK KYZY Makhabat, born 1983, …")."""
    cuts = sorted({m.start() for m in re.finditer(r"\n[ \t]*\n", text)} |
                  {m.start() for m in LIST_LINE.finditer(text)} | {0, len(text)})
    markers = [m.span() for m in LIST_LINE.finditer(text)]
    item_ends = {e for _, e in markers}
    inside = {s for s, _ in spacy_sents for a, e in markers if a < s < e}  # "[" / "D1]": the model cut a marker
    bounds = sorted(({s for s, _ in spacy_sents} - inside) | set(cuts))
    out = []
    prev = None
    for b in bounds + [len(text)]:
        if prev is None:
            prev = b
            continue
        if b in item_ends or (b not in cuts and text[prev:b].strip() and LIST_LINE.fullmatch(text[prev:b].rstrip() + " ")):
            continue  # the number alone is no sentence: the item goes on
        for part in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text[prev:b]):
            ps, pe = prev + part.start(), prev + part.end()
            seg = text[ps:pe]
            ls = len(seg) - len(seg.lstrip())
            rs = len(seg.rstrip())
            if rs > ls:
                out.append((ps + ls, ps + rs))
        prev = b
    return out


def clauses(text: str, s: int, e: int, dashes: bool = True) -> list[tuple[int, int]]:
    out, pos = [], s
    for m in (CLAUSE_SPLIT if dashes else CLAUSE_SPLIT_NO_DASH).finditer(text, s, e):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, e))
    return [(a, b) for a, b in out if b > a]


def clause_of(cls: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for a, b in cls:
        if a <= pos < b:
            return a, b
    return cls[-1]


class DocContext:
    """What the domain layer needs to know about one document."""

    def __init__(self, doc: Document, spacy_sents: list[tuple[int, int]], dates: list[DateMention], anchor: date | None):
        self.doc = doc
        self.text = doc.text
        self.anchor = anchor
        self.sents = [Sentence(s, e) for s, e in sentence_spans(doc.text, spacy_sents)]
        self.starts = [s.start for s in self.sents]
        for dm in dates:
            i = self.sent_index(dm.start)
            if i is not None:
                self.sents[i].dates.append(dm)
        years = [int(dm.value[:4]) for dm in dates]
        if anchor:  # a year after the report ("due for release in 2031") is a plan, not the story's latest
            years = [y for y in years if y <= anchor.year]
        latest = max(years) if years else (anchor.year if anchor else None)
        if anchor:
            latest = max(latest or 0, anchor.year)
        # a story told year after year up to the report ("arrested in 2018 … convicted in 2019 … left in 2021") is
        # one story: only years before the unbroken run of years that ends at the latest are its distant past
        start = latest
        told = set(years)
        while start is not None and (start - 1 in told or start - 2 in told):
            start -= 1 if start - 1 in told else 2
        for st in self.sents:
            # "who has been in prison since 2016" tells a state that lasts to the report, not a distant past
            # ("since 2019, when its founder was prosecuted" tells that year's step)
            ys = [int(d.value[:4]) for d in st.dates if not SINCE_BEFORE.search(self.text, max(0, d.start - 8), d.start)
                  or WHEN_AFTER.match(self.text, d.end)]
            st.historical = bool(ys) and latest is not None and max(ys) <= latest - 3 and max(ys) < start

    def sent_index(self, pos: int) -> int | None:
        i = bisect_right(self.starts, pos) - 1
        if i >= 0 and pos <= self.sents[i].end:
            return i
        return None

    def _clause_at(self, pos: int) -> tuple[Sentence, int, int] | None:
        """The sentence at pos and the bounds of its clause that holds pos."""
        i = self.sent_index(pos)
        if i is None:
            return None
        st = self.sents[i]
        return (st, *clause_of(clauses(self.text, st.start, st.end), pos))

    def past(self, pos: int) -> bool:
        """The clause at pos tells what happened: a verb in the past ("was", "had", "sent", "extended")."""
        at = self._clause_at(pos)
        if at is None:
            return False
        st, _, b = at
        return bool(_past_verb().search(self.text, st.start, b)) and not AHEAD.search(self.text, st.start, b)

    def background(self, pos: int) -> bool:
        """Inside a relative clause ("…, who was detained in July 2025"): not the story's own time."""
        i = self.sent_index(pos)
        if i is None:
            return False
        return bool(BACKGROUND.search(self.text, self.sents[i].start, pos))

    def future(self, pos: int) -> bool:
        at = self._clause_at(pos)
        if at is None:
            return False
        st, _, b = at
        # "went on trial on Tuesday, in a case that groups say will show …": a later relative clause's future
        rel = RELATIVE_AFTER.search(self.text, pos, b)
        return bool(cue("cues", "future").search(self.text, st.start, rel.start() if rel else b))


def blank_out(m: re.Match[str]) -> str:
    """A match as spaces of its length: the text without it, every offset kept."""
    return " " * len(m.group(0))


def end_point(text: str, start: int, dm: DateMention) -> bool:
    """The date is where a measure runs to ("remanded until 13 March"), not when something happened: unless a
    negation makes it the day it happened ("not released until 20 December") or a clause is told at it
    ("nothing was heard of him until last Thursday, when he was questioned")."""
    if not END_POINT.search(text, max(start, dm.start - 20), dm.start):
        return bool(MOVED_TO.search(text, max(start, dm.start - 90), dm.start))
    when = WHEN_AFTER.match(text, dm.end)
    if when and WHEN_FUTURE.match(text, when.end()):
        when = None  # "until Friday, when she is due to return to court": still the end point
    return not (NOT_UNTIL.search(text, max(start, dm.start - 80), dm.start) or when)


# words of a time still ahead, even in a clause told in the past ("said the hearing would be on 20 May", "has set
# the arraignment for June 25")
AHEAD = re.compile(r"\b(?:would|will|shall|due|expected|upcoming|next|(?:adjourned|postponed)\s+(?:\w+\s+){0,3}to|"
                   r"(?:set|fixed|scheduled|planned|slated)\s+(?:[\w'’-]+\s+){0,6}?for)\b", re.I)


@lru_cache(maxsize=None)
def _past_verb() -> re.Pattern[str]:
    """A verb in the past: an auxiliary, a regular "-ed" form or one of cues.yaml `past_verbs`."""
    return re.compile(r"\b(?:was|were|had|did|[a-z]{2,}ed|%s)\b" % "|".join(load("cues")["past_verbs"]))
