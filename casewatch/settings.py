"""Typed settings, read from the environment (CASEWATCH_*) or built by the caller.

Nothing here is built at import time: the CLI, the API and the tests each make
one `Settings` and pass it down.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


def default_data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "casewatch"


def db_url_from(value: str | None) -> str:
    """Accept a SQLAlchemy URL or a plain file path."""
    if not value:
        path = default_data_dir() / "casewatch.db"
        path.parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{path}"
    if "://" in value:
        return value
    path = Path(value).expanduser().resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


@dataclass
class Settings:
    db_url: str = ""
    max_file_bytes: int = 20 * 1024 * 1024
    max_upload_bytes: int = 5 * 1024 * 1024
    # an HTML page with more tags than this is refused before it is parsed: a news page has a few thousand; a
    # million nested cells or empty paragraphs would keep the parser busy for minutes
    max_html_tags: int = 100_000
    # what one file may cost when it is read in a worker (the command line's ingest): wall-clock seconds to
    # convert and extract it, and the worker's resident memory meanwhile; past either, the file gets one line
    max_file_seconds: float = 120.0
    max_file_memory_mb: int = 1536
    # a text longer than this after conversion is refused (a report is 5-50 thousand characters; a book 1-2
    # million); PDF pages read at most, and the bytes one PDF stream may expand to
    max_file_chars: int = 3_000_000
    max_pdf_pages: int = 2_000
    max_pdf_stream_bytes: int = 32 * 1024 * 1024
    # pages of one PDF without a text layer (a scan) read by OCR at most (a page takes tesseract 2-5 s), and
    # tesseract's language data to read them with (those of them installed)
    max_ocr_pages: int = 100
    ocr_languages: str = "eng+rus"
    tesseract: str = "tesseract"  # the OCR program: a name on PATH, or a path
    # a report fetched by URL (ingest/web.py): the whole fetch, from connecting to the last byte, and each wait for
    # the server, within this many seconds; at most this many redirects; its body within max_file_bytes
    fetch_seconds: float = 30.0
    max_redirects: int = 5
    reply_window_days: dict[str, int] = field(default_factory=lambda: {"un_communication": 60, "urgent_appeal": 30})
    debug: bool = False
    user: str = "analyst"
    # the Host headers the server answers (CASEWATCH_HOSTS, comma-separated; the name a proxy forwards): a request
    # for any other name is refused, so a page of another site cannot reach the server through a rebound DNS name
    hosts: tuple[str, ...] = ("127.0.0.1", "localhost", "[::1]")

    @classmethod
    def from_env(cls, db: str | None = None, **overrides) -> "Settings":
        s = cls(db_url=db_url_from(db or os.environ.get("CASEWATCH_DB")))
        for name, kind in (("max_file_bytes", int), ("max_html_tags", int), ("max_file_seconds", float),
                           ("max_file_memory_mb", int), ("max_file_chars", int), ("max_pdf_pages", int),
                           ("max_pdf_stream_bytes", int), ("max_ocr_pages", int), ("ocr_languages", str),
                           ("tesseract", str), ("fetch_seconds", float), ("max_redirects", int)):
            value = os.environ.get(f"CASEWATCH_{name.upper()}")
            if value:
                try:
                    setattr(s, name, kind(value))
                except ValueError:
                    from .errors import Invalid
                    raise Invalid(f"CASEWATCH_{name.upper()}={value!r} is not a number") from None
        if os.environ.get("CASEWATCH_USER"):
            s.user = os.environ["CASEWATCH_USER"]
        if os.environ.get("CASEWATCH_HOSTS"):
            s.hosts = tuple(h.strip() for h in os.environ["CASEWATCH_HOSTS"].split(",") if h.strip())
        for k, v in overrides.items():
            setattr(s, k, v)
        return s
