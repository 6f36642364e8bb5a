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


def _later(a: str | None, b: str | None) -> bool:
    """`a` is certainly after `b`: later at the precision both give ("2026-05" after "2026-03-07", not "2026-03"
    after "2026-03-07", which may be the same day or before it); any date is after no date."""
    if a is None:
        return False
    if b is None:
        return True
    n = min(len(a), len(b))
    return a[:n] > b[:n]


def standing(p: dict[str, Any], on: str | None = None) -> list[dict[str, Any]]:
    """The person's measures not yet replaced on the day `on` (ISO; None: by the latest report), in the case file's
    order: each measure begun on or before that day that no other measure begun by then certainly follows (a later
    remand, house arrest, release or sentence replaces it; one begun in the same month as a day-dated one may be
    either side of it, and replaces nothing). The last is the measure in force."""
    begun = [m for m in p.get("measures", []) if _on_or_before(m.get("date"), on)]
    return [m for m in begun if not any(o is not m and _later(o.get("date"), m.get("date")) for o in begun)]


def state(p: dict[str, Any], on: str | None = None) -> dict[str, Any]:
    """Which measure the person is under on the day `on` (ISO; None: by the latest report), since when, and whether
    it holds them. The measures of a case file's person are in the order one supersedes another."""
    now = standing(p, on)
    m = now[-1] if now else None
    if m is None:
        return {"measure": None, "since": None, "length": None, "held": False, "evidence": []}
    return {"measure": m["type"], "since": m.get("date"), "length": m.get("length"),
            "held": m["type"] in held_measures(), "evidence": m.get("evidence", [])}


def measure_ends(cf: dict[str, Any], on: str | None = None) -> list[dict[str, Any]]:
    """The ends of the measures standing on the day `on` (None: by the latest reports) that a report gives a day of
    beginning and a length for ("remanded on 2 March for two months": 2 May), one per measure, start and length,
    with the names of the people under it and the quotes: the agenda's and the overview's ends of measures. A
    measure a later one has replaced (a release, house arrest after remand) ends nothing."""
    from .lengths import add_length, day, parse_length
    groups: dict[tuple[str, str, str], dict[str, Any]] = {}
    for p in cf.get("persons", []):
        for m in standing(p, on):
            start, length = day(m.get("date")), parse_length(m.get("length"))
            if start is None or length is None:
                continue
            g = groups.setdefault((m["type"], m["date"], m["length"]),
                                  {"type": m["type"], "start": m["date"], "length": m["length"],
                                   "end": add_length(start, length).isoformat(), "names": [], "evidence": []})
            g["names"].append(p["name"])
            g["evidence"] += [ev for ev in m.get("evidence", []) if ev not in g["evidence"]]
    return sorted(groups.values(), key=lambda g: (g["end"], g["type"]))


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
