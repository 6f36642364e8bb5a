"""ingest -> extract -> resolve -> casefile, stored as it goes.

Each report is read, extracted and written in one transaction of its own: a
failure half-way through a file leaves the database as it was, and the rest
of the batch goes on.  Ingesting the same file twice adds nothing.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from . import casefile, ingest
from .errors import CasewatchError, InputError
from .extract import Extractor
from .model import Document
from .settings import Settings
from .store import Store


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[InputError] = field(default_factory=list)


_EXTRACTOR: Extractor | None = None


def extractor() -> Extractor:
    global _EXTRACTOR
    if _EXTRACTOR is None:
        _EXTRACTOR = Extractor()
    return _EXTRACTOR


def ingest_documents(store: Store, case: str, docs: Iterable[tuple[str, Callable[[], Document]]],
                     progress: Callable[[str], None] = lambda name: None, title: str | None = None,
                     snapshot: bool = True) -> IngestReport:
    """docs: (name, loader) pairs; a loader raises InputError for a bad file."""
    rep = IngestReport()
    with store.transaction() as conn:
        store.ensure_case(conn, case, title)
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
            with store.transaction() as conn:
                store.add_document(conn, case, doc)
                store.replace_facts(conn, case, ex)
                store.touch_case(conn, case)
        except CasewatchError as e:
            rep.failed.append(InputError(name, str(e)))
            continue
        rep.added.append(name)
    if snapshot and rep.added:
        save_snapshot(store, case, note=", ".join(rep.added))
    return rep


def ingest_paths(store: Store, case: str, paths: list[Path], settings: Settings,
                 progress: Callable[[str], None] = lambda name: None, title: str | None = None,
                 published: str | None = None, on_total: Callable[[int], None] = lambda n: None) -> IngestReport:
    """Folders expanded once; `on_total` hears how many files will be read, before the first."""
    files, errors = ingest.iter_paths(paths)
    on_total(len(files))

    def loader(p: Path) -> Callable[[], Document]:
        def load() -> Document:
            doc = ingest.read_path(p, settings)
            if published:
                doc.published = published
            return doc
        return load
    rep = ingest_documents(store, case, [(str(p), loader(p)) for p in files], progress, title)
    rep.failed = errors + rep.failed
    return rep


def build_casefile(store: Store, case: str) -> dict[str, Any]:
    info = store.case(case)
    docs = store.documents(case)
    return casefile.build(case, info.get("title"), docs, store.extractions(case), store.judgements(case))


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
