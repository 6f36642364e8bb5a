"""Extraction in a pool of worker processes: the same database as in one process, bad files one by one."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import text

from casewatch.errors import InputError
from casewatch.pipeline import build_casefile, ingest_paths
from casewatch.settings import Settings
from casewatch.store import Store
from tests.conftest import EXAMPLES, ROOT
from tests.pipeline.test_ingest_pipeline import GOOD, GOOD2, dump

CASES = sorted(p.name for p in EXAMPLES.iterdir() if p.is_dir())
FIXTURES = ROOT / "tests" / "ingest" / "fixtures"


def casefile_json(tmp_path: Path, case: str, workers: int) -> str:
    url = f"sqlite:///{tmp_path / f'w{workers}.db'}"
    store = Store(url)
    rep = ingest_paths(store, case, [EXAMPLES / case], Settings(db_url=url), workers=workers)
    assert not rep.failed and rep.added
    return json.dumps(build_casefile(store, case), sort_keys=True, ensure_ascii=False)


@pytest.mark.parametrize("case", CASES)
def test_two_workers_build_the_same_case_file_as_one(tmp_path: Path, case: str):
    assert casefile_json(tmp_path, case, workers=2) == casefile_json(tmp_path, case, workers=1)


def test_the_facts_are_written_in_input_order(tmp_path: Path):
    """Document and fact rows come out in the same order as in one process (one transaction per document)."""
    order = {}
    for w in (1, 2):
        url = f"sqlite:///{tmp_path / f'o{w}.db'}"
        store = Store(url)
        ingest_paths(store, "c", [EXAMPLES / CASES[0]], Settings(db_url=url), workers=w)
        with store.engine.connect() as conn:
            order[w] = conn.execute(text("SELECT doc_id, kind, start_offset, end_offset, data FROM facts ORDER BY id")).all()
    assert order[2] == order[1]


@pytest.fixture
def mixed_dir(tmp_path: Path) -> Path:
    """Good reports among bad files, in one folder."""
    d = tmp_path / "mixed"
    d.mkdir()
    shutil.copy(GOOD, d / "a_statement.txt")
    (d / "b_empty.txt").write_bytes(b"")
    (d / "c_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    shutil.copy(GOOD2, d / "d_letter.txt")
    data = (FIXTURES / "verdict.pdf").read_bytes()
    (d / "e_truncated.pdf").write_bytes(data[: len(data) // 2])
    shutil.copy(GOOD, d / "f_statement_again.txt")  # the same bytes as a_statement.txt: already there
    return d


def test_a_bad_file_in_a_parallel_batch_gets_its_line_and_the_others_are_stored(tmp_path: Path, mixed_dir: Path):
    reports = {}
    for w in (1, 2):
        url = f"sqlite:///{tmp_path / f'm{w}.db'}"
        store = Store(url)
        rep = ingest_paths(store, "c", [mixed_dir], Settings(db_url=url), workers=w)
        reports[w] = rep
        assert [Path(x).name for x in rep.added] == ["a_statement.txt", "d_letter.txt"]
        assert [Path(x).name for x in rep.skipped] == ["f_statement_again.txt"]
        assert [Path(e.file).name for e in rep.failed] == ["b_empty.txt", "c_binary.txt", "e_truncated.pdf"]
        assert all(e.reason and "\n" not in e.reason for e in rep.failed)
        assert store.counts("c")["documents"] == 2
    assert [str(e) for e in reports[2].failed] == [str(e) for e in reports[1].failed]


class FailOnLetter(Store):
    """A real store whose fact writer fails, after the document row is written, for the letter only."""

    def replace_facts(self, conn, case, ex):
        n = super().replace_facts(conn, case, ex)
        name = conn.execute(text("SELECT filename FROM documents WHERE case_id=:c AND id=:d"), {"c": case, "d": ex.doc}).scalar()
        if "letter" in (name or ""):
            raise InputError(ex.doc, "disk full (simulated)")
        return n


def test_a_write_failure_in_a_parallel_batch_leaves_nothing_half_written(tmp_path: Path):
    db = tmp_path / "cw.db"
    settings = Settings(db_url=f"sqlite:///{db}")
    d = tmp_path / "two"
    d.mkdir()
    shutil.copy(GOOD, d / "a_statement.txt")
    shutil.copy(GOOD2, d / "b_letter.txt")
    ingest_paths(Store(settings.db_url), "c", [d / "a_statement.txt"], settings, workers=1)
    before = dump(db)
    store = FailOnLetter(settings.db_url)
    rep = ingest_paths(store, "c", [d], settings, workers=2)
    assert rep.added == [] and [Path(x).name for x in rep.skipped] == ["a_statement.txt"]
    assert [Path(e.file).name for e in rep.failed] == ["b_letter.txt"] and "disk full" in rep.failed[0].reason
    assert dump(db) == before


def test_reingest_with_two_workers_adds_nothing(tmp_path: Path):
    db = tmp_path / "cw.db"
    settings = Settings(db_url=f"sqlite:///{db}")
    store = Store(settings.db_url)
    first = ingest_paths(store, "c", [EXAMPLES / CASES[0]], settings, workers=2)
    assert first.added and not first.failed
    before = dump(db)
    rep = ingest_paths(store, "c", [EXAMPLES / CASES[0]], settings, workers=2)
    assert rep.added == [] and len(rep.skipped) == len(first.added) and not rep.failed
    assert dump(db) == before


def test_the_same_bytes_twice_in_one_parallel_batch_are_stored_once(tmp_path: Path):
    d = tmp_path / "dups"
    d.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        shutil.copy(GOOD, d / name)
    shutil.copy(GOOD2, d / "d.txt")
    url = f"sqlite:///{tmp_path / 'cw.db'}"
    store = Store(url)
    rep = ingest_paths(store, "c", [d], Settings(db_url=url), workers=2)
    assert [Path(x).name for x in rep.added] == ["a.txt", "d.txt"]
    assert [Path(x).name for x in rep.skipped] == ["b.txt", "c.txt"]
    assert store.counts("c")["documents"] == 2


def test_cli_ingest_with_workers_reports_bad_files_and_exits_non_zero(tmp_path: Path, mixed_dir: Path):
    import subprocess
    import sys
    exe = Path(sys.executable).parent / "casewatch"
    env = {"CASEWATCH_DB": str(tmp_path / "cli.db"), "PATH": "/usr/bin:/bin"}
    r = subprocess.run([str(exe), "ingest", "--workers", "2", "--case", "c", str(mixed_dir)],
                       capture_output=True, text=True, env=env)
    assert r.returncode == 1, r.stderr
    errors = [line for line in r.stderr.splitlines() if line.startswith("error")]
    assert len(errors) == 3 and all("mixed/" in line for line in errors), r.stderr
    assert "Traceback" not in r.stderr
    assert "2 added, 1 already there, 3 failed" in r.stdout


def test_a_parallel_batch_streams_a_bounded_number_of_documents(tmp_path: Path):
    """The main process reads ahead of the writes by a bounded number of documents, however long the batch."""
    from casewatch import pipeline
    from casewatch.ingest import read_bytes

    settings = Settings(db_url=f"sqlite:///{tmp_path / 'cw.db'}")
    store = Store(settings.db_url)
    counts = {"loaded": 0, "done": 0, "ahead": 0}
    n, workers = 40, 2

    def loader(i: int):
        def load():
            counts["loaded"] += 1
            counts["ahead"] = max(counts["ahead"], counts["loaded"] - counts["done"])
            return read_bytes(f"r{i}.txt", f"Ms Leyla Aliyeva was arrested in Baku on 3 March 2024.\n\nReport {i}.\n".encode(),
                              settings)
        return load

    def progress(name: str) -> None:
        counts["done"] += 1

    rep = pipeline.ingest_documents(store, "c", [(f"r{i}.txt", loader(i)) for i in range(n)], progress,
                                    snapshot=False, workers=workers)
    assert len(rep.added) == n
    assert counts["ahead"] <= workers * pipeline.IN_FLIGHT + 1
