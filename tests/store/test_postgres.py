"""The same case on PostgreSQL as on SQLite: ingest, judgements, idempotence. `.ci/pg-setup` starts a server
on loopback and prints its URL; CI passes it in CASEWATCH_TEST_PG."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from casewatch.model import Judgement
from casewatch.pipeline import build_casefile, ingest_paths
from casewatch.settings import Settings
from casewatch.store import Store
from tests.conftest import SEEDS

PG = os.environ.get("CASEWATCH_TEST_PG")
pytestmark = [pytest.mark.postgres,
              pytest.mark.skipif(not PG, reason="set CASEWATCH_TEST_PG to a PostgreSQL URL (.ci/pg-setup prints one)")]


def empty_pg() -> str:
    from tests.conftest import empty_postgres
    return empty_postgres(PG)  # type: ignore[arg-type]


def ingest(url: str) -> Store:
    store = Store(url)
    rep = ingest_paths(store, "atajurt", [SEEDS], Settings(db_url=url))
    assert not rep.failed and len(rep.added) == 5
    return store


def test_postgres_builds_the_same_case_file_as_sqlite(tmp_path: Path):
    lite = ingest(f"sqlite:///{tmp_path / 'c.db'}")
    pg = ingest(empty_pg())
    a = json.dumps(build_casefile(lite, "atajurt"), sort_keys=True, ensure_ascii=False)
    b = json.dumps(build_casefile(pg, "atajurt"), sort_keys=True, ensure_ascii=False)
    assert a == b
    rep = ingest_paths(pg, "atajurt", [SEEDS], Settings(db_url=PG))  # idempotent on PostgreSQL too
    assert not rep.added and not rep.failed
    lite.close()
    pg.close()


def test_a_judgement_on_postgres_survives_reextraction_and_undoes(tmp_path: Path):
    store = ingest(empty_pg())
    cf = build_casefile(store, "atajurt")
    person = cf["persons"][0]
    j = store.add_judgement(Judgement(kind="reject_entity", case="atajurt",
                                      payload={"kind": "person", "name": person["name"]}))
    assert person["name"] not in {p["name"] for p in build_casefile(store, "atajurt")["persons"]}
    from casewatch.pipeline import reextract
    reextract(store, "atajurt")
    assert person["name"] not in {p["name"] for p in build_casefile(store, "atajurt")["persons"]}
    store.undo_judgement("atajurt", j.id)
    assert person["name"] in {p["name"] for p in build_casefile(store, "atajurt")["persons"]}
    store.close()


def test_a_report_not_read_keeps_its_language_on_postgres(tmp_path: Path):
    """m004_report_language on PostgreSQL: the language and the pages read by OCR are stored and read back."""
    from tests.ingest.test_language import ENGLISH, RUSSIAN
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "en.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "in" / "ru.txt").write_text(RUSSIAN, encoding="utf-8")
    url = empty_pg()
    store = Store(url)
    rep = ingest_paths(store, "kazan", [tmp_path / "in"], Settings(db_url=url))
    assert len(rep.added) == 2 and [Path(n).name for n, _ in rep.unread] == ["ru.txt"]
    docs = {d.filename: (d.language, d.read, d.ocr_pages) for d in store.documents("kazan")}
    assert docs == {"en.txt": ("en", True, 0), "ru.txt": ("ru", False, 0)}
