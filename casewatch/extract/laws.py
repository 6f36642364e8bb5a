"""The laws and treaties a text names, read from the text itself.

An instrument is named in one of these shapes:
- one the table knows by name (data/instruments.yaml: the international treaties, and the generic national
  codes a reader calls by their kind: "the Criminal Code", "the Constitution");
- a title ending in its kind: "the Unlawful Activities (Prevention) Act, 1967", "the Crimes Ordinance, Cap. 200",
  "Anti-Terrorism Proclamation No. 652/2009";
- a title opening with its kind: "the Law on Combating Crimes of Terrorism and its Financing", "the Law of the
  People's Republic of China on Safeguarding National Security in the Hong Kong Special Administrative Region";
- a number: "Law No. 94 of 2015", "Republic Act No. 11479", "Ley 1055";
- an acronym the text defines after a title ("… Act (UAPA)", '("NSL")'), then used alone ("the NSL's");
- a back-reference: "the same Act", "the said Code", "the Proclamation".
Every instrument keeps the name as the text writes it; its key groups the ways one text and one case name it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .data import load

KINDS = r"(?:Act|Law|Code|Ordinance|Proclamation|Decree|Statute|Regulations?|Constitution|Charter|Covenant|Convention|Declaration|Rules)"
TITLE_WORD = r"(?:[A-Z][\w'’\-]*|\([A-Z][^()\n]{1,40}\))"  # "Unlawful", "(Prevention)", "(Prohibition, Prevention, etc)"
CONNECT = r"(?:of|on|for|the|and|in|to|against|its|their|relating|concerning|with|from|etc\.?)"
SUFFIX = (r"(?:,?\s+(?:No\.?\s*)?\d{1,6}(?:/\d{2,4})?(?:\s+of\s+(?:19|20)\d\d)?(?!\d|\.\d))?"  # ", 1967", " No. 652/2009"
          r"(?:,?\s*(?:Cap\.?|Chapter)\s*\d{1,4}(?::\d{1,3})?[A-Z]?|\s*\[(?:Cap\.?|Chapter)[^\]]{1,20}\])?"  # ", Cap. 200"
          r"(?:\s*\((?:Law\s+)?No\.\s*[\d/]+\))?")
# "the Unlawful Activities (Prevention) Act", "Anti-Terrorism Proclamation": up to eight title words, then the kind
KIND_LAST = re.compile(rf"(?<![\w'’\-])(?P<name>{TITLE_WORD}(?:[ \t]+(?:{CONNECT}[ \t]+)*{TITLE_WORD}){{0,9}}[ \t]+{KINDS}(?![\w-])){SUFFIX}")
# a title whose words are a list: "the Police, Crime, Sentencing and Courts Act 2022"
LISTED_TITLE = re.compile(rf"(?<![\w'’\-])(?P<name>(?:[A-Z][\w'’\-]*,[ \t]+){{1,5}}[A-Z][\w'’\-]*[ \t]+and[ \t]+[A-Z][\w'’\-]*"
                          rf"(?:[ \t]+[A-Z][\w'’\-]*){{0,2}}[ \t]+{KINDS}(?![\w-])){SUFFIX}")
# the shortest reading, where the longest runs over two laws ("the Penal Code and the Press Law")
KIND_LAST_SHORT = re.compile(KIND_LAST.pattern.replace("{0,9}[ \\t]+", "{0,9}?[ \\t]+"))
TWO_LAWS = re.compile(rf"\b{KINDS}\s+(?:and|or|,)\s")
# "the Law on Combating Crimes of Terrorism and its Financing": the kind, then its topic's words
KIND_FIRST = re.compile(rf"(?<![\w-])(?P<name>(?:Law|Act|Code|Decree|Ordinance|Proclamation|Statute)[ \t]+(?:on|of|for|against|relating[ \t]+to)"
                        rf"[ \t]+(?:(?:{CONNECT}|[A-Z][\w'’\-]*)[ \t]+){{0,16}}?(?:[A-Z][\w'’\-]+|Financing|Self-determination)){SUFFIX}"
                        rf"(?=[ \t]*(?:[,;.:()\"“”]|$|\n|[ \t]+(?:(?!{CONNECT}\b)[a-z]|No\.?\s*\d)))")
# a word that qualifies a law's kind before it, part of its title: "the Organic Law against Organized Crime …"
QUALIFIER_BEFORE = re.compile(r"(?<![\w-])(?:Organic|Federal|Special|Basic|General|Fundamental|Comprehensive|Constitutional|"
                              r"Supplementary|Provisional|Interim)[ \t]+$")
# a title in Spanish, Portuguese or French, its kind first and its words joined by lower-case particles: "Ley Orgánica
# contra la Delincuencia Organizada y Financiamiento al Terrorismo", "Código Orgánico Procesal Penal", "Loi portant
# répression du terrorisme", "Lei de Segurança Nacional"
_PARTICLE = r"(?:de|del|la|el|los|las|y|e|al|contra|para|sobre|en|da|do|das|dos|du|des|à|au|aux|et|sur|portant|relative|relatif|l['’])"
KIND_FIRST_ROMANCE = re.compile(
    rf"(?<![\w-])(?P<name>(?:Ley|Lei|Loi|C[óo]digo|Code|Decreto|D[ée]cret|Decreto-Lei)(?:[ \t]+(?:Org[áâa]nic[oa]|organique|Especial|Federal|"
    rf"Procesal|Penal|Processual|p[ée]nal|Nacional|National|Militar|Civil|Electoral|General))*(?:[ \t]+{_PARTICLE}(?:[ \t]+{_PARTICLE})*[ \t]+[A-ZÁÉÍÓÚÂÊÔÃÕÇ][\w'’\-]*"
    rf"(?:[ \t]+[A-ZÁÉÍÓÚÂÊÔÃÕÇ][\w'’\-]*)*){{1,6}})(?![\w-])")
ROMANCE_KIND = re.compile(r"(?<![\w-])(?:Ley|Lei|Loi|C[óo]digo|Code|Decreto|D[ée]cret)\b")
NUMBERED = re.compile(r"(?:the\s+)?(?P<kind>Republic Act|R\.\s?A\.|RA|Presidential Decree|P\.\s?D\.|PD|Executive Order|E\.\s?O\.|"
                      r"Federal Law|Organic Law|Law|Ley|Decree|Act|Proclamation|Ordinance|(?i:d[ée]cret(?:-loi)?|loi|decreto(?:-le[yi])?|lei))\s+(?:No\.?\s*|[Nn][°º]\s*)?(?P<num>\d{1,6}(?:-[A-Z0-9]{1,4})?)\b"
                      r"(?:(?:\s+(?:of|de|del)\s+|/)(?P<year>(?:19|20)\d\d)\b|/(?P<yy>\d\d)\b(?![/.-]\d))?")  # "Law 23/10": of 2010
_MONTH_WORDS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December"]
_MONTHS = "(?:" + "|".join(sorted(set(_MONTH_WORDS) | set(load("dates")["months"]), key=len, reverse=True)) + ")"
_YEAR = r"(?:1[89]|20)\d\d"
# a law known by the day it was made: "the Law of 11 January 1958", "the Law of January 11, 1958", "Law of 11/1/1958",
# "la loi du 11 janvier 1958" (one with a number is read by its number: "Law No. 12 of 3 May 1990"); and by its year
# alone, "the 1958 law on terrorism"
DATED = re.compile(
    rf"(?<![\w-])(?P<kind>(?:Legislative\s+)?Decree(?:-Law)?|Law|Act|Ordinance|Loi|D[ée]cret(?:-loi)?|Ley|Decreto(?:-Lei)?|Lei)"
    rf"\s+(?:of|du|de|del|dated)\s+"
    rf"(?:\d{{1,2}}(?:er)?\s+(?:de\s+)?{_MONTHS}(?:\s+de)?,?\s+(?P<y1>{_YEAR})|{_MONTHS}\s+\d{{1,2}},?\s+(?P<y2>{_YEAR})"
    rf"|\d{{1,2}}[/.]\d{{1,2}}[/.](?P<y3>{_YEAR}))(?![\d/])", re.I)
YEAR_LAW = re.compile(rf"(?<=\bthe\s)(?P<year>{_YEAR})\s+(?P<kind>law|act|decree|ordinance)\b"
                      r"(?:\s+on\s+(?:the\s+)?(?-i:[a-z][\w-]+)(?:\s+of\s+(?-i:[a-z][\w-]+))?)?", re.I)
ABBREVIATED = {"r.a.": "Republic Act", "ra": "Republic Act", "r. a.": "Republic Act", "p.d.": "Presidential Decree",
               "pd": "Presidential Decree", "p. d.": "Presidential Decree", "e.o.": "Executive Order",
               "e. o.": "Executive Order", "ley": "Law", "loi": "Law", "lei": "Law", "décret": "Decree", "decret": "Decree",
               "decreto": "Decree", "décret-loi": "Decree-Law", "decret-loi": "Decree-Law", "decreto-ley": "Decree-Law",
               "decreto-lei": "Decree-Law"}
ACRONYM_AFTER = re.compile(r"^\s*\((?:the\s+|hereinafter\s+(?:the\s+)?)?[\"“”']?(?P<acr>[A-Z][A-Za-z]{1,9})[\"“”']?\)")
BACK = re.compile(r"(?:the\s+)?(?:same\s+|said\s+|above\s+|aforementioned\s+|aforesaid\s+)?"
                  r"(?P<head>Act|Code|Law|Ordinance|Proclamation|Decree|Convention|Covenant|Charter|Declaration|Constitution)\b")
# words that make a capitalised run no law's title ("the Supreme Court of the Code"): none of them opens one
NOT_TITLE = re.compile(r"^(?:Article|Articles|Section|Sections|Part|Chapter|Rule|Under|In|On|Of|By|The|A|An|This|That|His|Her|Their|"
                       r"And|Or|Both|Its|Court|Supreme|Police|Prosecutor)$")
STATE_FORMS = ("Republic", "State", "Kingdom", "Federation", "Sultanate", "Principality", "Commonwealth")


@dataclass
class Named:
    key: str  # the table's key, or the slug of the title (its year and number left out)
    name: str  # as written, without a leading "the"
    start: int
    end: int
    national: bool
    head: str = ""  # its kind's word: Act, Code, Convention …
    acronym: str | None = None


@lru_cache(maxsize=None)
def instruments() -> list[tuple[str, dict, re.Pattern[str]]]:
    table = load("instruments")
    return [(k, v, re.compile(r"(?:" + "|".join(v["patterns"]) + r")", re.I)) for k, v in table.items()]


ANCHOR_WORDS = re.compile(r"\b(?:Covenant|Convention|Declaration|Charter|Rules|Principles|Protocol|Code|Constitution|"
                          r"Law|Act|Guidelines|[A-Z]{2,}[A-Za-z]*)\b")


def _anchor(spec: dict) -> str:
    """The words a table entry's names cannot do without: its kind's word and its acronyms (data or patterns)."""
    if spec.get("anchor"):
        return spec["anchor"]
    words = {w for p in spec["patterns"] for w in ANCHOR_WORDS.findall(re.sub(r"\\[a-z]|\(\?[^)]*\)", " ", p))}
    return "|".join(sorted(words, key=len, reverse=True)) or r"\w+"


@lru_cache(maxsize=None)
def _anchored() -> list[tuple[int, re.Pattern[str], re.Pattern[str]]]:
    """(index, anchor word, pattern) of each table entry: a name is tried only around its anchor word ("Covenant",
    "ICCPR"), which keeps a long report cheap."""
    return [(i, re.compile(rf"\b(?:{_anchor(v)})\b", re.I), pat) for i, (_, v, pat) in enumerate(instruments())]


def _table_hits(text: str) -> list[tuple[int, int, int]]:
    """The table's names, each searched only around its anchor words: one pass over a whole report with every
    pattern costs twenty times as much."""
    hits: list[tuple[int, int, int]] = []  # (start, end, index)
    for i, anchor, pat in _anchored():
        for a in anchor.finditer(text):
            for m in pat.finditer(text, max(0, a.start() - 100), min(len(text), a.end() + 300)):
                if m.start() <= a.start() < m.end():
                    hits.append((m.start(), m.end(), i))
                    break
    return sorted(set(hits))


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", name.casefold()).strip("_")


def _title_key(name: str) -> str:
    """A title's key without its year, number or chapter: "Unlawful Activities (Prevention) Act, 1967" and
    "Unlawful Activities (Prevention) Act" are one law."""
    core = re.sub(r",?\s+(?:No\.?\s*)?\d[\d/]*(?:\s+of\s+\d{4})?.*$|,?\s*(?:Cap\.?|Chapter|\[).*$", "", name)
    return slug(core)


def _strip_the(text: str, s: int) -> int:
    m = re.match(r"the\s+", text[s:s + 4], re.I)
    return s + m.end() if m else s


def _head(name: str) -> str:
    m = re.search(rf"\b{KINDS}\b", name)
    return m.group(0) if m else ""


def _table_hit(key: str, spec: dict, text: str, s: int, e: int) -> Named:
    s = _strip_the(text, s)
    return Named(key, text[s:e], s, e, bool(spec.get("national")), _head(spec.get("full") or spec["name"] + " " + text[s:e]))


def _title_ok(name: str) -> bool:
    words = [w for w in re.split(r"\s+", name) if w]
    return len(words) >= 2 and not NOT_TITLE.match(words[0]) and not all(w[:1].islower() or w in ("of", "the") for w in words[:-1])


KIND_WORD = re.compile(rf"\b{KINDS}\b")
WINDOW = 160  # characters before a kind's word where its title may begin


def _title_matches(text: str):
    """(match, where its name begins): the titles in Spanish, Portuguese or French, then KIND_FIRST's (with a qualifier
    before the kind: "Organic Law against …"), then KIND_LAST's, the latter read again short where the long reading runs over two
    laws ("the Penal Code and the Press Law" is two).  Both are tried only around the words that name a kind of
    law, in windows, so a long report costs what its laws do."""
    for k in ROMANCE_KIND.finditer(text):
        m = KIND_FIRST_ROMANCE.match(text, k.start())
        if m:
            yield m, m.start("name")
    last_end = 0
    for k in KIND_WORD.finditer(text):
        if k.start() < last_end:
            continue
        m = KIND_FIRST.match(text, k.start())
        if m:
            q = QUALIFIER_BEFORE.search(text, max(0, k.start() - 20), k.start())
            yield m, (q.start() if q else m.start("name"))
        lo = max(last_end, k.start() - WINDOW)
        for m in KIND_LAST.finditer(text, lo, min(len(text), k.end() + 80)):
            if m.end("name") != k.end():
                continue  # a title that ends at another kind's word is read at that word
            if TWO_LAWS.search(m.group("name")):
                m = KIND_LAST_SHORT.match(text, m.start()) or m
            yield m, m.start("name")
            last_end = m.end()
            break


@lru_cache(maxsize=16)
def named_instruments(text: str) -> list[Named]:
    """Every place the text names an instrument, in order, overlaps settled (the table's names first), with the
    acronyms it defines joined to their titles."""
    found: list[Named] = []
    table = instruments()
    for s0, e0, i in _table_hits(text):
        key, spec, _ = table[i]
        found.append(_table_hit(key, spec, text, s0, e0))
    for m in NUMBERED.finditer(text):
        kind = re.sub(r"\s+", " ", m.group("kind"))
        kind = ABBREVIATED.get(kind.casefold(), kind)
        year = m.group("year") or (m.group("yy") and str((1900 if int(m.group("yy")) > 50 else 2000) + int(m.group("yy"))))
        name = f"{kind} No. {m.group('num')}" + (f" of {year}" if year else "")
        s = _strip_the(text, m.start())
        found.append(Named(slug(name), text[s:m.end()].strip(), s, m.end(), True, kind.split()[-1]))
    for m, s in _title_matches(text):
        e = m.end()
        if m.re is KIND_FIRST and re.search(r"[A-Z][\w'’\-]*[ \t]+$", text[max(0, s - 40):s]):
            continue  # "Criminal Code of the Kyrgyz Republic": the tail of a longer title, read whole elsewhere
        while s < e and (m2 := re.match(r"(?:the|The|of|Under|under|In|in|and)\s+", text[s:e])):
            s += m2.end()
        name = re.sub(r"\s+", " ", text[s:e]).strip().rstrip(",")
        if _title_ok(name):
            found.append(Named(_title_key(name), name, s, s + len(text[s:e].rstrip().rstrip(",")), True, _head(name)))
    for m in LISTED_TITLE.finditer(text):
        name = re.sub(r"\s+", " ", m.group(0)).strip().rstrip(",")
        if not NOT_TITLE.match(name):
            found.append(Named(_title_key(name), name, m.start(), m.start() + len(name), True, _head(name)))
    for rx in (DATED, YEAR_LAW):
        for m in rx.finditer(text):
            word = m.group("kind").split()[-1].split("-")[0]
            kind = ABBREVIATED.get(word.casefold(), word.capitalize())
            year = next(y for y in (m.groupdict().get(g) for g in ("y1", "y2", "y3", "year")) if y)
            s = _strip_the(text, m.start())
            key, name = f"{kind.casefold()}_of_{year}", re.sub(r"\s+", " ", text[s:m.end()]).strip()
            if rx is YEAR_LAW:
                # "the 2022 Act" after "the Police, Crime, Sentencing and Courts Act 2022": that law, called short
                titled = [n for n in found if n.end <= m.start() and year in n.name and n.head.casefold() == kind.casefold()]
                if titled:
                    key, name = titled[-1].key, titled[-1].name
            # one key for the spellings of one day, or of the year alone ("the 1958 law on terrorism")
            found.append(Named(key, name, s, m.end(), True, kind))
    found.sort(key=lambda n: (n.start, -(n.end - n.start)))
    out: list[Named] = []
    for n in found:
        if out and n.start < out[-1].end:
            continue
        out.append(n)
    # acronyms a title defines: "… Act, 1967 (UAPA)", '(the "NSL")'
    defined: dict[str, Named] = {}
    for n in out:
        m = ACRONYM_AFTER.match(text[n.end:n.end + 20])
        if m:
            n.acronym = m.group("acr")
            defined.setdefault(n.acronym, n)
    if defined:
        rx = re.compile(r"(?<![\w-])(?:the\s+)?(" + "|".join(re.escape(a) for a in defined) + r")(?![\w-])")
        taken = [(n.start, n.end + 20) for n in out]
        for m in rx.finditer(text):
            if any(a <= m.start(1) < b for a, b in taken):
                continue
            d = defined[m.group(1)]
            out.append(Named(d.key, m.group(1), m.start(1), m.end(1), d.national, d.head, m.group(1)))
        out.sort(key=lambda n: n.start)
    return out


def back_reference(text: str, pos: int, named: list[Named]) -> Named | None:
    """ "the same Act", "the Convention": the last instrument named before `pos` whose kind is that word."""
    m = BACK.match(text, pos)
    if not m:
        return None
    head = m.group("head").casefold()
    table = load("instruments")
    earlier = list(reversed([n for n in named if n.end <= pos]))
    # "the said Act" is the last Act named, even where a Code was named after it; a national law of another kind
    # only where no law of that word was named
    for strict in (True, False):
        for n in earlier:
            full = f"{table.get(n.key, {}).get('full') or ''} {n.name} {n.head}".casefold()
            if re.search(rf"\b{head}\b", full) if strict else (
                    head in full or (head in ("act", "code", "law") and n.national and n.head.casefold() in ("act", "code", "law", ""))):
                return Named(n.key, n.name, pos, m.end(), n.national, n.head, n.acronym)
    return None


ACRONYM_AT = re.compile(r"(?:the\s+)?(?P<acr>[A-Z][A-Za-z]{0,6}[A-Z])(?![\w-])(?!\s+(?:of|on)\s+[A-Z])")


def instrument_at(text: str, pos: int, named: list[Named]) -> Named | None:
    """The instrument named at text[pos:] (after "of the"), else the one a back-reference there stands for, else
    an acronym this text does not define ("of the UAPA"): the case file joins it to the title another report
    gives it."""
    here = next((n for n in named if pos <= n.start <= pos + 4), None)
    if here is not None:
        return here
    back = back_reference(text, pos, named)
    if back is not None:
        return back
    m = ACRONYM_AT.match(text, pos)
    if m and not re.fullmatch(r"(?:UN|US|USA|UK|EU|AU|CEO|NGO|THE|[IVXLC]+)", m.group("acr")):
        a = m.group("acr")
        return Named(slug(a), a, m.start("acr"), m.end("acr"), True, "", a)
    return None


def instrument_before(text: str, pos: int, named: list[Named]) -> Named | None:
    """ "the NSL's Article 23", "UAPA section 13", "Penal Code Article 117": an instrument right before a citation."""
    for n in reversed(named):
        if n.end <= pos and re.fullmatch(r"(?:['’]s)?[ \t]*|,[ \t]*", text[n.end:pos]):
            return n
        if n.end < pos - 6:
            break
    return None
