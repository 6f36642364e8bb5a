"""Small helpers the exporters share: dates at day precision, lengths of time (casefile/lengths.py),
sentences around a quote, and numbered citations.

Everything here reads the case file dict only (casewatch.casefile/1)."""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..casefile.lengths import add_length, day, parse_length  # noqa: F401  (the outputs' helpers since the start)


def documents(cf: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {d["id"]: d for d in cf.get("documents", [])}


_SENT_END = re.compile(r"[.!?;][\"'”’)]?(?=\s)|\n")
_ABBREV = re.compile(r"(?:\b(?:Mr|Ms|Mrs|Dr|Hon|St|No|Nos|Art|para|paras|Jr|Sr|Prof|Gen|Col|Lt|Sgt|etc|e\.g|i\.e|U\.N|H\.E|[A-Z])\.)$")


def _boundaries(text: str, lo: int, hi: int) -> list[int]:
    """Offsets just after sentence ends in text[lo:hi] (abbreviations like "Ms." are not ends)."""
    out = []
    for m in _SENT_END.finditer(text, lo, hi):
        if m.group() != "\n" and _ABBREV.search(text[max(0, m.start() - 6):m.start() + 1]):
            continue
        out.append(m.end())
    return out


def sentence_around(text: str, start: int, end: int, most: int = 420) -> tuple[int, int]:
    """The span of the sentence (or line) holding text[start:end], kept under `most` characters
    each side where possible; never narrower than the span itself."""
    left = max(0, start - most)
    before = [b for b in _boundaries(text, left, start) if b <= start]
    s = before[-1] if before else (0 if left == 0 else start)
    after = [b for b in _boundaries(text, end, min(len(text), end + most)) if b > end]
    e = after[0] if after else (len(text) if end + most >= len(text) else end)
    while s < start and text[s].isspace():
        s += 1
    while e > end and text[e - 1].isspace():
        e -= 1
    return s, max(e, end)


def widen(cf: dict[str, Any], ev: dict[str, Any], docs: dict[str, dict[str, Any]] | None = None) -> dict[str, Any]:
    """The evidence widened to its sentence, still an exact span of the document text."""
    doc = (docs if docs is not None else documents(cf)).get(ev["doc"])
    if not doc:
        return ev
    text = doc["text"]
    if text[ev["start"]:ev["end"]] != ev["quote"]:
        return ev
    s, e = sentence_around(text, ev["start"], ev["end"])
    return {"doc": ev["doc"], "start": s, "end": e, "quote": text[s:e]}


def doc_label(doc: dict[str, Any]) -> str:
    bits = [doc.get("publisher") or "", f"“{doc['title']}”" if doc.get("title") else "", doc.get("published") or ""]
    return ", ".join(b for b in bits if b) or doc["id"]


@dataclass
class Citations:
    """Numbered citations in order of first use; the same span keeps its number."""

    cf: dict[str, Any]
    items: list[dict[str, Any]] = field(default_factory=list)
    _index: dict[tuple[str, int, int], int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._docs = documents(self.cf)

    def cite(self, ev: dict[str, Any], sentence: bool = True) -> int:
        ev = widen(self.cf, ev, self._docs) if sentence else ev
        key = (ev["doc"], ev["start"], ev["end"])
        if key not in self._index:
            doc = self._docs.get(ev["doc"], {"id": ev["doc"]})
            self.items.append({"n": len(self.items) + 1, "doc": ev["doc"], "start": ev["start"], "end": ev["end"],
                               "quote": ev["quote"], "title": doc.get("title"), "publisher": doc.get("publisher"),
                               "published": doc.get("published"), "label": doc_label(doc)})
            self._index[key] = len(self.items)
        return self._index[key]

    def refs(self, evs: list[dict[str, Any]], most: int = 2) -> str:
        nums = sorted({self.cite(e) for e in evs[:most]})
        return "".join(f"[{n}]" for n in nums)


def find_span(text: str, needle: str) -> dict[str, Any] | None:
    """The first occurrence of needle in text (whitespace-insensitive) as a span dict without doc."""
    rx = r"\s+".join(re.escape(p) for p in needle.split())
    m = re.search(rx, text)
    return {"start": m.start(), "end": m.end(), "quote": m.group()} if m else None


def date_phrases(d: date) -> list[str]:
    month = calendar.month_name[d.month]
    return [f"{d.day} {month} {d.year}", f"{month} {d.day}, {d.year}", f"{month} {d.day} {d.year}", d.isoformat()]


_SCRIPT_URL = re.compile(r"(?i)\b(java|vb)script:")


def md_safe(value: Any) -> Any:
    """Every value a Markdown template prints (Jinja's `finalize`): report text may hold `<script>`, `onerror=` or a
    `javascript:` link, which a Markdown viewer would render; here it stays text."""
    if not isinstance(value, str):
        return value
    return _SCRIPT_URL.sub(r"\1script&#58;", value.replace("<", "&lt;").replace(">", "&gt;"))
