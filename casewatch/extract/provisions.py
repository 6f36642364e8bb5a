"""Legal provisions: instrument, article and part.

Reads the forms reports use: "Article 174(2) of the Criminal Code", "articles 9, 14 (7)
and 19 of the ICCPR", "article 206.3.2 of the Criminal Code" (article 206, part 3.2),
"Article 193-1.3.1", "section 37(1)(b) of the Criminal Law (Codification and Reform) Act",
"section 41 of the same Act", "Articles 5 and 10 of the Convention" (the convention named
last), "(Article 203)" after an offence in a sentence that named its code.

The instruments a reader knows by name are in data/instruments.yaml; a national law the
table does not know ("the Maintenance of Peace and Order Act") keeps its name as written.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from ..model import Document, Provision
from .data import load

# one cited number: 174 | 174(2) | 14 (7) | 37(1)(b) | 206.3.2 | 193-1.3.1 | 5.38
ART = r"\d{1,4}(?:-\d{1,4})?(?:\s(?:bis|ter|quater|quinquies)\b)?(?:\.\d{1,3})*(?:/\d{1,2}(?:-[a-z])?)?(?:\s?\(\d{1,2}\))?(?:\s?\([a-z]{1,3}\))?"
HEAD = r"(?:Articles?|Arts?\.|Sections?|ss?\.|§§?)"
ARTICLES_RE = re.compile(
    rf"\b{HEAD}\s*(?P<list>{ART}(?:\s*(?:,|and|or|to|–|-)\s*{ART})*)"
    rf"(?:,?\s+(?:part|paragraph|para\.|subsection|item)\s+(?P<part>\d{{1,2}}(?:\([a-z]\))?))?"
    r"(?P<tail>,?\s+(?:of|under|in)\s+(?:the\s+|its\s+|this\s+)?)?", re.I)
# "Article 19 said", "ARTICLE 19, the press freedom group": the organisation, not a provision
NOT_PROVISION_RE = re.compile(r"(?:['’]s\b|,?\s+(?:said|says|has|have|is|was|called|urged|noted|and\s+other)\b"
                              r"|,\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}(?:group|organi[sz]ation|NGO|watchdog)\b)")
PART_OF_RE = re.compile(
    r"\b(?:part|paragraph|subsection)\s+(?P<part>\d{1,2})\s+of\s+(?:Article|section)\s+(?P<art>\d{1,4}(?:[.-]\d{1,4})*)"
    r"(?P<tail>\s+(?:of|under|in)\s+(?:the\s+)?)?", re.I)
# the text that refers back to an instrument named before: "the same Act", "the Convention"
BACK_RE = re.compile(r"(?:the\s+)?(?:same\s+|said\s+|above\s+|aforementioned\s+)?"
                     r"(?P<head>Act|Code|Law|Convention|Covenant|Charter|Declaration|Constitution)\b")
# a national law the table does not know: "the Maintenance of Peace and Order Act [Chapter 11:23]"
NAME_WORD = r"[A-Z][\w'’\-]*"
LAW_RE = re.compile(
    rf"(?:the\s+)?(?P<name>{NAME_WORD}(?:\s+(?:(?:of|and|on|for|the|in|to)\s+)*(?:{NAME_WORD}|\([A-Z][^()]{{2,60}}\)))*?"
    r"\s+(?:Act|Law|Code|Decree|Ordinance|Proclamation))\b(?!\s+(?:\((?!(?:Law\s+)?No\.)|Act\b|Law\b|Code\b))(?:,?\s+(?:No\.?\s*)?\d+(?:\s+of\s+\d{4})?)?"
    r"(?:\s*\[[^\]]{1,40}\])?(?:\s*\((?:Law\s+)?No\.\s*[\d/]+\))?")
NUMBERED_LAW_RE = re.compile(
    r"(?:the\s+)?(?P<kind>Republic Act|R\.\s?A\.|RA|Presidential Decree|P\.\s?D\.|PD|Executive Order|E\.\s?O\.|"
    r"Federal Law|Organic Law|Law|Decree|Act|Proclamation|Ordinance)\s+(?:No\.?\s*)?(?P<num>\d{1,6}(?:-[A-Z0-9]{1,4})?)\b"
    r"(?:(?:\s+of\s+|/)(?P<year>(?:19|20)\d\d)\b)?")  # "Law No. 94 of 2015", "Law 94/2015": the year is part of its name
ABBREVIATED = {"r.a.": "Republic Act", "ra": "Republic Act", "r. a.": "Republic Act", "p.d.": "Presidential Decree",
               "pd": "Presidential Decree", "p. d.": "Presidential Decree", "e.o.": "Executive Order",
               "e. o.": "Executive Order"}
# a constitution's articles in Roman numerals, with sections: "Article III, Section 13", "Section 4, Article III"
ROMAN_RE = re.compile(
    r"\b(?:Article\s+(?P<art>[IVXLC]{1,6})(?:,?\s+Sections?\s+(?P<part>\d{1,3}))?"
    r"|Sections?\s+(?P<part2>\d{1,3}(?:\s*(?:,|and|&)\s*\d{1,3})*),?\s+(?:of\s+)?(?:Article\s+(?P<art2>[IVXLC]{1,6})|Rule\s+(?P<rule>\d{1,3})))\b"
    r"(?P<tail>,?\s+(?:of|under|in)\s+(?:the\s+)?)?")
# "the Constitution of the Kingdom" cut short names no country
STATE_FORMS = ("Republic", "State", "Kingdom", "Federation", "Sultanate", "Principality", "Commonwealth")
INHERIT_WINDOW = 700  # characters back within which an article without an instrument takes the last one named


@dataclass
class Named:
    key: str
    name: str
    start: int
    end: int
    national: bool


@lru_cache(maxsize=None)
def instruments() -> list[tuple[str, dict, re.Pattern[str]]]:
    table = load("instruments")
    return [(k, v, re.compile(r"(?:" + "|".join(v["patterns"]) + r")", re.I)) for k, v in table.items()]


def _country_name(spec: dict, written: str) -> str:
    name = spec["name"]
    if not spec.get("national"):
        return name
    # "the Penal Code" stays a Penal Code: a reader writes the name the texts use
    name = next((w for w in spec.get("as_written", []) if w.casefold() in written.casefold()), name)
    # "of the Kingdom of Cambodia", "of the Republic of Azerbaijan": the country is the last name
    country = re.search(r"\bof\s+(?:the\s+)?(?:(?:[A-Z]\w+\s+){0,2}[A-Z]\w+\s+of\s+)?([A-Z]\w+)\s*$", written) \
        or re.match(r"([A-Z]\w+)['’]s\s", written)
    if not country or country.group(1) in STATE_FORMS or country.group(1) in name.split():
        return name
    return f"{name} of {country.group(1)}"


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", name.casefold()).strip("_")


def _numbered(m: re.Match[str]) -> Named:
    kind = re.sub(r"\s+", " ", m.group("kind"))
    kind = ABBREVIATED.get(kind.casefold(), kind)
    name = f"{kind} No. {m.group('num')}" + (f" of {m.group('year')}" if m.group("year") else "")
    return Named(_slug(name), name, m.start(), m.end(), True)


def instrument_at(text: str, pos: int) -> Named | None:
    """The instrument named at text[pos:]: one of the table's, a law by its number, else a law by its own name."""
    m = NUMBERED_LAW_RE.match(text, pos)
    if m:
        return _numbered(m)
    for key, spec, pat in instruments():
        m = pat.match(text, pos)
        if m:
            return Named(key, _country_name(spec, m.group(0)), pos, m.end(), bool(spec.get("national")))
    m = LAW_RE.match(text, pos)
    if m and len(m.group("name").split()) >= 2:
        name = re.sub(r"\s+", " ", m.group("name"))
        return Named(_slug(name), name, pos, m.end(), True)
    return None


def named_instruments(text: str) -> list[Named]:
    """Every place the text names an instrument, in order (the table's names first where they overlap)."""
    found: list[Named] = []
    for key, spec, pat in instruments():
        for m in pat.finditer(text):
            found.append(Named(key, _country_name(spec, m.group(0)), m.start(), m.end(), bool(spec.get("national"))))
    for m in NUMBERED_LAW_RE.finditer(text):
        found.append(_numbered(m))
    for m in LAW_RE.finditer(text):
        if len(m.group("name").split()) >= 2 and not any(n.start <= m.start("name") < n.end for n in found):
            name = re.sub(r"\s+", " ", m.group("name"))
            found.append(Named(_slug(name), name, m.start("name"), m.end(), True))
    found.sort(key=lambda n: (n.start, -n.end))
    out: list[Named] = []
    for n in found:
        if out and n.start < out[-1].end:
            continue
        out.append(n)
    return out


def _back_reference(text: str, pos: int, named: "Callable[[], list[Named]]") -> Named | None:
    """ "the same Act", "the Convention": the last instrument named before `pos` with that head word."""
    m = BACK_RE.match(text, pos)
    if not m:
        return None
    named = named()
    head = m.group("head").casefold()
    table = load("instruments")
    for n in reversed([n for n in named if n.end <= pos]):
        full = (table.get(n.key, {}).get("full") or "") + " " + n.name
        words = full.casefold()
        if head in words or (head in ("act", "code", "law") and n.national):
            return Named(n.key, n.name, pos, m.end(), n.national)
    return None


def split_number(num: str) -> tuple[str, str | None]:
    """'206.3.2' -> ('206', '3.2'); '37(1)(b)' -> ('37', '1(b)'); '14 (7)' -> ('14', '7'); '314/2' -> ('314', '2');
    '5.38' stays an article.

    A dotted number whose first figure has three or more digits is an article and its part
    (the post-Soviet codes' 206.3.2); with one or two digits it is itself an article number
    (the administrative codes' 5.38, 20.2), and a further dot begins the part.
    """
    num = num.strip()
    slash = re.match(r"(\d{1,4})/(\d{1,2}(?:-[a-z])?)(.*)$", num)  # the Turkish codes' 314/2: article 314, paragraph 2
    if slash and not slash.group(3).strip():
        return slash.group(1), slash.group(2)
    parens = re.findall(r"\(([0-9a-z]{1,3})\)", num)
    base = re.sub(r"\s?\([0-9a-z]{1,3}\)", "", num).rstrip(".")
    dots = base.split(".")
    head = re.match(r"\d+", dots[0]).group(0)  # type: ignore[union-attr]
    if len(dots) == 1:
        art, rest = base, []
    elif len(head) >= 3:
        art, rest = dots[0], dots[1:]
    else:
        art, rest = ".".join(dots[:2]), dots[2:]
    part = ".".join(rest) or None
    if parens:
        paren = parens[0] + "".join(f"({p})" for p in parens[1:])
        part = f"{part}.{paren}" if part else paren
    return art, part


def _expand(listing: str) -> list[tuple[str, str | None]]:
    out: list[tuple[str, str | None]] = []
    items: list[str] = []
    for p in re.split(r"\s*(,|\band\b|\bor\b|\bto\b|–)\s*", listing):
        rng = re.fullmatch(r"(\d+)-(\d+)", p)
        items += [rng.group(1), "to", rng.group(2)] if rng and int(rng.group(2)) > int(rng.group(1)) else [p]
    prev: int | None = None
    sep = None
    for p in items:
        if p in (",", "and", "or", "to", "–"):
            sep = p
            continue
        if not re.match(r"\d", p or ""):
            continue
        art, part = split_number(p)
        if sep in ("to", "–") and prev is not None and art.isdigit() and 0 < int(art) - prev <= 30:
            out += [(str(n), None) for n in range(prev + 1, int(art))]
        out.append((art, part))
        prev = int(art) if art.isdigit() else None
        sep = None
    return out


def find_provisions(doc: Document) -> list[Provision]:
    text = doc.text
    cache: list[list[Named]] = []

    def named() -> list[Named]:  # the scan for every instrument name runs only when a text refers back
        if not cache:
            cache.append(named_instruments(text))
        return cache[0]
    out: list[Provision] = []
    last_for_article: dict[str, Named] = {}
    cited: list[tuple[int, Named]] = []  # (position, instrument) of each provision with its instrument
    cited_ends: list[tuple[int, int]] = []  # (start, end) of each citation that named its instrument
    table = load("instruments")

    def resolve(tail_end: int | None, start: int, art: str) -> tuple[Named | None, int | None]:
        if tail_end is not None:
            inst = instrument_at(text, tail_end) or _back_reference(text, tail_end, named)
            if inst is not None:
                return inst, inst.end
        # "the Declaration on …, which establishes that … (article 2)": an instrument named earlier in the
        # same sentence, after the last one cited with its articles, is the one a bare article belongs to
        sentence_start = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
        floor = max([sentence_start] + [e for _, e in cited_ends])
        here = [n for n in named() if floor < n.start and n.end <= start]
        if here and re.search(r"\b(?:Declaration|Convention|Covenant|Charter|Principles|Rules)\b", here[-1].name + " "
                              + str(table.get(here[-1].key, {}).get("full", ""))):
            return here[-1], None
        if art in last_for_article:  # "Article 314" after "Article 314/2 of the Penal Code"
            return last_for_article[art], None
        recent = [n for p, n in cited if start - p <= INHERIT_WINDOW]
        if recent:
            return recent[-1], None
        return None, None

    # "Part 2 of Article 342 of the Criminal Code" names the instrument a later bare "article 342 (2)" cites
    for m in PART_OF_RE.finditer(text):
        if m.group("tail"):
            inst = instrument_at(text, m.end("tail"))
            if inst is not None:
                last_for_article.setdefault(m.group("art"), inst)
    roman = [m.span() for m in ROMAN_RE.finditer(text)]
    table = load("instruments")
    for m in ARTICLES_RE.finditer(text):
        if any(a <= m.start() < b for a, b in roman):
            continue  # "Article III, Section 13" is read below, as the constitution's article and section
        word = text[m.start():m.start("list")].strip().casefold()
        if word in ("s.", "ss.") and m.group("tail") is None:
            continue  # a bare "s. 12" is too often something else
        if m.group(0)[:1].isupper() and m.group(0)[:7].isupper() or NOT_PROVISION_RE.match(text, m.end("list")):
            continue
        pairs = _expand(m.group("list"))
        if m.group("part") and len(pairs) == 1:
            pairs = [(pairs[0][0], m.group("part"))]
        tail_end = m.end("tail") if m.group("tail") else None
        inst, iend = resolve(tail_end, m.start(), pairs[0][0] if pairs else "")
        if inst is None or (iend is None and word.startswith(("section", "s.", "ss.", "§"))
                            and inst.key in table and not table[inst.key].get("national")):
            continue  # treaties have articles: a bare "Section 7" is not the ICCPR's
        end = iend if iend is not None else (m.end("part") if m.group("part") else m.end("list"))
        span = doc.span(m.start(), end)
        for art, part in pairs:
            last_for_article[art] = inst
            out.append(Provision(instrument=inst.key, instrument_name=inst.name, article=art, part=part,
                                 evidence=[span]))
        if iend is not None:
            cited.append((m.start(), inst))
            cited_ends.append((m.start(), iend))
    for m in ROMAN_RE.finditer(text):
        art, part = m.group("art") or m.group("art2") or m.group("rule"), m.group("part") or m.group("part2")
        inst = None
        if m.group("tail"):
            inst = instrument_at(text, m.end("tail")) or _back_reference(text, m.end("tail"), named)
        if inst is None:
            want = "rules_of_court" if m.group("rule") else "constitution"
            recent = [n for p, n in cited if m.start() - p <= INHERIT_WINDOW and n.key == want]
            inst = recent[-1] if recent else None
        if inst is not None:
            end = inst.end if m.group("tail") and inst.start >= m.end("tail") else m.end()
            for one in re.findall(r"\d{1,3}", part) if part else [None]:  # "Sections 4, 8 and 13 of Article III"
                out.append(Provision(inst.key, inst.name, art, one, [doc.span(m.start(), end)]))
            if inst.start >= m.start():
                cited.append((m.start(), inst))
    for m in PART_OF_RE.finditer(text):
        art = m.group("art")
        inst = None
        if m.group("tail"):
            inst = instrument_at(text, m.end("tail")) or _back_reference(text, m.end("tail"), named)
        inst = inst or last_for_article.get(art)
        if inst is not None:
            end = inst.end if m.group("tail") and inst.start >= m.end("tail") else m.end("art")
            out.append(Provision(inst.key, inst.name, art, m.group("part"), [doc.span(m.start(), end)]))
    return out
