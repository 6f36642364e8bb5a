"""A real HTTP server on 127.0.0.1 for the tests of reports by URL and feeds (http.server in a thread).

    with Site() as site:
        site.page("/news/raid.html", html_bytes)            # text/html
        site.add("/report.pdf", pdf_bytes, "application/pdf")
        site.url("/news/raid.html")                          # http://127.0.0.1:PORT/news/raid.html

Besides what a test puts there, it serves: /missing (404), /slow (answers after `slow` seconds), /drip (headers,
then one byte every half second, forever), /huge (`huge` bytes streamed in chunks, no length given),
/huge-declared (a Content-Length past any limit), /loop (redirects to itself), /hops/N (N redirects in a row),
/to-ftp (redirects to an ftp:// address) and /image.png (a PNG).  `requests` lists every path asked, in order.
"""
from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PNG = b"\x89PNG\r\n\x1a\n" + bytes(200)


class Site:
    def __init__(self, slow: float = 10.0, huge: int = 400_000) -> None:
        self.routes: dict[str, tuple[int, str, bytes]] = {}
        self.requests: list[str] = []
        self.agents: list[str] = []
        self.slow = slow
        self.huge = huge
        self._stop = threading.Event()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                site.requests.append(self.path)
                site.agents.append(self.headers.get("User-Agent", ""))
                try:
                    site._answer(self)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        class Server(ThreadingHTTPServer):
            daemon_threads = True

            def handle_error(self, request: object, client_address: object) -> None:
                pass  # a client that hangs up (a fetch refused half-way) is no error of the site

        self.server = Server(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "Site":
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self.server.shutdown()
        self.server.server_close()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}{path}"

    def add(self, path: str, body: bytes, ctype: str, status: int = 200) -> None:
        self.routes[path] = (status, ctype, body)

    def page(self, path: str, html: bytes) -> None:
        self.add(path, html, "text/html; charset=utf-8")

    def fetched(self, path: str) -> int:
        return self.requests.count(path)

    # the server's side ----------------------------------------------------------
    def _send(self, h: BaseHTTPRequestHandler, status: int, ctype: str, body: bytes, **headers: str) -> None:
        h.send_response(status)
        h.send_header("Content-Type", ctype)
        h.send_header("Content-Length", str(len(body)))
        for k, v in headers.items():
            h.send_header(k.replace("_", "-"), v)
        h.end_headers()
        h.wfile.write(body)

    def _redirect(self, h: BaseHTTPRequestHandler, to: str) -> None:
        self._send(h, 302, "text/html", b"moved", Location=to)

    def _answer(self, h: BaseHTTPRequestHandler) -> None:
        path = h.path
        if path in self.routes:
            status, ctype, body = self.routes[path]
            self._send(h, status, ctype, body)
        elif path == "/slow":
            self._stop.wait(self.slow)
            self._send(h, 200, "text/html", b"<html><body><p>Too late.</p></body></html>")
        elif path == "/drip":
            h.send_response(200)
            h.send_header("Content-Type", "text/plain")
            h.send_header("Transfer-Encoding", "chunked")
            h.end_headers()
            while not self._stop.wait(0.5):
                h.wfile.write(b"1\r\nx\r\n")
                h.wfile.flush()
        elif path == "/huge":
            h.send_response(200)
            h.send_header("Content-Type", "text/plain")
            h.send_header("Transfer-Encoding", "chunked")
            h.end_headers()
            chunk = b"Detained. " * 1000
            sent = 0
            while sent < self.huge and not self._stop.is_set():
                h.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                sent += len(chunk)
            h.wfile.write(b"0\r\n\r\n")
        elif path == "/huge-declared":
            h.send_response(200)
            h.send_header("Content-Type", "text/plain")
            h.send_header("Content-Length", str(50 * 1024 * 1024 * 1024))
            h.end_headers()
            h.wfile.write(b"x" * 1000)
        elif path == "/loop":
            self._redirect(h, "/loop")
        elif path.startswith("/hops/"):
            n = int(path.rsplit("/", 1)[1])
            self._redirect(h, f"/hops/{n - 1}" if n > 1 else "/missing")
        elif path == "/to-ftp":
            self._redirect(h, "ftp://127.0.0.1/report.txt")
        elif path == "/image.png":
            self._send(h, 200, "image/png", PNG)
        else:
            self._send(h, 404, "text/html", b"<html><body><h1>Not found</h1></body></html>")


def rss(title: str, items: list[dict[str, str]]) -> bytes:
    """An RSS 2.0 feed: each item a dict of link, title, date (RFC 822), description (HTML, escaped here), guid."""
    from html import escape
    out = [f'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>{escape(title)}</title>'
           "<link>http://127.0.0.1/</link><description>News</description>"]
    for it in items:
        out.append("<item>" + "".join(f"<{tag}>{escape(it[key])}</{tag}>" for key, tag in
                                      (("title", "title"), ("link", "link"), ("guid", "guid"), ("date", "pubDate"),
                                       ("description", "description")) if key in it) + "</item>")
    return ("".join(out) + "</channel></rss>\n").encode()


def atom(title: str, entries: list[dict[str, str]]) -> bytes:
    """An Atom 1.0 feed: each entry a dict of link, title, id, date (RFC 3339), summary (text)."""
    from html import escape
    out = [f'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>{escape(title)}'
           "</title><id>urn:casewatch:test</id><updated>2026-03-10T00:00:00Z</updated>"]
    for e in entries:
        out.append(f"<entry><title>{escape(e['title'])}</title><id>{escape(e.get('id', e.get('link', '')))}</id>"
                   + (f"<link rel=\"alternate\" href=\"{escape(e['link'])}\"/>" if "link" in e else "")
                   + f"<published>{e['date']}</published><updated>{e['date']}</updated>"
                   + (f"<summary type=\"html\">{escape(e['summary'])}</summary>" if "summary" in e else "")
                   + "</entry>")
    return ("".join(out) + "</feed>\n").encode()
