"""A case's summary for the list of cases: people held now, the next date, open conflicts, people named.

Made from the case file when it is built at write time (an ingest's snapshot) and kept with the case's revision
(store.summaries), so the list of cases reads one row per case instead of building every case file (issue 15).
The next date depends on the day: the summary keeps the dates still ahead when it was made, and the day of
reading picks among them.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from .state import held, held_measures, measure_ends

HELD = tuple(sorted(held_measures()))


def today() -> str:
    return date.today().isoformat()


def held_now(cf: dict[str, Any]) -> list[dict[str, Any]]:
    """The people held by the latest reports (casefile/state.py, as every view counts them)."""
    return held(cf)


def next_dates(cf: dict[str, Any], on: str | None = None) -> list[dict[str, Any]]:
    """The dates still to come on the day `on` (today): the events dated that day or later (a hearing announced for
    a day gone by is past, whatever the report that announced it said), and the ends of the measures in force then
    (casefile/state.py, as the agenda reads them)."""
    on = on or today()
    ends = [{"type": "measure_end", "date": g["end"], "status": "computed",
             "summary": f"end of {g['type'].replace('_', ' ')} ({g['length']}, from {g['start']}) for "
                        f"{', '.join(g['names'])}", "evidence": g["evidence"]} for g in measure_ends(cf, on)]
    return _ahead(cf["events"] + ends, on)


def _ahead(events: list[dict[str, Any]], on: str) -> list[dict[str, Any]]:
    """The events not yet past on the day `on`: dated that day or later at their own precision ("2026-12" is not
    past on 4 December 2026)."""
    out = [e for e in events if e.get("date") and e["date"] >= on[:len(e["date"])]]
    return sorted(out, key=lambda e: e["date"])


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
