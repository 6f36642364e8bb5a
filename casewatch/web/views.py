"""The pages: thin handlers over api.service, rendered with Jinja2 (autoescape on)."""
from __future__ import annotations

from typing import Annotated, Any, Optional

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.concurrency import run_in_threadpool

from ..api import SettingsDep, StoreDep
from ..api import service
from ..errors import InputError, Invalid, NotFound
from ..model import vocab
from ..store import BadQuery
from . import csrf
from .highlight import render as highlight

router = APIRouter(include_in_schema=False)
Checked = [Depends(csrf.verify)]


def page(request: Request, name: str, status: int = 200, **ctx: Any) -> HTMLResponse:
    env = request.app.state.templates
    settings = request.app.state.settings
    html = env.get_template(name).render(request=request, csrf_token=request.state.csrf, settings=settings,
                                         size=service.size, accepted=service.ACCEPTED, **ctx)
    return HTMLResponse(html, status_code=status)


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    if not hasattr(request.state, "csrf"):
        csrf.ensure(request)
    return page(request, "error.html", status=status, status_code=status, message=message)


def see(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def case_ctx(store, case: str) -> dict[str, Any]:  # noqa: ANN001
    cf = service.casefile(store, case, shared=True)  # the templates only read it
    return {"cf": cf, "case": case, "info": store.case(case), "pid_of": {p["id"]: p for p in cf["persons"]},
            "docs": {d["id"]: d for d in cf["documents"]}, "open_conflicts": service.open_conflicts(cf)}


@router.get("/", response_class=HTMLResponse)
def cases_page(request: Request, store: StoreDep) -> HTMLResponse:
    return page(request, "cases.html", cases=service.cases(store, only=_readable(request, store)))


def _readable(request: Request, store) -> set[str]:  # noqa: ANN001
    from .access import readable
    return set(readable(request, [c["id"] for c in store.cases()]))


@router.post("/cases", dependencies=Checked)
def create_case(request: Request, store: StoreDep, id: Annotated[str, Form()] = "",
                title: Annotated[str, Form()] = "") -> Any:
    try:
        service.create_case(store, id, title)
    except Invalid as e:
        return page(request, "cases.html", status=422, cases=service.cases(store, only=_readable(request, store)),
                    error=str(e), form={"id": id, "title": title})
    request.app.state.accounts.grant(request.state.user.name, id.strip())  # the creator may work on it
    return see(f"/cases/{id.strip()}")


PAGE = 100  # people and reports on one page of the overview: a case of thousands is read a page at a time


def paged(items: list[Any], n: int) -> dict[str, Any]:
    """Page n (from 1) of items: the items, the page, the number of pages."""
    pages = max(1, -(-len(items) // PAGE))
    n = min(max(1, n), pages)
    return {"items": items[(n - 1) * PAGE:n * PAGE], "page": n, "pages": pages, "total": len(items),
            "first": (n - 1) * PAGE + 1}


@router.get("/cases/{case}", response_class=HTMLResponse)
def overview(request: Request, case: str, store: StoreDep, added: Optional[str] = None,
             people: Annotated[int, Query(ge=1, le=100000)] = 1,
             reports: Annotated[int, Query(ge=1, le=100000)] = 1) -> HTMLResponse:
    ctx = case_ctx(store, case)
    cf = ctx["cf"]
    return page(request, "overview.html", tab="overview", added=added, held=service.held_now(cf),
                headline=service.headline(cf), chosen=service.CHOSEN, others_text=service.others_text,
                next_dates=service.next_dates(cf), roster=paged(cf["persons"], people),
                reports=paged(cf["documents"], reports), **ctx)


@router.get("/cases/{case}/timeline", response_class=HTMLResponse)
def timeline(request: Request, case: str, store: StoreDep,
             person: Annotated[str, Query(max_length=300)] = "",
             kind: Annotated[str, Query(max_length=100)] = "") -> HTMLResponse:
    """The events, filtered by person and kind (a plain GET form: a filtered timeline has its own address)."""
    ctx = case_ctx(store, case)
    tl = service.timeline(ctx["cf"], person, kind)
    return page(request, "timeline.html", tab="timeline", tl=tl, events=tl["events"], today=service.today(), **ctx)


@router.get("/cases/{case}/persons/{pid}", response_class=HTMLResponse)
def person(request: Request, case: str, pid: str, store: StoreDep) -> HTMLResponse:
    ctx = case_ctx(store, case)
    return page(request, "person.html", tab="overview", p=service.person(ctx["cf"], pid), roles=vocab()["roles"], **ctx)


def with_hit(d: dict[str, Any], hl: str | None) -> None:
    """A search hit's passage (hl=START-END) joins the spans, so #s-START-END finds it even where no fact is."""
    if not hl:
        return
    start, end = (int(x) for x in hl.split("-"))
    if not 0 <= start < end <= len(d["text"]):
        return
    for s in d["spans"]:
        if (s["start"], s["end"]) == (start, end):
            s["kinds"].append("hit")
            return
    d["spans"].append({"id": f"s-{start}-{end}", "start": start, "end": end, "quote": d["text"][start:end],
                       "kinds": ["hit"], "labels": ["search match"]})
    d["spans"].sort(key=lambda s: (s["start"], -s["end"]))


@router.get("/cases/{case}/documents/{doc}", response_class=HTMLResponse)
def reader(request: Request, case: str, doc: str, store: StoreDep,
           hl: Annotated[Optional[str], Query(pattern=r"^\d{1,9}-\d{1,9}$")] = None) -> HTMLResponse:
    ctx = case_ctx(store, case)
    d = service.document(store, ctx["cf"], doc)
    with_hit(d, hl)
    kinds = sorted({k for s in d["spans"] for k in s["kinds"]})
    return page(request, "reader.html", tab="documents", d=d, body=highlight(d["text"], d["spans"]), kinds=kinds, **ctx)


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, store: StoreDep, q: str = "", case: str = "", person: str = "", provision: str = "",
           event_type: str = "") -> HTMLResponse:
    form = {"q": q, "case": case, "person": person, "provision": provision, "event_type": event_type}
    only = _readable(request, store)
    ctx: dict[str, Any] = {"tab": "search", "form": form, "all_cases": [c for c in store.cases() if c["id"] in only], "event_types": vocab()["event_types"],
                           "persons": [], "provisions": [], "provision_value": service.provision_value,
                           "provision_label": service.provision_label}
    status, error, res = 200, None, None
    if case.strip():
        try:
            if case.strip() not in only:
                raise NotFound(f"no case {case.strip()!r}")
            ctx.update(case_ctx(store, case.strip()))
            ctx["persons"] = sorted(ctx["cf"]["persons"], key=lambda p: p["name"].casefold())
            ctx["provisions"] = ctx["cf"]["provisions"]
        except NotFound as e:
            status, error = 404, str(e)
    if q.strip() and error is None:
        try:
            res = service.search(store, q, case=case, person=person, provision=provision, event_type=event_type,
                                 only=only)
        except BadQuery as e:
            status, error = 400, str(e)
        except NotFound as e:
            status, error = 404, str(e)
    return page(request, "search.html", status=status, error=error, res=res, **ctx)


@router.get("/cases/{case}/conflicts", response_class=HTMLResponse)
def conflicts(request: Request, case: str, store: StoreDep) -> HTMLResponse:
    return page(request, "conflicts.html", tab="conflicts", **case_ctx(store, case))


@router.get("/cases/{case}/review", response_class=HTMLResponse)
def review(request: Request, case: str, store: StoreDep) -> HTMLResponse:
    ctx = case_ctx(store, case)
    return page(request, "review.html", tab="review", names=service.names(ctx["cf"]),
                history=service.judgements(store, case), **ctx)


def _judge(request: Request, store, settings, case: str, kind: str, payload: dict[str, Any], back: str) -> Any:  # noqa: ANN001
    try:
        service.add_judgement(store, settings, case, kind, payload)
    except Invalid as e:
        return error_page(request, 422, str(e))
    return see(back)


@router.post("/cases/{case}/conflicts", dependencies=Checked)
def resolve_conflict(request: Request, case: str, store: StoreDep, settings: SettingsDep,
                     key: Annotated[str, Form()] = "", stands: Annotated[str, Form()] = "",
                     note: Annotated[str, Form()] = "") -> Any:
    return _judge(request, store, settings, case, "conflict", {"key": key, "stands": stands, "note": note},
                  f"/cases/{case}/conflicts")


@router.post("/cases/{case}/review/merge", dependencies=Checked)
def merge(request: Request, case: str, store: StoreDep, settings: SettingsDep,
          a: Annotated[str, Form()] = "", b: Annotated[str, Form()] = "") -> Any:
    return _judge(request, store, settings, case, "merge", {"kind": "person", "a": a, "b": b}, f"/cases/{case}/review")


@router.post("/cases/{case}/review/split", dependencies=Checked)
def split(request: Request, case: str, store: StoreDep, settings: SettingsDep, name: Annotated[str, Form()] = "") -> Any:
    return _judge(request, store, settings, case, "split", {"kind": "person", "name": name}, f"/cases/{case}/review")


@router.post("/cases/{case}/review/reject", dependencies=Checked)
def reject(request: Request, case: str, store: StoreDep, settings: SettingsDep, name: Annotated[str, Form()] = "") -> Any:
    return _judge(request, store, settings, case, "reject_entity", {"kind": "person", "name": name}, f"/cases/{case}/review")


@router.post("/cases/{case}/review/sensitive", dependencies=Checked)
def mark_sensitive(request: Request, case: str, store: StoreDep, settings: SettingsDep,
                   name: Annotated[str, Form()] = "") -> Any:
    return _judge(request, store, settings, case, "sensitive", {"kind": "person", "name": name}, f"/cases/{case}/review")


@router.post("/cases/{case}/review/role", dependencies=Checked)
def role(request: Request, case: str, store: StoreDep, settings: SettingsDep, name: Annotated[str, Form()] = "",
         role: Annotated[str, Form()] = "", remove: Annotated[str, Form()] = "", back: Annotated[str, Form()] = "") -> Any:
    target = back if back.startswith(f"/cases/{case}/") else f"/cases/{case}/review"
    return _judge(request, store, settings, case, "role", {"name": name, "role": role, "remove": remove == "1"}, target)


@router.post("/cases/{case}/judgements/{jid}/undo", dependencies=Checked)
def undo(request: Request, case: str, jid: int, store: StoreDep, back: Annotated[str, Form()] = "") -> Any:
    service.undo_judgement(store, case, jid)
    return see(back if back.startswith(f"/cases/{case}/") else f"/cases/{case}/review")


@router.get("/cases/{case}/upload", response_class=HTMLResponse)
def upload_page(request: Request, case: str, store: StoreDep) -> HTMLResponse:
    return page(request, "upload.html", tab="upload", **case_ctx(store, case))


@router.post("/cases/{case}/upload")
async def upload(request: Request, case: str, store: StoreDep, settings: SettingsDep) -> Any:
    # parsed here, not by Form() parameters, so the size check in create_app's middleware runs first
    async with request.form(max_files=1, max_fields=10, max_part_size=settings.max_upload_bytes + 1024) as form:
        csrf.check(request, form.get(csrf.FIELD))  # type: ignore[arg-type]
        file, text = form.get("file"), form.get("text")
        title, published = str(form.get("title") or ""), str(form.get("published") or "")
        if file is not None and not isinstance(file, str) and file.filename:
            name, data = file.filename, await file.read(settings.max_upload_bytes + 1)
        elif isinstance(text, str) and text.strip():
            name, data = "pasted.txt", text.encode("utf-8")
        else:
            name, data = "", b""
    ctx = await run_in_threadpool(case_ctx, store, case)
    if not data:
        return page(request, "upload.html", status=422, tab="upload", error="choose a file or paste the report's text", **ctx)
    try:
        rep = await run_in_threadpool(service.upload, store, settings, case, name, data, title, published or None)
    except InputError as e:
        code = 413 if isinstance(e, service.TooLarge) else 400
        return page(request, "upload.html", status=code, tab="upload", error=str(e), **ctx)
    if not rep.added:  # an e-mail may be new while its attachments are stored already
        return page(request, "upload.html", tab="upload", notice=f"{name} is already in this case: nothing added", **ctx)
    return see(f"/cases/{case}?added={name}")
