"""One offence, two articles: reports that charge the same offence under different articles of one law ("treason
felony under section 180 of the Act" / "a charge of treason felony contrary to section 182"), where no report cites
both. The offence is read from the words the report writes right before the citation ("of terrorism under Article
133", "the crime of terrorism, which under Article 133") or in brackets right after it ("Article 310 (terrorism)")."""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

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
