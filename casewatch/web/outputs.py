"""The pages of what the team sends out: the dossier (HTML, PDF download), the urgent appeal and the
communication to a government, each a standalone document page with links back to the case.

Thin handlers over api.outputs; an unknown case is the site's 404 page."""
from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, Query
from fastapi.responses import Response

from ..api import SettingsDep, StoreDep
from ..api.outputs import render, response

router = APIRouter(include_in_schema=False)


def _links(case: str, kind: str) -> dict[str, str]:
    return {"← Back to the case": f"/cases/{case}", "Download PDF": f"/cases/{case}/{kind}.pdf",
            **{label: f"/cases/{case}/{k}" for k, label in (("dossier", "Dossier"), ("appeal", "Urgent appeal"),
                                                             ("communication", "Communication")) if k != kind}}


@router.get("/cases/{case}/dossier")
def dossier_page(case: str, store: StoreDep, settings: SettingsDep) -> Response:
    return response(render(store, settings, case, "dossier", "html", links=_links(case, "dossier")), "html", case, "dossier")


@router.get("/cases/{case}/appeal")
def appeal_page(case: str, store: StoreDep, settings: SettingsDep) -> Response:
    return response(render(store, settings, case, "appeal", "html", links=_links(case, "appeal")), "html", case, "appeal")


@router.get("/cases/{case}/communication")
def communication_page(case: str, store: StoreDep, settings: SettingsDep,
                       state: Optional[str] = Query(None, max_length=120)) -> Response:
    return response(render(store, settings, case, "communication", "html", state, links=_links(case, "communication")),
                    "html", case, "communication")


@router.get("/cases/{case}/{kind}.pdf")
def pdf_download(case: str, kind: str, store: StoreDep, settings: SettingsDep,
                 state: Optional[str] = Query(None, max_length=120)) -> Response:
    from ..errors import NotFound
    from ..api.outputs import KINDS
    if kind not in KINDS:
        raise NotFound(f"no document {kind!r} (known: {', '.join(KINDS)})")
    return response(render(store, settings, case, kind, "pdf", state), "pdf", case, kind, download=True)
