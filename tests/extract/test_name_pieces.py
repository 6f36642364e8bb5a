"""A name the statistical model cuts in two is read whole; a family name written in capitals in a list does not
become the name shown."""
from __future__ import annotations

from .conftest import doc


def test_two_given_names_and_two_family_names_are_one_person(x):
    text = ("Of the eight, two were never caught. Santos Aurelio Ibáñez Zetina and Rey Paredes Martínez have lived "
            "for years with arrest warrants issued in the same case.")
    names = {m.name for m in x.extract(doc(text)).mentions if m.kind == "person"}
    assert "Santos Aurelio Ibáñez Zetina" in names
    assert not {"Santos Aurelio", "Ibáñez Zetina"} & names


def test_names_in_a_list_with_commas_stay_apart(x):
    text = "The court convicted Ana Ruiz, Pedro Gómez and Luis Peña on 3 May 2024."
    names = {m.name for m in x.extract(doc(text)).mentions if m.kind == "person"}
    assert {"Ana Ruiz", "Pedro Gómez", "Luis Peña"} <= names


def test_a_family_name_alone_with_an_age_in_apposition_is_a_person(x):
    ex = x.extract(doc("Haddad, 53, was handed a three-year sentence by the Lower Criminal Court on 10 July.",
                       published="2026-07-20"))
    assert {m.name: m.kind for m in ex.mentions}.get("Haddad") == "person"
    assert any(c.topic == "term" and c.subject == "Haddad" for c in ex.claims)
