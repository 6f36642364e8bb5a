"""Training of the incident classifiers on the HRDsAttack training split.

    casewatch train hrdsattack ../shared/hrdsattack/train.json   (or: make train)

Logistic regressions (scikit-learn, fixed seeds) over the features of
``features.py``, ``places.py`` and ``when.py``; thresholds chosen on
out-of-fold predictions of the same split.  The weights are written, pruned
and rounded, to ``data/model.json``; reading needs no scikit-learn.
Never train on the development split: it is the check.
"""
from __future__ import annotations

import random
from typing import Any, Callable

from .features import candidate_features, doc_features, victim_features
from .hrdsattack import from_dataset_label
from ..model.linear import Linear
from .places import _country_of, _territory, country_candidates, country_features, none_features, place_hits
from .view import DocView, candidates, salience
from .when import date_candidates, date_features

SEED = 13
PAIRS = 5  # right dates per document paired with every wrong one when ranking dates
FOLDS = 5
PRUNE = 0.07  # weights under this share of the largest are dropped: a small model file
# regularisation (scikit-learn's C) of each classifier, chosen by cross-validation on the training split
C = {"violations": 0.1, "perpetrator": 0.1, "victim": 0.3, "victim_type": 0.1, "sex": 0.3, "age": 0.3,
     "country": 1.0, "date": 1.0}
VIOLATIONS = ["arbitrary detention", "enforced disappearance", "killing", "kidnapping", "torture", "other"]


def _none(v: Any) -> str | None:
    if v is None:
        return None
    s = str(v).strip()
    return None if s == "" or s.lower() in {"n/a", "none", "n//a", "null", "unknown"} else s


def _year(v: Any) -> str | None:
    v = _none(v)
    if v is None:
        return None
    try:
        return str(int(float(v)))
    except ValueError:
        return None


def answer_of(merged: dict[str, Any]) -> dict[str, Any]:
    """The data set's agreed record in the incident record's terms."""
    vt = set(merged.get("violation_types") or [])
    if len(vt) > 1:
        vt.discard("unknown")
    perp = from_dataset_label(merged.get("perpetrator_type")) if merged.get("perpetrator_mention") else None
    victims = []
    for v in merged.get("victims") or []:
        name = (v.get("victim_name") or "").strip()
        if not name:
            continue
        types = set(v.get("victim_type") or [])
        if len(types) > 1:
            types.discard("insufficient information")
        victims.append({"name": name, "types": "|".join(sorted(types)), "sex": v.get("victim_sex_type"),
                        "age": v.get("victim_age_group")})
    return {"violation_types": vt, "perpetrator": perp or "none", "victims": victims,
            "country": _none(merged.get("country")), "year": _year(merged.get("year"))}


def _country_code(name: str | None) -> str | None:
    if not name:
        return None
    from .data import load
    short = load("places")["short_names"]
    return _country_of(_territory(short.get(name, name)))


def _matches(cand_name: str, gold: list[str]) -> bool:
    return any(cand_name == g or cand_name in g or g in cand_name for g in gold)


def _fit(X: list[dict[str, float]], y: list[Any], c: float, kind: str, min_df: int = 1) -> dict[str, Any]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    if min_df > 1:
        df: dict[str, int] = {}
        for x in X:
            for k in x:
                df[k] = df.get(k, 0) + 1
        X = [{k: v for k, v in x.items() if df[k] >= min_df} for x in X]
    vec = DictVectorizer()
    Xm = vec.fit_transform(X).tocsr()
    Xm.indices = Xm.indices.astype("int32")
    Xm.indptr = Xm.indptr.astype("int32")
    if kind == "binary":
        clf = LogisticRegression(C=c, solver="liblinear", max_iter=1000, random_state=SEED)
    else:
        clf = LogisticRegression(C=c, max_iter=1000, random_state=SEED)
    clf.fit(Xm, y)
    names = vec.get_feature_names_out()
    coef = clf.coef_
    classes = ["yes"] if kind == "binary" else [str(c) for c in clf.classes_]
    out: dict[str, list[float]] = {}
    scale = max(1e-9, abs(coef).max())
    for j, f in enumerate(names):
        w = [float(coef[k, j]) for k in range(coef.shape[0])]
        if max(abs(x) for x in w) >= PRUNE * scale:
            out[str(f)] = [round(x, 2) for x in w]
    return {"kind": "binary" if kind == "binary" else "multiclass", "classes": classes, "coef": out,
            "intercept": [round(float(x), 4) for x in clf.intercept_]}


def _oof(X: list[dict[str, float]], y: list[Any], groups: list[int], c: float, kind: str,
         min_df: int = 1) -> list[list[float]]:
    """Out-of-fold probabilities (folds by document, fixed seed)."""
    docs = sorted(set(groups))
    random.Random(SEED).shuffle(docs)
    fold = {d: i % FOLDS for i, d in enumerate(docs)}
    out: list[list[float]] = [[] for _ in X]
    for k in range(FOLDS):
        tr = [i for i, g in enumerate(groups) if fold[g] != k]
        te = [i for i, g in enumerate(groups) if fold[g] == k]
        if len({y[i] for i in tr}) < 2:
            continue
        lin = Linear(_fit([X[i] for i in tr], [y[i] for i in tr], c, kind, min_df))
        for i in te:
            out[i] = lin.proba(X[i])
    return out


def _best_threshold(scores: list[float], labels: list[int], extra_gold: int = 0) -> float:
    """The threshold with the best F1; extra_gold counts answers no candidate can match."""
    best, best_f = 0.5, -1.0
    gold = sum(labels) + extra_gold
    for t in [x / 100 for x in range(10, 91, 2)]:
        tp = sum(1 for s, y in zip(scores, labels) if s >= t and y)
        sys = sum(1 for s in scores if s >= t)
        f = 2 * tp / (sys + gold) if sys + gold else 0.0
        if f > best_f:
            best, best_f = t, f
    return best


def _micro_thresholds(P: list[list[float]], Y: list[list[int]], gold_per_doc: list[int]) -> list[float]:
    """Per-label thresholds that together give the best micro-F1 over documents (coordinate ascent),
    with the likeliest label kept when none passes (as Linear.labels does)."""
    L, n = len(P), len(P[0])
    th = [0.35] * L
    gold = sum(gold_per_doc)

    def f1(th: list[float]) -> float:
        tp = sys = 0
        for d in range(n):
            chosen = [k for k in range(L) if P[k][d] >= th[k]] or [max(range(L), key=lambda k: P[k][d])]
            sys += len(chosen)
            tp += sum(Y[k][d] for k in chosen)
        return 2 * tp / (sys + gold) if sys + gold else 0.0
    grid = [x / 100 for x in range(10, 91, 5)]
    for _ in range(3):
        for k in range(L):
            th[k] = max(grid, key=lambda t: (f1(th[:k] + [t] + th[k + 1:]), -abs(t - 0.5)))
    return th


def country_spellings(names: list[str | None]) -> dict[str, str]:
    """How the data set's labellers most often spelled each country, where that differs from our name
    (their "USA" for our "United States"): applied only when writing predictions for its scorer."""
    from .places import country_name
    by: dict[str, dict[str, int]] = {}
    for n in names:
        code = _country_code(n)
        if code:
            by.setdefault(code, {})
            by[code][n] = by[code].get(n, 0) + 1
    out = {}
    for code, counts in sorted(by.items()):
        ours = country_name(code)
        best = max(counts.items(), key=lambda kv: (kv[1], kv[0] == ours))
        t = _territory(best[0])
        proper = t is not None and t.is_country and (best[0].isupper() or best[0].casefold() in
                                                     {t.name.casefold(), (t.full_name or "").casefold()})
        if proper and best[0] != ours and best[1] >= 2 and best[1] > counts.get(ours, 0):
            out[ours] = best[0]
    return out


def train(items: list[tuple[DocView, dict[str, Any]]], progress: Callable[[str], None] = lambda s: None) -> dict[str, Any]:
    """items: (document view, merged_sample) pairs of the training split -> the model spec (model.json)."""
    answers = [answer_of(a) for _, a in items]
    out: dict[str, Any] = {"trained_on": len(items), "seed": SEED}

    # documents: violation types (one binary model per type), perpetrator type
    progress("violation types and perpetrator")
    DX = [doc_features(v) for v, _ in items]
    coef: dict[str, list[float]] = {}
    intercept = []
    groups = list(range(len(items)))
    P, Y = [], []
    for k, lab in enumerate(VIOLATIONS):
        y = [int(lab in a["violation_types"]) for a in answers]
        spec = _fit(DX, y, C["violations"], "binary", min_df=3)
        P.append([p[0] if p else 0.0 for p in _oof(DX, y, groups, C["violations"], "binary", min_df=3)])
        Y.append(y)
        for f, w in spec["coef"].items():
            coef.setdefault(f, [0.0] * len(VIOLATIONS))[k] = w[0]
        intercept.append(spec["intercept"][0])
    thresholds = _micro_thresholds(P, Y, [len(a["violation_types"]) for a in answers])
    out["violations"] = {"kind": "multilabel", "classes": VIOLATIONS, "coef": coef, "intercept": intercept,
                         "thresholds": thresholds}
    out["perpetrator"] = _fit(DX, [a["perpetrator"] for a in answers], C["perpetrator"], "multiclass", min_df=3)

    # victims: which candidates, then their type, sex, age
    progress("victims")
    VX, Vy, Vg, extra_gold = [], [], [], 0
    TX, Sy, Ay = [], [], []
    for d, ((view, _), a) in enumerate(zip(items, answers)):
        gold = [v["name"] for v in a["victims"]]
        cands = candidates(view)
        found = set()
        for rank, (c, mr, share) in enumerate(salience(cands)):
            VX.append(candidate_features(view, c, rank, len(cands), mr, share))
            Vy.append(int(_matches(c.name, gold)))
            Vg.append(d)
            for v in a["victims"]:
                if _matches(c.name, [v["name"]]) and v["name"] not in found:
                    found.add(v["name"])
                    vf = victim_features(view, c)
                    if v["types"]:
                        TX.append((vf, v["types"]))
                    if v["sex"]:
                        Sy.append((vf, v["sex"]))
                    if v["age"]:
                        Ay.append((vf, v["age"]))
        extra_gold += len(set(gold) - found)
    spec = _fit(VX, Vy, C["victim"], "binary", min_df=2)
    oof = _oof(VX, Vy, Vg, C["victim"], "binary", min_df=2)
    spec["threshold"] = _best_threshold([p[0] if p else 0.0 for p in oof], Vy, extra_gold)
    out["victim"] = spec
    common: dict[str, int] = {}
    for _, t in TX:
        common[t] = common.get(t, 0) + 1
    TX = [(x, t) for x, t in TX if common[t] >= 3]
    out["victim_type"] = _fit([x for x, _ in TX], [t for _, t in TX], C["victim_type"], "multiclass", min_df=3)
    out["sex"] = _fit([x for x, _ in Sy], [s for _, s in Sy], C["sex"], "multiclass", min_df=3)
    out["age"] = _fit([x for x, _ in Ay], [s for _, s in Ay], C["age"], "multiclass", min_df=5)

    # where: a country among those named, or none
    progress("country")
    CX, Cy = [], []
    for (view, _), a in zip(items, answers):
        gold = _country_code(a["country"])
        hits = place_hits(view)
        cc = country_candidates(view, hits)
        CX.append(none_features(len(cc)))
        Cy.append(int(a["country"] is None))
        for rank, c in enumerate(cc):
            CX.append(country_features(view, c, rank, len(hits)))
            Cy.append(int(c.code == gold))
    out["country"] = _fit(CX, Cy, C["country"], "binary")
    out["dataset_spellings"] = {"country": country_spellings([a["country"] for a in answers])}

    # when: a date of the text, the publication date, or none
    progress("date")
    # ranked, not classified: the model learns which of a document's dates has the better year (pairs of a
    # right and a wrong one, both ways round) and the reader takes the date that beats the rest
    DXd, Dy = [], []
    for (view, _), a in zip(items, answers):
        dc = date_candidates(view)
        feats = [date_features(view, c, dc) for c in dc]
        right = [int((c.value[:4] if c.value else None) == a["year"]) for c in dc]
        _pairs([f for f, r in zip(feats, right) if r][:PAIRS], [f for f, r in zip(feats, right) if not r], DXd, Dy)
    out["date"] = _fit(DXd, Dy, C["date"], "binary", min_df=2)
    return out


def _pairs(better: list[dict[str, float]], worse: list[dict[str, float]], X: list[dict[str, float]],
           y: list[int]) -> None:
    """Ranking as classification: each better-worse difference of features, both ways round."""
    for fb in better:
        for fw in worse:
            d = {k: fb.get(k, 0.0) - fw.get(k, 0.0) for k in set(fb) | set(fw)}
            X.append(d)
            y.append(1)
            X.append({k: -v for k, v in d.items()})
            y.append(0)


def vocabulary_size(spec: dict[str, Any]) -> int:
    return sum(len(v["coef"]) for v in spec.values() if isinstance(v, dict) and "coef" in v)


def cross_validate(items: list[tuple[DocView, dict[str, Any]]], ids: list[int], folds: int = FOLDS,
                   progress: Callable[[str], None] = lambda s: None) -> dict[int, dict[str, Any]]:
    """Out-of-fold incident records of a training split (documents shuffled with the fixed seed): each fold
    is read by the classifiers trained on the others, in the data set's spellings -> {id: record}."""
    from .build import Models, build_record
    from .hrdsattack import to_dataset_labels
    order = list(range(len(items)))
    random.Random(SEED).shuffle(order)
    out: dict[int, dict[str, Any]] = {}
    for k in range(folds):
        progress(f"fold {k + 1}/{folds}")
        held = set(order[k::folds])
        spec = train([it for i, it in enumerate(items) if i not in held])
        m = Models(spec)
        for i in sorted(held):
            rec = to_dataset_labels(build_record(items[i][0], m), spec.get("dataset_spellings") or {})
            out[ids[i]] = rec
    return out
