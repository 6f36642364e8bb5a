"""Commands for acting on a case: agenda, appeal letter, changes since the last ingest, dossier, communication."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Optional

import typer

from ..errors import CasewatchError
from . import _write, app, console, state  # noqa: F401


def _casefiles(case: str | None) -> list[dict]:
    from ..pipeline import build_casefile
    store = state.store()
    ids = [case] if case else [c["id"] for c in store.cases()]
    return [build_casefile(store, c) for c in ids]


@app.command()
def agenda(case: Optional[str] = typer.Argument(None, help="The case (default: every case in the database)."),
           format: str = typer.Option("text", "--format", "-f", help="text or ics (iCalendar)."),
           output: Optional[Path] = typer.Option(None, "-o", "--output", help="File to write (default: standard output)."),
           today: Optional[str] = typer.Option(None, "--today", help="Split upcoming from past at this date (ISO).")) -> None:
    """Hearings, reply windows of UN communications and ends of detention measures, with their sources."""
    from ..outputs import agenda as ag
    if format not in ("text", "ics"):
        raise CasewatchError(f"unknown agenda format {format!r} (known: text, ics)")
    settings = state.settings()
    cfs = _casefiles(case)
    if format == "ics":
        _write(ag.render_ics(cfs, settings.reply_window_days), output)
    else:
        when = date.fromisoformat(today) if today else None
        _write(ag.render_text(cfs, when, settings.reply_window_days), output)


@app.command()
def appeal(case: str = typer.Argument(...),
           output: Optional[Path] = typer.Option(None, "-o", "--output", help="File to write (default: standard output)."),
           template: Optional[Path] = typer.Option(None, "--template", help="A Jinja2 template to use instead of the built-in one."),
           format: str = typer.Option("md", "--format", "-f", help="md, html or pdf.")) -> None:
    """An urgent-appeal letter (Markdown) to the authorities the sources name, every fact cited."""
    from ..outputs import appeal as ap
    from ..outputs.communication import letter_html
    from ..outputs.dossier import html_to_pdf
    _format(format, ("md", "html", "pdf"), "appeal")
    cf = _casefiles(case)[0]
    md = ap.render(cf, _template(template))
    if format == "md":
        _write(md, output)
        return
    html = letter_html(md, f"Urgent appeal: {cf.get('title') or case}")
    _write(html if format == "html" else html_to_pdf(html), output)


@app.command()
def changes(case: str = typer.Argument(...),
            since: Optional[str] = typer.Option(None, "--since", help="Compare with the last snapshot before this date (ISO)."),
            as_json: bool = typer.Option(False, "--json", help="Print the difference as JSON."),
            output: Optional[Path] = typer.Option(None, "-o", "--output", help="File to write (default: standard output).")) -> None:
    """What the latest ingest changed: new people, changed measures, new events, new or resolved conflicts."""
    d, title = change_report(state.store(), case, since)
    if as_json:
        _write(json.dumps(d, ensure_ascii=False, indent=1) + "\n", output)
        return
    from ..outputs import changes as ch
    _write(ch.render_text(d, title), output)


def change_report(store, case: str, since: str | None = None) -> tuple[dict, str]:  # noqa: ANN001 - a Store
    """The difference between the case's latest snapshot and the one before (or the last before `since`), and
    its title: what `changes` prints, and `watch` after each poll that added a report."""
    from ..outputs import changes as ch
    store.case(case)                                    # NotFound for an unknown case
    base, latest = ch.pick(store.snapshots(case), since)
    if latest is None:
        raise CasewatchError(f"case {case!r} has no snapshots yet (ingest reports first)")
    from ..casefile.redact import marks
    from ..pipeline import build_casefile, snapshot
    # a snapshot keeps no report text: the quotes are widened in the case file's own texts, as redacted for sensitive
    # people and reports as every other output (with nothing marked sensitive, the stored texts: no build needed)
    if any(marks(store.judgements(case))):
        texts = {d["id"]: d["text"] for d in build_casefile(store, case)["documents"]}
    else:
        texts = {d.id: d.text for d in store.documents(case)}
    # a snapshot marked at ingest is built here first
    old = ch.with_texts(snapshot(store, case, base["id"]), texts) if base else None
    d = ch.diff(old, ch.with_texts(snapshot(store, case, latest["id"]), texts))
    title = (f"Changes in {case}: snapshot {latest['id']} ({latest['created_at']}) against "
             + (f"snapshot {base['id']} ({base['created_at']})" if base else "nothing before it"))
    return d, title


def _template(template: Path | None) -> Path | None:
    if template is not None and not template.is_file():
        raise CasewatchError(f"{template}: no such template")
    return template


def _format(format: str, known: tuple[str, ...], what: str) -> str:
    if format not in known:
        raise CasewatchError(f"unknown {what} format {format!r} (known: {', '.join(known)})")
    return format


@app.command()
def dossier(case: str = typer.Argument(...),
            format: str = typer.Option("md", "--format", "-f", help="md, html or pdf."),
            output: Optional[Path] = typer.Option(None, "-o", "--output", help="File to write (default: standard output)."),
            template: Optional[Path] = typer.Option(None, "--template", help="A Jinja2 template to use instead of the built-in "
                                                    "one (Markdown for md, HTML for html and pdf).")) -> None:
    """A case brief: summary, people and measures, timeline chart, charges, international standards engaged,
    UN communications, open conflicts and sources, every fact cited [n] to an exact quote."""
    from ..outputs import dossier as ds
    _format(format, ds.FORMATS, "dossier")
    _template(template)
    cf = _casefiles(case)[0]
    windows = state.settings().reply_window_days
    if format == "pdf":
        _write(ds.render_pdf(cf, template, reply_window_days=windows), output)
        return
    ctx = ds.build_context(cf, reply_window_days=windows)
    href = None
    if format == "md" and output is not None and ctx["chart_svg"]:
        chart = output.with_name(f"{output.stem}-timeline.svg")     # beside the Markdown, linked by name
        _write(ctx["chart_svg"], chart)
        href = chart.name
    _write(ds.render(cf, format, template, chart_href=href, context=ctx), output)


@app.command()
def communication(case: str = typer.Argument(...),
                  format: str = typer.Option("md", "--format", "-f", help="md, html or pdf."),
                  output: Optional[Path] = typer.Option(None, "-o", "--output", help="File to write (default: standard output)."),
                  template: Optional[Path] = typer.Option(None, "--template", help="A Jinja2 (Markdown) template to use "
                                                          "instead of the built-in one."),
                  state_name: Optional[str] = typer.Option(None, "--state", help="The State written to (default: the "
                                                           "addressee of the UN letters received, else the one the sources name).")) -> None:
    """A communication to a government in the form UN Special Procedures use: the information received
    (cited), numbered questions that follow from the facts, and an annex of the international provisions engaged."""
    from ..outputs import communication as cm
    _format(format, cm.FORMATS, "communication")
    _template(template)
    cf = _casefiles(case)[0]
    _write(cm.render_format(cf, format, template, state=state_name,
                            reply_window_days=state.settings().reply_window_days), output)
