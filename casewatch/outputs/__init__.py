"""outputs: what casewatch hands to others.  Each exporter is one small module
registered here by name (in the manner of datasette's default plugins)."""
from __future__ import annotations

import json
from typing import Any, Callable

EXPORTERS: dict[str, Callable[[dict[str, Any]], str]] = {}


def exporter(name: str) -> Callable:
    def deco(fn: Callable[[dict[str, Any]], str]) -> Callable[[dict[str, Any]], str]:
        EXPORTERS[name] = fn
        return fn
    return deco


@exporter("casefile")
def casefile_json(cf: dict[str, Any]) -> str:
    """The case file JSON (casewatch.casefile/1)."""
    return json.dumps(cf, ensure_ascii=False, indent=1) + "\n"


# the built-in exporters register themselves on import (datasette's DEFAULT_PLUGINS, in small)
from . import agenda, appeal, ftm, incidents, roster_csv  # noqa: E402,F401
