"""Reports from the web for the pipeline: pages by URL, the entries of RSS and Atom feeds, beside files and folders.

    rep = ingest_sources(store, "egypt", ["reports/", "https://example.org/news/raid", "https://example.org/rss"],
                         settings)

Files and folders go as `pipeline.ingest_paths` sends them.  Each URL is fetched here, in the main process
(ingest/web.py: only http(s), size, time and redirects limited), when the batch reaches it, so the sha256 of
what it sent decides at once whether the case holds it already; what it sent is then read and extracted by the
same watched workers as a file (a `Loader` carrying the bytes), under the same limits of time and memory, and
gives the same text as the page saved as a file.

A feed (a URL that serves one, or a file .rss/.atom/.xml named) gives its entries: each entry's link is fetched
as a page and dated by the entry when the page gives no date; when the link cannot be fetched or read, the
entry's own text (its content, else its summary) is the report, marked as the feed's text.  An entry read into
the case before (stored, or found stored: store/entries.py) is not fetched again: that is what lets
`casewatch watch` poll a feed every few minutes.  An entry that failed is tried again next time.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import Callable, Iterable, Iterator

from . import ingest
from .errors import InputError
from .ingest import feeds, web
from .ingest.convert import BadInput
from .model import Document
from .pipeline import IngestReport, Loader, ingest_documents, limits_of, path_loaders
from .settings import Settings
from .store import Store
from .store.entries import mark_entries_seen, seen_entries


@dataclass
class PageLoader(Loader):
    """A page, PDF or text fetched by the main process, read by a worker as the same file would be; a feed's
    entry when `entry` is given (its date when the page has none; its own text when the page cannot be read)."""
    page: web.Fetched
    kind: str
    settings: Settings
    published: str | None = None
    entry: feeds.Entry | None = None

    def __call__(self) -> Document:
        try:
            doc = web.read_fetched(self.page, self.settings, self.kind)
        except InputError as e:
            if self.entry is None:
                raise
            doc = feeds.entry_document(self.entry, self.settings, e.reason, self.page.fetched_at)
        else:
            if self.entry is not None:
                doc.published = doc.published or self.entry.published
        if self.published:
            doc.published = self.published
        return doc

    def sha256(self) -> str:
        return hashlib.sha256(self.page.data).hexdigest()


@dataclass
class EntryTextLoader(Loader):
    """A feed's entry whose page could not be fetched (`why`): its own text is the report."""
    entry: feeds.Entry
    settings: Settings
    why: str
    published: str | None = None

    def __call__(self) -> Document:
        doc = feeds.entry_document(self.entry, self.settings, self.why)
        if self.published:
            doc.published = self.published
        return doc

    def sha256(self) -> str:
        return hashlib.sha256(feeds.entry_bytes(self.entry)).hexdigest()


@dataclass
class Failed(Loader):
    """A source that gave no report: its line."""
    error: InputError

    def __call__(self) -> Document:
        raise self.error

    def sha256(self) -> str:
        raise self.error


def is_web_source(item: str) -> bool:
    """A URL, or a feed saved as a file (.rss, .atom, .xml) named on the command line."""
    return web.is_url(item) or (Path(item).suffix.lower() in feeds.FEED_SUFFIXES and Path(item).is_file())


@dataclass
class _Batch:
    store: Store
    case: str
    settings: Settings
    fetcher: web.Fetcher
    published: str | None
    grow: Callable[[int], None]
    keys: dict[str, str] = field(default_factory=dict)  # report name -> the key of its feed entry
    seen: int = 0
    ignored: list[InputError] = field(default_factory=list)

    def loaders(self, items: Iterable[str]) -> Iterator[tuple[str, Loader]]:
        for item in items:
            name = ingest.shown(web.public(item))  # a password in the address is not written anywhere
            if not web.is_url(item):  # a feed file
                try:
                    data = ingest.read_raw(Path(item), self.settings)
                except InputError as e:
                    yield name, Failed(InputError(name, e.reason))
                    continue
                yield from self.entries(name, data)
                continue
            try:
                page = self.fetcher.fetch(item)
                kind = web.kind_of(page)
            except InputError as e:
                yield name, Failed(InputError(name, e.reason))
                continue
            if kind == "feed":
                yield from self.entries(name, page.data, page.final_url)
            else:
                yield name, PageLoader(page, kind, self.settings, self.published)

    def entries(self, name: str, data: bytes, address: str | None = None) -> Iterator[tuple[str, Loader]]:
        try:
            feed = feeds.parse(data, address or name)
        except BadInput as e:
            yield name, Failed(InputError(name, str(e)))
            return
        if feed.skipped:
            self.ignored.append(InputError(name, f"{feed.skipped} entries past the first {feeds.MAX_ENTRIES}, not read"))
        before = seen_entries(self.store, self.case, (e.key for e in feed.entries))
        new = []
        for e in feed.entries:
            if e.key not in before and e.key not in self.keys.values():
                new.append(e)
        self.seen += len(feed.entries) - len(new)
        self.grow(len(new) - 1)  # the feed was counted as one report
        for e in new:
            entry_name = ingest.shown(feeds.name_of(e))
            self.keys[entry_name] = e.key
            if e.link is None:
                yield entry_name, self.own_text(e, entry_name, "the entry links to no web page")
                continue
            try:
                page = self.fetcher.fetch(e.link)
                kind = web.kind_of(page)
                if kind == "feed":
                    raise InputError(e.link, "links to a feed, not to a page")
            except InputError as err:
                yield entry_name, self.own_text(e, entry_name, err.reason)
                continue
            yield entry_name, PageLoader(page, kind, self.settings, self.published, entry=e)

    def own_text(self, e: feeds.Entry, name: str, why: str) -> Loader:
        if not e.content.strip():
            return Failed(InputError(name, f"{why}; the feed gives no text of its own for this entry"))
        return EntryTextLoader(e, self.settings, why, self.published)


def ingest_sources(store: Store, case: str, items: list[str], settings: Settings,
                   progress: Callable[[str], None] = lambda name: None, title: str | None = None,
                   published: str | None = None, on_total: Callable[[int], None] = lambda n: None,
                   workers: int = 1, isolate: bool = False) -> IngestReport:
    """Files, folders, URLs and feed files into a case, as `ingest_paths` with the web beside: `on_total` hears
    the count again each time a feed adds its new entries; `rep.seen` counts the feeds' entries read before."""
    web_items = [i for i in items if is_web_source(i)]
    ignored: list[InputError] = []
    files, errors = ingest.iter_paths([Path(i) for i in items if not is_web_source(i)], ignored)
    docs = path_loaders(files, settings, published)
    total = len(docs) + len(web_items)
    on_total(total)

    def grow(n: int) -> None:
        nonlocal total
        total += n
        on_total(max(1, total))

    with web.Fetcher(settings) as fetcher:
        batch = _Batch(store, case, settings, fetcher, published, grow)
        rep = ingest_documents(store, case, chain(docs, batch.loaders(web_items)), progress, title,
                               workers=workers if web_items else min(workers, len(docs)), isolate=isolate,
                               limits=limits_of(settings))
    mark_entries_seen(store, case, [batch.keys[n] for n in rep.added + rep.skipped if n in batch.keys])
    rep.failed = errors + rep.failed
    rep.ignored = ignored + batch.ignored
    rep.seen = batch.seen
    return rep
