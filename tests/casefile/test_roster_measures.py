"""The roster across reports: a release told of all the accused at once reaches each of them; counsel named
in sentences about the charges stays counsel; a client named before "'s lawyer" stays the accused."""
from __future__ import annotations

import dataclasses

from casewatch.casefile import build
from casewatch.extract import Extractor
from tests.extract.conftest import doc

X = Extractor()


def roster(texts: list[tuple[str, str]]) -> dict[str, dict]:
    docs = [dataclasses.replace(doc(t, published=d), id=f"d{i}") for i, (d, t) in enumerate(texts)]
    exs = {}
    for d in docs:
        ex = X.extract(d)
        ex.doc = d.id
        exs[d.id] = ex
    cf = build("c", None, docs, exs)
    return {p["name"]: p for p in cf["persons"]}


def test_a_release_of_all_the_defendants_reaches_each_of_them():
    r = roster([("2026-03-02", "On 1 March 2026 police arrested Daniel Okafor and Grace Adeyemi. Daniel Okafor and "
                               "Grace Adeyemi were charged with treason and remanded in custody."),
                ("2026-05-20", "On 19 May 2026 Justice Ada Okon struck out the charges against all 12 defendants "
                               "and ordered their immediate release.")])
    for name in ("Daniel Okafor", "Grace Adeyemi"):
        assert name in r and "defendant" in r[name]["roles"]
        assert r[name]["current_measure"] == "release" and r[name]["current_since"] == "2026-05-19"
    assert r["Ada Okon"]["current_measure"] is None  # the judge who freed them is no one's co-accused


def test_a_release_of_some_named_people_does_not_reach_the_others():
    r = roster([("2026-03-02", "On 1 March 2026 police arrested Daniel Okafor and Grace Adeyemi. Daniel Okafor and "
                               "Grace Adeyemi were charged with treason and remanded in custody."),
                ("2026-05-20", "On 19 May 2026 Daniel Okafor was released on bail.")])
    assert r["Grace Adeyemi"]["current_measure"] == "pretrial_detention"


def test_counsel_in_a_sentence_about_the_charges_is_not_the_accused():
    r = roster([("2026-03-02", "Daniel Okafor was charged with treason on 1 March 2026. His lawyer, Samuel Eze, said the "
                               "charges against his client were baseless."),
                ("2026-04-02", "Counsel for the defendants, among them Samuel Eze, Esq., asked the court to dismiss "
                               "the charges against Daniel Okafor."),
                ("2026-04-09", "Daniel Okafor's lawyer said the trial against him would open in May.")])
    assert "defendant" in r["Daniel Okafor"]["roles"]
    assert "defendant" not in r["Samuel Eze"]["roles"]
