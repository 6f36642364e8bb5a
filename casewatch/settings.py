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
    reply_window_days: dict[str, int] = field(default_factory=lambda: {"un_communication": 60, "urgent_appeal": 30})
    debug: bool = False
    user: str = "analyst"
    # the Host headers the server answers (CASEWATCH_HOSTS, comma-separated; the name a proxy forwards): a request
    # for any other name is refused, so a page of another site cannot reach the server through a rebound DNS name
    hosts: tuple[str, ...] = ("127.0.0.1", "localhost", "[::1]")

    @classmethod
    def from_env(cls, db: str | None = None, **overrides) -> "Settings":
        s = cls(db_url=db_url_from(db or os.environ.get("CASEWATCH_DB")))
        if os.environ.get("CASEWATCH_MAX_FILE_BYTES"):
            s.max_file_bytes = int(os.environ["CASEWATCH_MAX_FILE_BYTES"])
        if os.environ.get("CASEWATCH_MAX_HTML_TAGS"):
            s.max_html_tags = int(os.environ["CASEWATCH_MAX_HTML_TAGS"])
        if os.environ.get("CASEWATCH_USER"):
            s.user = os.environ["CASEWATCH_USER"]
        if os.environ.get("CASEWATCH_HOSTS"):
            s.hosts = tuple(h.strip() for h in os.environ["CASEWATCH_HOSTS"].split(",") if h.strip())
        for k, v in overrides.items():
            setattr(s, k, v)
        return s
