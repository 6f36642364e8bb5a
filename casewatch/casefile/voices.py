"""Who, inside one report, gives a value: "The Ministry of Justice said 33 detainees were released" and "The
committee counted 37 people freed" are two sources a report quotes side by side, and disagree as two reports
would.  A value no one is named for is the report's own.

Only the shape of attribution is read here (a subject before a verb of saying or counting, "according to X",
"X, which said"); the words are in extract/data/cues.yaml (`attribution_verbs`).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..extract.data import load
from ..model.names import fold
from .people import sentence_around

_CAP = r"[A-Z][\w'’.&-]*"
_NP = rf"(?:[Tt]he\s+)?{_CAP}(?:\s+(?:of|for|on|and|the|de|du|des|\({_CAP}\)|{_CAP})){{0,10}}"


@lru_cache(maxsize=None)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    verbs = "|".join(load("cues")["attribution_verbs"])
    according = re.compile(rf"\baccording\s+to\s+(?P<src>{_NP})")
    # the subject of a verb of saying or counting, an aside between them allowed ("The committee, which keeps the
    # list, counted …"; "MIT, which said in a statement that …")
    subject = re.compile(rf"(?:^|[.;]\s+|\n)\W*(?P<src>{_NP})\s*(?:,[^,;]{{0,160}},\s*)?(?:which\s+|who\s+)?(?:{verbs})\b")
    return according, subject


def voice(text: str, pos: int) -> str | None:
    """The source a report names for what it says at `pos` (folded), or None where the report speaks itself."""
    a, b = sentence_around(text, pos, pos, reach=1000)
    sent = text[a:b]
    according, subject = _patterns()
    m = according.search(sent) or subject.match(sent)
    if m is None:
        m = subject.search(sent)
    if m is None:
        return None
    src = re.sub(r"^(?:the|The)\s+", "", m.group("src")).strip()
    return fold(src) if src and src not in ("It", "He", "She", "They", "This", "That") else None


def apart_in_report(voices_a: dict[str, set[str | None]], voices_b: dict[str, set[str | None]]) -> bool:
    """Two values told by reports that never give each other's value, or, inside one report, by sources it names
    apart ({report: the sources named for the value there})."""
    shared = voices_a.keys() & voices_b.keys()
    if not shared:
        return True
    return all(None not in voices_a[d] and None not in voices_b[d] and not voices_a[d] & voices_b[d]
               for d in shared)


def voices_of(evidence: list[dict], texts: dict[str, str]) -> dict[str, set[str | None]]:
    """{report: the sources it names for a value} over the value's evidence."""
    out: dict[str, set[str | None]] = {}
    for e in evidence:
        text = texts.get(e["doc"])
        out.setdefault(e["doc"], set()).add(voice(text, e["start"]) if text is not None else None)
    return out
