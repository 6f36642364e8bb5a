"""resolve: the same person, organisation or place across documents and spellings.

Blocking by name keys, matching with explanations (`Link.why`), then the
analyst's judgement log applied on top, so a merge or split survives
re-extraction and can be undone.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..extract.data import word_set
from ..model import Extraction, Judgement, Mention
from ..model.names import fold, person_key
from .persons import cluster_persons

STRONG_ATTRS = ("acronym", "expansion", "translation", "publisher", "dateline")


@dataclass
class Entity:
    id: str
    kind: str
    name: str
    mentions: list[tuple[str, Mention]] = field(default_factory=list)
    why: list[str] = field(default_factory=list)

    @property
    def aliases(self) -> list[str]:
        seen: dict[str, str] = {}
        for _, m in self.mentions:
            seen.setdefault(fold(m.name), m.name)
        return sorted(seen.values(), key=lambda x: (-len(x), x))

    @property
    def docs(self) -> list[str]:
        return sorted({d for d, _ in self.mentions})

    @property
    def keys(self) -> set[str]:
        return {fold(m.name) for _, m in self.mentions}


class UnionFind:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _org_key(name: str) -> str:
    generic = word_set("names", "org_generic")
    return " ".join(t for t in fold(name).split() if t not in generic)


def _place_key(name: str) -> str:
    k = fold(name)
    k = re.sub(r"^(?:the )?(?:peoples |people )?republic of ", "", k)
    return k


# what the reading notes on a mention about the person's part in the case, not about what kind of name it is
NOTES = frozenset({"accused_in", "accused_past"})


def _cued(m: Mention) -> bool:
    """The reading found the name by a cue of its own (an acronym, a title, a list …): its kind is not put to the
    vote."""
    return any(k not in NOTES for k in m.attrs)


def settle_kinds(items: list[tuple[str, Mention]]) -> None:
    """One kind per name across the case: strong cues, then the majority."""
    votes: dict[str, Counter] = defaultdict(Counter)
    strong: dict[str, str] = {}
    strong_attrs = frozenset(STRONG_ATTRS)
    for _, m in items:
        k = fold(m.name)
        votes[k][m.kind] += 1
        if m.kind != "person" and m.attrs and not strong_attrs.isdisjoint(m.attrs):
            strong[k] = m.kind
        elif m.kind == "person" and (m.attrs.get("byline") or m.attrs.get("sex")):
            strong[k] = "person"  # a byline, or an honorific before the name ("Mr. A"): a person wherever named
    # "Prey Sar prison", "Kampong Speu province": a name that a place word follows somewhere in the case is that
    # place wherever the model took it for a person ("sent to Prey Sar", "a Kampong Speu land activist")
    place_cues = {fold(m.attrs["place_cue"]): fold(m.name) for _, m in items
                  if m.kind == "place" and isinstance(m.attrs.get("place_cue"), str)}
    if place_cues:
        for _, m in items:
            if m.kind != "person":
                continue
            k = fold(m.name)
            if k in place_cues and strong.get(k) != "person":
                m.kind, strong[k] = "place", "place"
                m.attrs["cue_of"] = place_cues[k]
    # "Marta Ruiz Barrera" tagged a body in one report is the person of that name in the others
    keyed: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    for _, m in items:
        if m.kind in ("person", "organization"):
            k = person_key(m.name)
            if len(k) >= 2:
                keyed[k][m.kind] += 1
    org_words = word_set("names", "org_words")
    for _, m in items:
        if m.kind != "organization" or m.attrs:
            continue
        k = person_key(m.name)
        if len(k) >= 2 and keyed[k]["person"] > keyed[k]["organization"] and not set(fold(m.name).split()) & org_words:
            m.kind = "person"
            votes[fold(m.name)]["person"] += 1
    _titled_persons(items, keyed, votes)
    org_tokens = {k for k, v in votes.items() if " " not in k and (strong.get(k) == "organization" or (
        v.most_common(1)[0][0] == "organization" and v["organization"] >= 2))}
    for _, m in items:
        k = fold(m.name)
        if k in strong:
            m.kind = strong[k]
        elif m.kind == "person" and votes[k]["person"] < 3 and any(t in org_tokens for t in k.split()):
            m.kind = "organization"
        elif not _cued(m):
            top, n = votes[k].most_common(1)[0]
            if n > votes[k][m.kind]:
                m.kind = top


@lru_cache(maxsize=None)
def _titles() -> frozenset[str]:
    """The words that stand before a person's name as a title or a form of address (extract/data/names.yaml)."""
    from ..extract.data import load
    names = load("names")
    keys = ("titles", "address_titles")
    return frozenset({fold(w) for w in names["honorifics"]} | {fold(w) for k in keys for w in names[k]}
                     | {fold(w) for w in names["person_titles"] if " " not in w})


def _titled_persons(items: list[tuple[str, Mention]], keyed: dict[tuple[str, ...], Counter], votes: dict[str, Counter]) -> None:
    """A body's name that is a title before a person's name the case gives elsewhere ("Justice Nwite" beside
    "Justice Emeka Nwite said"; "Counsel Tertukhina E.S." beside "Katerina Tertukhina") is that person: the title
    goes, the name stays."""
    titles = _titles()
    families: Counter = Counter(k[-1] for k, c in keyed.items() if c["person"])
    singles = {person_key(m.name)[0] for _, m in items if m.kind == "person" and len(person_key(m.name)) == 1}
    orgw = {fold(w) for w in word_set("names", "org_words")}
    for _, m in items:
        if m.kind != "organization" or any(a in m.attrs for a in STRONG_ATTRS):
            continue
        toks = m.name.split()
        k = 0
        while k < len(toks) - 1 and fold(toks[k].rstrip(".")) in titles:
            k += 1
        if k == 0 or {fold(t) for t in toks[k:]} & orgw:
            continue
        rest = " ".join(toks[k:])
        key = person_key(rest)
        if (len(key) >= 2 and keyed[key]["person"]) or (len(key) == 1 and (families[key[0]] == 1 or key[0] in singles)):
            m.kind, m.name = "person", rest
            votes[fold(rest)]["person"] += 1


def _first_position(e: Entity) -> int:
    """Where the entity is first named in its first document (the docs list is built once, not per mention)."""
    if not e.mentions:
        return 0
    first = min(d for d, _ in e.mentions)
    return min(m.evidence.start for d, m in e.mentions if d == first)


def _stable_id(prefix: str, name: str, used: set[str]) -> str:
    """An id from the entity's name ("p-tafadzwa-chikwanha"): the same on every rebuild, so links hold."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")[:48] or "x"
    cand, n = f"{prefix}-{slug}", 2
    while cand in used:
        cand, n = f"{prefix}-{slug}-{n}", n + 1
    used.add(cand)
    return cand


@dataclass
class Resolution:
    """The case's entities, and the person mentions left unresolved: each with the people it could be."""

    entities: list[Entity]
    unresolved: list[dict[str, Any]] = field(default_factory=list)


def resolve(extractions: dict[str, Extraction], judgements: list[Judgement] | None = None) -> list[Entity]:
    return resolve_case(extractions, judgements).entities


def resolve_case(extractions: dict[str, Extraction], judgements: list[Judgement] | None = None) -> Resolution:
    items = [(doc, m) for doc, ex in extractions.items() for m in ex.mentions]
    settle_kinds(items)
    rejected = {(j.payload.get("kind"), fold(j.payload.get("name", ""))) for j in judgements or [] if j.kind == "reject_entity"}
    out: list[Entity] = []
    pending: list[tuple[tuple[str, Mention], list[int], str]] = []
    for kind in ("person", "organization", "place"):
        sub = [(d, m) for d, m in items if m.kind == kind]
        why: dict[int, list[str]] = {}  # mention index -> the reasons its person was joined
        if kind == "person":
            pc = cluster_persons(sub)
            clusters = pc.clusters
            why = {i: pc.why.get(n, []) for n, c in enumerate(clusters) for i in c}
        else:
            clusters = (_cluster_orgs if kind == "organization" else _cluster_places)(sub)
        clusters = _apply_judgements(kind, sub, clusters, judgements or [])
        ents = []
        for n, members in enumerate(clusters):
            ms = [sub[i] for i in members]
            if kind == "organization" and _stray_acronym(ms):
                continue
            ent = Entity(id="", kind=kind, name=_pick_name(kind, ms), mentions=ms)
            ent.why = list(dict.fromkeys(w for i in members for w in why.get(i, [])))
            if (kind, fold(ent.name)) in rejected or any((kind, k) in rejected for k in ent.keys):
                continue
            ents.append(ent)
        ents.sort(key=_first_position)
        ents.sort(key=lambda e: -len(e.mentions))
        prefix = kind[0] if kind != "place" else "l"
        used: set[str] = set()
        for e in ents:
            e.id = _stable_id(prefix, e.name, used)
        out += ents
        if kind == "person":
            joined = {(d, m.evidence.start) for e in ents for d, m in e.mentions}
            entity_of: dict[int, Entity] = {}  # a mention -> the first entity that holds it
            for e in ents:
                for _, x in e.mentions:
                    entity_of.setdefault(id(x), e)
            for u in pc.unresolved:
                d, m = sub[u.index]
                if (d, m.evidence.start) in joined:
                    continue  # the analyst joined it
                cands = []
                for c in u.candidates:
                    anchor = sub[pc.clusters[c][0]]
                    ent = entity_of.get(id(anchor[1]))
                    if ent is not None and ent.id not in cands:
                        cands.append(ent.id)
                pending.append(((d, m), cands, u.reason))
    unresolved = [{"name": m.name, "doc": d, "evidence": m.evidence.to_dict(), "candidates": cands, "reason": reason}
                  for (d, m), cands, reason in pending]
    return Resolution(out, unresolved)


def _stray_acronym(ms: list[tuple[str, Mention]]) -> bool:
    """Capitals in one report that no report spells out ("FHC", "SAN" after a lawyer's name): not a body to list."""
    known = {fold(k) for k in word_set("names", "known_orgs")}
    return len({d for d, _ in ms}) == 1 and all(re.fullmatch(r"[A-Z]{2,6}", m.name) and not m.attrs and fold(m.name) not in known
                                                for _, m in ms)


def _pick_name(kind: str, ms: list[tuple[str, Mention]]) -> str:
    names = Counter(m.name for _, m in ms if not (kind == "organization" and m.name.isupper() and len(ms) > 1))
    if not names:
        names = Counter(m.name for _, m in ms)
    if kind == "person":
        full = {n: c for n, c in names.items() if len(person_key(n)) >= 2}
        names = Counter(full) or names
        # a list's "AL-TAHIRI Samir Hassan" or "LAM Wai-ming" names the person as the report's prose would not: the
        # name is shown as written in running text where the reports give it so
        prose = {n: c for n, c in names.items() if not re.search(r"\b[A-Z][A-Z'’-]{2,}\b", n) or n.isupper()}
        names = Counter(prose) or names
    return sorted(names.items(), key=lambda x: (-x[1], -len(x[0]), x[0]))[0][0]


def _cluster_orgs(sub: list[tuple[str, Mention]]) -> list[list[int]]:
    uf = UnionFind()
    by_key: dict[str, list[int]] = defaultdict(list)
    skel: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, (_, m) in enumerate(sub):
        uf.find(i)
        by_key[_org_key(m.name)].append(i)
        for a in ("acronym", "expansion", "translation"):
            if m.attrs.get(a):
                by_key[_org_key(m.attrs[a])].append(i)
        # a one-word name in two transliterations (Nahliad / Nagliad): the same skeleton as people's names
        if " " not in m.name.strip() and not m.name.isupper() and len(m.name) >= 5:
            skel[person_key(m.name)].append(i)
    for idx in list(by_key.values()) + list(skel.values()):
        for j in idx[1:]:
            uf.union(idx[0], j)
    # a well-known body (data/names.yaml known_orgs: "Human Rights Committee") is no short name of a longer one
    # ("Cambodian Human Rights Committee", a national body)
    umbrella = {fold(x) for x in word_set("names", "umbrella_orgs") | word_set("names", "known_orgs")}
    keys = [k for k in by_key if k]
    words = {o: o.split() for o in keys}
    opening: dict[str, list[str]] = defaultdict(list)  # a first word -> the names it opens, in order
    having: dict[str, list[str]] = defaultdict(list)  # a word -> the names that hold it, in order
    for o in keys:
        opening[words[o][0]].append(o)
        for w in dict.fromkeys(words[o]):
            having[w].append(o)
    for k in keys:
        if k in umbrella:
            continue
        toks = k.split()
        if len(toks) == 1:
            longer = [o for o in opening.get(k, ()) if o != k]
        else:
            # "Main Directorate … of the Ministry of Internal Affairs" is a part of the ministry, not the ministry
            # (but "Internal Affairs", no body's name on its own, is the ministry)
            parent = bool(set(toks) & word_set("names", "org_words"))
            longer = [o for o in having.get(toks[0], ()) if o != k and len(words[o]) > len(toks)
                      and _contains(words[o], toks) and not (parent and re.search(rf"\bof (?:the )?{re.escape(k)}$", o))]
            # of names nested in one another, the shortest: "Internal Affairs" is the Ministry of Internal Affairs,
            # not a directorate of that ministry
            longer = [o for o in longer if not any(o2 != o and _contains(o.split(), o2.split()) for o2 in longer)]
        roots = {uf.find(by_key[o][0]) for o in longer}
        if len(roots) == 1:
            uf.union(by_key[k][0], by_key[longer[0]][0])
    # "Labour Ministry" is the Ministry of Labour (and Vocational Training): the one ministry of the case whose
    # formal name opens with that portfolio
    for k in keys:
        m = re.fullmatch(r"(?:the )?(\w+(?: \w+)?) (ministry|department)", k)
        if not m:
            continue
        formal = {uf.find(by_key[o][0]) for o in keys
                  if re.match(rf"{m.group(2)} of (?:the )?{re.escape(m.group(1))}\b", o)}
        if len(formal) == 1:
            uf.union(by_key[k][0], next(iter(formal)))
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(sub)):
        groups[uf.find(i)].append(i)
    return list(groups.values())


def _contains(long: list[str], short: list[str]) -> bool:
    n = len(short)
    return any(long[i:i + n] == short for i in range(len(long) - n + 1))


def _cluster_places(sub: list[tuple[str, Mention]]) -> list[list[int]]:
    uf = UnionFind()
    by_key: dict[str, list[int]] = defaultdict(list)
    for i, (_, m) in enumerate(sub):
        uf.find(i)
        by_key[_place_key(m.name)].append(i)
        if isinstance(m.attrs.get("cue_of"), str):
            by_key[_place_key(m.attrs["cue_of"])].append(i)  # "Kampong Speu" the model read as a person
        cue = m.attrs.get("place_cue")
        if isinstance(cue, str) and m.name.startswith(cue + " ") and \
                fold(m.name[len(cue):]) in word_set("names", "place_heads_same"):
            # "the Prey Sar prison complex" is Prey Sar; not so "Almaty region" or "Matariya police station"
            by_key[_place_key(cue)].append(i)
        for a in ("acronym", "expansion"):
            if m.attrs.get(a):
                by_key[_place_key(m.attrs[a])].append(i)
    for idx in by_key.values():
        for j in idx[1:]:
            uf.union(idx[0], j)
    suffix = r"(?:region|province|oblast|governorate|prefecture|autonomous region)"
    for k in list(by_key):
        m = re.match(rf"^(\w+) {suffix}$", k)
        base = m.group(1) if m else (k if " " not in k else None)
        if base is None:
            continue
        # "Xinjiang Uyghur Autonomous Region" is Xinjiang: where X has such a formal name, X and "X region" are one
        formal = [o for o in by_key if re.match(rf"^{re.escape(base)} \w+ .*\b{suffix}$", o)]
        if formal:
            uf.union(by_key[k][0], by_key[formal[0]][0])
    # "Badr prison" is the Badr Correctional and Rehabilitation Centre: a place's name with a lower-case "prison"
    # after it is the one facility of the case whose formal name opens with that name
    facility = word_set("names", "facility_words")
    for k in list(by_key):
        m = re.match(r"^(.+) (?:prison|jail)$", k)
        if not m or sub[by_key[k][0]][1].name.split()[-1][:1].isupper():
            continue
        formal = {uf.find(by_key[o][0]) for o in by_key
                  if o != k and o.startswith(m.group(1) + " ") and o.split()[-1] in facility}
        if len(formal) == 1:
            uf.union(by_key[k][0], next(iter(formal)))
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(sub)):
        groups[uf.find(i)].append(i)
    return list(groups.values())


def _apply_judgements(kind: str, sub: list[tuple[str, Mention]], clusters: list[list[int]], judgements: list[Judgement]) -> list[list[int]]:
    """merge: two names are one; split: a name is its own entity.  Applied in log order."""
    owner = {i: n for n, c in enumerate(clusters) for i in c}
    for j in judgements:
        if j.payload.get("kind", kind) != kind:
            continue
        if j.kind == "merge":
            a, b = fold(j.payload["a"]), fold(j.payload["b"])
            ia = {owner[i] for i in owner if fold(sub[i][1].name) == a}
            ib = {owner[i] for i in owner if fold(sub[i][1].name) == b}
            if ia and ib:
                target = min(ia | ib)
                for i in owner:
                    if owner[i] in ia | ib:
                        owner[i] = target
        elif j.kind == "split":
            name = fold(j.payload["name"])
            new = max(owner.values(), default=0) + 1 + (j.id or 0) * 1000
            for i in owner:
                if fold(sub[i][1].name) == name:
                    owner[i] = new
    groups: dict[int, list[int]] = defaultdict(list)
    for i, o in owner.items():
        groups[o].append(i)
    return [sorted(g) for g in groups.values()]
