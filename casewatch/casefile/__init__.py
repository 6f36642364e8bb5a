"""casefile: consolidation of a case: claims with every supporting quote,
corroboration, conflicts kept apart from updates over time, the timeline and
the roster.  The result is the case file JSON (CASEFILE.md).
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace
from functools import lru_cache
from typing import Any

from ..model import Document, Evidence, Event, Extraction, Judgement, Measure, Mention, Provision, vocab
from ..model.names import fold
from ..resolve import Entity, resolve_case
from ..extract.data import load, word_set
from .claims import in_sentence, part_conflicts, value_conflicts
from .offences import list_conflicts, offence_conflicts
from .people import accused_before, accused_elsewhere, decide_roles, person_features, ranks
from .state import state
from .steps import implied_steps
from .conflicts import date_conflicts, event_count_conflicts, find_conflicts

SCHEMA = "casewatch.casefile/1"


def ev_list(evs: list[Evidence]) -> list[dict[str, Any]]:
    seen, out = set(), []
    for e in evs:
        k = (e.doc, e.start, e.end)
        if k not in seen:
            seen.add(k)
            out.append(e.to_dict())
    return out


def _compatible(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    return a.startswith(b) or b.startswith(a)


def build(case: str, title: str | None, docs: list[Document], extractions: dict[str, Extraction],
          judgements: list[Judgement] | None = None) -> dict[str, Any]:
    judgements = judgements or []
    resolution = resolve_case(extractions, judgements)
    entities = resolution.entities
    persons = [e for e in entities if e.kind == "person"]
    by_mention: dict[tuple[str, int], Entity] = {}
    by_name: dict[tuple[str, str], Entity] = {}
    for e in sorted(entities, key=lambda e: e.kind == "person"):  # a name that is a person's and a body's: the person's
        for d, m in e.mentions:
            by_mention[(d, m.evidence.start)] = e
            by_name[(d, fold(m.name))] = e
            by_name[("*", fold(m.name))] = e

    def entity_for(doc: str, name: str) -> Entity | None:
        return by_name.get((doc, fold(name))) or by_name.get(("*", fold(name)))

    cf: dict[str, Any] = {"schema": SCHEMA, "title": title or case, "case": case}
    cf["documents"] = [{"id": d.id, "sha256": d.sha256, "title": d.title, "publisher": d.publisher,
                        "published": d.published, "kind": d.kind, "filename": d.filename, "text": d.text,
                        "language": d.language, "read": d.read, "laws_read": d.laws_read, "ocr_pages": d.ocr_pages,
                        **({"url": d.source_url, "fetched_at": d.fetched_at} if d.source_url else {}),
                        **({"source_note": d.source_note} if d.source_note else {})}
                       for d in docs]

    # people -------------------------------------------------------------------------
    docs_by_id = {d.id: d for d in docs}
    rank = ranks(persons)
    groups = [(d, ev) for d, ex in extractions.items() for ev in ex.events if ev.whole_group]
    steps = {d: ex.events for d, ex in extractions.items()}
    out_persons = []
    cues: dict[str, tuple[str, ...]] = {}  # the cue groups found in each stretch of text read for this build
    for e in persons:
        roles: list[str] = []
        measures = []
        for d, m in e.mentions:
            for r in m.roles:
                if r not in roles:
                    roles.append(r)
            for ms in m.measures:
                measures.append((d, ms))
        if _official(e.mentions) or _counsel(e.mentions):
            roles = [r for r in roles if r not in ("defendant", "detainee")]
        elif "official" in roles and {"defendant", "detainee"} & set(roles):
            roles.remove("official")  # named among the accused more often than as an official
        elif "defendant" not in roles and (measures or "detainee" in roles) and len(e.docs) >= 2 and \
                any(m.attrs.get("accused_past") for _, m in e.mentions):
            # convicted in the story's early years ("were sentenced … in 2006") and held in this case since
            roles = ["defendant"] + [r for r in roles if r != "detainee"]
        before = accused_before(e.mentions, docs_by_id, steps) if "defendant" in roles else None
        if before is not None:  # convicted before this custody: that term is the past, not the present
            measures = [(d, ms) for d, ms in measures if not (ms.type == "sentence" and ms.date and int(ms.date[:4]) < before)]
        if "defendant" in roles and (before is not None or accused_elsewhere(e.mentions, docs_by_id)):
            roles = [r for r in roles if r != "defendant"] + [r for r in ("detainee",) if r not in roles]
        if "defendant" in roles:
            roles = [r for r in roles if r not in ("detainee", "activist")]
        roles = decide_roles(person_features(e.mentions, docs_by_id, len(docs), rank.get(e.id, 0.5), cues), roles)
        decided = list(roles)
        roles = _judged_roles(e, roles, judgements)
        if {"defendant", "detainee"} & set(roles):
            measures += _group_measures(groups, measures)
        mlist = _measures(measures)
        now = state({"measures": mlist})
        out_persons.append({"id": e.id, "name": e.name, "aliases": e.aliases, "roles": roles or ["other"],
                            "role_sources": _role_sources(e.mentions, roles, decided),
                            "measures": mlist, "current_measure": now["measure"], "current_since": now["since"],
                            "sources": len(e.docs), "why": e.why,
                            "evidence": ev_list([m.evidence for _, m in e.mentions])})
    cf["persons"] = out_persons
    cf["unresolved"] = resolution.unresolved
    for kind, key in (("organization", "organizations"), ("place", "places")):
        cf[key] = [{"id": e.id, "name": e.name, "aliases": e.aliases, "sources": len(e.docs),
                    "evidence": ev_list([m.evidence for _, m in e.mentions])}
                   for e in entities if e.kind == kind]

    # provisions ---------------------------------------------------------------------
    provs: dict[tuple[str, str, str | None], dict[str, Any]] = {}
    by_number = _laws_by_number([p for ex in extractions.values() for p in ex.provisions])
    by_acronym = _laws_by_acronym([p for ex in extractions.values() for p in ex.provisions])
    for ex in extractions.values():
        for p in ex.provisions:
            if p.instrument in by_number:  # "Law No. 94 of 2015" is the "Anti-Terrorism Law No. 94 of 2015" cited elsewhere
                p = replace(p, instrument=by_number[p.instrument][0], instrument_name=by_number[p.instrument][1])
            elif p.acronym and p.instrument in by_acronym:  # "the UAPA" of one report, the Act another defines so
                p = replace(p, instrument=by_acronym[p.instrument][0], instrument_name=by_acronym[p.instrument][1])
            k = (p.instrument, p.article, p.part)
            cur = provs.setdefault(k, {"instrument": p.instrument_name, "instrument_key": p.instrument, "article": p.article,
                                       "part": p.part, "head": p.head, "evidence": []})
            if len(p.instrument_name) > len(cur["instrument"]):
                cur["instrument"] = p.instrument_name
            cur["evidence"] += [e.to_dict() for e in p.evidence]
    # a law the table does not know goes by one name through the case file, the fullest a report gives it ("Ley 906"
    # cited for one article, "Law 906 of 2004" for another)
    table = load("instruments")
    fullest: dict[str, str] = {}
    for cur in provs.values():
        if cur["instrument_key"] not in table and len(cur["instrument"]) > len(fullest.get(cur["instrument_key"], "")):
            fullest[cur["instrument_key"]] = cur["instrument"]
    for cur in provs.values():
        cur["instrument"] = fullest.get(cur["instrument_key"], cur["instrument"])
    cf["provisions"] = sorted(provs.values(), key=lambda x: (x["instrument_key"], _artnum(x["article"]), x["part"] or ""))

    # events -------------------------------------------------------------------------
    places_by_doc = defaultdict(list)
    for e in entities:
        if e.kind == "place":
            for d, m in e.mentions:
                places_by_doc[d].append((m.evidence.start, e.id))
    told = [(doc, ev) for doc, ex in extractions.items() for ev in ex.events]
    merged = _merge_events(told + implied_steps(told))
    out_events = []
    for i, (ev, evdocs) in enumerate(merged, 1):
        participants = []
        for d, ev0 in evdocs:
            for n in ev0.participants:
                ent = entity_for(d, n)
                if ent and ent.kind == "person" and ent.id not in participants:
                    participants.append(ent.id)
        place = None
        for d, ev0 in evdocs:
            q = ev0.evidence[0]
            cands = [pid for pos, pid in places_by_doc[d] if q.start <= pos < q.end]
            if cands:
                place = cands[-1]
                break
        out_events.append({"id": f"e{i}", "type": ev.type, "date": ev.date, "date_end": ev.date_end,
                           "date_inferred": ev.date_inferred, "status": ev.status, "place": place,
                           "participants": participants, "summary": ev.summary, "sources": len({d for d, _ in evdocs}),
                           # the reports that give this date outright (others joined the event without a date)
                           "dated_in": sorted({d for d, e0 in evdocs if e0.date == ev.date and not e0.date_inferred}),
                           "evidence": ev_list([x for _, e0 in evdocs for x in e0.evidence])})
    # an event one report tells without a date of its own (the date read from the story around it) and no other
    # report confirms is kept apart: three times in four such a date is wrong, and the timeline states dates
    cf["events"] = [e for e in out_events if e["date"] and (not e["date_inferred"] or e["sources"] > 1)]
    cf["events_undated"] = [e for e in out_events if not (e["date"] and (not e["date_inferred"] or e["sources"] > 1))]

    # figures ------------------------------------------------------------------------
    figs: dict[tuple[str, float], dict[str, Any]] = {}
    for ex in extractions.values():
        for f in ex.figures:
            k = (f.measure, float(f.value))
            cur = figs.setdefault(k, {"measure": f.measure, "value": int(f.value) if float(f.value).is_integer() else f.value,
                                      "unit": f.unit, "evidence": []})
            cur["evidence"] += [e.to_dict() for e in f.evidence]
    cf["figures"] = sorted(figs.values(), key=lambda x: (x["measure"], x["value"]))
    for f in cf["figures"]:
        f["sources"] = len({e["doc"] for e in f["evidence"]})

    texts = {d.id: d.text for d in docs}
    conflicts, updates = find_conflicts(extractions, entity_for, cf["figures"], judgements, texts)
    conflicts += date_conflicts(cf["events"], cf["figures"])
    conflicts += event_count_conflicts(cf["events"], cf["figures"])
    facilities = {e.id for e in entities if e.kind == "place" and any(_held_in(a) for a in e.aliases)}
    more, more_updates = value_conflicts(extractions, docs, entity_for, facilities)
    conflicts += more + part_conflicts(cf["provisions"], texts) + offence_conflicts(cf["provisions"], texts) \
        + list_conflicts(cf["provisions"], texts)
    updates += more_updates
    # each side of a disagreement quoted in its whole sentence: "arrested 15 activists" says less than the sentence
    # that places them at the meeting, and a reader weighs the two sides by what each report says around the value
    for c in conflicts:
        for cl in c["claims"]:
            seen: dict[tuple, dict[str, Any]] = {}
            for e in cl["evidence"]:
                w = in_sentence(e, texts.get(e["doc"]))
                seen.setdefault((w["doc"], w["start"], w["end"]), w)
            cl["evidence"] = list(seen.values())
    cf["conflicts"] = conflicts
    cf["updates"] = updates
    cf["headline"] = _headline(cf)
    from .communications import communications  # the UN letters received, as items of the case
    cf["communications"] = communications(cf["documents"], cf["persons"])
    return cf


_NUMBERED_RE = re.compile(r"\bNo\.?\s*(\d{1,6})(?:\s+of\s+|/)((?:19|20)\d\d)\b")
_NUMBER_ONLY = re.compile(r"(?:\w+\s+){0,2}No\.?\s*\d{1,6}(?:\s+of\s+|/)(?:19|20)\d\d")  # "Law No. 94 of 2015" and no title


def _held_in(name: str) -> bool:
    """A place's name that says people are held there: a facility's word ("Kessel Prison", "Ward 4 Hospital") or a
    facility's head of two words ("the pretrial detention facility No. 12"; names.yaml `facility_words`,
    `facility_heads`, `held_words`)."""
    words = fold(name).split()
    if any(w in _held_words() for w in words):
        return True
    joined = " " + " ".join(words) + " "
    return any(f" {h} " in joined for h in _held_heads())


@lru_cache(maxsize=None)
def _held_words() -> frozenset[str]:
    return frozenset(fold(w) for w in word_set("names", "facility_words") | word_set("names", "held_words"))


@lru_cache(maxsize=None)
def _held_heads() -> tuple[str, ...]:
    return tuple(fold(h) for h in word_set("names", "facility_heads"))


def _laws_by_number(provisions: list[Provision]) -> dict[str, tuple[str, str]]:
    """{numbered key: (key, name)} where a law cited by its number alone ("Law No. 94 of 2015") is
    elsewhere in the case cited by its title and the same number and year ("Anti-Terrorism Law No. 94 of 2015")."""
    titled: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    numbered: dict[str, tuple[str, str]] = {}
    for p in provisions:
        m = _NUMBERED_RE.search(p.instrument_name)
        if m and _NUMBER_ONLY.fullmatch(p.instrument_name):
            numbered[p.instrument] = m.groups()
            continue
        if m:  # "Public Order Law No. 12 of 2019": the title with its number
            titled[m.groups()].add((p.instrument, p.instrument_name))
            continue
        for e in p.evidence:
            i = e.quote.find(p.instrument_name)
            m = _NUMBERED_RE.match(e.quote, i + len(p.instrument_name) + 1) if i >= 0 else None
            if m:
                titled[m.groups()].add((p.instrument, p.instrument_name))
    return {k: next(iter(titled[num])) for k, num in numbered.items() if len(titled.get(num, ())) == 1}


def _laws_by_acronym(provisions: list[Provision]) -> dict[str, tuple[str, str]]:
    """{acronym's key: (title's key, title)} where a report defines the acronym after the title ("… Act (UAPA)")
    and another uses the acronym alone."""
    from ..extract.laws import slug
    titled: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for p in provisions:
        if p.acronym and p.instrument != slug(p.acronym) and p.instrument_name != p.acronym:
            titled[slug(p.acronym)].add((p.instrument, p.instrument_name))
    out = {}
    for k, ts in titled.items():
        keys = {t for t, _ in ts}
        if len(keys) == 1:
            out[k] = (next(iter(keys)), max((n for _, n in ts), key=len))
    return out


def _artnum(a: str) -> float:
    try:
        return float(a)
    except ValueError:
        return 0.0


def _group_measures(groups: list[tuple[str, Event]], own: list[tuple[str, Any]]) -> list[tuple[str, Measure]]:
    """A release or an exile told of all the accused at once, dated after the person's own latest dated measure: it
    is theirs too (evidence: the sentence that tells it)."""
    last = max((ms.date for _, ms in own if ms.date), default="")
    return [(d, Measure(ev.type, ev.date, ev.evidence[:1])) for d, ev in groups
            if ev.date and ev.date > last and not any(ms.type == ev.type and ms.date == ev.date for _, ms in own)]


def _official(mentions: list[tuple[str, Mention]]) -> bool:
    """Named as an official (judge, prosecutor, minister, police) at least as often as among the accused or the
    held: one of the state's people, whose name stood once in a sentence about an arrest or a charge; an
    accused named many times is not made an official by one sentence that also names one."""
    official = sum(1 for _, m in mentions if "official" in m.roles)
    accused = sum(1 for _, m in mentions if {"defendant", "detainee"} & set(m.roles))
    # told as accused or held in three reports or more: an officeholder in the dock ("Governor A" charged), not the
    # state's officer
    told_accused = len({d for d, m in mentions if {"defendant", "detainee"} & set(m.roles)})
    return official > 0 and official >= accused and told_accused < 3


def _counsel(mentions: list[tuple[str, Mention]]) -> bool:
    """Named as someone's counsel in this case ("his lawyer X", "X, who represents him", "X, Esq.") at least as
    often as named among the accused: counsel, whose name stood in a sentence about the charges."""
    counsel = sum(1 for _, m in mentions if m.attrs.get("counsel"))
    accused = sum(1 for _, m in mentions if "defendant" in m.roles)
    return counsel > 0 and counsel >= accused


def _role_sources(mentions: list[tuple[str, Mention]], roles: list[str], decided: list[str]) -> dict[str, Any]:
    """What each role of a person rests on: the mentions whose sentence gives it (`text`, their spans, the first five
    in the reports' order), else the role model reading all their mentions together (`model`), else an analyst's
    judgement (`analyst`)."""
    out: dict[str, Any] = {}
    for r in roles:
        evs = ev_list([m.evidence for _, m in mentions if r in m.roles])[:5]
        out[r] = {"by": "text" if evs else "model" if r in decided else "analyst", "evidence": evs}
    return out


def _judged_roles(e: Entity, roles: list[str], judgements: list[Judgement]) -> list[str]:
    keys = e.keys
    for j in judgements:
        if j.kind == "role" and fold(j.payload.get("name", "")) in keys:
            if j.payload.get("remove"):
                roles = [r for r in roles if r != j.payload["role"]]
            elif j.payload["role"] not in roles:
                roles.append(j.payload["role"])
    return roles


def _measures(measures: list[tuple[str, Any]]) -> list[dict[str, Any]]:
    """A person's measures, one per kind, oldest first (an undated one before the dated: a report's undated
    mention of a measure is as often its background as its present)."""
    by_type: dict[str, dict[str, Any]] = {}
    for _, ms in measures:
        cur = by_type.setdefault(ms.type, {"type": ms.type, "date": ms.date, "length": ms.length, "evidence": []})
        if ms.date and (not cur["date"] or (len(ms.date) > len(cur["date"]) and _compatible(ms.date, cur["date"]))):
            cur["date"] = ms.date
        if ms.length and not cur["length"]:
            cur["length"] = ms.length
        cur["evidence"] += [e.to_dict() for e in ms.evidence]
    order = vocab()["measures"]
    # the current measure is the latest; house arrest replaces remand only when dated later
    out = sorted(by_type.values(), key=lambda x: (x["date"] or "", order.index(x["type"]) if x["type"] in order else 99))
    return out


def _merge_events(items: list[tuple[str, Event]]) -> list[tuple[Event, list[tuple[str, Event]]]]:
    """One event per (type, date): sources that agree are joined; undated mentions join a dated one."""
    groups: list[tuple[Event, list[tuple[str, Event]]]] = []
    items = sorted(items, key=lambda x: (x[1].date is None, x[1].date_inferred, -(len(x[1].date or ""))))
    # the groups of each type (in the order they were made), and under each beginning of their dates ("2025",
    # "2025-1", "2025-11", …): the groups a dated event may join are found by its date, not by a scan of all
    by_type: dict[str, list[int]] = defaultdict(list)
    by_start: dict[tuple[str, str], list[int]] = defaultdict(list)
    by_date: dict[tuple[str, str], list[int]] = defaultdict(list)

    def index(n: int) -> None:
        t, d = groups[n][0].type, groups[n][0].date or ""
        by_date[(t, d)].append(n)
        for k in range(len(d) + 1):
            by_start[(t, d[:k])].append(n)

    for doc, ev in items:
        home = None
        cands = []
        if ev.date:  # _compatible: a group's date that begins ev's, or that ev's begins, or none
            near = set(by_start.get((ev.type, ev.date), ()))
            for k in range(len(ev.date)):
                near.update(by_date.get((ev.type, ev.date[:k]), ()))
            cands = [groups[n] for n in sorted(near) if _compatible(groups[n][0].date, ev.date)]
        if cands:
            home = max(cands, key=lambda g: (len(g[1]), not g[0].date_inferred))
        elif not ev.date:
            same = [groups[n] for n in by_type.get(ev.type, ())]
            home = max(same, key=lambda g: len(g[1])) if same else None
        if home is None:
            rep = Event(type=ev.type, date=ev.date, evidence=list(ev.evidence), date_end=ev.date_end, place=ev.place,
                        participants=list(ev.participants), summary=ev.summary, status=ev.status,
                        date_inferred=ev.date_inferred)
            groups.append((rep, [(doc, ev)]))
            by_type[ev.type].append(len(groups) - 1)
            index(len(groups) - 1)
        else:
            rep, members = home
            members.append((doc, ev))
            if ev.date and rep.date and len(ev.date) > len(rep.date) and not ev.date_inferred:
                rep.date = ev.date
                index(next(n for n in by_type[rep.type] if groups[n][0] is rep))  # found by its new date too
            if ev.date_end and not rep.date_end:
                rep.date_end = ev.date_end
            if ev.status == "happened" and not ev.date_inferred:
                rep.status = "happened"
            if not ev.date_inferred:
                rep.date_inferred = False
    # an undated event whose type has dated ones elsewhere has been joined; keep the rest
    groups.sort(key=lambda g: (g[0].date or "9999", g[0].type))
    return groups


def _headline(cf: dict[str, Any]) -> list[dict[str, Any]]:
    """Each count the sources give next to how many people the case names for it."""
    out = []
    named = {
        "charged": [p for p in cf["persons"] if "defendant" in p["roles"]],
        "detained": [p for p in cf["persons"] if {"defendant", "detainee"} & set(p["roles"])],
        "pretrial_detention": [p for p in cf["persons"] if any(m["type"] == "pretrial_detention" for m in p["measures"])],
        "house_arrest": [p for p in cf["persons"] if any(m["type"] == "house_arrest" for m in p["measures"])],
    }
    for f in cf["figures"]:
        if f["measure"] in named:
            n = len(named[f["measure"]])
            out.append({"measure": f["measure"], "value": f["value"], "named": n,
                        "not_named": max(0, int(f["value"]) - n), "evidence": f["evidence"][:1]})
    return out
