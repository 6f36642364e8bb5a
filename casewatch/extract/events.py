"""The steps of a case (arrest, charge, trial, sentence, release …) and the day of each.

Cue phrases come from data/events.yaml and data/cues.yaml; this module only decides which sentence and
clause they belong to, and which date.
"""
from __future__ import annotations

import re
from datetime import date

from ..model import Event
from .context import BACKGROUND, LIST_LINE, QUOTED, DocContext, Sentence, clause_of, clauses, end_point
from .data import cue, cue_table
from .dates import MON, DateMention, parse_iso
from .gazetteer import is_country

POSSESSIVE = re.compile(r"['’]s\b")
PARTICIPLE = re.compile(r"\w+ing\b")
UNTIL_AFTER = re.compile(r"\s+(?:\w+\s+){0,3}?until\b", re.I)  # "was not released until 20 February": it happened then
CLAUSE_END = re.compile(r"[,;]")
# inside the cue: "was not detained", "were never charged"; "pleaded not guilty", "found not guilty" are told
UNTOLD = re.compile(r"\b(?:not|never)\b(?!\s+guilty\b)", re.I)
COUNTERFACTUAL = re.compile(r"\b(?:should|would|could|might|must)\s+(?:never\s+|not\s+)?have\s+(?:been\s+)?\S*$", re.I)
STATE_SINCE = re.compile(r"\s+(?:ever\s+)?since\b", re.I)  # "has been detained since that date": a state, not a step
AFTER_EVENT = re.compile(r"\b(?:following|after|during|at)\s+(?:the\s+)?(?:being\s+)?(?P<what>protest|rally|demonstration|arrest|arrests|detention|apprehended|detained|trial|hearing)\b", re.I)
# a sitting of a court, and the orders that end one: an adjournment, a remand, bail, told right after a sitting's
# sentence without a day of their own, are that sitting's ("On 1 November they were arraigned … The case was adjourned
# to 24 January"; "… charged at the Sessions Court on 21 May. All five were released on bail")
SITTINGS = {"hearing", "trial_opened", "charge", "verdict", "sentence", "appeal"}
SITTING_ENDS = {"hearing_postponed", "pretrial_detention", "measure_extended", "release", "house_arrest"}
SEQUENCE = re.compile(r"\b(?:shortly afterwards|subsequently|afterwards|then|later)\b", re.I)


def find_events(ctx: DocContext) -> list[Event]:
    text = ctx.text
    table = cue_table("events")
    out: list[Event] = []
    narrative: DateMention | None = None
    narrative_sent = -2
    by_type: dict[str, Event] = {}
    last_event: Event | None = None
    told_before: set[tuple[str, str]] = set()  # the dated steps the sentence before told
    ruling_day = next((ctx.doc.span(dm.start, dm.end) for st in ctx.sents for dm in st.dates
                       if dm.value == ctx.doc.published), None)
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
                        or cue("cues", "object_of").search(text[max(st.start, m.start() - 60):m.start()]) \
                        or _requested(text, st.start, m):
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
            # a date after "until" is where a measure runs to, unless the cue leads into it ("remained in custody until")
            dates = [dm for dm in dates if not end_point(text, st.start, dm)
                     or (m.group(0)[-5:].lower() == "until" and 0 <= dm.start - m.end() <= 12)]
            dm = _nearest_date(dates, m.start(), m.end(), background, bg_at.start() if bg_at else None, text)
            inferred = ruling = False
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
                k = idx - 1  # the line a list of items hangs from ("the court decides:\n(a) A is convicted …")
                while k > 0 and all(LIST_LINE.match(text, ctx.sents[j].start) for j in (k, k + 1)):
                    k -= 1
                prev = ctx.sents[k] if idx > 0 else st
                ruling = src is None and ctx.doc.published and cue("cues", "operative").search(text, prev.start, st.end)
                if ruling:
                    d = ctx.doc.published  # "… are hereby DENIED. They shall remain …": the ruling speaks on its date
                inferred = d is not None and not ruling
                if close and etype in SITTING_ENDS and any(t in SITTINGS and dd == d for t, dd in told_before):
                    inferred = False  # "On 1 November they were arraigned … The case was adjourned to 24 January": that sitting's day
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
            evidence = [ctx.doc.span(st.start, st.end)]
            if ruling and ruling_day:
                evidence.append(ruling_day)  # where the ruling's own date is written ("Date: … [17 October 2023]")
            ev = Event(type=etype, date=d, date_end=d_end, evidence=evidence,
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
                # "extended their detention by three months in August and by another three months on 18 November":
                # the verb told again by its complement alone, with a day of its own, is a second step
                for dm2 in st.dates:
                    if m.start() < dm.start and dm2.start > dm.end and dm2.value != d and \
                            ELLIPTIC_AGAIN.fullmatch(text, dm.end, dm2.start) and \
                            not any(dm.end <= m2.start() < dm2.start + 40 for _, m2 in found) and \
                            not VERB_AFTER_DAY.match(text, dm2.end) and \
                            dm2.value not in {e.date for e, _ in sent_events if e.type == etype}:
                        ev2 = Event(type=etype, date=dm2.value, evidence=[ctx.doc.span(st.start, st.end)],
                                    summary=ev.summary, status=ev.status)
                        sent_events.append((ev2, ev_bg))
                        out.append(ev2)
                        break
        told_before = {(ev.type, ev.date) for ev, bg in sent_events if not bg and ev.date and not ev.date_inferred}
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


# what joins a step's day to a second day of the same step, the verb left out: "… in August and by another three
# months on 18 November", "… on 3 May and again on 10 June"
ELLIPTIC_AGAIN = re.compile(r",?\s+and\s+(?:(?:again|then|later|by|for|another|a|an|further|second|third|once|more|"
                            r"\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|days?|weeks?|months?|years?)\s+)*"
                            r"(?:on|in)\s+(?:the\s+)?", re.I)


# a verb right after the second day makes the day that verb's ("… in October 2018 and on 29 April 2019 fined him")
VERB_AFTER_DAY = re.compile(r",?\s+(?:(?:he|she|they|it|the\s+\w+)\s+)?\w+(?:ed|en)\b|,?\s+(?:he|she|they)\b", re.I)


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


PARA_QUOTED = re.compile(r"“[^”\n]{20,}?”|\"[^\"\n]{20,}?\"")


SPEECH_TAIL = re.compile(r"[”\"]\s*,?\s*(?:he|she|they|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)\s+(?:said|says|told|added|stated)\b")


QUOTE_REACH = 3000


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
    _, b = clause_of(clauses(text, st.start, st.end, dashes=False), pos)
    return bool(cue("cues", "hypothetical").search(text, st.start, min(b, pos + 30))) and \
        bool(re.search(r"\b(?:if|could|would|might)\b", text[st.start:min(b, pos + 30)], re.I))


def _requested(text: str, s: int, m: re.Match[str]) -> bool:
    """A step asked for, not taken: "asked the court to sentence each of them", "urged the court to release him"."""
    lead = 3 if m.group(0)[:3].lower() == "to " else 0  # a cue that opens with the "to" of the request
    return bool(cue("cues", "requested_step").search(text, max(s, m.start() - 80), m.start() + lead))


def _is_title(ctx: DocContext, st: Sentence) -> bool:
    title = (ctx.doc.title or "").rstrip("…").strip()
    if st.start > 800:
        return False
    line = ctx.text[st.start:st.end].strip().lstrip("#").strip()
    if st.start < 800 and "\n" not in line and len(line) < 200 and not line.endswith((".", "”", '"', ";")) \
            and not LIST_LINE.match(line):  # an item of a list ("(a) A is convicted …;") is no headline
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


ON_DATE = re.compile(r"\s*(?:on|in)\s+(?:the\s+)?$", re.I)
# a date another verb leads into ("Those arrested on 20 June were placed in detention … on 22 June"): that verb's
OTHER_VERB_ON = re.compile(r"\b[a-z]+ed\s+(?:on|in)\s+(?:the\s+)?$")


def _nearest_date(dates: list[DateMention], s: int, e: int, background: bool, bg_pos: int | None,
                  text: str = "") -> DateMention | None:
    """The date nearest the cue; one the cue leads straight into ("… and released on 3 June") before any other
    ("detained on 25 May and released on 3 June": the release is the 3rd)."""
    best, bd = None, 10 ** 9
    for dm in dates:
        in_bg = bg_pos is not None and dm.start > bg_pos
        if in_bg and not background:
            continue
        dist = s - dm.end if dm.end <= s else (dm.start - e if dm.start >= e else 0)
        if text and dm.start >= e and dm.start - e <= 12 and ON_DATE.fullmatch(text, e, dm.start):
            dist = -1
        elif text and dm.end <= s and OTHER_VERB_ON.search(text, max(0, dm.start - 24), dm.start):
            dist += 1000  # another verb's date: this cue's only where it has none nearer of its own
        if dist < bd:
            best, bd = dm, dist
    return best


def _summary(sentence: str) -> str:
    s = re.sub(r"\s+", " ", sentence).strip()
    return s if len(s) <= 240 else s[:237] + "…"
