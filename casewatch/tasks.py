"""The worker's side of the queue (queue.py): `casewatch worker` takes the reports' tasks from PostgreSQL and runs
each through the pipeline's code, on any machine that reaches the database.

    work(settings, concurrency=2)   # until stopped (SIGINT, SIGTERM); until_empty=True: until no task is waiting

Each task is one report.  Reading and extraction run in the watched worker processes of workers.py, under the
same limits of time and memory per file as `casewatch ingest` (CASEWATCH_MAX_FILE_SECONDS, _MEMORY_MB); a report
already in the case (same sha256) is not read again; a report is stored with its facts, its item's outcome and the
batch's count of what is left, in one transaction.  A failing report is recorded as failed with its reason, and
the others go on.  The last report of a batch to finish builds the case file once and keeps its snapshot.

A worker killed mid-task (SIGKILL, the machine lost) has stored nothing of the report it was on (its transaction
never committed); it stops sending procrastinate's heartbeat, and after `stalled` seconds every other worker sees
its task stalled and puts it back to be taken again.  A task whose report was stored before the kill finds its
item done and only checks the batch's snapshot.  A report taken MAX_ATTEMPTS times without an end is failed.
"""
from __future__ import annotations

import asyncio
import json
import logging
import os
import socket
import time
from dataclasses import dataclass
from typing import Any, Callable

from sqlalchemy import Connection, text

from . import ingest
from .errors import AlreadyThere, CasewatchError, InputError, NotFound
from .pipeline import AttachmentLoader, Loader, limits_of, save_snapshot
from .queue import QUEUE, ensure_schema, make_app, require_postgres
from .settings import Settings
from .store import Store, now
from .workers import WatchedPool, without_raw

MAX_ATTEMPTS = 4  # a report whose worker stopped this many times under it is failed (it may be what stops them)
log = logging.getLogger("casewatch.worker")


@dataclass
class QueuedFile(Loader):
    """A file's bytes as queued: read by a watched worker as `casewatch ingest` reads the file (pipeline.FileLoader)."""
    name: str  # as lines name it: the path on the machine that queued it
    filename: str
    data: bytes
    settings: Settings
    published: str | None = None

    def __call__(self) -> Any:
        try:
            doc = ingest.read_bytes(self.filename, self.data, self.settings)
        except InputError as e:
            raise InputError(self.name, e.reason) from None
        if self.published:
            doc.published = self.published
        return doc

    def sha256(self) -> str:
        import hashlib
        return hashlib.sha256(self.data).hexdigest()


@dataclass
class Runtime:
    """What every task of one worker shares: the store, the watched processes, the settings, its name."""
    store: Store
    settings: Settings
    pool: WatchedPool
    name: str
    say: Callable[[str, str, str], None]  # (outcome, report, detail)


class _Finished(Exception):
    """Another worker finished the item meanwhile: this one's writes are rolled back."""


def run_report(context: Any, item: int) -> None:
    """procrastinate's task: one queued report (or one stored report to extract again)."""
    rt: Runtime = context.additional_context["runtime"]
    with rt.store.engine.connect() as conn:
        row = conn.execute(text("SELECT i.*, b.created_at AS batch_at FROM queue_items i JOIN queue_batches b "
                                "ON b.id = i.batch_id WHERE i.id=:i"), {"i": item}).mappings().first()
    if row is None:
        return  # its case was deleted meanwhile
    if row["state"] is None:
        if (context.job.attempts or 0) >= MAX_ATTEMPTS:
            _finish(rt, row, "failed", f"taken {context.job.attempts} times and never finished: the workers taking "
                                       "it stopped (killed: out of memory?)", None, 0.0)
        else:
            _process(rt, dict(row))
    _snapshot_if_last(rt, row["batch_id"])


def _loader(rt: Runtime, row: dict[str, Any], meta: dict[str, Any]) -> tuple[Loader, str]:
    """The loader of a queued report and its bytes' sha256; a page is fetched here (InputError when it cannot be)."""
    s, published = rt.settings, meta.get("published")
    if row["kind"] == "file":
        job: Loader = QueuedFile(row["name"], meta["filename"], bytes(row["data"]), s, published)
    elif row["kind"] == "attachment":
        import hashlib
        data = bytes(row["data"])
        job = AttachmentLoader(meta["mail"], meta["attachment"], hashlib.sha256(data).hexdigest(), s, published,
                               data=data, date=meta.get("date"))
    else:
        from .ingest import web
        from .sources import PageLoader
        with web.Fetcher(s) as fetcher:
            page = fetcher.fetch(row["url"])
        kind = web.kind_of(page)
        if kind == "feed":
            raise InputError(row["name"], "a feed: its entries are not queued one by one (use casewatch ingest "
                                          "or casewatch watch for feeds)")
        job = PageLoader(page, kind, s, published)
    return job, job.sha256()


def _process(rt: Runtime, row: dict[str, Any]) -> None:
    store, case = rt.store, row["case_id"]
    t0 = time.monotonic()
    if row["kind"] == "reextract":
        try:
            doc = store.document(case, row["doc_id"])
        except NotFound:
            _finish(rt, row, "gone", "removed from the case meanwhile", None, 0.0)
            return
        _, ex, reason, took = rt.pool.submit(without_raw(doc)).result()
        if reason is not None:
            _finish(rt, row, "failed", reason, None, took)
            return
        try:
            with store.transaction() as conn:
                _mark(conn, rt, row, "extracted", None, doc.id, took)
                store.replace_facts(conn, case, ex)
        except _Finished:
            return
        rt.say("extracted", row["name"], f"{case}, {took:.1f} s")
        return
    meta = json.loads(row["meta"] or "{}")
    try:
        job, sha = _loader(rt, row, meta)
    except InputError as e:
        _finish(rt, row, "failed", e.reason, None, time.monotonic() - t0)
        return
    if store.has_document(case, sha):
        _finish(rt, row, "there", None, None, 0.0)
        return
    read, ex, reason, took = rt.pool.submit(job).result()
    if reason is not None:
        _finish(rt, row, "failed", reason, None, took)
        return
    assert read is not None and ex is not None
    read.ingested_at = row["batch_at"]  # the batch's time: the case keeps the order the reports were given in
    try:
        with store.transaction() as conn:
            _mark(conn, rt, row, "added", None, read.id, took)
            store.add_document(conn, case, read)
            store.replace_facts(conn, case, ex)
            store.touch_case(conn, case)
    except _Finished:
        return
    except AlreadyThere:  # another ingest or worker stored the same report meanwhile
        _finish(rt, row, "there", None, read.id, took)
        return
    except CasewatchError as e:
        _finish(rt, row, "failed", str(e), None, took)
        return
    rt.say("added", row["name"], f"{case}, {took:.1f} s" + ("" if read.read else f", in {read.language}: not read"))


def _mark(conn: Connection, rt: Runtime, row: dict[str, Any], state: str, reason: str | None, doc_id: str | None,
          took: float) -> None:
    """The item's outcome, its bytes dropped, one less left in its batch; _Finished when it had one already."""
    res = conn.execute(text("UPDATE queue_items SET state=:s, reason=:r, doc_id=COALESCE(:d, doc_id), data=NULL, "
                            "worker=:w, seconds=:t, finished_at=:n WHERE id=:i AND state IS NULL"),
                       {"s": state, "r": reason, "d": doc_id, "w": rt.name, "t": round(took, 3), "n": now(),
                        "i": row["id"]})
    if res.rowcount != 1:
        raise _Finished()
    conn.execute(text("UPDATE queue_batches SET remaining = remaining - 1 WHERE id=:b"), {"b": row["batch_id"]})


def _finish(rt: Runtime, row: dict[str, Any], state: str, reason: str | None, doc_id: str | None, took: float) -> None:
    try:
        with rt.store.transaction() as conn:
            _mark(conn, rt, row, state, reason, doc_id, took)
    except _Finished:
        return
    rt.say(state, row["name"], reason or row["case_id"])


def _snapshot_if_last(rt: Runtime, batch: int) -> None:
    """When the batch has nothing left and no snapshot yet: the case file, built once, kept as its snapshot (only
    when a report was added or extracted again, as `casewatch ingest` and `reextract` do)."""
    store = rt.store
    with store.engine.connect() as conn:
        b = conn.execute(text("SELECT case_id, kind, remaining, snapshot_at FROM queue_batches WHERE id=:b"),
                         {"b": batch}).first()
        if b is None or b.remaining > 0 or b.snapshot_at:
            return
        added = [r[0] for r in conn.execute(text("SELECT name FROM queue_items WHERE batch_id=:b AND state IN "
                                                 "('added', 'extracted') ORDER BY position"), {"b": batch})]

    def once(conn: Connection) -> bool:
        got = conn.execute(text("SELECT snapshot_at FROM queue_batches WHERE id=:b FOR UPDATE"), {"b": batch}).first()
        if got is None or got[0]:
            return False
        conn.execute(text("UPDATE queue_batches SET snapshot_at=:n WHERE id=:b"), {"n": now(), "b": batch})
        return True

    if not added:
        with store.transaction() as conn:
            once(conn)
        return
    note = "re-extracted" if b.kind == "reextract" else ", ".join(ingest.shown(n) for n in added)
    save_snapshot(store, b.case_id, note=note, once=once)
    rt.say("snapshot", b.case_id, f"batch {batch}: the case file is made and kept ({len(added)} reports)")


# the worker ----------------------------------------------------------------------
async def _rescue(app: Any, stalled: float) -> None:
    """Tasks of workers that stopped sending their heartbeat (killed, their machine lost) put back to be taken."""
    while True:
        try:
            for job in await app.job_manager.get_stalled_jobs(queue=QUEUE, seconds_since_heartbeat=stalled):
                try:
                    await app.job_manager.retry_job(job)
                    log.warning("task %s of a stopped worker put back in the queue", job.id)
                except Exception:  # noqa: BLE001 - another worker put it back first
                    pass
        except Exception as e:  # noqa: BLE001 - the database away for a moment: try again at the next turn
            log.warning("could not look for stalled tasks: %s", e)
        await asyncio.sleep(max(1.0, stalled / 3))


def work(settings: Settings, concurrency: int = 1, until_empty: bool = False, stalled: float = 30.0,
         say: Callable[[str, str, str], None] = lambda outcome, name, detail: None) -> None:
    """Take the queue's tasks, `concurrency` at a time, each report read in a watched process of its own."""
    from .extract.models import require_model
    require_model()
    store = Store(settings.db_url)
    require_postgres(store)
    ensure_schema(store)
    app = make_app(store, run_report)
    pool = WatchedPool(concurrency, limits_of(settings))
    rt = Runtime(store, settings, pool, f"{socket.gethostname()}:{os.getpid()}", say)

    async def main() -> None:
        async with app.open_async():
            rescue = asyncio.create_task(_rescue(app, stalled))
            try:
                await app.run_worker_async(queues=[QUEUE], concurrency=concurrency, wait=not until_empty,
                                           name=rt.name, additional_context={"runtime": rt}, delete_jobs="successful",
                                           update_heartbeat_interval=max(0.5, stalled / 4),
                                           stalled_worker_timeout=stalled, fetch_job_polling_interval=2.0)
            finally:
                rescue.cancel()

    try:
        asyncio.run(main())
    finally:
        pool.shutdown()
        store.close()
