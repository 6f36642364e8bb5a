"""The seed case end to end against its answer key (../shared/eval): the quality floors."""
from __future__ import annotations

import json
import runpy

import pytest

from casewatch.outputs import EXPORTERS
from casewatch.pipeline import build_casefile, ingest_paths
from casewatch.settings import Settings
from casewatch.store import Store
from tests.casefile import digests
from tests.conftest import GOLD, SCORER, SEEDS, needs_seeds, needs_scorer

pytestmark = [needs_seeds, needs_scorer]


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('seeds') / 'cw.db'}"
    store = Store(url)
    rep = ingest_paths(store, "atajurt", [SEEDS], Settings(db_url=url))
    assert len(rep.added) == 5 and not rep.failed
    text = EXPORTERS["casefile"](build_casefile(store, "atajurt"))
    digests.check("atajurt", text)  # byte for byte the case file the code made before (tests/golden/casefiles.sha256)
    cf = json.loads(text)
    scorer = runpy.run_path(str(SCORER))
    return scorer["score"](json.load(open(GOLD, encoding="utf-8")), cf), cf


def test_overall_and_grounding(report):
    rep, _ = report
    assert rep["grounding"]["score"] == 1.0, rep["grounding"]["bad"]
    assert rep["overall"] >= 0.93


def test_people(report):
    rep, _ = report
    assert rep["persons"]["f1"] >= 0.97, rep["persons"]
    assert rep["persons"]["false_merges"] == []
    assert rep["defendants"]["f1"] == 1.0, rep["defendants"]
    assert rep["measures"]["score"] >= 0.93, rep["measures"]


def test_provisions_events_figures_conflicts(report):
    rep, _ = report
    assert rep["provisions"]["recall"] == 1.0, rep["provisions"]
    assert rep["events"]["f1"] >= 0.85, rep["events"]
    assert rep["figures"]["f1"] >= 0.90, rep["figures"]
    assert rep["conflicts"]["f1"] >= 0.90, rep["conflicts"]


def test_remand_extension_is_an_update_not_a_conflict(report):
    _, cf = report
    assert not any("pretrial" in c["topic"] for c in cf["conflicts"])
    assert any("pretrial" in u["topic"] and "month" in u["to"] for u in cf["updates"])


def test_every_quote_is_the_text_at_its_offsets(report):
    _, cf = report
    texts = {d["id"]: d["text"] for d in cf["documents"]}
    n = 0

    def walk(x):
        nonlocal n
        if isinstance(x, dict):
            if {"doc", "start", "end", "quote"} <= set(x):
                assert texts[x["doc"]][x["start"]:x["end"]] == x["quote"] != ""
                n += 1
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)
    walk({k: v for k, v in cf.items() if k != "documents"})
    assert n > 100
