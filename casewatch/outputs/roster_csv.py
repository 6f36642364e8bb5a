"""The roster as CSV: one row per person."""
from __future__ import annotations

import csv
import io
from typing import Any

from . import exporter
from .common import widen

COLUMNS = ["id", "name", "aliases", "roles", "current_measure", "since", "sources", "first_quote", "first_doc", "first_context"]


@exporter("csv")
def roster_csv(cf: dict[str, Any]) -> str:
    """One row per person: name, aliases, roles, current measure, since, sources, first evidence quote."""
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(COLUMNS)
    for p in cf.get("persons", []):
        ev = p.get("evidence") or [{}]
        w.writerow([p["id"], p["name"], "; ".join(a for a in p.get("aliases", []) if a != p["name"]),
                    "; ".join(p.get("roles", [])), p.get("current_measure") or "", p.get("current_since") or "",
                    p.get("sources", len({e["doc"] for e in p.get("evidence", [])})),
                    ev[0].get("quote", ""), ev[0].get("doc", ""), widen(cf, ev[0])["quote"] if ev[0] else ""])
    return buf.getvalue()
