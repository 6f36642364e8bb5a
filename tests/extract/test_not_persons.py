"""Names that are no one: a law's name, a place of the gazetteer, a title alone, a sentence's opening word."""
from __future__ import annotations

from casewatch.extract.names import looks_like_person

from .conftest import doc, people


def test_law_place_and_title_shapes_are_not_persons():
    assert not looks_like_person("Islamic Penal Code")
    assert not looks_like_person("Book Five")
    assert not looks_like_person("Nha Trang City")
    assert not looks_like_person("Shahin Shahr")  # a city of the gazetteer, whole
    assert not looks_like_person("Majesty King")
    assert looks_like_person("Nathan Law")  # "Law" ends names too
    assert looks_like_person("Martin Luther King")


def test_an_opening_adverb_is_not_a_given_name():
    assert not looks_like_person("Besides Kaveh")  # "Besides Kaveh, two other men were arrested"
    assert not looks_like_person("Meanwhile Dariush")


def test_a_relative_named_beside_the_accused_is_not_accused(x):
    ex = x.extract(doc("On 18 November 2025 the accused was released on bail of 500 million rials set under "
                       "Article 217 of the Code of Criminal Procedure, his father, Mr. Darius Keshavarz, acting as "
                       "guarantor."))
    p = people(ex)
    assert "defendant" not in p.get("Darius Keshavarz", {}).get("roles", set())


def test_a_witness_questioned_is_not_the_accused(x):
    ex = x.extract(doc("On 21 March 2026 police searched nine flats. Several of those searched, including Ivan Petrov "
                       "and Oleg Sidorenko, were questioned as witnesses in the criminal case opened under Article "
                       "354.1 and charged nobody."))
    p = people(ex)
    assert "witness" in p["Oleg Sidorenko"]["roles"]
    assert "defendant" not in p["Oleg Sidorenko"]["roles"]


def test_a_wife_named_in_a_sentence_about_the_accused_is_kin(x):
    ex = x.extract(doc("Without notice to his lawyer or to his wife, Ms. Marina Volkova, Mr. Ivan Petrov was "
                       "transferred on 11 April 2026 to a pre-trial detention centre after he was sentenced."))
    p = people(ex)
    assert "defendant" not in p["Marina Volkova"]["roles"]


def test_an_address_an_outlet_and_a_magistrates_title_are_not_people(x):
    from .conftest import doc
    ex = x.extract(doc("Please write to: Minister of Justice, Federal Ministry of Justice, Shehu Tamo Way, Central Area, "
                       "P.O. Box 1234, Norville. The Norland Courier reported that Magistrate Felo Ndor remanded the "
                       "defendants at the Louis Ekan House.", "2026-05-10"))
    people = {m.name for m in ex.mentions if m.kind == "person"}
    assert not people & {"Shehu Tamo Way", "P.O. Box", "Norland Courier", "Louis Ekan House", "Magistrate Felo Ndor"}
    assert "Felo Ndor" in people
