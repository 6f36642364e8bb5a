"""Khmer-style spellings, places the model read as people, short names of ministries and facilities."""
from __future__ import annotations

from casewatch.model import Evidence, Extraction, Mention
from casewatch.model.names import person_key
from casewatch.resolve import resolve
from tests.resolve.test_resolve import ex, groups


def test_a_doubled_h_and_a_silent_r_are_spellings_of_one_name():
    assert person_key("Phhal Sothy") == person_key("Phal Sothy")
    assert person_key("Kem Sopheurn") == person_key("Kem Sopheun")
    assert person_key("Phhal Sothy") != person_key("Phal Dara")  # same family name, another person


def test_two_people_sharing_a_family_name_stay_apart():
    ents = resolve({"a": ex("a", ("person", "Phhal Sothy"), ("person", "Phhal Dara")),
                    "b": ex("b", ("person", "Phal Sothy"), ("person", "Phal Dara"))})
    g = groups(ents)
    assert ["Phal Sothy", "Phhal Sothy"] in g and ["Phal Dara", "Phhal Dara"] in g


def _mention(doc, kind, name, pos, **attrs):
    return Mention(kind=kind, name=name, evidence=Evidence(doc, pos, pos + len(name), name), attrs=attrs)


def test_a_name_a_place_word_follows_elsewhere_is_that_place_not_a_person():
    a = Extraction(doc="a", mentions=[_mention("a", "place", "Tuol Krasang prison", 0, place_cue="Tuol Krasang")])
    b = Extraction(doc="b", mentions=[_mention("b", "person", "Tuol Krasang", 0),
                                      _mention("b", "person", "Sok Dara", 20)])
    ents = resolve({"a": a, "b": b})
    assert ["Tuol Krasang", "Tuol Krasang prison"] in groups(ents, "place")
    assert groups(ents) == [["Sok Dara"]]


def test_a_region_is_not_its_capital():
    a = Extraction(doc="a", mentions=[_mention("a", "place", "Velmor province", 0, place_cue="Velmor"),
                                      _mention("a", "place", "Velmor", 20)])
    assert groups(resolve({"a": a}), "place") == [["Velmor"], ["Velmor province"]]


def test_a_ministry_by_its_portfolio_is_the_ministry_of_that_portfolio():
    ents = resolve({"a": ex("a", ("organization", "Ministry of Fisheries and Rural Roads"), ("organization", "Fisheries Ministry"),
                            ("organization", "Ministry of Health"))})
    g = groups(ents, "organization")
    assert ["Fisheries Ministry", "Ministry of Fisheries and Rural Roads"] in g and ["Ministry of Health"] in g


def test_a_prison_by_its_place_is_the_one_facility_there():
    ents = resolve({"a": ex("a", ("place", "Korvel prison"), ("place", "Korvel Correctional and Reform Centre"),
                            ("place", "Korvel court complex"))})
    g = groups(ents, "place")
    assert ["Korvel Correctional and Reform Centre", "Korvel prison"] in g and ["Korvel court complex"] in g


def test_a_prison_named_by_its_place_is_that_place_but_a_police_station_is_not():
    a = Extraction(doc="a", mentions=[_mention("a", "place", "Tuol Kork prison complex", 0, place_cue="Tuol Kork"),
                                      _mention("a", "place", "Tuol Kork", 30),
                                      _mention("a", "place", "Samrong police station", 40, place_cue="Samrong"),
                                      _mention("a", "place", "Samrong", 70)])
    g = groups(resolve({"a": a}), "place")
    assert ["Tuol Kork", "Tuol Kork prison complex"] in g
    assert ["Samrong"] in g and ["Samrong police station"] in g


def test_a_well_known_body_is_no_short_name_of_a_national_one():
    ents = resolve({"a": ex("a", ("organization", "Velmoran Human Rights Committee"), ("organization", "Human Rights Committee"))})
    assert groups(ents, "organization") == [["Human Rights Committee"], ["Velmoran Human Rights Committee"]]


def test_a_family_name_of_two_words_in_capitals_lets_the_given_names_stand_in_any_order():
    ents = resolve({"a": ex("a", ("person", "Tamo Jules Ekan Toba"), ("person", "Ekan Bessong")),
                    "b": ex("b", ("person", "EKAN TOBA Jules Tamo"), ("person", "NDOR Felo Ndor"))})
    g = groups(ents)
    assert ["EKAN TOBA Jules Tamo", "Tamo Jules Ekan Toba"] in g
    assert ["Ekan Bessong"] in g  # a namesake by the first word of the family name stays apart


def test_a_relative_sharing_two_words_and_the_family_name_is_no_shorter_form_of_the_accused():
    # the family name written in capitals lets its words stand in any order, but the other words keep theirs:
    # "Tamara Rahman Khan" is the accused's sister, not "Abdur Rahman Khan Timur" shortened
    ents = resolve({"a": ex("a", ("person", "Abdur Rahman Khan Timur"), ("person", "Abdur Rahman KHAN")),
                    "b": ex("b", ("person", "Tamara Rahman Khan"), ("person", "Abdur Rahman Khan"))})
    g = groups(ents)
    assert not any("Tamara Rahman Khan" in grp and "Abdur Rahman Khan Timur" in grp for grp in g)
    assert any("Abdur Rahman KHAN" in grp and "Abdur Rahman Khan Timur" in grp for grp in g)
