"""Who may open which page or call which endpoint (issue 13).

Every route of the app has a rule in RULES, looked up by method and path template; a route without one is
refused to everyone (and `tests/web/test_access.py` fails), so a new page cannot ship open by accident.

- ``public``: the login and first-run pages, static files;
- ``user``: any signed-in account (the case list and search show only the cases it may read);
- ``create``: an editor or an admin (a new case is granted to its creator);
- ``read`` / ``write``: the case in the path, read by a viewer, editor or admin it is granted to, written by an
  editor or admin;
- ``admin``: accounts and the audit log.

A browser signs in with a password and keeps a server-side session (an HttpOnly, SameSite=Strict cookie that
ends after 12 hours or at logout); a script sends ``Authorization: Bearer <token>`` (``casewatch user token``).
There is no anonymous access, on loopback either: another local user or a web page open in the same browser
must not read a case.  A database without accounts serves only the first-run page, through a one-time link
``casewatch serve`` prints.
"""
from __future__ import annotations

import secrets
import time
from collections import defaultdict, deque
from typing import Any
from urllib.parse import quote

from fastapi import Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, compile_path

from ..store.accounts import Accounts, User

SESSION_COOKIE = "cw_session"

RULES: dict[tuple[str, str], str] = {
    ("GET", "/login"): "public", ("POST", "/login"): "public", ("POST", "/logout"): "user",
    ("GET", "/setup"): "public", ("POST", "/setup"): "public",
    ("GET", "/admin/audit"): "admin", ("GET", "/api/audit"): "admin",
    ("GET", "/"): "user", ("GET", "/search"): "user", ("POST", "/cases"): "create",
    ("GET", "/cases/{case}"): "read", ("GET", "/cases/{case}/timeline"): "read",
    ("GET", "/cases/{case}/persons/{pid}"): "read", ("GET", "/cases/{case}/documents/{doc}"): "read",
    ("GET", "/cases/{case}/conflicts"): "read",
    # the review page and the judgement log name the people marked sensitive: for those who may judge
    ("GET", "/cases/{case}/review"): "write", ("GET", "/api/cases/{case}/judgements"): "write",
    ("POST", "/cases/{case}/conflicts"): "write", ("POST", "/cases/{case}/review/merge"): "write",
    ("POST", "/cases/{case}/review/split"): "write", ("POST", "/cases/{case}/review/reject"): "write",
    ("POST", "/cases/{case}/review/role"): "write", ("POST", "/cases/{case}/review/sensitive"): "write", ("POST", "/cases/{case}/judgements/{jid}/undo"): "write",
    ("GET", "/cases/{case}/upload"): "write", ("POST", "/cases/{case}/upload"): "write",
    # the outputs a case is exported to: read access (an export is logged in the audit)
    ("GET", "/cases/{case}/dossier"): "read", ("GET", "/cases/{case}/appeal"): "read",
    ("GET", "/cases/{case}/communication"): "read", ("GET", "/cases/{case}/{kind}.pdf"): "read",
    # the API
    ("GET", "/openapi.json"): "user",
    ("GET", "/api/cases"): "user", ("POST", "/api/cases"): "create",
    ("GET", "/api/cases/{case}"): "read", ("GET", "/api/cases/{case}/persons/{pid}"): "read",
    ("GET", "/api/cases/{case}/documents/{doc}"): "read",
    ("POST", "/api/cases/{case}/judgements"): "write", ("POST", "/api/cases/{case}/judgements/{jid}/undo"): "write",
    ("POST", "/api/cases/{case}/upload"): "write", ("GET", "/api/search"): "user",
    ("GET", "/api/cases/{case}/dossier"): "read", ("GET", "/api/cases/{case}/appeal"): "read",
    ("GET", "/api/cases/{case}/communication"): "read", ("GET", "/api/cases/{case}/communications"): "read",
    ("GET", "/static"): "public",
}
EXPORTS = ("/dossier", "/appeal", "/communication", ".pdf", "/communications")


def all_routes(app: Any) -> list[tuple[str, str]]:
    """(method, path template) of every route the app serves, through included routers at any depth."""
    out: list[tuple[str, str]] = []

    def walk(routes: Any, prefix: str) -> None:
        for r in routes:
            if hasattr(r, "original_router"):  # FastAPI's wrapper of an included router
                walk(r.original_router.routes, prefix + (r.include_context.prefix or ""))
            elif isinstance(r, Mount):
                out.append(("GET", prefix + r.path))
            elif hasattr(r, "methods") and hasattr(r, "path"):
                out.extend((m, prefix + r.path) for m in sorted(r.methods or ()) if m != "HEAD")
    walk(app.router.routes, "")
    return out


def check_rules(app: Any) -> None:
    """Every route has a rule, or the app does not start: a page added without one is never served open."""
    missing = sorted({f"{m} {p}" for m, p in all_routes(app) if (m, p) not in RULES})
    if missing:
        raise RuntimeError("routes with no access rule in web/access.py RULES: " + ", ".join(missing))


_COMPILED: list[tuple[str, Any, str]] = []


def route_rule(scope: dict[str, Any]) -> tuple[str | None, dict[str, Any]]:
    """The rule of the route this request is for, and the path's parameters; (None, {}) for no route."""
    if not _COMPILED:
        for (method, path), rule in RULES.items():
            _COMPILED.append((method, compile_path(path)[0], rule))
    path = scope["path"]
    if path.startswith("/static/"):
        return "public", {}
    method = "GET" if scope["method"] == "HEAD" else scope["method"]
    for m, rx, rule in _COMPILED:
        hit = rx.match(path)
        if hit and m == method:
            return rule, hit.groupdict()
    return None, {}


class Throttle:
    """At most `most` failed logins per name and per address in `window` seconds: then the form waits."""

    def __init__(self, most: int = 5, window: float = 900.0):
        self.most, self.window = most, window
        self.fails: dict[str, deque[float]] = defaultdict(deque)

    def blocked(self, *keys: str) -> bool:
        now = time.monotonic()
        for k in keys:
            q = self.fails[k]
            while q and now - q[0] > self.window:
                q.popleft()
            if len(q) >= self.most:
                return True
        return False

    def failed(self, *keys: str) -> None:
        for k in keys:
            self.fails[k].append(time.monotonic())


def identify(request: Request, accounts: Accounts) -> None:
    """request.state.user (or None) from the session cookie or a bearer token; request.state.session_csrf."""
    request.state.user, request.state.session_csrf, request.state.granted = None, None, frozenset()
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        found = accounts.session(token)
        if found:
            request.state.user, request.state.session_csrf = found
    auth = request.headers.get("authorization", "")
    if request.state.user is None and auth[:7].lower() == "bearer ":
        request.state.user = accounts.token_user(auth[7:].strip())
    if request.state.user is not None:
        request.state.granted = accounts.granted(request.state.user.name)


def allowed(user: User | None, rule: str | None, case: str | None, granted: frozenset[str]) -> bool:
    """`rule` None: no route serves the path (a signed-in account then gets the 404 page; nobody else anything)."""
    if rule == "public":
        return True
    if user is None:
        return False
    if rule is None:
        return True
    if rule == "user":
        return True
    if rule == "create":
        return user.role in ("admin", "editor")
    return user.can(rule, case, granted)


def refuse(request: Request, json: bool, signed_in: bool) -> Response:
    if not signed_in:
        if json:
            return JSONResponse({"detail": "sign in first: send Authorization: Bearer <token> (casewatch user token)"},
                                status_code=401, headers={"WWW-Authenticate": "Bearer"})
        nxt = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/login?next={quote(nxt, safe='')}", status_code=303)
    msg = "your account may not do this here"
    if json:
        return JSONResponse({"detail": msg}, status_code=403)
    from .views import error_page
    return error_page(request, 403, msg)


def readable(request: Request, case_ids: list[str]) -> list[str]:
    """The case ids of a list that the signed-in account may read."""
    user: User | None = request.state.user
    if user is None:
        return []
    return [c for c in case_ids if user.can("read", c, request.state.granted)]


def audit(request: Request, action: str, case: str | None = None, detail: str = "") -> None:
    user = getattr(request.state, "user", None)
    request.app.state.accounts.log(user.name if user else None, action, case, detail,
                                   request.client.host if request.client else None)


def new_setup_token() -> str:
    return secrets.token_urlsafe(24)
