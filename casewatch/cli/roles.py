"""`casewatch train roles`: the people model, learned from the answer keys of our own cases.

Each case (a folder of reports with an answer key in the `selfcheck` format) is read with the rules; every
person of the case file becomes a row of features (casefile/people.py) labelled with the key's roles of the
key person it names (none for a name the key does not hold).  Leave-one-case-out cross-validation compares
the model's roles with the rules' on each held-out case; a role is handed to the model only where it does
better there, and the weights are written to casefile/data/roles.json.
"""
from __future__ import annotations

import json
import re
import tempfile
import unicodedata
from pathlib import Path
from typing import Any, Callable

import typer

from . import console
from .hrdsattack import train_app

HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "he", "h.e", "prof", "sir"}


def _norm(name: str) -> str:
    """The answer keys' comparison form of a name (shared/eval/score.py's `norm`)."""
    s = unicodedata.normalize("NFKD", str(name or ""))
    s = "".join(c for c in s if not unicodedata.combining(c)).replace("\u2019", "'").casefold().strip()
    s = re.sub(r"'s\b", "", s)
    s = re.sub(r"^(the)\s+", "", s)
    words = [w for w in re.split(r"[\s\-\u2013]+", s) if w]
    while words and words[0].strip(".,") in HONORIFICS:
        words = words[1:]
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", "", " ".join(words))).strip()


def case_rows(folder: Path, key: dict[str, Any]) -> list[tuple[dict[str, float], set[str], list[str], int | None]]:
    """(features, key roles, rule roles, key person index) for every person the rules find in one case."""
    from ..casefile.people import person_features, ranks
    from ..model.names import fold  # noqa: F401  (the store's names are folded the same way)
    from ..pipeline import ingest_paths
    from ..resolve import resolve_case
    from ..settings import Settings
    from ..store import Store
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/roles.db"
        store = Store(url)
        ingest_paths(store, "c", [folder], Settings(db_url=url))
        docs = {d.id: d for d in store.documents("c")}
        res = resolve_case(store.extractions("c"), [])
    gold = [{_norm(v) for v in p["variants"]} | {_norm(p["name"])} for p in key["persons"]]
    rows = []
    rank = ranks(res.entities)
    for e in res.entities:
        if e.kind != "person":
            continue
        names = {_norm(m.name) for _, m in e.mentions} | {_norm(e.name)}
        hits = [j for j, g in enumerate(gold) if names & g]
        j = hits[0] if len(hits) == 1 else None
        rules = sorted({r for _, m in e.mentions for r in m.roles})
        rows.append((person_features(e.mentions, docs, len(docs), rank.get(e.id, 0.5)), set(key["persons"][j].get("roles", [])) if j is not None
                     else set(), rules, j))
    return rows


def _rule_roles(rules: list[str]) -> set[str]:
    out = set(rules)
    if "official" in out:
        out -= {"defendant", "detainee"}
    if "defendant" in out:
        out -= {"detainee", "activist"}
    return out


def _scores(rows, predicted: list[set[str]], key: dict[str, Any]) -> dict[str, float]:
    """The held-out case's roles share and defendants F1, as shared/eval/score.py counts them."""
    n_key = len(key["persons"])
    good = {j for (f, gold, rules, j), p in zip(rows, predicted) if j is not None and gold <= p}
    key_def = {j for j, p in enumerate(key["persons"]) if "defendant" in p.get("roles", [])}
    pred_def = [j for (f, gold, rules, j), p in zip(rows, predicted) if "defendant" in p]
    tp = len({j for j in pred_def if j is not None} & key_def)
    prec = tp / len(pred_def) if pred_def else 1.0
    rec = tp / len(key_def) if key_def else 1.0
    return {"roles": len(good) / n_key if n_key else 1.0,
            "defendants": 2 * prec * rec / (prec + rec) if prec + rec else 0.0}


def fit_multilabel(X: list[dict[str, float]], Y: list[list[int]], labels: list[str], c: float) -> dict[str, Any]:
    """One logistic regression per label (incidents/train.py's `_fit`), as one multilabel weight table."""
    from ..incidents.train import _fit
    coef: dict[str, list[float]] = {}
    intercept = []
    for k, lab in enumerate(labels):
        y = [row[k] for row in Y]
        if len(set(y)) < 2:  # a role no person of the training cases holds (or all do): its prior only
            intercept.append(-6.0 if not any(y) else 6.0)
            continue
        one = _fit(X, y, c, "binary")
        for f, w in one["coef"].items():
            coef.setdefault(f, [0.0] * len(labels))[k] = w[0]
        intercept.append(one["intercept"][0])
    for f in coef:
        coef[f] = coef[f] + [0.0] * (len(labels) - len(coef[f]))
    return {"kind": "multilabel", "classes": labels, "coef": coef, "intercept": intercept}


def train(cases: list[tuple[str, Path, dict[str, Any]]], c: float = 0.5,
          progress: Callable[[str], None] = lambda s: None) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    from ..casefile.people import ROLES
    from ..model.linear import Linear
    data = []
    for name, folder, key in cases:
        progress(name)
        data.append((name, key, case_rows(folder, key)))
    report = []
    per_role_gain = {r: 0.0 for r in ROLES}
    gains: list[dict[str, int]] = []
    preds = []
    for k, (name, key, rows) in enumerate(data):
        train_rows = [r for i, (_, _, rs) in enumerate(data) if i != k for r in rs]
        X = [f for f, *_ in train_rows]
        Y = [[int(r in gold) for r in ROLES] for _, gold, _, _ in train_rows]
        lin = Linear(fit_multilabel(X, Y, ROLES, c))
        rule = [_rule_roles(rules) for _, _, rules, _ in rows]
        learned = [{r for r, p in zip(ROLES, lin.proba(f)) if p >= 0.5} for f, *_ in rows]
        g = {r: sum(int((r in b) == (r in gold)) - int((r in a) == (r in gold))
                    for (f, gold, rules, j), a, b in zip(rows, rule, learned)) for r in ROLES}
        gains.append(g)  # per role: how much more often the learned decision is right on this held-out case
        preds.append((rule, learned))
    for r in ROLES:
        per_role_gain[r] = sum(g[r] for g in gains)
    for k, (name, key, rows) in enumerate(data):
        # the roles handed to the model for this case are those it won on the other held-out cases
        use_k = {r for r in ROLES if sum(g[r] for i, g in enumerate(gains) if i != k) > 0}
        rule, learned = preds[k]
        mixed = [a | (b & use_k) for a, b in zip(rule, learned)]
        report.append({"case": name, "rules": _scores(rows, rule, key), "model": _scores(rows, mixed, key)})
    use = sorted(r for r, g in per_role_gain.items() if g > 0)
    X = [f for _, _, rows in data for f, *_ in rows]
    Y = [[int(r in gold) for r in ROLES] for _, _, rows in data for _, gold, _, _ in rows]
    return {"model": fit_multilabel(X, Y, ROLES, c), "use": use, "gain": per_role_gain, "c": c}, report


@train_app.command("roles")
def train_roles(examples: Path = typer.Option(Path("examples"), help="Folders of reports, one per case."),
                keys: Path = typer.Option(Path("tests/golden"), help="Answer keys, <case>.json."),
                out: Path = typer.Option(Path(__file__).resolve().parents[1] / "casefile" / "data" / "roles.json",
                                         help="Where the weights go."),
                c: float = typer.Option(0.5, help="Inverse regularisation strength.")) -> None:
    """Learn who is who (defendant, official, lawyer …) from our own cases' answer keys, with leave-one-case-out
    cross-validation against the rules."""
    cases = [(k.stem, examples / k.stem, json.load(open(k, encoding="utf-8"))) for k in sorted(keys.glob("*.json"))
             if (examples / k.stem).is_dir()]
    spec, report = train(cases, c, progress=lambda s: console.print(f"reading {s}", highlight=False))
    for r in report:
        console.print(f"{r['case']:28s} roles rules {r['rules']['roles']:.2f} model {r['model']['roles']:.2f}   "
                      f"defendants rules {r['rules']['defendants']:.2f} model {r['model']['defendants']:.2f}", highlight=False)
    mean = lambda k, w: sum(r[w][k] for r in report) / len(report)  # noqa: E731
    console.print(f"{'mean (held out)':28s} roles rules {mean('roles', 'rules'):.3f} model {mean('roles', 'model'):.3f}   "
                  f"defendants rules {mean('defendants', 'rules'):.3f} model {mean('defendants', 'model'):.3f}")
    console.print(f"roles given to the model (better than the rules on held-out cases): {', '.join(spec['use']) or 'none'}")
    out.write_text(json.dumps(spec, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    console.print(f"wrote {out}")
