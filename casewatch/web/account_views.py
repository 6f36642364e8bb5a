"""Signing in and out, the first-run page, and the audit log (issue 13)."""
from __future__ import annotations

import hmac
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from ..errors import AlreadyThere, Invalid
from ..store.accounts import SESSION_HOURS
from . import csrf
from .access import SESSION_COOKIE, audit
from .views import page

router = APIRouter(include_in_schema=False)
Checked = [Depends(csrf.verify)]


def _next(url: str) -> str:
    """Only a path of this site ("/cases/x"), never another site ("//evil", "https://…")."""
    return url if url.startswith("/") and not url.startswith("//") and "\\" not in url else "/"


def _signed_in(request: Request, user, target: str) -> Response:  # noqa: ANN001
    accounts = request.app.state.accounts
    token, _ = accounts.open_session(user)
    resp = RedirectResponse(target, status_code=303)
    resp.set_cookie(SESSION_COOKIE, token, httponly=True, samesite="strict", path="/",
                    secure=request.url.scheme == "https", max_age=SESSION_HOURS * 3600)
    return resp


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, next: str = "/") -> HTMLResponse:
    if request.app.state.accounts.count() == 0:
        return page(request, "setup.html", status=409, form={}, token="", error=(
            "no account exists yet: open the one-time link that `casewatch serve` printed, or run "
            "`casewatch user add NAME --role admin`"))
    return page(request, "login.html", next=_next(next), form={})


@router.post("/login", dependencies=Checked)
def login(request: Request, name: Annotated[str, Form()] = "", password: Annotated[str, Form()] = "",
          next: Annotated[str, Form()] = "/") -> Any:
    accounts, throttle = request.app.state.accounts, request.app.state.throttle
    address = request.client.host if request.client else "?"
    if throttle.blocked(f"name:{name}", f"ip:{address}"):
        audit(request, "login_blocked", detail=name)
        return page(request, "login.html", status=429, next=_next(next), form={"name": name},
                    error="too many failed sign-ins: wait a quarter of an hour and try again")
    user = accounts.verify(name, password)
    if user is None:
        throttle.failed(f"name:{name}", f"ip:{address}")
        audit(request, "login_failed", detail=name)
        return page(request, "login.html", status=401, next=_next(next), form={"name": name},
                    error="that name and password do not match an enabled account")
    request.state.user = user
    audit(request, "login")
    return _signed_in(request, user, _next(next))


@router.post("/logout", dependencies=Checked)
def logout(request: Request) -> Any:
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        request.app.state.accounts.close_session(token)
    audit(request, "logout")
    resp = RedirectResponse("/login", status_code=303)
    resp.delete_cookie(SESSION_COOKIE, path="/")
    return resp


@router.get("/setup", response_class=HTMLResponse)
def setup_page(request: Request, token: str = "") -> HTMLResponse:
    if not _setup_open(request, token):
        return page(request, "error.html", status=404, status_code=404, message="there is nothing to set up here")
    return page(request, "setup.html", token=token, form={})


@router.post("/setup", dependencies=Checked)
def setup(request: Request, token: Annotated[str, Form()] = "", name: Annotated[str, Form()] = "",
          password: Annotated[str, Form()] = "") -> Any:
    if not _setup_open(request, token):
        return page(request, "error.html", status=404, status_code=404, message="there is nothing to set up here")
    try:
        user = request.app.state.accounts.add(name, password, "admin")
    except (Invalid, AlreadyThere) as e:
        return page(request, "setup.html", status=422, token=token, form={"name": name}, error=str(e))
    request.app.state.setup_token = None  # one time only
    request.state.user = user
    audit(request, "first_admin", detail=user.name)
    return _signed_in(request, user, "/")


def _setup_open(request: Request, token: str) -> bool:
    expected = request.app.state.setup_token
    return bool(expected and token and hmac.compare_digest(expected, token)) and request.app.state.accounts.count() == 0


@router.get("/admin/audit", response_class=HTMLResponse)
def audit_page(request: Request, case: str = "") -> HTMLResponse:
    rows = request.app.state.accounts.audit(limit=500, case=case or None)
    return page(request, "audit.html", rows=rows, form={"case": case})


@router.get("/api/audit")
def audit_api(request: Request, case: str = "", limit: int = 500) -> JSONResponse:
    return JSONResponse(request.app.state.accounts.audit(limit=max(1, min(limit, 5000)), case=case or None))
