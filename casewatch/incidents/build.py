"""The incident record of one document (casewatch.incident/1, INCIDENT.md)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..errors import CasewatchError
from .data import DATA, load
from .features import candidate_features, cue_patterns, doc_features, victim_features, word_cues
from ..model.linear import Linear
from .places import country_candidates, country_features, country_name, none_features, place_hits
from .view import Candidate, DocView, candidates, salience
from .when import date_candidates, date_features, split_date

SCHEMA = "casewatch.incident/1"
MODEL_FILE = DATA / "model.json"


class Models:
    """The trained classifiers (model.json)."""

    def __init__(self, spec: dict[str, Any]):
        self.spec = spec
        self.victim = Linear(spec["victim"])
        self.victim_type = Linear(spec["victim_type"])
        self.sex = Linear(spec["sex"])
        self.age = Linear(spec["age"])
        self.violations = Linear(spec["violations"])
        self.perpetrator = Linear(spec["perpetrator"])
        self.country = Linear(spec["country"])
        self.date = Linear(spec["date"])


@lru_cache(maxsize=1)
def models() -> Models:
    if not MODEL_FILE.exists():
        raise CasewatchError(f"{MODEL_FILE}: no trained incident model (run: casewatch train hrdsattack TRAIN.json)")
    return Models(load("model"))


def _ev(view: DocView, s: int, e: int) -> dict[str, Any]:
    return {"doc": view.id, "start": s, "end": e, "quote": view.text[s:e]}


def _first_match(view: DocView, pat: re.Pattern[str], near: int | None = None) -> dict[str, Any] | None:
    ms = list(pat.finditer(view.text))
    if not ms:
        return None
    m = min(ms, key=lambda m: abs(m.start() - near)) if near is not None else ms[0]
    return _ev(view, m.start(), m.end())


def victims(view: DocView, m: Models) -> list[tuple[Candidate, float]]:
    """The candidates the victim classifier keeps, with its probability."""
    cands = candidates(view)
    out = []
    for rank, (c, mr, share) in enumerate(salience(cands)):
        p = m.victim.p_yes(candidate_features(view, c, rank, len(cands), mr, share))
        if p >= m.victim.threshold:
            out.append((c, p))
    return out


def _age(view: DocView, cand: Candidate, m: Models, feats: dict[str, float]) -> str:
    text = view.text
    adult = int(load("cues")["age"]["adult_age"])
    for s, e in cand.spans:
        near = text[max(0, s - 60):min(len(text), e + 60)]
        for a in re.findall(r"\b(\d{1,2})[- ]years?[- ]old\b|,\s*(\d{1,2})\s*,|\((\d{1,2})\)", near):
            n = int(next(x for x in a if x))
            return "child" if n < adult else "adult"
    return m.age.best(feats)[0]


def build_record(view: DocView, m: Models | None = None) -> dict[str, Any]:
    m = m or models()
    rec: dict[str, Any] = {"id": int(view.id) if view.id.isdigit() else view.id, "schema": SCHEMA}
    evidence: dict[str, list[dict[str, Any]]] = {}

    # victims ---------------------------------------------------------------------------------
    vts = cue_patterns("victim_types")
    out_v = []
    for cand, p in victims(view, m):
        vf = victim_features(view, cand)
        types = m.victim_type.best(vf)[0].split("|")
        sex = m.sex.best(vf)[0]
        v: dict[str, Any] = {"name": cand.name, "types": types, "sex": sex, "age": _age(view, cand, m, vf),
                             "population": "individual", "confidence": round(p, 3),
                             "evidence": [_ev(view, s, e) for s, e in cand.spans]}
        type_ev = []
        for t in types:
            pat = vts.get(t)
            ev = _first_match(view, pat, near=cand.first) if pat else None
            if ev:
                type_ev.append(ev)
        sexw = word_cues("sex").get(sex)
        sex_ev = []
        if sexw:
            after = view.text[cand.spans[0][1]:cand.spans[0][1] + 300]
            mm = re.search(r"\b(?:" + "|".join(sorted(sexw, key=len, reverse=True)) + r")\b", after, re.I)
            if mm:
                s0 = cand.spans[0][1] + mm.start()
                sex_ev.append(_ev(view, s0, s0 + len(mm.group(0))))
        v["attribute_evidence"] = {"types": type_ev, "sex": sex_ev}
        out_v.append(v)
    rec["victims"] = out_v

    # what was done, by whom -------------------------------------------------------------------
    df = doc_features(view)
    vt = [c for c, _ in m.violations.labels(df)]
    rec["violation_types"] = vt
    anchor = out_v[0]["evidence"][0]["start"] if out_v else None
    pats = cue_patterns("violations")
    evidence["violation_types"] = [e for e in (_first_match(view, pats[t], anchor) for t in vt if t in pats) if e]
    perp = m.perpetrator.best(df)[0]
    rec["perpetrator_mention"] = perp != "none"
    rec["perpetrator_type"] = None if perp == "none" else perp
    if perp != "none":
        ppats = cue_patterns("perpetrators")
        ev = _first_match(view, ppats[perp], anchor) if perp in ppats else None
        if ev is None:
            ev = next((e for e in (_first_match(view, p, anchor) for p in ppats.values()) if e), None)
        evidence["perpetrator_type"] = [ev] if ev else []

    # where ------------------------------------------------------------------------------------
    hits = place_hits(view)
    ccands = country_candidates(view, hits)
    best, best_p = None, m.country.p_yes(none_features(len(ccands)))
    for rank, c in enumerate(ccands):
        p = m.country.p_yes(country_features(view, c, rank, len(hits)))
        if p > best_p:
            best, best_p = c, p
    rec["country"] = rec["region"] = rec["city"] = None
    if best is not None:
        rec["country"] = country_name(best.code)
        evidence["country"] = [_ev(view, best.hits[0].start, best.hits[0].end)]
        for level in ("region", "city"):
            hs = [h for h in best.hits if h.level == level]
            if hs:
                rec[level] = hs[0].name
                evidence[level] = [_ev(view, hs[0].start, hs[0].end)]

    # when -------------------------------------------------------------------------------------
    dcands = date_candidates(view)
    scored = [(m.date.p_yes(date_features(view, c, dcands)), -i, c) for i, c in enumerate(dcands)]
    _, _, dc = max(scored, key=lambda x: (x[0], x[1]))
    if dc.kind == "published":
        # the publication date is when it was told, not when it happened: a date of the same year that the
        # text gives where it tells the attack ("on Tuesday", resolved) says more, and grounds the record
        told = [x for x in scored if x[2].kind == "text" and x[2].viol and x[2].value[:4] == dc.value[:4]]
        if told:
            _, _, dc = max(told, key=lambda x: (x[0], x[1]))
    rec["year"], rec["month"], rec["day"] = split_date(dc.value)
    if dc.kind == "text":
        evidence["date"] = [_ev(view, dc.start, dc.end)]
    rec["evidence"] = evidence
    return rec


def build_records(cf: dict[str, Any]) -> list[dict[str, Any]]:
    """One record per document of a case file."""
    m = models()
    return [build_record(DocView.from_casefile(cf, d), m) for d in cf.get("documents") or []]
