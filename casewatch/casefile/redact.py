"""Sensitive people and reports (issue 13): what leaves casewatch without them.

An editor marks a person (a witness, a relative, a source) or a report as sensitive; the mark is a judgement
(kind ``sensitive``), so it survives re-extraction and can be undone.  Every output built from the case file
(the case file JSON, CSV, FtM, dossier, appeal, communication, agenda, incidents, the pages, search) then comes
from ``redact(cf, judgements)``: a sensitive person is off the roster and every spelling of their name is masked
wherever it occurs (report text, quotes, summaries, values) with a mask of the same length, so every offset still
points at the same place; a sensitive report is left out with every fact only it grounds.  The stored text stays
intact; ``casewatch export --internal`` (an admin's export) is the only way out unredacted.
"""
from __future__ import annotations

import re
from typing import Any

from ..model import Judgement
from ..model.names import fold

MASK = "█"


def marks(judgements: list[Judgement]) -> tuple[set[str], set[str]]:
    """(folded names of sensitive people, ids of sensitive reports) from the judgements in force."""
    names: set[str] = set()
    docs: set[str] = set()
    for j in judgements:
        if j.kind != "sensitive" or getattr(j, "undone_at", None):
            continue
        if j.payload.get("kind") == "document":
            docs.add(str(j.payload.get("doc")))
        elif j.payload.get("name"):
            names.add(fold(str(j.payload["name"])))
    return names, docs


def masker(cf: dict[str, Any], judgements: list[Judgement]) -> tuple[set[str], set[str], re.Pattern[str] | None]:
    """(ids of the sensitive people, ids of the sensitive reports, a pattern of every spelling of their names) of a
    case file built with them (`internal`)."""
    return _masker(cf, *marks(judgements))


def _masker(cf: dict[str, Any], names: set[str], docs: set[str]) -> tuple[set[str], set[str], re.Pattern[str] | None]:
    people = [p for p in cf["persons"] if fold(p["name"]) in names or any(fold(a) in names for a in p.get("aliases", []))]
    spellings = sorted({s for p in people for s in [p["name"], *p.get("aliases", [])] if len(s) >= 3}
                       | {n for n in names if len(n) >= 3}, key=len, reverse=True)
    rx = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(s) for s in spellings) + r")(?!\w)", re.I) if spellings else None
    return {p["id"] for p in people}, docs, rx


def mask(text: str, rx: re.Pattern[str] | None) -> str:
    return rx.sub(lambda m: MASK * len(m.group(0)), text) if rx else text


def redact(cf: dict[str, Any], judgements: list[Judgement]) -> dict[str, Any]:
    names, docs = marks(judgements)
    if not names and not docs:
        return cf
    gone, docs, rx = _masker(cf, names, docs)
    out = _walk(cf, gone, docs, rx)
    out["persons"] = [p for p in out["persons"] if p["id"] not in gone]
    out["documents"] = [d for d in out["documents"] if d["id"] not in docs]
    out["redacted"] = {"persons": len(gone), "documents": len(docs & {d["id"] for d in cf["documents"]})}
    return out


def _walk(x: Any, gone: set[str], docs: set[str], rx: re.Pattern[str] | None) -> Any:
    if isinstance(x, str):
        return mask(x, rx)
    if isinstance(x, list):
        items = [_walk(v, gone, docs, rx) for v in x]
        # evidence of a sensitive report goes; so does anything left with no evidence, or naming a person who went
        items = [v for v in items if not (isinstance(v, dict) and v.get("doc") in docs)]
        items = [v for v in items if not (isinstance(v, dict) and "evidence" in v and not v["evidence"])]
        return [v for v in items if not (isinstance(v, str) and v in gone)]
    if isinstance(x, dict):
        d = {k: _walk(v, gone, docs, rx) for k, v in x.items()}
        if d.get("subject") in gone:
            d["subject"] = None
        return d
    return x
