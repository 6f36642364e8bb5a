"""Who is who: person mentions joined into people, with the reasons for every join.

A full name (two words or more) is a person on its own.  A shorter full name joins the one person whose name
holds it ("Cristina Dela Peña" in "Maria Cristina Dela Peña", "LAM Wai-ming" in "Karen Lam Wai-ming").  A
partial name (a family name or a given name alone, with or without initials and honorific) joins a person
only while it fits exactly one person of the whole case; where it fits two ("Mr Lam" in a case with two
Lams) it is left unresolved and listed for review, never guessed: a wrong join puts a namesake in the dock.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable

from ..model import Mention
from ..model.names import NameParts, fold, name_parts, skeleton


@dataclass
class Unresolved:
    """A mention left out of the roster: the people it could be, by their index in the clusters."""
    index: int
    candidates: list[int]
    reason: str


@dataclass
class PersonClusters:
    clusters: list[list[int]]
    why: dict[int, list[str]] = field(default_factory=dict)  # cluster index -> reasons for its joins
    unresolved: list[Unresolved] = field(default_factory=list)


def _given(skel: str) -> str:
    """A given name's skeleton without a leading vowel that one language writes and another drops
    (Anastasiya / Nastassia, Aleksei / Lyosha stay apart: only a leading vowel goes)."""
    return skel[1:] if len(skel) >= 4 and skel[0] in "aeiou" else skel


def _norm(key: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(_given(k) for k in key)


def _subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    it = iter(long)
    return all(any(t == x for x in it) for t in short)


def _skips_a_surname(a: tuple[str, ...], b: tuple[str, ...], surnames: frozenset[str]) -> bool:
    """"Fernando Vaca" in "Luis Fernando Camacho Vaca": a shorter form that drops the long name's first word and a word
    between the words it keeps that the case writes as a surname (the last word of another full name) leaves out a
    family name, not a middle name: the name of someone else ("John Kennedy" keeps the first word, and "Michael Smith"
    of "John Michael Smith" drops only it)."""
    pos, j = [], 0
    for t in a:
        while j < len(b) and b[j] != t:
            j += 1
        pos.append(j)
        j += 1
    if len(pos) < 2 or pos[-1] >= len(b) or pos[0] == 0:
        return False
    return any(b[k] in surnames for k in range(pos[0] + 1, pos[-1]) if k not in pos)


def _names_a_forebear(a: tuple[str, ...], b: tuple[str, ...], surnames: frozenset[str],
                      fulls: frozenset[tuple[str, ...]]) -> bool:
    """"Khodr El Mir" in "Ahmad Khodr El Mir", where the case also writes "Ahmad El Mir": a name of a chain (given name,
    father's name, family name) that drops its first word, while another short form keeps that word and drops the
    shorter one's first, is the father's name, not a second short form of the son's (a word the case writes as a
    family name elsewhere opens a family name: "Castillo Pérez" of "Maykel Castillo Pérez" stays his).  Asked only of a
    name a report calls someone's relative: "Ahmed Tinubu" beside "Bola Tinubu" is the one "Bola Ahmed Tinubu"."""
    if len(a) < 2 or not b or a[0] == b[0] or a[0] in surnames or a[-1] != b[-1]:
        return False
    return any(len(o) >= 2 and o[0] == b[0] and o[-1] == b[-1] and a[0] not in o and _subsequence(o, b)
               for o in fulls)


def _held_in(short: NameParts, long: NameParts, families: frozenset[str] = frozenset(),
             reversible: frozenset[tuple[str, ...]] = frozenset(), surnames: frozenset[str] = frozenset(),
             fulls: frozenset[tuple[str, ...]] = frozenset()) -> bool:
    """Every word of `short` stands in `long`, in order; a family name (one the case writes in capitals
    somewhere) may stand at the other end ("Wai-ming LAM" in "Lam Wai-ming", "Andrew Chiu" in "Chiu Ka-yin
    Andrew"); initials must open given names of `long`."""
    a, b = _norm(short.key), _norm(long.key)
    if short.nick and not _subsequence(a, b):  # Maykel "Osorbo" Castillo in Maykel Castillo Pérez
        a = _norm(short.proper)
    fams = {_given(f) for f in (short.family, long.family) if f} | families
    ok = _subsequence(a, b)
    if ok and (_skips_a_surname(a, b, surnames) or _names_a_forebear(a, b, surnames, fulls)):
        return False
    if not ok and len(a) == len(b) == 2 and a == b[::-1] and a in reversible:
        ok = True  # "Wanyera Simon" / "Simon Wanyera": a list writes the family name first, a story last
    if not ok and fams & set(a) and fams & set(b) and len(a) >= 2:
        # a family name known as such: the other words may stand in any order ("Ng Gordon Ching-hang",
        # "Gordon Ng Ching-hang", "NG Ching-hang Gordon")
        # ("Tamara Rahman KHAN" is no shorter "Abdur Rahman Khan Timur": the words but the family name keep
        # their order, unless the two names hold the same words)
        rest = list(b)
        ok = all(t in rest and not rest.remove(t) for t in a) and (
            len(a) == len(b) or _subsequence(tuple(t for t in a if t not in fams), tuple(t for t in b if t not in fams)))
    if not ok and fams and len(a) >= 2:
        rot = [a[-1:] + a[:-1], a[1:] + a[:1]]
        ok = any(_subsequence(r, b) for r in rot if fams & {r[0], r[-1]})
    if not ok:
        return False
    rest = [t for t in b if t not in a]
    # an initial opens the given name the long form writes ("Zh." for Zhumabek, whose skeleton opens with j)
    return not short.initials or not rest or rest[0][:1] in (short.initials[0][:1], skeleton(short.initials[0])[:1])


STATE = {"official"}
ACCUSED = {"defendant", "detainee"}


def _side(roles: list[str]) -> str | None:
    """Which side of the case a mention's own words put a person on: the state's ("Judge Lam", "prosecutor
    Lam") or the accused's ("the accused Lam", "Lam was remanded"), or neither."""
    if STATE & set(roles):
        return "state"
    if ACCUSED & set(roles):
        return "accused"
    return None


def _opposed(side: str, roles: set[str]) -> bool:
    """A person named only in roles that the other side of the case holds: a journalist, a lawyer or an NGO's
    voice is no judge, and a judge no accused."""
    other = {"journalist", "lawyer", "advocate", "relative", "activist", "expert"} if side == "state" else STATE
    return bool(roles) and roles <= other | {"other", "witness"} and bool(roles & other)


def _cluster_side(roles: list[str]) -> str | None:
    """A person's side from all their full-name mentions: none where they are named on both."""
    sides = {_side([r]) for r in roles} - {None}
    return sides.pop() if len(sides) == 1 else None


def _reversible(by_key: dict[tuple[str, ...], list[int]], docs: list[str]) -> frozenset[tuple[str, ...]]:
    """Two-word names the case writes in both orders that may be one person ("Wanyera Simon" in a list, "Simon
    Wanyera" in a story).  Not where one report writes both (it names two people: "Hassan Ali" and "Ali Hassan"),
    nor where each word opens another person's name too (both are given names: two people again)."""
    opens: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for k in by_key:
        if len(k) >= 2:
            opens[k[0]].add(k)
    out = set()
    for k, idx in by_key.items():
        r = k[::-1]
        if len(k) != 2 or r not in by_key or {docs[i] for i in idx} & {docs[i] for i in by_key[r]}:
            continue
        if all(opens[w] - {k, r} for w in k):
            continue
        out.add(k)
    return frozenset(out)


def cluster_persons(sub: list[tuple[str, Mention]]) -> PersonClusters:
    """Clusters of indexes into `sub`, the reasons for their joins, and the mentions left unresolved."""
    parts = [name_parts(m.name, m.attrs.get("sex")) for _, m in sub]
    # 1. full names: one person per spelling (transliterations fold into one key)
    by_key: dict[tuple[str, ...], list[int]] = defaultdict(list)
    partial: list[int] = []
    for i, p in enumerate(parts):
        if p.full:
            by_key[_norm(p.key)].append(i)
        elif p.key:
            partial.append(i)
    owner: dict[int, int] = {}  # mention -> cluster
    clusters: list[list[int]] = []
    why: dict[int, list[str]] = defaultdict(list)
    heads: list[list[NameParts]] = []  # the full names of each cluster
    # a word of a full name -> the clusters with a name that holds it: a name is held only by names that hold all its
    # words, so the people a name could be are looked for under one of its words, not among all the case's people
    by_word: dict[str, set[int]] = defaultdict(set)
    unresolved: list[Unresolved] = []
    families = frozenset(_given(p.family) for p in parts if p.family)  # written in capitals somewhere
    reversible = _reversible(by_key, [d for d, _ in sub])
    surnames = frozenset(_norm(k)[-1] for k in by_key if len(k) >= 2)  # the last words of the case's full names
    fulls = frozenset(_norm(k) for k in by_key if len(k) >= 2)
    # the longest names first: each shorter one then finds the people whose names hold it
    # (a nickname inside a name does not make it longer: Maykel "Osorbo" Castillo comes after Maykel Castillo Pérez)
    length = {key: len(parts[idx[0]].proper) for key, idx in by_key.items()}
    for key in sorted(by_key, key=lambda k: (-length[k], -len(k), k)):
        idx = by_key[key]
        p = parts[idx[0]]
        # every word _held_in compares stands in the longer name (the nickname's may not): the people a name could be
        # have a name that holds each word of it
        words = _norm(p.proper)
        near: Iterable[int] = range(len(heads))
        if words:
            near = set(by_word.get(words[0], ()))
            for w in words[1:]:
                near &= by_word.get(w, set())
        # a forebear's name inside a chain is told apart only where a report calls its bearer someone's relative
        kin = fulls if any("relative" in sub[i][1].roles for i in idx) else frozenset()
        holders = sorted({c for c in near if any(_held_in(p, h, families, reversible, surnames, kin) for h in heads[c])})
        spellings = sorted({sub[i][1].name for i in idx})
        if len(holders) == 1:
            c = holders[0]
            why[c].append(f"{' / '.join(spellings)}: a shorter form of {sub[clusters[c][0]][1].name}")
        elif len(holders) > 1:
            for i in idx:
                unresolved.append(Unresolved(i, holders, "a shorter name that fits several people"))
            continue
        else:
            c = len(clusters)
            clusters.append([])
            heads.append([])
            if len(spellings) > 1:
                why[c].append(f"{' / '.join(spellings)}: one name in several spellings")
        clusters[c] += idx
        heads[c].append(p)
        for w in _norm(p.key):
            by_word[w].add(c)
        for i in idx:
            owner[i] = c
    _join_respellings(sub, parts, clusters, heads, owner, by_word, why, unresolved)
    _join_glued(sub, parts, clusters, heads, owner, by_word, why, unresolved)
    partial = _join_aliases(sub, parts, partial, clusters, heads, owner, by_word, why)
    sexes = [{parts[i].sex for i in cl if parts[i].sex} for cl in clusters]
    roles = [{r for i in cl for r in sub[i][1].roles} for cl in clusters]
    sides = [_cluster_side(list(rs)) for rs in roles]
    initialled: dict[tuple[tuple[str, ...], str], list[int]] = {}
    lone: dict[str, list[int]] = {}
    apart: dict[tuple[str, ...], list[int]] = {}
    spelt = [{w for i in cl for w in fold(sub[i][1].name).replace("-", " ").split()} for cl in clusters]
    normed = [[(_norm(h.key), h) for h in hs] for hs in heads]  # each full name's words, as compared
    # 2. partial names: a family or given name alone joins the one person of the case it fits
    for i in partial:
        p = parts[i]
        word = _given(p.key[0])
        fits = [c for c in sorted(by_word.get(word, ()))
                if any(word in k and (not p.initials or _held_in(p, h)) for k, h in normed[c])]
        # spelt exactly so by some and only by transliteration by others ("Hasanova" / "Huseynova"): the former
        exact = [c for c in fits if fold(sub[i][1].name) in spelt[c]]
        if exact:
            fits = exact
        elif fits and len(word) <= 2 and len(fold(sub[i][1].name)) > 3 and not any(
                w in spelt[c] for c in fits for w in fold(sub[i][1].name).replace("-", " ").split()):
            continue  # "Dame" is spelt like no word of "Diamé": two consonants alone are no respelling
        named = fits
        by_sex = [c for c in fits if sexes[c] and p.sex in sexes[c]]
        by_sex = by_sex if len(by_sex) == 1 and all(sexes[c] and p.sex not in sexes[c] for c in fits
                                                    if c != by_sex[0]) else []
        side = _side(sub[i][1].roles)
        by_role = [c for c in fits if side and side == sides[c]]
        by_role = by_role if len(by_role) == 1 else []
        fits = fits if len(fits) == 1 else by_sex or by_role
        if len(fits) == 1 and side and sides[fits[0]] is None and _opposed(side, roles[fits[0]]):
            fits = []  # "Judge A. Mamatova" is not the journalist Aizat Mamytova
        if len(fits) == 1 and side is None and sides[fits[0]] == "state" and _opposed("state", set(sub[i][1].roles)) \
                and len(sub[i][1].name.split()) >= 2:
            # "son of Haji Abdul Rahim" is not the prosecutor Abdul Rahim Safi: a name of two words or more
            # told only as someone's kin (or a voice, a lawyer) is a person of its own beside a state's officer
            apart.setdefault(p.key, []).append(i)
            continue
        if len(fits) == 1:
            c = fits[0]
            reason = f"{sub[i][1].name}: the only person of the case with this name"
            if len(named) > 1:
                reason += f" of this sex ({p.sex})" if by_sex else f" on this side of the case ({side})"
            if reason not in why[c]:
                why[c].append(reason)
            clusters[c].append(i)
            owner[i] = c
        elif len(named) > 1:
            unresolved.append(Unresolved(i, named, "a partial name that fits several people of the case"))
        elif p.initials:
            # "E. T. Abdykadyrov", "Kaparov M. Zh.": initials and a family name that no full name holds are
            # a person of their own (court papers name judges and clerks so)
            initialled.setdefault((p.initials[:1], word), []).append(i)
        elif not fits and len(p.key) == 1:
            lone.setdefault(word, []).append(i)
        # a name alone that no full name holds is no person of the case, unless the reports tell it as one
    for (_, word), idx in initialled.items():
        why[len(clusters)] = [f"{sub[idx[0]][1].name}: initials and a family name no full name of the case holds"]
        clusters.append(idx)
    for key, idx in apart.items():
        why[len(clusters)] = [f"{sub[idx[0]][1].name}: named as no officer of the state, unlike the one full name "
                              "of the case it fits"]
        clusters.append(idx)
    for word, idx in lone.items():
        # people known by one name ("Pak Yulius", "Mr Yulius"): named twice or more, and once at least after an
        # honorific (a title or a step of the case is not enough: places and bodies taken for people have them)
        if len(idx) >= 2 and any(parts[i].sex for i in idx):
            why[len(clusters)] = [f"{sub[idx[0]][1].name}: a person named by one name, which no full name of the "
                                  "case holds"]
            clusters.append(idx)
    return _compact(PersonClusters([sorted(c) for c in clusters], dict(why), unresolved))


def _absorb(a: int, b: int, clusters: list[list[int]], heads: list[list[NameParts]], owner: dict[int, int],
            by_word: dict[str, set[int]], why: dict[int, list[str]], unresolved: list[Unresolved] | None = None,
            keep_names: bool = True) -> None:
    """Cluster `b` joins cluster `a`, with its mentions and reasons; its full names become `a`'s (the names other
    names are looked for in) unless `keep_names` is false (a nickname's cluster: it holds no one else's name), and
    the unresolved mentions that could be `b` could be `a`."""
    for h in heads[b]:
        for w in _norm(h.key):
            by_word[w].discard(b)
            if keep_names:
                by_word[w].add(a)
    clusters[a] += clusters[b]
    if keep_names:
        heads[a] += heads[b]
    for i in clusters[b]:
        owner[i] = a
    why[a] += why.pop(b, [])
    clusters[b], heads[b] = [], []
    for u in unresolved or []:
        u.candidates = sorted({a if c == b else c for c in u.candidates})


def _join_aliases(sub: list[tuple[str, Mention]], parts: list[NameParts], partial: list[int],
                  clusters: list[list[int]], heads: list[list[NameParts]], owner: dict[int, int],
                  by_word: dict[str, set[int]], why: dict[int, list[str]]) -> list[int]:
    """A nickname a report gives in quotes after a full name (`alias`: José Gomes Hata "Cheick Hata") is that
    person's wherever it is written alone, as a name of two words or one, while it is the nickname of one person
    only; the partial names it takes are no longer looked for among the others."""
    owners: dict[tuple[str, ...], set[int]] = defaultdict(set)
    for i, (_, m) in enumerate(sub):
        if m.attrs.get("alias") and i in owner:
            owners[_norm(name_parts(m.attrs["alias"]).key)].add(owner[i])
    if not owners:
        return partial
    for key, cs in owners.items():
        if len(cs) != 1 or not key:
            continue
        a = cs.pop()
        for b, cl in enumerate(clusters):
            if b == a or not cl or any(_norm(h.key) != key for h in heads[b]):
                continue
            why[a].append(f"{sub[cl[0]][1].name}: the nickname a report gives {sub[clusters[a][0]][1].name}")
            _absorb(a, b, clusters, heads, owner, by_word, why, keep_names=False)
        owners[key] = {a}
    rest = []
    for i in partial:
        cs = owners.get(_norm(parts[i].key), set())
        if len(cs) == 1 and not parts[i].initials:
            a = next(iter(cs))
            reason = f"{sub[i][1].name}: the nickname a report gives {sub[clusters[a][0]][1].name}"
            if reason not in why[a]:
                why[a].append(reason)
            clusters[a].append(i)
            owner[i] = a
        else:
            rest.append(i)
    return rest


def _respelt(a: str, b: str) -> bool:
    """Two long words one letter apart inside them ("Ulfatkhonim" / "Ulfathonim"), not at their ends, where
    languages mark sex or number ("Daniel" / "Danielle", "Ivan" / "Ivana" stay two names)."""
    if a == b or min(len(a), len(b)) < 6 or abs(len(a) - len(b)) > 1 or a[-2:] != b[-2:] or a[:2] != b[:2]:
        return False
    from rigour.text.distance import levenshtein
    return levenshtein(a, b) == 1


def _join_respellings(sub: list[tuple[str, Mention]], parts: list[NameParts], clusters: list[list[int]],
                      heads: list[list[NameParts]], owner: dict[int, int], by_word: dict[str, set[int]],
                      why: dict[int, list[str]], unresolved: list[Unresolved]) -> None:
    """Two people whose full names differ only by one word spelt one letter apart, and whom no report names both,
    are one person in two transliterations."""
    docs = [{sub[i][0] for i in cl} for cl in clusters]
    words: dict[int, list[tuple[tuple[str, ...], list[str]]]] = defaultdict(list)
    for c, cl in enumerate(clusters):
        for i in cl:
            raw = fold(sub[i][1].name).split()
            if parts[i].full and len(raw) == len(parts[i].key):
                words[c].append((parts[i].key, raw))
    # the names that may be one respelling apart are found by the words they share: a name's words with one long
    # word left out, and that word's first and last letters, make its bucket (the cost grows with the names, not
    # with their pairs); a bucket that many people share tells no respelling
    buckets: dict[tuple, list[tuple[int, tuple[str, ...], list[str]]]] = defaultdict(list)
    for c in range(len(clusters)):
        for key, raw in words[c]:
            for k, w in enumerate(raw):
                if len(w) >= 6:
                    buckets[(key[:k], key[k + 1:], w[:2], w[-2:])].append((c, key, raw))
    root = list(range(len(clusters)))

    def find(c: int) -> int:
        while root[c] != c:
            root[c] = root[root[c]]
            c = root[c]
        return c

    for bucket in buckets.values():
        if len({c for c, _, _ in bucket}) < 2 or len(bucket) > 50:
            continue
        for n, (ca, ka, wa) in enumerate(bucket):
            for cb, kb, wb in bucket[n + 1:]:
                a, b = sorted((find(ca), find(cb)))
                if a == b or docs[a] & docs[b] or sum(x != y for x, y in zip(ka, kb)) != 1 \
                        or not all(x == y or _respelt(u, v) for x, y, u, v in zip(ka, kb, wa, wb)):
                    continue
                why[a].append(f"{' '.join(wa)} / {' '.join(wb)}: one name in two transliterations, "
                              "never both in one report")
                docs[a] |= docs[b]
                _absorb(a, b, clusters, heads, owner, by_word, why, unresolved)
                root[b] = a


def _join_glued(sub: list[tuple[str, Mention]], parts: list[NameParts], clusters: list[list[int]],
                heads: list[list[NameParts]], owner: dict[int, int], by_word: dict[str, set[int]],
                why: dict[int, list[str]], unresolved: list[Unresolved]) -> None:
    """A name written in one word by one report and in two by another ("Ana Mari Lopez" / "Anamari Lopez"): two
    people whose full names are the same once two neighbouring words of one are written together, and whom no report
    names both, are one person."""
    docs = [{sub[i][0] for i in cl} for cl in clusters]
    by_key: dict[tuple[str, ...], int] = {}
    for c, cl in enumerate(clusters):
        for i in cl:
            if parts[i].full:
                by_key.setdefault(_norm(parts[i].key), c)
    for c in range(len(clusters)):
        for i in list(clusters[c]):
            raw = fold(sub[i][1].name).split()
            if not parts[i].full or len(raw) < 3 or len(raw) != len(parts[i].key):
                continue
            for k in range(len(raw) - 1):
                glued = raw[:k] + [raw[k] + raw[k + 1]] + raw[k + 2:]
                other = by_key.get(_norm(name_parts(" ".join(glued)).key))
                if other is None or other == c or not clusters[other] or not clusters[c] or docs[c] & docs[other]:
                    continue
                why[c].append(f"{sub[i][1].name} / {sub[clusters[other][0]][1].name}: one name written in two words "
                              "and in one, never both in one report")
                docs[c] |= docs[other]
                _absorb(c, other, clusters, heads, owner, by_word, why, unresolved)
                for key, o in list(by_key.items()):
                    if o == other:
                        by_key[key] = c


def _compact(pc: PersonClusters) -> PersonClusters:
    """Clusters emptied by a join leave the list; the reasons and the unresolved follow the new numbering."""
    keep = [c for c, cl in enumerate(pc.clusters) if cl]
    if len(keep) == len(pc.clusters):
        return pc
    new = {c: k for k, c in enumerate(keep)}
    return PersonClusters([pc.clusters[c] for c in keep], {new[c]: w for c, w in pc.why.items() if c in new},
                          [Unresolved(u.index, [new[c] for c in u.candidates if c in new], u.reason)
                           for u in pc.unresolved])
