"""What changed between two case files (two snapshots of one case).

New documents, new people, changed current measures, new events, new and
resolved conflicts, each with a source quote.  casewatch ids (p1, e3) are
not stable between builds, so people are matched on their folded names and
aliases, events on (type, date) or shared evidence spans, conflicts on their
key with the subject's name in place of its id."""
from __future__ import annotations

from typing import Any

from ..casefile.state import state
from ..model.names import fold
from .common import doc_label, documents, widen


def _names(p: dict[str, Any]) -> set[str]:
    return {fold(n) for n in [p["name"], *p.get("aliases", [])] if fold(n)}


class _People:
    """The people of the older case file, each new person found among them: the first whose name is one of the new
    person's names or who has the new person's name among theirs, else the first who shares a name with them;
    found by index, not by a scan of all (a case of 2,000 reports has thousands of people)."""

    def __init__(self, people: list[dict[str, Any]]):
        self.people = people
        self.by_name: dict[str, int] = {}  # a folded name -> the first person of that name
        self.by_alias: dict[str, int] = {}  # a folded name or alias -> the first person who has it
        for i, q in enumerate(people):
            self.by_name.setdefault(fold(q["name"]), i)
            for n in _names(q):
                self.by_alias.setdefault(n, i)

    def find(self, p: dict[str, Any]) -> dict[str, Any] | None:
        names = _names(p)
        first = [self.by_name[n] for n in names if n in self.by_name]
        if fold(p["name"]) in self.by_alias:
            first.append(self.by_alias[fold(p["name"])])
        if not first:
            first = [self.by_alias[n] for n in names if n in self.by_alias]
        return self.people[min(first)] if first else None


def _spans(item: dict[str, Any]) -> set[tuple[str, int, int]]:
    return {(e["doc"], e["start"], e["end"]) for e in item.get("evidence", [])}


def _doc_shas(cf: dict[str, Any]) -> dict[str, str]:
    return {d["id"]: d.get("sha256") or d["id"] for d in cf.get("documents", [])}


def _span_keys(shas: dict[str, str], item: dict[str, Any]) -> set[tuple[str, int, int]]:
    """Evidence spans keyed by the document's hash (`shas`: _doc_shas), comparable across snapshots."""
    return {(shas.get(d, d), s, e) for d, s, e in _spans(item)}


def _conflict_key(c: dict[str, Any]) -> str:
    """Conflict keys name their subject (casefile.conflicts), so they compare across snapshots."""
    return c.get("key") or c.get("topic") or ""


def _quote(cf: dict[str, Any], evs: list[dict[str, Any]]) -> dict[str, Any] | None:
    if not evs:
        return None
    ev = widen(cf, evs[0])
    doc = documents(cf).get(ev["doc"], {"id": ev["doc"]})
    return {"doc": ev["doc"], "source": doc_label(doc), "quote": ev["quote"]}


def diff(old: dict[str, Any] | None, new: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    old = old or {"documents": [], "persons": [], "events": [], "conflicts": []}
    out: dict[str, list[dict[str, Any]]] = {"documents": [], "people": [], "measures": [], "events": [],
                                             "conflicts_new": [], "conflicts_resolved": []}
    old_shas = set(_doc_shas(old).values())
    for d in new.get("documents", []):
        if (d.get("sha256") or d["id"]) not in old_shas:
            out["documents"].append({"doc": d["id"], "title": d.get("title"), "source": doc_label(d)})

    people = _People(old.get("persons", []))
    for p in new.get("persons", []):
        q = people.find(p)
        if q is None:
            out["people"].append({"name": p["name"], "roles": p.get("roles", []),
                                  "current_measure": p.get("current_measure"), "evidence": _quote(new, p.get("evidence", []))})
            continue
        was, now = state(q), state(p)
        before, after = (was["measure"], was["since"]), (now["measure"], now["since"])
        if before != after and now["measure"]:
            out["measures"].append({"name": p["name"], "from": before[0], "from_since": before[1], "to": after[0],
                                    "since": after[1], "evidence": _quote(new, now["evidence"] or p.get("evidence", []))})

    old_events = old.get("events", [])
    old_keys = {(e["type"], e.get("date")) for e in old_events}
    old_shas, new_shas = _doc_shas(old), _doc_shas(new)
    old_spans = [(e["type"], _span_keys(old_shas, e)) for e in old_events]
    for e in new.get("events", []):
        spans = _span_keys(new_shas, e)
        if (e["type"], e.get("date")) in old_keys or any(t == e["type"] and spans & s for t, s in old_spans):
            continue
        out["events"].append({"type": e["type"], "date": e.get("date"), "status": e.get("status"),
                              "summary": e.get("summary"), "evidence": _quote(new, e.get("evidence", []))})

    def open_conflicts(cf: dict[str, Any]) -> dict[str, dict[str, Any]]:
        return {_conflict_key(c): c for c in cf.get("conflicts", []) if c.get("status", "open") != "resolved"}
    before_c, after_c = open_conflicts(old), open_conflicts(new)
    for k, c in after_c.items():
        if k not in before_c:
            out["conflicts_new"].append({"topic": c["topic"], "claims": [
                {"value": x["value"], "evidence": _quote(new, x.get("evidence", []))} for x in c.get("claims", [])]})
    for k, c in before_c.items():
        if k not in after_c:
            now = next((x for x in new.get("conflicts", []) if _conflict_key(x) == k), None)
            evs = [ev for x in (now or c).get("claims", []) for ev in x.get("evidence", [])]
            out["conflicts_resolved"].append({"topic": c["topic"], "status": (now or {}).get("status", "gone"),
                                              "evidence": _quote(new if now else old, evs)})
    return out


def with_texts(snapshot: dict[str, Any] | None, texts: dict[str, str]) -> dict[str, Any] | None:
    """A snapshot keeps no report text (store.save_snapshot): give its documents the texts quotes are widened in."""
    for doc in (snapshot or {}).get("documents", []):
        doc.setdefault("text", texts.get(doc["id"], ""))
    return snapshot


def is_empty(d: dict[str, list[Any]], ignore_documents: bool = False) -> bool:
    return not any(v for k, v in d.items() if not (ignore_documents and k == "documents"))


def pick(snapshots: list[dict[str, Any]], since: str | None = None) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    """(base, latest) snapshot rows: the one before the latest, or the last one before `since`."""
    if not snapshots:
        return None, None
    latest = snapshots[-1]
    if since:
        before = [s for s in snapshots if str(s["created_at"]) < since]
        return (before[-1] if before else None), latest
    return (snapshots[-2] if len(snapshots) > 1 else None), latest


def _measure_change(x: dict[str, Any]) -> str:
    """'pretrial detention -> house arrest since 2026-03-02'; the same measure newly dated says so, not 'a -> a'."""
    def label(m: str | None) -> str:
        return (m or "none known").replace("_", " ")
    since = f" since {x['since']}" if x["since"] else ""
    if x["from"] == x["to"]:
        return f"{label(x['to'])}{since} (was {'dated ' + x['from_since'] if x.get('from_since') else 'undated'})"
    return f"{label(x['from'])} -> {label(x['to'])}{since}"


def render_text(d: dict[str, list[dict[str, Any]]], title: str = "") -> str:
    lines = [title] if title else []

    def src(e: dict[str, Any] | None) -> str:
        return f"\n      “{e['quote']}” ({e['source']})" if e else ""
    if d["documents"]:
        lines.append(f"New reports ({len(d['documents'])}):")
        lines += [f"  - {x['source']}" for x in d["documents"]]
    if d["people"]:
        lines.append(f"New people ({len(d['people'])}):")
        lines += [f"  - {x['name']} ({', '.join(x['roles'])})" + src(x["evidence"]) for x in d["people"]]
    if d["measures"]:
        lines.append(f"Changed measures ({len(d['measures'])}):")
        lines += [f"  - {x['name']}: " + _measure_change(x) + src(x["evidence"]) for x in d["measures"]]
    if d["events"]:
        lines.append(f"New events ({len(d['events'])}):")
        lines += [f"  - {x['date'] or '?'} {x['type'].replace('_', ' ')}" + (" (announced)" if x["status"] == "announced" else "")
                  + src(x["evidence"]) for x in d["events"]]
    if d["conflicts_new"]:
        lines.append(f"New conflicts between sources ({len(d['conflicts_new'])}):")
        for c in d["conflicts_new"]:
            lines.append(f"  - {c['topic']}")
            lines += [f"      {x['value']}" + (f": “{x['evidence']['quote']}” ({x['evidence']['source']})" if x["evidence"] else "")
                      for x in c["claims"]]
    if d["conflicts_resolved"]:
        lines.append(f"Resolved conflicts ({len(d['conflicts_resolved'])}):")
        lines += [f"  - {c['topic']} ({c['status']})" + src(c["evidence"]) for c in d["conflicts_resolved"]]
    if is_empty(d):
        lines.append("No changes.")
    return "\n".join(lines) + "\n"
