"""Cross-site request protection for the HTML forms.

Signed in, every form carries the token the server issued with the session (kept server-side); before signing
in (the login and first-run forms) a random token lives in a SameSite=Strict cookie and the form carries it in a
hidden field (double submit); a POST whose field does not match is refused (403).
Another site can make a browser post a form here, but it can neither read
the cookie nor (with SameSite=Strict) get it sent along.
"""
from __future__ import annotations

import hmac
import secrets

from fastapi import Form, HTTPException, Request

COOKIE = "cw_csrf"
FIELD = "csrf"


def ensure(request: Request) -> str | None:
    """The request's token (in request.state.csrf); returns it if the cookie must be set."""
    token = request.cookies.get(COOKIE)
    if token and len(token) >= 32:
        request.state.csrf = token
        return None
    request.state.csrf = secrets.token_urlsafe(32)
    return request.state.csrf


def set_cookie(resp, token: str) -> None:  # noqa: ANN001
    resp.set_cookie(COOKIE, token, httponly=True, samesite="strict", path="/")


def check(request: Request, token: str | None) -> None:
    """A signed-in form must carry its session's own token (issued by the server with the session); the forms
    before signing in (login, first run) the double-submit cookie's."""
    expected = getattr(request.state, "session_csrf", None) or request.cookies.get(COOKIE)
    if not expected or not token or not hmac.compare_digest(expected, token):
        raise HTTPException(403, "this form has expired or came from another site: reload the page and try again")


def verify(request: Request, csrf: str = Form("")) -> None:
    """A dependency for form routes."""
    check(request, csrf)
