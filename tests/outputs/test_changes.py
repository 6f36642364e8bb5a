"""changes: each report, ingested on its own in publication order, brings something new."""
from __future__ import annotations

from casewatch.model.names import fold
from casewatch.outputs.changes import diff, is_empty, pick, render_text, with_texts
from casewatch.pipeline import build_casefile

from .conftest import CASE


def test_each_report_brings_something_new(seeds_one_by_one):
    store, files = seeds_one_by_one
    snaps = store.snapshots(CASE)
    assert len(snaps) == len(files)
    prev = None
    full = {d["id"]: d["text"] for d in build_casefile(store, CASE)["documents"]}
    for snap, path in zip(snaps, files):
        cur = with_texts(store.snapshot(CASE, snap["id"]), full)
        d = diff(prev, cur)
        assert len(d["documents"]) == 1, path.name
        assert not is_empty(d, ignore_documents=True), f"nothing new after {path.name}"
        texts = {x["id"]: x["text"] for x in cur["documents"]}
        for key in ("people", "measures", "events"):
            for x in d[key]:
                assert x["evidence"] and x["evidence"]["quote"] in texts[x["evidence"]["doc"]]
        prev = cur


def test_no_changes_against_itself(seeds_one_by_one):
    store, _ = seeds_one_by_one
    cf = with_texts(store.snapshot(CASE), {d["id"]: d["text"] for d in build_casefile(store, CASE)["documents"]})
    assert is_empty(diff(cf, cf))
    assert "No changes." in render_text(diff(cf, cf))


def test_pick_since(seeds_one_by_one):
    store, files = seeds_one_by_one
    snaps = store.snapshots(CASE)
    base, latest = pick(snaps)
    assert latest == snaps[-1] and base == snaps[-2]
    base, _ = pick(snaps, since="0000")
    assert base is None
    base, _ = pick(snaps, since="9999")
    assert base == snaps[-1]


def test_people_are_found_as_a_scan_of_all_finds_them(seeds_one_by_one):
    """`diff` finds each person of the newer case file among the older one's by index: the person a scan in order
    finds (the first with one of their names or who has their name, else the first sharing a name)."""
    from casewatch.outputs.changes import _names, _People

    def scan(p, others):
        for q in others:
            if fold(q["name"]) in _names(p) or fold(p["name"]) in _names(q):
                return q
        return next((q for q in others if _names(p) & _names(q)), None)
    store, _ = seeds_one_by_one
    snaps = [store.snapshot(CASE, s["id"]) for s in store.snapshots(CASE)]
    for old, new in zip(snaps, snaps[1:]):
        people = _People(old["persons"])
        for p in new["persons"] + old["persons"] + [{"name": "Nobody Known", "aliases": []}]:
            assert people.find(p) is scan(p, old["persons"])
