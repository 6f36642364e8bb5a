"""`casewatch serve`: the web workspace and the JSON API (registered on the main app)."""
from __future__ import annotations

import typer

from . import app, state


@app.command()
def serve(host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
          port: int = typer.Option(8000, "--port", help="Port to listen on.")) -> None:
    """Serve the web workspace and the JSON API (/api, /openapi.json)."""
    import uvicorn

    from ..web import create_app
    uvicorn.run(create_app(state.settings()), host=host, port=port, log_level="info")
