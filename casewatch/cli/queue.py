"""`casewatch queue ingest|reextract|status` and `casewatch worker`: the queue of tasks in PostgreSQL (queue.py,
tasks.py), for archives read by workers on several machines."""
from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Optional

import typer
from rich.markup import escape

from . import SHOWN, app, console, err, state

queue_app = typer.Typer(help="Reports queued as tasks in the PostgreSQL database, for `casewatch worker` on any "
                             "number of machines.", no_args_is_help=True)
app.add_typer(queue_app, name="queue")


def _print_enqueued(out, verb: str) -> None:  # noqa: ANN001
    for e in out.ignored:
        err.print(f"[yellow]skipped[/yellow] {escape(str(e))}", highlight=False, soft_wrap=True)
    for name in out.there[:SHOWN]:
        err.print(f"[dim]already there[/dim] {escape(name)}", highlight=False, soft_wrap=True)
    if len(out.there) > SHOWN:
        err.print(f"[dim]… and {len(out.there) - SHOWN} more already there[/dim]", highlight=False)
    for e in out.failed:
        err.print(f"[red]error[/red] {escape(str(e))}", highlight=False, soft_wrap=True)
    console.print(f"case [bold]{escape(out.case)}[/bold]: {out.queued} {verb}"
                  + (f" (batch {out.batch})" if out.queued else "")
                  + f", {len(out.there)} already there, {len(out.failed)} failed, {len(out.ignored)} not read",
                  highlight=False, soft_wrap=True)


@queue_app.command("ingest")
def queue_ingest(paths: list[str] = typer.Argument(None, metavar="PATH_OR_URL", help="Report files or folders, or web pages "
                                                   "by URL (as `casewatch ingest` takes them; feeds not yet); @FILE: a "
                                                   "manifest, as --manifest FILE."),
                 case: str = typer.Option(..., "--case", help="The case to add the reports to (created if new)."),
                 manifest: list[Path] = typer.Option([], "--manifest", "-m", help="A text file listing paths or URLs, "
                                                     "one a line ('#' starts a comment; relative paths from its folder)."),
                 title: Optional[str] = typer.Option(None, "--title", help="The case's title."),
                 published: Optional[str] = typer.Option(None, "--published", help="Publication date for these reports "
                                                         "(ISO).")) -> None:
    """Queue one task per report: each file's bytes (or each page's URL) go into the database, so a worker on any
    machine can read it. Exit code 1 if an input could not be queued."""
    from ..queue import enqueue_ingest
    from ..errors import CasewatchError
    if not paths and not manifest:
        raise CasewatchError("give report files, folders or URLs, or --manifest FILE")
    settings = state.settings()
    out = enqueue_ingest(state.store(), case, list(paths or []), settings, title=title, published=published,
                         manifests=manifest)
    _print_enqueued(out, "queued")
    if out.failed:
        raise typer.Exit(1)


@queue_app.command("reextract")
def queue_reextract(case: str = typer.Option(..., "--case", help="The case whose reports to extract again.")) -> None:
    """Queue one task per stored report of the case: extracted again by the workers (judgements are kept)."""
    from ..queue import enqueue_reextract
    _print_enqueued(enqueue_reextract(state.store(), case), "queued to extract again")


@queue_app.command("status")
def queue_status(case: Optional[str] = typer.Option(None, "--case", help="Only this case's reports."),
                 wait: bool = typer.Option(False, "--wait", help="Wait until every queued report is finished and "
                                           "the case files' snapshots are made (by the workers), then print."),
                 timeout: float = typer.Option(0, "--timeout", min=0, help="With --wait: give up after this many "
                                               "seconds (exit code 3); 0: wait as long as it takes.")) -> None:
    """Queued reports: waiting, being read, done, failed; each failure with its reason. Exit code 1 if any failed."""
    from ..queue import status
    store = state.store()
    st = status(store, case)
    start, said = time.monotonic(), False
    while wait and not st.finished:
        if timeout and time.monotonic() - start > timeout:
            err.print(f"still {st.todo} waiting and {st.doing} being read after {timeout:g} s")
            raise typer.Exit(3)
        if not said:
            err.print(f"[dim]waiting for the workers ({st.todo} waiting, {st.doing} being read)…[/dim]",
                      highlight=False)
            said = True
        time.sleep(1.0)
        st = status(store, case)
    for c, name, reason in st.failures:
        err.print(f"[red]failed[/red] {'' if case else escape(c) + ': '}{escape(name)}: {escape(reason)}",
                  highlight=False, soft_wrap=True)
    console.print(f"{st.todo} todo, {st.doing} doing, {st.done} done, {st.failed} failed"
                  + (f"; {st.snapshots_due} case-file snapshot(s) being made" if st.snapshots_due else ""),
                  highlight=False)
    if st.failed:
        raise typer.Exit(1)


@app.command()
def worker(concurrency: int = typer.Option(os.cpu_count() or 1, "--concurrency", "-c", min=1,
                                           help="Reports read at once, each in a watched process (default: all cores)."),
           until_empty: bool = typer.Option(False, "--until-empty", help="Stop when no task is waiting (else run "
                                            "until SIGINT or SIGTERM)."),
           stalled: float = typer.Option(30.0, "--stalled-after", min=1, help="Seconds without a worker's heartbeat "
                                         "after which its task is given to another worker.")) -> None:
    """Take the queued reports from the PostgreSQL database (`casewatch queue ingest|reextract`) and read, extract
    and store each, on this machine; run it on as many machines as reach the database."""
    import logging

    from ..tasks import work
    settings = state.settings()
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    colour = {"added": "green", "extracted": "green", "there": "dim", "gone": "dim", "failed": "red",
              "snapshot": "cyan"}

    def say(outcome: str, name: str, detail: str) -> None:
        label = {"there": "already there", "gone": "gone"}.get(outcome, outcome)
        console.print(f"[{colour.get(outcome, 'white')}]{label}[/] {escape(name)}: {escape(detail)}", highlight=False,
                      soft_wrap=True)

    from sqlalchemy.engine import make_url
    where = make_url(settings.db_url).render_as_string(hide_password=True) if "://" in settings.db_url else settings.db_url
    err.print(f"worker on {escape(where)}, {concurrency} report(s) at a time", highlight=False, soft_wrap=True)
    work(settings, concurrency=concurrency, until_empty=until_empty, stalled=stalled, say=say)
