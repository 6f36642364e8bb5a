"""FollowTheMoney entities as JSON lines.

One PlainText per source document; Person, Organization and Event entities;
one CourtCase with a CourtCaseParty per defendant; a Mention per name found in
a document; a Documentation linking each entity to each document that
evidences it, with the quote as its summary.  Ids are content hashes of the
case and the casewatch ids, so a re-export gives the same ids."""
from __future__ import annotations

import json
from typing import Any, Iterator

from . import exporter


def _id(*parts: Any) -> str:
    from followthemoney.util import make_entity_id
    return make_entity_id("casewatch", *[str(p) for p in parts])


def _make(schema: str, *parts: Any):
    from followthemoney import model
    e = model.make_entity(schema)
    e.id = _id(schema, *parts)
    return e


def _docs_of(item: dict[str, Any]) -> list[str]:
    out: list[str] = []
    for ev in item.get("evidence", []):
        if ev["doc"] not in out:
            out.append(ev["doc"])
    return out


def entities(cf: dict[str, Any]) -> Iterator[Any]:
    case = cf.get("case") or cf.get("title") or ""
    docs: dict[str, Any] = {}
    for d in cf.get("documents", []):
        e = _make("PlainText", case, d["id"])
        e.add("title", d.get("title"))
        e.add("fileName", d.get("filename"))
        e.add("publisher", d.get("publisher"))
        e.add("publishedAt", d.get("published"))
        # contentHash is SHA-1 in FtM; the case file keeps the SHA-256 of the original bytes
        e.add("notes", f"sha256:{d['sha256']}" if d.get("sha256") else None)
        e.add("bodyText", d.get("text"))
        e.add("keywords", d.get("kind"))
        docs[d["id"]] = e
        yield e

    named: dict[str, Any] = {}
    for kind, schema in (("persons", "Person"), ("organizations", "Organization")):
        for item in cf.get(kind, []):
            e = _make(schema, case, item["id"])
            e.add("name", item["name"])
            e.add("alias", [a for a in item.get("aliases", []) if a != item["name"]])
            if schema == "Person":
                roles = ", ".join(item.get("roles", []))
                e.add("description", f"roles: {roles}" if roles else None)
                if item.get("current_measure"):
                    since = f" since {item['current_since']}" if item.get("current_since") else ""
                    e.add("status", f"{item['current_measure'].replace('_', ' ')}{since}")
            e.add("proof", [docs[d].id for d in _docs_of(item) if d in docs])
            named[item["id"]] = e
            yield e

    places = {p["id"]: p["name"] for p in cf.get("places", [])}
    events: dict[str, Any] = {}
    for ev in cf.get("events", []):
        e = _make("Event", case, ev["id"])
        e.add("name", f"{ev['type'].replace('_', ' ')}" + (f" {ev['date']}" if ev.get("date") else ""))
        e.add("summary", ev.get("summary"))
        e.add("date", ev.get("date"))
        e.add("endDate", ev.get("date_end"))
        e.add("keywords", [ev["type"], ev.get("status")])
        if ev.get("place") in places:
            e.add("location", places[ev["place"]])
        e.add("involved", [named[p].id for p in ev.get("participants", []) if p in named])
        e.add("proof", [docs[d].id for d in _docs_of(ev) if d in docs])
        events[ev["id"]] = e
        yield e

    cc = _make("CourtCase", case)
    cc.add("name", cf.get("title") or case)
    cc.add("proof", list(d.id for d in docs.values()))
    trial = [ev for ev in cf.get("events", []) if ev["type"] == "trial_opened" and ev.get("date")]
    if trial:
        cc.add("fileDate", min(ev["date"] for ev in trial))
    yield cc
    for p in cf.get("persons", []):
        if "defendant" not in p.get("roles", []):
            continue
        party = _make("CourtCaseParty", case, "party", p["id"])
        party.add("case", cc.id)
        party.add("party", named[p["id"]].id)
        party.add("role", "defendant")
        party.add("proof", [docs[d].id for d in _docs_of(p) if d in docs])
        yield party

    schemata = {"persons": "Person", "organizations": "Organization"}
    for kind, schema in schemata.items():
        for item in cf.get(kind, []):
            seen: set[tuple[str, str]] = set()
            for evd in item.get("evidence", []):
                key = (evd["doc"], evd["quote"])
                if evd["doc"] not in docs or key in seen:
                    continue
                seen.add(key)
                m = _make("Mention", case, "mention", item["id"], evd["doc"], evd["quote"])
                m.add("name", evd["quote"])
                m.add("document", docs[evd["doc"]].id)
                m.add("resolved", named[item["id"]].id)
                m.add("detectedSchema", schema)
                yield m

    for kind, table in (("persons", named), ("organizations", named), ("events", events)):
        for item in cf.get(kind, []):
            for d in _docs_of(item):
                if d not in docs:
                    continue
                quotes = [ev["quote"] for ev in item["evidence"] if ev["doc"] == d]
                link = _make("Documentation", case, "doc", item["id"], d)
                link.add("document", docs[d].id)
                link.add("entity", table[item["id"]].id)
                link.add("role", "evidence")
                link.add("summary", quotes[0] if kind == "events" else None)
                link.add("description", "; ".join(dict.fromkeys(quotes))[:2000])
                yield link


@exporter("ftm")
def ftm_lines(cf: dict[str, Any]) -> str:
    """FollowTheMoney entities, one JSON object a line."""
    return "".join(json.dumps(e.to_dict(), ensure_ascii=False, sort_keys=True) + "\n" for e in entities(cf))
