from __future__ import annotations

import pytest

from casewatch.extract.facilities import numbered_facilities


@pytest.mark.parametrize("text, names", [
    ("He is held in the Ardena City No. 3 Detention Centre.", ["Ardena City No. 3 Detention Centre"]),
    ("She was transferred to Velmor No. 1 Prison in Ardena.", ["Velmor No. 1 Prison"]),
    ("He was moved to SIZO-2 and later to pre-trial detention centre No. 1 in Tarsk.",
     ["SIZO-2", "pre-trial detention centre No. 1"]),
    ("She is serving her term at the Kilo 8 prison; he is at Kilo 5 y Medio prison.", ["Kilo 8", "Kilo 5 y Medio"]),
    ("In Penal Colony No. 7 he was beaten.", ["Penal Colony No. 7"]),
    ("Section 12 prison rules apply. On March 8 prison guards beat him.", []),
])
def test_a_place_of_detention_named_by_a_number_or_a_code_is_read_whole(text, names):
    assert [text[a:b] for a, b in numbered_facilities(text)] == names


def test_two_reports_naming_two_numbered_facilities_tell_where_held_by_the_whole_name(x):
    from .conftest import doc
    ex = x.extract(doc("Ilham Dawut was charged with separatism. Currently held in the Ardena City No. 3 Detention "
                       "Centre.", published="2025-01-10"))
    assert [(c.subject, c.value) for c in ex.claims if c.topic == "facility"] == \
        [("Ilham Dawut", "Ardena City No. 3 Detention Centre")]
    moved = x.extract(doc("Mr. Ilham Dawut was removed from the capital's detention centre and taken by prison train "
                          "to pre-trial detention centre No. 1 in Tarsk.", published="2025-01-10"))
    assert [c.update for c in moved.claims if c.topic == "facility"] == [True]  # a transfer: an update, no conflict
