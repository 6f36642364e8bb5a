"""UN Special Procedures communications that arrive as documents, recorded as items of the case.

A letter such as "AL KAZ 2/2026" is recorded with its type, date, the State it
is addressed to, the mandates that sent it and the mandate holders who signed
it, each value tied to the span of the letter that says it.  A reference that
only appears in another report (a news story quoting the letter) adds that
report to the record's ``mentioned_in``; a reference no letter of the case
carries is still recorded, from the report that mentions it.

The table of letter types and the shapes of mandate lists are data
(casefile/data/communications.yaml); State names come from rigour's
territories.  Works on the case file's document dicts or on model Documents.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

import yaml

from ..ingest.meta import cues as ingest_cues
from ..ingest.meta import date_line

DATA = Path(__file__).parent / "data" / "communications.yaml"
HELD_ROLES = ("defendant", "detainee")


@dataclass(frozen=True)
class _Rules:
    types: dict[str, str]
    non_states: dict[str, str]
    starts: re.Pattern[str]
    split: re.Pattern[str]
    heading: re.Pattern[str]
    capacities: re.Pattern[str]
    closing: re.Pattern[str]
    letter_end: re.Pattern[str]
    un_context: re.Pattern[str]
    un_context_window: int
    date_window: int


@lru_cache(maxsize=1)
def rules() -> _Rules:
    with open(DATA, encoding="utf-8") as fh:
        d = yaml.safe_load(fh)
    starts = "|".join(re.escape(s) for s in d["mandate_starts"])
    return _Rules(
        types=dict(d["types"]), non_states=dict(d.get("non_states") or {}),
        starts=re.compile(rf"(?:{starts})\b"),
        # "…; the Working Group on …", "… and the Special Rapporteur on …", "…, Special Rapporteur on …"
        split=re.compile(rf"(?:\s*;\s*|\s*,\s*|\s+and\s+)(?:the\s+)?(?=(?:{starts})\b)"),
        heading=re.compile(d["mandate_heading"], re.MULTILINE | re.IGNORECASE),
        capacities=re.compile(d["mandate_capacities"], re.IGNORECASE),
        closing=re.compile(d["closing"], re.IGNORECASE),
        letter_end=re.compile(d["letter_end"], re.MULTILINE | re.IGNORECASE),
        un_context=re.compile(d["un_context"]),
        un_context_window=int(d["un_context_window"]),
        date_window=int(d["date_window"]),
    )


def _get(doc: Any, key: str) -> Any:
    return doc.get(key) if isinstance(doc, dict) else getattr(doc, key, None)


def _ev(doc_id: str, text: str, start: int, end: int) -> dict[str, Any]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return {"doc": doc_id, "start": start, "end": end, "quote": text[start:end]}


@lru_cache(maxsize=None)
def state_name(code: str) -> str | None:
    """ "KAZ" -> "Kazakhstan" (rigour's territory table); None for an unknown code."""
    r = rules()
    if code in r.non_states:
        return r.non_states[code]
    from rigour.territories import get_territories
    for t in get_territories():
        if t.alpha3 and t.alpha3.upper() == code and t.is_country:
            return t.name
    return None


@lru_cache(maxsize=None)
def _state_names(code: str) -> tuple[str, ...]:
    from rigour.territories import get_territories
    for t in get_territories():
        if t.alpha3 and t.alpha3.upper() == code:
            return tuple(n for n in dict.fromkeys([t.full_name, t.name, t.in_sentence.removeprefix("the ")]) if n)
    return ()


def _mandates(doc_id: str, text: str, ref_start: int) -> list[dict[str, Any]]:
    """The mandates the letter names: its "Mandates of …" heading, else its "in our capacities as …"."""
    r = rules()
    m = None
    for h in r.heading.finditer(text, 0, ref_start + 1):
        m = h                                   # the last heading before the reference
    if m is None:
        m = r.capacities.search(text)
    if m is None:
        return []
    body_start, body = m.start("body"), m.group("body")
    out, pos = [], 0
    cuts = [c for c in r.split.finditer(body)] + [None]
    for c in cuts:
        end = c.start() if c else len(body)
        part = body[pos:end]
        lead = re.match(r"\s*(?:the\s+)?", part)
        s = pos + (lead.end() if lead else 0)
        title = body[s:end].strip(" ,;.*")
        if title and r.starts.match(title):
            e = s + len(body[s:end].rstrip(" ,;.*"))
            out.append({"title": " ".join(title.split()), "evidence": [_ev(doc_id, text, body_start + s, body_start + e)]})
        pos = c.end() if c else len(body)
    return out


def _signatories(doc_id: str, text: str, after: int) -> list[dict[str, Any]]:
    """Name lines followed by a mandate title line, after the closing formula and before the annex."""
    r = rules()
    close = r.closing.search(text, after)
    if not close:
        return []
    end_m = r.letter_end.search(text, close.end())
    end = end_m.start() if end_m else len(text)
    out = []
    lines: list[tuple[int, str]] = []
    pos = close.end()
    for line in text[close.end():end].split("\n"):
        if line.strip():
            lines.append((pos, line))
        pos += len(line) + 1
    for (p0, name), (p1, title) in zip(lines, lines[1:]):
        n, t = name.strip(" *_"), title.strip(" *_")
        if r.starts.match(t) and not r.starts.match(n) and 1 < len(n.split()) <= 6 and not n.endswith((".", ",")):
            ns = p0 + name.index(n)
            ts = p1 + title.index(t)
            out.append({"name": n, "title": " ".join(t.split()),
                        "evidence": [_ev(doc_id, text, ns, ns + len(n)), _ev(doc_id, text, ts, ts + len(t))]})
    return out


def _date(doc_id: str, text: str, after: int) -> tuple[str | None, dict[str, Any] | None]:
    """The letter's own date line, the first line that is nothing but a date after the reference."""
    pos = after
    window = text[after:after + rules().date_window]
    for line in window.split("\n"):
        d = date_line(line) if line.strip() else None
        if d:
            core = line.strip(" \t*_")
            s = pos + line.index(core)
            return d, _ev(doc_id, text, s, s + len(core.rstrip(" .")))
        pos += len(line) + 1
    return None, None


def _state_evidence(doc_id: str, text: str, codes: list[str], ref_ev: dict[str, Any]) -> list[dict[str, Any]]:
    """Where the letter names the State, else the code inside the reference."""
    out = []
    for code in codes:
        found = None
        for name in _state_names(code):
            m = re.search(r"\b" + re.escape(name) + r"\b", text)
            if m:
                found = _ev(doc_id, text, m.start(), m.end())
                break
        if found is None:
            i = ref_ev["quote"].find(code)
            if i >= 0:
                found = _ev(doc_id, text, ref_ev["start"] + i, ref_ev["start"] + i + len(code))
        if found:
            out.append(found)
    return out


def _held_by_doc(persons: Iterable[dict[str, Any]]) -> dict[str, list[str]]:
    """{report: the ids of the defendants and detainees it names, in the roster's order}, made in one pass."""
    out: dict[str, list[str]] = {}
    for p in persons:
        if set(HELD_ROLES) & set(p.get("roles", [])):
            for d in dict.fromkeys(e["doc"] for e in p.get("evidence", [])):
                out.setdefault(d, []).append(p["id"])
    return out


def _names_the_un(text: str, m: re.Match[str]) -> bool:
    w = rules().un_context_window
    return bool(rules().un_context.search(text[max(0, m.start() - w):m.end() + w]))


def parse_reference(ref: str) -> tuple[str, list[str], str]:
    """ "AL KAZ 2/2026" -> ("AL", ["KAZ"], "2/2026")."""
    parts = ref.split()
    return parts[0], parts[1:-1], parts[-1]


def communications(documents: Iterable[Any], persons: Iterable[dict[str, Any]] = ()) -> list[dict[str, Any]]:
    """One record per UN reference found in the documents (dicts of the case file or model Documents).

    Each record: id, reference, type, type_name, date, state, state_code, states, doc, kind,
    mandates [{title, evidence}], signatories [{name, title, evidence}], persons (ids of the
    defendants and detainees the letter names, when `persons` is given), evidence (the reference's
    span first, then the date line, then where the State is named) and mentioned_in (the reference
    in other reports)."""
    r = rules()
    persons = list(persons)
    found: dict[str, list[tuple[Any, re.Match[str]]]] = {}
    docs = list(documents)
    first: dict[int, int] = {}
    for doc in docs:
        text = _get(doc, "text") or ""
        for m in ingest_cues().un_reference.finditer(text):
            first.setdefault(id(doc), m.start())
            found.setdefault(" ".join(m.group().split()), []).append((doc, m))
    out = []
    held: dict[str, list[str]] | None = None
    for ref, hits in found.items():
        if not any(_get(d, "kind") == "un_communication" or _names_the_un(_get(d, "text") or "", m) for d, m in hits):
            continue                            # an NGO's own appeal number, not a UN letter
        # the letter itself: a UN communication whose own (first) reference is this one, else the first report
        letters = [(d, m) for d, m in hits if _get(d, "kind") == "un_communication" and m.start() == first[id(d)]]
        doc, m = letters[0] if letters else hits[0]
        doc_id, text = _get(doc, "id"), _get(doc, "text") or ""
        code, codes, _ = parse_reference(ref)
        ref_ev = _ev(doc_id, text, m.start(), m.end())
        rec: dict[str, Any] = {"id": "", "reference": ref, "type": code, "type_name": r.types.get(code),
                               "date": None, "state": None, "state_code": codes[0] if codes else None,
                               "states": [{"code": c, "name": state_name(c)} for c in codes],
                               "doc": doc_id, "kind": _get(doc, "kind"), "mandates": [], "signatories": [],
                               "persons": [], "evidence": [ref_ev], "mentioned_in": []}
        rec["state"] = rec["states"][0]["name"] if rec["states"] else None
        if letters:
            d, dev = _date(doc_id, text, m.end())
            if d is None and _get(doc, "published"):
                d = _get(doc, "published")
            rec["date"] = d
            if dev:
                rec["evidence"].append(dev)
            rec["evidence"] += _state_evidence(doc_id, text, [c for c in codes if c not in r.non_states], ref_ev)
            rec["mandates"] = _mandates(doc_id, text, m.start())
            rec["signatories"] = _signatories(doc_id, text, m.end())
            if held is None:
                held = _held_by_doc(persons)
            rec["persons"] = held.get(doc_id, [])
        for d2, m2 in hits:
            if (d2 is not doc) or m2.start() != m.start():
                if _get(d2, "id") != doc_id:
                    t2 = _get(d2, "text") or ""
                    rec["mentioned_in"].append(_ev(_get(d2, "id"), t2, m2.start(), m2.end()))
        out.append(rec)
    out.sort(key=lambda c: (c["date"] or "9999", c["reference"]))
    for i, c in enumerate(out, 1):
        c["id"] = f"c{i}"
    return out
