"""Snapshots of a case file are small (no report texts, compressed, deltas after the first) and `changes` still
reads them exactly, also those a large case's ingest marks to be built when read."""
from __future__ import annotations

import json
from copy import deepcopy
from pathlib import Path

from sqlalchemy import text

from casewatch import pipeline
from casewatch.cli.act import change_report
from casewatch.model import Judgement
from casewatch.outputs.changes import diff, with_texts
from casewatch.pipeline import build_casefile, ingest_paths, save_snapshot
from casewatch.settings import Settings
from casewatch.store import Store, snapshots
from casewatch.store.snapshots import light, pack

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "belarus_minsk"


def test_a_snapshot_costs_a_small_part_of_the_case_file_and_reads_back(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'c.db'}"
    store = Store(url)
    assert not ingest_paths(store, "c", [EXAMPLE], Settings(db_url=url)).failed
    save_snapshot(store, "c", "again")
    cf = build_casefile(store, "c")
    with store.engine.connect() as c:
        sizes = [len(r[0]) for r in c.execute(text("SELECT casefile FROM snapshots WHERE case_id='c'"))]
    assert max(sizes) < len(json.dumps(cf, ensure_ascii=False)) / 5
    back = store.snapshot("c")
    assert back["persons"] == cf["persons"] and [d["id"] for d in back["documents"]] == [d["id"] for d in cf["documents"]]
    assert all("text" not in d for d in back["documents"])  # the texts stay in the reports
    with store.engine.begin() as c:  # a snapshot kept as plain JSON by an older casewatch still reads
        c.execute(text("INSERT INTO snapshots (case_id, created_at, note, casefile) VALUES ('c', '2020', '', :j)"),
                  {"j": json.dumps({"persons": [], "documents": []})})
    assert store.snapshot("c") == {"persons": [], "documents": []}


# snapshots as deltas, and marked at ingest to be built when read (issue 15) ------------------------------------------
def _stored(store: Store, case: str) -> list[str]:
    with store.engine.connect() as c:
        return [r[0] for r in c.execute(text("SELECT casefile FROM snapshots WHERE case_id=:c ORDER BY id"), {"c": case})]


def _one_by_one(store: Store, url: str, case: str, files: list[Path], between=None) -> list[dict]:  # noqa: ANN001
    """Each file ingested on its own; after each, the case file as it stood, as a snapshot reads back."""
    built = []
    for i, p in enumerate(files):
        assert ingest_paths(store, case, [p], Settings(db_url=url)).added
        built.append(json.loads(json.dumps(light(build_casefile(store, case)), ensure_ascii=False)))
        if between:
            between(i)
    return built


def test_snapshots_after_the_first_are_small_deltas_that_read_back_exactly(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'c.db'}"
    store = Store(url)
    built = _one_by_one(store, url, "c", sorted(EXAMPLE.iterdir()))
    stored = _stored(store, "c")
    assert stored[0].startswith("z2:") and all(s.startswith("d1:") for s in stored[1:])
    assert [store.snapshot("c", s["id"]) for s in store.snapshots("c")] == built
    wholes = [len(pack(b)) for b in built]  # what each snapshot would cost kept whole (compressed)
    assert all(len(s) < w for s, w in zip(stored[1:], wholes[1:])), ([len(s) for s in stored], wholes)
    # together they cost well under the whole copies (each report changes a few lines of the case file: its people's
    # roles and their sources, its events)
    assert sum(map(len, stored)) < 0.7 * sum(wholes), ([len(s) for s in stored], wholes)


def test_a_chain_of_deltas_is_kept_whole_again_every_keyframe(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(snapshots, "KEYFRAME", 2)
    url = f"sqlite:///{tmp_path / 'c.db'}"
    store = Store(url)
    built = _one_by_one(store, url, "c", sorted(EXAMPLE.iterdir())[:4])
    assert [s[:3] for s in _stored(store, "c")] == ["z2:", "d1:", "z2:", "d1:"]
    assert [store.snapshot("c", s["id"]) for s in store.snapshots("c")] == built


def test_changes_exact_across_three_ingests_whose_snapshots_were_marked(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    """A large case's ingest marks its snapshot; `changes` builds the marked ones as they stood after each ingest:
    a judgement made after an ingest is not in its snapshot, one undone after it still is."""
    monkeypatch.setattr(pipeline, "BUILD_AT_INGEST", 0)
    url = f"sqlite:///{tmp_path / 'c.db'}"
    store = Store(url)
    judged: list[Judgement] = []

    def judge(i: int) -> None:
        if i == 0:  # in force for the second and third ingests' snapshots, undone after the third
            name = build_casefile(store, "c")["persons"][0]["name"]
            judged.append(store.add_judgement(Judgement(kind="role", case="c", payload={"name": name, "role": "witness"})))
    built = _one_by_one(store, url, "c", sorted(EXAMPLE.iterdir())[:3], between=judge)
    name = judged[0].payload["name"]
    assert all("witness" in p["roles"] for cf in built[1:] for p in cf["persons"] if p["name"] == name)
    assert all(s.startswith("p1:") for s in _stored(store, "c"))
    store.undo_judgement("c", judged[0].id)
    store.add_judgement(Judgement(kind="role", case="c", payload={"name": built[2]["persons"][1]["name"],
                                                                  "role": "witness"}))
    texts = {d.id: d.text for d in store.documents("c")}
    got, _ = change_report(store, "c")
    assert got == diff(with_texts(deepcopy(built[1]), texts), with_texts(deepcopy(built[2]), texts))
    assert [s[:3] for s in _stored(store, "c")] == ["p1:", "z2:", "d1:"]  # built when read, the first not yet
    assert [pipeline.snapshot(store, "c", s["id"]) for s in store.snapshots("c")] == built
    assert not store.pending_snapshots("c")


def test_reextract_builds_the_marked_snapshots_first(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(pipeline, "BUILD_AT_INGEST", 0)
    url = f"sqlite:///{tmp_path / 'c.db'}"
    store = Store(url)
    built = _one_by_one(store, url, "c", sorted(EXAMPLE.iterdir())[:2])
    pipeline.reextract(store, "c")
    assert [s[:3] for s in _stored(store, "c")] == ["z2:", "d1:", "d1:"]
    assert [store.snapshot("c", s["id"]) for s in store.snapshots("c")][:2] == built


def test_whole_snapshots_of_an_older_casewatch_still_read_and_the_next_builds_on_them(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'c.db'}"
    store = Store(url)
    files = sorted(EXAMPLE.iterdir())[:2]
    old = _one_by_one(store, url, "c", files[:1])[0]
    with store.engine.begin() as c:  # as an older casewatch kept them: whole, compressed, and before that plain JSON
        c.execute(text("DELETE FROM snapshots"))
        for kept in (json.dumps(old, ensure_ascii=False), pack(old)):
            c.execute(text("INSERT INTO snapshots (case_id, created_at, note, casefile) VALUES ('c', '2020', '', :j)"),
                      {"j": kept})
    new = _one_by_one(store, url, "c", files[1:])[0]
    assert [s[:3] for s in _stored(store, "c")] == [json.dumps(old)[:3], "z1:", "d1:"]
    assert [store.snapshot("c", s["id"]) for s in store.snapshots("c")] == [old, old, new]
    texts = {d.id: d.text for d in store.documents("c")}
    got, _ = change_report(store, "c")
    assert got == diff(with_texts(deepcopy(old), texts), with_texts(deepcopy(new), texts)) and got["documents"]
