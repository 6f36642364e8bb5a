"""The cue groups of a stretch of text (casefile/people.py) are found the same on ASCII text lowered and matched
with case as by the patterns ignoring case, on every sentence of the example reports."""
from __future__ import annotations

import re

from casewatch.casefile.people import cue_groups, cues_in
from tests.conftest import EXAMPLES


def _ignoring_case(seg: str) -> tuple[str, ...]:
    return tuple(g for g, rx in cue_groups().items() if rx.search(seg))


def test_cues_found_as_ignoring_case() -> None:
    segs = ["Adv. ", "said H.E. Mr", "UN EXPERTS warned", "the Kelvin sign \u212a is not k", "ADV.  ", "\nMR. Lam"]
    for path in sorted(EXAMPLES.glob("*/*")):
        text = path.read_text(encoding="utf-8", errors="replace")
        segs += re.split(r"(?<=\.) |\n", text)
        segs += [text[i:i + 60] for i in range(0, len(text), 37)]  # windows cut anywhere, as before/after a name
    assert len(segs) > 5000
    found = 0
    for seg in segs:
        got = cues_in(seg)
        assert got == _ignoring_case(seg), seg
        found += bool(got)
    assert found > 1000
