"""Steps a told step implies (data/steps.yaml): a sentence pronounced is a conviction on that day, where no
report tells the conviction on a day of its own shortly before.  The implied step carries the evidence of the
step that implies it, and is never made from a ruling on appeal nor an administrative penalty (data/steps.yaml)."""
from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import yaml

from ..model import Event
from .lengths import day as _day

DATA = Path(__file__).parent / "data" / "steps.yaml"


@lru_cache(maxsize=None)
def _implies() -> dict[str, dict]:
    with open(DATA, encoding="utf-8") as fh:
        return yaml.safe_load(fh)["implies"]


def _first_day(d: str) -> date | None:
    """The first day a date at any precision may stand for ("2014-12" -> 1 December 2014)."""
    parts = (d.split("-") + ["01", "01"])[:3]
    try:
        return date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        return None


def implied_steps(items: list[tuple[str, Event]]) -> list[tuple[str, Event]]:
    """The steps `items` (report id, event) imply and do not tell."""
    rules = _implies()
    out: list[tuple[str, Event]] = []
    for kind, rule in rules.items():
        step, within = rule["step"], timedelta(days=int(rule.get("within_days", 0)))
        apart = set(rule.get("not_with", []))
        other_spans = {(d, e.start, e.end) for d, ev in items if ev.type in apart for e in ev.evidence}
        not_when = re.compile(rule["not_when"], re.I) if rule.get("not_when") else None
        told = [(_first_day(ev.date), ev.date) for _, ev in items if ev.type == step and ev.date and not ev.date_inferred]
        made: set[str] = set()
        for doc, ev in items:
            day = _day(ev.date)
            if ev.type != kind or day is None or ev.date_inferred or ev.status != "happened" or ev.date in made:
                continue
            if any((doc, e.start, e.end) in other_spans for e in ev.evidence) or \
                    (not_when is not None and not_when.search(ev.summary or "")):
                continue  # "the appeals court reduced the sentence to …", "sentenced to 15 days": no conviction here
            if any(t is not None and (day - within <= t <= day or day.isoformat().startswith(raw)) for t, raw in told):
                continue  # the conviction is told on a day of its own
            made.add(ev.date)
            out.append((doc, Event(type=step, date=ev.date, evidence=list(ev.evidence), participants=list(ev.participants),
                                   summary=ev.summary, status="happened")))
    return out
