"""Which international standards a case engages, and why: rules over the facts of the case file.

The rules, the annex notes and the list of instruments are data
(outputs/data/standards.yaml); the right each article protects comes from the
instrument table of the extractor (extract/data/instruments.yaml).  Every
finding carries the sentences of the sources it rests on (exact spans), so a
dossier or a communication can cite them."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..extract.data import load as load_extract_data
from .common import documents, sentence_around, widen

DATA = Path(__file__).parent / "data"
VICTIM_ROLES = ("defendant", "detainee")
MOST_EVIDENCE = 3
# the annex of a UN letter states the law, not the facts: its sentences are not read as facts
_ANNEX = re.compile(r"^[ \t#*]*Annex\b", re.MULTILINE | re.IGNORECASE)


@lru_cache(maxsize=None)
def load(name: str) -> Any:
    with open(DATA / f"{name}.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def split_key(key: str) -> tuple[str, str]:
    """ "iccpr 9" -> ("iccpr", "9")."""
    inst, _, art = key.partition(" ")
    return inst, art


def instrument(key: str) -> dict[str, Any]:
    return load_extract_data("instruments").get(key, {})


def right_of(key: str) -> str | None:
    inst, art = split_key(key)
    own = (load("standards").get("rights") or {}).get(key)
    return own or (instrument(inst).get("articles") or {}).get(art)


def note_of(key: str) -> str | None:
    return (load("standards").get("notes") or {}).get(key)


def _artnum(a: str) -> tuple[float, str]:
    m = re.match(r"\d+(?:\.\d+)?", a)
    return (float(m.group()) if m else 9999.0, a)


_NOT_A_FACT = re.compile(r"^\s*(?:[-•*]|\d+[.)]\s|Please\b)")
_LIST_ITEM = re.compile(r"^[ \t]*(?:[-•*]|\d+[.)])[ \t]*$")


def fact_rank(ev: dict[str, Any], text: str, names: list[str], defendants: set[str]) -> tuple[int, int, int]:
    """Sentences that report a fact about the defendants first; list items (demands), questions and
    headings last."""
    q = ev["quote"].rstrip()
    line_start = text.rfind("\n", 0, ev["start"]) + 1
    listed = bool(_LIST_ITEM.match(text[line_start:ev["start"]])) if line_start < ev["start"] else False
    factual = not listed and not _NOT_A_FACT.match(q) and q[-1:] in ".!?\"”’)"
    return (0 if factual else 1, 0 if defendants & set(names) else 1, 0 if names else 1)


@dataclass
class Finding:
    rule: str
    fact: str
    evidence: list[dict[str, Any]] = field(default_factory=list)
    persons: list[str] = field(default_factory=list)
    view: Any = field(default=None, repr=False)
    cond: int = 0                      # which `when` condition is adding: the earlier ones are preferred
    _cands: list[tuple[tuple[int, ...], int, dict[str, Any]]] = field(default_factory=list, repr=False)

    def add(self, evs: list[dict[str, Any]], names: list[str] = ()) -> None:  # type: ignore[assignment]
        for ev in evs:
            if all((c["doc"], c["start"]) != (ev["doc"], ev["start"]) for _, _, c in self._cands):
                text = self.view.docs[ev["doc"]]["text"] if self.view else ev["quote"]
                named = self.view.names_in(ev["quote"]) if self.view else list(names)
                factual, *named_rank = fact_rank(ev, text, named, self.view.defendants if self.view else set())
                self._cands.append(((factual, self.cond, *named_rank), len(self._cands), ev))
        for n in names:
            if n not in self.persons:
                self.persons.append(n)
        self.evidence = [ev for _, _, ev in sorted(self._cands, key=lambda c: (c[0], c[1]))[:MOST_EVIDENCE]]


def victims(cf: dict[str, Any]) -> list[dict[str, Any]]:
    return [p for p in cf.get("persons", []) if set(VICTIM_ROLES) & set(p.get("roles", []))]


def name_variants(person: dict[str, Any], persons: list[dict[str, Any]]) -> list[str]:
    """The person's names and aliases, and the surname alone when no one else in the case bears it."""
    variants = {a for a in [person["name"], *person.get("aliases", [])] if len(a) > 3}
    last = person["name"].split()[-1]
    others = [q for q in persons if q is not person]
    if len(last) > 3 and not any(q["name"].split()[-1] == last or last in q.get("aliases", []) for q in others):
        variants.add(last)
    return sorted(variants, key=len, reverse=True)


class CaseView:
    """The facts of one case file as the rules read them."""

    def __init__(self, cf: dict[str, Any]):
        from .appeal import charge_provisions
        self.cf = cf
        self.docs = documents(cf)
        self.data = load("standards")
        # defendants before other detainees: the case is about them
        self.victims = sorted(victims(cf), key=lambda p: "defendant" not in p.get("roles", []))
        self.defendants = {p["name"] for p in self.victims if "defendant" in p.get("roles", [])}
        persons = cf.get("persons", [])
        self.rx = {p["name"]: re.compile("|".join(r"\b" + re.escape(v) + r"\b" for v in name_variants(p, persons)))
                   for p in self.victims}
        self.group = re.compile(self.data["group_words"], re.IGNORECASE)
        self.charges = charge_provisions(cf)
        self.events = [e for e in cf.get("events", []) if e.get("evidence")]
        charge_events = [e for e in self.events if e["type"] == "charge"]
        self.charge_spans = [ev for p in self.charges for ev in p["evidence"]] + \
                            [ev for e in charge_events for ev in e["evidence"]]
        self.ends = {d["id"]: (_ANNEX.search(d["text"]).start() if d.get("kind") == "un_communication"
                               and _ANNEX.search(d["text"]) else len(d["text"])) for d in cf.get("documents", [])}

    def names_in(self, sentence: str) -> list[str]:
        return [n for n, rx in self.rx.items() if rx.search(sentence)]

    def sentences(self, rx: re.Pattern[str], scope: str, event_types: list[str] | None = None) -> list[tuple[dict[str, Any], list[str]]]:
        """(sentence evidence, victims named in it) for each sentence matching rx within scope."""
        out: list[tuple[dict[str, Any], list[str]]] = []
        seen: set[tuple[str, int, int]] = set()
        spans: list[dict[str, Any]] = []
        if scope == "events":
            spans = [ev for e in self.events if not event_types or e["type"] in event_types for ev in e["evidence"]]
        elif scope == "charges":
            spans = self.charge_spans
        for doc in self.cf.get("documents", []):
            text = doc["text"]
            for m in rx.finditer(text, 0, self.ends.get(doc["id"], len(text))):
                s, e = sentence_around(text, m.start(), m.end())
                if (doc["id"], s, e) in seen:
                    continue
                seen.add((doc["id"], s, e))
                sent = text[s:e]
                names = self.names_in(sent)
                if scope == "victims" and not (names or self.group.search(sent)):
                    continue
                if scope in ("events", "charges") and not any(
                        sp["doc"] == doc["id"] and sp["start"] < e and sp["end"] > s for sp in spans):
                    continue
                out.append(({"doc": doc["id"], "start": s, "end": e, "quote": sent}, names))
        return out

    def women(self) -> list[tuple[dict[str, Any], list[str]]]:
        hon = "|".join(re.escape(h) for h in self.data["women_honorifics"])
        out = []
        for p in self.victims:
            variants = "|".join(re.escape(v) for v in name_variants(p, self.cf.get("persons", [])))
            rx = re.compile(rf"\b(?:{hon})\.?\s+(?:{variants})\b")
            for doc in self.cf.get("documents", []):
                m = rx.search(doc["text"])
                if m:
                    out.append((widen(self.cf, {"doc": doc["id"], "start": m.start(), "end": m.end(), "quote": m.group()},
                                      self.docs), [p["name"]]))
                    break
        return out


def _condition(view: CaseView, cond: dict[str, Any], fired: dict[str, Finding], f: Finding) -> bool:
    hit = False
    if "measures" in cond:
        for p in view.victims:
            for m in p.get("measures", []):
                if m["type"] in cond["measures"] and m.get("evidence"):
                    f.add([widen(view.cf, m["evidence"][0], view.docs)], [p["name"]])
                    hit = True
    if "events" in cond:
        names = {p["id"]: p["name"] for p in view.victims}
        for e in sorted(view.events, key=lambda e: cond["events"].index(e["type"]) if e["type"] in cond["events"] else 99):
            if e["type"] in cond["events"]:
                f.add([widen(view.cf, e["evidence"][0], view.docs)], [names[i] for i in e.get("participants", []) if i in names])
                hit = True
    if cond.get("charges") and view.charges:
        for p in view.charges:
            f.add([widen(view.cf, p["evidence"][0], view.docs)])
        hit = True
    if cond.get("women"):
        for ev, names in view.women():
            f.add([ev], names)
            hit = True
    if "text" in cond:
        rx = re.compile(cond["text"], re.IGNORECASE)
        for ev, names in view.sentences(rx, cond.get("scope", "victims"), cond.get("event_types")):
            f.add([ev], names)
            hit = True
    if "rules" in cond:
        for r in cond["rules"]:
            if r in fired:
                f.add(fired[r].evidence[:1], fired[r].persons)
                hit = True
    return hit


def findings(cf: dict[str, Any]) -> dict[str, Finding]:
    """The rules of standards.yaml that fire on this case, in file order, with their evidence."""
    view = CaseView(cf)
    fired: dict[str, Finding] = {}
    for rid, rule in view.data["rules"].items():
        if not all(r in fired for r in rule.get("requires", [])):
            continue
        f = Finding(rid, rule["fact"], view=view)
        conds = rule.get("when") or []
        if conds:
            hit = False
            for i, cond in enumerate(conds):
                f.cond = i
                hit = _condition(view, cond, fired, f) or hit
            if not hit:
                continue
        else:
            for r in rule.get("requires", []):
                f.add(fired[r].evidence[:1], fired[r].persons)
        fired[rid] = f
    return fired


def engaged(cf: dict[str, Any], found: dict[str, Finding] | None = None) -> list[dict[str, Any]]:
    """The articles of the annex instruments the case engages: by the rules that fired, and by
    the sources citing them.  Each: instrument, name, full, article, key, right, note, because[]."""
    data = load("standards")
    found = findings(cf) if found is None else found
    order = list(data["instruments"])
    out: dict[str, dict[str, Any]] = {}

    def entry(key: str) -> dict[str, Any]:
        inst, art = split_key(key)
        meta = instrument(inst)
        return out.setdefault(key, {"key": key, "instrument": inst, "name": meta.get("name", inst),
                                    "full": meta.get("full", meta.get("name", inst)), "article": art,
                                    "right": right_of(key), "note": note_of(key), "because": []})

    for rid, f in found.items():
        for key in data["rules"][rid].get("engages", []):
            entry(key)["because"].append({"rule": rid, "fact": f.fact, "evidence": f.evidence, "persons": f.persons})
    cited_fact = data["cited"]["fact"]
    for p in cf.get("provisions", []):
        inst = p.get("instrument_key")
        if inst in order and p.get("evidence"):
            key = f"{inst} {p['article']}"
            because = entry(key)["because"]
            cur = next((b for b in because if b["rule"] == "cited"), None)
            if cur is None:
                because.append({"rule": "cited", "fact": cited_fact, "evidence": [], "persons": []})
                cur = because[-1]
            for ev in p["evidence"]:
                if len(cur["evidence"]) < 2:
                    cur["evidence"].append(widen(cf, ev))
    return sorted(out.values(), key=lambda a: (order.index(a["instrument"]) if a["instrument"] in order else 99,
                                               _artnum(a["article"])))


def by_instrument(articles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """[{instrument, name, full, articles: [...]}] in annex order."""
    groups: dict[str, dict[str, Any]] = {}
    for a in articles:
        g = groups.setdefault(a["instrument"], {"instrument": a["instrument"], "name": a["name"], "full": a["full"], "articles": []})
        g["articles"].append(a)
    return list(groups.values())


def articles_phrase(articles: list[dict[str, Any]], rule: str | None = None) -> str:
    """ "articles 9 and 14 of the ICCPR and article 9 of the UDHR" for the articles a rule engaged."""
    chosen = [a for a in articles if rule is None or any(b["rule"] == rule for b in a["because"])]
    parts = []
    for g in by_instrument(chosen):
        nums = [a["article"] for a in g["articles"]]
        word = "article" if len(nums) == 1 else "articles"
        nums_s = nums[0] if len(nums) == 1 else ", ".join(nums[:-1]) + " and " + nums[-1]
        the = "the " if not g["name"].startswith("the ") else ""
        parts.append(f"{word} {nums_s} of {the}{g['name']}")
    if not parts:
        return ""
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
