"""An urgent-appeal letter in Markdown, addressed to the authorities the sources name.

Recipients come from the "Addresses" blocks of urgent appeals; the requests
follow from each person's situation in the case file (pretrial detention,
house arrest, charges under national provisions, health).  Every fact carries
a numbered citation [n]; the "Sources" list gives the document and the exact
quote, a span of that document's text."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..casefile.state import state
from ..extract.data import load as load_data
from ..model import provision_label
from . import exporter
from .common import Citations

TEMPLATES = Path(__file__).parent / "templates"
DEFAULT_TEMPLATE = TEMPLATES / "appeal.md.j2"

ADDRESS_KINDS = ("urgent_appeal",)
_HEADING = re.compile(r"^[ \t#*]*Addresses[ \t]*:?[ \t*]*$", re.IGNORECASE | re.MULTILINE)
_BULLET = re.compile(r"^[ \t]*[-•*][ \t]+(?P<body>.+?)[ \t]*$")
_FIELD = re.compile(r",\s*(?P<label>E-?mail|X|Twitter|Fax|Tel|Telephone|Phone)\s*:\s*(?P<value>[^,]+)", re.IGNORECASE)
_HONORIFIC = re.compile(r"^(?P<h>(?:(?:H\.\s?E\.|Mr\.?|Ms\.?|Mrs\.?|Dr\.?|Hon\.?|Prof\.?)\s+)+)")
HEALTH = re.compile(r"\b(hospital\w*|pregnan\w*|health|medical|illness|ill\b|chest pain|surgery|medication)", re.IGNORECASE)
GROUP_WORDS = re.compile(r"\b(defendants|detainees|detained|prisoners|activists|defenders|pre-?trial detention)\b", re.IGNORECASE)


@dataclass
class Recipient:
    name: str
    honorific: str
    title: str
    email: str | None
    handles: dict[str, str] = field(default_factory=dict)
    evidence: dict[str, Any] | None = None

    @property
    def display(self) -> str:
        return f"{self.honorific} {self.name}".strip()


def parse_addresses(doc: dict[str, Any]) -> list[Recipient]:
    """Recipients listed under an "Addresses" heading: "- Mr Name, Title, Email: x@y, X: @handle"."""
    text = doc.get("text", "")
    out: list[Recipient] = []
    for h in _HEADING.finditer(text):
        pos = h.end()
        for line in text[pos:].split("\n")[1:]:
            start = pos + 1
            pos = start + len(line)
            if not line.strip():
                continue                      # blank lines between the heading and the bullets
            m = _BULLET.match(line)
            if not m:
                break
            body = m.group("body")
            b0 = start + m.start("body")
            fields = list(_FIELD.finditer(body))
            head = body[:fields[0].start()] if fields else body
            name_part, _, title = head.partition(",")
            hm = _HONORIFIC.match(name_part.strip())
            honorific = " ".join(hm.group("h").split()) if hm else ""
            name = name_part.strip()[hm.end():].strip() if hm else name_part.strip()
            email, handles = None, {}
            for f in fields:
                label, value = f.group("label").lower().replace("-", ""), f.group("value").strip()
                if label == "email" and email is None:
                    email = value
                else:
                    handles[f.group("label")] = value
            out.append(Recipient(name=name, honorific=honorific, title=" ".join(title.split()).strip(" ,"),
                                 email=email, handles=handles,
                                 evidence={"doc": doc["id"], "start": b0, "end": b0 + len(body), "quote": body}))
    return out


def recipients(cf: dict[str, Any]) -> list[Recipient]:
    seen: set[str] = set()
    out = []
    for doc in cf.get("documents", []):
        if doc.get("kind") not in ADDRESS_KINDS and not _HEADING.search(doc.get("text", "")):
            continue
        for r in parse_addresses(doc):
            key = (r.email or r.name).lower()
            if key not in seen:
                seen.add(key)
                out.append(r)
    return out


@lru_cache(maxsize=1)
def _international_keys() -> frozenset[str]:
    """Instrument keys of the extractor's table that are not national laws (treaties, declarations)."""
    return frozenset(k for k, v in load_data("instruments").items() if not v.get("national"))


def _is_charge_provision(p: dict[str, Any]) -> bool:
    """A national law (the table's, or one the extractor kept by its own name) that can carry a charge."""
    key = p.get("instrument_key") or ""
    return key not in _international_keys() and "procedure" not in key and "constitution" not in key


def _provision_label(p: dict[str, Any]) -> str:
    return provision_label(p.get("head"), p["article"], p.get("part"), p["instrument"])


def charge_provisions(cf: dict[str, Any]) -> list[dict[str, Any]]:
    """National provisions, one per (instrument, article): the most specific reading wins."""
    best: dict[tuple[str, str], dict[str, Any]] = {}
    for p in cf.get("provisions", []):
        if not _is_charge_provision(p):
            continue
        k = (p.get("instrument_key") or p["instrument"], p["article"])
        cur = best.get(k)
        if cur is None or (bool(p.get("part")), len(p["instrument"])) > (bool(cur.get("part")), len(cur["instrument"])):
            best[k] = p
    return sorted(best.values(), key=lambda p: ("administrative" in (p.get("instrument_key") or ""), p["instrument"], p["article"]))


def _names_rx(person: dict[str, Any], persons: list[dict[str, Any]]) -> re.Pattern[str]:
    variants = {a for a in [person["name"], *person.get("aliases", [])] if len(a) > 3}
    last = person["name"].split()[-1]
    others = [q for q in persons if q is not person]
    if len(last) > 3 and not any(last in [q["name"], *q.get("aliases", [])] or q["name"].split()[-1] == last for q in others):
        variants.add(last)
    return re.compile("|".join(r"\b" + re.escape(v) + r"\b" for v in sorted(variants, key=len, reverse=True)))


def _health_evidence(cf: dict[str, Any], person: dict[str, Any]) -> list[dict[str, Any]]:
    from .common import sentence_around
    rx = _names_rx(person, cf["persons"])
    out = []
    for doc in cf.get("documents", []):
        text = doc["text"]
        for m in HEALTH.finditer(text):
            s, e = sentence_around(text, m.start(), m.end())
            if rx.search(text[s:e]) and not text[s:e].lstrip().startswith(("-", "•")):
                ev = {"doc": doc["id"], "start": s, "end": e, "quote": text[s:e]}
                if ev not in out:
                    out.append(ev)
    return out


def _group_health_evidence(cf: dict[str, Any], named: set[str]) -> list[dict[str, Any]]:
    """Sentences on the health of detainees as a group (no one named)."""
    from .common import sentence_around
    out = []
    for doc in cf.get("documents", []):
        text = doc["text"]
        for m in HEALTH.finditer(text):
            s, e = sentence_around(text, m.start(), m.end())
            sent = text[s:e]
            if (GROUP_WORDS.search(sent) and not any(n in sent for n in named)
                    and re.search(r"\b(deteriorat\w*|conditions|denied|lack of|without)\b", sent, re.IGNORECASE)):
                ev = {"doc": doc["id"], "start": s, "end": e, "quote": sent}
                if ev not in out:
                    out.append(ev)
    return out


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


FACT_TYPES = ("protest", "arrest", "administrative_sanction", "charge", "pretrial_detention", "house_arrest",
              "measure_extended", "trial_opened", "hearing", "hearing_postponed", "hospitalization", "verdict",
              "sentence", "release", "diplomatic_note")


def build_context(cf: dict[str, Any]) -> dict[str, Any]:
    """Everything the template needs; citation numbers follow the order of the letter."""
    cites = Citations(cf)
    persons = cf.get("persons", [])
    victims = [p for p in persons if {"defendant", "detainee"} & set(p.get("roles", []))]
    victim_ids = {p["id"] for p in victims}

    rcpts = [{"display": r.display, "name": r.name, "honorific": r.honorific, "title": r.title, "email": r.email,
              "handles": r.handles, "cite": cites.refs([r.evidence], most=1) if r.evidence else ""}
             for r in recipients(cf)]

    # facts: events that involve the people of the case, from the first of them on
    dated = [e for e in cf.get("events", []) if e.get("date") and e.get("status", "happened") == "happened"]
    defendant_ids = {p["id"] for p in victims if "defendant" in p.get("roles", [])} or victim_ids
    theirs = [e for e in dated if e["type"] in FACT_TYPES and defendant_ids & set(e.get("participants", []))]
    since = min((e["date"] for e in theirs), default=None)
    facts, seen = [], set()
    for e in sorted(dated, key=lambda e: e["date"]):
        if e["type"] not in FACT_TYPES or (since and e["date"] < since) or not e.get("evidence"):
            continue
        text = " ".join(e.get("summary", "").split())
        if text.endswith("…"):                # a shortened summary: the source sentence instead
            text = " ".join(e["evidence"][0]["quote"].split())
        if not text or text in seen:
            continue
        seen.add(text)
        facts.append({"date": e["date"], "type": e["type"], "text": text, "cite": cites.refs(e["evidence"])})

    requests = []
    by_measure: dict[str, list[dict[str, Any]]] = {}
    for p in victims:
        if state(p)["measure"]:
            by_measure.setdefault(state(p)["measure"], []).append(p)

    def measure_request(mtype: str, verb: str) -> None:
        people = by_measure.get(mtype, [])
        if not people:
            return
        evs = [ev for p in people for m in p["measures"] if m["type"] == mtype for ev in m["evidence"][:1]]
        refs = cites.refs(list({(e["doc"], e["start"]): e for e in evs}.values()), most=3)
        requests.append({"kind": mtype, "text": f"{verb} {_join([p['name'] for p in people])}", "cite": refs})

    measure_request("pretrial_detention", "Release immediately and unconditionally, from pretrial detention,")
    measure_request("house_arrest", "Lift the house arrest imposed on")

    defendants = [p for p in persons if "defendant" in p.get("roles", [])]
    provs = charge_provisions(cf)
    criminal = [p for p in provs if "administrative" not in (p.get("instrument_key") or "")]
    admin = [p for p in provs if p not in criminal]
    if defendants and criminal:
        refs = "".join(cites.refs(p["evidence"], most=1) for p in criminal)
        requests.append({"kind": "charges", "cite": refs,
                         "text": f"Drop all charges brought under {_join([_provision_label(p) for p in criminal])} "
                                 f"against {_join([p['name'] for p in defendants])}"})
    if admin:
        refs = "".join(cites.refs(p["evidence"], most=1) for p in admin)
        requests.append({"kind": "administrative", "cite": refs,
                         "text": f"Quash the penalties imposed under {_join([_provision_label(p) for p in admin])}"})

    for p in victims:
        evs = _health_evidence(cf, p)
        if evs:
            requests.append({"kind": "health", "cite": cites.refs(evs, most=2),
                             "text": f"Guarantee {p['name']} prompt access to adequate health care, "
                                     "in view of the health concerns the sources report"})
    group = _group_health_evidence(cf, {p["name"] for p in victims})
    if group and by_measure.get("pretrial_detention"):
        requests.append({"kind": "health", "cite": cites.refs(group, most=1),
                         "text": "Guarantee adequate medical care and humane conditions to everyone held in detention"})

    return {"title": cf.get("title") or cf.get("case") or "", "case": cf.get("case"), "recipients": rcpts,
            "facts": facts, "requests": requests, "sources": cites.items,
            "defendants": [p["name"] for p in defendants]}


def render(cf: dict[str, Any], template: str | Path | None = None) -> str:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined
    path = Path(template) if template else DEFAULT_TEMPLATE
    from .common import md_safe
    env = Environment(loader=FileSystemLoader(str(path.parent)), undefined=StrictUndefined, finalize=md_safe,
                      keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)
    return env.get_template(path.name).render(**build_context(cf))


@exporter("appeal")
def appeal_markdown(cf: dict[str, Any]) -> str:
    """An urgent-appeal letter in Markdown with numbered sources."""
    return render(cf)
