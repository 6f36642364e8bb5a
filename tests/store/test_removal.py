"""Removing a report or a case leaves no trace of its text: not in the SQLite file (free pages and log
included), not in the search index, not in the case file or its snapshots; the rest of the case stays."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from casewatch.errors import NotFound
from casewatch.pipeline import build_casefile, ingest_paths, save_snapshot
from casewatch.settings import Settings
from casewatch.store import Store
from casewatch.store.removal import delete_case, delete_report
from tests.conftest import ROOT

FIX = ROOT / "tests" / "ingest" / "fixtures"


def _phrase(path: Path) -> str:
    """Seven words from the middle of a report: a phrase no other report holds."""
    words = path.read_text(encoding="utf-8").split()
    return " ".join(words[len(words) // 2:len(words) // 2 + 7])


def _in_file(db: Path, phrase: str) -> bool:
    needle = phrase.split()[3].encode()  # one long word of it is enough to find a leftover page
    return any(needle in p.read_bytes() for p in db.parent.glob(db.name + "*") if p.is_file())


@pytest.fixture
def case(tmp_path: Path):
    db = tmp_path / "r.db"
    store = Store(f"sqlite:///{db}")
    rep = ingest_paths(store, "c", [FIX / "statement.txt", FIX / "letter.txt"], Settings(db_url=f"sqlite:///{db}"))
    assert len(rep.added) == 2
    save_snapshot(store, "c", note="first")
    return db, store


def test_a_removed_report_leaves_no_trace(case):
    db, store = case
    gone, kept = _phrase(FIX / "letter.txt"), _phrase(FIX / "statement.txt")
    assert _in_file(db, gone) and store.search(f'"{gone}"')["texts"]
    delete_report(store, "c", "letter.txt")
    assert not store.search(f'"{gone}"')["texts"] and not store.search(f'"{gone}"')["facts"]
    assert store.search(f'"{kept}"')["texts"]  # the other report is still found
    cf = build_casefile(store, "c")
    assert [d["filename"] for d in cf["documents"]] == ["statement.txt"]
    assert gone.split()[3] not in json.dumps(cf, ensure_ascii=False)
    assert not store.snapshots("c")  # they held the removed text
    assert not _in_file(db, gone)


def test_a_removed_case_leaves_no_trace_and_others_stay(case, tmp_path):
    db, store = case
    ingest_paths(store, "other", [FIX / "statement.txt"], Settings(db_url=f"sqlite:///{db}"))
    gone = _phrase(FIX / "letter.txt")
    assert delete_case(store, "c") == 2
    with pytest.raises(NotFound):
        store.case("c")
    assert [c["id"] for c in store.cases()] == ["other"]
    assert not _in_file(db, gone)
    assert build_casefile(store, "other")["documents"]


def test_a_report_named_ambiguously_or_not_at_all_is_refused(case):
    _, store = case
    with pytest.raises(NotFound, match="no report"):
        delete_report(store, "c", "nosuch.txt")
    with pytest.raises(NotFound, match="no case"):
        delete_report(store, "nosuch", "letter.txt")


def test_the_cli_asks_before_removing(case):
    db, _ = case
    exe = Path(sys.executable).parent / "casewatch"
    env = {**os.environ, "CASEWATCH_DB": str(db)}
    r = subprocess.run([str(exe), "delete", "c"], input="n\n", capture_output=True, text=True, env=env)
    assert r.returncode != 0 and Store(f"sqlite:///{db}").case("c")
    r = subprocess.run([str(exe), "delete", "c", "--report", "letter.txt", "--yes"], capture_output=True, text=True,
                       env=env)
    assert r.returncode == 0 and "removed letter.txt" in r.stdout, r.stderr
    r = subprocess.run([str(exe), "cases"], capture_output=True, text=True, env=env)
    assert "c" in r.stdout and "1" in r.stdout
