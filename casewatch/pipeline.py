"""ingest -> extract -> resolve -> casefile, stored as it goes.

Each report is read, extracted and written in one transaction of its own: a
failure half-way through a file leaves the database as it was, and the rest
of the batch goes on.  Ingesting the same file twice adds nothing.

With ``workers > 1`` (or ``isolate``) reading and extraction run in watched
worker processes (workers.py): a report that passes its time or memory limit
has its worker replaced and gets one line; the batch goes on.  The main process
hashes the files, skips the ones already stored, sends the rest out (a bounded
number at a time, so memory stays flat however many files there are) and writes
each document with its facts in the order of the input, so the database ends up
exactly as the serial path leaves it.

An e-mail's attachments of an accepted type are reports of their own, each after the e-mail's body
(`attachment_loaders`): the main process lists them when it lists the files (parsing each e-mail once) and a
worker reads each one like a file.

Pages by URL and the entries of feeds come through the same loaders and workers (sources.py).
"""
from __future__ import annotations

import hashlib
from collections import deque
from contextlib import contextmanager
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from . import casefile, ingest
from .errors import AlreadyThere, CasewatchError, InputError
from .extract import Extractor
from .model import Document, Extraction
from .settings import Settings
from .store import Store
from .workers import Limits, WatchedPool, without_raw

IN_FLIGHT = 8  # documents per worker sent and not yet written back


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[InputError] = field(default_factory=list)
    ignored: list[InputError] = field(default_factory=list)  # files of a folder not read, each with its reason
    slowest: tuple[str, float] | None = None  # the report a worker spent longest on, and the seconds
    unread: list[tuple[str, str]] = field(default_factory=list)  # added, in a language not read: name, its code
    ocr: list[tuple[str, int]] = field(default_factory=list)  # added, read by OCR (a scan): name, pages OCR'd
    seen: int = 0  # entries of the feeds read into the case before, not fetched again (sources.py)
    dropped: bool = False  # the case, made by this ingest, was removed again: it stored nothing


def _added(rep: IngestReport, name: str, doc: Document) -> None:
    rep.added.append(name)
    if not doc.read:
        rep.unread.append((name, doc.language or ""))
    if doc.ocr_pages:
        rep.ocr.append((name, doc.ocr_pages))


_EXTRACTOR: Extractor | None = None


def extractor() -> Extractor:
    global _EXTRACTOR
    if _EXTRACTOR is None:
        _EXTRACTOR = Extractor()
    return _EXTRACTOR


def _write(store: Store, case: str, doc: Document, ex: Extraction) -> None:
    """One document and all its facts, in one transaction."""
    with store.transaction() as conn:
        store.ensure_case(conn, case)  # there still: another ingest of the same new case that stored nothing drops it
        store.add_document(conn, case, doc)
        store.replace_facts(conn, case, ex)
        store.touch_case(conn, case)


def ingest_documents(store: Store, case: str, docs: Iterable[tuple[str, Callable[[], Document]]],
                     progress: Callable[[str], None] = lambda name: None, title: str | None = None,
                     snapshot: bool = True, workers: int = 1, isolate: bool = False,
                     limits: Limits | None = None) -> IngestReport:
    """docs: (name, loader) pairs; a loader raises InputError for a bad file (a `Loader` is run by the worker).

    workers > 1, or `isolate`, reads and extracts in that many watched processes, each report under `limits`
    (same result as in this process, in the same order).  They start by 'forkserver', which imports the main
    module again: a script calling this with workers needs the usual ``if __name__ == "__main__":`` guard.
    """
    from .extract.models import require_model
    require_model()  # before the case is made: an ingest that cannot read leaves nothing behind
    rep = IngestReport()
    with store.transaction() as conn:
        made = store.ensure_case(conn, case, title)
    try:
        if workers > 1 or isolate:
            _ingest_parallel(store, case, docs, progress, rep, workers, limits or Limits())
        else:
            _ingest_serial(store, case, docs, progress, rep)
    finally:
        if made and not rep.added:  # all failed, none accepted, or cut short: no empty case left behind
            from .store.removal import drop_if_empty
            rep.dropped = drop_if_empty(store, case)
    if snapshot and rep.added:
        snapshot_after_ingest(store, case, note=", ".join(rep.added))
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
            rep.failed.append(InputError(name, unexpected(e)))
            continue
        try:
            _write(store, case, doc, ex)
        except AlreadyThere:
            rep.skipped.append(name)  # another ingest stored it meanwhile
            continue
        except CasewatchError as e:
            rep.failed.append(InputError(name, str(e)))
            continue
        _added(rep, name, doc)


def unexpected(e: Exception) -> str:
    """One line for a failure of the reader itself on one report (a defect: the report is not stored)."""
    msg = " ".join(str(e).split())[:200]
    return f"could not be read (the reader failed: {type(e).__name__}: {msg}; please report it)"


class Loader:
    """One report to read, picklable: a watched worker reads it (`__call__`; conversion runs under the worker's
    limits too); the main process only needs its bytes' sha256 first (`sha256`), to skip what is stored already."""

    def __call__(self) -> Document:
        raise NotImplementedError

    def sha256(self) -> str:
        raise NotImplementedError


@dataclass
class FileLoader(Loader):
    """One file."""
    path: Path
    settings: Settings
    published: str | None = None

    def __call__(self) -> Document:
        doc = ingest.read_path(self.path, self.settings)
        if self.published:
            doc.published = self.published
        return doc

    def sha256(self) -> str:
        return hashlib.sha256(ingest.read_raw(self.path, self.settings)).hexdigest()


@dataclass
class BytesLoader(Loader):
    """One uploaded file's bytes."""
    filename: str
    data: bytes
    settings: Settings
    published: str | None = None
    title: str | None = None

    def __call__(self) -> Document:
        return ingest.read_bytes(self.filename, self.data, self.settings, published=self.published, title=self.title)

    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


@dataclass
class AttachmentLoader(Loader):
    """One attachment of an e-mail (office.eml_attachments), a report named '<e-mail>/<attachment>'
    (ingest.read_attachment).  A file's attachment is found again by the worker (number `index` of the e-mail at
    `path`); an upload's is sent with its bytes (`data`, with the e-mail's `date`).  Its `sha` is taken when the
    e-mail is listed, so the main process parses each e-mail once, not once per attachment."""
    mail: str  # the e-mail as errors name it: its path, or an upload's file name
    name: str
    sha: str
    settings: Settings
    published: str | None = None  # the date given for the whole batch: wins over the report's and the e-mail's
    path: Path | None = None
    index: int = 0
    data: bytes | None = None
    date: str | None = None

    def __call__(self) -> Document:
        data, date = self.data, self.date
        if data is None:
            assert self.path is not None
            try:
                mail = ingest.read_raw(self.path, self.settings)
            except InputError as e:
                raise InputError(f"{self.mail}/{self.name}", e.reason) from None
            found = ingest.office.eml_attachments(mail, self.settings.max_file_bytes)
            if self.index >= len(found) or found[self.index][0] != self.name:
                raise InputError(f"{self.mail}/{self.name}", "no longer in the e-mail (it changed while being read)")
            data, date = found[self.index][1], ingest.office.eml_date(mail)
        doc = ingest.read_attachment(self.mail, self.name, data, self.settings, date)
        if self.published:
            doc.published = self.published
        return doc

    def sha256(self) -> str:
        return self.sha


def attachment_loaders(mail: str, data: bytes, settings: Settings, published: str | None = None,
                       path: Path | None = None) -> list[tuple[str, AttachmentLoader]]:
    """(name, loader) for each attachment of the e-mail `data` read as a report of its own, named '<mail>/<name>'.
    With `path` the worker reads the e-mail again (nothing held here while the batch runs); without, an upload's,
    each loader holds its attachment's bytes."""
    date = None if path else ingest.office.eml_date(data)
    return [(f"{mail}/{name}", AttachmentLoader(mail, name, hashlib.sha256(att).hexdigest(), settings, published,
                                                path=path, index=i, data=None if path else att, date=date))
            for i, (name, att) in enumerate(ingest.office.eml_attachments(data, settings.max_file_bytes))]


def path_loaders(files: list[Path], settings: Settings, published: str | None = None) -> list[tuple[str, Loader]]:
    """(name, loader) for each file, each e-mail's followed by its attachments' (an e-mail that cannot be read has
    none: its own line says why)."""
    out: list[tuple[str, Loader]] = []
    for p in files:
        out.append((ingest.shown(p), FileLoader(p, settings, published)))
        if p.suffix.lower() == ".eml":
            try:
                data = ingest.read_raw(p, settings)
            except InputError:
                continue
            out += attachment_loaders(ingest.shown(p), data, settings, published, path=p)
    return out


# the main side of a parallel batch ----------------------------------------------
@dataclass
class _Item:
    """One input in its place in the batch."""
    name: str
    kind: str  # "failed" (could not be read), "stored" (already there), "dup" (same bytes as one on its way), "doc"
    sha: str = ""
    doc: Document | None = None  # kind "doc", read here, until written
    error: InputError | None = None
    future: Future | None = None


def _ingest_parallel(store: Store, case: str, docs: Iterable[tuple[str, Callable[[], Document]]],
                     progress: Callable[[str], None], rep: IngestReport, workers: int, limits: Limits) -> None:
    items: deque[_Item] = deque()  # in input order, from the next to write on
    on_way: set[str] = set()  # sha256 of the documents sent and not yet written
    dups: dict[str, int] = {}  # sha256 -> later copies in `items` of a document on its way
    outcome: dict[str, str | None] = {}  # sha256 -> None (written) or why it failed, while copies wait for it
    limit = workers * IN_FLIGHT  # documents read and not yet written
    waiting = 0
    pool: WatchedPool | None = None  # started with the first report to read: a batch of stored files starts none

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
            assert it.future is not None
            read, ex, reason, took = it.future.result()
            if rep.slowest is None or took > rep.slowest[1]:
                rep.slowest = (it.name, took)
            doc = it.doc or read
            there = False
            if reason is None:
                assert doc is not None and ex is not None
                try:
                    _write(store, case, doc, ex)
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
                assert doc is not None
                _added(rep, it.name, doc)
            else:
                rep.failed.append(InputError(it.name, reason))

    def ready() -> bool:
        """The next item can be written without waiting."""
        head = items[0]
        return head.kind != "doc" or (head.future is not None and head.future.done())

    try:
        for name, load in docs:
            doc: Document | None = None
            try:
                if isinstance(load, Loader):
                    sha, job = load.sha256(), load
                else:
                    doc = load()
                    sha, job = doc.sha256, without_raw(doc)  # the original bytes stay here
            except InputError as e:
                items.append(_Item(name, "failed", error=e))
            else:
                if sha in on_way:
                    items.append(_Item(name, "dup", sha=sha))
                    dups[sha] = dups.get(sha, 0) + 1
                elif store.has_document(case, sha):
                    items.append(_Item(name, "stored", sha=sha))
                else:
                    if pool is None:
                        pool = WatchedPool(workers, limits)
                    items.append(_Item(name, "doc", sha=sha, doc=doc, future=pool.submit(job)))
                    on_way.add(sha)
                    waiting += 1
            while items and (waiting >= limit or ready()):
                finish_one()
        while items:
            finish_one()
    finally:
        if pool is not None:
            pool.shutdown()


def ingest_paths(store: Store, case: str, paths: list[Path], settings: Settings,
                 progress: Callable[[str], None] = lambda name: None, title: str | None = None,
                 published: str | None = None, on_total: Callable[[int], None] = lambda n: None,
                 workers: int = 1, isolate: bool = False) -> IngestReport:
    """Folders expanded once; `on_total` hears how many reports will be read (the files, and the e-mails'
    attachments read as reports of their own), before the first.

    workers: processes for reading and extraction (never more than there are reports).  With one worker and
    `isolate` false, files are read in this process, without the limits of time and memory per file.
    """
    ignored: list[InputError] = []
    files, errors = ingest.iter_paths(paths, ignored)
    docs = path_loaders(files, settings, published)
    on_total(len(docs))

    rep = ingest_documents(store, case, docs, progress, title, workers=min(workers, len(docs)), isolate=isolate,
                           limits=limits_of(settings))
    rep.failed = errors + rep.failed
    rep.ignored = ignored
    return rep


def limits_of(settings: Settings) -> Limits:
    return Limits(seconds=settings.max_file_seconds, memory_mb=settings.max_file_memory_mb)


def build_casefile(store: Store, case: str, internal: bool = False) -> dict[str, Any]:
    """The case file; without the people and reports marked sensitive unless `internal` (casefile/redact.py)."""
    from .casefile.redact import redact
    with _collector_paused():
        info = store.case(case)
        docs = store.documents(case)
        judgements = store.judgements(case)
        cf = casefile.build(case, info.get("title"), docs, store.extractions(case), judgements)
        return cf if internal else redact(cf, judgements)


def build_as_of(store: Store, case: str, state: dict[str, Any]) -> dict[str, Any]:
    """The case file as it stood when a snapshot was marked (Store.mark_snapshot): built from the reports and the
    judgements of `state` only (a judgement undone since was in force then), under the title it had."""
    from dataclasses import replace

    from .casefile.redact import redact
    ids, jids = set(state["documents"]), set(state["judgements"])
    with _collector_paused():
        docs = [d for d in store.documents(case) if d.id in ids]
        judgements = [replace(j, undone_at=None) for j in store.judgements(case, include_undone=True) if j.id in jids]
        cf = casefile.build(case, state.get("title"), docs, store.extractions(case, only=ids), judgements)
        return redact(cf, judgements)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while a case file is built: a build makes millions of objects that all live
    until it ends, and the collector would walk them again and again (a fifth of a large case's build)."""
    import gc
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


# A case of up to this many reports has its snapshot built at the end of each ingest (with its summary for the list
# of cases); a larger one's ingest marks it, to be built when `changes` reads it (issue 15: adding one report to a
# case of 2,000 costs its extraction, not a build of the whole case file).
BUILD_AT_INGEST = 300


def save_snapshot(store: Store, case: str, note: str = "",
                  once: Callable[[Any], bool] | None = None) -> dict[str, Any]:
    """The case file as it stands, kept for `changes`; with it the case's summary for the list of cases, kept under
    the revision it was built at (a write in between makes it stale, and the list builds that case again).
    `once(conn)`, in the transaction that would store it, says whether to (the queue's batch: only one of the
    workers that may finish it stores its snapshot)."""
    from .casefile.summary import summarize
    from .store import summaries
    revision = store.version(case)[2]
    cf = build_casefile(store, case)
    with store.transaction() as conn:
        if once is not None and not once(conn):
            return cf
        store.save_snapshot(conn, case, cf, note)
        if revision is not None:
            summaries.save(conn, case, revision, summarize(cf))
    return cf


def snapshot_after_ingest(store: Store, case: str, note: str = "") -> None:
    """What an ingest that added reports leaves for `changes`: the snapshot built (a case of up to BUILD_AT_INGEST
    reports), or marked, to be built from the same reports and judgements when first read (snapshot)."""
    if store.document_count(case) <= BUILD_AT_INGEST:
        save_snapshot(store, case, note)
        return
    with store.transaction() as conn:
        store.mark_snapshot(conn, case, note)


def snapshot(store: Store, case: str, snap_id: int | None = None) -> dict[str, Any] | None:
    """A snapshot of the case (the latest without `snap_id`) as `changes` reads it, built first if it was marked."""
    return store.snapshot(case, snap_id, build=lambda state: build_as_of(store, case, state))


def build_pending(store: Store, case: str) -> int:
    """Build every snapshot still marked (before the facts they stand on change); how many."""
    pending = store.pending_snapshots(case)
    for snap_id, state in pending:
        store.keep_snapshot(case, snap_id, build_as_of(store, case, state))
    return len(pending)


def reextract(store: Store, case: str) -> int:
    """Run extraction again over every stored document (judgements are kept and re-applied)."""
    build_pending(store, case)  # they stand on the facts about to be replaced
    docs = store.documents(case)
    n = 0
    for doc, ex in zip(docs, extractor().extract_many(docs)):
        with store.transaction() as conn:
            store.replace_facts(conn, case, ex)
        n += 1
    save_snapshot(store, case, note="re-extracted")
    return n
