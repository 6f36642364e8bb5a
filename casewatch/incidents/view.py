"""One document as the incident step sees it: its text, sentences and paragraphs,
the names the extraction found in it, and the candidate victims.

Built from the case file (what the exporters receive): the people, places and
organisations carry their evidence spans, so everything here stays aligned to
the stored text.  Names the statistical model missed are proposed again from
their shape (capitalised words, see ``names.yaml``) and the classifiers decide.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..extract.names import looks_like_person
from .data import load

WORD = r"[^\W\d_][\w’'\-]*"
SENT_RE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"”’)]*|\n|$)")
PARTICLE_RE = re.compile(r"^(?:al|el|ad|ar|as|at|an|ash|az|bin|ben|ibn|abu|de|di|da|du|van|von|d)[-‘’']", re.I)
TOKEN_RE = re.compile(r"[^\W_][\w’'\-]*|\d+")


@dataclass
class Candidate:
    """One person named in the document: every mention (full name and surname alone)."""

    name: str
    spans: list[tuple[int, int]] = field(default_factory=list)
    sources: set[str] = field(default_factory=set)  # person, organization, place, shape
    roles: set[str] = field(default_factory=set)
    variants: list[str] = field(default_factory=list)

    @property
    def first(self) -> int:
        return min(s for s, _ in self.spans)


@dataclass
class DocView:
    id: str
    text: str
    published: str | None
    title: str | None
    names: list[tuple[str, int, int, list[str]]]  # (kind, start, end, roles) from the extraction
    sentences: list[tuple[int, int]] = field(default_factory=list)
    paragraphs: list[tuple[int, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.paragraphs:
            self.paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", self.text)]
        if not self.sentences:
            for ps, pe in self.paragraphs:
                for m in SENT_RE.finditer(self.text, ps, pe):
                    if self.text[m.start():m.end()].strip():
                        self.sentences.append((m.start(), m.end()))

    @classmethod
    def from_casefile(cls, cf: dict[str, Any], doc: dict[str, Any]) -> "DocView":
        names: list[tuple[str, int, int, list[str]]] = []
        for key, kind in (("persons", "person"), ("organizations", "organization"), ("places", "place")):
            for ent in cf.get(key) or []:
                roles = list(ent.get("roles") or []) if kind == "person" else []
                for ev in ent.get("evidence") or []:
                    if ev["doc"] == doc["id"]:
                        names.append((kind, int(ev["start"]), int(ev["end"]), roles))
        names.sort(key=lambda x: x[1])
        return cls(id=doc["id"], text=doc["text"], published=doc.get("published"), title=doc.get("title"), names=names)

    # helpers ---------------------------------------------------------------------------
    def lower_words(self) -> frozenset[str]:
        """The words the text writes in lower case (cached)."""
        if not hasattr(self, "_lower"):
            self._lower = frozenset(w.casefold() for w in re.findall(r"(?<![\w’'-])[a-z][a-z’'-]+", self.text))
        return self._lower

    def sentence_at(self, pos: int) -> tuple[int, int]:
        for s, e in self.sentences:
            if s <= pos < e:
                return s, e
        return pos, pos

    def paragraph_index(self, pos: int) -> int:
        for i, (s, e) in enumerate(self.paragraphs):
            if pos < e:
                return i
        return len(self.paragraphs)

    def in_title(self, pos: int) -> bool:
        return bool(self.title) and bool(self.paragraphs) and pos < self.paragraphs[0][1] \
            and self.text[self.paragraphs[0][0]:self.paragraphs[0][1]].strip() == (self.title or "").strip()


@lru_cache(maxsize=None)
def _never_in_name() -> frozenset[str]:
    return frozenset(w.casefold() for w in load("names")["never_in_name"])


def not_a_person(name: str) -> bool:
    """A capitalised run that holds a word no person's name holds ("Monte Mar Road", "Manila Today")."""
    never = _never_in_name()
    return any(t.casefold().strip(".,’'") in never for t in name.split())


@lru_cache(maxsize=None)
def _name_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    d = load("names")
    return (frozenset(w.casefold() for w in d["lead_words"]), frozenset(w.casefold() for w in d["connectors"]),
            frozenset(w.casefold() for w in d["not_name"]))


def _shape_names(text: str) -> list[tuple[int, int]]:
    """Runs of two to five capitalised words (with name particles), leading title words dropped."""
    lead, conn, notname = _name_words()
    out = []
    toks = [(m.start(), m.end(), m.group(0)) for m in re.finditer(WORD, text)]
    i = 0
    while i < len(toks):
        run: list[tuple[int, int, str]] = []
        j = i
        while j < len(toks):
            s, e, w = toks[j]
            if run and text[run[-1][1]:s] not in (" ", "\u00a0"):
                break
            if w[0].isupper() and w.casefold().strip("’'") not in notname:
                run.append(toks[j])
            elif run and w.casefold() in conn and j + 1 < len(toks) and toks[j + 1][2][0].isupper():
                run.append(toks[j])
            else:
                break
            j += 1
        while run and (run[0][2].casefold().rstrip(".") in lead or run[0][2].casefold() in conn):
            run = run[1:]
        while run and run[-1][2].casefold() in conn:
            run = run[:-1]
        if 2 <= len(run) <= 5:
            s, e = run[0][0], run[-1][1]
            m = re.search(r"(?:’s|'s|’|')$", text[s:e])
            if m:
                e -= len(m.group(0))
            if looks_like_person(text[s:e]):
                out.append((s, e))
        i = max(j, i + 1)
    return out


def _demonym(word: str) -> bool:
    w = word.casefold()
    if w in _demonyms():
        return True
    if not re.search(r"(?:an|ese|ish|i|ic)$", w):
        return False
    from rigour.territories import lookup_territory
    return lookup_territory(word) is not None


@lru_cache(maxsize=None)
def _demonyms() -> frozenset[str]:
    from ..extract.data import word_set
    return frozenset(w.casefold() for w in word_set("names", "demonyms"))


def trim(text: str, s: int, e: int) -> tuple[int, int]:
    """A name's span without the words around it that are not the name: titles, demonyms, possessives,
    "Ill-treatment of", a trailing possessive."""
    lead, conn, notname = _name_words()
    toks = [(m.start() + s, m.end() + s, m.group(0)) for m in re.finditer(r"\S+", text[s:e])]
    # keep what follows the last lower-case word that is not a name particle
    for k in range(len(toks) - 1, -1, -1):
        w = toks[k][2]
        if w[:1].islower() and w.casefold() not in conn and not PARTICLE_RE.match(w):
            toks = toks[k + 1:]
            break
    while len(toks) > 1:
        w = toks[0][2]
        f = w.casefold().rstrip(".,")
        if f in lead or (f.endswith("s") and f[:-1] in lead) or w.casefold().rstrip(",") in notname or _demonym(w.rstrip(",")) or re.search(r"(?:’s|'s)$", w) \
                or (w.isupper() and len(w) <= 4 and len(toks) > 2) or re.search(r"[\"“”‘’']", w[:1] + w[-1:]):
            toks = toks[1:]
            continue
        break
    while len(toks) > 1 and toks[-1][2][:1].islower() and toks[-1][2].casefold().strip(".,") in conn:
        toks = toks[:-1]
    if not toks:
        return s, s
    s2, e2 = toks[0][0], toks[-1][1]
    m = re.search(r"(?:’s|'s|’|'|[.,;:])$", text[s2:e2])
    if m and not re.search(r"\b(?:Jr|Sr)\.$", text[s2:e2]):
        e2 -= len(m.group(0))
    return s2, e2


INITIALS_RE = re.compile(r"(?<![\w.])(?:[A-Z]\.\s?){1,3}$")


def with_initials(text: str, s: int, e: int) -> tuple[int, int]:
    """A name's span with the initials written before it ("E.V. Krishnasamy", "P. Varavara Rao")."""
    m = INITIALS_RE.search(text, max(0, s - 9), s) if s > 0 and text[s - 1] in " . " else None
    return (m.start(), e) if m and e > s else (s, e)


def _norm(s: str) -> str:
    s = re.sub(r"\s+", " ", s).strip()
    return re.sub(r"(?:’s|'s)$", "", s)


def candidates(view: DocView) -> list[Candidate]:
    """The people of the document, each once, with every mention (found once per view: the document's
    features and the victim classifier both ask)."""
    cached = getattr(view, "_candidates", None)
    if cached is not None:
        return cached
    text = view.text
    lead, conn, _ = _name_words()
    spans: dict[tuple[int, int], tuple[set[str], set[str]]] = {}
    for kind, s0, e0, roles in view.names:
        s, e = with_initials(text, *trim(text, s0, e0))
        nm = _norm(text[s:e])
        if not nm or "\n" in text[s:e] or not_a_person(nm):
            continue
        if kind != "person" and not looks_like_person(nm):
            continue
        src, rl = spans.setdefault((s, e), (set(), set()))
        src.add(kind)
        rl.update(roles)
    for s, e in _shape_names(text):
        s, e = with_initials(text, *trim(text, s, e))
        if len(text[s:e].split()) < 2 or not_a_person(text[s:e]):
            continue
        covered = [k for k in spans if k[0] <= s and e <= k[1]]
        if covered:
            for k in covered:
                spans[k][0].add("shape")
            continue
        inner = [k for k in spans if s <= k[0] and k[1] <= e]
        src, rl = spans.setdefault((s, e), (set(), set()))
        src.add("shape")
        for k in inner:
            src.update(spans[k][0])
            rl.update(spans[k][1])
            if k != (s, e):
                del spans[k]
    # full names first, longest first: shorter forms join the longer ones that contain them
    items = sorted(spans.items(), key=lambda kv: (-len(_norm(text[kv[0][0]:kv[0][1]]).split()), kv[0][0]))
    cands: list[Candidate] = []
    for (s, e), (src, rl) in items:
        nm = _norm(text[s:e])
        toks = nm.split()
        while toks and toks[0].casefold().rstrip(".") in lead and len(toks) > 1:
            toks = toks[1:]
        key = [t.casefold() for t in toks]
        home = None
        for c in cands:
            ck = [t.casefold() for t in c.name.split()]
            if key == ck or (len(key) < len(ck) and _sublist(key, ck)):
                home = c
                break
        if home is None:
            if not toks:
                continue
            home = Candidate(name=nm if toks == nm.split() else " ".join(toks))
            cands.append(home)
        home.spans.append((s, e))
        home.sources |= src
        home.roles |= rl
        if nm not in home.variants:
            home.variants.append(nm)
    # the surname alone ("Bankole was released") is a mention of the one full name that ends with it
    taken = [sp for c in cands for sp in c.spans]
    last: dict[str, list[Candidate]] = {}
    for c in cands:
        toks = c.name.split()
        if len(toks) >= 2 and len(toks[-1]) > 2:
            last.setdefault(toks[-1], []).append(c)
    for word, cs in last.items():
        if len(cs) != 1:
            continue
        for m in re.finditer(rf"(?<![\w’'-]){re.escape(word)}(?![\w-])", text):
            if not any(a <= m.start() < b for a, b in taken):
                cs[0].spans.append((m.start(), m.end()))
                taken.append((m.start(), m.end()))
    for c in cands:
        c.spans.sort()
        body = [_norm(text[a:b]) for a, b in c.spans if not view.in_title(a)]
        if body and c.name not in body:
            full = [v for v in body if len(v.split()) >= 2] or body
            c.name = max(full, key=lambda v: (len(v.split()), -body.index(v)))
    cands.sort(key=lambda c: c.first)
    view._candidates = cands
    return cands


def _sublist(a: list[str], b: list[str]) -> bool:
    n = len(a)
    return any(b[i:i + n] == a for i in range(len(b) - n + 1))


def tokens(text: str) -> list[str]:
    return [t.casefold() for t in TOKEN_RE.findall(text)]


def salience(cands: list[Candidate]) -> list[tuple[Candidate, int, float]]:
    """Each candidate with its rank by number of mentions (0: the most named) and its share of all mentions."""
    total = sum(len(c.spans) for c in cands) or 1
    order = sorted(range(len(cands)), key=lambda i: -len(cands[i].spans))
    rank = {i: r for r, i in enumerate(order)}
    return [(c, rank[i], len(c.spans) / total) for i, c in enumerate(cands)]
