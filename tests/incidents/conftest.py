"""Incident records built through the real pipeline (spaCy, SQLite) on short texts of our own."""
from __future__ import annotations

from typing import Any, Callable

import pytest

from casewatch.ingest import read_bytes
from casewatch.pipeline import build_casefile, ingest_documents
from casewatch.settings import Settings
from casewatch.store import Store


@pytest.fixture(scope="module")
def incident(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., dict[str, Any]]:
    """incident(text, published="2020-02-20") -> the incident record of that one report."""
    from casewatch.incidents import build_records
    url = f"sqlite:///{tmp_path_factory.mktemp('incidents') / 'cw.db'}"
    store = Store(url)
    settings = Settings(db_url=url)
    n = {"i": 0}

    def run(text: str, published: str | None = "2020-02-20", title: str | None = None) -> dict[str, Any]:
        n["i"] += 1
        case = f"c{n['i']}"
        doc = read_bytes(f"r{n['i']}.txt", text.encode(), settings, published=published, title=title)
        rep = ingest_documents(store, case, [(doc.filename, lambda: doc)], snapshot=False)
        assert rep.added, rep.failed
        cf = build_casefile(store, case)
        recs = build_records(cf)
        assert len(recs) == 1
        rec = recs[0]
        check_grounded(rec, cf["documents"][0]["text"])
        return rec
    return run


def check_grounded(rec: dict[str, Any], text: str) -> None:
    """Every evidence span of the record quotes the stored text at its offsets."""
    evs = [e for v in rec["victims"] for e in v["evidence"]]
    evs += [e for v in rec["victims"] for k in ("types", "sex") for e in v["attribute_evidence"][k]]
    evs += [e for k in rec["evidence"] for e in rec["evidence"][k]]
    for e in evs:
        assert text[e["start"]:e["end"]] == e["quote"], e


def names(rec: dict[str, Any]) -> list[str]:
    return [v["name"] for v in rec["victims"]]
