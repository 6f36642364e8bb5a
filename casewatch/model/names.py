"""Name keys shared by extraction and resolution.

A name's *skeleton* folds the transliteration variants that reports use for
the same person (Turganbai / Turganbay / Turgunbay, Maxutkhan / Maksutkan):
ASCII folding (normality), then the rules in data/translit.yaml, then the
vowels dropped after the first letter.
"""
from __future__ import annotations

import re
from functools import lru_cache

import yaml
from normality import ascii_text

from . import DATA

HONORIFICS = re.compile(r"^(?:h\.?e\.?\s+)?(?:mr|mrs|ms|miss|dr|prof|sir|madam|mme)\.?\s+", re.I)


@lru_cache(maxsize=None)
def _rules() -> list[tuple[str, str]]:
    with open(DATA / "translit.yaml", encoding="utf-8") as fh:
        return [tuple(x) for x in yaml.safe_load(fh)["rules"]]


def _patterns() -> list[tuple[re.Pattern[str], str]]:
    if not _PATTERNS:
        with open(DATA / "translit.yaml", encoding="utf-8") as fh:
            _PATTERNS.extend((re.compile(a), b) for a, b in yaml.safe_load(fh).get("patterns") or [])
    return _PATTERNS


_PATTERNS: list[tuple[re.Pattern[str], str]] = []


@lru_cache(maxsize=131072)
def fold(name: str) -> str:
    """Lower-case ASCII, honorifics, possessives and punctuation removed."""
    s = ascii_text(name.replace("’", "'")) or ""
    s = s.lower().strip()
    s = HONORIFICS.sub("", s)
    s = re.sub(r"'s\b", "", s)
    s = re.sub(r"^the\s+", "", s)
    s = re.sub(r"[^a-z0-9\s-]", "", s)
    return re.sub(r"\s+", " ", s).strip()


def tokens(name: str) -> list[str]:
    return [t for t in re.split(r"[\s-]+", fold(name)) if t]


@lru_cache(maxsize=65536)
def skeleton(token: str) -> str:
    t = fold(token)
    if t.startswith("h"):
        t = "g" + t[1:]  # Hasanova / Gasanova: the Russian spelling of an initial h
    for rx, b in _patterns():
        t = rx.sub(b, t)
    for a, b in _rules():
        t = t.replace(a, b)
    t = re.sub(r"(.)\1+", r"\1", t)
    return t[:1] + re.sub(r"[aeiou]", "", t[1:]) if t else t


@lru_cache(maxsize=None)
def _abbreviations() -> re.Pattern[str] | None:
    with open(DATA / "translit.yaml", encoding="utf-8") as fh:
        table = yaml.safe_load(fh).get("abbreviations") or {}
    if not table:
        return None
    _ABBR.update(table)
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(k) for k in table) + r")(?=\s)")


_ABBR: dict[str, str] = {}


def person_key(name: str) -> tuple[str, ...]:
    rx = _abbreviations()
    if rx is not None:
        name = rx.sub(lambda m: _ABBR[m.group(1)], name)
    return tuple(skeleton(t) for t in tokens(name))
