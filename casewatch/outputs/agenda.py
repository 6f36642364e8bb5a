"""The agenda: dates that matter to someone following a case.

- hearings and trial openings (events with a day-precision date);
- reply windows of UN communications: published + Settings.reply_window_days[kind];
- ends of detention measures: a measure's start (day precision) plus its length, for the measures in force
  (casefile/state.py: one a later measure replaced ends nothing).

Every item says what date it was computed from and cites the span that
supports it.  Rendered as plain text or as iCalendar (all-day VEVENTs)."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Any, Iterable, Mapping

from . import exporter
from ..casefile.state import measure_ends
from .common import add_length, date_phrases, day, doc_label, documents, find_span, widen

HEARING_TYPES = {"trial_opened": "Trial opens", "hearing": "Court hearing",
                 "hearing_postponed": "Court hearing (reported postponed)"}
MEASURE_LABELS = {"pretrial_detention": "pretrial detention", "house_arrest": "house arrest",
                  "administrative_sanction": "administrative detention"}
DEFAULT_REPLY_KINDS = ("un_communication",)


@dataclass
class Item:
    case: str
    when: date
    kind: str                      # hearing | reply_due | measure_end
    summary: str
    computed_from: str
    evidence: list[dict[str, Any]] = field(default_factory=list)
    key: str = ""

    @property
    def uid(self) -> str:
        h = hashlib.sha1(f"{self.case}|{self.kind}|{self.key}|{self.when.isoformat()}".encode()).hexdigest()[:20]
        return f"{h}@casewatch"


def _reply_windows(reply_window_days: Mapping[str, int] | None) -> Mapping[str, int]:
    if reply_window_days is not None:
        return reply_window_days
    from ..settings import Settings
    return Settings().reply_window_days


def _hearings(cf: dict[str, Any], case: str) -> Iterable[Item]:
    seen: set[tuple[str, date]] = set()
    for e in cf.get("events", []):
        when = day(e.get("date"))
        if e.get("type") not in HEARING_TYPES or when is None or (e["type"], when) in seen:
            continue
        seen.add((e["type"], when))
        label = HEARING_TYPES[e["type"]]
        if e.get("status") == "announced":
            label += " (announced)"
        yield Item(case, when, "hearing", f"{label}: {e.get('summary', '')}".strip(),
                   f"the date given in the text ({e['date']})", list(e.get("evidence", [])), key=f"{e['type']}")


def _replies(cf: dict[str, Any], case: str, windows: Mapping[str, int], kinds: Iterable[str]) -> Iterable[Item]:
    from ..ingest import detect_un_reference
    from .dossier import received
    letters = set()
    # the UN communications recorded in the case: the letter's own date line, its reference, their spans
    for c in received(cf):
        sent = day(c.get("date"))
        kind = c.get("kind")
        if sent is None or kind not in kinds or kind not in windows:
            continue
        letters.add(c["doc"])
        n = int(windows[kind])
        yield Item(case, add_length(sent, (n, "days")), "reply_due", f"Reply due to UN communication {c['reference']}",
                   f"{n} days after the communication's date {sent.isoformat()} ({kind.replace('_', ' ')})",
                   list(c.get("evidence", [])), key=f"{c['doc']}")
    for doc in cf.get("documents", []):
        kind = doc.get("kind")
        published = day(doc.get("published"))
        if doc["id"] in letters or kind not in kinds or kind not in windows or published is None:
            continue
        n = int(windows[kind])
        ref = detect_un_reference(doc.get("text", "")) or doc.get("title") or doc["id"]
        evidence = []
        span = find_span(doc.get("text", ""), ref)
        if span:
            evidence.append({"doc": doc["id"], **span})
        for phrase in date_phrases(published):
            span = find_span(doc.get("text", ""), phrase)
            if span:
                evidence.append({"doc": doc["id"], **span})
                break
        yield Item(case, add_length(published, (n, "days")), "reply_due",
                   f"Reply due to UN communication {ref}",
                   f"{n} days after the communication's date {published.isoformat()} ({kind.replace('_', ' ')})",
                   evidence, key=f"{doc['id']}")


def _measure_ends(cf: dict[str, Any], case: str) -> Iterable[Item]:
    """The ends of the measures in force by the latest reports (casefile/state.py, as the overview reads them)."""
    for g in measure_ends(cf):
        label = MEASURE_LABELS.get(g["type"], g["type"].replace("_", " "))
        names = ", ".join(g["names"])
        yield Item(case, day(g["end"]), "measure_end", f"End of {label} ({g['length']}) for {names}",
                   f"start {g['start']} + {g['length']}", g["evidence"], key=f"{g['type']}|{g['length']}|{names}")


def agenda_items(cf: dict[str, Any], reply_window_days: Mapping[str, int] | None = None,
                 reply_kinds: Iterable[str] = DEFAULT_REPLY_KINDS) -> list[Item]:
    """All dated items of one case file, in date order."""
    case = cf.get("case") or cf.get("title") or ""
    windows = _reply_windows(reply_window_days)
    items = [*_hearings(cf, case), *_replies(cf, case, windows, tuple(reply_kinds)), *_measure_ends(cf, case)]
    return sorted(items, key=lambda i: (i.when, i.kind, i.summary))


def _source_lines(cf: dict[str, Any], item: Item, most: int = 2) -> list[str]:
    docs = documents(cf)
    out = []
    for ev in item.evidence[:most]:
        doc = docs.get(ev["doc"], {"id": ev["doc"]})
        out.append(f"{doc_label(doc)}: “{widen(cf, ev)['quote']}”")
    return out


def render_text(cases: list[dict[str, Any]], today: date | None = None,
                reply_window_days: Mapping[str, int] | None = None) -> str:
    today = today or date.today()
    rows: list[tuple[Item, dict[str, Any]]] = []
    for cf in cases:
        rows += [(i, cf) for i in agenda_items(cf, reply_window_days)]
    rows.sort(key=lambda r: (r[0].when, r[0].case))
    lines = [f"Agenda as of {today.isoformat()}"]
    for title, part in (("Upcoming", [r for r in rows if r[0].when >= today]),
                        ("Past", [r for r in rows if r[0].when < today])):
        lines += ["", f"{title} ({len(part)})"]
        if not part:
            lines.append("  (nothing)")
        for item, cf in part:
            case = f"[{item.case}] " if len(cases) > 1 else ""
            lines.append(f"  {item.when.isoformat()}  {case}{item.summary}")
            lines.append(f"      computed from: {item.computed_from}")
            for s in _source_lines(cf, item):
                lines.append(f"      source: {s}")
    return "\n".join(lines) + "\n"


def render_ics(cases: list[dict[str, Any]], reply_window_days: Mapping[str, int] | None = None,
               stamp: datetime | None = None) -> bytes:
    from icalendar import Calendar, Event
    cal = Calendar()
    cal.add("prodid", "-//casewatch//agenda//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "casewatch: " + ", ".join(cf.get("title") or cf.get("case") or "" for cf in cases))
    stamp = stamp or datetime.now(timezone.utc).replace(microsecond=0)
    for cf in cases:
        for item in agenda_items(cf, reply_window_days):
            ev = Event()
            ev.add("uid", item.uid)
            ev.add("dtstamp", stamp)
            ev.add("dtstart", item.when)                       # a date: an all-day event
            ev.add("dtend", item.when.fromordinal(item.when.toordinal() + 1))
            ev.add("summary", f"[{item.case}] {item.summary}" if len(cases) > 1 else item.summary)
            desc = [f"Computed from: {item.computed_from}"] + [f"Source: {s}" for s in _source_lines(cf, item, most=3)]
            ev.add("description", "\n".join(desc))
            ev.add("categories", [item.kind])
            cal.add_component(ev)
    return cal.to_ical()


@exporter("agenda")
def agenda_text(cf: dict[str, Any]) -> str:
    """Upcoming and past dates as plain text."""
    return render_text([cf])


@exporter("ics")
def agenda_ics(cf: dict[str, Any]) -> bytes:
    """The agenda as iCalendar (all-day events)."""
    return render_ics([cf])
