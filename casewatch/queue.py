"""Archives past one machine: reports queued as tasks in the casewatch PostgreSQL database, taken by workers on any
number of machines (procrastinate, a task queue kept in PostgreSQL itself).

This module is the side that queues and reports: it needs neither spaCy nor a worker.

    batch = enqueue_ingest(store, "egypt", ["reports/", "https://example.org/news/raid"], settings)
    batch = enqueue_reextract(store, "egypt")
    print(status(store, "egypt"))

One task per report.  A file's task carries its bytes (at most CASEWATCH_MAX_FILE_BYTES, as `casewatch ingest`
reads it), a page's task its URL, so a worker on another machine needs no shared storage: the bytes wait in
`queue_items` (m007_queue) and are dropped there once a worker has read them.  procrastinate's job holds only the
item's number.  tasks.py is the worker's side; each item's outcome (added, already there, re-extracted, failed and
why) is written with the report, in its transaction, and the last item of a batch to finish makes the case file's
snapshot, once for the whole batch.

Files are listed (folders expanded, e-mails' attachments made reports of their own) as `casewatch ingest` lists
them, and each report of a batch is stored with the batch's time as `ingested_at`, so the case's reports keep the
order in which they were given (by time, then file name), whichever worker finishes first: the case file is the
one `casewatch ingest` of the same files makes.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from sqlalchemy import Connection, text

from . import ingest
from .errors import CasewatchError, InputError
from .ingest import office, web
from .settings import Settings
from .store import Store, now

QUEUE = "casewatch"
TASK = "casewatch.report"
CHUNK_BYTES = 32 * 1024 * 1024  # bytes of reports held in memory by the queuing side before they are written
CHUNK_ITEMS = 200
DONE = ("added", "there", "extracted", "gone")  # an item's states once finished well; else "failed" with a reason
_SCHEMA_LOCK = 726154  # the advisory lock under which one process makes procrastinate's tables


class NeedsPostgres(CasewatchError):
    code = "needs-postgres"


def require_postgres(store: Store) -> None:
    if store.engine.dialect.name != "postgresql":
        raise NeedsPostgres("the queue needs PostgreSQL (workers on other machines share it): give --db "
                            "postgresql+psycopg://user:password@host/casewatch, or set CASEWATCH_DB; this database is "
                            f"{store.engine.dialect.name}")


def conninfo(store: Store) -> str:
    """The libpq address of the store's database, for procrastinate's own connections."""
    return store.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)


def _procrastinate() -> Any:
    try:
        import procrastinate
    except ImportError:
        raise CasewatchError("the queue needs procrastinate: pip install 'casewatch[queue]'") from None
    return procrastinate


def ensure_schema(store: Store) -> None:
    """procrastinate's tables, functions and triggers in the casewatch database, made once (under a lock, so two
    workers starting together do not both make them)."""
    require_postgres(store)
    schema = _procrastinate().schema.SchemaManager.get_schema()
    with store.transaction() as conn:
        conn.execute(text(f"SELECT pg_advisory_xact_lock({_SCHEMA_LOCK})"))
        if conn.execute(text("SELECT to_regclass('procrastinate_jobs')")).scalar() is None:
            # psycopg sends a query without parameters as it is, several statements at once, '%' untouched
            conn.connection.driver_connection.execute(schema)


def make_app(store: Store, task: Callable[..., Any] | None = None) -> Any:
    """The procrastinate app on the store's database; with `task`, the function a worker runs for each report."""
    procrastinate = _procrastinate()
    app = procrastinate.App(connector=procrastinate.PsycopgConnector(conninfo=conninfo(store)))
    if task is not None:
        app.task(name=TASK, queue=QUEUE, pass_context=True,
                 retry=procrastinate.RetryStrategy(max_attempts=3, wait=5))(task)
    return app


# queuing -----------------------------------------------------------------------
@dataclass
class Enqueued:
    """What a `casewatch queue ingest|reextract` did: the batch, its reports queued, those found stored already,
    the inputs that could not be queued (each with its reason) and the files of folders not read."""
    case: str
    batch: int | None = None
    queued: int = 0
    there: list[str] = field(default_factory=list)
    failed: list[InputError] = field(default_factory=list)
    ignored: list[InputError] = field(default_factory=list)


@dataclass
class _Row:
    name: str
    kind: str  # "file", "attachment", "url", "reextract"
    data: bytes | None = None
    url: str | None = None
    doc_id: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


def read_manifest(path: Path) -> list[str]:
    """A manifest: one path or URL a line; blank lines and lines starting with '#' left out; a relative path is
    taken from the manifest's folder."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise CasewatchError(f"{ingest.shown(path)}: cannot read the manifest ({e})") from None
    out = []
    for line in lines:
        item = line.strip()
        if not item or item.startswith("#"):
            continue
        out.append(item if web.is_url(item) or Path(item).is_absolute() else str(path.parent / item))
    return out


def enqueue_ingest(store: Store, case: str, items: list[str], settings: Settings, title: str | None = None,
                   published: str | None = None, manifests: Iterable[Path] = ()) -> Enqueued:
    """One task per report of the files, folders and URLs given (and listed in the manifests: `manifests`, or an
    item '@FILE'), in a new batch."""
    require_postgres(store)
    given, items = items, []
    for i in given:  # '@FILE' on the command line is a manifest, as --manifest FILE
        items += read_manifest(Path(i[1:])) if i.startswith("@") and Path(i[1:]).is_file() else [i]
    for m in manifests:
        items += read_manifest(m)
    out = Enqueued(case)
    urls = [i for i in items if web.is_url(i)]
    files, out.failed = ingest.iter_paths([Path(i) for i in items if not web.is_url(i)], out.ignored)
    with store.transaction() as conn:
        store.ensure_case(conn, case, title)
    seen: set[str] = set()  # sha256 of the reports queued in this batch

    def rows() -> Iterator[_Row]:
        for p in files:
            name = ingest.shown(p)
            try:
                data = ingest.read_raw(p, settings)
            except InputError as e:
                out.failed.append(e)
                continue
            row = _Row(name, "file", data, meta={"filename": p.name, "published": published})
            if _new(store, case, data, seen, out, name):
                yield row
            if p.suffix.lower() == ".eml":  # its attachments of an accepted type, each a report after the e-mail
                date = office.eml_date(data)
                for att, att_data in office.eml_attachments(data, settings.max_file_bytes):
                    att_name = f"{name}/{att}"
                    if _new(store, case, att_data, seen, out, att_name):
                        yield _Row(att_name, "attachment", att_data,
                                   meta={"mail": name, "attachment": att, "date": date, "published": published})
        for u in urls:
            yield _Row(ingest.shown(web.public(u)), "url", url=u, meta={"published": published})

    _store_batch(store, case, "ingest", rows(), out)
    return out


def _new(store: Store, case: str, data: bytes, seen: set[str], out: Enqueued, name: str) -> bool:
    """Whether the report is to be queued: not when the case holds its bytes, or this batch has them already."""
    sha = hashlib.sha256(data).hexdigest()
    if sha in seen or store.has_document(case, sha):
        out.there.append(name)
        return False
    seen.add(sha)
    return True


def enqueue_reextract(store: Store, case: str) -> Enqueued:
    """One task per stored report of the case: extracted again (analyst judgements are kept)."""
    require_postgres(store)
    store.case(case)  # no such case: one line
    out = Enqueued(case)
    with store.engine.connect() as conn:
        docs = conn.execute(text("SELECT id, filename FROM documents WHERE case_id=:c ORDER BY ingested_at, filename"),
                            {"c": case}).all()
    _store_batch(store, case, "reextract", (_Row(f, "reextract", doc_id=d) for d, f in docs), out)
    return out


def _store_batch(store: Store, case: str, kind: str, rows: Iterable[_Row], out: Enqueued) -> None:
    """The batch and its items written a chunk at a time (bytes bounded in memory), then one job per item.  The
    batch counts its items before any job exists, so no worker can take it for finished too early."""
    ensure_schema(store)
    with store.transaction() as conn:
        batch = _insert(conn, "INSERT INTO queue_batches (case_id, kind, created_at, total, remaining) "
                              "VALUES (:c, :k, :t, 0, 0)", {"c": case, "k": kind, "t": now()})
    out.batch = batch
    ids: list[int] = []
    chunk: list[_Row] = []
    size = 0

    def flush() -> None:
        nonlocal size
        with store.transaction() as conn:
            for r in chunk:
                ids.append(_insert(conn, "INSERT INTO queue_items (batch_id, case_id, position, name, kind, data, url, "
                                         "doc_id, meta) VALUES (:b, :c, :p, :n, :k, :d, :u, :doc, :m)",
                                   {"b": batch, "c": case, "p": len(ids), "n": r.name, "k": r.kind, "d": r.data,
                                    "u": r.url, "doc": r.doc_id, "m": json.dumps(r.meta, ensure_ascii=False)}))
        chunk.clear()
        size = 0

    for r in rows:
        chunk.append(r)
        size += len(r.data or b"")
        if size >= CHUNK_BYTES or len(chunk) >= CHUNK_ITEMS:
            flush()
    flush()
    out.queued = len(ids)
    with store.transaction() as conn:
        conn.execute(text("UPDATE queue_batches SET total=:n, remaining=:n" + ("" if ids else ", snapshot_at=:t")
                          + " WHERE id=:b"), {"n": len(ids), "b": batch, "t": now()})
    if not ids:
        return
    app = make_app(store)
    with app.open():
        deferrer = app.configure_task(name=TASK, queue=QUEUE)
        for start in range(0, len(ids), 1000):
            part = ids[start:start + 1000]
            jobs = deferrer.batch_defer(*[{"item": i} for i in part])
            with store.transaction() as conn:
                conn.execute(text("UPDATE queue_items SET job_id=:j WHERE id=:i"),
                             [{"j": j, "i": i} for i, j in zip(part, jobs)])


def _insert(conn: Connection, sql: str, values: dict[str, Any]) -> int:
    return int(conn.execute(text(sql + " RETURNING id"), values).scalar_one())


# status ------------------------------------------------------------------------
@dataclass
class Status:
    todo: int = 0
    doing: int = 0
    done: int = 0
    failed: int = 0
    failures: list[tuple[str, str, str]] = field(default_factory=list)  # (case, report, reason)
    snapshots_due: int = 0  # batches finished whose snapshot is not made yet

    @property
    def finished(self) -> bool:
        return not (self.todo or self.doing or self.snapshots_due)


def status(store: Store, case: str | None = None) -> Status:
    """Counts of the queued reports (of one case, or all): waiting, being read, done and failed, with each failure's
    reason.  A job that procrastinate gave up on (the worker's code failed three times) counts as failed."""
    require_postgres(store)
    ensure_schema(store)
    where, values = ("WHERE i.case_id=:c", {"c": case}) if case else ("", {})
    out = Status()
    with store.engine.connect() as conn:
        rows = conn.execute(text("SELECT i.state, j.status, COUNT(*) FROM queue_items i LEFT JOIN procrastinate_jobs j "
                                 f"ON j.id = i.job_id {where} GROUP BY i.state, j.status"), values).all()
        for state, job, n in rows:
            if state in DONE:
                out.done += n
            elif state == "failed" or job in ("failed", "cancelled", "aborted"):
                out.failed += n
            elif job == "doing":
                out.doing += n
            else:  # waiting; or no job (the queuing stopped before it deferred them: queue them again)
                out.todo += n
        for c, name, reason in conn.execute(text(
                "SELECT i.case_id, i.name, i.reason FROM queue_items i LEFT JOIN procrastinate_jobs j ON j.id = i.job_id "
                f"{where} {'AND' if where else 'WHERE'} (i.state = 'failed' OR (i.state IS NULL AND j.status IN "
                "('failed', 'cancelled', 'aborted'))) ORDER BY i.id"), values).all():
            out.failures.append((c, name, reason or "the worker's code failed on it three times (see the worker's log)"))
        out.snapshots_due = int(conn.execute(text(
            "SELECT COUNT(*) FROM queue_batches WHERE remaining = 0 AND snapshot_at IS NULL"
            + (" AND case_id=:c" if case else "")), values).scalar() or 0)
    return out
