"""Counts a report gives ("three were released", "all 11 remanded") and terms of years (data/figures.yaml)."""
from __future__ import annotations

import re

from ..model import Figure
from .context import DocContext, clauses
from .data import load
from .dates import M
from .numbers import NUM, value
from .prefilter import fast

# a year written after a month (and day) or after "in", "since" …: a date, not a count ("On 20 June 2014 the …")
YEAR_BEFORE = re.compile(rf"(?:\b{M}(?:\s+\d{{1,2}},?)?|\b(?:in|since|of|by|until|from|during|early|late|mid|end\s+of|"
                         rf"beginning\s+of|start\s+of)|^)[\s-]*$", re.I)


GROUP_RE = None


PENALTY_WORDS = re.compile(r"\b(?:prison|jail|imprisonment|penalty|punishable|carr(?:y|ies)|faces?|fine)\b", re.I)
HELD_WORDS = re.compile(r"\b(?:detention|detained|held|custody|remand(?:ed)?|without\s+charge)\b", re.I)
UP_TO_MONTHS = re.compile(rf"\bup to (?P<n>{NUM}) months\b", re.I)


def _group_re() -> re.Pattern[str]:
    global GROUP_RE
    if GROUP_RE is None:
        # the case's kinds of people, and a nationality's people ("90 Palestinians", "13 Bahrainis")
        peoples = [d + "s" for d in load("names")["demonyms"] if d[-1] in "ni" and not d.endswith("ese")]
        nouns = sorted(set(load("cues")["group_nouns"]) | set(peoples), key=len, reverse=True)
        GROUP_RE = fast(re.compile(
            rf"(?<![\d.,₱$€£¥])\b(?P<num>{NUM})(?![.,]\d)\s+(?P<noun>(?:(?!(?:days?|weeks?|months?|years?)\b)(?!\d)[\w-]+\s+){{0,3}}?(?:{'|'.join(re.escape(n) for n in nouns)}))\b"
            rf"|(?<![\d.,₱$€£¥])\b(?P<num2>{NUM})(?![.,]\d)\s+(?=(?:were|have been|had been|are|remain|of them|(?:\w+ly\s+)?(?:arrested|detained|charged|remanded|released|convicted|sentenced|fined))\b)", re.I))
    return GROUP_RE


def _predicate(between: str) -> bool:
    """Does a cue after a count stand in the count's own verb phrase ("three … were released", "four remain
    in custody") rather than in a participle that only describes the people ("the four others arrested")?"""
    aux = load("figures").get("predicate_between", [])
    return any(re.search(p, between, re.I) for p in aux) and not re.search(r"\b(?:who|which|that|whom)\b", between, re.I)


OTHERS_WITH = re.compile(r"\b(?:she|he|[A-Z][\w'’-]+)\s+(?:and|(?:together|along)\s+with)\s*$")


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
                if OTHERS_WITH.search(text, max(a, ns - 40), ns) and "other" in (m.group("noun") or ""):
                    v += 1  # "She and five other suspects", "arrested A together with 17 other members": one more
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
                        seg = text[max(a, ns - 60):ns]
                        cm = re.search(pat + r"(?:\s+(?:the|all|at least|some|about|around))*\s*$", seg, re.I)
                        if cm:
                            pairs.append((1, len(seg) - cm.end(), measure, ns, ne, v, max(a, ns - 60) + cm.start(), ns))
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
        # a maximum in months, told as a penalty ("a fine of up to S$10,000, imprisonment of up to six months, or
        # both"), not as a time held before charge ("held for up to six months before being charged")
        sent = text[st.start:st.end]
        months = list(UP_TO_MONTHS.finditer(sent))
        if months and PENALTY_WORDS.search(sent) and not HELD_WORDS.search(sent):
            for m in months:
                v = value(m.group("n"))
                if v and v < 12:
                    out.append(Figure("max_sentence_years", round(v / 12, 2), [ctx.doc.span(st.start + m.start(), st.start + m.end())],
                                      unit="years"))
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
