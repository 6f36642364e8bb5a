"""Shapes of personal names that court papers, annex lists and many naming systems write, which the
statistical model reads poorly: the family name in capitals ("TAZHIBEK KYZY Makhabat", "LAM Wai-ming",
"YUEN Ka-wai Tiffany", "Vadim KOBZEV"), and initials before or after a family name ("E. T. Abdykadyrov",
"Justice S.S. Shinde", "Kaparov M. Zh.", "Kobzev V.V.").  Only the shape is known here; which words are
names is decided by `looks_like_person` and the report's own use of each word.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..model.names import initial_pattern, patronymic_words
from .data import word_set
from .name_patterns import NAME_TOKEN, alternation
from .numbers import WORDS as NUMBER_WORDS
from .prefilter import fast

UP = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽƏ"
LO = "a-zß-öø-ÿā-žǎǐǒǔə"
_WORD = rf"[{UP}][{LO}]+(?:[-'’][{UP}]?[{LO}]+)*"  # "Makhabat", "Ka-wai", "O'Brien"


@lru_cache(maxsize=None)
def _word() -> str:
    """A name word, with the lower-case patronymic marker that may follow it ("Tazhibek kyzy")."""
    markers = "|".join(re.escape(w) for w in patronymic_words())
    return rf"{_WORD}(?:[ \t-](?:{markers})\b)?" if markers else _WORD
_CAPS = rf"[{UP}]{{2,}}(?:-[{UP}]{{2,}})?"  # "LAM", "KARA-MURZA"


@lru_cache(maxsize=None)
def _res() -> tuple[re.Pattern[str], ...]:
    init = initial_pattern()
    _WORD = _word()
    return tuple(map(fast, (  # each scanned over every whole text (prefilter.py)
        # the family name in capitals first: "TAZHIBEK KYZY Makhabat", "KAPAROV Maadanbek (Aktilek) Zhumabaevich"
        # (the words of a name stand a single space apart: more spaces part the columns of a table)
        re.compile(rf"(?<![\w.’'-])(?P<name>{_CAPS}(?: {_CAPS})?(?: {_WORD}(?: \({_WORD}\))?){{1,3}})"
                   rf"(?![\w’'-])"),
        # initials first: "E. T. Abdykadyrov", "S.S. Shinde", "B. Temirov"
        re.compile(rf"(?<![\w.])(?P<name>(?:{init}[ \t]?){{1,3}}{_WORD})(?![\w’'-])"),
        # initials after: "Beishekeeva A. T.", "Kaparov M. Zh.", "Kobzev V.V."
        re.compile(rf"(?<![\w.])(?P<name>{_WORD}[ \t]+{init}(?:[ \t]?{init}){{0,2}})(?![\w])"),
    )))


def _acronyms(text: str) -> frozenset[str]:
    """Words the report uses as acronyms somewhere ("(NSL)", "the SCC's", "UN experts", "ILO."): never a family
    name; a family name in capitals stands only before or after the other words of its name."""
    defined = set(re.findall(rf"\(({_CAPS})\)", text))
    after = set(re.findall(rf"(?<![\w-])({_CAPS})(?=['’]s\b|[ \t]+[a-z0-9]|[.,;:)!?\]/]|[ \t]*$)", text, re.M))
    before = set(re.findall(rf"\b(?:the|The|of|an?|by|to|from|with|for)[ \t]+({_CAPS})\b", text))
    return frozenset(defined | after | before)


@lru_cache(maxsize=None)
def _dotted_honorifics() -> frozenset[str]:
    return frozenset(w for w in word_set("names", "honorifics") if "." in w.rstrip("."))


def shaped_names(text: str, looks_like_person, common) -> list[tuple[int, int]]:
    """Spans of names written in one of the shapes above that read as a person's (not an acronym, a title,
    an organisation, nor a word the report writes in lower case)."""
    acr = _acronyms(text)
    skip = word_set("names", "not_person") | word_set("names", "titles")
    out: list[tuple[int, int]] = []
    for rx in _res():
        for m in rx.finditer(text):
            s, e = m.span("name")
            nm = m.group("name")
            if nm.split()[0].casefold() in _dotted_honorifics():
                continue  # "H.E. Chen Weiming": a style, not initials
            caps = re.findall(rf"\b{_CAPS}\b", nm)
            if any(c in acr for c in caps):
                continue
            words = [w for w in re.findall(rf"{_WORD}|{_CAPS}", nm) if not re.fullmatch(r"[A-Z][a-z]?", w)
                     and w not in patronymic_words()]
            if not words or any(w.strip("()") in skip or w.title() in skip or w.casefold() in NUMBER_WORDS
                                for w in words):
                continue
            if any(common(w) for w in words if not w.isupper()):
                continue  # "Section A.", "Annex B."
            if looks_like_person(" ".join(w.title() if w.isupper() else w for w in words)):
                out.append((s, e))
    return out


# the family name in capitals last, after up to four given names and the titles before them: "Vadim KOBZEV",
# "Houleymatou BAH", "Maître Aimé Christophe Labilé KONÉ", "Mamadou Billo BAH"
_CAPS_WORD = rf"[{UP}]{{2,}}(?:[-'’][{UP}]{{2,}})?"
FAMILY_LAST = re.compile(rf"(?<![\w.])(?P<name>{NAME_TOKEN}(?:[ \t]+{NAME_TOKEN}){{0,3}}[ \t]+(?P<fam>{_CAPS_WORD}"
                         rf"(?:[ \t]+{_CAPS_WORD})?))(?![\w'’-])")


@lru_cache(maxsize=None)
def _title_lead() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation('title_honorifics', 'name_leads')}|Mr|Mrs|Ms|Miss|Dr|Prof|Atty|Me|Mme|Mlle)\.?[ \t]+")


def family_last(text: str, looks_like_person, common) -> list[tuple[int, int, int]]:
    """(where its title begins, start, end) of each name written with its family name in capitals last.  The capitals
    are no family name where they are an acronym the text defines or writes after "the"/"of", a post-nominal or a
    kind of body (names.yaml `caps_not_family`: "JJ", "NGO"), two letters or no vowel ("UN", "SC"), a word the text
    also writes in lower case ("GRANTED"), or a reference code ("MYS 2/2013"); the given names are none where one is
    a common word ("Four UN") or a numbered part's letter ("I. PROCEDURE")."""
    out: list[tuple[int, int, int]] = []
    defined = set(re.findall(rf"\(({_CAPS_WORD})\)", text))
    defined |= set(re.findall(rf"\b(?:the|The|of|an?|by|to|from|with|for)[ \t]+({_CAPS_WORD})\b", text))
    orgw, post = word_set("names", "org_words"), word_set("names", "caps_not_family")
    for m in FAMILY_LAST.finditer(text):
        words = m.group("fam").split()
        if any(len(w) < 3 or not re.search(r"[AEIOUYÀ-ÆÈ-ÏÒ-ÖÙ-Ü]", w) or w in defined or w.casefold() in orgw
               or w.casefold() in post or common(w) for w in words) \
                or re.match(r"[ \t]+\d", text[m.end():m.end() + 3]):
            continue
        t = s = m.start("name")
        while (lead := _title_lead().match(text, s, m.start("fam"))):
            s = lead.end()  # "Maître Aimé …", "Mr Djamel …": the title is no part of the name
        given = text[s:m.start("fam")].strip()
        if not re.search(rf"[{UP}][{LO}]", given) or any(common(w) for w in given.split()) or \
                re.match(r"[A-Z]\.\s", given) and not text[text.rfind("\n", 0, s) + 1:s].strip():
            continue
        if looks_like_person(f"{given} {m.group('fam').title()}"):
            out.append((t, s, m.end("name")))
    return out


# whole names in capitals after a word that introduces people, one or a list: "citizens MIRANDA DÍAZ SAN MIGUEL,
# VÍCTOR DÍAZ PARUTA and ALBERTO SAN MIGUEL SOSA", "the accused OUMAR SYLLA"
_CAPS_NAME = rf"{_CAPS_WORD}(?:[ \t]+(?:(?:DE|DEL|DA|DO|DOS|DAS|LA|LE|VAN|VON|BIN|BINTI|AL|EL|Y)[ \t]+)?{_CAPS_WORD}){{1,5}}"
CAPS_LISTED = re.compile(rf"\b(?:[Cc]itizens?|[Cc]iudadan[oa]s?|[Cc]itoyens?|[Cc]idad[ãa]os?|accused|[Dd]efendants?|"
                         rf"Messrs\.?|Mr\.?|Mrs\.?|Ms\.?|Mme\.?)[ \t]+(?P<items>{_CAPS_NAME}(?:[ \t]*,[ \t]*{_CAPS_NAME})*"
                         rf"(?:[ \t]*,?[ \t]+(?:and|y|et|e)[ \t]+{_CAPS_NAME})?)")


def caps_listed(text: str, looks_like_person) -> list[tuple[int, int, tuple[int, int] | None]]:
    """(start, end, the list's span where it names several) of the whole names in capitals a person word introduces
    (each item of its list that reads as a person's name once written in title case)."""
    out: list[tuple[int, int, tuple[int, int] | None]] = []
    for m in CAPS_LISTED.finditer(text):
        items = [it for it in re.finditer(_CAPS_NAME, m.group("items")) if looks_like_person(it.group(0).title())]
        span = (m.start("items"), m.end("items")) if len(items) > 1 else None
        out += [(m.start("items") + it.start(), m.start("items") + it.end(), span) for it in items]
    return out


@lru_cache(maxsize=None)
def _connected_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The name joined by a connector, and the connector alone (where the person's own part ends)."""
    joins = "|".join(re.escape(w) for w in sorted(word_set("names", "name_connectors"), key=len, reverse=True))
    return (re.compile(rf"(?<![\w.])(?P<name>{NAME_TOKEN}(?:[ \t]+{NAME_TOKEN}){{0,2}}[ \t]+(?:{joins})[ \t]+{NAME_TOKEN}"
                       rf"(?:[ \t]+{NAME_TOKEN}){{0,2}})(?![\w'’-])"),
            re.compile(rf"[ \t]+(?:{joins})[ \t]+"))


def connected_names(text: str, looks_like_person) -> list[tuple[int, int, int]]:
    """(where its title begins, start, end) of names whose parts a connector joins (names.yaml `name_connectors`:
    "binte", "s/o"), each read whole where its own part reads as a person's name."""
    out: list[tuple[int, int, int]] = []
    joined, connector = _connected_res()
    for m in joined.finditer(text):
        t = s = m.start("name")
        e = m.end("name")
        while (lead := _title_lead().match(text, s, e)):
            s = lead.end()  # "By …", "Puan …", "Crown Prince …": no part of the name
        own, *rest = connector.split(text[s:e])
        if own and looks_like_person(own):
            kin = re.search(r"[ \t]+(?:s|d|w)/o[ \t]+", text[s:e])
            # "A B d/o C D E, r/o …": a parent's full name after a slashed connector identifies the person, it is not
            # part of their name (a one-word one is: "Kavitha d/o Rajendran")
            out.append((t, s, s + kin.start()) if kin and rest and len(rest[0].split()) >= 2 else (t, s, e))
    return out


LIST_JOINT = re.compile(r"\s*(?:,|,?\s+and)\s+$")


def listed_with_person_ents(text: str, ents: list[tuple[str, int, int]]) -> set[tuple[int, int]]:
    """The model's names that stand in one list with a name it took for a person ("A, B of Ribera and C"): a
    list of people names people."""
    items: list[tuple[int, int, int]] = []  # start, end, end with its "of <place>"
    for label, s, e in sorted(ents, key=lambda x: x[1]):
        if items and label in ("GPE", "LOC", "FAC") and re.fullmatch(r"\s+of\s+", text[items[-1][2]:s]):
            items[-1] = (*items[-1][:2], e)  # "B of Ribera": where B is from
        else:
            items.append((s, e, e))
    out = {(s, e) for label, s, e in ents if label == "PERSON"}
    joined = [(a[:2], b[:2]) for a, b in zip(items, items[1:]) if b[0] - a[2] < 60 and LIST_JOINT.match(text, a[2], b[0])]
    for pairs in (joined, joined[::-1]):  # along the list both ways: "A, B of X, C and D" where only D is a person
        for a, b in pairs:
            if a in out or b in out:
                out |= {a, b}
    return out


# an address block or a signature: a name alone on its line, perhaps after a list number and a style ("3. Daw A B",
# "H.E. C D", "Rt. Hon. E.F. G"), with an office on the line just above or below it ("Minister of Justice\nA B\n
# Ministry of Justice", "C D\nSpecial Rapporteur on …"); the office is one of the words the reports write as titles
_LINE = re.compile(r"^[ \t]*(?:(?:\d{1,2}[.)]|[-•*])[ \t]+)?(?P<line>[^\n,;:()\d]{4,80}?)[ \t]*$", re.M)
# a word of a name on an address line: a name's word, initials run together ("K.P."), a hyphen before a lower-case
# part ("Min-seo")
_ADDRESS_WORD = re.compile(rf"(?:{NAME_TOKEN}|(?:[{UP}]\.){{1,3}}|[{UP}][{LO}]+-[{LO}]+)")
# the small words inside a name ("Juan de la Cruz", "Ahmad bin Ali"; names.yaml `name_particles`)
PARTICLES = word_set("names", "name_particles")


@lru_cache(maxsize=None)
def _styles() -> frozenset[str]:
    from ..model.names import fold
    words = set(word_set("names", "address_styles"))
    # not the Malay styles of names_leads ("Tun"), which Burmese names hold as a name ("U Tun Tun Aye")
    for key in ("honorifics", "title_honorifics", "address_titles", "titles", "courtesy_titles"):
        words |= {fold(w).rstrip(".") for w in word_set("names", key)}
    return frozenset(words)


def _is_style(tok: str) -> bool:
    from ..model.names import fold
    f = fold(tok)
    return f in _styles() or f.rstrip(".") in _styles()


def _styles_before(toks: list[str]) -> int:
    """How many of a name line's first words are styles ("Rt. Hon. A B", "U Tun Tun Aye"), two words always left."""
    k = 0
    while k < len(toks) - 2 and _is_style(toks[k]):
        k += 1
    return k


@lru_cache(maxsize=None)
def _address_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(organisation words, offices, words that end a place's name), folded: read once, not per report."""
    from ..model.names import fold
    return (frozenset(fold(w) for w in word_set("names", "org_words")),
            frozenset(fold(w) for w in word_set("names", "titles") | word_set("names", "person_titles")),
            frozenset(fold(w) for w in word_set("names", "place_heads") | word_set("names", "place_name_ends")))


def _line_from(text: str, start: int) -> str:
    """The line that begins at `start`."""
    end = text.find("\n", start)
    return text[start:end if end >= 0 else len(text)]


@lru_cache(maxsize=None)
def _office_re() -> re.Pattern[str]:
    words = sorted(word_set("names", "titles") | word_set("names", "person_titles") | word_set("names", "address_offices"),
                   key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I)


def address_names(text: str, looks_like_person) -> list[tuple[int, int]]:
    """Spans of names that stand alone on their line beside a line that holds an office."""
    from ..model.names import fold
    if "\n" not in text:
        return []
    orgw, offices, place_words = _address_words()
    out = []
    for m in _LINE.finditer(text):
        s, line = m.start("line"), m.group("line")
        toks = line.split()
        k = _styles_before(toks)
        name = toks[k:]
        if not 2 <= len(name) <= 5 or any(fold(t) in orgw for t in name):
            continue
        if not all(_ADDRESS_WORD.fullmatch(t) or t in PARTICLES for t in name) \
                or not name[0][0].isupper() or not name[-1][0].isupper():
            continue
        if any(fold(t).rstrip("s") in offices or fold(t) in offices for t in name):
            continue  # "Prime Minister", "Visayas Public Interest Lawyers": an office or a body, no name
        ls = text.rfind("\n", 0, s) + 1
        le = text.find("\n", s)
        above = text[text.rfind("\n", 0, ls - 1) + 1:ls - 1] if ls >= 2 else ""
        below = _line_from(text, le + 1) if le >= 0 else ""
        if not (office_line(above) or office_line(below)):
            continue
        ns = s + line.index(name[0], len(" ".join(toks[:k])))
        ne = s + len(line.rstrip())
        # the office beside it vouches for a name the general test doubts: initials run together ("K.P. Sharma
        # Gurung"), a family name that is also a word for a place ("Min-seo Park")
        spaced = re.sub(r"\.(?=\w)", ". ", text[ns:ne])
        if looks_like_person(spaced) or (fold(name[-1]) in place_words and looks_like_person(" ".join(spaced.split()[:-1]))):
            out.append((ns, ne))
    return out


def line_styles_only(head: str) -> bool:
    """What stands before a name on its line is nothing but a list number and styles ("3. Daw ", "H.E. ")."""
    head = re.sub(r"^[ \t]*(?:(?:\d{1,2}[.)]|[-•*])[ \t]+)?", "", head)
    return all(_is_style(t) for t in head.split())


@lru_cache(maxsize=4)
def caption_parties(text: str) -> tuple[re.Match[str], ...]:
    """A court caption's blocks of accused (group "parties"): between "versus" and "Accused.", after the prosecuting
    party and "against", before "versus THE STATE" (cues.yaml `caption_accused*`).  The names and the people of a
    report both ask for them: read once a report."""
    from .data import cue
    return tuple(m for key in ("caption_accused", "caption_accused_after", "caption_accused_before")
                 for m in cue("cues", key).finditer(text))


_CAPTION_LINE = re.compile(rf"[ \t]*(?:(?:\d{{1,3}}[.)]|[-•*])[ \t]+)?(?P<name>(?:[{UP}][{UP}'’-]+[ \t]+){{1,4}}[{UP}][{UP}'’-]+)"
                           rf"[ \t]*(?:\([^)\n]{{0,40}}\)|,[^\n]*)?[ \t]*(?:,|;|\band\b)?[ \t]*$")


def caption_names(text: str, looks_like_person) -> list[tuple[int, int]]:
    """The names in capitals that stand one to a line in a caption's block of accused ("JAMESON MOYO\nand\nEDITH
    DUBE (a minor)\nand …"): the model reads a line of capitals poorly."""
    from ..model.names import fold
    orgw, styles = _address_words()[0], _styles()
    out = []
    for m in caption_parties(text):
        pos = m.start("parties")
        for line in m.group("parties").split("\n"):
            lm = _CAPTION_LINE.fullmatch(line)
            if lm:
                toks = lm.group("name").split()
                k = _styles_before(toks)
                name = " ".join(toks[k:])
                words = [fold(t) for t in toks[k:]]
                numbered = any(part in NUMBER_WORDS for w in words for part in w.split("-"))  # "SIXTY-EIGHT OTHERS"
                if len(words) >= 2 and not numbered and not set(words) & (orgw | styles) and \
                        looks_like_person(" ".join(t.title() for t in toks[k:])):
                    s = pos + lm.start("name") + lm.group("name").index(name)
                    out.append((s, s + len(name)))
            pos += len(line) + 1
    return out


def office_line(line: str) -> bool:
    """A short line that holds an office ("Permanent Representative of …", "Minister of Justice")."""
    return 0 < len(line.split()) <= 24 and bool(_office_re().search(line))


def office_line_after(text: str, pos: int) -> bool:
    """The line after the line break at or after `pos` holds an office."""
    nl = text.find("\n", pos)
    return nl >= 0 and office_line(_line_from(text, nl + 1))
