"""A report of any length is read in pieces: each within the model's limit and the rules' bounded cost, the
facts of every piece in place in the whole text."""
from __future__ import annotations

import time

from casewatch.extract import chunks

from .conftest import doc

PARA = ("On {d} March 2026 police detained the blogger Anna Berg in Port Halvard{n}. She was charged under "
        "Article 12 of the Penal Code.\n\n")


def test_pieces_cover_the_text_within_the_limit_cut_at_paragraphs():
    text = "".join(PARA.format(d=1 + i % 28, n=i) for i in range(400))
    parts = chunks(text, 5000)
    assert parts[0][0] == 0 and parts[-1][1] == len(text)
    assert all(b - a <= 5000 for a, b in parts) and all(parts[k][1] == parts[k + 1][0] for k in range(len(parts) - 1))
    assert all(text[a - 2:a] == "\n\n" for a, _ in parts[1:])
    assert chunks("short") == [(0, 5)]
    one_line = "word " * 3000  # no paragraph, no sentence: cut at a space
    assert all(b - a <= 5000 for a, b in chunks(one_line, 5000))


def test_a_report_longer_than_the_models_limit_is_read_whole(x):
    text = "".join(PARA.format(d=1 + i % 28, n=i) for i in range(1200))  # ~140,000 characters
    limit = x.nlp.max_length
    x.nlp.max_length = 50_000  # what the model refuses above (E088), lowered to keep the test short
    try:
        t = time.monotonic()
        ex = x.extract(doc(text))
        took = time.monotonic() - t
    finally:
        x.nlp.max_length = limit
    for m in ex.mentions:
        assert text[m.evidence.start:m.evidence.end] == m.evidence.quote
    for e in ex.events:
        assert all(text[v.start:v.end] == v.quote for v in e.evidence)
    last = {e.evidence[0].start for e in ex.events if e.type == "arrest"}
    assert max(last) > len(text) - 1000  # the last piece was read, its offsets in the whole text
    assert ex.doc == doc(text).id
    assert took < 60
