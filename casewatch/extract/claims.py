"""Claims: what each source says on topics where sources may disagree (lengths of detention, fates, amounts,
crowd and force sizes, years of earlier events; cue frames in data/claims.yaml)."""
from __future__ import annotations

import re
from functools import lru_cache

from ..model import Claim, Event, Mention
from .context import DocContext, Sentence, clauses
from .data import cue, frame_patterns, load
from .dates import law_year
from .numbers import NUM, as_number, value
from .people import HARD_ROLES
from .prefilter import fast
from .spans import ByStart

ACTIVE_ARREST = re.compile(r"\b(?:police|officers|agents|authorities|security forces)\s+(?:\w+\s+)?(?:arrested|detained|abducted)\s+", re.I)

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
            if law_year().search(ctx.text, max(st.start, pos - 40), pos):
                continue  # "the Criminal Law Act 1977", "Act, 1960 (Act 29)": a law's year, no step of a life
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
