"""`casewatch serve`: the web workspace and the JSON API (registered on the main app)."""
from __future__ import annotations

import typer

from . import app, console, state


@app.command()
def serve(host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
          port: int = typer.Option(8000, "--port", help="Port to listen on."),
          root_path: str = typer.Option("", "--root-path", help="The path a reverse proxy serves casewatch under "
                                        "(e.g. /casewatch)."),
          forwarded_allow_ips: str = typer.Option("127.0.0.1", "--forwarded-allow-ips",
                                                  help="The proxies whose X-Forwarded-For/-Proto are trusted.")) -> None:
    """Serve the web workspace and the JSON API (/api, /openapi.json)."""
    import uvicorn

    from ..web import create_app
    settings = state.settings()
    if host not in ("127.0.0.1", "localhost", "0.0.0.0", "::") and host not in settings.hosts:
        settings.hosts = settings.hosts + (host,)
    web = create_app(settings)
    base = f"http://{host if host not in ('0.0.0.0', '::') else '127.0.0.1'}:{port}"
    if web.state.setup_token:
        console.print(f"no account yet: open {base}/setup?token={web.state.setup_token} once to create the first "
                      "administrator (or run: casewatch user add NAME --role admin)", highlight=False, soft_wrap=True)
    else:
        console.print(f"casewatch at {base}/ (sign in; accounts: casewatch user list)", highlight=False)
    uvicorn.run(web, host=host, port=port, log_level="info", root_path=root_path, proxy_headers=True,
                forwarded_allow_ips=forwarded_allow_ips)
