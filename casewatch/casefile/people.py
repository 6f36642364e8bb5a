"""Who each person is in the case, decided once per person from everything the reports say about them.

The reading rules give every mention its roles (a title beside the name, a charge in its clause); a
person's roles are then decided from all their mentions together: the features are what the words around
each mention say (data/people.yaml: a title of the state, a lawyer's, an NGO's, a charge, a detention,
speech, kin), where the person is named (court papers, UN letters, an addresses list), and the rules'
own votes.  The decision is a logistic regression per role, trained on the answer keys of our own cases
(`casewatch train roles`, weights in data/roles.json) and kept only where it beats the rules on cases held
back from training; without weights the rules decide.
"""
from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..extract.data import cue
from ..model import Document, Event, Mention
from ..model.linear import Linear

DATA = Path(__file__).parent / "data"
ROLES = ["defendant", "detainee", "official", "lawyer", "advocate", "journalist", "relative", "expert", "activist",
         "witness"]
KINDS = ["news", "ngo_statement", "urgent_appeal", "un_communication", "court_document"]
LIST_LINE = re.compile(r"[ \t]*(?:[-•*–]|\(?(?:\d{1,3}|[a-z]|[ivx]{1,5})[.)]|\[\w+\])[ \t]+")


@lru_cache(maxsize=None)
def cue_groups() -> dict[str, re.Pattern[str]]:
    with open(DATA / "people.yaml", encoding="utf-8") as fh:
        spec = yaml.safe_load(fh)
    return {g: re.compile("|".join(f"(?:{p})" for p in pats), re.I) for g, pats in spec.items()}


@lru_cache(maxsize=None)
def _lower_groups() -> dict[str, re.Pattern[str]] | None:
    """The cue groups in lower case, matched with case: on ASCII text lowered, each finds what its pattern finds
    ignoring case (the characters that fold to ASCII letters beside their own, like the Kelvin sign, are not ASCII);
    None where a pattern has an escape in capitals (S, W, B after a backslash), which lowering would change."""
    groups = cue_groups()
    if any(re.search(r"\\[A-Z]", rx.pattern) for rx in groups.values()):
        return None
    return {g: re.compile(rx.pattern.lower()) for g, rx in groups.items()}


@lru_cache(maxsize=None)
def model() -> dict[str, Any] | None:
    """The trained weights (data/roles.json), or None: then the rules decide alone."""
    path = DATA / "roles.json"
    if not path.exists():
        return None
    with open(path, encoding="utf-8") as fh:
        spec = json.load(fh)
    return {"linear": Linear(spec["model"]), "roles": spec["model"]["classes"], "use": set(spec.get("use", []))}


def sentence_around(text: str, s: int, e: int, reach: int = 400) -> tuple[int, int]:
    """The sentence (to a full stop or a line break) that holds text[s:e], looked for within `reach` characters
    each way."""
    lo, hi = max(0, s - reach), min(len(text), e + reach)
    stop = text.rfind(". ", lo, s)
    a = max(stop + 2 if stop >= 0 else lo, text.rfind("\n", lo, s) + 1)
    ends = [x for x in (text.find(". ", e, hi), text.find("\n", e, hi)) if x >= 0]
    return a, (min(ends) if ends else hi)


def cues_in(seg: str, memo: dict[str, tuple[str, ...]] | None = None) -> tuple[str, ...]:
    """The cue groups whose patterns match in `seg`; with `memo`, each distinct stretch of text is read once (the
    people named in one sentence share it, and reports repeat each other's sentences)."""
    if memo is not None and seg in memo:
        return memo[seg]
    low = _lower_groups() if seg.isascii() else None
    if low is not None:  # the same matches, and twice as fast as ignoring case
        lowered = seg.lower()
        out = tuple(g for g, rx in low.items() if rx.search(lowered))
    else:
        out = tuple(g for g, rx in cue_groups().items() if rx.search(seg))
    if memo is not None:
        memo[seg] = out
    return out


@lru_cache(maxsize=None)
def _window_names() -> dict[str, tuple[str, str, str]]:
    return {g: (f"{g}_before", f"{g}_after", f"{g}_sent") for g in cue_groups()}


def mention_features(m: Mention, doc: Document, memo: dict[str, tuple[str, ...]] | None = None) -> dict[str, float]:
    text = doc.text
    s, e = m.evidence.start, m.evidence.end
    a, b = sentence_around(text, s, e)
    fb = cues_in(text[max(a, s - 60):s], memo)  # the windows: before, after, the sentence
    fa = cues_in(text[e:min(b, e + 100)], memo)
    fs = cues_in(text[a:b], memo)
    f: dict[str, float] = {}
    if fb or fa or fs:
        for g, (kb, ka, ks) in _window_names().items():  # by group, then window: the order the weights are summed in
            if g in fb:
                f[kb] = 1.0
            if g in fa:
                f[ka] = 1.0
            if g in fs:
                f[ks] = 1.0
    for r in m.roles:
        f[f"rule_{r}"] = 1.0
    for ms in m.measures:
        f[f"measure_{ms.type}"] = 1.0
    if m.attrs.get("byline"):
        f["byline"] = 1.0
    if doc.kind in KINDS:
        f[f"kind_{doc.kind}"] = 1.0
    line_start = text.rfind("\n", 0, s) + 1
    if LIST_LINE.match(text, line_start):
        f["list_item"] = 1.0
    if len(m.name.split()) == 1:
        f["partial"] = 1.0
    return f


def person_features(mentions: list[tuple[str, Mention]], docs: dict[str, Document], n_docs: int,
                    rank: float = 0.5, memo: dict[str, tuple[str, ...]] | None = None) -> dict[str, float]:
    """Each mention's features, as the share of mentions that have it and whether any has it; `rank` is where
    the person stands among the case's people by how often they are named (0 the most, 1 the least): the
    accused of the case are its most named, other prisoners named in passing are held, not accused here."""
    per = [mention_features(m, docs[d], memo) for d, m in mentions if d in docs]
    out: dict[str, float] = {}
    share = 1.0 / len(per) if per else 0.0
    for f in per:
        for k in f:
            any_k, frac_k = _FEATURE_NAMES.get(k) or _FEATURE_NAMES.setdefault(k, (f"any_{k}", f"frac_{k}"))
            out[any_k] = 1.0
            out[frac_k] = out.get(frac_k, 0.0) + share
    out["log_mentions"] = math.log1p(len(per))
    out["share_docs"] = len({d for d, _ in mentions}) / max(1, n_docs)
    out["rank"] = rank
    out["top_quarter"] = float(rank <= 0.25)
    return out


_FEATURE_NAMES: dict[str, tuple[str, str]] = {}


def ranks(entities: list[Any]) -> dict[str, float]:
    """{entity id: its rank share among the people by number of mentions}."""
    people = sorted((e for e in entities if e.kind == "person"), key=lambda e: -len(e.mentions))
    n = max(1, len(people) - 1)
    return {e.id: i / n for i, e in enumerate(people)}


def decide_roles(feats: dict[str, float], rule_roles: list[str]) -> list[str]:
    """The rules' roles, with the roles the model gives where it was kept for them (`use`: it beat the rules on
    cases held back from its training)."""
    spec = model()
    if spec is None:
        return rule_roles
    p = dict(zip(spec["roles"], spec["linear"].proba(feats)))
    held = {"defendant", "detainee"} & set(rule_roles)
    # the model adds a role the rules missed; it never makes the accused an official nor a held person a second kind
    never = {"official", "detainee", "activist"} if "defendant" in held else ({"official"} if held else set())
    return list(rule_roles) + [r for r in spec["roles"] if r in spec["use"] and p[r] >= 0.5 and r not in rule_roles
                               and r not in never]


def accused_elsewhere(mentions: list[tuple[str, Mention]], docs: dict[str, Document], reach: int = 4) -> bool:
    """Every mention that makes the person accused stands where a report turns to other cases (the sentence or the
    one before it: extract/data/cues.yaml `other_case`): held in another case, not accused in this one.  A person
    accused in more than `reach` mentions is the case's own."""
    other = cue("cues", "other_case")
    accused = [(d, m) for d, m in mentions if "defendant" in m.roles and d in docs]
    if not accused or len(accused) > reach:
        return False
    for d, m in accused:
        text = docs[d].text
        a, b = sentence_around(text, m.evidence.start, m.evidence.end)
        pa, _ = sentence_around(text, max(0, a - 2), max(0, a - 1)) if a > 1 else (a, a)
        if not other.search(text, pa, b):
            return False
    return True


YEAR = re.compile(r"\b(?:19|20)\d\d\b")


CUSTODY_STEPS = frozenset({"arrest", "pretrial_detention", "house_arrest"})


def accused_before(mentions: list[tuple[str, Mention]], docs: dict[str, Document],
                   steps: dict[str, list[Event]], reach: int = 4) -> int | None:
    """Every mention that makes the person accused stands in a sentence whose years all come before the person's
    first custody in this case (the earliest arrest or detention told to the day with them among its people, in
    `steps`: each report's events): a past conviction told as background ("she was convicted by a military court
    in 2021 and in 2015"), not this case's charge.  Returns the year of that custody, else None.  A person
    accused in more than `reach` mentions is the case's own."""
    accused = [(d, m) for d, m in mentions if "defendant" in m.roles and d in docs]
    if not accused or len(accused) > reach:
        return None
    latest = 0
    for d, m in accused:
        text = docs[d].text
        told = [tuple(int(x) for x in span.split("-")) for span in str(m.attrs.get("accused_in") or "").split(";") if span]
        # the name's own sentence, or those that accuse it by a pronoun ("She was convicted … in 2021")
        for a, b in told or [sentence_around(text, m.evidence.start, m.evidence.end)]:
            years = [int(y) for y in YEAR.findall(text, a, b)]
            if not years:
                return None
            latest = max(latest, *years)
    names = {(d, m.name) for d, m in mentions}
    starts = [int(ev.date[:4]) for d in {d for d, _ in mentions} for ev in steps.get(d, [])
              if ev.type in CUSTODY_STEPS and ev.date and len(ev.date) == 10 and not ev.date_inferred
              and any((d, p) in names for p in ev.participants)]
    return min(starts) if starts and latest < min(starts) else None
