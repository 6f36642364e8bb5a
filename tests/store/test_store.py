"""The store on a real SQLite file: migrations recorded once, judgements logged and undone."""
from __future__ import annotations

import sqlite3

from casewatch.model import Judgement
from casewatch.store import Store


def test_migrations_are_recorded_and_run_once(tmp_path):
    url = f"sqlite:///{tmp_path / 'cw.db'}"
    Store(url)
    Store(url)
    con = sqlite3.connect(tmp_path / "cw.db")
    names = [r[0] for r in con.execute("SELECT name FROM _migrations")]
    from casewatch.store.migrations import MIGRATIONS
    assert names == [n for n, _ in MIGRATIONS] == ["m001_initial", "m002_search", "m003_accounts", "m004_report_language",
                                                   "m005_case_revision", "m006_web_sources", "m007_queue"]


def test_judgement_log_keeps_who_when_what_and_undo(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'cw.db'}")
    j = store.add_judgement(Judgement(kind="merge", case="c", payload={"a": "X Y", "b": "X Z"}, user="ana"))
    assert j.id and j.created_at
    store.undo_judgement("c", j.id)
    assert store.judgements("c") == []
    (only,) = store.judgements("c", include_undone=True)
    assert only.user == "ana" and only.undone_at and only.payload == {"a": "X Y", "b": "X Z"}
