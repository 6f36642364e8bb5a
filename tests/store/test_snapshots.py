"""Snapshots of a case file are small (no report texts, compressed) and `changes` still reads them."""
from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import text

from casewatch.pipeline import build_casefile, ingest_paths, save_snapshot
from casewatch.settings import Settings
from casewatch.store import Store

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
