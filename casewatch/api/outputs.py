"""What the team sends out, over HTTP: the dossier, the urgent appeal and the communication to a
government (Markdown, HTML or PDF), and the UN communications received in a case.

The same functions serve the JSON API (``router``, under /api) and the pages (web/outputs.py).
PDFs take a few seconds; the handlers are plain functions, so FastAPI runs them in its thread pool.
"""
from __future__ import annotations

import re

from typing import Any, Literal, Optional

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse, PlainTextResponse, Response

from ..settings import Settings
from ..store import Store
from . import SettingsDep, StoreDep, service

Format = Literal["md", "html", "pdf"]
# a generated document is a page of its own: its stylesheet is inline, its chart a data: URI, and it runs no script
DOCUMENT_CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; "
                "frame-ancestors 'none'")
KINDS = ("dossier", "appeal", "communication")


def render(store: Store, settings: Settings, case: str, kind: str, format: str, state: str | None = None,
           links: dict[str, str] | None = None) -> str | bytes:
    """One output of one case: Markdown or HTML text, or PDF bytes."""
    from ..outputs import appeal, communication, dossier
    cf = service.casefile(store, case)
    windows = settings.reply_window_days
    if kind == "dossier":
        if format == "pdf":
            return dossier.render_pdf(cf, reply_window_days=windows)
        ctx = {**dossier.build_context(cf, reply_window_days=windows), "links": links}
        return dossier.render(cf, format, context=ctx)
    if kind == "communication":
        md = communication.render(cf, state=state, reply_window_days=windows)
        title = f"Communication: {cf.get('title') or case}"
    else:
        md = appeal.render(cf)
        title = f"Urgent appeal: {cf.get('title') or case}"
    if format == "md":
        return md
    html = communication.letter_html(md, title, links)
    return html if format == "html" else dossier.html_to_pdf(html)


def _disposition(how: str, name: str) -> str:
    """A Content-Disposition whose file name cannot break the header: a plain ASCII name, and the exact one
    percent-encoded (RFC 6266) for a case id of any characters."""
    from urllib.parse import quote
    plain = re.sub(r"[^A-Za-z0-9._-]", "_", name)
    return f"{how}; filename=\"{plain}\"; filename*=UTF-8''{quote(name, safe='')}"


def response(data: str | bytes, format: str, case: str, kind: str, download: bool = False) -> Response:
    if format == "pdf":
        how = "attachment" if download else "inline"
        return Response(data, media_type="application/pdf",
                        headers={"Content-Disposition": _disposition(how, f"{case}-{kind}.pdf")})
    if format == "html":
        return HTMLResponse(data, headers={"Content-Security-Policy": DOCUMENT_CSP})
    return PlainTextResponse(data, media_type="text/markdown; charset=utf-8")


router = APIRouter(prefix="/cases/{case}", tags=["outputs"])


@router.get("/dossier", response_class=Response,
            responses={200: {"content": {"text/markdown": {}, "text/html": {}, "application/pdf": {}}}})
def get_dossier(case: str, store: StoreDep, settings: SettingsDep, format: Format = "md") -> Response:
    """The case brief, every fact cited [n] to an exact quote: Markdown, HTML or PDF."""
    return response(render(store, settings, case, "dossier", format), format, case, "dossier")


@router.get("/appeal", response_class=Response,
            responses={200: {"content": {"text/markdown": {}, "text/html": {}, "application/pdf": {}}}})
def get_appeal(case: str, store: StoreDep, settings: SettingsDep, format: Format = "md") -> Response:
    """The urgent-appeal letter to the authorities the sources name."""
    return response(render(store, settings, case, "appeal", format), format, case, "appeal")


@router.get("/communication", response_class=Response,
            responses={200: {"content": {"text/markdown": {}, "text/html": {}, "application/pdf": {}}}})
def get_communication(case: str, store: StoreDep, settings: SettingsDep, format: Format = "md",
                      state: Optional[str] = Query(None, max_length=120, description="The State written to "
                                                   "(default: the addressee of the UN letters received)")) -> Response:
    """A communication to a government in the form UN Special Procedures use."""
    return response(render(store, settings, case, "communication", format, state), format, case, "communication")


@router.get("/communications")
def get_communications(case: str, store: StoreDep) -> list[dict[str, Any]]:
    """The UN communications received in the case (reference, type, date, State, mandates), with their evidence."""
    from ..outputs.dossier import received
    return received(service.casefile(store, case))
