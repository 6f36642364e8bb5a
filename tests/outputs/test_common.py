"""Lengths of time in words and digits, and measure ends computed from them (a made-up case file)."""
from __future__ import annotations

from datetime import date

import pytest

from casewatch.outputs.agenda import agenda_items
from casewatch.outputs.common import add_length, parse_length, sentence_around


@pytest.mark.parametrize("text,expected", [
    ("10 days", (10, "days")), ("two months", (2, "months")), ("a further two months", (2, "months")),
    ("for twenty-one days", (21, "days")), ("3 weeks", (3, "weeks")), ("one year", (1, "years")),
    ("2-month", (2, "months")), ("unknown", None), (None, None)])
def test_parse_length(text, expected):
    assert parse_length(text) == expected


def test_add_length_clamps_month_ends():
    assert add_length(date(2026, 1, 31), (1, "months")) == date(2026, 2, 28)
    assert add_length(date(2026, 3, 6), (60, "days")) == date(2026, 5, 5)


def test_sentence_around_skips_honorifics():
    text = "First one. The hearing was postponed after Ms. Doe was taken to hospital. Next."
    i = text.index("hospital")
    s, e = sentence_around(text, i, i + 8)
    assert text[s:e] == "The hearing was postponed after Ms. Doe was taken to hospital."


def test_measure_end_from_day_precision_start():
    text = "On 2 March 2030 Jane Roe was remanded in custody for two months."
    q = "remanded in custody for two months"
    ev = {"doc": "d1", "start": text.index(q), "end": text.index(q) + len(q), "quote": q}
    cf = {"case": "x", "documents": [{"id": "d1", "kind": "news", "published": None, "text": text}], "events": [],
          "persons": [{"id": "p1", "name": "Jane Roe", "aliases": [], "roles": ["defendant"],
                       "measures": [{"type": "pretrial_detention", "date": "2030-03-02", "length": "two months",
                                     "evidence": [ev]},
                                    {"type": "house_arrest", "date": "2030-03", "length": "10 days", "evidence": [ev]}]}]}
    items = agenda_items(cf)
    assert [(i.kind, i.when) for i in items] == [("measure_end", date(2030, 5, 2))]
    assert "2030-03-02" in items[0].computed_from and items[0].evidence == [ev]
