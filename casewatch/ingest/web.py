"""Reports by URL: a page fetched with httpx under limits, then read exactly as the same page saved as a file.

    with Fetcher(settings) as web:
        page = web.fetch("https://example.org/news/raid")   # InputError(url, reason) when it cannot be had
    kind = kind_of(page)                                    # ".html", ".pdf", … or "feed" (feeds.py)
    doc = read_fetched(page, settings)                      # read_bytes on its bytes; the URL and fetch time kept

Only http and https, at every hop; at most `max_redirects` redirects, a loop named as one; the body streamed and
refused as soon as it passes CASEWATCH_MAX_FILE_BYTES (decompressed: a small gzip cannot expand past it); each
wait for the server and the whole fetch within CASEWATCH_FETCH_SECONDS; every request says it is casewatch in its
User-Agent.  Each failure is an ``InputError`` naming the URL with one short reason.
"""
from __future__ import annotations

import re
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import PurePosixPath

import httpx

from ..errors import InputError
from ..settings import Settings

URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]{1,15}://")
ACCEPT = ("text/html,application/xhtml+xml,application/pdf,application/rss+xml,application/atom+xml,"
          "application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5")
# content type -> the suffix whose reader reads it (ingest.read_bytes); e-mails are not fetched
TYPES = {
    "text/html": ".html", "application/xhtml+xml": ".html", "application/pdf": ".pdf", "text/plain": ".txt",
    "text/markdown": ".md", "text/x-markdown": ".md",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/vnd.oasis.opendocument.text": ".odt",
}
FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml"}
UNTYPED = {"", "application/octet-stream", "binary/octet-stream", "application/x-download"}
_FEED_HEAD = re.compile(rb"<(?:rss|feed|rdf:rdf)[\s>/]")


def is_url(text: str) -> bool:
    """Looks like an address (any scheme: an ftp:// one gets its own line, not 'no such file')."""
    return bool(URL.match(text))


def user_agent() -> str:
    from importlib.metadata import PackageNotFoundError, version
    try:
        v = version("casewatch")
    except PackageNotFoundError:
        v = "dev"
    return f"casewatch/{v} (documentation of cases of persecuted activists; python-httpx)"


@dataclass
class Fetched:
    url: str            # as asked
    final_url: str      # after redirects: where the bytes came from
    content_type: str   # the media type, lower case, without its parameters
    charset: str | None
    data: bytes
    fetched_at: str     # UTC, ISO, to the second


def _size(n: int) -> str:
    if n >= 1024 ** 3:
        return f"{n / 1024 ** 3:.1f} GB"
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{n:,} bytes"


class Fetcher:
    """One HTTP client for a batch (connections are kept between its pages)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.client = httpx.Client(follow_redirects=False, headers={"User-Agent": user_agent(), "Accept": ACCEPT})

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    def fetch(self, url: str) -> Fetched:
        s = self.settings
        deadline = time.monotonic() + s.fetch_seconds
        seen: list[str] = []
        current = url
        while True:
            target = _checked(url, current)
            if str(target) in seen:
                raise InputError(url, f"redirect loop ({' -> '.join(seen[seen.index(str(target)):] + [str(target)])})"
                                 if len(seen) < 4 else f"redirect loop (back to {target} after {len(seen)} redirects)")
            seen.append(str(target))
            left = deadline - time.monotonic()
            if left <= 0:
                raise InputError(url, f"took longer than {s.fetch_seconds:g} s to fetch (CASEWATCH_FETCH_SECONDS)")
            try:
                with self.client.stream("GET", target, timeout=httpx.Timeout(left)) as r:
                    if r.is_redirect:
                        if len(seen) > s.max_redirects:
                            raise InputError(url, f"too many redirects (more than {s.max_redirects}, "
                                                  "CASEWATCH_MAX_REDIRECTS)")
                        current = str(target.join(r.headers["location"]))
                        continue
                    if r.status_code >= 400:
                        raise InputError(url, f"HTTP {r.status_code} {r.reason_phrase or ''}".rstrip()
                                         + (f" (at {target})" if len(seen) > 1 else ""))
                    if r.status_code != 200:
                        raise InputError(url, f"HTTP {r.status_code} {r.reason_phrase or ''}: no page to read".rstrip())
                    data = _body(url, r, s, deadline)
                    ctype, _, params = r.headers.get("content-type", "").partition(";")
                    charset = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", params, re.I)
                    return Fetched(url, str(target), ctype.strip().lower(), charset.group(1).lower() if charset else None,
                                   data, datetime.now(timezone.utc).isoformat(timespec="seconds"))
            except InputError:
                raise
            except httpx.HTTPError as e:
                raise InputError(url, _reason(e, s)) from None


def _checked(url: str, current: str) -> httpx.URL:
    """The next address to ask: http or https with a host, or the URL's one line."""
    try:
        target = httpx.URL(current)
    except (httpx.InvalidURL, ValueError) as e:
        raise InputError(url, f"not a valid URL ({e})") from None
    if target.scheme not in ("http", "https"):
        where = "" if current == url else f", and it redirects to {current[:200]}"
        raise InputError(url, f"only http and https addresses are fetched (not {target.scheme or 'this kind'}{where})")
    if not target.host:
        raise InputError(url, "not a valid URL (no host name)")
    return target


def _body(url: str, r: httpx.Response, s: Settings, deadline: float) -> bytes:
    limit = s.max_file_bytes
    declared = r.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit and "content-encoding" not in r.headers:
        raise InputError(url, f"too large ({_size(int(declared))}; limit {_size(limit)}, CASEWATCH_MAX_FILE_BYTES)")
    chunks: list[bytes] = []
    got = 0
    for chunk in r.iter_bytes():  # decompressed: the limit is on what would be read
        got += len(chunk)
        if got > limit:
            raise InputError(url, f"too large (more than {_size(limit)} sent; limit CASEWATCH_MAX_FILE_BYTES)")
        if time.monotonic() > deadline:
            raise InputError(url, f"took longer than {s.fetch_seconds:g} s to fetch (CASEWATCH_FETCH_SECONDS)")
        chunks.append(chunk)
    return b"".join(chunks)


def _reason(e: httpx.HTTPError, s: Settings) -> str:
    msg = " ".join(str(e).split())[:200]
    if isinstance(e, httpx.ConnectTimeout):
        return f"no connection within {s.fetch_seconds:g} s (timeout)"
    if isinstance(e, httpx.TimeoutException):
        return f"the server sent nothing for {s.fetch_seconds:g} s (timeout, CASEWATCH_FETCH_SECONDS)"
    if isinstance(e, httpx.ConnectError):
        if re.search(r"name or service not known|nodename nor servname|temporary failure in name resolution|"
                     r"no address associated|errno -[235]\b|getaddrinfo", msg, re.I):
            return "host name not found (DNS)"
        if "refused" in msg.lower():
            return "connection refused"
        if "ssl" in msg.lower() or "certificate" in msg.lower():
            return f"secure connection failed ({msg})"
        return f"cannot connect ({msg or type(e).__name__})"
    if isinstance(e, (httpx.RemoteProtocolError, httpx.ReadError)):
        return f"the server broke off the connection ({msg or type(e).__name__})"
    if isinstance(e, httpx.DecodingError):
        return f"the server's compressed body cannot be read ({msg})"
    return f"cannot fetch ({type(e).__name__}: {msg})"


def looks_like_feed(data: bytes) -> bool:
    head = data[:4096].lower()
    return bool(_FEED_HEAD.search(head)) and b"<html" not in head


def kind_of(page: Fetched) -> str:
    """How to read what was fetched: a suffix of ingest.ACCEPTED (read as that file would be) or "feed"; an
    InputError naming the URL for anything else (an image, JSON, an XML that is no feed …)."""
    ct, data = page.content_type, page.data
    if not data:
        raise InputError(page.url, "empty response")
    if ct not in ("application/pdf",) and looks_like_feed(data):
        return "feed"
    if ct in TYPES:
        return TYPES[ct]
    if ct in FEED_TYPES:
        raise InputError(page.url, f"XML that is not an RSS or Atom feed (content type {ct})")
    if ct in UNTYPED:
        head = data[:1024].lstrip().lower()
        if head.startswith(b"%pdf-"):
            return ".pdf"
        if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
            return ".html"
        suffix = PurePosixPath(httpx.URL(page.final_url).path).suffix.lower()
        if suffix in (".txt", ".md", ".docx", ".odt"):
            return suffix
        raise InputError(page.url, f"cannot tell what the server sent (content type {ct or 'not given'})")
    raise InputError(page.url, f"not a web page, PDF or text document (content type {ct})")


def read_fetched(page: Fetched, settings: Settings, kind: str | None = None, published: str | None = None):
    """The report of a fetched page, PDF or text: read_bytes on its bytes (so the same as the file saved), named
    by its URL, with its address (after redirects) and fetch time.  A page that declares a charset other than
    UTF-8 in its header only is read in it."""
    from . import read_bytes, shown
    kind = kind or kind_of(page)
    if kind == "feed":
        raise InputError(page.url, "a feed, not a page (its entries are read instead)")
    data = page.data
    if page.charset and page.charset not in ("utf-8", "utf8") and kind in (".html", ".txt", ".md"):
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                data = data.decode(page.charset).encode("utf-8")
            except (LookupError, UnicodeDecodeError):
                pass  # read_bytes says why it cannot be read
    try:
        doc = read_bytes("page" + kind, data, settings, published=published)
    except InputError as e:
        raise InputError(page.url, e.reason) from None
    doc.filename = shown(public(page.url))
    doc.source_url = public(page.final_url)
    doc.fetched_at = page.fetched_at
    return doc


def public(url: str) -> str:
    """The address as it may be stored and exported: without a user name and password written into it."""
    try:
        u = httpx.URL(url)
    except (httpx.InvalidURL, ValueError):
        return url
    return str(u.copy_with(username=None, password=None)) if u.userinfo else url
