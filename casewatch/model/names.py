"""Name keys shared by extraction and resolution.

A name's *skeleton* folds the transliteration variants that reports use for
the same person (Turganbai / Turganbay / Turgunbay, Maxutkhan / Maksutkan):
ASCII folding (normality), then the rules in data/translit.yaml, then the
vowels dropped after the first letter.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import yaml
from normality import ascii_text

from . import DATA

# courtesy, academic and religious honorifics that open a name and are no part of it ("Sheikh Ali Salman",
# "Datuk Seri X", "Dr. Sheikh Y"): a name written with one and without is the same name
HONORIFICS = re.compile(r"^(?:h\.?e\.?\s+)?(?:(?:mr|mrs|ms|miss|dr|prof|sir|madam|mme|sheikh|shaikh|sheikha|shaikha|"
                        r"ayatollah|hojatoleslam|sayyid|sayed|haji|hajji|datuk|dato|datin|tan\s+sri|puan\s+sri|"
                        r"reverend|rev|pastor)\.?\s+)+", re.I)


@lru_cache(maxsize=None)
def _translit() -> dict:
    """data/translit.yaml, read once for all the rules below."""
    with open(DATA / "translit.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _before_ascii(name: str) -> str:
    """The name with the letters its language spells otherwise in ASCII spelled so (translit.yaml `before_ascii`)."""
    for marks, table in _before_ascii_tables():
        if any(c in marks for c in name):
            name = name.translate(table)
    return name


@lru_cache(maxsize=None)
def _before_ascii_tables() -> tuple[tuple[frozenset[str], dict[int, str]], ...]:
    return tuple((frozenset(r["letters"]), str.maketrans(r["map"])) for r in _translit().get("before_ascii") or [])


@lru_cache(maxsize=None)
def _rules() -> list[tuple[str, str]]:
    return [tuple(x) for x in _translit()["rules"]]


def _patterns() -> list[tuple[re.Pattern[str], str]]:
    if not _PATTERNS:
        _PATTERNS.extend((re.compile(a), b) for a, b in _translit().get("patterns") or [])
    return _PATTERNS


_PATTERNS: list[tuple[re.Pattern[str], str]] = []


@lru_cache(maxsize=131072)
def fold(name: str) -> str:
    """Lower-case ASCII, honorifics, possessives and punctuation removed."""
    s = ascii_text(_before_ascii(name.replace("’", "'"))) or ""
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
    if len(t) <= 3:
        return t  # "Lam" and "Lim", "Li" and "Lau": in a short word the vowels are the name
    return t[:1] + re.sub(r"[aeiou]", "", t[1:])


@lru_cache(maxsize=None)
def _abbreviations() -> re.Pattern[str] | None:
    table = _translit().get("abbreviations") or {}
    if not table:
        return None
    _ABBR.update(table)
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(k) for k in table) + r")(?=\s)")


_ABBR: dict[str, str] = {}


def given_abbreviations() -> list[str]:
    """The abbreviated given names of data/translit.yaml ("Ma.", "Md.")."""
    _abbreviations()
    return list(_ABBR)


@lru_cache(maxsize=None)
def _name_parts() -> tuple[tuple[tuple[str, ...], ...], frozenset[str], frozenset[str]]:
    data = _translit()
    particles = tuple(sorted((tuple(p.split()) for p in data.get("surname_particles") or []), key=len, reverse=True))
    return particles, frozenset(data.get("generational") or []), frozenset(data.get("inner_particles") or [])


def _join_particles(toks: list[str]) -> list[str]:
    """"Dela Peña", "de los Santos", "van der Berg": a surname particle and the word after it are one surname;
    "Jr.", "III" after a name are no surname: they mark the given name (father and son stay apart)."""
    particles, generational, inner = _name_parts()
    gen = ""
    while len(toks) > 1 and toks[-1] in generational:
        gen, toks = toks[-1] + gen, toks[:-1]
    if gen and len(toks) >= 2:
        toks = [toks[0] + gen] + toks[1:]
    out: list[str] = []
    i = 0
    while i < len(toks):
        for p in particles + tuple((w,) for w in inner if i > 0):
            n = len(p)
            if tuple(toks[i:i + n]) == p and i + n < len(toks):
                out.append("".join(toks[i:i + n + 1]))
                i += n + 1
                break
        else:
            out.append(toks[i])
            i += 1
    return out


@lru_cache(maxsize=None)
def _arabic_parts() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    data = _translit()
    arts = "|".join(re.escape(a) for a in data.get("name_articles") or []) or "(?!)"
    hyphen = re.compile(rf"(?<![^\s])(?:{arts})-(?=\w)", re.I)  # "el-Sayed", "Abd el-Rahman"
    lead = "|".join(re.escape(a) for a in data.get("leading_articles") or []) or "(?!)"
    # "Mohamed El Sayed", "El Sayed"; not "Al Gore"
    apart = re.compile(rf"(?:(?<=\S)\s+(?i:{arts})|^\s*(?:{lead}))\s+(?=\S)")
    return hyphen, apart, dict(data.get("name_prefixes") or {})


def _join_arabic(name: str, toks: list[str]) -> list[str]:
    """"Mohamed Abdel Rahman el-Sayed", "Mohammed Abd el-Rahman al-Sayed", "Mohamed Abdelrahman El Sayed": the
    article is dropped and a compound part ("Abdel Rahman") is one word, however each report writes them."""
    hyphen, apart, prefixes = _arabic_parts()
    stripped = apart.sub(" ", hyphen.sub("", name)).strip()
    if stripped != name:
        toks = tokens(stripped)
    suffixes = frozenset(_translit().get("name_suffixes") or [])
    out: list[str] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if t in prefixes and i + 1 < len(toks):
            out.append(prefixes[t] + toks[i + 1])
            i += 2
            continue
        if i + 1 < len(toks) and toks[i + 1] in suffixes:
            out.append(t + toks[i + 1])  # "Nour Eddine": one given name
            i += 2
            continue
        glued = next((p for p in prefixes if len(p) >= 4 and t.startswith(p) and len(t) > len(p) + 2), None)
        out.append(prefixes[glued] + t[len(glued):] if glued else t)
        i += 1
    return out


@lru_cache(maxsize=None)
def initial_pattern() -> str:
    """An initial standing for a given name: "A.", and the digraphs of transliterated Cyrillic ("Zh.", "Sh.")
    that translit.yaml digraph_initials lists."""
    digraphs = "|".join(re.escape(d) for d in _translit().get("digraph_initials") or [])
    return rf"(?:[A-Z]|{digraphs})\." if digraphs else r"[A-Z]\."


@lru_cache(maxsize=None)
def _initial_re() -> re.Pattern[str]:
    return re.compile(rf"(?<![A-Za-z])({initial_pattern()})\s*")


def _initials(name: str) -> list[str]:
    return [m.group(1).rstrip(".").lower() for m in _initial_re().finditer(name)]


def _expand_abbreviations(name: str) -> str:
    rx = _abbreviations()
    name = rx.sub(lambda m: _ABBR[m.group(1)], name) if rx is not None else name
    first, _, rest = name.partition(" ")
    short = _translit().get("short_given") or {}
    # "Dan Shaw" is "Daniel Shaw": a short form of a given name, before a family name (never a name alone)
    return f"{short[first]} {rest}" if first in short and rest.strip() else name


def patronymic_words() -> frozenset[str]:
    return frozenset(_translit().get("patronymic_words") or [])


def _join_patronymic_words(toks: list[str]) -> list[str]:
    """"Tazhibek kyzy", "Tazhibek-kyzy", "Tazhibekkyzy": a patronymic's marker word (translit.yaml
    patronymic_words) makes one word with the father's name before it, however it is written."""
    words = frozenset(_translit().get("patronymic_words") or [])
    out: list[str] = []
    for t in toks:
        if t in words and out:
            out[-1] += t
        else:
            out.append(t)
    return out


# a nickname in quotes or brackets inside a written name: Maykel "Osorbo" Castillo, Rogelio (Jojo) Reyes
_NICKNAME = re.compile(r"\s*(?:[\"“”«»]|(?<=\s)['‘’])[^\"“”«»'‘’()]{1,40}(?:[\"“”«»]|['‘’](?=\s|$))\s*|\s*\([^()]{1,40}\)\s*")


@lru_cache(maxsize=65536)
def person_key(name: str) -> tuple[str, ...]:
    """A name's comparable words (abbreviations expanded, articles, particles and transliterations settled);
    initials ("A.B.", "S. S.") are not words of the key (see `name_parts`); cached: a report asks for the same
    names many times."""
    name = _initial_re().sub("", _expand_abbreviations(name))
    toks = _join_particles(_join_patronymic_words(_join_arabic(name, tokens(name))))
    return tuple(skeleton(_genitive_stem(t) if i < len(toks) - 1 else t) for i, t in enumerate(toks))


def _genitive_stem(token: str) -> str:
    """The father's name of a patronymic in the genitive before a given name ("Dorjgiin" -> "Dorj"; translit.yaml
    `patronymic_genitive_endings`), at least three letters of it."""
    for end in _genitive_endings():
        if token.endswith(end) and len(token) - len(end) >= 3:
            return token[:-len(end)]
    return token


@lru_cache(maxsize=None)
def _genitive_endings() -> tuple[str, ...]:
    return tuple(sorted(_translit().get("patronymic_genitive_endings") or [], key=len, reverse=True))


@dataclass(frozen=True)
class NameParts:
    """What a written name tells of its parts: the words compared (`person_key`), the initials standing for
    given names, the word the text marks as the family name (written in capitals: "LAM Wai-ming",
    "Wai-ming LAM"), and the sex an honorific gives."""

    key: tuple[str, ...]
    initials: tuple[str, ...] = ()
    family: str | None = None
    sex: str | None = None
    nick: tuple[str, ...] = ()  # the key's words of a nickname written inside the name ("Osorbo" in Maykel "Osorbo" Castillo)

    @property
    def proper(self) -> tuple[str, ...]:
        """The key without the nickname's words: the name as an official document writes it."""
        return tuple(k for k in self.key if k not in self.nick) if self.nick else self.key

    @property
    def full(self) -> bool:
        """Two words or more: a name that can stand for one person on its own."""
        return len(self.key) >= 2


@lru_cache(maxsize=None)
def _sex_endings() -> tuple[tuple[str, str], ...]:
    """translit.yaml sex_endings: family-name endings that tell the bearer's sex, longest first."""
    table = _translit().get("sex_endings") or {}
    return tuple(sorted(((e, sex) for sex, ends in table.items() for e in ends), key=lambda x: -len(x[0])))


def family_name_sex(word: str) -> str | None:
    """"Dubouskaya" is a woman's form of the family name, "Dubouski" a man's; None where the ending tells nothing."""
    w = fold(word).replace("-", "")
    markers = frozenset(_translit().get("patronymic_words") or [])
    for end, sex in _sex_endings():
        if (len(w) > len(end) + 2 or (w == end and end in markers)) and w.endswith(end):
            return sex
    return None


@lru_cache(maxsize=65536)
def name_parts(name: str, sex: str | None = None) -> NameParts:
    expanded = _expand_abbreviations(name)
    initials = tuple(_initials(expanded))
    family = None
    words = [w for w in re.split(r"\s+", _initial_re().sub("", expanded)) if w]
    caps = [w for w in words if len(w) > 1 and w.replace("-", "").isalpha() and w.isupper()]
    if caps and len(caps) < len(words):
        # "TAZHIBEK KYZY": one family name in two words; "AYUK TABE Julius Sisiku": a family name of two words, known
        # by its first (the rest of the name may then stand in any order)
        k = person_key(" ".join(caps))
        family = k[0] if k else None
    if family is None and len(words) >= 3:
        # "Tazhibek kyzy Makhabat" / "Makhabat Tazhibek kyzy": the patronymic stands where a family name does, and
        # the given name may come before or after it
        markers = patronymic_words()
        for k, w in enumerate(words[1:], 1):
            if fold(w).strip("-") in markers:
                pk = person_key(" ".join(words[k - 1:k + 1]))
                family = pk[0] if len(pk) == 1 else None
                break
    if sex is None and words:
        sex = family_name_sex(words[-1]) if len(words) >= 2 or len(person_key(name)) == 1 else None
    nick: tuple[str, ...] = ()
    m = _NICKNAME.search(name)
    if m and len(_NICKNAME.sub(" ", name).split()) >= 2:
        nick = person_key(m.group(0).strip(" \"“”«»'‘’()"))
    return NameParts(person_key(name), initials, family, sex, nick)
