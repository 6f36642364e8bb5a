"""People, organisations and places named in a document.

spaCy's statistical NER proposes names; our layer (cue words in
data/names.yaml) fixes what it gets wrong in this domain: names in lists,
names after honorifics and titles, acronyms and their expansions, places
after "village of", and nationality words taken for places or people.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import Document
from .facilities import numbered_facilities, prison_after
from .name_forms import _title_words, canonical
from .data import load, word_set
from .gazetteer import is_place
from .name_patterns import (AGE_AFTER, ACRONYM_RE, BOOK_BEFORE, BYLINE_RE, COURT_LEVEL_RE, DATELINE_RE, FACILITY_RE,
    HONORIFIC_RE, HONOR_BEFORE, HONOR_LEAD, JUNK_TAIL, LIST_RE, LO, MATERNAL_RE, MEDIA_RE, MINISTRY_RE, NAME_RE,
    NICKNAME_RE, NUMBERED_CENTRE_RE, ORG_BEFORE, ORG_CUE_RE, ORG_PHRASE_RE, PERSON_AFTER, PLACE_INTRO_RE,
    PLACE_LIST_BEFORE, PLACE_SUFFIX_RE, PLACE_TOKEN, SIGNATURE_RE, TRANSLATION_RE, UN_REF_RE, UP,
    business_re, given_abbreviation_re, known_orgs_re, mandate_re, place_apart_re, place_cue_res, police_body_re,
    possessive_cut, title_honorific_re, title_lead_re, title_res, title_run_re, wrapped_title_re)
from .name_shapes import (address_names, caption_names, caps_listed, connected_names, family_last, line_styles_only,
    listed_with_person_ents, office_line_after, shaped_names)
from .provisions import instruments
from .spans import ByStart


@dataclass
class NameHit:
    kind: str
    start: int
    end: int
    strong: bool = False  # found by a cue, not only by the statistical model
    attrs: dict = field(default_factory=dict)


@lru_cache(maxsize=None)
def _lead_re() -> re.Pattern[str]:
    """Words that open a span before a name and are no part of it: "the", a campaign's "Release A", "Justice for A",
    a court's operative verb ("Declares A B guilty") and a gerund of what is done to people ("Arresting A B and …")."""
    verbs = "|".join(load("names")["operative_verbs"] + load("names")["name_gerunds"])
    return re.compile(rf"^(?:the|The)\s+|^(?:Release|Free|Freedom for|Justice for|Drop|Stop|{verbs})\s+"
                      rf"(?=[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){{0,3}}$)")


def _clean_span(text: str, s: int, e: int, keep_possessive: bool = False) -> tuple[int, int]:
    seg = text[s:e]
    sep = re.search(r"\s+[·•|–—-]\s+", seg)  # "Harare Ledger · Courts", "X - Defendant": a separator ends the name
    if sep:
        e = s + sep.start()
        seg = text[s:e]
    # "Qanater Women's Prison", "Urumqi Municipal People's Court": a facility's or a body's name holds a possessive
    # (a capitalised word after it); elsewhere one ends the name
    cut = re.search(r"\s*\(" if keep_possessive else possessive_cut(), seg)
    if cut:
        e = s + cut.start()
    seg = text[s:e]
    m = _lead_re().match(seg)
    if m:
        s += m.end()
    seg = text[s:e]
    m = title_lead_re().match(seg)
    if m:  # "Barrister Felix Agbor", "Justice Marie Abomo": the title stands before the name, it is not part of it
        s += m.end()
        seg = text[s:e]
    m = re.search(r"(?:’s|'s|’|')$", seg)
    if m:
        e -= len(m.group(0))
    while e > s and text[e - 1] in " ,.;:(":
        e -= 1
    return s, e


def _tokens(name: str) -> list[str]:
    return [t for t in re.split(r"\s+", name) if t]


def _place_first(toks: list[str]) -> bool:
    return toks[0].casefold() in word_set("names", "place_heads_first")


def looks_like_person(name: str) -> bool:
    toks = _tokens(name)
    if not toks or len(toks) > 5:
        return False
    orgw = word_set("names", "org_words")
    notp = word_set("names", "not_person")
    dem = word_set("names", "demonyms")
    titles = word_set("names", "titles")
    months = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
              "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
    if toks[-1].casefold() in word_set("names", "place_heads") | word_set("names", "place_name_ends") or \
            (len(toks) > 1 and _place_first(toks)):
        return False  # "Pishchalauski Castle", "Taksim Square", "Largo da Independência": a place
    if len(toks) > 1 and toks[-1] in _law_ends():
        return False  # "Islamic Penal Code": a law's name
    if len(toks) > 1 and is_place(name):
        return False  # a city, a region or a country of the gazetteer, whole: "Shahin Shahr"
    for t in toks:
        if re.search(r"\w\.\w", t):
            return False
        f = t.casefold().strip(".,")
        if f in orgw or (len(f) > 5 and f.endswith("s") and f[:-1] in orgw) or f in months or any(ch.isdigit() for ch in t):
            return False
    if any(t.casefold() in dem or t.casefold() in titles for t in toks):
        return False
    if all(t.casefold().strip(".") in _title_words() | {"the"} for t in toks):
        return False  # "Jail Warden", "Police Colonel": a title with no name
    if all(t.casefold() in notp for t in toks) or toks[0].casefold() in notp:
        return False
    if len(toks) > 1 and toks[-1].casefold() in notp and re.fullmatch(r"[A-Z]{2,4}s", toks[-1]):
        return False  # "Ngwempisi MPs": a group of members named by their seat
    return toks[0][:1].isupper()


def _joined_persons(text: str, ents: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Two person names the model found with one space between them and no more than five words together are one
    name cut in two: Spanish and Portuguese names carry two given names and two family names."""
    out: list[tuple[str, int, int]] = []
    for label, s, e in sorted(ents, key=lambda x: x[1]):
        if out and label == "PERSON" and out[-1][0] == "PERSON" and text[out[-1][2]:s] == " " \
                and len(text[out[-1][1]:e].split()) <= 5:
            out[-1] = ("PERSON", out[-1][1], e)
            continue
        out.append((label, s, e))
    return out


def find_names(doc: Document, ents: list[tuple[str, int, int]]) -> list[NameHit]:
    """Name mentions with their kind; overlapping proposals are settled here."""
    text = doc.text
    hits: list[NameHit] = []
    orgw = word_set("names", "org_words")
    dem = word_set("names", "demonyms")
    notname = word_set("names", "not_name")
    not_entity = notname | word_set("names", "titles") | {"chair-rapporteur"}

    # 1. lists of names: people unless they hold organisation words
    for m in LIST_RE.finditer(text):
        if PLACE_LIST_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue  # "based in Bacolod City, Negros Occidental": a place and its province
        items = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", m.group("items"))
        pos = m.start("items")
        persons = []
        for it in items:
            k = text.find(it, pos)
            if k < 0:
                continue
            pos = k + len(it)
            hm = re.match(r"(?:Ms|Mr|Mrs)\.?\s+", it)
            s = k + (hm.end() if hm else 0)
            if looks_like_person(text[s:pos]) and len(_tokens(text[s:pos])) >= 2:
                persons.append(NameHit("person", s, pos, strong=True, attrs={"list": (m.start(), m.end())}))
        if len(persons) >= 2:
            hits += persons

    # 2. honorifics
    abbreviations = word_set("names", "inside_abbreviations")
    for m in HONORIFIC_RE.finditer(text):
        s, e = m.span("name")
        if looks_like_person(text[s:e]) and text[s:e].casefold() not in abbreviations:  # not "Sr. Adv."
            hits.append(NameHit("person", s, e, strong=True))

    # 2b. titles written as honorifics: "Counsellor Hisham Farouk Abdel Wahab", "Sheikh Ali Salman"
    for m in title_honorific_re().finditer(text):
        s, e = m.span("name")
        if looks_like_person(text[s:e]):
            hits.append(NameHit("person", s, e, strong=True))

    # 3. acronyms and their expansions; translations in brackets
    for m in ACRONYM_RE.finditer(text):
        long_s, long_e = m.span("long")
        lw = m.group("long")
        # trim leading words that are not part of the name ("On", "The")
        lead = re.match(r"^(?:(?:On|In|The|By|And|Of|At|From)\s+)+", lw)
        if lead:
            long_s += lead.end()
        short = m.group("short")
        initials = "".join(w[0] for w in re.findall(r"[A-Z][\w’'-]*", text[long_s:long_e]))
        nl = text.rfind("\n", long_s, long_e)
        if short[0] != text[long_s] and not initials.startswith(short[0]) and nl >= 0 and text[nl + 1] == short[0]:
            long_s = nl + 1  # "… defender Chim Sophea\n\nWorkers' Defence International (WDI)": the name opens its line
        elif short[0] != text[long_s] and not initials.startswith(short[0]):
            continue
        kind = "place" if re.search(r"\b(Region|Province|Republic|Oblast)\b", text[long_s:long_e]) else "organization"
        hits.append(NameHit(kind, long_s, long_e, strong=True, attrs={"acronym": short}))
        hits.append(NameHit(kind, m.start("short"), m.end("short"), strong=True, attrs={"expansion": text[long_s:long_e]}))
    for m in TRANSLATION_RE.finditer(text):
        # the honorific may open the match itself ("Mr Alexander Dubovsky (…)" at a line's start)
        bare = HONOR_LEAD.sub("", m.group("name"))
        honoured = bare != m.group("name") or HONOR_BEFORE.search(text[max(0, m.start() - 8):m.start()])
        if looks_like_person(bare) and looks_like_person(m.group("alt")) and len(_tokens(bare)) >= 2 and honoured:
            continue  # "Mr Alexander Dubovsky (Aliaksandr Dubouski)": one person in two spellings, not an organisation
        if is_place(m.group("alt")) or m.group("alt").casefold() in dem:
            continue  # "concerning A and B (Ruritania)": the country a document is about, no name in another tongue
        hits.append(NameHit("organization", m.start("name"), m.end("name"), strong=False, attrs={"translation": m.group("alt")}))

    # bylines: "By Tatenda Mawere", "By Andrea Solís | December 10, 2025"
    for m in BYLINE_RE.finditer(text):
        s, e = m.span("name")
        if looks_like_person(text[s:e]):
            hits.append(NameHit("person", s, e, strong=True, attrs={"byline": True}))

    # 4. organisations from cues ("leader of X", "the Chinese consulate in Almaty")
    for m in ORG_CUE_RE.finditer(text):
        s, e = m.span("name")
        nm = text[s:e]
        if nm.split()[0].casefold() in ("the",):
            continue
        hits.append(NameHit("organization", s, e, strong=True))
    for m in ORG_PHRASE_RE.finditer(text):
        s, e = _clean_span(text, *m.span("name"))
        hits.append(NameHit("organization", s, e, strong=True))

    # 4b. well-known bodies, and media that people talk to
    nd = load("names")
    for m in known_orgs_re().finditer(text):
        if re.match(nd["provision_shaped_org"], m.group(0)) and (
                re.search(nd["provision_before"], text[max(0, m.start() - 20):m.start()])
                or re.match(nd["provision_after"], text[m.end():m.end() + 20])):
            continue  # "Article 19" of a covenant, not the organisation ARTICLE 19
        hits.append(NameHit("organization", m.start(), m.end(), strong=True))
    for m in MEDIA_RE.finditer(text):
        hits.append(NameHit("organization", m.start("name"), m.end("name"), strong=False))
    # signature blocks: a name alone on its line, a title on the next
    for m in SIGNATURE_RE.finditer(text):
        if looks_like_person(m.group("name")):
            hits.append(NameHit("person", m.start("name"), m.end("name"), strong=True))

    # UN mandates and treaty bodies: "Working Group on Arbitrary Detention", "Special Rapporteur on the situation …"
    mandates = [(m.start(), m.end("topic")) for m in mandate_re().finditer(text)]
    for s, e in mandates:
        hits.append(NameHit("organization", s, e, strong=True))

    # 5. places from cues
    for m in PLACE_INTRO_RE.finditer(text):
        s, e = m.span("name")
        hits.append(NameHit("place", s, e, strong=True))
    for rx in place_cue_res():
        for m in rx.finditer(text):
            for g in ("name", "a", "b"):
                if g not in rx.groupindex or not m.group(g):
                    continue
                s, e = m.span(g)
                s = _skip_common_words(text, s, e)  # "At Matariya police station": "At" opens no name
                if s < e and re.match(PLACE_TOKEN, text[s:e]):  # a name left, not only "police station"
                    own = {"place_cue": text[s:m.end("own")]} if "own" in rx.groupindex and s < m.end("own") else {}
                    hits.append(NameHit("place", s, e, strong=True, attrs=own))
    for m in PLACE_SUFFIX_RE.finditer(text):
        s = m.start("name")
        poss = list(re.finditer(r"(?:’s|'s)[ \t]+", text[s:m.end("name")]))
        if poss:
            s += poss[-1].end()  # "Baku's Nasimi district": the city's possessive is no part of the district's name
        s = _skip_common_words(text, s, m.end("name"))  # "In Thpong district": "In" opens no name
        if s >= m.end("name") or text[s:m.end("name")].casefold() in dem or text[s:m.end("name")] == "Autonomous":
            continue
        # "Sur district" is Sur; "Almaty region" is not Almaty (a region shares its capital's name)
        end = m.end("name") if m.group("suffix") == "district" else m.end("suffix")
        hits.append(NameHit("place", s, end, strong=True, attrs={"place_cue": text[s:m.end("name")]}))
    # "the Prey Sar prison complex", "the Tanah Merah area": a place's own name before a lower-case word for it
    # (data/names.yaml place_heads_apart); the name is the part before that word
    for m in place_apart_re().finditer(text):
        s, e = m.span("name")
        s = _skip_common_words(text, s, e)
        if s < e and not looks_like_person_only(text, s, e):
            hits.append(NameHit("place", s, e, strong=True, attrs={"place_cue": text[s:e]}))
    for m in FACILITY_RE.finditer(text):
        hits.append(NameHit("place", *_clean_span(text, *m.span("name"), keep_possessive=True), strong=True))
    # "Correctional Centre 1", "Pre-Trial Detention Center 3": a numbered centre is a place where people are held
    for m in NUMBERED_CENTRE_RE.finditer(text):
        if m.group("q").casefold() in word_set("names", "facility_qualifiers"):
            hits.append(NameHit("place", m.start("name"), m.end("name"), strong=True))
    # a dateline opening a story: "VILNIUS/MINSK –", "HARARE, 3 March —": the cities it names are places
    for m in DATELINE_RE.finditer(text):
        for c in re.finditer(r"[^/]+", m.group("places")):
            hits.append(NameHit("place", m.start("places") + c.start(), m.start("places") + c.end(), strong=True,
                                attrs={"dateline": True}))

    # 6. the statistical model's names; a name it cut in two ("Santos Aurelio" "Ibáñez Zetina", one space
    # between) is one name
    ents = _joined_persons(text, ents)
    person_ents = {text[s:e] for label, s, e in ents if label == "PERSON"}
    listed_with_person = listed_with_person_ents(text, ents)
    for label, s, e in ents:
        s, e = _clean_span(text, s, e)
        if e <= s or BOOK_BEFORE.search(text[max(0, s - 30):s]) or text[e:e + 1] == ":":
            continue
        if text[s:e].casefold() in not_entity or re.search(r"\d(?!\d*(?:st|nd|rd|th)\b)", text[s:e]) \
                or is_instrument(text[s:e]) \
                or starts_instrument(text, s, e) or UN_REF_RE.fullmatch(text[s:e]):
            continue
        nm = text[s:e]
        toks = _tokens(nm)
        if not toks or not nm[0].isupper() or "\n" in nm or "/" in nm or JUNK_TAIL.search(nm):
            continue  # "Comment/Opposition", "P.D. No", "Case Nos": a caption's furniture, not a name
        if label == "PERSON" and len(toks) == 1 and (nxt := TITLE_NEXT.match(text, e)) and \
                nxt.group(1).casefold() in _title_words():
            continue  # "Advocacy Director", "Programme Officer": a word of a title, not a name
        if nm.isupper() and re.match(r"[ \t]+\d+/\d", text[e:e + 8]):
            continue  # "KHM 002/0426/WDI": a country code opening a reference number
        if len(toks) >= 2 and toks[-1].casefold() in word_set("names", "law_heads") and toks[-2] != "of":
            continue  # "the Trade Union Law", "the Press Act": a law, not a body ("College of Law" is one)
        if len(toks) >= 3 and toks[0].casefold() in word_set("names", "law_heads_first") and label != "PERSON":
            continue  # "Código Nacional de Procedimientos Penales", "Constitución Política de …": a law
        if len(toks) == 1 and nm.isupper() and len(nm) > 3 and re.search(rf"\b{re.escape(nm.lower())}\b", text):
            continue  # "DENIED" in a court order is the word denied, shouted
        if all(t.casefold() in dem for t in toks):
            continue
        if label == "ORG" and re.search(load("names")["address_before"], text[max(0, s - 140):s]):
            continue  # "… Permanent Representative of X to the United Nations Office at Geneva": an address
        if ORG_BEFORE.search(text[max(0, s - 40):s]) and len(toks) <= 3:
            hits.append(NameHit("organization", s, e, strong=True))
        elif AGE_AFTER.match(text[e:e + 16]) and looks_like_person(nm) and not any(t.casefold() in orgw for t in toks):
            hits.append(NameHit("person", s, e))  # "Haddad, 53, was handed …": whatever the model took it for
        elif label == "PERSON":
            if any(t.casefold() in orgw for t in toks):
                hits.append(NameHit("organization", s, e))
            elif len(toks) >= 2 and any(o.endswith(" " + nm) for o in person_ents):
                hits.append(NameHit("person", s, e))  # "San Miguel", the family name of "Rocío San Miguel", no place
            elif (len(toks) >= 2 and (toks[-1].casefold() in word_set("names", "place_heads") or _place_first(toks))) \
                    or prison_after().match(text, e):  # "the Norport civil prison": the town's prison, no one's name
                hits.append(NameHit("place", s, e))
            elif looks_like_person(nm):
                hits.append(NameHit("person", s, e))
        elif label == "ORG":
            if len(toks) == 1 and toks[0].casefold().rstrip("s") in orgw:
                continue  # "Court", "Media", "Groups": the kind of body, not a body's name
            if len(toks) >= 2 and (toks[-1].casefold() in word_set("names", "place_heads") or (
                    _place_first(toks) and not any(t.casefold() in orgw for t in toks))):
                hits.append(NameHit("place", s, e))  # "Russian Federation Boulevard", "Villa Guerrero": a place
            elif any(t.casefold() in orgw for t in toks) or len(toks) == 1 or nm.isupper():
                hits.append(NameHit("organization", s, e))
            elif looks_like_person(nm) and (_person_context(text, s, e) or (
                    len(toks) >= 2 and (s, e) in listed_with_person and all(t[:1].isupper() for t in toks)
                    and not re.match(r"[ \t]+(?!of\b|and\b)[a-z]", text[e:e + 4]))):
                hits.append(NameHit("person", s, e))
            else:
                hits.append(NameHit("organization", s, e))
        elif label in ("GPE", "LOC", "FAC"):
            if len(toks) >= 2 and looks_like_person(nm) and _person_context(text, s, e):
                hits.append(NameHit("person", s, e))
            elif len(toks) >= 2 and toks[-1].casefold() in word_set("names", "place_heads"):
                hits.append(NameHit("place", s, e))
            elif any(t.casefold() in orgw for t in toks):
                hits.append(NameHit("organization", s, e))
            else:
                hits.append(NameHit("place", s, e))
        elif label == "NORP" and any(t.casefold() in orgw for t in toks):
            hits.append(NameHit("organization", s, e))

    # 7. name-shaped spans the model missed, when the context says person
    other = [(s, e) for label, s, e in ents if label != "PERSON"]
    for m in NAME_RE.finditer(text):
        s, e = m.span()
        # a span the model read in part as something else ("Naran" of "Naran Unurtsetseg, the editor", taken for a
        # town) is still a name where the context says person; one it read across the name's edge is not
        inside = [(a, b) for a, b in other if s < b and a < e]
        if inside and (any(not (s <= a and b <= e and b - a < e - s) for a, b in inside)
                       or re.search(r"\bof\s+$", text[max(0, s - 4):s])):
            continue  # "Secretary of State A B": the office's last word is no part of the name
        lead = re.match(r"(?:([\w.-]+)[ \t]+)+?(?=(?:[\w.-]+[ \t]+)[\w.-]+$)", m.group(0))
        while lead and not all(t.casefold() in _title_words() for t in lead.group(0).split()):
            lead = None
        if lead:  # "Staff Sergeant Dominic Alvarez, the seizing officer": the rank is not the name
            s += lead.end()
        if looks_like_person(text[s:e]) and _person_context(text, s, e, titled=bool(inside)):
            hits.append(NameHit("person", s, e))
    # a prison, a hospital, a detention centre is where people are held: a place, not an organisation
    facility = word_set("names", "facility_words")
    qualified = word_set("names", "facility_words_qualified")
    for h in hits:
        toks = [t.casefold() for t in _tokens(text[h.start:h.end])]
        if h.kind in ("organization", "place") and toks[-1] in qualified and len(toks) >= 2 and \
                not (set(toks[:-1]) & word_set("names", "facility_qualifiers")):
            h.kind = "organization"  # "Community Development Center" is a body; a "Detention Centre" is a place
        elif h.kind == "organization" and toks[-1] in facility:
            h.kind = "place"
    # "Working Group on Arbitrary Detention and Special Rapporteur on …": the model's span over a mandate's name
    # that is not that name is two names run together, or one cut short
    hits = [h for h in hits if h.strong or not any(h.start < b and a < h.end and (h.start, h.end) != (a, b)
                                                   for a, b in mandates)]
    # "the Declaration on the Protection of All Persons from Enforced Disappearance": the capitalised words of an
    # instrument's title name no body of their own
    titles = [(m.start("rest"), m.end()) for m in title_run_re().finditer(text)]
    hits = [h for h in hits if h.strong or not any(a <= h.start and h.end <= b for a, b in titles)]
    # "the Centre", "the Prison": a facility word alone names no place of its own
    hits = [h for h in hits if not (h.kind in ("organization", "place") and not h.strong
                                    and text[h.start:h.end].casefold() in facility)]
    # "the Ministry of Labour and Vocational Training": a ministry's portfolio runs on through "and"; after
    # "Minister of" the portfolio is a part of a title, no body or person of its own
    for m in MINISTRY_RE.finditer(text):
        if any(t.casefold() in orgw for t in _tokens(m.group("more") or "")):
            continue  # "the Ministry of Justice and Amnesty International": two bodies
        if m.group("head") == "Ministry":
            hits.append(NameHit("organization", m.start(), m.end(), strong=True))
        else:
            hits = [h for h in hits if h.strong or not m.start("dept") <= h.start < m.end()]
    # "the Phnom Penh Municipal Court of First Instance": the court's name runs on through its level
    for h in hits:
        if h.kind == "organization" and text[h.start:h.end].endswith("Court"):
            m = COURT_LEVEL_RE.match(text, h.end)
            if m:
                hits = [o for o in hits if o is h or not (h.end <= o.start < m.end())]
                h.end = m.end()
    # "the Golden Lotus Apparel factory": the name before a lower-case word for a business is the business's
    for m in business_re().finditer(text):
        s, e = m.span("name")
        s = _skip_common_words(text, s, e)
        if s < e:
            hits = [h for h in hits if not (h.kind == "place" and not h.strong and h.start <= s and e <= h.end)]
            hits.append(NameHit("organization", s, e, strong=True))
    # "Phnom Penh municipal police", "Kampong Speu provincial police": a place's police force is a body
    for m in police_body_re().finditer(text):
        hits.append(NameHit("organization", m.start("name"), m.end("name"), strong=True))
    hits += _court_style_names(text)
    hits += [NameHit("place", s, e, strong=True) for s, e in numbered_facilities(text)]  # "Xinjiang No. 1 Prison"
    common = lambda w: _common_word(text, w)  # noqa: E731
    hits += [NameHit("person", s, e, strong=True) for s, e in shaped_names(text, looks_like_person, common)]
    hits += [NameHit("person", s, e, strong=True) for s, e in address_names(text, looks_like_person)]
    hits += [NameHit("person", s, e, strong=True) for s, e in caption_names(text, looks_like_person)]
    hits += [NameHit("person", s, e, strong=True, attrs={"title_start": t} if t < s else {})
             for t, s, e in family_last(text, looks_like_person, common)]
    hits += [NameHit("person", s, e, strong=True, attrs={"list": span} if span else {})
             for s, e, span in caps_listed(text, looks_like_person)]
    hits += [NameHit("person", s, e, strong=True, attrs={"title_start": t} if t < s else {})
             for t, s, e in connected_names(text, looks_like_person)]
    hits = _wrapped_org_tails(text, _given_abbreviations(text, _maternal_names(_settle(hits, text))), orgw)
    return _article_surnames(text, hits)


def _article_surnames(text: str, hits: list[NameHit]) -> list[NameHit]:
    """"Mohamed Abdel Rahman el-Sayed", "Mohamed Abdel Rahman El Sayed": the model stops a name before (or at)
    an Arabic article (data/names.yaml name_articles); the surname after it is a part of the name."""
    words = load("names").get("name_articles") or []
    arts = "|".join(re.escape(a) for a in words)
    caps = "|".join(re.escape(a) for a in words if a[:1].isupper()) or "(?!)"
    if not arts:
        return hits
    at_end = re.compile(rf"(?:^|\s)(?:{arts})$")
    for h in [h for h in hits if h.kind == "person"]:
        if at_end.search(text[h.start:h.end]):
            m = re.match(rf"[- ][{UP}][{LO}]+\b", text[h.end:h.end + 40])
        else:
            m = re.match(rf"[ \t]+(?:(?:{arts})-|(?:{caps})[ \t]+)[{UP}][{LO}]+\b(?!-\w)",
                         text[h.end:h.end + 40])
        if m:
            e = h.end + m.end()
            hits = [o for o in hits if o is h or not (o.start < e and h.end <= o.start)]
            h.end = e
    return hits


def _skip_common_words(text: str, s: int, e: int) -> int:
    """Where a capitalised run's name begins, past the common words that open it ("In", "At", "The", "Every")."""
    while s < e and _common_word(text, re.match(r"\S+", text[s:e]).group(0)):
        s = text.find(" ", s, e) + 1 or e
    return s


def _common_word(text: str, word: str) -> bool:
    """A capitalised word the text also writes in lower case ("Every", "The") opens no name."""
    w = word.casefold()
    return w in ("the", "a", "an", "this", "that", "his", "her", "their", "its") or \
        re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text) is not None


def looks_like_person_only(text: str, s: int, e: int) -> bool:
    """A name before a place word that is a person's by an honorific before it ("Mr Sok's village")."""
    return bool(HONOR_BEFORE.search(text[max(0, s - 8):s]))


def _wrapped_org_tails(text: str, hits: list[NameHit], orgw: frozenset[str]) -> list[NameHit]:
    """"Visayas Public Interest Lawyers\nNetwork": a hard line break inside an organisation's name; the word that
    opens the next line is an organisation word, so it belongs to the name before the break."""
    for h in hits:
        m = re.match(rf"[ \t]*\n[ \t]*([{UP}][{LO}]+)\b", text[h.end:h.end + 40])
        if h.kind == "person" and h.strong and line_styles_only(text[text.rfind("\n", 0, h.start) + 1:h.start]):
            continue  # a name alone on its line, its office or body on the next
        if m and re.match(r"[ \t]+(?:of|for|on|de|du|des|del|da|do)\b|[ \t]+[A-Z]", text[h.end + m.end():h.end + m.end() + 6]):
            continue  # "…Home Affairs\nMinistry of Home Affairs": the next line opens a name of its own (an address)
        if m and m.group(1).casefold() in orgw and len(_tokens(text[h.start:h.end])) >= 2 \
                and not any(o is not h and h.end < o.end and o.start < h.end + m.end() for o in hits):
            h.end += m.end()
            h.kind = "organization"
    return hits


def _court_style_names(text: str) -> list[NameHit]:
    """Names as court papers and Philippine, Latin American or Spanish reports write them: with the maternal
    surname after "y", with a nickname in quotes, with a title before a name a line break splits."""
    out = []
    for m in MATERNAL_RE.finditer(text):
        g = "name" if m.group("name") else "name2"
        if looks_like_person(re.sub(r"\s+", " ", m.group(g)).title()):
            # the whole "NAME y MATERNAL" is claimed, so the maternal surname alone is no organisation
            out.append(NameHit("person", m.start(g), m.end(), strong=True,
                               attrs={"maternal": m.group("mat") or m.group("mat2"), "name_end": m.end(g)}))
    for m in NICKNAME_RE.finditer(text):
        bare = re.sub(r"\s+[\"“][^\"”]+[\"”]", "", m.group("name"))
        if looks_like_person(bare):
            out.append(NameHit("person", m.start("name"), m.end("name"), strong=True, attrs={"nickname": m.group("nick")}))
    for m in wrapped_title_re().finditer(text):
        nm = m.group("name")
        if "\n" in nm and office_line_after(text, m.start("name")):
            continue  # "Ambassador A B\nPermanent Representative of …": the name ends with its line
        if "\n" in nm and looks_like_person(re.sub(r"\s+", " ", nm)):
            out.append(NameHit("person", m.start("name"), m.end("name"), strong=True))
    return out


def _maternal_names(hits: list[NameHit]) -> list[NameHit]:
    """"MA. CRISTINA DELA PEÑA y GONZAGA": once settled, the name is the part before "y"."""
    for h in hits:
        if "name_end" in h.attrs:
            h.end = h.attrs.pop("name_end")
    return hits


def _given_abbreviations(text: str, hits: list[NameHit]) -> list[NameHit]:
    """"Ma. Cristina Dela Peña": an abbreviated given name (model/data/translit.yaml) before a person's name is
    part of it, though the model stops at its full stop."""
    rx = given_abbreviation_re(r"[ \t]+$")
    drop: set[int] = set()
    by_start = ByStart(hits, start=lambda o: o.start)
    for h in [h for h in hits if h.kind == "person"]:
        m = rx.search(text, max(0, h.start - 8), h.start)
        if m:
            s = m.start()
            drop |= {id(o) for o in by_start.within(s, h.start) if o is not h}
            h.start = s
    return [o for o in hits if id(o) not in drop] if drop else hits


TITLE_NEXT = re.compile(r"[ \t]+([A-Z][a-z]+)\b")


def _person_context(text: str, s: int, e: int, titled: bool = False) -> bool:
    """Words around a span that say it names a person: a verb or an apposition after it, a title before or after
    it; only a title where `titled` (a span the model read in part as something else)."""
    after = text[e:e + 60]
    before = text[max(0, s - 30):s]
    if not titled and PERSON_AFTER.match(after):
        return True
    tb, ta = title_res()
    return bool(tb.search(before) or ta.match(after))


def _settle(hits: list[NameHit], text: str = "") -> list[NameHit]:
    """One kind per span: strong cues beat the model; longer spans beat nested ones, unless the longer is the
    model's and runs on over a line break ("A B\nSupreme Leader" read as one body, A B a name alone on its line)."""
    hits.sort(key=lambda h: (h.start, -(h.end - h.start), not h.strong))
    out: list[NameHit] = []
    for h in hits:
        clash = [o for o in out if h.start < o.end and o.start < h.end]
        if not clash:
            out.append(h)
            continue
        o = clash[0]
        if (h.start, h.end) == (o.start, o.end):
            if h.strong and not o.strong:
                out[out.index(o)] = h
            elif h.attrs and o.kind == h.kind:
                o.attrs.update(h.attrs)
            continue
        # nested: keep the strong one; else keep the longer (already in out); a strong name whose title the
        # model took into its span ("Maître Aimé Christophe KONÉ" read as a body) is the name
        titled = h.attrs.get("title_start") is not None and h.attrs["title_start"] <= o.start and o.end <= h.end
        wrapped = "\n" in text[o.start:o.end] and o.start <= h.start and h.end <= o.end
        if h.strong and not o.strong and ((h.end - h.start) >= (o.end - o.start) - 1 or titled or wrapped):
            out[out.index(o)] = h
    out.sort(key=lambda h: h.start)
    for h in out:
        h.attrs.pop("title_start", None)
    return out


def is_instrument(name: str) -> bool:
    return any(pat.fullmatch(name.strip()) for _, _, pat in instruments())


def starts_instrument(text: str, s: int, e: int) -> bool:
    """The span is the head of an instrument's name ("ILO Convention No" of "ILO Convention No. 169")."""
    return any((m := pat.match(text, s)) is not None and m.end() >= e - 1 for _, _, pat in instruments())


@lru_cache(maxsize=None)
def _law_ends() -> frozenset[str]:
    """The words that end a law's name and never a person's ("Penal Code"; not "Law", a surname too)."""
    return frozenset(load("names")["law_heads"]) - {"Law"}


__all__ = ["find_names", "NameHit", "canonical", "looks_like_person", "load"]
