"""A person's state at a date, and the dated history of their measures: one reading for every view.

The roster (`current_measure`, `current_since`), the headline's "held now", the list of cases, the dossier, the
appeal, the agenda's ends of measures and `changes` all ask `state` which measure a person is under and whether it
holds them, so no two of them count the held differently (issue 14: the web said 4 held, the dossier 3).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..model import vocab


@lru_cache(maxsize=1)
def held_measures() -> frozenset[str]:
    """The measures under which a person is held (model/data/vocab.yaml: held_measures)."""
    return frozenset(vocab()["held_measures"])


def _on_or_before(date: str | None, on: str | None) -> bool:
    """An undated measure stands before every dated one; a date given to the month or year counts from its start."""
    return on is None or date is None or date <= on[:len(date)]


def state(p: dict[str, Any], on: str | None = None) -> dict[str, Any]:
    """Which measure the person is under on the day `on` (ISO; None: by the latest report), since when, and whether
    it holds them. The measures of a case file's person are in the order one supersedes another."""
    m = next((m for m in reversed(p.get("measures", [])) if _on_or_before(m.get("date"), on)), None)
    if m is None:
        return {"measure": None, "since": None, "length": None, "held": False, "evidence": []}
    return {"measure": m["type"], "since": m.get("date"), "length": m.get("length"),
            "held": m["type"] in held_measures(), "evidence": m.get("evidence", [])}


VICTIM_ROLES = frozenset({"defendant", "detainee"})


def held(cf: dict[str, Any], on: str | None = None) -> list[dict[str, Any]]:
    """The people of a case file held on the day `on` (None: now, by the latest reports): the defendants and
    detainees under a measure that holds them (an official or a diplomat a report names beside a measure is not)."""
    return [p for p in cf.get("persons", []) if VICTIM_ROLES & set(p.get("roles", [])) and state(p, on)["held"]]


def history(p: dict[str, Any], events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A person's measures as a dated history, oldest first and the undated last: each measure the case file keeps
    for them, and each event that puts them under a measure, extends or ends one (a remand renewed, a release),
    joined where they are the same step (same kind, the same date or one the beginning of the other)."""
    kinds = set(vocab()["measures"]) | {"measure_extended"}
    steps: list[dict[str, Any]] = [{"type": m["type"], "date": m.get("date"), "length": m.get("length"),
                                    "status": "happened", "evidence": list(m.get("evidence", []))}
                                   for m in p.get("measures", [])]
    for e in events:
        if e["type"] not in kinds or p["id"] not in e.get("participants", []):
            continue
        same = next((s for s in steps if s["type"] == e["type"] and _same_day(s["date"], e.get("date"))), None)
        if same is None:
            steps.append({"type": e["type"], "date": e.get("date"), "length": None, "status": e.get("status"),
                          "evidence": list(e.get("evidence", []))})
            continue
        same["date"] = max(same["date"] or "", e.get("date") or "", key=len) or None
        have = {(ev["doc"], ev["start"]) for ev in same["evidence"]}
        same["evidence"] += [ev for ev in e.get("evidence", []) if (ev["doc"], ev["start"]) not in have]
    current = state(p)
    for s in steps:
        s["sources"] = len({ev["doc"] for ev in s["evidence"]})
        s["current"] = s["type"] == current["measure"] and s["date"] == current["since"]
    return sorted(steps, key=lambda s: (s["date"] is None, s["date"] or ""))


def _same_day(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return a.startswith(b) or b.startswith(a)
