"""Values a report states, as claims of a kind about a subject (data/values.yaml).

Kinds: `age`, `term` (a prison term, in months), `duration` (a length of time held or endured, in days),
`amount` (money, with its currency), `facility` (where a person is held), `count` (things that are not
people: "nine followers").  The subject is the person the sentence ties the value to (the name right
next to an age; else the last person named before the value in its sentence, or the person a pronoun
opening the sentence stands for), or the case where no person is named.  Each claim's evidence is the
whole sentence, so a reader sees what the value is about.  casefile/claims.py compares them.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..model import Claim, Figure, Mention, Provision
from ..model.names import person_key
from .data import load
from .facilities import prison_after
from .numbers import NUM, value
from .prefilter import fast
from .spans import ByStart

# people who speak about a case rather than undergo it: an age or a bail amount next to them is another's
VOICES = {"official", "lawyer", "advocate", "expert"}
PRONOUN_START = re.compile(r"^\W*(?:He|She|His|Her)\b")
# a clause whose subject is a pronoun after an opening phrase: "In August 2019, after eight months on remand, she was …"
PRONOUN_SUBJECT = re.compile(r",\s+(?:she|he)\s+(?:was|is|had|has|were|spent|remained|remains)\b")
ACCUSED = {"defendant", "detainee"}
# a description standing for a person named before: "the 32-year-old rapper", "The defendant"
DESCRIPTION_START = re.compile(r"^\W*The\s+(?:\d{2}-year-old|defendant|accused|detainee)\b")
ENDED = "_ended"  # the frame of a length told as over ("remand_ended")
HELD_IN = frozenset(["prison", "jail", "centre", "center", "institution", "colony", "camp", "penitentiary", "facility"])
PARTICIPLE_START = re.compile(r"\s*(?:and\s+)?(?:(?:has|have|had)\s+been\s+|is\s+|are\s+|was\s+|were\s+)?"
                              r"(?:detained|held|remanded|jailed|imprisoned|kept|serving)\b", re.I)
SUBJECTLESS = re.compile(r"\W*(?:currently|now|still|presently)\s+(?:being\s+)?(?:detained|held|jailed|imprisoned|kept)\b", re.I)
HANDED = re.compile(r"\b(?:sentenced\s+to|given|jailed\s+for|got|received)\s+(?:a\s+)?$", re.I)  # a term imposed, just before it
CLAUSE_CUT = re.compile(r";|\bwhile\b|\bwhereas\b|,\s+but\b")
# a number restated in brackets, as judgments and orders write them: "two (2) years", "4 (four) years"
SAID_AGAIN = rf"(?:\s*\((?:\d{{1,3}}|{NUM})\))?"
TERM_RE = re.compile(
    rf"\b(?P<y>{NUM}){SAID_AGAIN}[\s-]+years?(?!-?\s?old\b)(?:['’]s?)?(?:\s*,?\s*(?:and\s+)?(?P<m>{NUM}){SAID_AGAIN}[\s-]+months?)?"
    rf"|\b(?P<mo>{NUM}){SAID_AGAIN}[\s-]+months?\b", re.I)
DURATION_RE = re.compile(rf"\b(?P<n>{NUM}){SAID_AGAIN}[\s-]+(?P<unit>days?|weeks?|months?)\b", re.I)
AMOUNT = r"(?P<n>\d{1,3}(?:[ ,.]\d{3})+|\d+(?:\.\d+)?|(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|a|one hundred)\b)"


@lru_cache(maxsize=None)
def _spec() -> dict:
    return load("values")


@lru_cache(maxsize=None)
def _compiled() -> dict:
    sp = _spec()
    c = lambda pats: [fast(re.compile(p, re.I)) for p in pats]  # noqa: E731
    cur = sp["amount"]["currencies"]
    alts = "|".join(sorted(cur, key=len, reverse=True))
    mult = "|".join(sorted(sp["amount"]["multipliers"], key=len, reverse=True))
    amount = rf"{AMOUNT}(?:\s*(?P<mult>{mult})\b)?"
    return {
        "age_after": c(sp["age"]["after_name"]), "age_before": c(sp["age"]["before_name"]),
        "age_clause": c(sp["age"]["in_clause"]) + [anaphor := re.compile(sp["age"]["anaphor"], re.I)],
        "age_anaphor": anaphor,
        "term_cue": c(sp["term"]["cues"]), "term_frames": {k: c(v) for k, v in sp["term"]["frames"].items()},
        "duration_frames": {k: c(v) for k, v in sp["duration"]["frames"].items()},
        "duration_ended": c(sp["duration"]["ended_before"]),
        "duration_whole": re.compile(sp["duration"]["ended_compound"], re.I),
        "duration_ended_after": c(sp["duration"]["ended_after"]),
        "amount_frames": {k: c(v) for k, v in sp["amount"]["frames"].items()},
        "money": [fast(re.compile(rf"(?P<cur>{alts})\s?{amount}", re.I)),
                  fast(re.compile(rf"{amount}\s?(?:\(\w[^)]{{0,30}}\)\s?)?(?P<cur>{alts})(?![\w$])", re.I))],
        "currencies": [(re.compile(p, re.I), code) for p, code in cur.items()],
        "facility_verbs": c(sp["facility"]["verbs"]), "facility_moves": c(sp["facility"]["moves"]),
        "facility_to": c(sp["facility"]["verbs_to"]), "facility_after": c(sp["facility"]["verbs_after"]),
        "facility_moved_before": c(sp["facility"]["moves_before"]),
        "count": fast(re.compile(rf"(?<![\d,.])\b(?P<n>{NUM})\s+(?:(?:more|other|further|of\s+the)\s+)?(?P<noun>{'|'.join(sp['count_nouns'])})\b", re.I)),
        "count_same": {w: k for k, ws in sp.get("count_same", {}).items() for w in ws},
        "update": {k: c(v) for k, v in sp["update"].items()},
        "time_frames": {k: c(v) for k, v in sp["time"]["frames"].items()},
        "time_approx": c(sp["time"]["approximate"]), "pm_words": frozenset(sp["time"]["pm_words"]),
        "am_words": frozenset(sp["time"]["am_words"]),
        "deaths": c([p.replace("NUM", NUM) for p in sp["deaths"]]),
    }


# a time of day: "10:30 pm", "9pm", "5:00 a.m.", "at 22:30", "4 de la madrugada"
TIME_RE = re.compile(r"(?<![\d:.])(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<m>[0-5]\d))?\s*(?P<ap>[ap])\.?\s?m\b\.?"
                     r"|\bat\s+(?P<h24>[01]?\d|2[0-3])[:h](?P<m24>[0-5]\d)\b(?!\s*[ap]\.?\s?m\b)"
                     r"|\b(?P<hw>1[0-2]|[1-9])(?::(?P<mw>[0-5]\d))?\s+(?:de\s+la|du|in\s+the)\s+(?P<part>\w+)", re.I)


def _time_of_day(m: re.Match[str], pm_words: frozenset[str], am_words: frozenset[str]) -> int | None:
    """Minutes after midnight of a TIME_RE match, or None where its words name no part of the day."""
    if m.group("h"):
        h = int(m.group("h")) % 12 + (12 if m.group("ap").lower() == "p" else 0)
        return h * 60 + int(m.group("m") or 0)
    if m.group("h24"):
        return int(m.group("h24")) * 60 + int(m.group("m24"))
    part = m.group("part").casefold()
    if part not in pm_words | am_words:
        return None
    return (int(m.group("hw")) % 12 + (12 if part in pm_words else 0)) * 60 + int(m.group("mw") or 0)


def _nearest(dated: list[tuple[int, str]], pos: int) -> str:
    """Of a sentence's dates (where written, ISO value), the one written nearest to `pos`."""
    return min(dated, key=lambda x: abs(x[0] - pos))[1]


def _number(raw: str) -> float | None:
    raw = raw.strip()
    if re.fullmatch(r"\d{1,3}(?:[ ,]\d{3})+", raw):
        return float(re.sub(r"[ ,]", "", raw))
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", raw):
        return float(raw.replace(".", ""))
    return value(raw) if raw.lower() not in ("a", "an") else 1.0


def amount_value(raw: str, mult: str | None, currency: str) -> tuple[str, float]:
    """("10", "billion", "tomans") -> ("IRR", 1e11): the amount in a currency every report can be compared in."""
    sp = _spec()["amount"]
    v = (_number(raw) or 0.0) * sp["multipliers"].get((mult or "").lower(), 1)
    code = next((c for rx, c in _compiled()["currencies"] if rx.fullmatch(currency)), currency.upper())
    if code in sp.get("fixed_rates", {}):
        code, rate = sp["fixed_rates"][code]
        v *= rate
    return code, v


def _frame(frames: dict[str, list[re.Pattern[str]]], text: str, pos: int) -> str | None:
    """The frame whose cue stands nearest `pos` in `text`."""
    best = None
    for name, pats in frames.items():
        for p in pats:
            for m in p.finditer(text):
                d = abs(m.start() - pos)
                if best is None or d < best[0]:
                    best = (d, name)
    return best[1] if best else None


class _Subjects:
    """Who a value in a sentence is about."""

    def __init__(self, persons: list[Mention], text: str):
        self.persons = persons
        self.people = sorted((p for p in persons if not (VOICES & set(p.roles))), key=lambda p: p.evidence.start)
        self.text = text
        self.held: set[str] | None = None

    def at(self, s: int, e: int, pos: int) -> Mention | None:
        # the clause the value stands in ("the men are held at A; the women, including X, at B")
        cuts = [m.end() for m in CLAUSE_CUT.finditer(self.text, s, e) if m.end() <= pos]
        s0, s = s, max([s] + cuts)
        nxt = [m.start() for m in CLAUSE_CUT.finditer(self.text, pos, e)]
        e = min([e] + nxt)
        before = [p for p in self.people if s <= p.evidence.start < pos]
        if not before and cuts and PARTICIPLE_START.match(self.text, s, pos):
            # a clause with no subject of its own ("NAME - academic; detained at X since 2018"): the one before
            before = [p for p in self.people if s0 <= p.evidence.start < pos]
        if before:
            return before[-1]
        # the person the clause opens with is its subject, whatever the report calls them ("X, a lawyer, was given
        # 28 years": a lawyer in the dock)
        opening = [p for p in self.persons if s <= p.evidence.start < pos and not self.text[s:p.evidence.start].strip(" \t\n\"“(")]
        if opening:
            return opening[0]
        here = [p for p in self.people if s <= p.evidence.start < e]
        if len({p.name for p in here}) == 1:
            return here[0]
        if not here and (PRONOUN_START.match(self.text[s:e]) or PRONOUN_SUBJECT.search(self.text, s, e)):
            # a pronoun stands for the accused named last, where the report names one; else the last person named
            held = self.held_before(s)
            if held is not None:
                return held
            prev = [p for p in self.people if p.evidence.end <= s and s - p.evidence.end < 600]
            return prev[-1] if prev else None
        return None

    def held_before(self, pos: int) -> Mention | None:
        """Whom a description without a name stands for ("the 71-year-old defender", "The defendant was present,
        aged 26"): the last person named before it whose name the report gives an accused or held person."""
        if self.held is None:  # the words of the accused's names, worked out once per report
            self.held = {w for p in self.persons if ACCUSED & set(p.roles) for w in person_key(p.name)}
        prev = [p for p in self.people if p.evidence.end <= pos and pos - p.evidence.end < 3000
                and self.held & set(person_key(p.name))]
        if not prev:
            # a report that has not yet said who is accused or held ("Police arrested A … The 32-year-old physician
            # was among 17 arrested"): the person named last, close before
            prev = [p for p in self.people if p.evidence.end <= pos and pos - p.evidence.end < 600]
        return prev[-1] if prev else None


# a penalty the law sets, not one imposed: "carry up to six years", "punishable by ten years", "could face"
MAXIMUM = re.compile(r"\b(?:up\s+to|maximum|max\.|not\s+exceeding|punish\w*|carr(?:y|ies|ying)|face[sd]?|facing|prospect\s+of|risk\w*|"
                     r"could\s+(?:get|receive))\b[^.;]{0,40}$"
                     # a range's upper end: "between three and eight years", "from five to ten years" (not "a lawyer
                     # from the city, was given 28 years")
                     r"|\b(?:between|from)\s+[\w.,()-]+(?:\s+[\w.,()-]+)?\s+(?:and|to)\s+$", re.I)
# the same, told by the law's own verbs further back in the clause: "Section 112, which punishes anyone who defames,
# insults or threatens the King … with three to fifteen years", "may be sentenced to not less than ten years"
LAW_PENALTY = re.compile(r"\b(?:punish\w*|carr(?:y|ies)|provides?\s+for|prescrib\w+|liable\s+to|"
                         r"may\s+be\s+(?:sentenced|punished|imprisoned))\b[^.;]{0,160}$", re.I)
# the term a fine turns into if unpaid: "in default to suffer simple imprisonment for one month more"
IN_DEFAULT = re.compile(r"\bin\s+default\b[^.;]{0,60}$", re.I)
REQUESTED = re.compile(r"\b(?:sought|seeking|seeks|asked\s+(?:the\s+court\s+)?for|requested|demanded|proposed)\b[^.;]{0,40}$", re.I)
# an amount written in brackets after another, as its value in a second currency or in words ("GH¢150,000.00 (One
# Hundred and Fifty Thousand Ghana Cedis)": the words read from "Fifty")
CONVERSION = re.compile(r"[\d\w]\s*\(\s*(?:(?:approximately|approx\.?|about|around|roughly|some|nearly|almost|"
                        r"equivalent\s+to|c\.|ca\.|~|≈|or)\s*)?(?:(?:\w+ty|one|two|three|four|five|six|seven|eight|"
                        r"nine|ten|eleven|twelve|\w+teen|hundred|thousand|million|billion|and)[\s-]+){0,8}$", re.I)
AS_OF = re.compile(r"\b(?:at\s+the\s+time|when|then|turned|at\s+(?:his|her)\s+arrest)\b", re.I)


def find_values(doc, sents: list[tuple[int, int]], persons: list[Mention],
                dates_in=lambda s, e: [], provisions: list[Provision] = ()) -> list[Claim]:
    """`dates_in(start, end)`: the ISO dates a sentence gives, each with where it is written (an age "at the time of
    his arrest" is of then; a time of day is of the day written nearest to it);
    `provisions`: the articles the text cites (a maximum penalty is the cited article's)."""
    text = doc.text
    cp = _compiled()
    subjects = _Subjects(persons, text)
    out: list[Claim] = []
    by_start = ByStart(persons)

    def add(kind: str, frame: str | None, subj: Mention | None, val: str, s: int, e: int, upd_kind: str | None = None,
            as_of: str | None = None) -> None:
        sent = text[s:e]
        upd = bool(upd_kind and any(p.search(sent) for p in cp["update"].get(upd_kind, [])))
        out.append(Claim(topic=f"{kind}.{frame}" if frame else kind, value=val, subject=subj.name if subj else None,
                         evidence=[doc.span(s, e)], update=upd, date=as_of))

    for k, (s, e) in enumerate(sents):
        sent = text[s:e]
        prev = text[sents[k - 1][0]:sents[k - 1][1]] if k else ""
        # ages, tied to the name beside them
        ages: set[int] = set()
        told: dict[int, Mention] = {}  # where an age is written -> whose it is, the apposition after a name first
        here = by_start.within(s, e)
        for p in here:
            after = text[p.evidence.end:min(e, p.evidence.end + 40)]
            m = next((x for rx in cp["age_after"] if (x := rx.match(after))), None)
            if m:
                told.setdefault(p.evidence.end + m.start("n"), p)
        for p in here:
            before = text[max(s, p.evidence.start - 60):p.evidence.start]
            m = next((x for rx in cp["age_before"] if (x := rx.search(before))), None)
            if m:
                told.setdefault(max(s, p.evidence.start - 60) + m.start("n"), p)
        dated = dates_in(s, e)
        days = [d for _, d in dated if len(d) == 10]
        as_of = max(days) if days and AS_OF.search(sent) else None
        for pos, p in sorted(told.items()):
            n = int(text[pos:pos + 2])
            if 10 <= n <= 99:
                add("age", None, p, str(n), s, e, as_of=as_of)
                ages.add(n)
        for rx in cp["age_clause"]:
            for m in rx.finditer(sent):
                n = int(m.group("n"))
                subj = subjects.at(s, e, s + m.start())
                if subj is None and (DESCRIPTION_START.match(sent) or rx is cp["age_anaphor"]):
                    subj = subjects.held_before(s + m.start())
                if subj is not None and n not in ages and 10 <= n <= 99:
                    add("age", None, subj, str(n), s, e, as_of=as_of)
                    out[-1].update = m.group(0).casefold().startswith("turned")  # "turned 71 in April": a birthday
                    ages.add(n)
        # prison terms
        if any(rx.search(sent) for rx in cp["term_cue"]):
            for m in TERM_RE.finditer(sent):
                handed = HANDED.search(sent[max(0, m.start() - 30):m.start()])  # "given 28 years after being found guilty"
                if (re.match(r"\s*(?:old|of age|ago|later|earlier|before|after)\b", sent[m.end():m.end() + 12]) and not handed) or \
                        re.search(r"\b(?:aged|age of|since|for the past|in the past|over the past|within)\s*$", sent[:m.start()]):
                    continue
                months = _months(m)
                if not months:
                    continue
                near = sent[max(0, m.start() - 60):m.end() + 40]
                if not any(rx.search(near) for rx in cp["term_cue"]):
                    continue  # "has done for five years what …": a time, not a term
                lead = sent[max(0, m.start() - 50):m.start()]
                if re.search(r"\b(?:combined|total\s+of|aggregate)\s+(?:of\s+)?$", lead, re.I):
                    continue  # "sentenced A, B and C to a combined 21 years": the sum of several terms, nobody's own
                if IN_DEFAULT.search(sent[max(0, m.start() - 80):m.start()]):
                    continue  # "a fine of Tk. 10,000, in default to suffer imprisonment for 1 (one) month": unpaid-fine term
                if REQUESTED.search(lead):
                    continue  # "the prosecutor sought two years and eleven months": asked, not imposed
                if MAXIMUM.search(lead) or LAW_PENALTY.search(sent[max(0, m.start() - 200):m.start()]):
                    # the penalty an article sets: its subject is the article the sentence cites
                    cited = [p for p in provisions if p.evidence and s <= p.evidence[0].start < e
                             and "(" not in (p.part or "")]
                    if len({(p.instrument, p.article) for p in cited}) == 1:
                        out.append(Claim(topic="term.maximum", value=_fmt_months(months),
                                         subject=f"{cited[0].instrument}:{cited[0].article}", evidence=[doc.span(s, e)]))
                    continue
                frame = _frame(cp["term_frames"], sent, m.start())
                add("term", frame, subjects.at(s, e, s + m.start()), _fmt_months(months), s, e, "term")
        # lengths of time held or endured
        for m in DURATION_RE.finditer(sent):
            # the first kind of time the data lists that the sentence names ("incommunicado and in solitary
            # confinement for three months" is solitary confinement), else none
            frame = next((k for k, pats in cp["duration_frames"].items() if any(p.search(sent) for p in pats)), None)
            if frame is None or re.search(r"\b(?:sentenc\w*|term|imprisonment|probation)\b", sent[max(0, m.start() - 40):m.end() + 20], re.I):
                continue
            n = value(m.group("n"))
            if not n:
                continue
            days = n * {"day": 1, "week": 7, "month": 30}[m.group("unit").lower().rstrip("s")]
            lead = sent[max(0, m.start() - 40):m.start()]
            if any(rx.search(lead) for rx in cp["duration_ended"]) or \
                    cp["duration_whole"].match(sent, m.end("n"), m.end("n") + 30) or \
                    any(rx.search(sent[m.end():]) for rx in cp["duration_ended_after"]):
                frame += ENDED  # a length that is over: it no longer grows between reports, nor is it a change
            add("duration", frame, subjects.at(s, e, s + m.start()), f"{days:g} days", s, e,
                None if frame.endswith(ENDED) else "duration")
        # money
        seen: list[tuple[int, int]] = []
        for rx in cp["money"]:
            for m in rx.finditer(sent):
                if any(m.start() < b and a < m.end() for a, b in seen) or _number(m.group("n")) in (None, 0.0):
                    continue
                seen.append(m.span())
                if CONVERSION.search(sent, max(0, m.start() - 40), m.start()):
                    continue  # "150,000 roubles (approximately 1,550 euros)": a conversion, the first amount is told
                # "She ordered the 22 to pay US$100 each": the cue may stand in the sentence before
                frame = _frame(cp["amount_frames"], sent, m.start()) or _frame(cp["amount_frames"], prev, len(prev))
                if frame is None:
                    continue
                code, v = amount_value(m.group("n"), m.group("mult"), m.group("cur"))
                add("amount", frame, subjects.at(s, e, s + m.start()), f"{code} {v:,.0f}", s, e, "amount")
        # the time of day of a step on a day the sentence dates, or that a sentence just before dates ("On 13
        # December the court bailed him. At around 3 pm he was re-arrested outside the court")
        on = [(pos, d) for pos, d in dated if len(d) == 10]
        if not on and k and not dated and TIME_RE.search(sent):
            on = [(s, d) for _, d in dates_in(*sents[k - 1]) if len(d) == 10][-1:]
        if on and (frame := next((k for k, pats in cp["time_frames"].items() if any(p.search(sent) for p in pats)), None)):
            for m in TIME_RE.finditer(sent):
                minutes = _time_of_day(m, cp["pm_words"], cp["am_words"])
                if minutes is not None:
                    approx = any(rx.search(sent[max(0, m.start() - 30):m.start()]) for rx in cp["time_approx"])
                    add("time", frame, subjects.at(s, e, s + m.start()),
                        f"{'~' if approx else ''}{minutes // 60:02d}:{minutes % 60:02d}", s, e,
                        as_of=_nearest(on, s + m.start()))
                    break
        # the dead of the case
        for rx in cp["deaths"]:
            m = rx.search(sent)
            n = value(m.group("n")) if m else None
            if n is not None and n >= 2:
                told = [(pos, d) for pos, d in dated if len(d) >= 7]  # the dead of which month
                add("count", "deaths", None, f"{n:g}", s, e, "count",
                    as_of=_nearest(told, s + m.start())[:7] if told else None)
                break
        # counts of things and of the groups a case counts ("114 protesters", "32 minors")
        for m in cp["count"].finditer(sent):
            n = value(m.group("n"))
            if n is not None and n >= 2:
                noun = m.group("noun").lower()
                add("count", cp["count_same"].get(noun, noun), None, f"{n:g}", s, e)
    return out


def find_facilities(doc, sents: list[tuple[int, int]], persons: list[Mention], places: list[Mention],
                    dates_in=lambda s, e: []) -> list[Claim]:
    """"X is held at Evin prison": where a person (or the group of the case) is held, by the place named after a
    verb of holding; a move ("transferred to") makes it an update."""
    text = doc.text
    cp = _compiled()
    subjects = _Subjects(persons, text)
    out: list[Claim] = []
    for pl in places:
        s0 = pl.evidence.start
        sent = next(((s, e) for s, e in sents if s <= s0 < e), None)
        if sent is None:
            continue
        s, e = sent
        lead = text[max(s, s0 - 80):s0]
        held = any(rx.search(lead) for rx in cp["facility_verbs"] + cp["facility_to"])
        moved = any(rx.search(lead) for rx in cp["facility_moves"]) or \
            (held and any(rx.search(text, s, s0) for rx in cp["facility_moved_before"]))
        where = not (held or moved) and any(rx.match(text, pl.evidence.end, e) for rx in cp["facility_after"])
        if not (held or moved or where):
            continue  # which places are facilities the case file decides, from every name they go by
        if pl.kind == "organization":
            if not set(w.casefold() for w in pl.name.split()) & HELD_IN:
                continue
            pl.kind = "place"  # "held at Tai Lam Centre for Women": a centre people are held in is a place
        if where:  # "…, where she has been held": the pronoun stands for the accused named last
            subj = subjects.held_before(s0)
        else:
            subj = subjects.at(s, e, s0)
            if subj is None and (PARTICIPLE_START.match(text, s) or SUBJECTLESS.match(text, s)):
                subj = subjects.held_before(s)  # "Currently held in the No. 3 Detention Centre." under a name
        # "held at the Norport civil prison": the place's prison, named by the lower-case words after it
        own = prison_after().match(text, pl.evidence.end, e) if pl.kind == "place" else None
        # a move is dated by the day its sentence gives before the place ("On 14 June, A was shifted to B")
        # (the place moved to: "from" names where the person was before)
        when = [d for at, d in dates_in(s, e) if at < s0] if moved and re.search(r"\bto\s+(?:the\s+)?$", lead) else []
        out.append(Claim(topic="facility", value=pl.name + (own.group(0) if own else ""), subject=subj.name if subj else None,
                         evidence=[doc.span(s, e)], update=moved, date=when[-1] if when else None))
    return out


def _months(m: re.Match[str]) -> float | None:
    if m.group("mo"):
        return value(m.group("mo"))
    y = value(m.group("y"))
    if y is None:
        return None
    mo = value(m.group("m")) if m.group("m") else 0
    return y * 12 + (mo or 0)


def _fmt_months(months: float) -> str:
    y, mo = divmod(int(round(months)), 12)
    return f"{y} years {mo} months" if mo and y else (f"{y} years" if y else f"{mo} months")


TOTAL = re.compile(r"\b(?:combined|cumulative|in\s+total|total\s+of|aggregate)\b", re.I)


def term_figures(claims: list[Claim], figures: list[Figure]) -> list[Figure]:
    """Each prison term told (not suspended, not a death sentence) as a sentence_years figure ("six years and
    three months": 6.25), unless the count reader gave that one already."""
    have = {(f.measure, f.value) for f in figures}
    out: list[Figure] = []
    for c in claims:
        if c.topic != "term" or (c.update and any(TOTAL.search(e.quote or "") for e in c.evidence)):
            continue  # a suspended term, a death sentence, a maximum, a sum of terms are not terms to serve
        m = re.fullmatch(r"(?:(\d+) years)?\s*(?:(\d+) months)?", c.value)
        if not m:
            continue
        years = round(int(m.group(1) or 0) + int(m.group(2) or 0) / 12, 2)
        if years and ("sentence_years", years) not in have:
            have.add(("sentence_years", years))
            out.append(Figure("sentence_years", years, list(c.evidence), unit="years"))
    return out
