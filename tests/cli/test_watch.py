"""Issue 14 through the real command and its watched workers: `casewatch ingest` of URLs (one line per failure,
naming the URL) and `casewatch watch` of a feed (each poll adds only what is new and prints the changes; Ctrl-C
ends it cleanly).  The server is a real one on 127.0.0.1 (tests/site.py); the pages are example reports."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest

from casewatch.store import Store
from tests.conftest import EXAMPLES, ROOT
from tests.site import Site, rss

EXE = Path(sys.executable).parent / "casewatch"
EGYPT = EXAMPLES / "egypt_matariya"
PAGES = {"/raid.html": EGYPT / "000_nile-chronicle_matariya-raid.html",
         "/statement.txt": EGYPT / "001_ncdr_statement.txt",
         "/renewal.txt": EGYPT / "004_apfw_court-renews-45-days.txt"}
ITEMS = [{"title": "Raid on Matariya legal aid office", "link": "/raid.html", "guid": "1",
          "date": "Thu, 20 Nov 2025 09:42:00 +0200"},
         {"title": "NCDR statement", "link": "/statement.txt", "guid": "2", "date": "Sat, 22 Nov 2025 12:00:00 +0200"},
         {"title": "Court renews detention by 45 days", "link": "/renewal.txt", "guid": "3",
          "date": "Thu, 23 Apr 2026 14:05:00 +0200"}]


@pytest.fixture
def site():
    with Site(slow=10) as s:
        for path, f in PAGES.items():
            s.add(path, f.read_bytes(), "text/html; charset=utf-8" if f.suffix == ".html" else "text/plain; charset=utf-8")
        yield s


def _env(tmp_path: Path) -> dict[str, str]:
    return {"CASEWATCH_DB": str(tmp_path / "cli.db"), "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT),
            "CASEWATCH_FETCH_SECONDS": "2", "CASEWATCH_MAX_FILE_BYTES": "300000", "HOME": str(tmp_path)}


def _feed(site: Site, n: int) -> None:
    site.add("/feed.xml", rss("The Nile Chronicle", [dict(it, link=site.url(it["link"])) for it in ITEMS[:n]]),
             "application/rss+xml")


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(EXE), *args], capture_output=True, text=True, env=_env(tmp_path), timeout=300)


def test_ingest_urls_one_line_per_failure_naming_the_url(site: Site, tmp_path: Path):
    good = site.url("/raid.html")
    bad = [site.url(p) for p in ("/missing", "/slow", "/huge", "/loop", "/image.png")]
    r = _run(tmp_path, "ingest", "--case", "eg", "--workers", "2", good, *bad, str(EGYPT / "001_ncdr_statement.txt"))
    assert r.returncode == 1, r.stderr
    errors = [x for x in r.stderr.splitlines() if x.startswith("error")]
    assert len(errors) == len(bad), r.stderr
    for url, line, why in zip(bad, errors, ("HTTP 404 Not Found", "timeout", "too large", "redirect loop",
                                           "content type image/png")):
        assert line.startswith(f"error {url}: ") and why in line, line
    assert "Traceback" not in r.stderr
    assert "2 added, 0 already there, 5 failed" in r.stdout, r.stdout
    docs = {d.filename: d for d in Store(f"sqlite:///{tmp_path / 'cli.db'}").documents("eg")}
    assert docs[good].source_url == good and docs[good].published == "2025-11-20"
    r = _run(tmp_path, "ingest", "--case", "eg", good)
    assert r.returncode == 0 and "0 added, 1 already there, 0 failed" in r.stdout, r.stdout + r.stderr


def test_watch_once_adds_only_what_is_new_and_prints_the_changes(site: Site, tmp_path: Path):
    _feed(site, 2)
    feed = site.url("/feed.xml")
    r = _run(tmp_path, "watch", "--case", "eg", "--once", feed)
    assert r.returncode == 0, r.stderr
    assert "2 added, 0 already there, 0 failed" in r.stdout, r.stdout
    assert "Changes in eg:" in r.stdout and "nothing before it" in r.stdout
    assert "Traceback" not in r.stderr
    assert site.fetched("/raid.html") == 1 and site.fetched("/statement.txt") == 1

    _feed(site, 3)  # a new entry
    r = _run(tmp_path, "watch", "--case", "eg", "--once", feed)
    assert r.returncode == 0, r.stderr
    assert "1 added, 0 already there, 0 failed, 0 not read, 2 feed entries read before" in r.stdout, r.stdout
    changes = r.stdout[r.stdout.index("Changes in eg:"):]
    assert "against snapshot" in changes
    assert changes == _run(tmp_path, "changes", "eg").stdout  # what `casewatch changes` prints
    assert site.fetched("/raid.html") == 1 and site.fetched("/statement.txt") == 1 and site.fetched("/renewal.txt") == 1
    docs = {d.filename: d for d in Store(f"sqlite:///{tmp_path / 'cli.db'}").documents("eg")}
    assert docs[site.url("/renewal.txt")].published == "2026-04-23"

    r = _run(tmp_path, "watch", "--case", "eg", "--once", feed)  # nothing new: no changes printed
    assert "0 added, 0 already there, 0 failed, 0 not read, 3 feed entries read before" in r.stdout
    assert "Changes in" not in r.stdout


@contextmanager
def _watching(site: Site, tmp_path: Path) -> Iterator[subprocess.Popen]:
    """`casewatch watch` of a feed of one report, polling every five minutes, run as its own process; killed if a
    test leaves it running."""
    _feed(site, 1)
    proc = subprocess.Popen([str(EXE), "watch", "--case", "eg", "--every", "5", site.url("/feed.xml")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env(tmp_path))
    try:
        yield proc
    finally:
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)


def test_watch_until_ctrl_c_ends_cleanly(site: Site, tmp_path: Path):
    with _watching(site, tmp_path) as proc:
        deadline = time.monotonic() + 240
        while site.fetched("/raid.html") == 0 and time.monotonic() < deadline:
            time.sleep(0.2)
        db = Store(f"sqlite:///{tmp_path / 'cli.db'}")
        while not db.cases() or not db.counts("eg")["documents"]:
            assert time.monotonic() < deadline, "the first poll did not store the report"
            time.sleep(0.2)
        time.sleep(1)  # the poll prints its changes and goes to sleep
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert "1 added" in out and "Changes in eg:" in out
    assert "stopped watching after 1 poll" in err and "Traceback" not in err


def test_ctrl_c_during_a_poll_lets_it_finish_and_store_what_it_read(site: Site, tmp_path: Path):
    with _watching(site, tmp_path) as proc:
        deadline = time.monotonic() + 240
        while site.fetched("/feed.xml") == 0 and time.monotonic() < deadline:
            time.sleep(0.05)
        proc.send_signal(signal.SIGINT)  # the poll has begun: it reads the feed, then the report
        out, err = proc.communicate(timeout=240)
    assert proc.returncode == 0, err
    assert "stopped watching after 1 poll" in err and "Traceback" not in err and "next poll" not in err
    assert Store(f"sqlite:///{tmp_path / 'cli.db'}").counts("eg")["documents"] == 1
