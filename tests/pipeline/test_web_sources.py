"""Issue 14: reports by URL and from RSS/Atom feeds, fetched from a real HTTP server on 127.0.0.1 (tests/site.py).

The pages are the example reports of examples/ (an article page with its site's furniture, a text made a PDF);
the feeds are made here.  In this process, one report at a time; tests/cli/test_watch.py goes through the real
command and its watched workers."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from casewatch import ingest
from casewatch.ingest import feeds, web
from casewatch.pipeline import build_casefile
from casewatch.settings import Settings
from casewatch.sources import ingest_sources
from casewatch.store import Store
from tests.conftest import EXAMPLES
from tests.pdfs import one_page_pdf
from tests.site import Site, atom, rss

EGYPT = EXAMPLES / "egypt_matariya" / "000_nile-chronicle_matariya-raid.html"
TURKEY = EXAMPLES / "turkey_diyarbakir" / "000_tigris-post_documenters-remanded.html"
RENEWAL = EXAMPLES / "egypt_matariya" / "004_apfw_court-renews-45-days.txt"


def _pdf(text: str) -> bytes:
    """A one-page PDF whose text layer is the first lines of `text`, one PDF line each."""
    lines = [x for x in text.splitlines() if x.strip()][:12]
    ops = b"BT /F1 10 Tf 40 760 Td 12 TL " + b" ".join(
        b"(" + re.sub(r"([()\\])", r"\\\1", x[:110]).encode("latin-1", "replace") + b") '" for x in lines) + b" ET"
    return one_page_pdf(ops, filtered=False, font=True)


def _undated_page(text: str) -> bytes:
    """An article page of a report's text, without its dateline: nothing on the page dates it."""
    paras = [x.strip() for x in text.split("\n\n") if x.strip() and not re.search(r"\d{1,2}\.\d\d\.\d{4}", x)]
    from html import escape
    body = "".join(f"<p>{escape(p)}</p>" for p in paras[2:])
    return (f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{escape(paras[1])}</title></head><body>"
            "<nav><a href='/'>Home</a> <a href='/subscribe'>Subscribe</a></nav>"
            f"<article><h1>{escape(paras[1])}</h1>{body}</article><footer>All rights reserved.</footer></body></html>"
            ).encode()


@pytest.fixture
def site():
    with Site(slow=5) as s:
        s.page("/news/matariya-raid.html", EGYPT.read_bytes())
        s.page("/news/documenters-remanded.html", TURKEY.read_bytes())
        s.add("/reports/renewal.pdf", _pdf(RENEWAL.read_text()), "application/pdf")
        s.add("/download?id=7", _pdf(RENEWAL.read_text()), "application/octet-stream")
        yield s


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(db_url=f"sqlite:///{tmp_path / 'cw.db'}", fetch_seconds=1.5, max_file_bytes=300_000)


def _docs(store: Store, case: str = "c") -> dict:
    return {d.filename: d for d in store.documents(case)}


def test_a_page_by_url_is_the_same_report_as_the_page_saved_and_keeps_its_address(site: Site, settings: Settings):
    store = Store(settings.db_url)
    url = site.url("/news/matariya-raid.html")
    rep = ingest_sources(store, "c", [url], settings)
    assert rep.added == [url] and not rep.failed
    doc = _docs(store)[url]
    saved = ingest.read_path(EGYPT, settings)
    assert doc.text == saved.text and doc.title == saved.title and doc.sha256 == saved.sha256
    assert "Plainclothes security officers raided" in doc.text and "Subscribe" not in doc.text  # furniture off
    assert doc.published == "2025-11-20"  # the page's own metadata, as for the file
    assert doc.source_url == url and re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", doc.fetched_at)
    assert site.agents[-1].startswith("casewatch/")
    entry = next(d for d in build_casefile(store, "c")["documents"] if d["id"] == doc.id)
    assert entry["url"] == url and entry["fetched_at"] == doc.fetched_at
    # the same page again, and saved as a file: nothing new
    counts = store.counts("c")
    again = ingest_sources(store, "c", [url, str(EGYPT)], settings)
    assert again.added == [] and len(again.skipped) == 2 and not again.failed
    assert store.counts("c") == counts


def test_a_pdf_by_url_with_or_without_its_content_type(site: Site, settings: Settings):
    store = Store(settings.db_url)
    typed, untyped = site.url("/reports/renewal.pdf"), site.url("/download?id=7")
    rep = ingest_sources(store, "c", [typed, untyped], settings)
    assert rep.added == [typed] and rep.skipped == [untyped] and not rep.failed  # the same bytes: stored once
    doc = _docs(store)[typed]
    assert doc.media_type == "application/pdf" and "extended by 45 days the pretrial detention" in doc.text


def test_a_page_whose_bytes_change_but_not_its_text_is_stored_once(site: Site, settings: Settings):
    store = Store(settings.db_url)
    url = site.url("/live.html")
    page = TURKEY.read_bytes()
    site.page("/live.html", page.replace(b"</head>", b'<meta name="csrf" content="a1"></head>'))
    assert len(ingest_sources(store, "c", [url], settings).added) == 1
    site.page("/live.html", page.replace(b"</head>", b'<meta name="csrf" content="b2"></head>'))
    rep = ingest_sources(store, "c", [url], settings)
    assert rep.added == [] and rep.skipped == [url]
    # a page whose text changed is a new report from the same address
    site.page("/live.html", page.replace(b"late yesterday remanded", b"late on Friday remanded"))
    assert ingest_sources(store, "c", [url], settings).added == [url]
    assert [d.source_url for d in store.documents("c")] == [url, url]


def test_each_failure_is_one_line_naming_the_url_and_the_batch_goes_on(site: Site, settings: Settings, tmp_path: Path):
    store = Store(settings.db_url)
    good = site.url("/news/matariya-raid.html")
    bad = {"/missing": "HTTP 404 Not Found",
           "/slow": "the server sent nothing for 1.5 s (timeout",
           "/drip": "took longer than 1.5 s to fetch",
           "/huge": "too large (more than 300,000 bytes sent",
           "/huge-declared": "too large (50.0 GB; limit",
           "/loop": "redirect loop",
           "/hops/9": "too many redirects (more than 5",
           "/to-ftp": "only http and https addresses are fetched (not ftp, and it redirects to ftp://",
           "/image.png": "not a web page, PDF or text document (content type image/png)"}
    urls = [site.url(p) for p in bad] + ["http://no-such-host.invalid/report.html", "ftp://127.0.0.1/report.txt", good]
    rep = ingest_sources(store, "c", urls, settings)
    assert rep.added == [good]
    lines = [str(e) for e in rep.failed]
    assert len(lines) == len(urls) - 1
    for line, url, reason in zip(lines, urls, [*bad.values(), "host name not found (DNS)",
                                               "only http and https addresses are fetched (not ftp)"]):
        assert line.startswith(f"{url}: ") and reason in line, (line, reason)
        assert "\n" not in line


def _feed_items(site: Site) -> list[dict[str, str]]:
    return [
        {"title": "Legal aid workers and journalist held", "link": site.url("/news/matariya-raid.html"),
         "guid": "nile-1", "date": "Thu, 20 Nov 2025 10:00:00 +0200", "description": "Three held after a raid."},
        {"title": "Court renews detention", "link": site.url("/news/renewal.html"), "guid": "nile-2",
         "date": "Tue, 21 Apr 2026 09:00:00 +0200", "description": "Renewal."},
        {"title": "Family says field coordinator missing", "link": site.url("/news/gone.html"), "guid": "nile-3",
         "date": "Fri, 21 Nov 2025 18:00:00 +0200",
         "description": "<p>The family of <b>Tarek Mahmoud Shalaby</b>, field coordinator of the Matariya Centre "
                        "for Legal Aid, say he was taken from their home in Shubra el-Kheima by officers who showed "
                        "no warrant, and has not been seen since.</p>"},
        {"title": "Photo gallery", "link": site.url("/image.png"), "guid": "nile-4",
         "date": "Sat, 22 Nov 2025 08:00:00 +0200"},
    ]


def test_an_rss_feed_gives_its_entries_pages_and_reads_each_once(site: Site, settings: Settings):
    store = Store(settings.db_url)
    # an undated copy of a page: it takes the entry's date
    site.page("/news/renewal.html", _undated_page(RENEWAL.read_text()))
    site.add("/feed.rss", rss("The Nile Chronicle", _feed_items(site)), "application/rss+xml; charset=utf-8")
    feed = site.url("/feed.rss")
    rep = ingest_sources(store, "c", [feed], settings)
    raid, renewal, gone, photo = (site.url(p) for p in ("/news/matariya-raid.html", "/news/renewal.html",
                                                        "/news/gone.html", "/image.png"))
    assert rep.added == [raid, renewal, gone]
    assert [str(e) for e in rep.failed] == [f"{photo}: not a web page, PDF or text document (content type image/png);"
                                            " the feed gives no text of its own for this entry"]
    docs = _docs(store)
    assert docs[raid].text == ingest.read_path(EGYPT, settings).text and docs[raid].published == "2025-11-20"
    assert docs[renewal].published == "2026-04-21"  # the page gives none: the entry's
    own = docs[gone]  # its page is gone: the feed's own text, marked as such
    assert own.source_note == "the feed's own text of the entry (its page was not read: HTTP 404 Not Found)"
    assert own.text.startswith("Family says field coordinator missing") and feeds.FROM_FEED in own.text
    assert "Tarek Mahmoud Shalaby" in own.text and own.published == "2025-11-21" and own.source_url == gone
    assert own.publisher == "The Nile Chronicle"  # the feed's title: the page names none
    fetched = list(site.requests)
    # again: the entries read are not fetched again; the one that failed is tried again
    again = ingest_sources(store, "c", [feed], settings)
    assert again.added == [] and again.seen == 3 and len(again.failed) == 1
    assert site.requests[len(fetched):] == ["/feed.rss", "/image.png"]


def test_an_atom_feed_by_url_and_saved_as_a_file(site: Site, settings: Settings, tmp_path: Path):
    store = Store(settings.db_url)
    entries = [{"title": "Four rights documenters jailed", "link": site.url("/news/documenters-remanded.html"),
                "id": "urn:tigris:1", "date": "2026-03-08T09:40:00+03:00"},
               {"title": "Court extends detention", "link": site.url("/reports/renewal.pdf"), "id": "urn:tigris:2",
                "date": "2026-04-23T14:05:00+02:00", "summary": "A PDF."}]
    site.add("/atom", atom("Tigris Post", entries), "application/atom+xml")
    rep = ingest_sources(store, "c", [site.url("/atom")], settings)
    assert rep.added == [site.url("/news/documenters-remanded.html"), site.url("/reports/renewal.pdf")]
    assert _docs(store)[site.url("/reports/renewal.pdf")].published == "2026-04-23"
    # the same feed saved as a file: its entries are read already; a new one is fetched
    entries.append({"title": "Raid", "link": site.url("/news/matariya-raid.html"), "id": "urn:tigris:3",
                    "date": "2025-11-20T09:42:00+02:00"})
    saved = tmp_path / "tigris.atom"
    saved.write_bytes(atom("Tigris Post", entries))
    rep = ingest_sources(store, "c", [str(saved)], settings)
    assert rep.added == [site.url("/news/matariya-raid.html")] and rep.seen == 2
    # a file that is no feed, and an XML page that is none either
    (tmp_path / "notes.xml").write_text("<notes><note>Not a feed</note></notes>")
    site.add("/sitemap.xml", b'<?xml version="1.0"?><urlset><url><loc>/a</loc></url></urlset>', "application/xml")
    rep = ingest_sources(store, "c", [str(tmp_path / "notes.xml"), site.url("/sitemap.xml")], settings)
    assert [e.reason for e in rep.failed][0].startswith("not a readable RSS or Atom feed")
    assert rep.failed[1].reason == "XML that is not an RSS or Atom feed (content type application/xml)"


def test_a_removed_report_from_a_feed_is_not_fetched_back_and_a_deleted_case_forgets(site: Site, settings: Settings):
    from casewatch.store.removal import delete_case, delete_report
    store = Store(settings.db_url)
    items = _feed_items(site)[:1]
    site.add("/feed.rss", rss("The Nile Chronicle", items), "application/rss+xml")
    feed, raid = site.url("/feed.rss"), site.url("/news/matariya-raid.html")
    assert ingest_sources(store, "c", [feed], settings).added == [raid]
    delete_report(store, "c", raid)
    rep = ingest_sources(store, "c", [feed], settings)
    assert rep.added == [] and rep.seen == 1 and site.fetched("/news/matariya-raid.html") == 1
    delete_case(store, "c")
    assert ingest_sources(store, "c", [feed], settings).added == [raid]


def test_kind_of_what_a_server_sends():
    def page(ctype: str, data: bytes, url: str = "http://x.org/a") -> web.Fetched:
        return web.Fetched(url, url, ctype, None, data, "2026-01-01T00:00:00+00:00")
    assert web.kind_of(page("text/html", b"<html><body>x</body></html>")) == ".html"
    assert web.kind_of(page("text/xml", b'<?xml version="1.0"?><rss version="2.0"><channel/></rss>')) == "feed"
    assert web.kind_of(page("text/html", b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">')) == "feed"
    assert web.kind_of(page("", b"%PDF-1.4 ...")) == ".pdf"
    assert web.kind_of(page("application/octet-stream", b"Statement.", "http://x.org/s.txt")) == ".txt"
    with pytest.raises(Exception, match="cannot tell what the server sent"):
        web.kind_of(page("application/octet-stream", b"\x00\x01"))
    with pytest.raises(Exception, match=r"content type application/json"):
        web.kind_of(page("application/json", b"{}"))
    with pytest.raises(Exception, match="empty response"):
        web.kind_of(page("text/html", b""))


def test_a_page_in_the_charset_its_header_declares(site: Site, settings: Settings):
    html = "<html><head><title>Задержан журналист</title></head><body><p>Журналиста задержали в Минске.</p>" \
           "<p>Ему грозит до трёх лет лишения свободы.</p></body></html>"
    site.add("/ru.html", html.encode("cp1251"), "text/html; charset=windows-1251")
    store = Store(settings.db_url)
    rep = ingest_sources(store, "c", [site.url("/ru.html")], settings)
    assert not rep.failed and "Журналиста задержали в Минске." in store.documents("c")[0].text


def test_a_feed_is_bounded():
    """A feed is parsed in the ingest's own process: refused past its size; at most MAX_ENTRIES entries read."""
    with pytest.raises(Exception, match="feed too large to read"):
        feeds.parse(b'<rss version="2.0"><channel>' + b" " * (feeds.MAX_FEED_BYTES + 1) + b"</channel></rss>", "f")
    items = [{"title": f"Item {i}", "link": f"http://x.org/{i}", "guid": str(i), "date": "Thu, 20 Nov 2025 10:00:00 +0200"}
             for i in range(feeds.MAX_ENTRIES + 5)]
    feed = feeds.parse(rss("Many", items), "http://x.org/feed")
    assert len(feed.entries) == feeds.MAX_ENTRIES and feed.skipped == 5
    assert len({e.key for e in feed.entries}) == feeds.MAX_ENTRIES


def test_a_password_in_the_address_is_not_stored(site: Site, settings: Settings):
    store = Store(settings.db_url)
    url = site.url("/news/matariya-raid.html").replace("http://", "http://desk:s3cret-pass@")
    rep = ingest_sources(store, "c", [url], settings)
    assert rep.added == [site.url("/news/matariya-raid.html")]  # lines, snapshot notes: without the password
    doc = store.documents("c")[0]
    assert doc.filename == doc.source_url == site.url("/news/matariya-raid.html")
    assert site.requests[-1] == "/news/matariya-raid.html"  # it was asked with it
