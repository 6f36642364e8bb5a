"""The web workspace and the JSON API, built by ``create_app(settings)``.

Nothing is built at import: the CLI's ``serve`` and the tests each make a
Settings and call create_app.  Pages are server-rendered Jinja2 with
autoescape on (report text is untrusted); CSS and JS are served from
static/, no CDN, no build step.  Every page sends a Content-Security-Policy
that allows only our own scripts, as a second wall behind the escaping.
"""
from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import CasewatchError, InputError, Invalid, NotFound
from ..settings import Settings
from ..store import Store
from . import csrf

HERE = Path(__file__).parent
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
UPLOAD_OVERHEAD = 64 * 1024  # multipart framing and the other form fields


def templates() -> Environment:
    from ..ingest.language import name as language_name
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True, trim_blocks=True, lstrip_blocks=True)
    env.filters["language"] = language_name  # 'ru' -> 'Russian'
    return env


def _status(e: CasewatchError) -> int:
    from ..api.service import TooLarge
    if isinstance(e, NotFound):
        return 404
    if isinstance(e, TooLarge):
        return 413
    if isinstance(e, Invalid):
        return 422
    if isinstance(e, InputError):
        return 400
    return 400


def create_app(settings: Settings) -> FastAPI:
    from ..api import router as api_router
    from .views import router as web_router

    from ..store.accounts import Accounts
    from . import access
    store = Store(settings.db_url)
    accounts = Accounts(store)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):  # noqa: ANN202
        yield
        store.close()

    app = FastAPI(lifespan=lifespan, title="casewatch", version="0.1.0", openapi_url="/openapi.json", docs_url=None, redoc_url=None,
                  description="Grounded case files from scattered reports. Writes need the X-Casewatch-Client header.")
    app.state.settings = settings
    app.state.store = store
    app.state.templates = templates()
    app.state.accounts = accounts
    app.state.throttle = access.Throttle()
    # a database with no account: a one-time link makes the first admin (`casewatch serve` prints it)
    app.state.setup_token = access.new_setup_token() if accounts.count() == 0 else None

    def wants_json(request: Request) -> bool:
        return request.url.path.startswith("/api") or request.url.path == "/openapi.json"

    @app.middleware("http")
    async def guard(request: Request, call_next):  # noqa: ANN001
        token = csrf.ensure(request)
        raw = request.headers.get("host", "")
        host = raw if raw.endswith("]") else raw.rsplit(":", 1)[0]  # "[::1]" has colons of its own
        if host not in settings.hosts:
            return _secure(request, JSONResponse({"detail": f"this server does not answer for host {host!r}"},
                                                 status_code=400), None)
        access.identify(request, accounts)
        if request.state.session_csrf:
            request.state.csrf = request.state.session_csrf  # a signed-in form carries its session's own token
        rule, params = access.route_rule(request.scope)
        if not access.allowed(request.state.user, rule, params.get("case"), request.state.granted):
            return _secure(request, access.refuse(request, wants_json(request), request.state.user is not None), token)
        if request.method == "POST" and request.url.path.endswith("/upload"):
            length = request.headers.get("content-length")
            limit = settings.max_upload_bytes + UPLOAD_OVERHEAD
            if length and length.isdigit() and int(length) > limit:
                from ..api.service import size
                msg = f"upload too large ({size(int(length))}; the upload limit is {size(settings.max_upload_bytes)})"
                resp: Response
                if wants_json(request):
                    resp = JSONResponse({"detail": msg}, status_code=413)
                else:
                    from .views import error_page
                    resp = error_page(request, 413, msg)
                resp.headers["Connection"] = "close"
                return _secure(request, resp, token)
        resp = await call_next(request)
        if request.state.user is not None and resp.status_code < 400 and rule not in ("public", None):
            path = request.url.path
            if request.method == "POST" and not path.endswith("/logout"):
                access.audit(request, "change", params.get("case"), f"{request.method} {path}")
            elif path.endswith(access.EXPORTS):
                access.audit(request, "export", params.get("case"), path)
        return _secure(request, resp, token)

    def _secure(request: Request, resp, token: str | None):  # noqa: ANN001
        resp.headers.setdefault("Content-Security-Policy", CSP)
        resp.headers.setdefault("X-Content-Type-Options", "nosniff")
        resp.headers.setdefault("Referrer-Policy", "same-origin")
        resp.headers.setdefault("X-Frame-Options", "DENY")
        if not request.url.path.startswith("/static/"):
            resp.headers.setdefault("Cache-Control", "no-store")  # a case's page stays out of shared caches
        if token:
            csrf.set_cookie(resp, token)
        return resp

    @app.exception_handler(CasewatchError)
    async def casewatch_error(request: Request, e: CasewatchError):  # noqa: ANN202
        code = _status(e)
        if wants_json(request):
            return JSONResponse({"detail": str(e), "code": e.code}, status_code=code)
        from .views import error_page
        return error_page(request, code, str(e))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, e: StarletteHTTPException):  # noqa: ANN202
        if wants_json(request) or not isinstance(e.detail, str):
            return JSONResponse({"detail": e.detail}, status_code=e.status_code, headers=getattr(e, "headers", None))
        from .views import error_page
        return error_page(request, e.status_code, e.detail)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, e: RequestValidationError):  # noqa: ANN202
        if wants_json(request):
            from fastapi.encoders import jsonable_encoder
            return JSONResponse({"detail": jsonable_encoder(e.errors())}, status_code=422)
        from .views import error_page
        return error_page(request, 422, "the form is missing a field or has a bad value")

    from .account_views import router as account_router
    app.include_router(account_router)
    app.include_router(api_router())
    app.include_router(web_router)
    from .outputs import router as outputs_router  # dossier, appeal, communication pages (issue 5)
    app.include_router(outputs_router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    access.check_rules(app)

    return app
