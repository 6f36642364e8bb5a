"""`casewatch watch`: poll feeds (or pages), ingest what is new, print what changed in the case."""
from __future__ import annotations

import os
import signal
import sys
import threading
import time
from datetime import datetime
from typing import Optional

import typer

from ..store import Store
from . import _write, app, err, print_report, state, with_progress


@app.command()
def watch(sources: list[str] = typer.Argument(..., metavar="FEED_OR_URL", help="RSS or Atom feeds (URLs, or files .rss .atom .xml), or web "
                                              "pages by URL, to poll."),
          case: str = typer.Option(..., "--case", help="The case to add the new reports to (created if new)."),
          every: float = typer.Option(30.0, "--every", min=1, help="Minutes between two polls."),
          once: bool = typer.Option(False, "--once", help="Poll once and exit (exit code 1 if a source failed)."),
          workers: Optional[int] = typer.Option(None, "--workers", min=1,
                                                help="Processes that read and extract the reports (default: all "
                                                     "cores).")) -> None:
    """Poll feeds or pages and ingest what is new: each entry of a feed is fetched once (entries already read into
    the case are not fetched again), a page each time (stored when its text has changed). After each poll that
    added a report, print what `casewatch changes` prints. Ctrl-C ends it."""
    from ..sources import ingest_sources
    from .act import change_report
    from ..outputs import changes as ch
    settings = state.settings()
    store = Store(settings.db_url)
    n = 0
    # Ctrl-C during a poll lets the poll finish and store what it read, then ends the watch; a second Ctrl-C ends
    # it at once; during the wait between polls it ends it at once
    stop = threading.Event()

    def _on_ctrl_c(signum, frame):  # noqa: ANN001
        if stop.is_set() or waiting.is_set():
            raise KeyboardInterrupt
        stop.set()
    waiting = threading.Event()
    previous = signal.signal(signal.SIGINT, _on_ctrl_c)
    try:
        while not stop.is_set():
            n += 1
            rep = with_progress(lambda step, total: ingest_sources(
                store, case, sources, settings, progress=step, on_total=total, workers=workers or os.cpu_count() or 1,
                isolate=True), label=f"poll {n}")
            print_report(case, rep, quiet=True, prefix=f"{datetime.now().strftime('%Y-%m-%d %H:%M')}, poll {n}: ")
            if rep.added:
                d, title = change_report(store, case)
                _write(ch.render_text(d, title), None)  # as `casewatch changes CASE` prints it
                sys.stdout.flush()
            if once:
                if rep.failed:
                    raise typer.Exit(1)
                return
            if stop.is_set():
                break
            err.print(f"[dim]next poll in {every:g} min (Ctrl-C to stop)[/dim]", highlight=False)
            waiting.set()
            try:
                time.sleep(every * 60)
            finally:
                waiting.clear()
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGINT, previous)
    err.print(f"stopped watching after {n} poll{'s' if n != 1 else ''}", highlight=False)
