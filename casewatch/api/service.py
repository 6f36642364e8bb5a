"""What the web pages and the JSON API both do: one code path for each.

Reads build the case file (casewatch.pipeline.build_casefile) and cut views
out of it; writes go through the store's judgement log or the ingest
pipeline.  Nothing here knows about HTTP.
"""
from __future__ import annotations

import pickle
import re
import threading
import weakref
from typing import Any

from sqlalchemy import text

from .. import ingest
from ..errors import InputError, Invalid, NotFound
from ..model import Judgement, vocab
from ..model.names import fold
from ..pipeline import (BytesLoader, IngestReport, Loader, attachment_loaders, build_casefile, ingest_documents,
                        limits_of)
from ..casefile.headline import CHOSEN, headline, others_text  # noqa: F401  (the overview's figures)
from ..casefile.state import history as measure_history
from ..casefile.summary import HELD, held_now, next_date, next_dates, open_conflicts, summarize, today  # noqa: F401
from ..settings import Settings
from ..store import BadQuery, Store, summaries

JUDGEMENT_KINDS = ("merge", "split", "reject_entity", "conflict", "role", "sensitive")
ENTITY_KINDS = ("person", "organization", "place")
CASE_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
ACCEPTED = sorted(ingest.ACCEPTED)




# cases ---------------------------------------------------------------------
def create_case(store: Store, case: str, title: str | None = None) -> dict[str, Any]:
    case = (case or "").strip()
    if not CASE_ID.match(case):
        raise Invalid("a case id is 1-64 characters: lower-case letters, digits, '-' or '_', starting with a letter or digit")
    with store.engine.connect() as conn:
        exists = conn.execute(text("SELECT 1 FROM cases WHERE id=:c"), {"c": case}).first() is not None
    if exists:
        raise Invalid(f"a case named {case!r} already exists")
    with store.transaction() as conn:
        store.ensure_case(conn, case, (title or "").strip() or None)
    return store.case(case)


def summary(store: Store, row: dict[str, Any], kept: dict[str, Any] | None = None) -> dict[str, Any]:
    """A case's line in the list of cases: from the summary kept at its present revision (`kept`, made when the
    case file was last built at write time), else from the case file (built, or cached)."""
    if kept is None or kept.get("made_on", "") > today():
        cf = casefile(store, row["id"], shared=True)
        kept = summarize(cf)
        if row.get("revision") is not None and store.version(row["id"])[2] == row["revision"]:
            with store.transaction() as conn:  # kept for the next list, unless the case changed meanwhile
                summaries.save(conn, row["id"], row["revision"], kept)
    return {"id": row["id"], "title": row.get("title") or row["id"], "documents": row.get("documents", kept["documents"]),
            "updated_at": row.get("updated_at"), "held_now": kept["held_now"], "persons": kept["persons"],
            "next_date": next_date(kept), "open_conflicts": kept["open_conflicts"]}


def cases(store: Store, only: set[str] | None = None) -> list[dict[str, Any]]:
    """Every case's summary, or those of the ids in `only` (the cases an account may read)."""
    with store.engine.connect() as conn:
        kept = summaries.current(conn)
    return [summary(store, r, kept.get(r["id"])) for r in store.cases() if only is None or r["id"] in only]


# Built case files, per store and case, kept while the case's version (reports, facts, judgements, title; see
# Store.version) and the day stay the same: pages read one case file many times between changes, and a case of
# hundreds of reports takes seconds to build.  Kept as the object (for readers that change nothing) and, from the
# first caller that wants a copy of its own, pickled (~30 ms to copy 500 reports against ~3 s to build; the pages
# never want one, so their first request does not pay the pickling: 0.2 s at 2,000 reports).
_BUILT: "weakref.WeakKeyDictionary[Store, dict[str, list[Any]]]" = weakref.WeakKeyDictionary()
_BUILT_LOCK = threading.Lock()


def casefile(store: Store, case: str, shared: bool = False) -> dict[str, Any]:
    """The case file, from the cache while the case is unchanged.

    shared=True gives the cached object itself: only for code that changes nothing in it (the pages, the JSON
    answers); without it the caller gets a copy of its own.
    """
    key = (store.version(case), today())
    if key[0][1] is None:  # no updated_at: no such case
        store.case(case)  # raises NotFound
    with _BUILT_LOCK:
        built = _BUILT.setdefault(store, {}).get(case)
    if built is None or built[0] != key:
        # the version is read before the build: a change in between only makes the next read build again
        built = [key, build_casefile(store, case), None]  # (version, case file, its pickle once a copy is wanted)
        with _BUILT_LOCK:
            _BUILT[store][case] = built
    if shared:
        return built[1]
    with _BUILT_LOCK:
        if built[2] is None:
            built[2] = pickle.dumps(built[1], protocol=pickle.HIGHEST_PROTOCOL)
    return pickle.loads(built[2])


# persons -------------------------------------------------------------------
def person(cf: dict[str, Any], pid: str) -> dict[str, Any]:
    for p in cf["persons"]:
        if p["id"] == pid:
            out = dict(p)
            out["events"] = [e for e in cf["events"] if pid in e.get("participants", [])]
            out["conflicts"] = [c for c in cf["conflicts"] if c.get("subject") == pid]
            out["history"] = measure_history(p, out["events"])  # the dated steps of their measures
            out["role_quotes"] = role_quotes(cf, p)
            return out
    raise NotFound(f"no person {pid!r} in case {cf['case']!r}")


ROLE_BY = {"model": "read by the role model from all their mentions together", "analyst": "set by an analyst"}


def role_quotes(cf: dict[str, Any], p: dict[str, Any]) -> list[dict[str, Any]]:
    """Each role of a person with what it rests on: the sentences of the mentions that give it (each an exact span of
    its report), else what decided it (the role model, an analyst)."""
    from ..outputs.common import documents, widen
    docs = documents(cf)
    sources = p.get("role_sources") or {}
    out = []
    for r in p.get("roles", []):
        src = sources.get(r) or {"by": "none", "evidence": []}
        out.append({"role": r, "by": src["by"], "note": ROLE_BY.get(src["by"], ""),
                    "evidence": [widen(cf, ev, docs) for ev in src.get("evidence", [])]})
    return out


def timeline(cf: dict[str, Any], person: str = "", kind: str = "") -> dict[str, Any]:
    """The case's events in date order (the undated last), only those of one person (an id) and of one kind when
    asked; with the people and kinds the filter offers (those that have events)."""
    events = sorted(cf["events"], key=lambda e: (e.get("date") is None, e.get("date") or ""))
    names = {p["id"]: p["name"] for p in cf["persons"]}
    people = sorted({pid for e in events for pid in e.get("participants", []) if pid in names},
                    key=lambda pid: names[pid].casefold())
    kinds = sorted({e["type"] for e in events})
    shown = [e for e in events if (not person or person in e.get("participants", [])) and (not kind or e["type"] == kind)]
    return {"events": shown, "total": len(events), "people": [{"id": pid, "name": names[pid]} for pid in people],
            "kinds": kinds, "person": person if person in names else "", "kind": kind if kind in kinds else ""}


def names(cf: dict[str, Any], kind: str = "person") -> list[str]:
    key = {"person": "persons", "organization": "organizations", "place": "places"}[kind]
    seen: dict[str, str] = {}
    for e in cf[key]:
        for n in [e["name"], *e.get("aliases", [])]:
            seen.setdefault(fold(n), n)
    return sorted(seen.values(), key=str.casefold)


# documents -----------------------------------------------------------------
def _spans(cf: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    """Every (kind, label, evidence) of the case."""
    out: list[tuple[str, str, dict[str, Any]]] = []
    for key, kind in (("persons", "person"), ("organizations", "organization"), ("places", "place")):
        for e in cf[key]:
            out += [(kind, e["name"], ev) for ev in e["evidence"]]
            for m in e.get("measures", []):
                out += [("measure", f"{m['type']} ({e['name']})", ev) for ev in m["evidence"]]
    for p in cf["provisions"]:
        label = f"{p['instrument']} art. {p['article']}" + (f" part {p['part']}" if p.get("part") else "")
        out += [("provision", label, ev) for ev in p["evidence"]]
    for e in cf["events"]:
        out += [("event", f"{e['type']} {e.get('date') or ''}".strip(), ev) for ev in e["evidence"]]
    for f in cf["figures"]:
        out += [("figure", f"{f['measure']} = {f['value']}", ev) for ev in f["evidence"]]
    for c in cf["conflicts"]:
        for cl in c["claims"]:
            out += [("conflict", f"{c['topic']}: {cl['value']}", ev) for ev in cl["evidence"]]
    return out


def document(store: Store, cf: dict[str, Any], doc_id: str) -> dict[str, Any]:
    doc = next((d for d in cf["documents"] if d["id"] == doc_id), None)
    if doc is None:
        raise NotFound(f"no document {doc_id!r} in case {cf['case']!r}")
    merged: dict[tuple[int, int], dict[str, Any]] = {}
    for kind, label, ev in _spans(cf):
        if ev["doc"] != doc_id:
            continue
        s = merged.setdefault((ev["start"], ev["end"]), {"id": f"s-{ev['start']}-{ev['end']}", "start": ev["start"],
                                                         "end": ev["end"], "quote": ev["quote"], "kinds": [], "labels": []})
        if kind not in s["kinds"]:
            s["kinds"].append(kind)
        if label not in s["labels"]:
            s["labels"].append(label)
    out = dict(doc)
    out["spans"] = sorted(merged.values(), key=lambda s: (s["start"], -s["end"]))
    return out


# search --------------------------------------------------------------------
def person_spans(cf: dict[str, Any], pid: str) -> list[tuple[str, int, int]]:
    """Where the case file ties a person: the mentions, the measures, the events they take part in, the claims about them."""
    p = person(cf, pid)
    evs = list(p["evidence"]) + [ev for m in p.get("measures", []) for ev in m["evidence"]]
    evs += [ev for e in p["events"] for ev in e["evidence"]]
    evs += [ev for c in p["conflicts"] for cl in c["claims"] for ev in cl["evidence"]]
    return sorted({(ev["doc"], ev["start"], ev["end"]) for ev in evs})


def reader_url(case: str, doc: str, start: int | None, end: int | None) -> str:
    if start is None or end is None:
        return f"/cases/{case}/documents/{doc}"
    return f"/cases/{case}/documents/{doc}?hl={start}-{end}#s-{start}-{end}"


def search(store: Store, q: str, case: str | None = None, person: str | None = None, provision: str | None = None,
           event_type: str | None = None, limit: int = 50, only: set[str] | None = None) -> dict[str, Any]:
    """Full text over the reports and facts (Store.search); each hit gets the reader URL of its quote or passage.
    `only`: the cases the account may read (None: all); another case is as unknown as a case that is not there."""
    case, person, provision, event_type = (v.strip() if isinstance(v, str) and v.strip() else None
                                           for v in (case, person, provision, event_type))
    if case and only is not None and case not in only:
        raise NotFound(f"no case {case!r}")
    if case:
        store.case(case)  # NotFound first
    if event_type and event_type not in vocab()["event_types"]:
        raise BadQuery(f"unknown event type {event_type!r}")
    spans = None
    if person:
        if not case:
            raise BadQuery("the person filter needs a case")
        spans = person_spans(casefile(store, case, shared=True), person)
    res = store.search(q, case=case, person=spans, provision=provision, event_type=event_type, limit=limit)
    if only is not None:
        res["facts"] = [h for h in res["facts"] if h["case"] in only]
        res["texts"] = [h for h in res["texts"] if h["case"] in only]
    _redact_hits(store, res)
    for h in res["facts"] + res["texts"]:
        h["url"] = reader_url(h["case"], h["doc"], h["start"], h["end"])
    res.update(query=q, case=case, person=person, provision=provision, event_type=event_type)
    return res


def _redact_hits(store: Store, res: dict[str, Any]) -> None:
    """Search reads the stored text: in a case with people or reports marked sensitive, their hits go and their
    names are masked in what is shown (the highlight marks go too, so no name is split around them)."""
    from ..casefile.redact import mask, masker
    for case in sorted({h["case"] for h in res["facts"] + res["texts"]}):
        judgements = [j for j in store.judgements(case) if j.kind == "sensitive"]
        if not judgements:
            continue
        gone, docs, rx = masker(build_casefile(store, case, internal=True), judgements)
        for key in ("facts", "texts"):
            kept = []
            for h in res[key]:
                if h["case"] == case:
                    if h["doc"] in docs:
                        continue
                    for f in ("quote", "snippet", "label", "label_snippet", "title"):
                        if isinstance(h.get(f), str):
                            h[f] = mask(re.sub(r"</?mark>", "", h[f]), rx)
                    if h.get("kind") == "person" and set(h["quote"]) <= {"█", " "}:
                        continue  # a mention of the person: nothing left to show
                kept.append(h)
            res[key] = kept


def provision_value(p: dict[str, Any]) -> str:
    return f"{p['instrument_key']}:{p['article']}" + (f":{p['part']}" if p.get("part") else "")


def provision_label(p: dict[str, Any]) -> str:
    return f"{p['instrument']} art. {p['article']}" + (f" part {p['part']}" if p.get("part") else "")


# judgements ----------------------------------------------------------------
def _need(payload: dict[str, Any], key: str) -> str:
    v = payload.get(key)
    if not isinstance(v, str) or not v.strip():
        raise Invalid(f"payload.{key} is required (a non-empty string)")
    return v.strip()


def check_judgement(cf: dict[str, Any], kind: str, payload: dict[str, Any]) -> dict[str, Any]:
    """A clean payload for a judgement of this kind, or Invalid naming what is wrong."""
    if kind not in JUDGEMENT_KINDS:
        raise Invalid(f"unknown judgement kind {kind!r} (known: {', '.join(JUDGEMENT_KINDS)})")
    if kind in ("merge", "split", "reject_entity"):
        ek = payload.get("kind", "person")
        if ek not in ENTITY_KINDS:
            raise Invalid(f"payload.kind must be one of {', '.join(ENTITY_KINDS)}")
        known = {fold(n) for n in names(cf, ek)}
        fields = ("a", "b") if kind == "merge" else ("name",)
        clean: dict[str, Any] = {"kind": ek}
        for f in fields:
            v = _need(payload, f)
            if fold(v) not in known:
                raise Invalid(f"no {ek} named {v!r} in this case")
            clean[f] = v
        if kind == "merge" and fold(clean["a"]) == fold(clean["b"]):
            raise Invalid("pick two different names to merge")
        return clean
    if kind == "sensitive":
        if payload.get("kind") == "document":
            doc = _need(payload, "doc")
            if doc not in {d["id"] for d in cf["documents"]}:
                raise Invalid(f"no report {doc!r} in this case")
            return {"kind": "document", "doc": doc}
        name = _need(payload, "name")
        if fold(name) not in {fold(n) for n in names(cf, "person")}:
            raise Invalid(f"no person named {name!r} in this case")
        return {"kind": "person", "name": name}
    if kind == "conflict":
        key, stands = _need(payload, "key"), _need(payload, "stands")
        c = next((c for c in cf["conflicts"] if c["key"] == key), None)
        if c is None:
            raise Invalid(f"no conflict {key!r} in this case")
        if stands not in [cl["value"] for cl in c["claims"]]:
            raise Invalid(f"{stands!r} is not one of the values in conflict")
        note = payload.get("note") or ""
        if not isinstance(note, str):
            raise Invalid("payload.note must be a string")
        return {"key": key, "stands": stands, "note": note.strip()[:2000]}
    name, role = _need(payload, "name"), _need(payload, "role")
    if role not in vocab()["roles"]:
        raise Invalid(f"unknown role {role!r}")
    if fold(name) not in {fold(n) for n in names(cf, "person")}:
        raise Invalid(f"no person named {name!r} in this case")
    return {"name": name, "role": role, "remove": bool(payload.get("remove"))}


def add_judgement(store: Store, settings: Settings, case: str, kind: str, payload: dict[str, Any]) -> Judgement:
    cf = casefile(store, case, shared=True)
    clean = check_judgement(cf, kind, payload if isinstance(payload, dict) else {})
    return store.add_judgement(Judgement(kind=kind, case=case, payload=clean, user=settings.user))


def undo_judgement(store: Store, case: str, jid: int) -> None:
    store.case(case)
    store.undo_judgement(case, jid)


def judgements(store: Store, case: str) -> list[dict[str, Any]]:
    store.case(case)
    return [{"id": j.id, "kind": j.kind, "payload": j.payload, "user": j.user, "created_at": j.created_at,
             "undone_at": j.undone_at} for j in reversed(store.judgements(case, include_undone=True))]


# uploads -------------------------------------------------------------------
class TooLarge(InputError):
    code = "too-large"


def size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{max(1, n // 1024)} KB"


def upload(store: Store, settings: Settings, case: str, filename: str, data: bytes,
           title: str | None = None, published: str | None = None) -> IngestReport:
    """One report into a case, and an e-mail's attachments read as reports of their own ('<e-mail>/<attachment>',
    after it in the report).  TooLarge over the upload limit, InputError when nothing could be read (an attachment
    that cannot be read, when the rest could, is in the report's `failed`)."""
    store.case(case)
    filename = (filename or "").strip() or "pasted.txt"
    if len(data) > settings.max_upload_bytes:
        raise TooLarge(filename, f"file too large ({size(len(data))}; the upload limit is {size(settings.max_upload_bytes)})")
    if published and not re.match(r"^\d{4}(-\d{2}){0,2}$", published):
        raise InputError(filename, "the publication date must be YYYY, YYYY-MM or YYYY-MM-DD")
    # read and extracted in a watched worker, under the limits of time and memory per file (workers.py): a file
    # that would keep the reader busy for minutes gets its line, and the server goes on answering
    docs: list[tuple[str, Loader]] = [(filename, BytesLoader(filename, data, settings, published=published,
                                                             title=(title or None)))]
    if filename.lower().endswith(".eml"):
        docs += attachment_loaders(filename, data, settings, published)
    rep = ingest_documents(store, case, docs, isolate=True, limits=limits_of(settings))
    if rep.failed and not (rep.added or rep.skipped):
        raise rep.failed[0]
    return rep
