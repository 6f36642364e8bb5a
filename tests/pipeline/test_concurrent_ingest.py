"""Several `casewatch ingest` processes on the same files and a new database at once (two analysts, a cron job
and a hand run): one stores each report, the others say it is already there; no traceback, nothing twice."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from tests.conftest import ROOT

CASE = ROOT / "tests" / "ingest" / "fixtures"
PG = os.environ.get("CASEWATCH_TEST_PG")


def _run_together(url: str, n: int = 4) -> list[subprocess.CompletedProcess]:
    """`n` ingests of the same two files at once; every worker process any of them started is gone at the end."""
    import time

    import psutil
    exe = Path(sys.executable).parent / "casewatch"
    env = {**os.environ, "CASEWATCH_DB": url}
    files = [str(CASE / "statement.txt"), str(CASE / "letter.txt")]
    procs = [subprocess.Popen([str(exe), "ingest", "--case", "c", *files], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, env=env) for _ in range(n)]
    seen: dict[int, psutil.Process] = {}
    while any(p.poll() is None for p in procs):
        for p in procs:
            try:
                for k in psutil.Process(p.pid).children(recursive=True):
                    seen.setdefault(k.pid, k)
            except psutil.NoSuchProcess:
                pass
        time.sleep(0.05)
    out = []
    for p in procs:
        so, se = p.communicate(timeout=300)
        out.append(subprocess.CompletedProcess(p.args, p.returncode, so, se))
    _, alive = psutil.wait_procs(list(seen.values()), timeout=15)
    assert not alive, [(k.pid, k.cmdline()[:3]) for k in alive]  # no worker outlives its ingest
    return out


def _check(runs: list[subprocess.CompletedProcess]) -> None:
    for r in runs:
        assert r.returncode == 0, r.stderr
        assert "Traceback" not in r.stderr and "IntegrityError" not in r.stderr and "already exists" not in r.stderr
    added = sum(int(r.stdout.split(" added")[0].split()[-1]) for r in runs)
    there = sum(int(r.stdout.split(" already there")[0].split()[-1]) for r in runs)
    assert added == 2 and there == 2 * (len(runs) - 1), [r.stdout for r in runs]


def test_concurrent_ingests_on_a_new_sqlite_file(tmp_path: Path):
    db = tmp_path / "new.db"
    _check(_run_together(str(db)))
    con = sqlite3.connect(db)
    assert con.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 2
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.mark.postgres
@pytest.mark.skipif(not PG, reason="set CASEWATCH_TEST_PG to a PostgreSQL URL (.ci/pg-setup prints one)")
def test_concurrent_ingests_on_a_new_postgres_database():
    from tests.conftest import empty_postgres
    engine = create_engine(empty_postgres(PG))
    _check(_run_together(PG))
    with engine.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM documents")).scalar() == 2
    engine.dispose()
