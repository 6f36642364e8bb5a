"""changes: each report, ingested on its own in publication order, brings something new."""
from __future__ import annotations

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
