"""A case's summary for the list of cases: people held now, the next date, open conflicts, people named.

Made from the case file when it is built at write time (an ingest's snapshot) and kept with the case's revision
(store.summaries), so the list of cases reads one row per case instead of building every case file (issue 15).
The next date depends on the day: the summary keeps the dates still ahead when it was made, and the day of
reading picks among them.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from .state import held, held_measures

HELD = tuple(sorted(held_measures()))


def today() -> str:
    return date.today().isoformat()


def held_now(cf: dict[str, Any]) -> list[dict[str, Any]]:
    """The people held by the latest reports (casefile/state.py, as every view counts them)."""
    return held(cf)


def next_dates(cf: dict[str, Any], on: str | None = None) -> list[dict[str, Any]]:
    """Events still to come: announced, or dated today or later."""
    return _ahead(cf["events"], on or today())


def _ahead(events: list[dict[str, Any]], on: str) -> list[dict[str, Any]]:
    out = [e for e in events if e.get("status") == "announced" or (e.get("date") and e["date"] >= on[:len(e["date"])])]
    return sorted(out, key=lambda e: e.get("date") or "9999")


def open_conflicts(cf: dict[str, Any]) -> list[dict[str, Any]]:
    return [c for c in cf["conflicts"] if c.get("status") != "resolved"]


def summarize(cf: dict[str, Any], on: str | None = None) -> dict[str, Any]:
    """What the list of cases shows of a case file, the dates still ahead on the day `on` included."""
    return {"held_now": len(held_now(cf)), "persons": len(cf["persons"]), "open_conflicts": len(open_conflicts(cf)),
            "documents": len(cf["documents"]), "ahead": next_dates(cf, on), "made_on": on or today()}


def next_date(summary: dict[str, Any], on: str | None = None) -> dict[str, Any] | None:
    """The next date on the day `on` (today), from the dates a summary kept as still ahead when it was made."""
    on = on or today()
    if on < summary.get("made_on", on):
        return None  # made after the day asked about: not a summary for that day
    ahead = _ahead(summary["ahead"], on)
    return ahead[0] if ahead else None
