"""The JSON API under /api: one router per resource, the same code paths as the pages (api.service).

Writes need the header ``X-Casewatch-Client`` (any value): a cross-site page
cannot send a custom header without a CORS preflight, which this API never
grants, so a forged form post from another site is refused.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Any, Literal, Optional

from fastapi import APIRouter, Depends, File, Form, Header, HTTPException, Query, Request, UploadFile, status
from pydantic import BaseModel, Field

from ..settings import Settings
from ..store import Store
from . import service


def get_store(request: Request) -> Store:
    return request.app.state.store


def get_settings(request: Request) -> Settings:
    """The app's settings, with `user` the signed-in account's name: a judgement records who made it."""
    settings = request.app.state.settings
    user = getattr(request.state, "user", None)
    return replace(settings, user=user.name) if user is not None else settings


def require_client_header(x_casewatch_client: Annotated[Optional[str], Header()] = None) -> None:
    if not x_casewatch_client:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "writes need the X-Casewatch-Client header")


StoreDep = Annotated[Store, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_settings)]


class CaseCreate(BaseModel):
    id: str = Field(description="lower-case letters, digits, '-' and '_'")
    title: Optional[str] = None


class CasePublic(BaseModel):
    id: str
    title: str
    documents: int
    updated_at: Optional[str] = None
    held_now: int = Field(description="people whose current measure is pretrial detention, house arrest or arrest")
    persons: int
    next_date: Optional[dict[str, Any]] = None
    open_conflicts: int


class JudgementCreate(BaseModel):
    kind: Literal["merge", "split", "reject_entity", "conflict", "role"]
    payload: dict[str, Any]


class JudgementPublic(BaseModel):
    id: int
    kind: str
    payload: dict[str, Any]
    user: str
    created_at: Optional[str] = None
    undone_at: Optional[str] = None


class UploadPublic(BaseModel):
    added: list[str]
    skipped: list[str]
    failed: list[str] = Field(default=[], description="an e-mail's attachments that could not be read, one line each")


class SearchHit(BaseModel):
    type: Literal["fact", "text"] = Field(description="an extracted fact, or a passage of a report's text")
    case: str
    doc: str
    title: str = Field(description="the report's title (or file name)")
    kind: str = Field(description="the fact's kind (person, event, provision …), or 'document'")
    label: str = Field(description="what the fact says in words; the report's title for a text hit")
    start: Optional[int] = Field(description="offset of the quote or passage in the report's text (None: only the title matched)")
    end: Optional[int] = None
    quote: str = Field(description="text[start:end]")
    snippet: str = Field(description="HTML: the source text escaped, the matches in <mark>")
    label_snippet: str = Field(description="HTML: the label escaped, the matches in <mark>")
    count: int = Field(description="how often this fact is in the report, or how many matches the text has")
    url: str = Field(description="the reader at this quote or passage")


class SearchPublic(BaseModel):
    query: str
    case: Optional[str] = None
    person: Optional[str] = None
    provision: Optional[str] = None
    event_type: Optional[str] = None
    facts: list[SearchHit]
    texts: list[SearchHit]
    more: bool = Field(description="more hits than the limit")


cases = APIRouter(prefix="/cases", tags=["cases"])
persons = APIRouter(prefix="/cases/{case}/persons", tags=["persons"])
documents = APIRouter(prefix="/cases/{case}/documents", tags=["documents"])
judgements = APIRouter(prefix="/cases/{case}/judgements", tags=["judgements"])
uploads = APIRouter(prefix="/cases/{case}/upload", tags=["uploads"])
search = APIRouter(prefix="/search", tags=["search"])


@cases.get("", response_model=list[CasePublic])
def list_cases(request: Request, store: StoreDep) -> list[dict[str, Any]]:
    """Every case the account may read, with its headline: people held now, next date, open conflicts, last update."""
    from ..web.access import readable
    ok = set(readable(request, [c["id"] for c in store.cases()]))
    return service.cases(store, only=ok)


@cases.post("", response_model=CasePublic, status_code=201, dependencies=[Depends(require_client_header)])
def create_case(request: Request, body: CaseCreate, store: StoreDep) -> dict[str, Any]:
    row = service.create_case(store, body.id, body.title)
    request.app.state.accounts.grant(request.state.user.name, row["id"])  # the creator may work on it
    return service.summary(store, {**row, "documents": 0})


@cases.get("/{case}")
def get_case(case: str, store: StoreDep) -> dict[str, Any]:
    """The case file (casewatch.casefile/1)."""
    return service.casefile(store, case, shared=True)


@persons.get("/{pid}")
def get_person(case: str, pid: str, store: StoreDep) -> dict[str, Any]:
    return service.person(service.casefile(store, case, shared=True), pid)


@documents.get("/{doc}")
def get_document(case: str, doc: str, store: StoreDep) -> dict[str, Any]:
    """The stored text with every evidence span of the case that falls in it."""
    return service.document(store, service.casefile(store, case, shared=True), doc)


@judgements.get("", response_model=list[JudgementPublic])
def list_judgements(case: str, store: StoreDep) -> list[dict[str, Any]]:
    """The judgement log, newest first, undone ones included."""
    return service.judgements(store, case)


@judgements.post("", response_model=JudgementPublic, status_code=201, dependencies=[Depends(require_client_header)])
def post_judgement(case: str, body: JudgementCreate, store: StoreDep, settings: SettingsDep) -> dict[str, Any]:
    j = service.add_judgement(store, settings, case, body.kind, body.payload)
    return {"id": j.id, "kind": j.kind, "payload": j.payload, "user": j.user, "created_at": j.created_at, "undone_at": None}


@judgements.post("/{jid}/undo", status_code=204, dependencies=[Depends(require_client_header)])
def undo(case: str, jid: int, store: StoreDep) -> None:
    service.undo_judgement(store, case, jid)


@uploads.post("", response_model=UploadPublic, status_code=201, dependencies=[Depends(require_client_header)])
async def upload(case: str, request: Request, store: StoreDep, settings: SettingsDep,
                 file: Annotated[Optional[UploadFile], File()] = None,
                 text: Annotated[Optional[str], Form()] = None,
                 title: Annotated[Optional[str], Form()] = None,
                 published: Annotated[Optional[str], Form()] = None) -> dict[str, Any]:
    """A report as a file (.txt .md .html .htm .pdf .docx .odt .eml) or as pasted text; over the size limit is 413."""
    from starlette.concurrency import run_in_threadpool
    if len((await request.form()).getlist("file")) > 1:
        raise HTTPException(422, "one file per upload: send the others one by one")  # not silently the last of them
    if file is not None and file.filename:
        name, data = file.filename, await file.read(settings.max_upload_bytes + 1)
    elif text and text.strip():
        name, data = "pasted.txt", text.encode("utf-8")
    else:
        raise HTTPException(422, "send a file or some text")
    rep = await run_in_threadpool(service.upload, store, settings, case, name, data, title, published)
    return {"added": rep.added, "skipped": rep.skipped, "failed": [str(e) for e in rep.failed]}


@search.get("", response_model=SearchPublic, responses={400: {"description": "a search or filter that cannot be read"}})
def get_search(request: Request, store: StoreDep,
               q: Annotated[str, Query(max_length=500, description='words (all must occur), "a phrase", prefix*, OR between two')],
               case: Annotated[Optional[str], Query(max_length=200)] = None,
               person: Annotated[Optional[str], Query(max_length=200, description="a person id of the case (needs case)")] = None,
               provision: Annotated[Optional[str], Query(max_length=300, description="instrument:article[:part], e.g. iccpr:9")] = None,
               event_type: Annotated[Optional[str], Query(max_length=60)] = None,
               limit: Annotated[int, Query(ge=1, le=200)] = 50) -> dict[str, Any]:
    """Full text over the reports and the extracted facts, with filters; each hit links to its quote in the reader."""
    from ..web.access import readable
    only = set(readable(request, [c["id"] for c in store.cases()]))
    return service.search(store, q, case=case, person=person, provision=provision, event_type=event_type, limit=limit,
                          only=only)


def router() -> APIRouter:
    api = APIRouter(prefix="/api")
    for r in (cases, persons, documents, judgements, uploads, search):
        api.include_router(r)
    from .outputs import router as outputs  # dossier, appeal, communication (issue 5)
    api.include_router(outputs)
    return api
