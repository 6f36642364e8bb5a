"""`casewatch benchmark queue`: reports/s and words/s of `casewatch ingest` in one process and on one machine's
cores, next to the queue (`casewatch queue ingest` and local `casewatch worker` processes), on the same files."""
from __future__ import annotations

import subprocess
import sys
import time
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import typer

from . import console, err, state
from .bench import bench_app

CLI = [sys.executable, "-c", "from casewatch.cli import main; main()"]


@contextmanager
def _scratch_database(server: str) -> Iterator[str]:
    """A new, empty database on the server of `server` (a PostgreSQL URL), dropped afterwards."""
    from sqlalchemy import create_engine, make_url, text

    from ..errors import CasewatchError
    name = f"casewatch_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as e:  # noqa: BLE001
        admin.dispose()
        raise CasewatchError(f"benchmark queue: cannot create a scratch database on the server ({type(e).__name__}: "
                             f"{str(e).splitlines()[0]}); the --db user needs CREATEDB") from None
    try:
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _run(args: list[str]) -> None:
    from ..errors import CasewatchError
    r = subprocess.run(CLI + args, capture_output=True, text=True)
    if r.returncode not in (0, 1):  # 1: some file failed, as in any batch
        raise CasewatchError(f"benchmark queue: {' '.join(args[2:4])} ended with {r.returncode}: "
                             f"{r.stderr.strip().splitlines()[-1:]}")


def _stored(db: str, case: str) -> tuple[int, int]:
    from ..store import Store
    store = Store(db)
    try:
        docs = store.documents(case)
    finally:
        store.close()
    return len(docs), sum(len(d.text.split()) for d in docs)


@bench_app.command("queue")
def queue(paths: list[Path] = typer.Argument(..., help="Report files or folders (e.g. examples/*/)."),
          workers: int = typer.Option(2, "--workers", min=1, help="Local `casewatch worker` processes of the queue "
                                      "(and processes of the one-machine ingest)."),
          repeat: int = typer.Option(1, "--repeat", min=1, help="Copies of the reports, each made new by a numbered "
                                     "last line.")) -> None:
    """Reports/s and words/s: `casewatch ingest` with one process, then with --workers processes, then the queue
    with --workers local `casewatch worker` processes (one report at a time each), on the same files, each run on
    a new database on the PostgreSQL server of --db (the user needs CREATEDB).  Each run is timed from its command's
    start (models loaded inside the timing) to its last report stored and the case file's snapshot made."""
    import tempfile

    from rich.table import Table

    from ..errors import CasewatchError
    from ..ingest import iter_paths
    server = state.settings().db_url
    if not server.startswith("postgresql"):
        raise CasewatchError("benchmark queue needs a PostgreSQL server: give --db postgresql+psycopg://user:password@host/db")
    files, _ = iter_paths(paths)
    if not files:
        raise CasewatchError("benchmark queue: no reports in the paths given")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp)
        for i in range(repeat):
            for n, p in enumerate(files):
                tail = f"\n\ncopy {i}\n".encode() if repeat > 1 else b""
                (src / f"{i:03d}-{n:05d}-{p.name}").write_bytes(p.read_bytes() + tail)
        runs = [("ingest, 1 process", "ingest", 1), (f"ingest, {workers} processes", "ingest", workers),
                (f"queue, {workers} workers", "queue", workers)]
        for label, kind, n in runs:
            err.print(f"[dim]{label}…[/dim]", highlight=False)
            with _scratch_database(server) as db:
                t0 = time.perf_counter()
                if kind == "ingest":
                    _run(["--db", db, "ingest", "--case", "bench", "--workers", str(n), str(src)])
                else:
                    _run(["--db", db, "queue", "ingest", "--case", "bench", str(src)])
                    procs = [subprocess.Popen(CLI + ["--db", db, "worker", "--concurrency", "1", "--until-empty"],
                                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for _ in range(n)]
                    for p in procs:
                        p.wait()
                seconds = time.perf_counter() - t0
                stored, words = _stored(db, "bench")
            rows.append((label, seconds, stored, words))
    base = rows[0][1]
    t = Table(title=f"{len(files) * repeat} reports ({len(files)} files x {repeat}); PostgreSQL",
              caption="Wall-clock seconds from the command's start to the last report stored and the snapshot made; "
                      "the queue's time includes queuing and each worker's start.")
    for col in ("run", "seconds", "reports", "reports/s", "words/s", "speed-up"):
        t.add_column(col, justify="left" if col == "run" else "right", no_wrap=True)
    for label, seconds, stored, words in rows:
        t.add_row(label, f"{seconds:.1f}", str(stored), f"{stored / seconds:.2f}", f"{words / seconds:,.0f}",
                  f"{base / seconds:.2f}x")
    console.print(t)
