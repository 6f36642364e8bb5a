"""Events, measures, roles, figures and claims: the domain layer over sentences.

Cue phrases come from data/*.yaml; this module only decides which sentence,
clause and person they belong to, and which date.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from ..model import Claim, Document, Event, Figure, Measure, Mention
from .gazetteer import is_country
from .data import cue, cue_table, frame_patterns, load
from .dates import MON, M, DateMention, parse_iso
from .numbers import NUM, as_number, value
from .prefilter import fast
from .spans import ByStart

CLAUSE_SPLIT_NO_DASH = re.compile(r";|\bwhile\b|\bwhereas\b|,\s+but\b")
CLAUSE_SPLIT = re.compile(CLAUSE_SPLIT_NO_DASH.pattern + r"|\s+–\s+|\s+—\s+")
ACTIVE_ARREST = re.compile(r"\b(?:police|officers|agents|authorities|security forces)\s+(?:\w+\s+)?(?:arrested|detained|abducted)\s+", re.I)
POSSESSIVE = re.compile(r"['’]s\b")
PARTICIPLE = re.compile(r"\w+ing\b")
# a year written after a month (and day) or after "in", "since" …: a date, not a count ("On 20 June 2014 the …")
YEAR_BEFORE = re.compile(rf"(?:\b{M}(?:\s+\d{{1,2}},?)?|\b(?:in|since|of|by|until|from|during)|^)\s*$", re.I)
# "remanded until 13 March", "extended by two months, till 13 May": the day a measure runs to, not the day of it
NOT_UNTIL = re.compile(r"\b(?:not|never|nothing|no\s+one|nobody)\b|n't\b", re.I)
WHEN_AFTER = re.compile(r",?\s+when\b", re.I)
WHEN_FUTURE = re.compile(r"\s+(?:[\w'’]+\s+){0,3}?(?:is|are|was|were)\s+(?:due|expected|scheduled|set|to)\b|\s+(?:[\w'’]+\s+){0,3}?will\b", re.I)
END_POINT = re.compile(r"\b(?:until|till|up\s+to|through)\s+(?:(?:at\s+least|the|on)\s+)?"
                       r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?$", re.I)
RELATIVE_AFTER = re.compile(r",\s+(?:[\w'’]+\s+){0,4}?(?:that|which|whether|when)\b")
# a relative or "since" clause tells the background; one that only says what someone is ("who are close to the
# group", "which is based in") tells no time, and the date after it is the main clause's
UNTIL_AFTER = re.compile(r"\s+(?:\w+\s+){0,3}?until\b", re.I)  # "was not released until 20 February": it happened then
CLAUSE_END = re.compile(r"[,;]")
# inside the cue: "was not detained", "were never charged"; "pleaded not guilty", "found not guilty" are told
UNTOLD = re.compile(r"\b(?:not|never)\b(?!\s+guilty\b)", re.I)
COUNTERFACTUAL = re.compile(r"\b(?:should|would|could|might|must)\s+(?:never\s+|not\s+)?have\s+(?:been\s+)?\S*$", re.I)
STATE_SINCE = re.compile(r"\s+(?:ever\s+)?since\b", re.I)  # "has been detained since that date": a state, not a step
BACKGROUND = re.compile(r"\b(?:who|which)\b(?!\s+(?:is|are)\s+(?:close|a|an|the|members?|part|known|based|among|also)\b)"
                        r"|\b(?:whose|since)\b", re.I)
AFTER_EVENT = re.compile(r"\b(?:following|after|during|at)\s+(?:the\s+)?(?:being\s+)?(?P<what>protest|rally|demonstration|arrest|arrests|detention|apprehended|detained|trial|hearing)\b", re.I)
SEQUENCE = re.compile(r"\b(?:shortly afterwards|subsequently|afterwards|then|later)\b", re.I)
RELATIVE = re.compile(r"\s*who\s+(?:is|are|was|were|has|have|had|remains?|remained)\b")
PRONOUN = re.compile(r"(?:^|[.;,]\s+|\bwhen\b[^,]*,\s*)(?P<p>She|He|she|he)\b")
KIN = re.compile(r"\b(?:his|her|their|its)\s+(?:husband|wife|son|daughter|nephew|niece|brother|sister|mother|father|relatives?|family|children|lawyer)\b"
                 r"|\b(?:husband|wife|son|daughter|nephew|niece|brother|sister|mother|father)\s+of\b", re.I)
# the word that names the next person's part ("not related to accused Arnel Sombrio") belongs to that person
NEXT_PERSONS_ROLE = re.compile(r"\b(?:the\s+)?(?:co-)?(?:accused|defendants?|suspects?)\s*$", re.I)
SOFT_ROLES = {"official", "advocate", "lawyer", "expert", "journalist"}
# roles that never make a person the accused; the others (an NGO's chair, a reporter) do unless they speak
HARD_ROLES = {"official", "expert"}  # a lawyer may be the accused (a rights lawyer detained): that is read in the clause
# a lawyer named as someone's counsel ("Ana Pop's lawyer", "his defence lawyer", "lawyer for the family", "who
# defended her"), as against a lawyer by trade who may be the accused ("rights lawyer Wang Yu was detained")
COUNSEL = re.compile(r"(?:['’]s|\bhis|\bher|\btheir|\bthe\s+family['’]s)\s+(?:\w+\s+)?(?:lawyers?|attorneys?|counsel)\b"
                     r"|\b(?:lawyers?|attorneys?|counsel)\s+(?:for|of|representing|acting\s+for)\b|\bdefen[cs]e\s+(?:lawyers?|counsel|attorneys?|team)\b"
                     r"|\bwho\s+(?:also\s+)?(?:defended|defends|represents|represented)\b|\bcounsel,?\s*(?:(?:Mr|Ms|Mrs|Dr)\.?\s*)?$", re.I)
# after the name: "who defended her", "her lawyer", and a court's way of naming counsel ("X, SAN", "X, Esq.",
# "X, attorney-at-law", "X, one of the defence counsel")
COUNSEL_AFTER = re.compile(r",?\s*(?:who\s+(?:also\s+)?(?:defended|defends|represents|represented)|(?:his|her|their)\s+(?:\w+\s+)?(?:lawyer|counsel)"
                           r"|,\s*(?:SAN|Esq\.?|attorneys?-at-law|(?:one\s+of\s+)?the\s+defen[cs]e\s+(?:counsel|lawyers|team))(?![\w-]))", re.I)
# an apposition that opens with a participle tells what befell the person, not who they are
CLAUSE_APPOSITION = re.compile(r"(?:\w+ly\s+)?(?:\w+ed|held|taken|brought|sent|kept|put|seen)\s+(?:by|under|in|to|on|at|for|with|from|after|before|again|without)\b", re.I)
SPEECH = re.compile(r"\b(?:said|says|told|stated|added|noted|explained|urged|called on|condemned|denounced|warned|"
                    r"according to|in a statement)\b", re.I)


# a name, then the term alone (the verb elided): "…; Hu Shigen to seven and a half years, Gou to a suspended term"
ELIDED_TERM = re.compile(r"\s*(?:\([^)]{1,40}\)\s*)?,?\s*(?:was\s+given\s+|got\s+|received\s+)?(?:to|for)\s+(?:a\s+|an\s+)?"
                         r"(?:[\w.,()-]+\s+){0,5}?(?:years?|months?|suspended|probation|life)\b", re.I)
SENTENCED = re.compile(r"\bsentenc\w*|\bjailed\b|\bimprisonment\b", re.I)
# an aside about a person's past: ", who was serving …,", ", whose …,"
ASIDE = re.compile(r",\s*(?:who|whose|which)\b[^,;]*(?:,|$)")
# a sentence that names members of the group told of before it: "Among those freed were …", "They included …"
GROUP_MEMBERS = re.compile(r"\W*(?:Among\s+(?:them|those|the\s+\w+|these)\b|(?:They|Those\s+\w+|These)\s+(?:\w+\s+)?includ(?:e|ed|es)\b)")
# "Police named them as A, B and C": a later clause that names the members of the group of the sentence before
NAMED_AS = re.compile(r"\b(?:named|identified|listed)\s+(?:them|those\s+\w+|the\s+\w+)\s+as\b", re.I)
LIST_ITEM = re.compile(r"[ \t]*(?:[-•*–]|\(?[ivx]{1,4}[.)]|\(?\d{1,3}[.)]|\[[A-Z]{0,3}\d{1,3}\])\s+")
TABLE_ROW_TERM = re.compile(r"\b\d{1,2}\s+(?:years?|months?)\b", re.I)
ACQUITTED = re.compile(r"\bacquit\w*", re.I)
# a table's header line: column names set apart by runs of spaces ("Defendant    Plea / basis    Sentence")
TABLE_HEADER = re.compile(r"^\S.*?\S(?:[ \t]{2,}\S.*?){2,}$")
DASH_LIST = re.compile(r"\s[–—]\s(?P<items>[^–—.;]{5,300}?)\s[–—]\s(?=(?:\w+\s+)?(?:were|was|are|have|had|remain|will)\b)")
ABBREVIATED_TITLE = re.compile(r"\b(Atty|Prof|Dr|Mr|Ms|Mrs|Gen|Col|Lt|Sgt|Capt|Sen|Rep|Hon|Supt|Insp|Adv|Engr)\.")
COORDINATED = re.compile(r"(?:,(?:(?!\b(?:said|says|told|was|were|is|are|has|have|had)\b)[^.;,]){0,120}?)?,?\s*(?:and|or|,)\s+"
                         r"(?:(?:the|a|an|his|her|their|its)\s+)?(?:(?!(?:to|by|from|with|for|on|at|in)\s)[\w’'-]+\s+){0,3}(?:(?:Mr|Ms|Mrs|Dr)\.\s+)?"
                         r"|,\s+(?:(?:the|a|an|his|her|their|its)\s+)?(?:[a-z][\w’'-]*\s+){0,3}")


def _speaks(text: str, p: Mention, a: int, b: int) -> bool:
    """The person is the one speaking in this clause ("X, director of Y, said the charges …")."""
    after = text[p.evidence.end:min(b, p.evidence.end + 90)]
    before = text[max(a, p.evidence.start - 40):p.evidence.start]
    return bool(SPEECH.search(after) and not re.search(r"[.;]", after[:SPEECH.search(after).start()])
                or re.search(r"\b(?:said|says|told|according to)\s*$", before))


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


def _clause_of(cls: list[tuple[int, int]], pos: int) -> tuple[int, int]:
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
            ys = [int(d.value[:4]) for d in st.dates]
            st.historical = bool(ys) and latest is not None and max(ys) <= latest - 3 and max(ys) < start

    def sent_index(self, pos: int) -> int | None:
        i = bisect_right(self.starts, pos) - 1
        if i >= 0 and pos <= self.sents[i].end:
            return i
        return None

    def background(self, pos: int) -> bool:
        """Inside a relative clause ("…, who was detained in July 2025"): not the story's own time."""
        i = self.sent_index(pos)
        if i is None:
            return False
        return bool(BACKGROUND.search(self.text, self.sents[i].start, pos))

    def future(self, pos: int) -> bool:
        i = self.sent_index(pos)
        if i is None:
            return False
        st = self.sents[i]
        a, b = _clause_of(clauses(self.text, st.start, st.end), pos)
        # "went on trial on Tuesday, in a case that groups say will show …": a later relative clause's future
        rel = RELATIVE_AFTER.search(self.text, pos, b)
        return bool(cue("cues", "future").search(self.text, st.start, rel.start() if rel else b))


# events ----------------------------------------------------------------------------------

def find_events(ctx: DocContext) -> list[Event]:
    text = ctx.text
    table = cue_table("events")
    out: list[Event] = []
    narrative: DateMention | None = None
    narrative_sent = -2
    by_type: dict[str, Event] = {}
    last_event: Event | None = None
    for idx, st in enumerate(ctx.sents):
        found: list[tuple[str, re.Match[str]]] = []
        if _is_title(ctx, st):
            continue  # the headline repeats the story; its dates are the story's, told loosely
        if cue("cues", "request").search(text[st.start:st.end]):
            continue  # "Please provide information on the continuation of detention" asks, it does not tell
        quotes = _quoted(text, st.start, st.end)
        for etype, pat in table.items():
            for m in pat.finditer(text, st.start, st.end):
                if m.re.groupindex.get("dest") and m.group("dest") and not _a_country(m.group("dest")):
                    continue  # "moved to Almaty" is no exile; "moved to the United States" is
                if any(a <= m.start() < b for a, b in quotes) or _hypothetical(text, st, m.start()) \
                        or cue("cues", "object_of").search(text[max(st.start, m.start() - 60):m.start()]):
                    continue  # direct speech, "if convicted, they could face …", "in protest at his detention"
                if (UNTOLD.search(m.group(0)) and not UNTIL_AFTER.match(text, m.end())) or COUNTERFACTUAL.search(text, max(st.start, m.start() - 40), m.start() + 1) \
                        or (etype == "arrest" and STATE_SINCE.match(text, m.end())):
                    continue  # "was not detained", "should never have been detained", "has been detained since May"
                found.append((etype, m))
        found.sort(key=lambda x: x[1].start())
        bg_at = BACKGROUND.search(text, st.start, st.end)
        sent_events = []
        for etype, m in found:
            background = bool(bg_at and bg_at.start() <= m.start())  # "who was arrested on …": the cue may open with "who"
            due = cue("cues", "due_date")
            dates = [dm for dm in st.dates if dm.start < m.end() or not due.search(text, m.end(), dm.start)]
            # "over last week's march": a possessive date belongs to its noun, not to this sentence's verbs
            # nor does a date that names its noun ("the February 2021 coup", "the 2019 election")
            own = [dm for dm in dates if not POSSESSIVE.match(text, dm.end) and not _attributive(text, dm)]
            dates = own or dates
            dates = [dm for dm in dates if not _end_point(text, st.start, dm)]
            dm = _nearest_date(dates, m.start(), m.end(), background, bg_at.start() if bg_at else None)
            inferred = False
            if background and bg_at and (dm is None or dm.start < bg_at.start()) \
                    and not re.search(r"[,;]", text[bg_at.end():m.start()]):
                # "experts wrote in February about X, who was held for a week before he was brought before
                # prosecutors": a relative clause's event without a date of its own is not dated by the main clause
                d, d_end = None, None
            elif background and dm is not None and bg_at and bg_at.group(0).casefold() in ("who", "which") and \
                    dm.start > bg_at.start() and dm.start >= _relative_end(text, m.end(), st.end):
                # "Two friends who were arrested with him, …, were released in December": the main clause's day is
                # not the relative clause's
                d, d_end = None, None
            elif dm is not None:
                d, d_end = dm.value, dm.end_value
                if dm.approximate:
                    inferred = True
            else:
                d_end = None
                ref = AFTER_EVENT.search(text, st.start, m.start() + 1)
                src = None
                if ref:
                    w = ref.group("what").lower()
                    key = {"apprehended": "arrest", "detained": "arrest", "arrests": "arrest", "detention": "arrest",
                           "rally": "protest", "demonstration": "protest", "trial": "trial_opened"}.get(w, w)
                    src = by_type.get(key)
                elif SEQUENCE.search(text, st.start, m.start() + 1) and last_event is not None:
                    src = last_event
                d = src.date if src is not None and src.date else (narrative.value if narrative else None)
                # the day carries over only from the sentence just before
                close = src is None and narrative is not None and narrative_sent == idx - 1
                if d and len(d) > 7 and not close:
                    d = d[:7]
                prev = ctx.sents[idx - 1] if idx > 0 else st
                if src is None and ctx.doc.published and cue("cues", "operative").search(text, prev.start, st.end):
                    d = ctx.doc.published  # "… are hereby DENIED. They shall remain …": the ruling speaks on its date
                inferred = d is not None
            if sent_events and sent_events[-1][0].date and PARTICIPLE.match(m.group(0)) \
                    and re.search(r",\s*$", text[max(st.start, m.start() - 3):m.start()]):
                # "convicted five activists on Tuesday, handing their leader a two-year term": the main verb's date
                prev = sent_events[-1][0]
                d, d_end, inferred = prev.date, prev.date_end, prev.date_inferred
            future = bool(cue("cues", "future").search(text, st.start, m.end() + 40 if m.end() + 40 < st.end else st.end))
            if d and ctx.anchor and ctx.doc.published and parse_iso(d) and parse_iso(d) > ctx.anchor:
                future = True
            same = [e for e, _ in sent_events if e.type == etype]
            if same and (d is None or inferred or any(e.date == d for e in same)):
                continue  # a second cue of a type tells a second event only with a date of its own
            ev = Event(type=etype, date=d, date_end=d_end, evidence=[ctx.doc.span(st.start, st.end)],
                       summary=_summary(text[st.start:st.end]), status="announced" if future else "happened",
                       date_inferred=inferred)
            ev_bg = background
            sent_events.append((ev, ev_bg))
            out.append(ev)
            if dm is not None and not inferred and d == dm.value:
                # "released on 3 and 10 March": one cue, several days, one event each
                for extra in _coordinated_days(text, dm, st.end):
                    if extra not in {e.date for e, _ in sent_events if e.type == etype}:
                        ev2 = Event(type=etype, date=extra, evidence=[ctx.doc.span(st.start, st.end)],
                                    summary=ev.summary, status=ev.status)
                        sent_events.append((ev2, ev_bg))
                        out.append(ev2)
        for ev, bg in sent_events:
            if not bg and ev.date:
                by_type.setdefault(ev.type, ev)
                last_event = ev
        # the narrative date moves with dates outside background clauses
        for dm in st.dates:
            dateline = dm.start < 400 and ctx.doc.published and dm.value == ctx.doc.published
            if not (bg_at and dm.start > bg_at.start()) and not st.historical and not dateline:
                narrative = dm
                narrative_sent = idx
        # "convicted them on Tuesday over a march in March": the story stays on the day its events were told on
        told = [ev.date for ev, bg in sent_events if not bg and ev.date and not ev.date_inferred]
        if narrative_sent == idx and told and narrative.value not in told:
            narrative = next((dm for dm in reversed(st.dates) if dm.value == told[-1]), narrative)
    return out


def _coordinated_days(text: str, dm: DateMention, limit: int) -> list[str]:
    """The other days a date is coordinated with: "3 and 10 March", "3, 5 and 10 March", "March 3 and 10"."""
    if len(dm.value) != 10 or dm.end_value:
        return []
    out = []
    before = COORD_DAYS_BEFORE.search(text, max(0, dm.start - 40), dm.start)
    if before and re.match(rf"\d{{1,2}}{_ORD}\s+(?:of\s+)?(?:{MONTH_WORDS})\b", text[dm.start:dm.end], re.I):
        out += re.findall(r"\d{1,2}", before.group(0))
    after = COORD_DAYS_AFTER.match(text, dm.end, limit)
    if after and not re.match(r"\d{1,2}\s+(?:%s)" % MONTH_WORDS, text[after.start("d"):limit], re.I):
        out.append(after.group("d"))
    days = []
    for n in out:
        try:
            days.append(date(int(dm.value[:4]), int(dm.value[5:7]), int(n)).isoformat())
        except ValueError:
            continue
    return [x for x in days if x != dm.value]


MONTH_WORDS = "|".join(sorted(set(MON) | {"sept"}, key=len, reverse=True))  # dates.MON's names and short forms
_ORD = r"(?:st|nd|rd|th)?"
# "on 3, 5 and 10 March": bare days right before a day-month date; "on March 3 and 10": a bare day right after
COORD_DAYS_BEFORE = re.compile(rf"\b(?:\d{{1,2}}{_ORD}\s*,\s*)*\d{{1,2}}{_ORD}\s*(?:,\s*)?(?:and|&)\s+(?:the\s+)?$", re.I)
COORD_DAYS_AFTER = re.compile(rf"(?<=\d)(?<!\d{{4}})\s*(?:,\s*)?(?:and|&)\s+(?P<d>\d{{1,2}}){_ORD}(?=\s*[,.;)]|\s*$|\s+(?:in|at|and|after|before|respectively|when|from|under|by)\b)", re.I)


QUOTED = re.compile(r"“[^”]{20,}?”|\"[^\"\n]{20,}?\"")  # someone's words in double quotes
PARA_QUOTED = re.compile(r"“[^”\n]{20,}?”|\"[^\"\n]{20,}?\"")


SPEECH_TAIL = re.compile(r"[”\"]\s*,?\s*(?:he|she|they|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)\s+(?:said|says|told|added|stated)\b")


QUOTE_REACH = 3000


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group(0))


def _quoted(text: str, s: int, e: int) -> list[tuple[int, int]]:
    spans = [m.span() for m in QUOTED.finditer(text, s, e)]
    # a sentence inside a quotation of several sentences: '"I waited. Then an officer said he had been released."'
    # (a paragraph, at most QUOTE_REACH characters on each side: a text of one endless line costs no more per sentence)
    line_start = max(text.rfind("\n", max(0, s - QUOTE_REACH), s) + 1, s - QUOTE_REACH, 0)
    line_end = text.find("\n", e, e + QUOTE_REACH)
    line_end = min(len(text), e + QUOTE_REACH) if line_end < 0 else line_end
    for m in PARA_QUOTED.finditer(text, line_start, line_end):
        if m.start() < s and e <= m.end():
            spans.append((s, e))
    # the end of a quotation that began in an earlier sentence: '… convicted by a bank notice," he said.'
    tail = SPEECH_TAIL.search(text, s, e)
    if tail and not re.search(r"[“\"]", text[s:tail.start()]):
        spans.append((s, tail.start()))
    return spans


def _hypothetical(text: str, st: Sentence, pos: int) -> bool:
    _, b = _clause_of(clauses(text, st.start, st.end, dashes=False), pos)
    return bool(cue("cues", "hypothetical").search(text, st.start, min(b, pos + 30))) and \
        bool(re.search(r"\b(?:if|could|would|might)\b", text[st.start:min(b, pos + 30)], re.I))


def _is_title(ctx: DocContext, st: Sentence) -> bool:
    title = (ctx.doc.title or "").rstrip("…").strip()
    if st.start > 800:
        return False
    line = ctx.text[st.start:st.end].strip().lstrip("#").strip()
    if st.start < 800 and "\n" not in line and len(line) < 200 and not line.endswith((".", "”", '"')):
        # a headline: a short line with no full stop near the top; not a court paper's field whose value is a date
        # ("Date of judgment: 21 March 2022")
        colon = ctx.text.find(":", st.start, st.end)
        return not (0 <= colon - st.start <= 60 and any(
            dm.start > colon and not ctx.text[colon + 1:dm.start].strip() for dm in st.dates))

    # the title is a headline only where it stands on a line of its own: a title taken from the first sentence of
    # a report's first paragraph (a plain text with no headline) is the story itself
    nl = ctx.text.find("\n", st.end)
    alone = not ctx.text[st.end:nl if nl >= 0 else len(ctx.text)].strip()
    return alone and len(title) >= 12 and len(line) >= 12 and (line.startswith(title[:60]) or title.startswith(line[:60]))


def _a_country(words: str) -> bool:
    """The words (or their first two or one) name a country: "the United States in" names one."""
    toks = re.sub(r"^the\s+", "", words, flags=re.I).split()
    return any(is_country(" ".join(toks[:k])) for k in range(len(toks), 0, -1))


def _end_point(text: str, start: int, dm: DateMention) -> bool:
    """The date is where a measure runs to ("remanded until 13 March"), not when something happened: unless a
    negation makes it the day it happened ("not released until 20 December") or a clause is told at it
    ("nothing was heard of him until last Thursday, when he was questioned")."""
    if not END_POINT.search(text, max(start, dm.start - 20), dm.start):
        return False
    when = WHEN_AFTER.match(text, dm.end)
    if when and WHEN_FUTURE.match(text, when.end()):
        when = None  # "until Friday, when she is due to return to court": still the end point
    return not (NOT_UNTIL.search(text, max(start, dm.start - 80), dm.start) or when)


ATTRIBUTIVE_BEFORE = re.compile(r"\bthe\s+$", re.I)
ATTRIBUTIVE_AFTER = re.compile(r"\s+(?!(?:and|or|to|until|till|through|when|while|as|in|at|on|of|for|was|were|is|are|had|has|"
                               r"have|by|with|from|that|which|who|after|before|during|the|a|an)\b)[a-z][a-z-]+\b")


def _attributive(text: str, dm: DateMention) -> bool:
    """A date written before a noun after "the" is part of that noun's name ("the February 2021 coup", "the 2019
    elections"): it dates that thing, not the verbs of its sentence."""
    return bool(ATTRIBUTIVE_BEFORE.search(text, max(0, dm.start - 8), dm.start)) and bool(ATTRIBUTIVE_AFTER.match(text, dm.end))


def _relative_end(text: str, pos: int, end: int) -> int:
    """Where a relative clause whose verb ends at `pos` ends: its next comma or semicolon ("who were arrested with
    him, the boxer A and …, were released in December")."""
    m = CLAUSE_END.search(text, pos, end)
    return m.start() if m else end


def _nearest_date(dates: list[DateMention], s: int, e: int, background: bool, bg_pos: int | None) -> DateMention | None:
    best, bd = None, 10 ** 9
    for dm in dates:
        in_bg = bg_pos is not None and dm.start > bg_pos
        if in_bg and not background:
            continue
        dist = s - dm.end if dm.end <= s else (dm.start - e if dm.start >= e else 0)
        if dist < bd:
            best, bd = dm, dist
    return best


def _summary(sentence: str) -> str:
    s = re.sub(r"\s+", " ", sentence).strip()
    return s if len(s) <= 240 else s[:237] + "…"


# people: roles, measures --------------------------------------------------------------

def assign_people(ctx: DocContext, persons: list[Mention], events: list[Event]) -> None:
    """Roles from titles and context; measures and defendant status from cues in the clause."""
    text = ctx.text
    roles_tbl = cue_table("roles")
    measures_tbl = cue_table("measures")
    defendant = cue("cues", "defendant")
    ev_by_sent: dict[int, list[Event]] = {}
    for ev in events:
        i = ctx.sent_index(ev.evidence[0].start)
        if i is not None:
            ev_by_sent.setdefault(i, []).append(ev)
    by_sent: dict[int, list[Mention]] = {}
    for p in persons:
        i = ctx.sent_index(p.evidence.start)
        if i is not None:
            by_sent.setdefault(i, []).append(p)
    # 1. titles and appositions
    by_start = ByStart(persons)
    for p in persons:
        if p.attrs.get("byline"):
            _add(p.roles, "journalist")
        s, e = p.evidence.start, p.evidence.end
        before = text[max(0, s - 80):s]
        before = ABBREVIATED_TITLE.sub(r"\1", before)  # "Atty." and "Prof." end no sentence
        # a clause ends at a full stop or a blank line; a single line break inside a sentence (a PDF's wrapped
        # line, "The prosecution presented Police\nStaff Sergeant X") does not end it
        before = re.split(r"[.;:]|\n[ \t]*\n|\n(?=[ \t]*(?:[-•*#]|\d+[.)]))|\n(?=[^\n]*$)(?<=[^,\w\s]\n)", before)[-1]
        # "X, director of Y", and "X of the Y Centre" (the body a speaker is named with)
        after_m = re.match(r"^(?:\s*,\s*|\s{2,}\n?|\s*\n|[ \t]+(?=of[ \t]+the[ \t]+[A-Z]))([^.;\n]{0,110})", text[e:e + 130])
        after = after_m.group(1) if after_m else ""
        nxt = min((q.evidence.start for q in by_start.within(e + 1, e + 130)
                   if re.search(r",\s+(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?$", text[e:q.evidence.start])
                   and not re.match(r"(?:’s|'s)\b", text[q.evidence.end:q.evidence.end + 2])), default=None)
        if after_m and nxt is not None and nxt < e + after_m.end(1):
            after = after[:max(0, nxt - e - after_m.start(1))]  # "A, President of X, Ms B, Vice-President of Y": B's title
        after = re.split(r",\s+(?:said|says|told|who(?!\s+represents?)|which|rejects|has|had|was|is)\b", after)[0]
        if CLAUSE_APPOSITION.match(after):
            after = ""  # "X, initially placed under supervision by the investigating judge": a clause, not a title
        after = re.sub(r"^who\b", "", after) if not re.match(r"who\s+represents?", after) else after
        if re.match(r"^,?\s*who\s+represents?\b", text[e:e + 30]):
            after = "who represents"
        elif re.match(r"^,?\s*(?:was\s+)?(?:questioned|heard|summoned)\s+as\s+a\s+witness", text[e:e + 60]):
            after = re.match(r"^,?\s*((?:was\s+)?(?:questioned|heard|summoned)\s+as\s+a\s+witness)", text[e:e + 60]).group(1)
        near_before = re.search(r"(?:[\w’'-]+(?:’s|'s)?,?\s+){0,4}$", before)
        # "A spokesperson for the National Civil Police (PNC), Byron Castañeda": the phrase before the comma
        appos = re.search(r"(?:^|,)\s*([^,]{3,80}),\s*$", before)
        if appos is None:
            # "the Governor of Kano State, Mr. X": a noun phrase (no verb in it), then an honorific
            appos = re.search(r"^.*(?:^|,|\b(?:to|by|from|with|including|and)\s)\s*(the\s[^,]{3,80}),\s*"
                              r"(?:Mr|Ms|Mrs|Dr|Prof|Hon)\.?\s+$", before)
            if appos and re.search(r"\b\w+ed\b|\b(?:was|were|is|are|has|had)\b", appos.group(1)):
                appos = None
        if appos and any(q is not p and appos.group(1).rstrip().endswith(text[q.evidence.start:q.evidence.end])
                         for q in persons if q.evidence.end <= s):
            appos = None  # "… the custody of Mr Dubovsky, Ms Grinevich": a list of names, not an apposition
        near = near_before.group(0) if near_before else ""
        verbs = list(re.finditer(r"\b(?:convicted|acquitted|sentenced|arrested|detained|charged|released|freed|"
                                 r"placed|put|ordered|remanded|granted|denied|refused|summoned|questioned|heard|sent|"
                                 r"transferred|fined|jailed|indicted|interrogated|"
                                 r"said|told|named|including|and|of)\b", near))
        if verbs:
            near = near[verbs[-1].end():]  # "The judge convicted union treasurer X": the title is after the verb
        if COUNSEL.match(text, e, min(len(text), e + 60)):
            p.attrs["client"] = True  # "Ana Pop's lawyer said": the name is the lawyer's client, not counsel
        elif COUNSEL.search(near_before.group(0) if near_before else "") or COUNSEL.search(after) or \
                COUNSEL_AFTER.match(text, e, min(len(text), e + 60)):
            p.attrs["counsel"] = True  # "Ana Pop's lawyer X", "lawyer for the family": counsel in this case, not accused
        if cue("cues", "called_as_witness").search(before):
            _add(p.roles, "witness")
        if cue("cues", "witness_after").match(text, e, min(len(text), e + 120)):
            _add(p.roles, "witness")
            p.attrs["witness"] = True  # questioned as a witness here: not the accused of this sentence
        # an address block: the title on the line above a name that stands alone on its line
        # ("Premier of the State Council\nLI Keqiang\nThe State Council General Office")
        title_line = ""
        ls = text.rfind("\n", 0, s) + 1
        le = text.find("\n", e)
        if not text[ls:s].strip(" \t") and (le == -1 or not text[e:le].strip(" \t.,")) and ls >= 2:
            prev_line = text[text.rfind("\n", 0, ls - 1) + 1:ls - 1].strip()
            if 3 <= len(prev_line) <= 90 and not re.search(r"[.;:!?]$", prev_line):
                title_line = prev_line
        # a title the name itself begins with ("Justice Alex Lee Wan-tang", "Senior General A B")
        words = p.name.split()
        own_title = [" ".join(words[:k]) for k in (1, 2) if len(words) >= k + 2]
        for role, pat in roles_tbl.items():
            hit_after = pat.search(after)
            hit_before = pat.search(near) if near.strip() else None
            if not hit_before and title_line and role != "relative":
                hit_before = pat.search(title_line)
            if not hit_before and role == "official":
                hit_before = next((h for t in own_title for h in [pat.search(t)] if h and h.end() == len(t)), None)
            if appos and not hit_before and role not in ("relative",):
                hit_before = pat.search(appos.group(1))
            if hit_after or hit_before:
                if role == "relative":
                    _add(p.roles, "relative")
                    continue
                _add(p.roles, role)
    # a court caption names the accused between "versus" and "Accused."
    for m in cue("cues", "caption_accused").finditer(text):
        for p in persons:
            if m.start("parties") <= p.evidence.start < m.end("parties"):
                _add(p.roles, "defendant")
                p.attrs["caption"] = True
    # a list set off by dashes shares the predicate after it: "three – the blogger A, the student B and
    # the poet C – were sentenced to …"
    for m in DASH_LIST.finditer(text):
        i = ctx.sent_index(m.start())
        if i is None:
            continue
        inside = [p for p in by_sent.get(i, []) if m.start("items") <= p.evidence.start < m.end("items")]
        if len(inside) >= 2:
            for p in inside:
                p.attrs.setdefault("list", (m.start(), ctx.sents[i].end))
    # items of a list under an introducing line ("… formally charged four members of the group:\n- A, coordinator;
    # - B, …") take the cues of that line
    intro_of: dict[int, tuple[int, int]] = {}
    for i, st in enumerate(ctx.sents):
        if not LIST_ITEM.match(text, st.start):
            continue
        j = i - 1
        while j >= 0 and LIST_ITEM.match(text, ctx.sents[j].start):
            j -= 1
        intro = text[ctx.sents[j].start:ctx.sents[j].end].rstrip() if j >= 0 else ""
        if intro.endswith(":") or TABLE_HEADER.match(intro):
            intro_of[i] = (ctx.sents[j].start, ctx.sents[j].end)
    for i, (a, b) in intro_of.items():
        for p in by_sent.get(i, []):
            if HARD_ROLES & set(p.roles):
                continue
            if defendant.search(text, a, b):
                _add(p.roles, "defendant")
            chosen = _first_measure(text, (a, b), measures_tbl)
            st = ctx.sents[i]
            row = TABLE_ROW_TERM.search(text, st.start, st.end)
            if TABLE_HEADER.match(text[a:b]) and re.search(r"\bsentences?\b", text[a:b], re.I):
                # a table of sentences: the row's own value ("10 years", "Acquitted") is the person's measure
                chosen = ("release", ACQUITTED.search(text, st.start, st.end)) if ACQUITTED.search(text, st.start, st.end) \
                    else (("sentence", row) if row else chosen)
            if chosen is not None and chosen[1] is not None and not any(x.type == chosen[0] for x in p.measures):
                p.measures.append(Measure(chosen[0], _measure_date(ev_by_sent.get(ctx.sent_index(a) or 0, []), chosen[0]),
                                          [ctx.doc.span(chosen[1].start(), chosen[1].end())]))
    # 2. clause cues: defendant, detainee, measures
    last_person: Mention | None = None
    for i, st in enumerate(ctx.sents):
        people = by_sent.get(i, [])
        cls = clauses(text, st.start, st.end)
        prev_sent = ctx.sents[i - 1] if i > 0 else None
        for a, b in cls:
            in_clause = [p for p in people if a <= p.evidence.start < b]
            subjects = list(in_clause)
            pm0 = PRONOUN.search(text[a:b])
            pm = _Shift(pm0, a) if pm0 else None
            if pm and last_person is not None and (not in_clause or pm.start("p") < in_clause[0].evidence.start):
                subjects.append(last_person)
            if RELATIVE.match(text, a):  # "Rui Canto, who is at liberty, …": the name just before the comma
                subjects += [p for p in people if a - 4 <= p.evidence.end <= a and p not in subjects]
            if not subjects:
                continue
            clause = text[a:b]
            group_intro = re.search(r"\b(?:\w+)\s+others\s*[–—:-]", text[st.start:b])
            for p in subjects:
                if HARD_ROLES & set(p.roles) or p.attrs.get("counsel") or p.attrs.get("client") or p.attrs.get("witness") or \
                        (SOFT_ROLES & set(p.roles) and _speaks(text, p, a, b)):
                    continue
                pos = p.evidence.start if p in in_clause else (pm.start("p") if pm else a)
                scope = (st.start, st.end) if "list" in p.attrs else _scope(text, pos, a, b, p, in_clause, subjects)
                if st.historical:
                    continue
                sc_text = text[scope[0]:scope[1]]
                dm = defendant.search(QUOTED.sub(_blank, sc_text))  # "the suspect will have her day", said A
                if dm and dm.group(0).casefold() == "sentenced" and \
                        re.search(r"\badministrative\b", text[st.start:st.end], re.I):
                    dm = None  # "the administrative proceedings against A and the others sentenced on …"
                if dm:
                    _add(p.roles, "defendant")
                elif group_intro and prev_sent is not None and defendant.search(text, prev_sent.start, prev_sent.end) \
                        and not re.search(r"\badministrative\b|\bfined\b", sc_text, re.I):
                    _add(p.roles, "defendant")
                chosen = _list_measure(text, st, p.attrs["list"], measures_tbl) if "list" in p.attrs \
                    else _first_measure(text, scope, measures_tbl)
                if chosen is not None:
                    mtype, mm = chosen
                    d = _measure_date(ev_by_sent.get(i, []), mtype)
                    if d is None and mtype in ("exile", "release"):
                        # a step no event word carries ("left Norland for Estmark on 1 September"): its clause's day
                        own = [dm for dm in st.dates if a <= dm.start < b and not _end_point(text, st.start, dm)
                               and not ctx.background(dm.start)]
                        d = own[0].value if own else None
                    length = re.search(r"\bfor (?:a further |another )?(\w+ (?:days?|weeks?|months?|years?))\b", sc_text)
                    if not any(x.type == mtype and x.evidence[0].start == mm.start() for x in p.measures):
                        p.measures.append(Measure(mtype, d, [ctx.doc.span(mm.start(), mm.end())],
                                                  length.group(1) if length else None))
                    freed = measures_tbl["release"].search(text, *scope) if mtype == "exile" else None
                    if freed and not any(x.type == "release" and x.evidence[0].start == freed.start() for x in p.measures):
                        # "freed in the exchange and flown to Germany": released, then exiled
                        p.measures.append(Measure("release", d, [ctx.doc.span(freed.start(), freed.end())]))
                if re.search(r"\b(?:release|detention|arrest|imprisonment|abduction|disappearance) of\s+(?:(?:Mr|Ms|Mrs)\.?\s+)?$", text[max(0, pos - 40):pos]) or \
                        cue("cues", "detainee").search(text, pos, min(scope[1], pos + 120)):
                    _add(p.roles, "detainee")
            kin = KIN.search(clause)
            if kin and in_clause and re.search(r"\b(?:arrest|detention|detained|release|case)\b", clause):
                _add(in_clause[0].roles, "relative")
        for p in people:
            if not (SOFT_ROLES & set(p.roles)):
                last_person = p
    # "Among those who walked down the steps were A, B and C": the people of a sentence that names the members of
    # a group told of in the sentence before take that group's measure (released and stripped of nationality)
    for i, st in enumerate(ctx.sents):
        named_as = NAMED_AS.search(text, st.start, st.end)
        people = [p for p in by_sent.get(i, []) if not ({"official", "lawyer"} & set(p.roles))
                  and (named_as is None or p.evidence.start >= named_as.end())]
        if not i or not people or not (GROUP_MEMBERS.match(text, st.start) or (named_as and len(people) >= 2)):
            continue
        prev = ctx.sents[i - 1]
        lead = (st.start, min(p.evidence.start for p in people))
        if GROUP_MEMBERS.match(text, st.start) and not st.historical:
            # the list's own verb before it: "Among the others arrested were A, B and C", "Among those charged are …"
            role = _step_role(text, lead, lead)
            for p in people:
                if role and not (HARD_ROLES & set(p.roles)):
                    _add(p.roles, role)
        if named_as and not st.historical:
            # the group's step ("six of her supporters had been arrested … they would face charges")
            role = _step_role(text, (prev.start, st.end), (prev.start, prev.end))
            for p in people:
                if role:
                    _add(p.roles, role)
        chosen = _first_measure(text, (prev.start, prev.end), measures_tbl)
        if chosen is None:
            continue
        d = _measure_date(ev_by_sent.get(i - 1, []), chosen[0])
        for p in people:
            if not any(x.type == chosen[0] for x in p.measures):
                p.measures.append(Measure(chosen[0], d, [ctx.doc.span(chosen[1].start(), chosen[1].end())]))
    # "Zhou was sentenced to seven years; Hu to seven and a half, and Gou to a three-year suspended term": a name
    # followed by the term alone takes the verb told before it in the sentence
    for i, st in enumerate(ctx.sents):
        if st.historical:
            continue
        for p in by_sent.get(i, []):
            if any(x.evidence[0].start >= st.start and x.evidence[0].end <= st.end for x in p.measures):
                continue
            m = ELIDED_TERM.match(text, p.evidence.end)
            verb = SENTENCED.search(text, st.start, p.evidence.start) if m else None
            if m and verb:
                mtype = "release" if re.search(r"suspended|probation", m.group(0), re.I) else "sentence"
                p.measures.append(Measure(mtype, _measure_date(ev_by_sent.get(i, []), mtype),
                                          [ctx.doc.span(m.start(), m.end())]))
                _add(p.roles, "defendant")
    # "All eleven were remanded", "The seven students were sentenced …", "They were released on Friday": a sentence
    # whose subject is the group of the accused, naming none of them, puts each accused of the report under its
    # measure; after "The ten — A, B, … and J — were handed over.", "They were sentenced to life" speaks of the people
    # the sentence before lists, whatever the report said of them before (and however long ago it was)
    accused = [p for p in persons if "defendant" in p.roles]
    group = _group_subject()
    for i, st in enumerate(ctx.sents):
        listed = _listed(text, by_sent.get(i - 1, [])) if THEY.match(text, st.start) else []
        if not (listed or accused) or (st.historical and not listed) \
                or not (group.match(text, st.start) or _all_of_group().search(text, st.start, st.end)):
            continue
        named = {p.name for p in by_sent.get(i, [])}
        chosen = _first_measure(text, (st.start, st.end), measures_tbl)
        if chosen is None or chosen[0] == "administrative_sanction":
            continue
        d = _measure_date(ev_by_sent.get(i, []), chosen[0])
        role = _step_role(text, (st.start, st.end), (st.start, st.end)) if listed else None
        for p in listed:
            if role:
                _add(p.roles, role)
        for p in listed or accused:
            if p.name not in named and \
                    not any(x.type == chosen[0] and x.date == d for x in p.measures):
                p.measures.append(Measure(chosen[0], d, [ctx.doc.span(chosen[1].start(), chosen[1].end())]))
    for p in persons:
        if "defendant" in p.roles and "detainee" in p.roles:
            p.roles.remove("detainee")
        if "defendant" in p.roles and "relative" in p.roles and not p.attrs.get("caption"):
            p.roles.remove("defendant")  # "his wife, Ms. A": named here as kin, the clause's step is another's


def _step_role(text: str, accused_in: tuple[int, int], held_in: tuple[int, int]) -> str | None:
    """The role a group's step gives its members: accused where a word of the accused stands in `accused_in`, else
    held where one of custody stands in `held_in`."""
    if cue("cues", "defendant").search(text, *accused_in):
        return "defendant"
    return "detainee" if cue("cues", "detainee").search(text, *held_in) else None


THEY = re.compile(r"\W*They\b")
LIST_GAP = re.compile(r"[ \t]*(?:,|,?[ \t]+and)[ \t]+(?:[A-Z][\w’'.-]*[ \t]+){0,2}?$")


def _listed(text: str, people: list[Mention]) -> list[Mention]:
    """The people a sentence lists one after another ("A, Dr B, Prof. C and D"), at least two; none where its names
    stand apart."""
    people = sorted(people, key=lambda p: p.evidence.start)
    run: list[Mention] = []
    best: list[Mention] = []
    for p in people:
        if run and LIST_GAP.match(text[run[-1].evidence.end:p.evidence.start]):
            run.append(p)
        else:
            run = [p]
        if len(run) > len(best):
            best = list(run)
    return best if len(best) >= 2 else []


@lru_cache(maxsize=None)
def _group_subject() -> re.Pattern[str]:
    """A sentence whose subject is the group of the accused: "All eleven …", "The seven students …", "They …",
    "Both of them …" (cues.yaml group_nouns)."""
    nouns = "|".join(sorted((re.escape(n) for n in load("cues")["group_nouns"]), key=len, reverse=True))
    return re.compile(rf"\W*(?:{NUM}\s+(?:[\w-]+\s+){{0,2}}(?:{nouns})|(?:All|Both)\b(?:\s+(?:of\s+)?(?:the|them|those|these))?(?:\s+{NUM})?(?:\s+(?:{nouns}))?"
                      rf"|The\s+(?:{NUM}\s+)?(?:other\s+)?(?:{nouns})|They|These\s+(?:{NUM}\s+)?(?:{nouns}))\b", re.I)


@lru_cache(maxsize=None)
def _all_of_group() -> re.Pattern[str]:
    """"against all 119 defendants", "each of the accused": the whole group of the accused, anywhere in a sentence."""
    nouns = "|".join(sorted((re.escape(n) for n in load("cues")["group_nouns"]), key=len, reverse=True))
    return re.compile(rf"\b(?:all|each\s+of|every\s+one\s+of)\s+(?:the\s+|them\b)?(?:{NUM}\s+)?(?:other\s+)?(?:{nouns})?\b", re.I)


def _first_measure(text: str, scope: tuple[int, int], table: dict[str, re.Pattern[str]]):
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
    return pick[0] if pick else None


def _list_measure(text: str, st: Sentence, span: tuple[int, int], table: dict[str, re.Pattern[str]]):
    """For a list of names, the measure cue of its sentence nearest to the list."""
    ls, le = span
    best = None
    for mtype, pat in table.items():
        for mm in pat.finditer(text, st.start, st.end):
            dist = ls - mm.end() if mm.end() <= ls else max(0, mm.start() - le)
            if best is None or dist < best[0]:
                best = (dist, mtype, mm)
    return best[1:] if best else None


class _Shift:
    """A match on a slice, with offsets into the whole text."""

    def __init__(self, m: re.Match[str], off: int):
        self.m, self.off = m, off

    def start(self, g: str | int = 0) -> int:
        return self.m.start(g) + self.off


def _scope(text: str, pos: int, a: int, b: int, p: Mention, in_clause: list[Mention], subjects: list[Mention]) -> tuple[int, int]:
    """The part of a clause that speaks of one person: up to a 'his nephew' or the next named person."""
    if "list" in p.attrs:
        return a, b
    end = b
    k = KIN.search(text, pos, b)
    if k and not re.search(r",\s+(?:she|he)\b", text[k.end():b]):
        end = k.start()
    others = [q for q in in_clause if q is not p and "list" not in q.attrs]
    # "Rolando Choc Pop, president of the council, and the teacher Marcos Xol Ical were remanded": a coordinated
    # subject shares the predicate after it; "convicted A, youth coordinator B and C": objects share the verb before
    after = _first_uncoordinated(text, p, sorted((q for q in others if q.evidence.start > pos),
                                                 key=lambda q: q.evidence.start), forward=True)
    before = _first_uncoordinated(text, p, sorted((q for q in others if q.evidence.end <= pos),
                                                  key=lambda q: -q.evidence.end), forward=False)
    if after is not None:
        end = min(end, after.evidence.start)
        lead = NEXT_PERSONS_ROLE.search(text, pos, end)
        if lead:
            end = lead.start()
    return (max(a, before.evidence.end) if before is not None else a), end


def _first_uncoordinated(text: str, p: Mention, row: list[Mention], forward: bool) -> Mention | None:
    """Walking from p through the names in `row`, the first one not joined to the last by a coordination."""
    cur = p
    for q in row:
        gap = text[cur.evidence.end:q.evidence.start] if forward else text[q.evidence.end:cur.evidence.start]
        if not COORDINATED.fullmatch(gap):
            return q
        cur = q
    return None


def _measure_date(events: list[Event], mtype: str) -> str | None:
    for ev in events:
        if ev.type == mtype or (mtype == "administrative_sanction" and ev.type == "administrative_sanction"):
            return ev.date
    for ev in events:
        if ev.date:
            return ev.date
    return None


def _add(lst: list[str], x: str) -> None:
    if x not in lst:
        lst.append(x)


# figures -------------------------------------------------------------------------------

GROUP_RE = None


def _group_re() -> re.Pattern[str]:
    global GROUP_RE
    if GROUP_RE is None:
        nouns = sorted(load("cues")["group_nouns"], key=len, reverse=True)
        GROUP_RE = fast(re.compile(
            rf"(?<![\d.,₱$€£¥])\b(?P<num>{NUM})(?![.,]\d)\s+(?P<noun>(?:(?!(?:days?|weeks?|months?|years?)\b)[\w-]+\s+){{0,3}}?(?:{'|'.join(re.escape(n) for n in nouns)}))\b"
            rf"|(?<![\d.,₱$€£¥])\b(?P<num2>{NUM})(?![.,]\d)\s+(?=(?:were|have been|had been|are|remain|of them|(?:\w+ly\s+)?(?:arrested|detained|charged|remanded|released|convicted|sentenced|fined))\b)", re.I))
    return GROUP_RE


def _predicate(between: str) -> bool:
    """Does a cue after a count stand in the count's own verb phrase ("three … were released", "four remain
    in custody") rather than in a participle that only describes the people ("the four others arrested")?"""
    aux = load("figures").get("predicate_between", [])
    return any(re.search(p, between, re.I) for p in aux) and not re.search(r"\b(?:who|which|that|whom)\b", between, re.I)


def find_figures(ctx: DocContext) -> list[Figure]:
    text = ctx.text
    spec = load("figures")
    order = {k: i for i, k in enumerate(spec)}  # at equal distance, the table's order decides
    out: list[Figure] = []
    for st in ctx.sents:
        if st.historical:
            continue
        for a, b in clauses(text, st.start, st.end, dashes=False):
            counts = []
            for m in _group_re().finditer(text, a, b):
                raw = m.group("num") or m.group("num2")
                v = value(raw)
                if v is None or v < 2 or v > 100000:
                    continue
                ns = m.start("num") if m.group("num") else m.start("num2")
                if re.fullmatch(r"(?:19|20)\d\d", raw) and YEAR_BEFORE.search(text, max(a, ns - 25), ns):
                    continue  # "On 20 June 2014 the … People's Procuratorate": a year, not a count
                if re.search(r"\band\s*$", text[max(a, ns - 30):ns]) and re.search(r"\b(?:she|he|[A-Z]\w+)\s+and\s*$", text[max(a, ns - 30):ns]) and "other" in (m.group("noun") or ""):
                    v += 1  # "She and five other suspects": six people
                noun = (m.group("noun") or "").lower()
                for pat in spec.get("adds_after", []):  # "Three of them, together with a journalist": four
                    add = re.search(pat, text[m.end():b], re.I)
                    if add:
                        v += 1 if add.group("n").lower() in ("a", "an") else (value(add.group("n")) or 0)
                if any(re.search(pat, text[max(a, ns - 40):ns], re.I) for pat in spec.get("population_before", [])):
                    out.append(Figure("other", v, [ctx.doc.span(ns, m.end())]))  # "one of at least 18 journalists"
                    continue
                counts.append((ns, m.end(), v, noun))
            used: set[int] = set()
            for ns, ne, v, noun in counts:
                if "political prisoners" in noun:
                    out.append(Figure("political_prisoners", v, [ctx.doc.span(ns, ne)]))
                    used.add(ns)
            pairs = []
            for measure, sp in spec.items() if counts else ():  # a cue pairs with a count: none, nothing to look for
                if not isinstance(sp, dict):
                    continue
                for pat in sp.get("after", []):
                    for cm in re.finditer(pat, text[a:b], re.I):
                        cs = a + cm.start()
                        for ns, ne, v, noun in counts:
                            if ne <= cs:
                                # another count between them ("13 defenders, among the 19 initially arrested,
                                # were held") leaves it open whose verb it is: then the nearest cue decides
                                # nor is a count in an aside ("among the 19 initially arrested") a subject
                                own = _predicate(text[ne:cs]) and not any(ne <= o < cs for o, *_ in counts) \
                                    and not re.search(r"\b(?:among|of|out of|from|including)\s+(?:the\s+)?$",
                                                      text[max(a, ns - 20):ns], re.I)
                                pairs.append((int(not own), cs - ne, measure, ns, ne, v, cs, a + cm.end()))
                for pat in sp.get("before", []):
                    for ns, ne, v, noun in counts:
                        seg = text[max(a, ns - 45):ns]
                        cm = re.search(pat + r"(?:\s+(?:the|all|at least|some|about|around))*\s*$", seg, re.I)
                        if cm:
                            pairs.append((1, len(seg) - cm.end(), measure, ns, ne, v, max(a, ns - 45) + cm.start(), ns))
            # the clause's own verb first ("the four others arrested were released": released), then the nearest
            # cue; at equal distance, the table's order decides
            pairs.sort(key=lambda p: (p[0], p[1], order[p[2]]) + p[3:])
            taken_cues: set[tuple[int, str]] = set()
            for _, dist, measure, ns, ne, v, cs, ce in pairs:
                if ns in used or (cs, measure) in taken_cues or dist > 90:
                    continue
                used.add(ns)
                taken_cues.add((cs, measure))
                out.append(Figure(measure, v, [ctx.doc.span(min(ns, cs), max(ne, ce))]))
        # sentences: "up to ten years", "2.5-year prison term"
        for m in re.finditer(rf"\bup to (?:(?P<n>{NUM}) years|(?P<dec>a decade))", text[st.start:st.end], re.I):
            v = 10.0 if m.group("dec") else value(m.group("n"))
            if v:
                out.append(Figure("max_sentence_years", v, [ctx.doc.span(st.start + m.start(), st.start + m.end())], unit="years"))
        for m in re.finditer(rf"\bfacing (?P<n>{NUM}) years\b", text[st.start:st.end], re.I):
            v = value(m.group("n"))
            if v:
                out.append(Figure("max_sentence_years", v, [ctx.doc.span(st.start + m.start(), st.start + m.end())], unit="years"))
        # "offences that carry between six months and two years in prison", "a penalty of five to ten years"
        for m in re.finditer(rf"\b(?:carry|carries|carrying|punishable by|penalty of)\s+(?:(?:between\s+)?{NUM}\s+(?:months?|years?)\s+(?:and|to)\s+|{NUM}\s+to\s+)(?P<n>{NUM})\s+years\b",
                             text[st.start:st.end], re.I):
            v = value(m.group("n"))
            if v:
                out.append(Figure("max_sentence_years", v, [ctx.doc.span(st.start + m.start(), st.start + m.end())], unit="years"))
        for m in re.finditer(rf"\b(?P<n>\d+(?:\.\d+)?|{NUM})-year(?:-long)? (?:prison |jail )?(?:term|sentence)\b|\bsentenced to (?P<w>{NUM}) years\b",
                             text[st.start:st.end], re.I):
            v = value(m.group("n") or m.group("w"))
            if v:
                out.append(Figure("sentence_years", v, [ctx.doc.span(st.start + m.start(), st.start + m.end())], unit="years"))
    return out


# claims: what each source says on topics where sources may disagree ----------------------

DURATION = re.compile(rf"\b(?:(?P<between>between\s+(?P<a>{NUM})\s+and\s+(?P<b>{NUM}))|(?P<upto>up to\s+(?P<c>{NUM}))|(?P<range>(?P<d>{NUM})\s*(?:-|–|to)\s*(?P<e>{NUM}))|(?:for\s+(?:a\s+further\s+|another\s+)?(?P<f>{NUM})))\s+(?P<unit>days?|weeks?|months?)\b", re.I)


def find_claims(ctx: DocContext, persons: list[Mention], events: list[Event]) -> list[Claim]:
    text = ctx.text
    out: list[Claim] = []
    update_cue = cue("cues", "update")
    for st in ctx.sents:
        for a, b in clauses(text, st.start, st.end):
            clause = text[a:b]
            for m in DURATION.finditer(clause):
                topic = None
                if re.search(r"administrative|short-term detention|hooliganism|fines? and", clause, re.I):
                    topic = "administrative_detention.length"
                elif re.search(r"remanded|pre-?trial|custody", clause, re.I):
                    topic = "pretrial_detention.length"
                elif re.search(r"house arrest", clause, re.I):
                    topic = "house_arrest.length"
                elif re.search(r"measures?\b[^.;]{0,30}\bextended|extended\b", clause, re.I):
                    topic = "pretrial_detention.length"
                elif m.group("unit").lower().startswith("day") and \
                        re.search(r"\b(?:jailed|sentenced|detained)\s+(?:to|for)\b", clause, re.I):
                    topic = "administrative_detention.length"  # days in jail: an administrative sentence
                if topic is None:
                    continue
                unit = m.group("unit").rstrip("s")
                if m.group("between") or m.group("range"):
                    lo, hi = value(m.group("a") or m.group("d")), value(m.group("b") or m.group("e"))
                    val = f"{as_number(lo)}–{as_number(hi)} {unit}s"
                elif m.group("upto"):
                    val = f"up to {as_number(value(m.group('c')))} {unit}s"
                else:
                    val = f"{as_number(value(m.group('f')))} {unit}s"
                is_update = bool(update_cue.search(clause)) or "extended" in clause.lower()
                out.append(Claim(topic=topic, value=val, evidence=[ctx.doc.span(a + m.start(), a + m.end())],
                                 update=is_update))
    out += _force_claims(ctx) + _crowd_claims(ctx) + _year_claims(ctx, by_person(persons))
    out += _person_claims(ctx, persons, events)
    # fate of a detainee
    fates = [(cue("cues", "fate_unknown"), "unknown"), (cue("cues", "fate_sentenced"), "sentenced"),
             (cue("cues", "fate_held"), "held")]
    last_person: Mention | None = None
    by_start = ByStart(persons)
    for st in ctx.sents:
        here = [p for p in by_start.within(st.start, st.end) if _may_be_held(p)]
        for pat, val in fates:
            m = pat.search(text, st.start, st.end)
            if not m:
                continue
            inside = [p for p in here if m.start() <= p.evidence.start < m.end()]  # "the whereabouts of X remain unknown"
            before = [p for p in here if p.evidence.start < m.start()]
            subj = inside[0] if inside else before[-1] if before else last_person
            if subj is None:
                continue
            quote_val = text[m.start():m.end()]
            out.append(Claim(topic="fate", subject=subj.name, value=f"{val}: {quote_val}",
                             evidence=[ctx.doc.span(m.start(), m.end())]))
        if here:
            last_person = here[-1]
    # the year of a one-off life event (moving country): per person
    for ev in events:
        if ev.type != "other" or not ev.date:
            continue
        q = ev.evidence[0]
        m = re.search(r"\b(?:moved|relocated|emigrated|left)\b", text[q.start:q.end])
        if not m:
            continue
        pos = q.start + m.start()
        before = [p for p in by_start.within(q.start, pos) if "official" not in p.roles]
        ym = re.search(r"\b(?:19|20)\d{2}\b", text[pos:q.end])
        if not before or not ym:
            continue
        ys = pos + ym.start()
        for p in before[-2:]:
            out.append(Claim(topic="relocation", subject=p.name, value=ym.group(0),
                             evidence=[ctx.doc.span(ys, ys + 4)], date=ym.group(0)))
    return out


# claims about one person: time held incommunicado, reporting duty, the date of the arrest -----------

def _subject(ctx: DocContext, persons: list[Mention], st: Sentence, pos: int) -> Mention | None:
    """The person a sentence's fact at `pos` is about: the last one named before it in the sentence, else,
    for a sentence that names nobody before it ("For nine days his family …"), the last one named before."""
    before = [p for p in persons if p.evidence.start < pos and "official" not in p.roles]
    here = [p for p in before if p.evidence.start >= st.start]
    if here:
        return here[-1]
    return before[-1] if before and st.start - before[-1].evidence.end < 600 else None


@lru_cache(maxsize=None)
def _person_claim_patterns() -> tuple[list[re.Pattern[str]], re.Pattern[str], re.Pattern[str] | None, dict[str, str]]:
    """claims.yaml's incommunicado cues and duration, and its reporting duty, compiled once."""
    spec = load("claims")
    inc = spec.get("incommunicado", {})
    cues = [re.compile(c, re.I) for c in inc.get("cues", [])]
    dur = re.compile(inc.get("duration", r"(?!x)x").replace("NUM", NUM), re.I)
    rep = spec.get("reporting", {})
    rep_re = re.compile(rep["pattern"], re.I) if rep else None
    return cues, dur, rep_re, (rep.get("canonical", {}) if rep else {})


def _person_claims(ctx: DocContext, persons: list[Mention], events: list[Event]) -> list[Claim]:
    text, out = ctx.text, []
    people = sorted(persons, key=lambda p: p.evidence.start)
    cues, dur, rep_re, canon = _person_claim_patterns()
    for st in ctx.sents:
        sent = text[st.start:st.end]
        if cues and any(c.search(sent) for c in cues):
            for m in dur.finditer(text, st.start, st.end):
                subj = _subject(ctx, people, st, m.start())
                n = value(m.group("n"))
                if subj and n:
                    out.append(Claim(topic="incommunicado.length", subject=subj.name,
                                     value=f"{as_number(n)} {m.group('unit').rstrip('s').lower()}s",
                                     evidence=[ctx.doc.span(m.start(), m.end())]))
        if rep_re:
            for m in rep_re.finditer(text, st.start, st.end):
                subj = _subject(ctx, people, st, m.start())
                if subj:
                    f = re.sub(r"\s+", " ", m.group("freq").lower())
                    f = canon.get(f, f).replace(" per ", " a ")
                    out.append(Claim(topic="reporting.frequency", subject=subj.name, value=f,
                                     evidence=[ctx.doc.span(m.start(), m.end())]))
    # the day a person was arrested, told outright for that one person ("he was arrested on 26 November")
    for ev in events:
        if ev.type != "arrest" or ev.date_inferred or not ev.date or len(ev.date) != 10 or ev.status != "happened":
            continue
        q = ev.evidence[0]
        si = ctx.sent_index(q.start)
        st = ctx.sents[si] if si is not None else None
        cm = re.search(r"\b(?:was|been)\s+(?:\w+\s+)?(?:arrested|detained|abducted|taken into custody)\b",
                       text[q.start:q.end])
        if st is None:
            continue
        if not cm:
            # "police arrested Ms X at her home": the one person named right after an active arrest
            am = ACTIVE_ARREST.search(text, q.start, q.end)
            if am:
                after = re.sub(r"^(?:Mr|Ms|Mrs|Dr)\.?\s+", "", text[am.end():q.end])
                named = {p.name for p in people if p.name in text[q.start:q.end]}
                obj = [p for p in people if after.startswith(p.name)]
                if obj and len(named) == 1:
                    out.append(Claim(topic="arrest.date", subject=obj[0].name, value=ev.date, evidence=[q], date=ev.date))
            continue
        pos = q.start + cm.start()
        named = [p for p in people if q.start <= p.evidence.start < pos]
        subj = named[-1] if len({p.name for p in named}) == 1 else \
            (_subject(ctx, people, st, pos) if not named and re.search(r"\b(?:he|she)\s*$", text[q.start:pos], re.I)
             else None)
        if subj:
            out.append(Claim(topic="arrest.date", subject=subj.name, value=ev.date, evidence=[q], date=ev.date))
    return out


# claims on amounts, force sizes and years of earlier events (cue frames in data/claims.yaml) ----------

def _may_be_held(p: Mention) -> bool:
    """Whose fate a source can tell: not an official, a lawyer, an expert, a relative or an NGO's voice."""
    if {"detainee", "defendant"} & set(p.roles):
        return True
    return not ({"official", "lawyer", "expert", "relative", "advocate"} & set(p.roles)) and \
        len(p.name.split()) >= 2 and not p.attrs.get("retyped")


def by_person(persons: list[Mention]) -> list[Mention]:
    return sorted((p for p in persons if not (HARD_ROLES & set(p.roles))), key=lambda p: p.evidence.start)


@lru_cache(maxsize=None)
def _money_res() -> list[re.Pattern[str]]:
    cur = load("claims")["currencies"]
    alts = "|".join(sorted(cur, key=len, reverse=True))
    amount = r"(?P<n>\d{1,3}(?:[ ,.]\d{3})+|\d+(?:\.\d+)?)(?:\s*(?P<mult>million|m|thousand|k)\b)?"
    return [re.compile(rf"(?P<cur>{alts})\s?{amount}", re.I), re.compile(rf"{amount}\s?(?P<cur>{alts})\b", re.I)]


@lru_cache(maxsize=None)
def _currencies() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(pat, re.I), code) for pat, code in load("claims")["currencies"].items())


def _currency(word: str) -> str | None:
    for pat, code in _currencies():
        if pat.fullmatch(word):
            return word.upper() if code == "ISO" else code  # an ISO code names itself
    return None


def _amount(raw: str, mult: str | None) -> float:
    digits = re.sub(r"[ ,]", "", raw)
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", raw):
        digits = raw.replace(".", "")
    v = float(digits)
    return v * {"million": 1e6, "m": 1e6, "thousand": 1e3, "k": 1e3}.get((mult or "").lower(), 1)


def _frame(ctx: DocContext, table: dict[str, tuple[re.Pattern[str], ...]], st: Sentence, pos: int) -> str | None:
    """The frame whose cue stands nearest `pos` in its sentence, else in the sentence before."""
    best = None
    for name, cues in table.items():
        for c in cues:
            for m in c.finditer(ctx.text[st.start:st.end]):
                d = abs(st.start + m.start() - pos)
                if best is None or d < best[0]:
                    best = (d, name)
    if best is not None:
        return best[1]
    i = ctx.sent_index(st.start)
    if i:
        prev = ctx.sents[i - 1]
        for name, cues in table.items():
            if any(c.search(ctx.text[prev.start:prev.end]) for c in cues):
                return name
    return None


def _money_claims(ctx: DocContext) -> list[Claim]:
    out: list[Claim] = []
    frames = frame_patterns("claims", "money")
    for st in ctx.sents:
        seen: list[tuple[int, int]] = []
        for rx in _money_res():
            for m in rx.finditer(ctx.text, st.start, st.end):
                if any(m.start() < b and a < m.end() for a, b in seen):
                    continue
                seen.append(m.span())
                code = _currency(m.group("cur"))
                frame = _frame(ctx, frames, st, m.start())
                if code is None or frame is None:
                    continue
                v = _amount(m.group("n"), m.group("mult"))
                out.append(Claim(topic=f"amount.{frame}", value=f"{code} {as_number(v)}",
                                 evidence=[ctx.doc.span(m.start(), m.end())]))
    return out


@lru_cache(maxsize=None)
def _force_re() -> re.Pattern[str]:
    nouns = "|".join(load("claims")["force_nouns"])
    return fast(re.compile(rf"\b(?P<q>(?:some|about|around|approximately|nearly|almost|more than|over|at least)\s+)?"
                           rf"(?P<n>{NUM})\s+(?:(?:armed|heavily armed|uniformed)\s+)?(?:{nouns})\b", re.I))


# the full stop of a company's or a person's abbreviation does not end the clause: "Golden Ltd. and its workers"
ABBREV_DOT = r"(?:(?<=\bCo)|(?<=\bLtd)|(?<=\bInc)|(?<=\bCorp)|(?<=\bMr)|(?<=\bMs)|(?<=\bDr))\."


@lru_cache(maxsize=None)
def _crowd_re() -> re.Pattern[str]:
    table = load("claims")
    verbs, stop = "|".join(table["crowd_verbs"]), "|".join(table["crowd_stop"])
    return fast(re.compile(rf"\b(?P<q>(?:some|about|around|approximately|nearly|almost|more than|over|at least|up to)\s+)?"
                           rf"(?P<n>{NUM})\s+(?:(?!\b(?:{stop})\b)(?:[^.;]|{ABBREV_DOT})){{0,80}}?\b(?:{verbs})\b", re.I))


def _crowd_claims(ctx: DocContext) -> list[Claim]:
    """How many marched: "about 600 of them set off" against "more than 1,000 workers … marched"."""
    out: list[Claim] = []
    for st in ctx.sents:
        for m in _crowd_re().finditer(ctx.text, st.start, st.end):
            v = value(m.group("n").replace(",", ""))
            if v is None or v < 20 or re.fullmatch(r"(?:19|20)\d\d", m.group("n")):
                continue
            out.append(Claim(topic="crowd.size", value=str(as_number(v)),
                             evidence=[ctx.doc.span(m.start(), m.start("n") + len(m.group("n")))]))
    return out


def _force_claims(ctx: DocContext) -> list[Claim]:
    rx = _force_re()
    out: list[Claim] = []
    for st in ctx.sents:
        for m in rx.finditer(ctx.text, st.start, st.end):
            v = value(m.group("n").replace(",", ""))
            if v is None or v < 20 or re.fullmatch(r"(?:19|20)\d\d", m.group("n")):
                continue  # "three police officers" is a detail, "March 2026 police" a date, not a force
            out.append(Claim(topic="force.size", value=str(as_number(v)), evidence=[ctx.doc.span(m.start(), m.end())]))
    return out


def _year_claims(ctx: DocContext, persons: list[Mention]) -> list[Claim]:
    """ "jailed in 2015 on hooliganism charges" against "his 2014 conviction": a year of an earlier event."""
    out: list[Claim] = []
    frames = frame_patterns("claims", "years")
    now = ctx.anchor.year if ctx.anchor else None
    for st in ctx.sents:
        for ym in re.finditer(r"\b(?:19|20)\d{2}\b", ctx.text[st.start:st.end]):
            y = int(ym.group(0))
            pos = st.start + ym.start()
            if now is not None and y > now - 2:
                continue
            frame = None
            for name, cues in frames.items():
                if any(c.search(ctx.text[st.start:st.end]) for c in cues):
                    frame = name
                    break
            if frame is None:
                continue
            subj = None
            if frame == "earlier_conviction":
                before = [p for p in persons if p.evidence.start < pos and p.evidence.start >= st.start]
                prev_i = ctx.sent_index(st.start)
                if not before and prev_i:
                    prev = ctx.sents[prev_i - 1]
                    before = [p for p in persons if prev.start <= p.evidence.start < prev.end]
                if not before:
                    continue
                subj = before[-1].name
            out.append(Claim(topic=f"year.{frame}", subject=subj, value=ym.group(0),
                             evidence=[ctx.doc.span(pos, pos + 4)], date=ym.group(0)))
    return out
