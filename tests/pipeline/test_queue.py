"""The queue (casewatch/queue.py, tasks.py) with two real `casewatch worker` processes on a PostgreSQL database of
its own: the case files are those `casewatch ingest` makes, reextract through the queue changes nothing, a bad
file is failed with its reason, and a worker killed with SIGKILL mid-batch loses nothing (issue 15)."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Iterator

import pytest
from sqlalchemy import create_engine, make_url, text

from tests.conftest import EXAMPLES

PG = os.environ.get("CASEWATCH_TEST_PG")


def needs_pg(test):  # noqa: ANN001, ANN201
    for mark in (pytest.mark.postgres, pytest.mark.slow,
                 pytest.mark.skipif(not PG, reason="set CASEWATCH_TEST_PG to a PostgreSQL URL (.ci/pg-setup prints one)")):
        test = mark(test)
    return test


EXE = [str(Path(sys.executable).parent / "casewatch")]
CASES = {"orlov": EXAMPLES / "russia_orlov", "minsk": EXAMPLES / "belarus_minsk"}


def cw(*args: str, db: str, check: bool = True, timeout: float = 600) -> subprocess.CompletedProcess:
    r = subprocess.run([*EXE, "--db", db, *args], capture_output=True, text=True, timeout=timeout)
    if check:
        assert r.returncode == 0, (args, r.stdout, r.stderr)
    return r


def casefile(db: str, case: str) -> dict:
    return json.loads(cw("export", case, "--format", "casefile", db=db).stdout)


@pytest.fixture(scope="module")
def pg() -> Iterator[str]:
    """A database of this module's own on the test server (others' tests may use the test database meanwhile)."""
    assert PG
    name = f"casewatch_dist_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(PG).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The two example cases; Minsk's with an empty file and a truncated PDF beside its reports."""
    root = tmp_path_factory.mktemp("cases")
    out = {}
    for case, src in CASES.items():
        out[case] = shutil.copytree(src, root / case)
    (out["minsk"] / "empty.txt").write_bytes(b"")
    (out["minsk"] / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog")
    return out


@pytest.fixture(scope="module")
def plain(folders: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    """The case files `casewatch ingest` makes of the same folders (one process after the other)."""
    db = str(tmp_path_factory.mktemp("plain") / "plain.db")
    for case, folder in folders.items():
        r = cw("ingest", "--case", case, str(folder), db=db, check=False)
        assert r.returncode == (1 if case == "minsk" else 0), r.stderr
    return {case: casefile(db, case) for case in folders}


class Workers:
    """`casewatch worker` processes on the database, ended (and their watched processes with them) at the end."""

    def __init__(self, db: str, n: int = 2):
        self.procs = [subprocess.Popen([*EXE, "--db", db, "worker", "--concurrency", "1", "--stalled-after", "4"],
                                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
                      for _ in range(n)]

    def stop(self) -> list[str]:
        out = []
        for p in self.procs:
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
        for p in self.procs:
            try:
                out.append(p.communicate(timeout=60)[0])
            except subprocess.TimeoutExpired:
                p.kill()
                out.append(p.communicate()[0])
        return out


@pytest.fixture(scope="module")
def queued(pg: str, folders: dict[str, Path]) -> Iterator[tuple[str, Workers]]:
    """Both cases queued and taken by two workers until done."""
    workers = Workers(pg)
    try:
        for case, folder in folders.items():
            if case == "minsk":  # by a manifest of its files (paths relative to the manifest's folder)
                manifest = folder.parent / "minsk.txt"
                manifest.write_text("# Minsk\n\n" + "".join(f"minsk/{p.name}\n" for p in sorted(folder.iterdir())))
                r = cw("queue", "ingest", "--case", case, f"@{manifest}", db=pg)
            else:
                r = cw("queue", "ingest", "--case", case, str(folder), db=pg)
            assert f"{len(list(folder.iterdir()))} queued" in r.stdout, r.stdout
        yield pg, workers
    finally:
        logs = workers.stop()
        print("\n".join(logs))


def wait(db: str, case: str) -> subprocess.CompletedProcess:
    r = cw("queue", "status", "--case", case, "--wait", "--timeout", "400", db=db, check=False)
    assert r.returncode in (0, 1), (r.stdout, r.stderr)
    return r


@needs_pg
@pytest.mark.parametrize("case", sorted(CASES))
def test_two_workers_make_the_case_files_ingest_makes(queued: tuple[str, Workers], plain: dict[str, dict], case: str):
    db, _ = queued
    r = wait(db, case)
    assert casefile(db, case) == plain[case]
    if case == "minsk":  # the bad files: failed, each with its reason; the others stored
        assert r.returncode == 1 and "5 done, 2 failed" in r.stdout, r.stdout
        assert "empty.txt: empty file" in r.stderr
        assert "broken.pdf:" in r.stderr
    else:
        assert r.returncode == 0 and "6 done, 0 failed" in r.stdout, (r.stdout, r.stderr)
    with create_engine(db).connect() as conn:  # one snapshot for the batch, not one per report
        assert conn.execute(text("SELECT COUNT(*) FROM snapshots WHERE case_id=:c"), {"c": case}).scalar() == 1
        assert conn.execute(text("SELECT COUNT(*) FROM queue_items WHERE data IS NOT NULL")).scalar() == 0


@needs_pg
def test_reextract_through_the_queue_gives_the_same_case_file(queued: tuple[str, Workers], plain: dict[str, dict]):
    db, _ = queued
    wait(db, "orlov")
    r = cw("queue", "reextract", "--case", "orlov", db=db)
    assert "6 queued to extract again" in r.stdout, r.stdout
    r = wait(db, "orlov")
    assert r.returncode == 0 and "12 done, 0 failed" in r.stdout, r.stdout
    assert casefile(db, "orlov") == plain["orlov"]
    with create_engine(db).connect() as conn:
        notes = [n for n, in conn.execute(text("SELECT note FROM snapshots WHERE case_id='orlov' ORDER BY id"))]
    assert len(notes) == 2 and notes[1] == "re-extracted"


@needs_pg
def test_a_worker_killed_mid_batch_loses_nothing(queued: tuple[str, Workers], folders: dict[str, Path], tmp_path: Path):
    """SIGKILL to a worker while both are on a report: the other takes its report again once its heartbeat
    stops, and every report is stored once."""
    db, workers = queued
    for case in CASES:
        wait(db, case)
    src = tmp_path / "many"
    src.mkdir()
    files = sorted(p for p in folders["orlov"].iterdir())
    for i in range(3):  # 18 reports, each copy made new by a numbered last line
        for p in files:
            (src / f"{i}-{p.name}").write_bytes(p.read_bytes() + f"\n\ncopy {i}\n".encode())
    cw("queue", "ingest", "--case", "many", str(src), db=db)
    engine = create_engine(db)
    deadline = time.monotonic() + 300
    with engine.connect() as conn:
        while conn.execute(text("SELECT COUNT(*) FROM procrastinate_jobs WHERE status='doing'")).scalar() < 2:
            assert time.monotonic() < deadline, "the two workers never took a report each"
            time.sleep(0.05)
    victim = workers.procs[0]
    victim.send_signal(signal.SIGKILL)
    victim.wait(timeout=30)
    r = wait(db, "many")
    assert r.returncode == 0 and "18 done, 0 failed" in r.stdout, (r.stdout, r.stderr)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM documents WHERE case_id='many'")).scalar() == 18
        assert conn.execute(text("SELECT COUNT(*) FROM queue_items WHERE case_id='many' AND state='added'")).scalar() == 18
        assert conn.execute(text("SELECT COUNT(*) FROM snapshots WHERE case_id='many'")).scalar() == 1
    engine.dispose()


def test_the_queue_on_sqlite_is_one_line(tmp_path: Path):
    r = cw("queue", "ingest", "--case", "x", str(CASES["orlov"]), db=str(tmp_path / "q.db"), check=False)
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1 and "the queue needs PostgreSQL" in r.stderr, r.stderr



def test_a_manifest_lists_paths_and_urls(tmp_path: Path):
    from casewatch.queue import read_manifest
    (tmp_path / "m.txt").write_text("# reports\n\na/one.txt\n  /abs/two.txt \nhttps://example.org/x\n")
    assert read_manifest(tmp_path / "m.txt") == [str(tmp_path / "a" / "one.txt"), "/abs/two.txt", "https://example.org/x"]
