"""Features for the incident classifiers: the same code at training and at reading time.

Each function returns a plain ``{feature: value}`` dict; the weights live in
``data/model.json`` (see ``train.py``) and the cue phrases in ``data/cues.yaml``.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache

from .data import load
from .view import Candidate, DocView, tokens

SPEAKER_APPOS_RE = re.compile(r"\s*,\s*[^.;:!?\n\"“”]{3,120}?,\s*(?:said|says|told|added|wrote|explained|noted|tweeted)\b")
PASSIVE_RE = re.compile(r"^[^.;:!?\n]{0,40}?\b(?:was|were|is|are|has been|have been|had been|being|got|get)\s+(?:\w+\s+){0,2}$")


@lru_cache(maxsize=None)
def cue_patterns(group: str) -> dict[str, re.Pattern[str]]:
    """cues.yaml's GROUP as one regex per label."""
    return {label: re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in pats) + r")\b", re.I)
            for label, pats in load("cues")[group].items()}


@lru_cache(maxsize=None)
def word_cues(group: str) -> dict[str, frozenset[str]]:
    return {label: frozenset(str(w).casefold() for w in words) for label, words in load("cues")[group].items()
            if isinstance(words, list)}


@lru_cache(maxsize=None)
def not_victim_re() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in load("cues")["not_victim"]) + r")\b", re.I)


def _bucket(n: float, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return f">{edges[-1]}"


# documents ---------------------------------------------------------------------------------
def doc_features(view: DocView) -> dict[str, float]:
    """Words of the lead (title and first paragraphs), and the cue phrases: how often, where, what share."""
    f: dict[str, float] = {}
    text = view.text
    lead_end = view.paragraphs[min(2, len(view.paragraphs) - 1)][1] if view.paragraphs else 0
    title_end = view.paragraphs[0][1] if view.paragraphs else 0
    first_end = view.paragraphs[min(1, len(view.paragraphs) - 1)][1] if view.paragraphs else 0
    for t in tokens(text[:lead_end]):
        if len(t) >= 3 and not t.isdigit():
            f["lead:" + t] = 1.0
    for group in ("violations", "perpetrators"):
        counts = {label: len(pat.findall(text)) for label, pat in cue_patterns(group).items()}
        total = sum(counts.values()) or 1
        for label, pat in cue_patterns(group).items():
            n = counts[label]
            if n:
                f[f"{group}:{label}"] = math.log1p(n)
                f[f"{group}-share:{label}"] = n / total
            nl = len(pat.findall(text[:lead_end]))
            if nl:
                f[f"{group}-lead:{label}"] = math.log1p(nl)
            if pat.search(text[:title_end]):
                f[f"{group}-title:{label}"] = 1.0
            if pat.search(text[title_end:first_end]):
                f[f"{group}-first:{label}"] = 1.0
    # what is said where the most-named people are named: the sentences of the three most-mentioned persons
    from .view import candidates
    top = sorted(candidates(view), key=lambda c: -len(c.spans))[:3]
    sents = {view.sentence_at(s) for c in top for s, _ in c.spans}
    for label, pat in cue_patterns("violations").items():
        n = sum(1 for a, b in sents if pat.search(text, a, b))
        if n:
            f["person-sent:" + label] = math.log1p(n)
    return f


# candidate victims ---------------------------------------------------------------------------
def name_shape_features(view: DocView, cand: Candidate) -> dict[str, float]:
    """Is the "name" a name: words the text also writes in lower case ("Political Prisoner", "Citizen
    Journalists"), a place ("Uzbekistan", "Davao del Norte"), an all-capitals acronym, a stray sign or digit
    ("Samira Sabou & Moussa Aksar")."""
    from .places import _territory
    f: dict[str, float] = {}
    toks = cand.name.split()
    low = view.lower_words()
    common = [t for t in toks if t.casefold() in low and len(t) > 2]
    if common:
        f["common-words"] = len(common) / len(toks)
        if toks[0].casefold() in low:
            f["common-first"] = 1.0
        if toks[-1].casefold() in low:
            f["common-last"] = 1.0
        if len(common) == len(toks):
            f["all-common"] = 1.0
    if _territory(cand.name) is not None or (len(toks[-1]) > 3 and _territory(toks[-1]) is not None):
        f["place-word"] = 1.0
    if cand.name.isupper():
        f["all-caps"] = 1.0
    if re.search(r"[&/@#]|\d", cand.name):
        f["odd-char"] = 1.0
    return f


def candidate_features(view: DocView, cand: Candidate, rank: int, n_cands: int,
                       mention_rank: int = 0, share: float = 0.0) -> dict[str, float]:
    text = view.text
    f: dict[str, float] = {"bias": 1.0}
    f["mention-rank:" + str(min(mention_rank, 3))] = 1.0
    f["share"] = share
    for src in cand.sources:
        f["src:" + src] = 1.0
    for r in cand.roles:
        f["role:" + r] = 1.0
    ntok = len(cand.name.split())
    f[f"ntok:{min(ntok, 4)}"] = 1.0
    n = len(cand.spans)
    f["mentions"] = math.log1p(n)
    f["mentions:" + _bucket(n, (1, 2, 4, 8))] = 1.0
    f["rank:" + _bucket(rank, (0, 1, 2, 4, 8))] = 1.0
    f["cands:" + _bucket(n_cands, (2, 5, 10, 20))] = 1.0
    para = view.paragraph_index(cand.first)
    f["para:" + _bucket(para, (0, 1, 2, 4, 8))] = 1.0
    if any(view.in_title(s) for s, _ in cand.spans):
        f["in_title"] = 1.0
    f.update(name_shape_features(view, cand))
    title = (view.title or "").casefold()
    if title and any(p.casefold() in title for p in cand.name.split() if len(p) > 2):
        f["name_in_title"] = 1.0
    viol = cue_patterns("violations")
    vtypes = cue_patterns("victim_types")
    nv = not_victim_re()
    seen_sents = set()
    for s, e in cand.spans:
        left = tokens(text[max(0, s - 60):s])[-5:]
        right = tokens(text[e:e + 60])[:5]
        for t in left:
            f["L:" + t] = 1.0
        for t in right:
            f["R:" + t] = 1.0
        if left:
            f["p1:" + left[-1]] = 1.0
        if right:
            f["n1:" + right[0]] = 1.0
        if len(right) >= 2:
            f["n2:" + " ".join(right[:2])] = 1.0
        near = text[max(0, s - 50):min(len(text), e + 50)]
        for label, pat in vtypes.items():
            if pat.search(near):
                f["near-type:" + label] = 1.0
        if nv.search(text[max(0, s - 40):s]):
            f["nv-before"] = 1.0
        if nv.search(text[e:e + 40]):
            f["nv-after"] = 1.0
        if re.match(r"\s*(?:,\s*)?(?:said|says|told|added|explained|stated|noted|wrote|tweeted)\b", text[e:e + 30]):
            f["speaker"] = f.get("speaker", 0.0) + 1.0
        if re.search(r"\b(?:said|says|told|according to)\s*$", text[max(0, s - 20):s]):
            f["speaker"] = f.get("speaker", 0.0) + 1.0
        if SPEAKER_APPOS_RE.match(text[e:e + 160]):
            f["speaker-appos"] = 1.0
        if re.match(r"\s*\(\d{1,3}\)|\s*,\s*\d{1,3}\s*,", text[e:e + 8]):
            f["age-after"] = 1.0
        after = text[e:e + 90]
        before = text[max(0, s - 60):s]
        for label, pat in viol.items():
            m = pat.search(after)
            if m and PASSIVE_RE.match(after[:m.start()]):
                f["passive:" + label] = 1.0
                f["passive"] = 1.0
            m = None
            for m in pat.finditer(before):
                pass
            if m is not None and re.fullmatch(r"\s*(?:of|on|against|for)\s+(?:\w+\s+){0,3}", before[m.end():]):
                f["noun-of:" + label] = 1.0
                f["noun-of"] = 1.0
            if m is not None and re.fullmatch(r"[^.;:!?\n]{0,40}", before[m.end():]):
                f["viol-before:" + label] = 1.0
        ss, se = view.sentence_at(s)
        if (ss, se) in seen_sents:
            continue
        seen_sents.add((ss, se))
        sent = text[ss:se]
        for label, pat in viol.items():
            if pat.search(sent):
                f["sent-viol:" + label] = f.get("sent-viol:" + label, 0.0) + 1.0
        if re.search(r"[\"“”]", sent):
            f["sent-quote"] = f.get("sent-quote", 0.0) + 1.0
    for k in [k for k in f if k.startswith(("sent-viol:", "speaker", "sent-quote"))]:
        f[k] = math.log1p(f[k])
    return f


def victim_features(view: DocView, cand: Candidate) -> dict[str, float]:
    """What kind of victim, and their sex: the words around every mention and the pronouns that follow."""
    text = view.text
    f: dict[str, float] = {"bias": 1.0}
    vtypes = cue_patterns("victim_types")
    sexw = word_cues("sex")
    for s, e in cand.spans:
        # the person's own description: the words just before the name, and an apposition after it
        pre = re.split(r"[.,;:!?\n\"“”(]|\band\b", text[max(0, s - 60):s])[-1]
        post_m = re.match(r"\s*(?:,|\(|–|-)\s*([^,.;:()\n]{0,80})", text[e:e + 90])
        desc = pre + " " + (post_m.group(1) if post_m else "")
        for label, pat in vtypes.items():
            if pat.search(desc):
                f["desc-type:" + label] = 1.0
        for t in tokens(desc):
            f["desc:" + t] = 1.0
        win = text[max(0, s - 80):min(len(text), e + 80)]
        for label, pat in vtypes.items():
            if pat.search(win):
                f["type-near:" + label] = 1.0
        for t in tokens(text[max(0, s - 50):s])[-4:] + tokens(text[e:e + 50])[:4]:
            f["ctx:" + t] = 1.0
        ss, se = view.sentence_at(s)
        # the pronouns of this sentence after the name, and of the next sentence
        nxt = view.sentence_at(se + 1) if se + 1 < len(text) else (se, se)
        after = tokens(text[e:se]) + tokens(text[nxt[0]:nxt[1]])[:12]
        before = tokens(text[max(0, s - 25):s])[-2:]
        for label, words in sexw.items():
            n = sum(1 for t in after if t in words) + sum(2 for t in before if t in words)
            if n:
                f["sex:" + label] = f.get("sex:" + label, 0.0) + n
    for k in [k for k in f if k.startswith("sex:")]:
        f[k] = math.log1p(f[k])
    first = cand.name.split()[0].casefold()
    f["first:" + first] = 1.0
    for label, pat in vtypes.items():
        n = len(pat.findall(text))
        if n:
            f["type-doc:" + label] = math.log1p(n)
    return f
