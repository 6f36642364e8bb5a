"""Legal provisions: instrument, article (or section, rule …) and part, by a grammar of the shapes laws take.

A citation is a head word (Article, Art., Section, s., ss., §, Rule, Clause), a list of numbers (with
letters, dots, dashes, "bis", bracketed subdivisions: "302A", "45C(2)", "212.1", "206.3.2", "193-1", "37(1)(b)",
"102 bis"; joined by "and", commas, "to", "read with"), an optional part ("part 3", "paragraph 2"), and its
instrument: after it ("of the X Act", "of the same Code"), before it ("the NSL's Article 23", "UAPA section
13"), or, where the citation names none, the instrument named last in its sentence or cited just before.
"Part 2 of Article 212.1" names the part first.  A dotted number is split into article and part only where
the text numbers so: in a text that writes three-level numbers ("206.3.2") a dotted number is article and
part; elsewhere "212.1" is the article itself, and a part follows it in words or in brackets.
The instruments themselves are read by laws.py, from the text.
"""
from __future__ import annotations

import re

from ..model import Document, Provision
from .data import load
from .laws import Named, instrument_at, instrument_before, instruments, named_instruments

__all__ = ["find_provisions", "split_number", "instruments", "named_instruments"]

# what the offence is, in brackets between the citation and its law: "Article 310, part 2 (preparation of an act of
# terrorism) of the Criminal Code"
GLOSS = r"(?:\s*\([^()\n]{2,160}\))"
SUB = r"(?:\s?\((?:\d{1,3}|[a-z]{1,3}|[ivx]{1,5})\))"
NUM = rf"\d{{1,4}}[A-Z]{{0,2}}(?:-\d{{1,4}})?(?:\.\d{{1,3}})*(?:\s(?:bis|ter|quater|quinquies)\b)?(?:/\d{{1,2}}(?:-[a-z])?)?{SUB}*"
HEAD = r"(?P<head>Articles?|Art[íi]culos?|Artigos?|Articol[oi]|Arts?\.|Sections?|Secs?\.|ss?\.|§§?|Rules?|Clauses?)"
# (the words of a list in French, Spanish and Portuguese as well: "articles 6 et 7", "artículos 209 y 230")
SEP = r"\s*(?i:,\s*(?:and\s+|or\s+|(?:et|y|e)\s+(?=\d))?|\band\b|\bor\b|(?<=\s)(?:et|y|e)(?=\s+\d)|\bto\b|–|&|\bread\s+with\s+(?:(?:Articles?|Sections?|ss?\.|§)\s*)?)\s*"
# a subdivision written in words after the article: "part 2", "paragraph 3(a)", "section A", "fraction VIII"; more
# may follow ("article 2, section A, fraction VIII, of the Constitution"), the first is the part
PART_WORD = (r"(?:part|paragraph|para\.|par\.|subsection|sub-paragraph|subparagraph|item|point|clause|al\.|alinéa|"
             r"apartado|inciso|numeral|fraction|fracción|fraccion|letter|section)")
PART_VALUE = r"(?:\d{1,2}(?:\([a-z]\))?|(?-i:[IVXLC]{1,6})\b|(?-i:[A-Za-z])\b)"
CITE_RE = re.compile(
    rf"\b{HEAD}\s*(?P<list>{NUM}(?:{SEP}{NUM})*)"
    r"(?P<more>(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)\(\w{1,4}\))+)?"  # "57(1) and (2)", "19(1), (2) and (3)"
    rf"(?:,?\s+{PART_WORD}\s+(?P<part>{PART_VALUE})(?:,?\s+{PART_WORD}\s+{PART_VALUE})*)?"
    rf"(?P<tail>{GLOSS}?,?\s+(?:of|under|in|de|du|del|da|do)\s+(?:the\s+|its\s+|this\s+|that\s+|la\s+|le\s+|l['’]\s*)?)?", re.I)
PART_OF_RE = re.compile(
    rf"\b(?:part|paragraph|subsection|clause|point|item)\s+(?P<part>\d{{1,2}}|[a-z])\s+of\s+(?:Article|section|art\.)\s+(?P<art>{NUM})"
    rf"(?P<tail>{GLOSS}?\s+(?:of|under|in)\s+(?:the\s+)?)?", re.I)
# a code's acronym written straight after the citation, without "of"
ACRONYM_NEXT = re.compile(r"[ \t]+(?P<acr>[A-Z]{2,6})\b(?![ \t]+[A-Z][a-z])")
# "Article 19 said", "ARTICLE 19, the press freedom group": the organisation, not a provision
NOT_PROVISION_RE = re.compile(r"(?:['’]s\b|,?\s+(?:said|says|has|have|is|was|called|urged|noted|and\s+other)\b"
                              r"|,\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}(?:group|organi[sz]ation|NGO|watchdog)\b)")
# a constitution's articles in Roman numerals, with sections: "Article III, Section 13", "Section 4, Article III"
ROMAN_RE = re.compile(
    r"\b(?:Article\s+(?P<art>[IVXLC]{1,6})(?:,?\s+Sections?\s+(?P<part>\d{1,3}))?"
    r"|Sections?\s+(?P<part2>\d{1,3}(?:\s*(?:,|and|&)\s*\d{1,3})*),?\s+(?:of\s+)?(?:Article\s+(?P<art2>[IVXLC]{1,6})|Rule\s+(?P<rule>\d{1,3})))\b"
    r"(?P<tail>,?\s+(?:of|under|in)\s+(?:the\s+)?)?")
LIST_GOES_ON = re.compile(r"\s*(?:,\s*)?(?:and|or|as well as)\b", re.I)  # a list of citations carried on past a verb
INHERIT_WINDOW = 700  # characters back within which an article without an instrument takes the last one cited
HEAD_WORDS = {"art": "Article", "article": "Article", "arts": "Article", "articles": "Article", "section": "Section",
              "sections": "Section", "sec": "Section", "secs": "Section", "s": "Section", "ss": "Section", "§": "Section",
              "§§": "Section", "rule": "Rule", "rules": "Rule", "clause": "Clause", "clauses": "Clause"}


def split_number(num: str, three_level: bool = True) -> tuple[str, str | None]:
    """'206.3.2' -> ('206', '3.2'); '37(1)(b)' -> ('37', '1(b)'); '14 (7)' -> ('14', '7'); '314/2' -> ('314', '2');
    '45C(2)' -> ('45C', '2'); '5.38' and '212.1' stay articles.

    A dotted number is an article and its part where the text numbers in three levels (`three_level`: it writes
    "206.3.2" somewhere) and the first figure has three digits or more (the codes' "535.1"); the administrative
    codes' "5.38", "20.2" are articles, as is "212.1" in a text that gives parts in words ("part 2 of Article
    212.1")."""
    num = num.strip()
    slash = re.match(r"(\d{1,4})/(\d{1,2}(?:-[a-z])?)(.*)$", num)  # the Turkish codes' 314/2: article 314, paragraph 2
    if slash and not slash.group(3).strip():
        return slash.group(1), slash.group(2)
    parens = re.findall(r"\(([0-9a-z]{1,5})\)", num)
    base = re.sub(r"\s?\([0-9a-z]{1,5}\)", "", num).rstrip(".")
    dots = base.split(".")
    head = re.match(r"\d+", dots[0]).group(0)  # type: ignore[union-attr]
    if len(dots) == 1:
        art, rest = base, []
    elif len(head) >= 3 and (len(dots) >= 3 or three_level):
        art, rest = dots[0], dots[1:]
    else:
        art, rest = base, []
    part = ".".join(rest) or None
    if parens:
        paren = parens[0] + "".join(f"({p})" for p in parens[1:])
        part = f"{part}.{paren}" if part else paren
    return art, part


def _expand(listing: str, three_level: bool) -> list[tuple[str, str | None]]:
    out: list[tuple[str, str | None]] = []
    items = [x for x in re.split(rf"({SEP})", listing) if x and x.strip()]
    prev: int | None = None
    rng = False
    for p in items:
        if not re.search(r"\d", p):  # a separator (its lookahead for the next number is not in the piece)
            rng = bool(re.search(r"\bto\b|–", p))
            continue
        m = re.fullmatch(r"(\d+)-(\d+)", p.strip())
        if m and int(m.group(2)) > int(m.group(1)) and int(m.group(2)) - int(m.group(1)) <= 30 and len(m.group(2)) >= len(m.group(1)):
            out += [(str(n), None) for n in range(int(m.group(1)), int(m.group(2)) + 1)]  # "Articles 5-7"
            prev, rng = int(m.group(2)), False
            continue
        art, part = split_number(p, three_level)
        if rng and prev is not None and art.isdigit() and 0 < int(art) - prev <= 30:
            out += [(str(n), None) for n in range(prev + 1, int(art))]
        out.append((art, part))
        prev = int(art) if art.isdigit() else None
        rng = False
    return out


def _first_level(part: str | None) -> str | None:
    """A nested part ("1(a)") is cited at its first level ("1"), as answer keys and registers number parts; the
    evidence quote keeps the point ("37(1)(b)")."""
    return part.split("(")[0].rstrip(".") if part and "(" in part else part


def find_provisions(doc: Document) -> list[Provision]:
    text = doc.text
    named = named_instruments(text)
    # articles numbered article.part.point ("206.3.2"): then "535.1" is article 535, part 1; a two-figure head
    # ("20.3.3" of an administrative code) is an article's own number
    three_level = bool(re.search(r"\b\d{3,4}(?:-\d)?\.\d{1,2}\.\d{1,2}\b", text))
    table = load("instruments")
    out: list[Provision] = []
    last_for_article: dict[str, Named] = {}
    cited: list[tuple[int, Named]] = []  # (position, instrument) of each citation that named its instrument
    cited_ends: list[int] = []

    def add(inst: Named, art: str, part: str | None, head: str, s: int, e: int) -> None:
        out.append(Provision(instrument=inst.key, instrument_name=inst.name, article=art, part=_first_level(part),
                             evidence=[doc.span(s, e)], head=head, acronym=inst.acronym))

    def resolve(tail_end: int | None, start: int, art: str) -> tuple[Named | None, int | None]:
        if tail_end is not None:
            inst = instrument_at(text, tail_end, named)
            if inst is not None:
                return inst, inst.end
        before = instrument_before(text, start, named)
        if before is not None:
            return before, before.end
        # the instrument named earlier in the same sentence, after the last one cited with its articles
        sentence_start = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
        floor = max([sentence_start] + cited_ends)
        here = [n for n in named if floor < n.start and n.end <= start]
        if here:  # "the Declaration on …, which establishes that … (article 2)", "the Code in force … Article 280.3"
            return here[-1], None
        if art in last_for_article:  # "Article 314" after "Article 314/2 of the Penal Code"
            return last_for_article[art], None
        recent = [n for p, n in cited if start - p <= INHERIT_WINDOW]
        if recent:
            return recent[-1], None
        # "articles 241 and 245 and punished under article 242 of the Code": the law named next
        return _named_ahead(start), None

    def _named_ahead(start: int) -> Named | None:
        """The instrument the next citation of the same sentence names in its tail, where only citations and a few
        words stand between ("articles 241 and 245 and punished under article 242, fraction II, of the Code")."""
        stop = min([x for x in (text.find(". ", start), text.find("\n", start)) if x >= 0] or [len(text)])
        own = CITE_RE.match(text, start) or PART_OF_RE.match(text, start)  # "Part 3 of Article 310 (…) and …"
        if own is None or own.group("tail"):
            return None
        n = next(CITE_RE.finditer(text, own.end(), stop), None)
        if n is None or not n.group("tail"):
            return None
        between = re.sub(GLOSS, "", text[own.end():n.start()])  # "Article 310 (terrorism) and Article 418 (…) of …"
        if len(between) <= 60 and LIST_GOES_ON.match(between) and not re.search(r"[()\[\];]", between):
            return instrument_at(text, n.end("tail"), named)
        return None

    roman = [m.span() for m in ROMAN_RE.finditer(text)]
    part_of = [m.span() for m in PART_OF_RE.finditer(text)]
    for m in PART_OF_RE.finditer(text):  # "Part 2 of Article 342 of the Criminal Code" names the law of a later "342(2)"
        if m.group("tail"):
            inst = instrument_at(text, m.end("tail"), named)
            if inst is not None:
                last_for_article.setdefault(split_number(m.group("art"), three_level)[0], inst)
    for m in CITE_RE.finditer(text):
        if any(a <= m.start() < b for a, b in roman) or any(a < m.start() < b for a, b in part_of):
            continue  # read below, by their own shapes
        word = m.group("head").rstrip(".").casefold()
        if word in ("s", "ss") and m.group("tail") is None and instrument_before(text, m.start(), named) is None:
            continue  # a bare "s. 12" is too often something else
        if m.group(0)[:7].isupper() and m.group(0)[:1].isupper() or NOT_PROVISION_RE.match(text, m.end("list")):
            continue
        pairs = _expand(m.group("list"), three_level)
        if not pairs:
            continue
        if m.group("part") and len(pairs) == 1:
            pairs = [(pairs[0][0], m.group("part"))]
        if m.group("more") and len(pairs) == 1 and pairs[0][1]:
            pairs += [(pairs[0][0], x) for x in re.findall(r"\((\w{1,4})\)", m.group("more"))]
        tail_end = m.end("tail") if m.group("tail") else None
        if tail_end is None and (acr := ACRONYM_NEXT.match(text, m.end())) \
                and any(n.start == acr.start("acr") for n in named):
            # "Article 187 par. 1 PC": the acronym of a code the text names, right after the citation
            tail_end = acr.start("acr")
        inst, iend = resolve(tail_end, m.start(), pairs[0][0])
        if inst is None or (iend is None and word.startswith(("section", "s", "§")) and inst.key in table
                            and not table[inst.key].get("national")):
            continue  # treaties have articles: a bare "Section 7" is not the ICCPR's
        end = iend if iend is not None and iend > m.start() else (m.end("part") if m.group("part") else m.end("list"))
        head = HEAD_WORDS.get(word, "Article")
        for art, part in pairs:
            last_for_article[art] = inst
            add(inst, art, part, head, m.start(), end)
        if iend is not None:
            cited.append((m.start(), inst))
            cited_ends.append(iend)
    for m in ROMAN_RE.finditer(text):
        art, part = m.group("art") or m.group("art2") or m.group("rule"), m.group("part") or m.group("part2")
        inst = instrument_at(text, m.end("tail"), named) if m.group("tail") else None
        if inst is None:
            want = "rules_of_court" if m.group("rule") else "constitution"
            recent = [n for p, n in cited if m.start() - p <= INHERIT_WINDOW and n.key == want]
            inst = recent[-1] if recent else None
        if inst is not None:
            end = inst.end if m.group("tail") and inst.start >= m.end("tail") else m.end()
            for one in re.findall(r"\d{1,3}", part) if part else [None]:  # "Sections 4, 8 and 13 of Article III"
                add(inst, art, one, "Rule" if m.group("rule") else "Article", m.start(), end)
            if inst.start >= m.start():
                cited.append((m.start(), inst))
    for m in PART_OF_RE.finditer(text):
        art = split_number(m.group("art"), False)[0]
        inst = instrument_at(text, m.end("tail"), named) if m.group("tail") else None
        inst = inst or last_for_article.get(art) or resolve(None, m.start(), art)[0]
        if inst is not None:
            end = inst.end if m.group("tail") and inst.start >= m.end("tail") else m.end("art")
            add(inst, art, m.group("part"), "Article", m.start(), end)
    return out

