"""The prefiltered patterns (extract/prefilter.py) find exactly what the patterns alone find."""
from __future__ import annotations

import re

import pytest

from casewatch.extract.data import cue_table, load
from casewatch.extract.prefilter import fast
from tests.conftest import EXAMPLES

TEXT = ("On 3 May 2024 police detained Jane Roe; she was charged with treason and later released on bail. "
        "FIR registered. The court of appeal, which heard it, ordered the release of 12 activists. "
        "Rs. 500 fine\nJUAN DELA CRUZ y SANTOS was not detained. ſ K KELVIN")


def _found(rx: re.Pattern[str], text: str, pos: int = 0, endpos: int | None = None) -> list:
    end = len(text) if endpos is None else endpos
    return [(m.span(), m.groups(), m.groupdict()) for m in rx.finditer(text, pos, end)]


@pytest.mark.parametrize("pattern, flags, led", [
    (r"\bcharged\b|\b(?:was|were)\s+released\b", re.I, True),
    (r"(?<!not\s)\b(?:detained|arrested)\b", re.I, True),
    (r"\b(\d{1,2})\s+(May|June)\s+(\d{4})\b|\bFIR\b", re.I, True),
    (r"(?i:\bkelvin|\bcourt)\s+\w+|\bJUAN\b", 0, True),  # case ignored inside a group only
    (r"[A-Z][a-z]+", 0, False),  # the engine skips ahead by itself
    (r"(?:the\s+)?|x", re.I, False),  # may match nothing
    (r".+?released", re.I, False),  # any first character
    (r"(?m:^)\s*Rs\.", 0, False),  # a flag other than case inside
])
def test_same_matches(pattern: str, flags: int, led: bool) -> None:
    rx = re.compile(pattern, flags)
    quick = fast(rx)
    assert (quick is not rx) == led
    assert quick.groupindex == rx.groupindex and quick.groups == rx.groups
    for pos, end in ((0, None), (15, 60), (31, 32)):
        assert _found(quick, TEXT, pos, end) == _found(rx, TEXT, pos, end)


def test_cue_tables_on_the_examples() -> None:
    """Every event cue of the data, over every example report: the same matches, sentence by sentence too."""
    texts = [p.read_text(encoding="utf-8", errors="ignore") for p in sorted(EXAMPLES.rglob("*.txt"))][:12]
    assert texts
    raw = {k: re.compile("|".join(f"(?:{p})" for p in v), re.I) for k, v in load("events").items()
           if isinstance(v, list) and v and isinstance(v[0], str)}
    assert raw.keys() == cue_table("events").keys()
    for k, rx in cue_table("events").items():
        for t in texts:
            assert _found(rx, t) == _found(raw[k], t), k
            assert _found(rx, t, len(t) // 3, len(t) // 2) == _found(raw[k], t, len(t) // 3, len(t) // 2), k
