"""RSS and Atom feeds (feedparser): a feed is a list of entries, each a page to fetch, never a report itself.

    feed = parse(data, "https://example.org/rss.xml")   # BadInput when it is no feed
    for entry in feed.entries: entry.link, entry.published, entry.key
    doc = entry_document(entry, settings)              # the entry's own text, when its page cannot be read

feedparser is given the bytes only (never a URL or a name it could open), with its HTML sanitising on and
relative links resolved against the feed's address.  A feed is parsed in the ingest's own process, so it is
refused past `MAX_FEED_BYTES`; at most `MAX_ENTRIES` entries are read from one feed.
"""
from __future__ import annotations

import calendar
import hashlib
import html
import io
from dataclasses import dataclass
from datetime import datetime, timezone

from ..settings import Settings
from .convert import BadInput
from .meta import normalize_date

MAX_ENTRIES = 200
MAX_FEED_BYTES = 5 * 1024 * 1024  # a feed is parsed in the ingest's own process: a news feed is a few hundred KB
FEED_SUFFIXES = {".rss", ".atom", ".xml"}  # a feed saved as a file, named on the command line
# the line a report made of a feed's own text of an entry ends with (its page could not be read)
FROM_FEED = "[From the feed: the text the feed gives for this entry; the page it links to could not be read.]"


@dataclass
class Entry:
    key: str                 # SHA-256 of its link (else its id, else its title and text): what is remembered as read
    link: str | None         # the page, http(s) only
    title: str | None
    published: str | None    # ISO date, as the feed gives it
    content: str             # its own HTML (the full content if the feed gives it, else the summary)
    feed: str                # the feed's address or file, for the names of its entries without a link
    index: int
    feed_title: str | None = None  # the publisher of a report made of the entry's own text, when it names none


@dataclass
class Feed:
    title: str | None
    entries: list[Entry]
    skipped: int = 0         # entries past MAX_ENTRIES


def parse(data: bytes, where: str) -> Feed:
    import feedparser

    if len(data) > MAX_FEED_BYTES:
        raise BadInput(f"feed too large to read ({len(data) / 1024 / 1024:.1f} MB; limit "
                       f"{MAX_FEED_BYTES // 1024 // 1024} MB)")
    d = feedparser.parse(io.BytesIO(data), response_headers={"content-location": where} if "://" in where else None,
                         sanitize_html=True, resolve_relative_uris=True)
    version = d.get("version") or ""
    if not version and not d.entries:
        reason = d.get("bozo_exception")
        raise BadInput("not a readable RSS or Atom feed" + (f" ({' '.join(str(reason).split())[:120]})" if reason else ""))
    feed_title = " ".join((d.feed.get("title") or "").split())[:200] or None
    entries = []
    for i, e in enumerate(d.entries[:MAX_ENTRIES]):
        link = (e.get("link") or "").strip() or None
        if link and not link.lower().startswith(("http://", "https://")):
            link = None
        content = ""
        for c in e.get("content") or []:
            if len(c.get("value") or "") > len(content):
                content = c["value"]
        content = content or e.get("summary") or ""
        title = " ".join((e.get("title") or "").split()) or None
        basis = link or e.get("id") or f"{where}\n{title}\n{content}"
        entries.append(Entry(hashlib.sha256(basis.encode("utf-8", "surrogatepass")).hexdigest(), link, title,
                             _date(e), content, where, i, feed_title))
    return Feed(feed_title, entries, max(0, len(d.entries) - MAX_ENTRIES))


def _date(e) -> str | None:  # noqa: ANN001 - a feedparser entry
    """The entry's date as the feed writes it (its own day, not the day in UTC), else feedparser's reading."""
    for raw, parsed in (("published", "published_parsed"), ("updated", "updated_parsed"), ("created", "created_parsed")):
        if e.get(raw):
            found = normalize_date(str(e[raw])[:60])
            if found:
                return found
        if e.get(parsed):
            try:
                return datetime.fromtimestamp(calendar.timegm(e[parsed]), timezone.utc).date().isoformat()
            except (OverflowError, ValueError, TypeError):
                continue
    return None


def name_of(entry: Entry) -> str:
    """The entry as lines and the stored report name it: its link, else the feed and its place in it."""
    return entry.link or f"{entry.feed}#entry-{entry.index + 1}"


def entry_bytes(entry: Entry) -> bytes:
    """The entry's own text as a small HTML page (title, text, the line saying where it comes from): the same bytes
    for the same entry, so reading it twice stores it once."""
    title = html.escape(entry.title or "")
    return (f"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{title}</title></head>\n<body><article>\n"
            f"<h1>{title}</h1>\n{entry.content}\n<p>{html.escape(FROM_FEED)}</p>\n</article></body></html>\n").encode()


def entry_document(entry: Entry, settings: Settings, why: str, fetched_at: str | None = None):
    """The report made of the entry's own text (when its page cannot be fetched or read: `why`), named by its link,
    dated by the entry, marked as the feed's text (`source_note`, and its last line)."""
    from . import read_bytes, shown
    from ..errors import InputError
    if not (entry.content or "").strip():
        raise InputError(name_of(entry), f"{why}; the feed gives no text of its own for this entry")
    try:
        doc = read_bytes("entry.html", entry_bytes(entry), settings)
    except InputError as e:
        raise InputError(name_of(entry), f"{why}; the feed's own text cannot be read either ({e.reason})") from None
    from .web import public
    doc.filename = shown(public(name_of(entry)))
    doc.source_url = public(entry.link or entry.feed) if (entry.link or "://" in entry.feed) else None
    doc.fetched_at = fetched_at or datetime.now(timezone.utc).isoformat(timespec="seconds")
    doc.source_note = f"the feed's own text of the entry (its page was not read: {why})"
    doc.published = entry.published or doc.published
    doc.publisher = doc.publisher or entry.feed_title
    return doc
