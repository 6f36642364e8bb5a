"""A partial name told only as someone's kin beside a state officer who holds it, and short forms of given names.
Invented people."""
from __future__ import annotations

from casewatch.model import Evidence, Extraction, Mention
from casewatch.resolve import resolve
from tests.resolve.test_resolve import ex, groups


def _person(doc: str, name: str, pos: int, roles: list[str]) -> Mention:
    return Mention(kind="person", name=name, evidence=Evidence(doc, pos, pos + len(name), name), roles=roles)


def test_a_fathers_name_is_not_the_prosecutor_who_shares_it():
    a = Extraction(doc="a", mentions=[_person("a", "Kamal Zadran", 0, ["defendant"]),
                                      _person("a", "Abdul Rahim", 40, ["relative"]),
                                      _person("a", "Abdul Rahim Safi", 90, ["official"])])
    b = Extraction(doc="b", mentions=[_person("b", "Abdul Rahim", 0, ["official"])])
    g = groups(resolve({"a": a, "b": b}))
    assert ["Abdul Rahim"] in g  # the father, a person of his own
    assert ["Abdul Rahim", "Abdul Rahim Safi"] in g  # the prosecutor, named short where he is named as one


def test_a_short_form_of_a_given_name_is_the_same_person_and_a_name_alone_is_not_expanded():
    g = groups(resolve({"a": ex("a", ("person", "Daniel Rourke"), ("person", "Jonathan Rourke")),
                        "b": ex("b", ("person", "Dan Rourke"))}))
    assert ["Dan Rourke", "Daniel Rourke"] in g and ["Jonathan Rourke"] in g


def test_a_fathers_name_inside_a_name_chain_is_the_father_not_the_son():
    # given name + father's name + family name: "Tarek Samir El Hadi" is Tarek, son of Samir El Hadi
    a = Extraction(doc="a", mentions=[_person("a", "Tarek Samir El Hadi", 0, ["defendant"]),
                                      _person("a", "Samir El Hadi", 60, ["relative"])])
    b = Extraction(doc="b", mentions=[_person("b", "Tarek El Hadi", 0, ["defendant"])])
    g = groups(resolve({"a": a, "b": b}))
    assert ["Samir El Hadi"] in g
    assert ["Tarek El Hadi", "Tarek Samir El Hadi"] in g


def test_a_middle_name_with_the_family_name_stays_the_same_person_where_no_report_calls_it_kin():
    a = Extraction(doc="a", mentions=[_person("a", "Dola Ahmed Kunle", 0, ["official"]),
                                      _person("a", "Ahmed Kunle", 60, ["official"])])
    b = Extraction(doc="b", mentions=[_person("b", "Dola Kunle", 0, ["official"])])
    g = groups(resolve({"a": a, "b": b}))
    assert ["Ahmed Kunle", "Dola Ahmed Kunle", "Dola Kunle"] in g
