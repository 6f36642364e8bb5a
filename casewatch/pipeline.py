"""ingest -> extract -> resolve -> casefile, stored as it goes.

Each report is read, extracted and written in one transaction of its own: a
failure half-way through a file leaves the database as it was, and the rest
of the batch goes on.  Ingesting the same file twice adds nothing.

With ``workers > 1`` extraction runs in a pool of processes, each loading the
language model once.  The main process reads the files, skips the ones already
stored, sends the texts out (a bounded number at a time, so memory stays flat
however many files there are) and writes each document with its facts in the
order of the input, so the database ends up exactly as the serial path leaves it.
"""
from __future__ import annotations

import dataclasses
import multiprocessing
import os
import threading
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from . import casefile, ingest
from .errors import AlreadyThere, CasewatchError, InputError
from .extract import Extractor
from .model import Document, Extraction
from .settings import Settings
from .store import Store

# 'forkserver': workers start from a clean process that has loaded the extractor once (preload.py), never from the
# main process with its open database connections and progress-bar thread ('fork' would copy both).
START_METHOD = "forkserver"
CHUNKSIZE = 2  # documents per task sent to a worker
IN_FLIGHT = 4  # chunks per worker sent and not yet written back


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[InputError] = field(default_factory=list)
    ignored: list[InputError] = field(default_factory=list)  # files of a folder not read, each with its reason


_EXTRACTOR: Extractor | None = None


def extractor() -> Extractor:
    global _EXTRACTOR
    if _EXTRACTOR is None:
        _EXTRACTOR = Extractor()
    return _EXTRACTOR


def _write(store: Store, case: str, doc: Document, ex: Extraction) -> None:
    """One document and all its facts, in one transaction."""
    with store.transaction() as conn:
        store.add_document(conn, case, doc)
        store.replace_facts(conn, case, ex)
        store.touch_case(conn, case)


def ingest_documents(store: Store, case: str, docs: Iterable[tuple[str, Callable[[], Document]]],
                     progress: Callable[[str], None] = lambda name: None, title: str | None = None,
                     snapshot: bool = True, workers: int = 1) -> IngestReport:
    """docs: (name, loader) pairs; a loader raises InputError for a bad file.

    workers > 1 extracts in that many processes (same result as workers=1, in the same order).  They
    start by 'forkserver', which imports the main module again: a script calling this with workers > 1
    needs the usual ``if __name__ == "__main__":`` guard.
    """
    from .extract.models import require_model
    require_model()  # before the case is made: an ingest that cannot read leaves nothing behind
    rep = IngestReport()
    with store.transaction() as conn:
        store.ensure_case(conn, case, title)
    if workers > 1:
        _ingest_parallel(store, case, docs, progress, rep, workers)
    else:
        _ingest_serial(store, case, docs, progress, rep)
    if snapshot and rep.added:
        save_snapshot(store, case, note=", ".join(rep.added))
    return rep


def _ingest_serial(store: Store, case: str, docs: Iterable[tuple[str, Callable[[], Document]]],
                   progress: Callable[[str], None], rep: IngestReport) -> None:
    for name, load in docs:
        progress(name)
        try:
            doc = load()
        except InputError as e:
            rep.failed.append(e)
            continue
        if store.has_document(case, doc.sha256):
            rep.skipped.append(name)
            continue
        try:
            ex = extractor().extract(doc)
        except CasewatchError as e:
            rep.failed.append(InputError(name, str(e)))
            continue
        except Exception as e:  # noqa: BLE001 - one report the reader cannot take ends no batch
            rep.failed.append(InputError(name, _unexpected(e)))
            continue
        try:
            _write(store, case, doc, ex)
        except AlreadyThere:
            rep.skipped.append(name)  # another ingest stored it meanwhile
            continue
        except CasewatchError as e:
            rep.failed.append(InputError(name, str(e)))
            continue
        rep.added.append(name)


# the worker side -------------------------------------------------------------
def _init_worker(main_pid: int | None = None) -> None:
    import signal
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    if main_pid:
        threading.Thread(target=_die_with, args=(main_pid,), daemon=True, name="casewatch-watchdog").start()
    extractor()


def _die_with(pid: int, every: float = 1.0) -> None:
    """A worker's watchdog: once the ingest that started it is gone (killed, crashed, or ended without closing
    its pool), the worker ends within a second, instead of holding its memory and the ingest's output open."""
    while True:
        time.sleep(every)
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            os._exit(1)
        except PermissionError:  # a process of another user took the number: ours is gone
            os._exit(1)


def _extract_chunk(docs: list[Document]) -> list[tuple[Extraction | None, str | None]]:
    """Each document extracted on its own, exactly as the serial path does; a CasewatchError is its reason."""
    out: list[tuple[Extraction | None, str | None]] = []
    for doc in docs:
        try:
            out.append((extractor().extract(doc), None))
        except CasewatchError as e:
            out.append((None, str(e)))
        except Exception as e:  # noqa: BLE001 - one report the reader cannot take ends no batch
            out.append((None, _unexpected(e)))
    return out


def _unexpected(e: Exception) -> str:
    """One line for a failure of the reader itself on one report (a defect: the report is not stored)."""
    msg = " ".join(str(e).split())[:200]
    return f"could not be read (the reader failed: {type(e).__name__}: {msg}; please report it)"


# the main side ---------------------------------------------------------------
@dataclass
class _Item:
    """One input in its place in the batch."""
    name: str
    kind: str  # "failed" (could not be read), "stored" (already there), "dup" (same bytes as one on its way), "doc"
    sha: str = ""
    doc: Document | None = None  # kind "doc" only, until written
    error: InputError | None = None
    future: Future | None = None
    index: int = 0


def _ingest_parallel(store: Store, case: str, docs: Iterable[tuple[str, Callable[[], Document]]],
                     progress: Callable[[str], None], rep: IngestReport, workers: int,
                     chunksize: int = CHUNKSIZE, start_method: str | None = None) -> None:
    start_method = start_method or START_METHOD
    ctx = multiprocessing.get_context(start_method)
    if start_method == "forkserver":
        ctx.set_forkserver_preload(["casewatch.preload"])
    items: deque[_Item] = deque()  # in input order, from the next to write on
    chunk: list[_Item] = []  # documents not yet sent
    on_way: set[str] = set()  # sha256 of the documents sent and not yet written
    dups: dict[str, int] = {}  # sha256 -> later copies in `items` of a document on its way
    outcome: dict[str, str | None] = {}  # sha256 -> None (written) or why it failed, while copies wait for it
    limit = workers * chunksize * IN_FLIGHT  # documents read and not yet written
    waiting = 0
    pool = ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker, initargs=(os.getpid(),))

    def submit() -> None:
        if chunk:
            # the original bytes stay here: the worker needs only the text and the metadata
            fut = pool.submit(_extract_chunk, [dataclasses.replace(it.doc, raw=b"") for it in chunk])
            for i, it in enumerate(chunk):
                it.future, it.index = fut, i
            chunk.clear()

    def finish_one() -> None:
        nonlocal waiting
        it = items.popleft()
        progress(it.name)
        if it.kind == "failed":
            assert it.error is not None
            rep.failed.append(it.error)
        elif it.kind == "stored":
            rep.skipped.append(it.name)
        elif it.kind == "dup":  # the first copy came earlier in this batch: its fate is this one's
            reason = outcome[it.sha]
            dups[it.sha] -= 1
            if not dups[it.sha]:
                del dups[it.sha], outcome[it.sha]
            if reason is None:
                rep.skipped.append(it.name)
            else:
                rep.failed.append(InputError(it.name, reason))
        else:
            if it.future is None:
                submit()
            assert it.future is not None and it.doc is not None
            try:
                ex, reason = it.future.result()[it.index]
            except BrokenProcessPool:
                raise CasewatchError(f"{it.name}: a worker process died while extracting it (out of memory?); "
                                     "the documents before it are stored") from None
            there = False
            if reason is None:
                try:
                    _write(store, case, it.doc, ex)
                except AlreadyThere:
                    there = True  # another ingest stored it meanwhile
                except CasewatchError as e:
                    reason = str(e)
            waiting -= 1
            it.doc = it.future = None
            on_way.discard(it.sha)
            if it.sha in dups:
                outcome[it.sha] = reason
            if there:
                rep.skipped.append(it.name)
            elif reason is None:
                rep.added.append(it.name)
            else:
                rep.failed.append(InputError(it.name, reason))

    def ready() -> bool:
        """The next item can be written without waiting."""
        head = items[0]
        return head.kind != "doc" or (head.future is not None and head.future.done())

    try:
        for name, load in docs:
            try:
                doc = load()
            except InputError as e:
                items.append(_Item(name, "failed", error=e))
            else:
                sha = doc.sha256
                if sha in on_way:
                    items.append(_Item(name, "dup", sha=sha))
                    dups[sha] = dups.get(sha, 0) + 1
                elif store.has_document(case, sha):
                    items.append(_Item(name, "stored", sha=sha))
                else:
                    it = _Item(name, "doc", sha=sha, doc=doc)
                    items.append(it)
                    chunk.append(it)
                    on_way.add(sha)
                    waiting += 1
                    if len(chunk) >= chunksize:
                        submit()
            while items and (waiting >= limit or ready()):
                finish_one()
        submit()
        while items:
            finish_one()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def ingest_paths(store: Store, case: str, paths: list[Path], settings: Settings,
                 progress: Callable[[str], None] = lambda name: None, title: str | None = None,
                 published: str | None = None, on_total: Callable[[int], None] = lambda n: None,
                 workers: int = 1) -> IngestReport:
    """Folders expanded once; `on_total` hears how many files will be read, before the first.

    workers: processes for extraction (never more than there are files; 1 extracts in this process).
    """
    ignored: list[InputError] = []
    files, errors = ingest.iter_paths(paths, ignored)
    on_total(len(files))

    def loader(p: Path) -> Callable[[], Document]:
        def load() -> Document:
            doc = ingest.read_path(p, settings)
            if published:
                doc.published = published
            return doc
        return load
    rep = ingest_documents(store, case, ((ingest.shown(p), loader(p)) for p in files), progress, title,
                           workers=min(workers, len(files)))
    rep.failed = errors + rep.failed
    rep.ignored = ignored
    return rep


def build_casefile(store: Store, case: str, internal: bool = False) -> dict[str, Any]:
    """The case file; without the people and reports marked sensitive unless `internal` (casefile/redact.py)."""
    from .casefile.redact import redact
    info = store.case(case)
    docs = store.documents(case)
    judgements = store.judgements(case)
    cf = casefile.build(case, info.get("title"), docs, store.extractions(case), judgements)
    return cf if internal else redact(cf, judgements)


def save_snapshot(store: Store, case: str, note: str = "") -> dict[str, Any]:
    cf = build_casefile(store, case)
    with store.transaction() as conn:
        store.save_snapshot(conn, case, cf, note)
    return cf


def reextract(store: Store, case: str) -> int:
    """Run extraction again over every stored document (judgements are kept and re-applied)."""
    docs = store.documents(case)
    n = 0
    for doc, ex in zip(docs, extractor().extract_many(docs)):
        with store.transaction() as conn:
            store.replace_facts(conn, case, ex)
        n += 1
    save_snapshot(store, case, note="re-extracted")
    return n
