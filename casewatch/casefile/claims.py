"""Conflicts as one mechanism: every value a report states about a subject is a claim of a kind (an age, a
prison term, a length of time, an amount, a place of detention, a count, the day of an event, the part of
an article).  Two claims of one kind about one subject that cannot both be true, from reports that never
give each other's value, are a conflict; a value a report presents as a change (a term cut on appeal, a
transfer) is an update, never a conflict.
"""
from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from typing import Any, Callable

from ..model import Claim, Document, Extraction, provision_label
from ..model.names import fold, person_key
from ..extract.facilities import PRISON_WORDS
from ..extract.values import ENDED
from .people import sentence_around

KINDS = {"age", "term", "duration", "amount", "facility", "count", "time"}
CASE_AMOUNTS = {"bail", "surety", "seized", "funding", "frozen", "payment", "economic_cost"}


def _count_people() -> frozenset[str]:
    from ..extract.data import load
    return frozenset(load("values").get("count_people", []))


def frame_of(topic: str) -> str:
    return topic.partition(".")[2]
# lengths of time that end: two reports that differ on them disagree whatever their dates
CLOSED_DURATIONS = {"solitary_confinement", "incommunicado"}
LABELS = {"age": "age", "term": "prison term", "duration": "time in {frame}", "amount": "amount of {frame}",
          "facility": "where held", "count": "number of {frame}", "time": "time of day of the {frame}"}
# two ages a year apart told less than three months apart disagree ("54" in March, "55" in May): a birthday in
# between is the less likely story, and the analyst is asked; further apart, the person may have aged
BIRTHDAY_YEARS = 0.25
APPROXIMATE_MINUTES = 45  # "around 9pm" and "9:30 pm" may be one time; "around 9pm" and "10:30 pm" are not


def _day(d: str | None) -> date | None:
    try:
        return date.fromisoformat(d) if d and len(d) == 10 else None
    except ValueError:
        return None


def _norm(kind: str, value: str) -> Any:
    if kind == "amount":
        code, num = value.split(" ", 1)
        return code, float(num.replace(",", ""))
    if kind == "term":
        m = re.fullmatch(r"(?:(\d+) years)?\s*(?:(\d+) months)?", value.strip())
        return int(m.group(1) or 0) * 12 + int(m.group(2) or 0) if m else value
    if kind in ("age", "count"):
        return float(value)
    if kind == "duration":
        return float(value.split()[0])
    if kind == "time":
        h, m = value.lstrip("~").split(":")
        return int(h) * 60 + int(m), value.startswith("~")
    return value


def _compatible(kind: str, frame: str | None, a: Any, b: Any, da: date | None, db: date | None) -> bool:
    if a == b:
        return True
    if kind == "amount":
        if a[0] != b[0]:
            return True  # two currencies: no rate to compare them by
        lo, hi = sorted((a[1], b[1]))
        return hi <= lo * 1.02
    if kind == "time":
        return abs(a[0] - b[0]) <= (APPROXIMATE_MINUTES if a[1] or b[1] else 0)
    if kind == "age":
        if da is None or db is None:
            return False
        (d1, v1), (d2, v2) = sorted(((da, a), (db, b)), key=lambda x: x[0])
        years = (d2 - d1).days / 365.25
        lo, hi = (int(years), int(years) + 1) if years > BIRTHDAY_YEARS else (0, 0)
        return lo <= v2 - v1 <= hi
    if kind == "count":
        if frame not in _count_people():
            return False
        lo, hi = sorted((a, b))
        if hi <= 10:
            return False  # "two children" / "three children" among the charged: a few of a kind are counted one by one
        return hi > lo * 1.15  # 2,000 marching and 50 arrested are two groups, 114 and 119 arraigned one
    if kind == "duration":
        if frame and frame.endswith(ENDED):
            lo, hi = sorted((a, b))
            if lo % 7 and lo % 30 and hi % 7 and hi % 30 and hi <= lo * 1.5:
                return False  # both counted in days ("47 days" / "45 days"): no rounding between them
            # one length counted two ways ("eight months" / "252 days"), or two times of one kind ("33 days" in
            # 2017, "nine months" in 2019): not a disagreement
            return hi <= lo * 1.1 or hi > lo * 1.5
        if frame not in CLOSED_DURATIONS:
            return True  # a time still running grows between reports, and a remand's term is not the time held
        lo, hi = sorted((a, b))
        return hi <= lo * 1.1  # "eight months" and "252 days": one time, counted two ways
    return False


def value_conflicts(extractions: dict[str, Extraction], docs: list[Document], entity_for: Callable,
                    facilities: set[str]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Conflicts and updates among the claims of KINDS."""
    dated = {d.id: _day(d.published) for d in docs}
    groups: dict[tuple[str, str | None], list[tuple[str, Claim, Any]]] = defaultdict(list)
    told_on: dict[int, date | None] = {}  # a claim's own date ("31 at the time of his arrest"), else its report's
    names: dict[str, str] = {}
    for doc, ex in extractions.items():
        for c in ex.claims:
            kind = c.topic.split(".")[0]
            if kind not in KINDS:
                continue
            subj = None
            if kind == "time":
                if not c.date:
                    continue
                subj = f"day:{c.date}"  # the step of that day, whoever's
                names[subj] = c.date
            elif c.topic == "term.maximum" and c.subject:
                subj = c.subject  # an article of a law ("criminal_code:280.3"): the penalty it sets
                names[subj] = "Article " + c.subject.split(":", 1)[1]
            elif c.subject and not (kind == "amount" and frame_of(c.topic) in CASE_AMOUNTS):
                # one bail for many, one sum seized or received: the case's; a fine or damages: a person's
                ent = entity_for(doc, c.subject)
                if ent is not None and ent.kind != "person":
                    continue
                if ent is None:
                    # a name left unresolved ("Al-Ghamdi" in a case of brothers): reports that write it so are compared
                    # with one another, never with a person the name may not be
                    subj = name_subject(c.subject)
                    names[subj] = c.subject
                else:
                    subj, names[ent.id] = ent.id, ent.name
            elif kind in ("age", "term", "facility") or (kind == "amount" and frame_of(c.topic) not in CASE_AMOUNTS):
                continue  # an age, a term, a fine or a place of detention of nobody named ("they are held in …": which?)
            val = c.value
            if kind == "facility":
                ent = entity_for(doc, c.value)
                if ent is None and c.value.split()[-1] in PRISON_WORDS:
                    # "the Norport civil prison": a place's prison, known by the place's name
                    place = " ".join(w for w in c.value.split() if not w.islower()) or c.value
                    ent = entity_for(doc, place)
                    if ent is None or ent.id not in facilities:
                        val = "prison-of:" + fold(place)
                        names.setdefault(val, c.value)
                        groups[(c.topic, subj)].append((doc, c, val))
                        continue
                if ent is None or ent.id not in facilities:
                    continue
                val, names[ent.id] = ent.id, ent.name
            groups[(c.topic, subj)].append((doc, c, _norm(kind, val)))
            if c.date:
                told_on[id(c)] = _day(c.date)
    conflicts, updates = [], []
    for (topic, subj), claims in groups.items():
        kind, _, frame = topic.partition(".")
        plain = [(d, c, v) for d, c, v in claims if not c.update]
        for d, c, v in claims:
            prev = next((pc for pd, pc, pv in plain if pv != v), None)
            if c.update and prev is not None:  # a change from a value told before ("raised from six years to 34")
                updates.append({"topic": _label(kind, frame, names.get(subj)), "subject": subj, "from": prev.value,
                                "to": c.value, "evidence": [x.to_dict() for x in prev.evidence[:1] + c.evidence[:1]]})
        by_doc: dict[str, set] = defaultdict(set)
        when: dict[tuple[str, Any], date | None] = {}
        months: dict[tuple[str, Any], str] = {}  # the month a count is of ("19 killed on 25 June", "38 in July")
        for d, c, v in plain:
            by_doc[d].add(v)
            when[(d, v)] = told_on.get(id(c)) or dated.get(d)
            if c.date and len(c.date) == 7:
                months[(d, v)] = c.date
        values = sorted({v for _, _, v in plain}, key=str)
        clash = set()
        for i, a in enumerate(values):
            for b in values[i + 1:]:
                da = [d for d, vs in by_doc.items() if a in vs and b not in vs]
                db = [d for d, vs in by_doc.items() if b in vs and a not in vs]
                if not da or not db:
                    continue
                if any(not _compatible(kind, frame, a, b, when.get((x, a)), when.get((y, b)))
                       and not _other_months(months.get((x, a)), months.get((y, b))) for x in da for y in db):
                    clash |= {a, b}
        told = plain
        if kind == "facility" and len(clash) < 2:
            # two reports moving the person at the same time to different places ("shifted on 14 June to A", "moved
            # in June to B"): one of them is wrong; moves at other times are the person's path
            told = [(d, c, v) for d, c, v in claims if c.update and c.date]
            clash = {v for d, c, v in told for d2, c2, v2 in told
                     if d2 != d and v2 != v and (c.date.startswith(c2.date) or c2.date.startswith(c.date))}
        if len(clash) < 2:
            continue
        label = _label(kind, frame, names.get(subj))
        vals = [(v, [(d, c) for d, c, w in told if w == v]) for v in sorted(clash, key=str)]
        conflicts.append({"topic": label, "key": f"{topic}:{fold(names[subj]) if subj else ''}",
                          "subject": subj, "status": "open",
                          "claims": [{"value": cs[0][1].value if kind != "facility" else names.get(v, str(v)),
                                      "sources": len({d for d, _ in cs}),
                                      "evidence": _evidence(cs)} for v, cs in vals]})
    return conflicts, updates


def _other_months(a: str | None, b: str | None) -> bool:
    """Counts told of two different months ("19 killed on 25 June", "38 killed on 7 July") count two events."""
    return bool(a and b and a != b)


def _evidence(cs: list[tuple[str, Claim]]) -> list[dict[str, Any]]:
    seen, out = set(), []
    for _, c in cs:
        for e in c.evidence:
            if (e.doc, e.start) not in seen:
                seen.add((e.doc, e.start))
                out.append(e.to_dict())
    return out


def _label(kind: str, frame: str, name: str | None) -> str:
    ended = kind == "duration" and frame.endswith(ENDED)
    frame = frame.removesuffix(ENDED) if ended else frame
    t = LABELS[kind].format(frame=frame.replace("_", " ") if frame else "").strip() + (" (once over)" if ended else "")
    if kind == "term" and frame:
        t = f"{frame.replace('_', ' ')} {t}"
    return f"{t} ({name})" if name else t


def part_conflicts(provisions: list[dict[str, Any]], texts: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """The same article of the same law cited with different parts by reports that never cite the other; each side
    quoted with its sentence ("found them guilty under section 57(1) of the Act"), where the report's text is at
    hand."""
    by_article: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    ev: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    heads: dict[tuple[str, str], str | None] = {}
    for p in provisions:
        if not p.get("part"):
            continue
        part = str(p["part"]).split("(")[0].split(".")[0]
        for e in p["evidence"]:
            by_article[(p["instrument_key"], p["article"])][part].add(e["doc"])
            ev[(p["instrument_key"], p["article"], part)].append(in_sentence(e, (texts or {}).get(e["doc"])))
        heads[(p["instrument_key"], p["article"])] = p.get("head")
    out = []
    for (inst, art), parts in by_article.items():
        ps = sorted(parts)
        clash = {a for a in ps for b in ps if a != b and parts[a] - parts[b] and parts[b] - parts[a]
                 and not (parts[a] & parts[b])}
        if len(clash) < 2:
            continue
        head = heads.get((inst, art)) or "Article"
        out.append({"topic": f"part of {head.lower()} {art} cited", "key": f"part.{inst}.{art}:", "subject": None,
                    "status": "open",
                    "claims": [{"value": provision_label(head, art, p), "sources": len(parts[p]),
                                "evidence": ev[(inst, art, p)]} for p in sorted(clash)]})
    return out


def name_subject(name: str) -> str:
    """The subject of a claim about a name left unresolved ("Al-Ghamdi" in a case of brothers): compared only with the
    claims of reports that write the name so, never with a person the name may not be."""
    return "name:" + "-".join(person_key(name))


def in_sentence(e: dict[str, Any], text: str | None) -> dict[str, Any]:
    """A citation's evidence widened to the sentence that cites it."""
    if not text or text[e["start"]:e["end"]] != e["quote"]:
        return e
    a, b = sentence_around(text, e["start"], e["end"], reach=300)
    return {**e, "start": a, "end": b, "quote": text[a:b]}
