"""Legal provisions: instrument, article and part ("Article 174(2) of the Criminal Code")."""
from __future__ import annotations

import re
from functools import lru_cache

from ..model import Document, Provision
from .data import load

ART = r"\d{1,4}(?:\.\d{1,3})?(?:\s*\(\d{1,2}\))?"
ARTICLES_RE = re.compile(
    rf"\b(?:Articles?|Art\.|arts?\.)\s+(?P<list>{ART}(?:\s*(?:,|and|to|–|-)\s*{ART})*)"
    rf"(?:,?\s+(?:part|paragraph|para\.)\s+(?P<part>\d{{1,2}}))?"
    r"(?P<tail>\s+(?:of|under|in)\s+(?:the\s+)?)?", re.I)
PART_OF_RE = re.compile(r"\b(?:part|paragraph)\s+(?P<part>\d{1,2})\s+of\s+Article\s+(?P<art>\d{1,4})", re.I)


@lru_cache(maxsize=None)
def instruments() -> list[tuple[str, dict, re.Pattern[str]]]:
    table = load("instruments")
    return [(k, v, re.compile(r"(?:" + "|".join(v["patterns"]) + r")", re.I)) for k, v in table.items()]


def instrument_at(text: str, pos: int) -> tuple[str, str, int] | None:
    """The instrument named at text[pos:], as (key, name as shown, end)."""
    for key, spec, pat in instruments():
        m = pat.match(text, pos)
        if m:
            name = spec["name"]
            country = re.search(r"\bof\s+(?:the\s+)?(?:Republic\s+of\s+)?([A-Z]\w+)\s*$", m.group(0))
            if spec.get("national") and country:
                name = f"{name} of {country.group(1)}"
            return key, name, m.end()
    return None


def _expand(listing: str) -> list[tuple[str, str | None]]:
    out: list[tuple[str, str | None]] = []
    parts = re.split(r"\s*(,|and|to|–|-)\s*", listing)
    prev: int | None = None
    sep = None
    for p in parts:
        if p in (",", "and", "to", "–", "-"):
            sep = p
            continue
        m = re.match(r"(\d{1,4}(?:\.\d{1,3})?)(?:\s*\((\d{1,2})\))?", p)
        if not m:
            continue
        art, part = m.group(1), m.group(2)
        if sep in ("to", "–", "-") and prev is not None and art.isdigit() and 0 < int(art) - prev <= 30:
            out += [(str(n), None) for n in range(prev + 1, int(art))]
        out.append((art, part))
        prev = int(art) if art.isdigit() else None
        sep = None
    return out


def find_provisions(doc: Document) -> list[Provision]:
    text = doc.text
    out: list[Provision] = []
    last_for_article: dict[str, tuple[str, str]] = {}
    for m in ARTICLES_RE.finditer(text):
        inst = None
        end = m.end("list")
        if m.group("tail"):
            inst = instrument_at(text, m.end("tail"))
        if inst is None:
            # "Article 21 of the ICCPR" failed; try "Article 7 of CEDAW" without "the", or inherit
            after = re.match(r"\s+(?:of|under)\s+", text[m.end("list"):])
            if after:
                inst = instrument_at(text, m.end("list") + after.end())
        pairs = _expand(m.group("list"))
        if m.group("part") and len(pairs) == 1:
            pairs = [(pairs[0][0], m.group("part"))]
        for art, part in pairs:
            if inst is not None:
                key, name, iend = inst
                end = iend
                last_for_article[art] = (key, name)
            elif art in last_for_article:
                key, name = last_for_article[art]
                end = m.end("list") if not m.group("part") else m.end("part")
            else:
                continue
            out.append(Provision(instrument=key, instrument_name=name, article=art, part=part,
                                 evidence=[doc.span(m.start(), end)]))
    for m in PART_OF_RE.finditer(text):
        art = m.group("art")
        if art in last_for_article:
            key, name = last_for_article[art]
            out.append(Provision(key, name, art, m.group("part"), [doc.span(m.start(), m.end())]))
    return out
