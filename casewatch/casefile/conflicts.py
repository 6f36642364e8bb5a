"""Where sources disagree (a conflict) and where a later source moves a fact on
(an update, not a conflict)."""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Any, Callable

from ..model import Claim, Extraction, Judgement
from ..extract.numbers import as_number
from ..model.names import fold, person_key
from .claims import KINDS as VALUE_KINDS, name_subject
from .voices import apart_in_report, voices_of

COUNT_MEASURES = {"detained", "charged", "pretrial_detention", "house_arrest", "administrative_detention", "fined",
                  "convicted", "released"}


def _interval(value: str) -> tuple[float, float] | None:
    m = re.match(r"(?:(up to) )?([\d.]+)(?:–([\d.]+))? (\w+)", value)
    if not m:
        return None
    unit = {"day": 1, "week": 7, "month": 30, "year": 365}.get(m.group(4).rstrip("s"), 1)
    lo, hi = float(m.group(2)), float(m.group(3) or m.group(2))
    if m.group(1):
        lo = 0.0
    return lo * unit, hi * unit


def _amounts_close(a: str, b: str) -> bool:
    """ "peso 2400000" and "peso 2415830": one amount, rounded in one source."""
    ma, mb = re.fullmatch(r"(\S+) ([\d.]+)", a), re.fullmatch(r"(\S+) ([\d.]+)", b)
    if not (ma and mb) or ma.group(1) != mb.group(1):
        return False
    x, y = sorted((float(ma.group(2)), float(mb.group(2))))
    return y <= x * 1.02


def _disagree(a: str, b: str) -> bool:
    if _amounts_close(a, b):
        return False
    ia, ib = _interval(a), _interval(b)
    if ia is None or ib is None:
        return a != b
    if ia == ib:
        return False
    point_a, point_b = ia[0] == ia[1], ib[0] == ib[1]
    if point_a and ib[0] <= ia[0] <= ib[1] and ib[0] == 0:
        return False  # "10 days" within "up to 10 days"
    if point_b and ia[0] <= ib[0] <= ia[1] and ia[0] == 0:
        return False
    return True


def find_conflicts(extractions: dict[str, Extraction], entity_for: Callable, figures: list[dict[str, Any]],
                   judgements: list[Judgement], texts: dict[str, str] | None = None) -> tuple[list[dict], list[dict]]:
    topics: dict[tuple[str, str | None], list[tuple[str, Claim]]] = defaultdict(list)
    names: dict[str, str] = {}  # entity id -> name: labels and keys name the subject, ids are renumbered
    for doc, ex in extractions.items():
        for c in ex.claims:
            if c.topic.split(".")[0] in VALUE_KINDS:
                continue  # compared by casefile/claims.py
            subj = None
            if c.subject:
                ent = entity_for(doc, c.subject)
                if ent is not None:
                    subj = ent.id
                    names[subj] = ent.name
                elif person_key(c.subject) and c.topic.split(".")[0] not in OWNED:  # a year of a life: a known person's
                    subj = name_subject(c.subject)  # a name left unresolved ("Camacho" in a case of three Camachos)
                    names[subj] = c.subject
                else:
                    continue
            topics[(c.topic, subj)].append((doc, c))
    conflicts: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    for (topic, subj), claims in topics.items():
        if subj is None and topic.split(".")[0] in OWNED:
            continue  # "founded in 1991" / "set up in 2021": two bodies' years, unless a report names whose
        plain = [(d, c) for d, c in claims if not c.update]
        upd = [(d, c) for d, c in claims if c.update]
        base = _kind(topic)
        if base == "fate":
            vals = defaultdict(list)
            for d, c in plain:
                vals[c.value.split(":")[0]].append((d, c))
            # "whereabouts unknown" against a source that knows where the person is; held then sentenced is a story
            if "unknown" in vals and len(vals) > 1 and len({d for v in vals.values() for d, _ in v}) > 1:
                conflicts.append(_conflict(f"fate of {names[subj]}", topic, subj, names.get(subj), vals))
            continue
        vals = defaultdict(list)
        for d, c in plain:
            vals[c.value].append((d, c))
        distinct = list(vals)
        strict = base in STRICT_TOPICS
        clash = [(a, b) for i, a in enumerate(distinct) for b in distinct[i + 1:] if _disagree(a, b)
                 and _apart({d for d, _ in vals[a]}, {d for d, _ in vals[b]}, strict)
                 and not (base in ("force", "crowd") and _same_size(a, b))
                 and not (base == "arrest" and not _one_arrest(a, b, vals))]
        if clash:
            keep = {x for pair in clash for x in pair}
            conflicts.append(_conflict(_topic_label(topic, names.get(subj)), topic, subj, names.get(subj),
                                       {k: v for k, v in vals.items() if k in keep}))
        for _, c in upd:
            prev = plain[0] if plain else None
            updates.append({"topic": _topic_label(topic, names.get(subj)), "subject": subj,
                            "from": prev[1].value if prev else None, "to": c.value,
                            "evidence": [x.to_dict() for x in (prev[1].evidence if prev else [])] + [x.to_dict() for x in c.evidence]})
    # counts of people that drift between sources: close numbers (six or more) that no source gives together
    # ("26 people were arrested" / "police arrested 29 activists"); 3 and 26 are two groups, not a drift
    texts = texts or {}
    for f_measure in sorted(COUNT_MEASURES):
        fs = sorted((f for f in figures if f["measure"] == f_measure), key=lambda f: f["value"])
        docs = [{e["doc"] for e in f["evidence"]} for f in fs]
        voices: dict[int, dict[str, set[str | None]]] = {}  # read only for counts a report gives beside another

        def voiced(k: int) -> dict[str, set[str | None]]:
            if k not in voices:
                voices[k] = voices_of(fs[k]["evidence"], texts)
            return voices[k]
        group: dict[int, int] = {}  # the counts that drift into one another ("six" / "seven" / "eight") are one conflict
        for i, fa in enumerate(fs):
            for j in range(i + 1, len(fs)):
                fb = fs[j]
                # small groups grow by named arrests (three, then four, then five): no drift; one report gives both
                # only where it names a source for each ("the ministry said 33 …; the committee counted 37")
                if fa["value"] == fb["value"] or fb["value"] > 1.5 * fa["value"] or fa["value"] < 6 \
                        or (docs[i] & docs[j] and not apart_in_report(voiced(i), voiced(j))):
                    continue
                gi, gj = group.setdefault(i, i), group.setdefault(j, j)
                for k, g in group.items():
                    if g == gj:
                        group[k] = gi
        for g in sorted(set(group.values())):
            members = [fs[k] for k in sorted(group) if group[k] == g]
            conflicts.append({"topic": f"number {f_measure.replace('_', ' ')}",
                              "key": f"figure.{f_measure}:" + "-".join(str(as_number(f["value"])) for f in members),
                              "subject": None, "status": "open",
                              "claims": [{"value": str(f["value"]), "sources": len({e["doc"] for e in f["evidence"]}),
                                          "evidence": f["evidence"]} for f in members]})
    _apply_conflict_judgements(conflicts, judgements)
    return conflicts, updates


# values that belong to someone: without a subject named, two reports' values may be two owners'
OWNED = {"year"}
# topics where one source may give two values for two groups: a conflict needs a source on each side alone
STRICT_TOPICS = {"amount", "force", "year"}


def _one_arrest(a: str, b: str, vals: dict[str, list]) -> bool:
    """Two days given for one person's arrest are one arrest told two ways when no source gives both and they
    are two weeks apart at most ("arrested the same night" / the official record's "arrested on 26 November");
    a source that tells both tells two arrests."""
    from datetime import date as _date
    try:
        gap = abs((_date.fromisoformat(a) - _date.fromisoformat(b)).days)
    except ValueError:
        return False
    return gap <= 14 and not ({d for d, _ in vals[a]} & {d for d, _ in vals[b]})


def _apart(a: set[str], b: set[str], strict: bool) -> bool:
    return bool(a - b and b - a) if strict else a != b


def _same_size(a: str, b: str) -> bool:
    """Force sizes within a quarter of each other are one estimate told twice."""
    try:
        x, y = sorted((float(a), float(b)))
    except ValueError:
        return False
    return y <= 1.25 * x


def _kind(topic: str) -> str:
    return topic.split(".")[0]


def _topic_label(topic: str, name: str | None) -> str:
    t = topic.replace(".", " ").replace("_", " ")
    return f"{t} ({name})" if name else t


def _conflict(label: str, topic: str, subj: str | None, name: str | None, vals: dict[str, list]) -> dict[str, Any]:
    """A conflict; its key names the subject by folded name, so an analyst's ruling survives re-extraction."""
    return {"topic": label, "key": f"{topic}:{fold(name) if name else ''}", "subject": subj, "status": "open",
            "claims": [{"value": v, "sources": len({d for d, _ in cs}),
                        "evidence": [x.to_dict() for _, c in cs for x in c.evidence]} for v, cs in vals.items()]}


def _apply_conflict_judgements(conflicts: list[dict[str, Any]], judgements: list[Judgement]) -> None:
    for j in judgements:
        if j.kind != "conflict":
            continue
        for c in conflicts:
            if c["key"] == j.payload.get("key"):
                c["status"] = "resolved"
                c["resolution"] = {"stands": j.payload.get("stands"), "note": j.payload.get("note"),
                                   "by": j.user, "at": j.created_at, "judgement": j.id}


def _told_in(figure: dict[str, Any], event: dict[str, Any]) -> list[dict[str, Any]]:
    """The evidence of a count that lies in the sentences telling an event."""
    spans = [(e["doc"], e["start"], e["end"]) for e in event["evidence"]]
    return [e for e in figure["evidence"] if any(e["doc"] == d and s <= e["start"] < t for d, s, t in spans)]


def date_conflicts(events: list[dict[str, Any]], figures: list[dict[str, Any]], max_days: int = 7) -> list[dict[str, Any]]:
    """One event told on two dates: the same kind of event, each date given outright to the day by sources
    that never give the other, a few days apart, and the two tellings share a count ("detained 11 persons" /
    "detained eleven people") or a named participant.  Two raids a day apart, each told by one source, stay
    two events when nothing ties them.

    Each event's ties are worked out once (counts found through an index of the counts' evidence by report), and
    only events of one kind within `max_days` of each other are compared: the cost grows with the events, not
    with their pairs times the counts."""
    from bisect import bisect_right
    from datetime import date as _date

    def day(d: str | None) -> _date | None:
        try:
            return _date.fromisoformat(d) if d and len(d) == 10 else None
        except ValueError:
            return None

    counts_in: dict[str, list[tuple[int, dict[str, Any]]]] = defaultdict(list)  # report -> (offset, count)
    for f in figures:
        if f["measure"] in COUNT_MEASURES:
            for e in f["evidence"]:
                counts_in[e["doc"]].append((e["start"], f))
    for v in counts_in.values():
        v.sort(key=lambda x: x[0])

    def ties(ev: dict[str, Any]) -> set[tuple]:
        out: set[tuple] = {("person", p) for p in ev.get("participants", [])}
        for e in ev["evidence"]:
            found = counts_in.get(e["doc"], [])
            k = bisect_right(found, e["start"] - 1, key=lambda x: x[0])
            while k < len(found) and found[k][0] < e["end"]:
                f = found[k][1]
                out.add(("count", f["measure"], f["value"]))
                k += 1
        return out

    told = [ev for ev in events if day(ev.get("date")) and not ev.get("date_inferred") and ev.get("status") != "announced"]
    by_type: dict[str, list[tuple[_date, dict[str, Any]]]] = defaultdict(list)
    for ev in told:
        by_type[STEP_OF.get(ev["type"], ev["type"])].append((day(ev["date"]), ev))
    tie_of: dict[int, set[tuple]] = {}
    # the people of a day in a report: "convicted Mohammad …" and "sentenced al-Ghamdi" on one day of the same reports
    # are one story, whoever each sentence names
    day_people: dict[tuple[str, str], set[str]] = defaultdict(set)
    for ev in told:
        for e in ev["evidence"]:
            day_people[(e["doc"], ev["date"])].update(ev.get("participants", []))

    def people_of(ev: dict[str, Any]) -> set[str]:
        return {p for e in ev["evidence"] for p in day_people[(e["doc"], ev["date"])]}

    def tied(ev: dict[str, Any]) -> set[tuple]:
        if id(ev) not in tie_of:
            tie_of[id(ev)] = ties(ev)
        return tie_of[id(ev)]
    out: list[dict[str, Any]] = []
    for kind, items in by_type.items():
        items.sort(key=lambda x: x[0])
        for i, (da_, a) in enumerate(items):
            for db_, b in items[i + 1:]:
                gap = (db_ - da_).days
                if gap > max_days:
                    break
                if a["date"] == b["date"]:
                    continue
                if _dated_in(a) & _dated_in(b):
                    continue  # one source tells both dates: two events
                ta, tb = tied(a), tied(b)
                shared = ta & tb
                pa, pb = people_of(a), people_of(b)
                # a one-off step of a case told a day or two apart by sources that never give the other day is one
                # step told two ways ("arrested on the night of 29 October" / "on 30 October"), unless each names
                # other people
                ca = {(t[1], t[2]) for t in ta if t[0] == "count"}
                cb = {(t[1], t[2]) for t in tb if t[0] == "count"}
                apart = any(m1 == m2 and max(v1, v2) > 1.5 * min(v1, v2) for m1, v1 in ca for m2, v2 in cb)
                adjacent = gap <= ONE_OFF.get(kind, -1) \
                    and not (pa and pb and not pa & pb) and not apart  # nine detained, then four: two raids
                if not shared and not adjacent:
                    continue
                out.append(_date_conflict(a, b))
    # a one-off step told to the day by one source and to the month by another, months apart ("convicted on 27
    # November 2017" / "convicted in December 2017"): the same people's step, told two ways
    months = [ev for ev in events if ev.get("date") and len(ev["date"]) == 7 and not ev.get("date_inferred")
              and ev.get("status") != "announced" and STEP_OF.get(ev["type"], ev["type"]) in ONE_OFF]
    seen: set[tuple[str, str, str]] = set()
    for m in months:
        kind = STEP_OF.get(m["type"], m["type"])
        for da_, a in by_type.get(kind, []):
            if a["date"][:7] == m["date"] or _dated_in(a) & _dated_in(m) or (kind, a["date"], m["date"]) in seen:
                continue
            if abs((da_.year * 12 + da_.month) - (int(m["date"][:4]) * 12 + int(m["date"][5:7]))) != 1:
                continue
            if people_of(a) & people_of(m) or tied(a) & ties(m):
                seen.add((kind, a["date"], m["date"]))
                out.append(_date_conflict(a, m))
    return out


def _date_conflict(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    first, second = (a, b) if a["date"] < b["date"] else (b, a)
    return {"topic": f"date of the {first['type'].replace('_', ' ')}",
            "key": f"event_date.{first['type']}:{first['date']}-{second['date']}",
            "subject": None, "status": "open",
            "claims": [{"value": x["date"], "sources": len({e["doc"] for e in x["evidence"]}),
                        "evidence": x["evidence"]} for x in (first, second)]}


def _dated_in(ev: dict[str, Any]) -> set[str]:
    """The reports that give an event's date outright (a report that only joined it, undated, gives no date)."""
    return set(ev["dated_in"]) if "dated_in" in ev else {e["doc"] for e in ev["evidence"]}


# steps of a case that happen once to a person or a group, and how many days apart two days given for one of them
# are still one step told two ways: an arrest a day apart ("the night of 29 October" / "30 October"); a judgment
# within the week ("convicted on 8 December" / "sentenced on Monday", the 12th)
ONE_OFF = {"arrest": 2, "trial_opened": 2, "judgment": 7}
# a verdict and its sentence, told by reports that each give one of them with its day and never the other's,
# are one judgment: "convicted on 8 December" / "sentenced on Monday" (12 December) disagree on its day
STEP_OF = {"verdict": "judgment", "sentence": "judgment"}


# the event a count of people is told in: "Three were freed on Friday" / "Four of them were released the next day"
COUNT_EVENT = {"detained": "arrest", "released": "release", "charged": "charge", "convicted": "verdict",
               "pretrial_detention": "pretrial_detention", "house_arrest": "house_arrest", "fined": "administrative_sanction"}


def event_count_conflicts(events: list[dict[str, Any]], figures: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A small count (under six, which the drift rule leaves alone) told two ways for one event: the same kind
    of event on the same day, each count in that event's own sentences from sources that never give the other.
    Three, then four, then five journalists arrested on different days stay a story, not a conflict."""
    out: list[dict[str, Any]] = []
    # the small counts of each measure, each with the reports it is told in: a count told in none of an event's
    # reports is not looked for in its sentences
    small = {m: [(f, {e["doc"] for e in f["evidence"]}) for f in figures if f["measure"] == m and f["value"] < 6]
             for m in COUNT_EVENT}
    for ev in events:
        if not ev.get("date") or len(ev["date"]) != 10 or ev.get("status") == "announced":
            continue
        for measure, etype in COUNT_EVENT.items():
            if ev["type"] != etype:
                continue
            docs = {e["doc"] for e in ev["evidence"]}
            told = [(f, ins) for f, fdocs in small[measure] if not fdocs.isdisjoint(docs)
                    for ins in [_told_in(f, ev)] if ins]
            for i, (fa, ea) in enumerate(told):
                for fb, eb in told[i + 1:]:
                    da, db = {e["doc"] for e in fa["evidence"]}, {e["doc"] for e in fb["evidence"]}
                    if fa["value"] == fb["value"] or da & db:
                        continue
                    lo, hi = sorted(((fa, ea), (fb, eb)), key=lambda x: x[0]["value"])
                    out.append({"topic": f"number {measure.replace('_', ' ')} ({etype.replace('_', ' ')} of {ev['date']})",
                                "key": f"event_count.{measure}:{ev['date']}:{as_number(lo[0]['value'])}-{as_number(hi[0]['value'])}",
                                "subject": None, "status": "open",
                                "claims": [{"value": str(f["value"]), "sources": len({e["doc"] for e in e_}),
                                            "evidence": e_} for f, e_ in (lo, hi)]})
    return out
