"""One offence, two articles, and one charge sheet cited as two lists.

One offence: reports that charge the same offence under different articles of one law ("treason felony under section
180 of the Act" / "a charge of treason felony contrary to section 182"), where no report cites both. The offence is
read from the words the report writes right before the citation ("of terrorism under Article 133", "the crime of
terrorism, which under Article 133") or in brackets right after it ("Article 310 (terrorism)").

Two lists: "Articles 5 and 6 of the Law of 11 January 1958" in one report, "articles 6 et 7 de la loi du 11 janvier
1958" in another: lists of one national law as long as each other, with an article in common, whose other articles
the other report never cites."""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from ..extract.data import load
from ..model.names import fold
from .claims import in_sentence

BEFORE = re.compile(r"\b(?:of|with|for|including|on)\s+(?:the\s+(?:crime|offence|offense|charges?)\s+of\s+)?"
                    r"(?P<o>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,2}?)\s*,?\s+(?:which\s+)?"
                    r"(?:under|contrary\s+to|pursuant\s+to|punishable\s+under|as\s+defined\s+(?:in|by))\s+$", re.I)
AFTER = re.compile(r"[^.;()\n]{0,20}?\((?P<o>[a-z][a-z -]{2,40})\)")
NOT_OFFENCE = frozenset({"him", "her", "them", "it", "the", "a", "an", "charges", "charge", "charged", "was", "were",
                         "is", "are", "accused", "and", "or", "crimes", "crime", "offences", "offence", "offenses"})


def _offence(text: str, start: int, end: int) -> str | None:
    m = BEFORE.search(text, max(0, start - 90), start) or AFTER.match(text, end)
    if not m:
        return None
    words = fold(m.group("o")).split()
    if not words or any(w in NOT_OFFENCE for w in words):
        return None
    return " ".join(words)


def offence_conflicts(provisions: list[dict[str, Any]], texts: dict[str, str]) -> list[dict[str, Any]]:
    """Conflicts of the article an offence is charged under, each side quoted with its sentence."""
    by_offence: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    ev: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    heads: dict[tuple[str, str], str] = {}
    for p in provisions:
        for e in p["evidence"]:
            text = texts.get(e["doc"])
            if not text or text[e["start"]:e["end"]] != e["quote"]:
                continue
            offence = _offence(text, e["start"], e["end"])
            if offence is None:
                continue
            key = (p["instrument_key"], offence)
            by_offence[key][p["article"]].add(e["doc"])
            ev[(*key, p["article"])].append(in_sentence(e, text))
            heads[key] = p.get("head") or "Article"
    out = []
    for (inst, offence), arts in by_offence.items():
        clash = {a for a in arts for b in arts if a != b and arts[a] - arts[b] and arts[b] - arts[a]}
        if len(clash) < 2:
            continue
        head = heads[(inst, offence)]
        out.append({"topic": f"{head.lower()} under which {offence} is charged", "key": f"offence.{inst}.{offence}:",
                    "subject": None, "status": "open",
                    "claims": [{"value": f"{head} {a}", "sources": len(arts[a]),
                                "evidence": list({(x['doc'], x['start']): x for x in ev[(inst, offence, a)]}.values())}
                               for a in sorted(clash)]})
    return out


def _national(key: str) -> bool:
    """A law of the state (a title the table does not know is one); a treaty's articles are cited for their rights,
    each report choosing its own."""
    spec = load("instruments").get(key)
    return spec is None or bool(spec.get("national"))


def list_conflicts(provisions: list[dict[str, Any]], texts: dict[str, str]) -> list[dict[str, Any]]:
    """Conflicts of the articles one law is cited with in a list, each side quoted with its sentence."""
    lists: dict[tuple[str, str, int], set[str]] = defaultdict(set)  # (law, report, where) -> the articles cited there
    cited: dict[tuple[str, str], set[str]] = defaultdict(set)  # (law, report) -> every article the report cites of it
    where: dict[tuple[str, str, int], dict[str, Any]] = {}
    heads: dict[str, str] = {}
    for p in provisions:
        if not _national(p["instrument_key"]):
            continue
        for e in p["evidence"]:
            lists[(p["instrument_key"], e["doc"], e["start"])].add(p["article"])
            cited[(p["instrument_key"], e["doc"])].add(p["article"])
            where.setdefault((p["instrument_key"], e["doc"], e["start"]), e)
            heads[p["instrument_key"]] = p.get("head") or "Article"
    by_law: dict[str, dict[frozenset[str], dict[str, dict[str, Any]]]] = defaultdict(lambda: defaultdict(dict))
    for (inst, doc, start), arts in lists.items():
        if len(arts) >= 2:
            by_law[inst][frozenset(arts)].setdefault(doc, where[(inst, doc, start)])
    out = []
    for inst, sets in by_law.items():
        clash = {a for a in sets for b in sets if a != b and len(a) == len(b) and a & b
                 and not any((a - b) & cited[(inst, d)] for d in sets[b])
                 and not any((b - a) & cited[(inst, d)] for d in sets[a])}
        if len(clash) < 2:
            continue
        head = heads[inst]
        out.append({"topic": f"{head.lower()}s of {inst.replace('_', ' ')} cited together", "key": f"list.{inst}:",
                    "subject": None, "status": "open",
                    "claims": [{"value": f"{head}s " + " and ".join(sorted(a, key=lambda x: (len(x), x))),
                                "sources": len(sets[a]),
                                "evidence": [in_sentence(e, texts.get(d)) for d, e in sorted(sets[a].items())]}
                               for a in sorted(clash, key=sorted)]})
    return out
