"""extract: one document in, an `Extraction` out (names, provisions, events,
figures, claims), every item aligned to character offsets of the stored text.

spaCy types stop here: a `Doc` never leaves this package.  spaCy itself is
imported only when an `Extractor` is made, so the pure helpers here (dates,
numbers, the cue data) cost nothing to import for the layers above.
"""
from __future__ import annotations

import re
from dataclasses import fields, is_dataclass, replace
from functools import lru_cache
from typing import Any, Iterable, Iterator

from ..model import CITED_LANGUAGES, Document, Event, Evidence, Extraction, Mention
from ..model.names import fold, person_key
from .dates import find_dates, latest_resolved, parse_iso
from .claims import find_claims
from .context import DocContext
from .events import find_events
from .figures import find_figures
from .people import assign_people
from .bodies import join_split_bodies, settle_bodies
from .data import cue, load, word_set
from .names import LO, UP, canonical, find_names, given_abbreviation_re, looks_like_person
from .name_patterns import NICK_AFTER, inside_abbreviation_re, occupation_before_re
from .provisions import find_provisions
from .syntax import settle_accused
from .spans import ByStart
from .numbers import NUM, value as number_value
from .values import VOICES, find_facilities, find_values, term_figures

EXTRACTOR = "casewatch-rules/1"


class Extractor:
    name = EXTRACTOR

    def __init__(self) -> None:
        from . import nlp
        self.nlp = nlp.load()
        self.parser = nlp.load_parser()

    def extract(self, doc: Document) -> Extraction:
        return next(iter(self.extract_many([doc])))

    def warm(self) -> "Extractor":
        """Read one short made-up report, so that everything loaded once per process (the vocabularies, the
        compiled patterns, the gazetteers of places) is loaded now: a process that forks workers after this
        call shares it with all of them."""
        text = ("On 3 May 2024 the Criminal Court of Appeal in Springfield sentenced Jane Roe, a lawyer and member "
                "of the Rights Association (RA), to five years in prison under Article 12(1) of the Penal Code. "
                "Her husband said she was held in Central Prison.")
        self.extract(Document(sha256="0" * 64, filename="warm.txt", media_type="text/plain", text=text,
                              published="2024-05-10"))
        from .gazetteer import is_place
        is_place("Springfield")
        return self

    def extract_many(self, docs: Iterable[Document], batch_size: int = 8, n_process: int = 1) -> Iterator[Extraction]:
        """One extraction per document, in order.  A long document is read in pieces (`chunks`), each by the
        model and the rules on its own, and the pieces' facts are joined with their offsets moved to the
        whole text's: memory and time grow with the length, never faster.

        A document in a language the extractor cannot read (`Document.read` false) gets an empty extraction: a
        Russian report read with English rules yields names that look read and are not.  Only the laws cited in
        one of the languages whose citations the provision grammar knows (`CITED_LANGUAGES`) are taken from it."""
        docs = list(docs)
        read = self._read_many([d for d in docs if d.read], batch_size, n_process)
        for d in docs:
            yield next(read) if d.read else Extraction(
                doc=d.id, extractor=self.name, provisions=find_provisions(d) if d.language in CITED_LANGUAGES else [])

    def _read_many(self, docs: list[Document], batch_size: int, n_process: int) -> Iterator[Extraction]:
        pieces = [(i, a, d.text[a:b]) for i, d in enumerate(docs) for a, b in chunks(d.text)]
        # the model holds a batch's texts at once: long pieces go one by one (30,000 characters take ~90 MiB)
        if any(len(t) > CHUNK_CHARS // 2 for _, _, t in pieces):
            batch_size = 1
        parsed = self.nlp.pipe((t for _, _, t in pieces), batch_size=batch_size, n_process=n_process)
        parts: list[Extraction] = []
        for k, ((i, a, t), sdoc) in enumerate(zip(pieces, parsed)):
            doc = docs[i] if a == 0 and len(t) == len(docs[i].text) else replace(docs[i], text=t)
            ents = [(e.label_, e.start_char, e.end_char) for e in sdoc.ents]
            sents = _join_abbreviations(t, [(s.start_char, s.end_char) for s in sdoc.sents])
            parts.append(_shifted(analyse(doc, ents, sents, parse=self.parser), a))
            if k + 1 == len(pieces) or pieces[k + 1][0] != i:  # the document's last piece
                yield _joined(parts)
                parts = []


def _shifted(x: Any, by: int) -> Any:
    """`x` with every evidence span moved `by` characters on (a piece's facts placed in the whole text)."""
    if not by:
        return x
    if isinstance(x, Evidence):
        return replace(x, start=x.start + by, end=x.end + by)
    if isinstance(x, list):
        return [_shifted(v, by) for v in x]
    if is_dataclass(x) and not isinstance(x, type):
        for f in fields(x):
            setattr(x, f.name, _shifted(getattr(x, f.name), by))
    return x


def _joined(parts: list[Extraction]) -> Extraction:
    if len(parts) == 1:
        return parts[0]
    out = parts[0]
    for p in parts[1:]:
        out.mentions += p.mentions
        out.provisions += p.provisions
        out.events += p.events
        out.figures += p.figures
        out.claims += p.claims
    return out


# a long text is read in pieces of at most this many characters (three times our longest report): the model's
# memory and the rules' time per piece are bounded, so a report of any length costs in proportion to its length
CHUNK_CHARS = 30_000


def chunks(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """[start, end) pieces of `text`, each at most `limit` characters, cut at a paragraph break, else at a
    sentence's end, else at a space, where one falls in the second half of the piece: the model's memory grows
    with the length of what it reads, so a report of any length is read in bounded memory, its offsets true."""
    out, a = [], 0
    while len(text) - a > limit:
        lo, hi = a + limit // 2, a + limit
        cut = max(text.rfind("\n\n", lo, hi), -1)
        cut = cut + 2 if cut >= 0 else -1
        if cut < 0:
            k = max(text.rfind(". ", lo, hi), text.rfind("\n", lo, hi))
            cut = k + 1 if k >= 0 else (text.rfind(" ", lo, hi) + 1 or hi)
        out.append((a, cut))
        a = cut
    out.append((a, len(text)))
    return out


def _join_abbreviations(text: str, sents: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A sentence the model ends at an abbreviated given name ("… director, Ma." + "Cristina Dela Peña, on May
    19, …") or at a title's or a number's abbreviation ("… indicted Mr." + "Tohti under article 103 …") goes on
    into the next."""
    rx, inside = given_abbreviation_re("$"), inside_abbreviation_re()
    out: list[tuple[int, int]] = []
    for s, e in sents:
        before = text[out[-1][0]:out[-1][1]].rstrip() if out else ""
        if out and (rx.search(before) or inside.search(before)):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


SURNAME_RE = re.compile(rf"\b[{UP}][{LO}]{{2,}}(?:-[{UP}][{LO}]+)?\b")


CALENDAR = frozenset(["january", "february", "march", "april", "may", "june", "july", "august", "september",
                      "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
                      "saturday", "sunday"])


def _vowels(word: str) -> str:
    """A word's vowels, folded: Turganbai/Turganbay/Turgunbay differ in one, Dela and Daily in their count."""
    return str(len(re.findall(r"[aeiouy]+", fold(word))))


def lower_case_words(text: str) -> frozenset[str]:
    """The words a text writes in lower case: a capitalised one of them ("Four", "Warden") is not a name."""
    return frozenset(re.findall(r"\b[a-z]\w+\b", text))


def _retype_surnames(mentions: list[Mention], doc: Document | None = None, lower: frozenset[str] = frozenset()) -> None:
    """A lone word that is a part of a full name in the same document is that person ("Turgunbay", "Lemon"); a
    full name the model took for a body or a place is a person where the report names that person elsewhere
    (the same full name, or its last word alone, as a person: "indicted Jane Roe, the rapper" beside "Roe said")."""
    parts = _retype_words(mentions)
    if _retype_full_names(mentions, doc.text if doc is not None else ""):
        parts = _retype_words(mentions)  # "Toomaj" of "Toomaj Salehi", now a person
    if not parts or doc is None:
        return
    taken = ByStart([(m.evidence.start, m.evidence.end) for m in mentions], start=lambda x: x[0])
    longest = max((b - a for a, b in taken.items), default=0)
    common = CALENDAR | lower
    spelt = _full_name_words(mentions)
    full_parts: dict[str, set[str]] = {}
    for m in mentions:
        if m.kind == "person" and len(person_key(m.name)) >= 2:
            for t in m.name.split():
                k = person_key(t)
                if k:
                    full_parts.setdefault(k[0], set()).add(_vowels(t))
    for tm in SURNAME_RE.finditer(doc.text):
        s, e = tm.span()
        key = person_key(tm.group(0))
        if key and key[0] in parts and tm.group(0).casefold() not in common and \
                _vowels(tm.group(0)) in full_parts.get(key[0], set()) and \
                not any(s < b for _, b in taken.within(s - longest, e)) and not _place_not_spelt(tm.group(0), spelt):
            mentions.append(Mention(kind="person", name=tm.group(0), evidence=doc.span(s, e), attrs={"retyped": True}))
    mentions.sort(key=lambda m: m.evidence.start)


def _retype_words(mentions: list[Mention]) -> set[str]:
    parts: set[str] = set()
    for m in mentions:
        if m.kind == "person" and len(person_key(m.name)) >= 2:
            parts.update(person_key(m.name))
    spelt = _full_name_words(mentions)
    for m in mentions:
        key = person_key(m.name)
        if m.kind != "person" and len(key) == 1 and key[0] in parts and not m.attrs.get("expansion") \
                and not m.name.isupper() and not _place_not_spelt(m.name, spelt):
            m.kind = "person"
            m.attrs["retyped"] = True
    return parts


def _full_name_words(mentions: list[Mention]) -> frozenset[str]:
    """The words of the full names of people in a report, folded as written."""
    return frozenset(fold(w) for m in mentions if m.kind == "person" and len(person_key(m.name)) >= 2
                     for w in m.name.split())


def _place_not_spelt(word: str, spelt: frozenset[str]) -> bool:
    """A country's or a city's name that only sounds like a word of a person's name ("Türkiye" beside the given name
    "Tarık": one skeleton) is the place; written as that word ("Georgia" of "Georgia Lane"), it may be the person."""
    from .gazetteer import is_place
    return fold(word) not in spelt and is_place(word)


# a mention found by a cue of its own kind keeps it: an acronym's expansion, a place's own word, the publisher
OWN_KIND = ("acronym", "expansion", "place_cue", "dateline", "publisher", "translation")


def _retype_full_names(mentions: list[Mention], text: str = "") -> bool:
    """A full name the model took for a body or a place is a person's where the report names that person (or the
    name's last word) as a person elsewhere, or writes an occupation just before it ("the film-makers A and B")."""
    from .gazetteer import is_place
    facility = word_set("names", "facility_words")
    orgw = {fold(w) for w in word_set("names", "org_words")}
    before = occupation_before_re()
    done = False
    full = {person_key(m.name) for m in mentions if m.kind == "person" and len(person_key(m.name)) >= 2}
    alone = {person_key(m.name)[0] for m in mentions if m.kind == "person" and len(person_key(m.name)) == 1}
    for m in mentions:
        key = person_key(m.name)
        if m.kind == "person" or len(key) < 2 or any(a in m.attrs for a in OWN_KIND) or m.name.isupper():
            continue
        told = key in full or key[-1] in alone or (
            m.kind == "organization" and bool(text) and before.search(text, max(0, m.evidence.start - 40), m.evidence.start)
            and not {fold(t) for t in m.name.split()} & orgw)
        if told and looks_like_person(m.name) and not is_place(m.name) \
                and not any(t.casefold() in facility for t in m.name.split()):
            m.kind = "person"
            m.attrs["retyped"] = done = True
    return done


# a part of the group before it: "bail to 15 of the 47", "some of the 30"
PART_OF = re.compile(rf"\b(?P<part>{NUM}|some|several|few|none)\s+(?:of\s+)?$", re.I)


def _minority(text: str, start: int, m: re.Match[str]) -> bool:
    """The group's count told as the whole a smaller part is taken from ("granted bail to 15 of the 47"); most of
    it ("Sixteen of the 17 walked free") is the group's step, the one left out named in the next sentence."""
    part = PART_OF.search(text, max(start, m.start() - 24), m.start())
    if part is None:
        return False
    n, whole = number_value(part.group("part")), next((number_value(w) for w in re.findall(r"\d[\d,]*", m.group(0))), None)
    return n is None or whole is None or n * 2 < whole


def _whole_group(ctx: DocContext, persons: list[Mention], events: list[Event]) -> None:
    """A release or an exile told of all the accused together, with no one named in its sentence ("the judge struck
    out the charges against all 119 defendants and ordered their immediate release"): it befalls each of them."""
    rx = cue("cues", "whole_group")
    for ev in events:
        if ev.type not in ("release", "exile") or ev.status != "happened" or not ev.evidence:
            continue
        i = ctx.sent_index(ev.evidence[0].start)
        if i is None:
            continue
        st = ctx.sents[i]
        whole = [m for m in rx.finditer(ctx.text, st.start, st.end) if not _minority(ctx.text, st.start, m)]
        if whole and not any(st.start <= p.evidence.start < st.end for p in persons if not VOICES & set(p.roles)):
            ev.whole_group = True


def _cut_heads(mentions: list[Mention], doc: Document) -> None:
    """"Order Golden Lotus Apparel to pay": a name the model started one word late, where that word and the name
    open an organisation's or a place's name of the same report, is that organisation or place."""
    longer = [(m.name, m.kind) for m in mentions if m.kind in ("organization", "place")]
    for m in mentions:
        if m.kind not in ("person", "organization"):
            continue
        pm = re.search(rf"(?<![\w’'-])([{UP}][{LO}]+)[ \t]+$", doc.text[max(0, m.evidence.start - 30):m.evidence.start])
        if not pm:
            continue
        name = f"{pm.group(1)} {m.name}"
        kind = next((k for n, k in longer if n == name or n.startswith(name + " ")), None)
        if kind is not None:
            m.kind, m.name = kind, name
            m.evidence = doc.span(m.evidence.start - len(pm.group(0)), m.evidence.end)


def _address_terms(mentions: list[Mention], doc: Document) -> None:
    """"Bong Vannak" ("elder brother Vannak"): a term of address (data/names.yaml address_terms) before a given
    name that is a part of a person's full name in the report is that person, however the model read it."""
    from .data import word_set
    terms = word_set("names", "address_terms")
    parts = {k for m in mentions if m.kind == "person" and len(person_key(m.name)) >= 2 for k in person_key(m.name)}
    for m in mentions:
        toks = m.name.split()
        if m.kind != "person" and len(toks) == 2 and toks[0].casefold() in terms and \
                person_key(toks[1]) and person_key(toks[1])[0] in parts:
            off = m.evidence.quote.rfind(toks[1])
            if off > 0:
                m.kind, m.name = "person", toks[1]
                m.evidence = doc.span(m.evidence.start + off, m.evidence.start + off + len(toks[1]))


PARTICLES = word_set("names", "name_particles")


def _drop_common_word_persons(mentions: list[Mention], lower: frozenset[str]) -> None:
    """ "Jail Warden", "Search Warrants": a person's last name is not a word the text also writes in lower case."""
    mentions[:] = [m for m in mentions if not (m.kind == "person" and m.name.split()
                                               and m.name.split()[-1].casefold() in lower
                                               and m.name.split()[-1].casefold() not in PARTICLES)]


@lru_cache(maxsize=None)
def _honorific_sex() -> tuple[re.Pattern[str], dict[str, str]]:
    """names.yaml honorifics: the word right before a name, and the sex it tells."""
    table = {k.rstrip(".").casefold(): v for k, v in load("names")["honorifics"].items() if v}
    words = "|".join(sorted((re.escape(k.rstrip(".")) for k in load("names")["honorifics"]), key=len, reverse=True))
    return re.compile(rf"(?<![\w/])({words})\.?[ \t]+$", re.I), table


def _sex(mentions: list[Mention], text: str) -> None:
    """"Ms Lam", "Mr Lam": the sex an honorific before a person's name tells, for telling namesakes apart."""
    rx, table = _honorific_sex()
    for m in mentions:
        if m.kind == "person":
            h = rx.search(text, max(0, m.evidence.start - 12), m.evidence.start)
            if h and h.group(1).casefold() in table:
                m.attrs["sex"] = table[h.group(1).casefold()]


COURT_ID = r"(?:[ADR]|Accused\s+|Defendant\s+)\d{1,3}"
COURT_ID_AFTER = re.compile(rf"[ \t]*\((?P<id>{COURT_ID})\)")
COURT_ID_BEFORE = re.compile(rf"(?P<id>\b{COURT_ID})[ \t]*\($")


def _court_ids(mentions: list[Mention], doc: Document) -> None:
    """"TAI Yiu-ting (D1)", "D5 (Ng Gordon Ching-hang)": court papers number the accused and then write the
    number alone ("D1 is now aged 60"); each such number is a mention of the person it was given to."""
    text = doc.text
    ids: dict[str, Mention] = {}
    for m in mentions:
        if m.kind != "person":
            continue
        a = COURT_ID_AFTER.match(text, m.evidence.end)
        b = COURT_ID_BEFORE.search(text, max(0, m.evidence.start - 16), m.evidence.start)
        hit = a or b
        if hit and len(m.name.split()) >= 2:
            ids.setdefault(hit.group("id"), m)
    if not ids:
        return
    taken = [(m.evidence.start, m.evidence.end) for m in mentions]
    rx = re.compile(r"(?<![\w(])(" + "|".join(re.escape(k) for k in ids) + r")(?![\w)])")
    for x in rx.finditer(text):
        s, e = x.span()
        if any(a <= s < b for a, b in taken):
            continue
        owner = ids[x.group(1)]
        mentions.append(Mention(kind="person", name=owner.name, evidence=doc.span(s, e), attrs={"court_id": x.group(1)}))
    mentions.sort(key=lambda m: m.evidence.start)


def _publisher(mentions: list[Mention], doc: Document) -> None:
    """The outlet or organisation that published the report, where its name stands in the text: an organisation."""
    name = (doc.publisher or "").strip()
    if not name or "(" in name or len(name) > 80 or re.fullmatch(r"[\w.-]+\.[a-z]{2,}", name) or name.isupper():
        return
    # as written, or in capitals on a masthead ("ARAB PRESS FREEDOM WIRE" over a report of the Arab Press Freedom Wire)
    for m in re.finditer(f"{re.escape(name)}|{re.escape(name.upper())}", doc.text):
        s, e = m.span()
        clash = [x for x in mentions if s < x.evidence.end and x.evidence.start < e]
        for x in clash:
            if (x.evidence.start, x.evidence.end) == (s, e) or x.kind == "person" or name in x.name:
                mentions.remove(x)
        if not any(s < x.evidence.end and x.evidence.start < e for x in mentions):
            mentions.append(Mention(kind="organization", name=name, evidence=doc.span(s, e), attrs={"publisher": True}))
    mentions.sort(key=lambda m: m.evidence.start)


UN_REF_RE = re.compile(r"\b((?:AL|UA|OL|JAL|JUA|JOL)\s+[A-Z]{3}\s+\d{1,3}/\d{4})\b")
APPEAL_REF_RE = re.compile(r"\b(?:UA|JUA|UA No\.?)\s+(?:[A-Z]{3}\s+)?\d{1,4}/\d{2,4}\b|(?<![A-Z] )\b[A-Z]{3}\s+\d{3}/\d{4}\b")
APPEAL_HEADING_RE = re.compile(r"^[^\n]{0,50}?\b(URGENT APPEAL|URGENT ACTION|Urgent Appeal|Urgent Action)\b", re.M)
TITLE_LINE_RE = re.compile(r"^[ \t#]*(?P<t>[A-Z][^\n]{10,200})$", re.M)


def _document_event(doc: Document) -> Event | None:
    """A UN letter, an urgent appeal or an NGO's statement is itself an event of the case: sent or issued on its
    date, grounded on its reference (a UN letter's "AL XXX 1/2024", an appeal's "UA 14/24") or its title line."""
    if not doc.published or doc.kind not in ("un_communication", "urgent_appeal", "ngo_statement"):
        return None
    head = doc.text[:3000]
    if doc.kind == "un_communication":
        m = UN_REF_RE.search(head)
        return Event(type="communication", date=doc.published, evidence=[doc.span(m.start(1), m.end(1))],
                     summary=f"UN communication {m.group(1)} sent") if m else None
    if doc.kind == "urgent_appeal":
        m = APPEAL_REF_RE.search(head) or APPEAL_HEADING_RE.search(head)
        if not m:
            return None
        g = 1 if m.re is APPEAL_HEADING_RE else 0
        return Event(type="communication", date=doc.published, evidence=[doc.span(m.start(g), m.end(g))],
                     summary=f"urgent appeal {m.group(g).strip()} issued")
    m = TITLE_LINE_RE.search(head)
    return Event(type="statement", date=doc.published, evidence=[doc.span(m.start("t"), m.end("t"))],
                 summary=f"statement: {m.group('t').strip()[:200]}") if m else None


def _nicknames(mentions: list[Mention], doc: Document) -> None:
    """A full name followed by a nickname in quotes: the nickname is the person's (attrs `alias`, which the
    resolver joins the person's other mentions by), and no name of its own where it is written."""
    quoted: list[tuple[int, int]] = []
    for m in mentions:
        if m.kind != "person" or len(m.name.split()) < 2 or "nickname" in m.attrs or "alias" in m.attrs:
            continue
        n = NICK_AFTER.match(doc.text, m.evidence.end)
        if n and fold(n.group("nick")) != fold(m.name):
            m.attrs["alias"] = n.group("nick")
            quoted.append((n.start("nick"), n.end("nick")))
    if quoted:
        mentions[:] = [m for m in mentions if not any(a <= m.evidence.start < b for a, b in quoted)]


WIDE_GAP = re.compile(r"[ \t]{3,}|\t")


def _apart_on_line(hits: list, text: str) -> list:
    """Two names set apart on one line by a run of spaces (signatures side by side: "A B        C D") are two."""
    out = []
    for h in hits:
        cuts = [(m.start(), m.end()) for m in WIDE_GAP.finditer(text, h.start, h.end)]
        if not cuts:
            out.append(h)
            continue
        a = h.start
        for s, e in cuts + [(h.end, h.end)]:
            if s > a:
                out.append(replace(h, start=a, end=s, attrs=dict(h.attrs)))
            a = e
    return out


@lru_cache(maxsize=None)
def _patronymic_tail() -> re.Pattern[str]:
    from ..model.names import patronymic_words
    words = "|".join(sorted(map(re.escape, patronymic_words()), key=len, reverse=True))
    return re.compile(rf"[ \t-](?:{words})\b", re.I)


def _patronymic_tails(mentions: list[Mention], doc: Document) -> None:
    """"Makhabat Tazhibek kyzy": the model's name often stops before the patronymic's marker word, written in lower
    case; the name goes on through it."""
    rx = _patronymic_tail()
    for m in mentions:
        if m.kind == "person" and (t := rx.match(doc.text, m.evidence.end)):
            m.evidence = doc.span(m.evidence.start, t.end())
            m.name = canonical(doc.text[m.evidence.start:t.end()], "person") or m.name


def analyse(doc: Document, ents: list[tuple[str, int, int]], sents: list[tuple[int, int]], parse=None) -> Extraction:
    """The domain layer over the statistical model's names and sentences."""
    anchor = parse_iso(doc.published) if doc.published and len(doc.published) == 10 else None
    if anchor is None:
        anchor = latest_resolved(doc.text)
    ctx0 = DocContext(doc, sents, [], anchor)
    dates = find_dates(doc.text, anchor, ctx0.future, ctx0.background, ctx0.past)
    ctx = DocContext(doc, sents, dates, anchor)
    ex = Extraction(doc=doc.id, extractor=EXTRACTOR)
    for h in _apart_on_line(find_names(doc, ents), doc.text):
        name = canonical(doc.text[h.start:h.end], h.kind)
        if not name:
            continue
        k = doc.text.find(name, h.start, h.end) if h.kind == "person" else -1
        if k > h.start:
            h.start = k  # "Undersecretary Gilbert Ocampo": the title stays outside the name, where roles read it
        ex.mentions.append(Mention(kind=h.kind, name=name, evidence=doc.span(h.start, h.end), attrs=dict(h.attrs)))
    lower = lower_case_words(doc.text)
    _drop_common_word_persons(ex.mentions, lower)
    _publisher(ex.mentions, doc)
    from .laws import named_instruments
    settle_bodies(ex.mentions, doc.text, lower, [(n.start, n.end) for n in named_instruments(doc.text) if len(n.name) > 5])
    ex.mentions = join_split_bodies(ex.mentions, doc.text, doc.span)
    _cut_heads(ex.mentions, doc)
    _address_terms(ex.mentions, doc)
    _retype_surnames(ex.mentions, doc, lower)
    _sex(ex.mentions, doc.text)
    _court_ids(ex.mentions, doc)
    _nicknames(ex.mentions, doc)
    _patronymic_tails(ex.mentions, doc)
    persons = [m for m in ex.mentions if m.kind == "person"]
    ex.events = find_events(ctx)
    assign_people(ctx, persons, ex.events)
    _whole_group(ctx, persons, ex.events)
    if parse is not None:
        settle_accused(doc.text, [(st.start, st.end) for st in ctx.sents if not st.historical], persons, parse)
    for m in persons:
        m.attrs.pop("list", None)
    for m in ex.mentions:
        m.attrs = {k: v for k, v in m.attrs.items() if isinstance(v, (str, int, float, bool))}
    for ev in ex.events:
        ev.participants = [p.name for p in persons if ev.evidence[0].start <= p.evidence.start < ev.evidence[0].end
                           and not (VOICES & set(p.roles))]
    ex.provisions = find_provisions(doc)
    ex.figures = find_figures(ctx)
    ex.claims = find_claims(ctx, persons, ex.events)
    # values of the story, not of a life's distant past ("sentenced in 1978 to seven years")
    old = (anchor.year - 10) if anchor else None
    spans = [(st.start, st.end) for st in ctx.sents if not (old and st.dates and max(int(d.value[:4]) for d in st.dates) <= old)]
    dates_at = {st.start: [(dm.start, dm.value) for dm in st.dates] for st in ctx.sents}
    ex.claims += find_values(doc, spans, persons, lambda s, e: dates_at.get(s, []), ex.provisions)
    ex.figures += term_figures(ex.claims, ex.figures)
    ex.claims += find_facilities(doc, spans, persons, [m for m in ex.mentions if m.kind in ("place", "organization")],
                                 lambda s, e: dates_at.get(s, []))
    own = _document_event(doc)
    if own is not None:
        ex.events.append(own)
    return ex
