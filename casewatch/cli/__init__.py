"""The command line: a thin layer over pipeline, store and outputs."""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any, Callable, Optional

import typer
from rich.markup import escape
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ..model import unread_note
from ..errors import CasewatchError
from ..settings import Settings
from ..store import Store

from .plainhelp import PlainGroup

app = typer.Typer(cls=PlainGroup, add_completion=False, no_args_is_help=True,
                  help="casewatch: grounded case files from scattered reports on persecuted activists.")
console = Console()
err = Console(stderr=True)


class State:
    db: str | None = None
    debug: bool = False

    def settings(self) -> Settings:
        return Settings.from_env(db=self.db, debug=self.debug)

    def store(self) -> Store:
        return Store(self.settings().db_url)


state = State()


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version
        console.print(f"casewatch {version('casewatch')}")
        raise typer.Exit()


@app.callback()
def main_options(db: Optional[str] = typer.Option(None, "--db", help="Database: a SQLite file path or a SQLAlchemy URL "
                                                   "(default: $CASEWATCH_DB, else casewatch.db in the user's data directory)."),
                 debug: bool = typer.Option(False, "--debug", help="Show tracebacks."),
                 version: bool = typer.Option(False, "--version", is_eager=True, callback=_version,
                                              help="Print casewatch's version and exit.")) -> None:
    state.db = db
    state.debug = debug


SHOWN = 50  # files "already there" named one by one; past that, counted


@app.command()
def ingest(paths: list[str] = typer.Argument(..., metavar="PATH_OR_URL", help="Report files or folders (.txt .md .html .htm .pdf .docx .odt "
                                             ".eml), web pages by URL (http, https), RSS or Atom feeds (a URL, or a "
                                             "file .rss .atom .xml): each entry's page is read."),
           case: str = typer.Option(..., "--case", help="The case to add the reports to (created if new)."),
           title: Optional[str] = typer.Option(None, "--title", help="The case's title."),
           published: Optional[str] = typer.Option(None, "--published", help="Publication date for these reports (ISO)."),
           workers: int = typer.Option(os.cpu_count() or 1, "--workers", min=1,
                                       help="Processes that read and extract the reports (default: all cores).")) -> None:
    """Read reports into a case: text, extraction, resolution, stored in one transaction per file."""
    from ..sources import ingest_sources
    settings = state.settings()
    store = Store(settings.db_url)
    rep = with_progress(lambda step, total: ingest_sources(
        store, case, paths, settings, progress=step, title=title, published=published, on_total=total,
        workers=workers, isolate=True))
    print_report(case, rep)
    if rep.failed:
        raise typer.Exit(1)


def with_progress(run: Callable[[Callable[[str], None], Callable[[int], None]], Any], label: str = "reading") -> Any:
    """`run(step, total)` with a progress bar on standard error: `step(name)` as each report is reached,
    `total(n)` when the count is known (again when it grows)."""
    with Progress(TextColumn(f"[bold]{label}"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
                  TimeElapsedColumn(), console=err, transient=True) as prog:
        task = prog.add_task("loading the language model", total=None)
        seen = {"n": 0}

        def step(name: str) -> None:
            if seen["n"]:
                prog.advance(task)
            seen["n"] += 1
            prog.update(task, description=Path(name).name or name)
        out = run(step, lambda n: prog.update(task, total=max(1, n)))
        prog.advance(task)
    return out


def print_report(case: str, rep: Any, quiet: bool = False, prefix: str = "") -> None:
    """The lines of an ingest: files not read, reports already there (unless `quiet`), failures, the count (after
    `prefix`)."""
    for e in rep.ignored:
        err.print(f"[yellow]skipped[/yellow] {escape(str(e))}", highlight=False, soft_wrap=True)
    for name in ([] if quiet else rep.skipped[:SHOWN]):  # a report stored before, or the same bytes as another file
        err.print(f"[dim]already there[/dim] {escape(name)}", highlight=False, soft_wrap=True)
    if len(rep.skipped) > SHOWN and not quiet:
        err.print(f"[dim]… and {len(rep.skipped) - SHOWN} more already there[/dim]", highlight=False)
    from ..ingest.language import name as language_name
    for name, pages in rep.ocr:
        err.print(f"[cyan]OCR[/cyan] {escape(name)}: a scan, read by OCR ({pages} page{'s' if pages > 1 else ''}; "
                  "names may be misread)", highlight=False, soft_wrap=True)
    for name, lang in rep.unread:
        err.print(f"[yellow]not read[/yellow] {escape(name)}: in {escape(language_name(lang))}, {escape(unread_note(lang))}",
                  highlight=False, soft_wrap=True)
    for e in rep.failed:
        err.print(f"[red]error[/red] {escape(str(e))}", highlight=False, soft_wrap=True)
    if rep.slowest and len(rep.added) + len(rep.failed) > 1:
        err.print(f"[dim]slowest: {escape(Path(rep.slowest[0]).name)}, {rep.slowest[1]:.1f} s[/dim]", highlight=False)
    unread = f" ({len(rep.unread)} stored but not read: not in English)" if rep.unread else ""
    console.print(f"{prefix}case [bold]{escape(case)}[/bold]: {len(rep.added)} added{unread}, {len(rep.skipped)} already "
                  f"there, {len(rep.failed)} failed, {len(rep.ignored)} not read"
                  + (f", {rep.seen} feed entries read before" if rep.seen else "")
                  + ("; nothing stored, so no case was made" if getattr(rep, "dropped", False) else ""),
                  highlight=False, soft_wrap=True)


@app.command()
def show(case: str = typer.Argument(...)) -> None:
    """The case in the terminal: roster, timeline, conflicts."""
    from ..pipeline import build_casefile
    from .show import render
    render(console, build_casefile(state.store(), case))


@app.command()
def export(case: str = typer.Argument(...),
           format: str = typer.Option("casefile", "--format", "-f", help="casefile (the case file JSON), incidents (one "
                                      "incident record a report, JSON lines), csv (one row a person), ftm "
                                      "(FollowTheMoney entities), appeal (an urgent appeal, Markdown), agenda "
                                      "(dates, text), ics (the agenda as iCalendar)."),
           output: Optional[Path] = typer.Option(None, "-o", "--output", help="File to write (default: standard output)."),
           internal: bool = typer.Option(False, "--internal", help="Keep the people and reports marked sensitive "
                                         "(for the team only; the audit log records it).")) -> None:
    """Export the case (the case file JSON by default), without the people and reports marked sensitive."""
    from ..outputs import EXPORTERS
    from ..pipeline import build_casefile
    from ..store.accounts import Accounts
    from .users import _by
    if format not in EXPORTERS:
        raise CasewatchError(f"unknown format {format!r} (known: {', '.join(sorted(EXPORTERS))})")
    store = state.store()
    data = EXPORTERS[format](build_casefile(store, case, internal=internal))
    Accounts(store).log(_by(), "export_internal" if internal else "export", case, format)
    _write(data, output)


@app.command()
def sensitive(case: str = typer.Argument(...),
              person: Optional[str] = typer.Option(None, "--person", help="A person's name as the case file spells it."),
              report: Optional[str] = typer.Option(None, "--report", help="A report's id (see casewatch show)."),
              undo: bool = typer.Option(False, "--undo", help="Take the mark off again.")) -> None:
    """Mark a person (a witness, a relative, a source) or a report as sensitive: every output leaves them out."""
    from ..api import service
    from ..model import Judgement
    from ..store.accounts import Accounts
    from .users import _by
    if bool(person) == bool(report):
        raise CasewatchError("give --person NAME or --report ID")
    store = state.store()
    payload = {"kind": "person", "name": person} if person else {"kind": "document", "doc": report}
    if undo:
        marks = [j for j in store.judgements(case) if j.kind == "sensitive" and j.payload == payload]
        if not marks:
            raise CasewatchError("no such mark in force")
        for j in marks:
            store.undo_judgement(case, j.id)
    else:
        from ..pipeline import build_casefile
        clean = service.check_judgement(build_casefile(store, case, internal=True), "sensitive", payload)
        store.add_judgement(Judgement(kind="sensitive", case=case, payload=clean, user=_by()))
    Accounts(store).log(_by(), "unmark_sensitive" if undo else "mark_sensitive", case, person or report or "")
    console.print(f"{'unmarked' if undo else 'marked sensitive'}: {escape(person or report or '')}")


def _write(data: str | bytes, output: Path | None) -> None:
    if output is None:
        if isinstance(data, bytes):
            sys.stdout.buffer.write(data)
        else:
            sys.stdout.write(data)
        return
    tmp = output.with_name(output.name + ".part")
    (tmp.write_bytes if isinstance(data, bytes) else lambda d: tmp.write_text(d, encoding="utf-8"))(data)
    os.replace(tmp, output)
    err.print(f"wrote {output}")


@app.command()
def reextract(case: str = typer.Argument(...)) -> None:
    """Extract every stored report of a case again (analyst judgements are kept)."""
    from ..pipeline import reextract as run
    n = run(state.store(), case)
    console.print(f"re-extracted {n} documents")


@app.command()
def cases() -> None:
    """The cases in the database: id, title, reports, last change."""
    from rich.table import Table
    rows = state.store().cases()
    if not rows:
        console.print("no cases yet: casewatch ingest --case NAME FOLDER")
        return
    t = Table("case", "title", "reports", "changed")
    for r in rows:
        t.add_row(escape(r["id"]), escape(r["title"] or ""), str(r["documents"]), r["updated_at"][:16].replace("T", " "))
    console.print(t)


@app.command()
def delete(case: str = typer.Argument(..., help="The case."),
           report: Optional[str] = typer.Option(None, "--report", help="Remove only this report: its id, sha256 "
                                                "(8 characters or more) or file name; the case file is rebuilt."),
           yes: bool = typer.Option(False, "--yes", help="Do not ask for confirmation.")) -> None:
    """Remove a case, or one report of it, leaving no trace of its text in the database, the search index or the
    case file's snapshots (for a source's safety)."""
    from ..store.removal import delete_case, delete_report
    store = state.store()
    store.case(case)  # no such case: one line, exit 2
    what = f"report {report!r} of case {case!r}" if report else f"case {case!r} and all its reports"
    if not yes and not typer.confirm(f"Remove {what}? This cannot be undone", default=False):
        raise typer.Abort()
    if report:
        from ..pipeline import save_snapshot
        name = delete_report(store, case, report)
        save_snapshot(store, case, note=f"removed {name}")  # `changes` starts again from the case as it is now
        console.print(f"removed {escape(name)} from case {escape(case)}; the case file is rebuilt from the reports left")
    else:
        n = delete_case(store, case)
        console.print(f"removed case {escape(case)} ({n} reports)")


def _hint(e: CasewatchError) -> str:
    """After "no case named 'turky'": the nearest cases (the command line may list them all; the web does not)."""
    from ..errors import NoCase
    if not isinstance(e, NoCase):
        return ""
    from .suggest import no_case
    try:
        names = [r["id"] for r in state.store().cases()]
    except Exception:  # noqa: BLE001 - a hint, never a second error
        return ""
    return no_case(e.case, names)


def _click_errors() -> tuple[type, ...]:
    """click's usage errors: typer's own copy of click (typer 0.2x vendors it) and click itself."""
    import importlib
    kinds = []
    for module in ("typer._click.exceptions", "click.exceptions"):
        try:
            kinds.append(importlib.import_module(module).ClickException)
        except (ImportError, AttributeError):
            pass
    return tuple(kinds)


def main() -> None:
    from . import bench  # noqa: F401  (registers the benchmark commands)
    from . import hrdsattack  # noqa: F401  (benchmark hrdsattack, train hrdsattack)
    from . import roles  # noqa: F401  (train roles)
    from . import act  # noqa: F401
    from . import serve  # noqa: F401
    from . import users  # noqa: F401  (user …, audit)
    from . import watch  # noqa: F401  (watch)
    from . import queue  # noqa: F401  (queue …, worker)
    try:
        rc = app(standalone_mode=False, prog_name="casewatch")
        if isinstance(rc, int) and rc:
            sys.exit(rc)
    except typer.Exit as e:
        sys.exit(e.exit_code)
    except typer.Abort:
        err.print("aborted")
        sys.exit(130)
    except CasewatchError as e:
        if state.debug:
            raise
        err.print(f"[red]error[/red] {escape(str(e) + _hint(e))}", highlight=False, soft_wrap=True)
        sys.exit(2)
    except Exception as e:  # noqa: BLE001
        if isinstance(e, _click_errors()):  # a missing or bad argument: the usage line, a hint and the error
            e.show()
            sys.exit(e.exit_code)
        if state.debug or "--debug" in sys.argv:
            raise
        err.print(f"[red]error[/red] {type(e).__name__}: {escape(str(e))} (run with --debug for the traceback)",
                  highlight=False, soft_wrap=True)
        sys.exit(1)
