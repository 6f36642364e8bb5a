"""Steps that did not happen make no accused; a step shared by two verbs reaches their subject; the next sentence's
"He" is the one the sentence before opened with; a sentence suspended as a whole frees; places after the words
that introduce them (names.yaml place_intro)."""
from __future__ import annotations

from .conftest import doc, people


def test_a_detainee_never_charged_is_no_defendant(x):
    text = ("Nadia Qasem, known to her neighbours as Umm Rami, was detained in a raid on her home in Tel Nour on "
            "3 March 2025 and was never charged.")
    p = people(x.extract(doc(text)))
    assert "defendant" not in p["Nadia Qasem"]["roles"] and "defendant" not in p["Umm Rami"]["roles"]


def test_whether_she_would_be_charged_is_no_charge(x):
    text = ("The army did not say where Nadia Qasem was being held or whether she would be charged. "
            "Please explain why Ms. Qasem has not been charged with any offence.")
    assert "defendant" not in people(x.extract(doc(text)))["Nadia Qasem"]["roles"]


def test_a_charge_that_happened_still_makes_the_accused(x):
    text = "Omar Belkadi was arrested on 2 March 2025 but has not been charged. Salim Ferhat was charged with sedition."
    p = people(x.extract(doc(text)))
    assert "defendant" not in p["Omar Belkadi"]["roles"]
    assert "defendant" in p["Salim Ferhat"]["roles"]


def test_arrested_and_charged_reaches_the_subject_not_the_man_named_in_an_aside(x):
    text = ("Mr. Idrissa Ba, editor of a news website, was arrested on 29 July 2025, a day after commenting on the "
            "arrest of Mr. Lamine Sy in a video, and charged with calling for insurrection. He was granted "
            "provisional release on 8 August 2025 after a hunger strike.")
    p = people(x.extract(doc(text, published="2025-09-01")))
    assert "defendant" in p["Idrissa Ba"]["roles"]
    assert "release" in p["Idrissa Ba"]["measures"]
    assert "release" not in p["Lamine Sy"]["measures"]


def test_a_sentence_suspended_as_a_whole_frees_a_part_suspended_does_not(x):
    whole = "On 9 February 2026 the court sentenced Park Ji-hoon to two years in prison, suspended for three years."
    part = "On 9 February 2026 the court sentenced Park Ji-hoon to 18 months, 12 of them suspended."
    assert people(x.extract(doc(whole)))["Park Ji-hoon"]["measures"] == {"release"}
    assert people(x.extract(doc(part)))["Park Ji-hoon"]["measures"] == {"sentence"}


def test_places_after_the_words_that_introduce_them(x):
    text = ("The water defenders of the community of San Andrés Tepetlapa were convicted. Businessmen from the "
            "municipality of Villa Alcántara came with them; the state of Morelia and the Department of Justice.")
    kinds = {m.name: m.kind for m in x.extract(doc(text)).mentions}
    assert kinds.get("San Andrés Tepetlapa") == "place"
    assert kinds.get("Villa Alcántara") == "place"
    assert kinds.get("Morelia") == "place"
    assert kinds.get("Department of Justice") != "place"


def test_a_place_whose_language_puts_its_head_first_is_no_person_nor_body(x):
    text = "The Attorney General of the Estado de Morelia said so. Businessmen from Villa Alcántara came to the meeting."
    kinds = {m.name: m.kind for m in x.extract(doc(text)).mentions}
    assert kinds.get("Estado de Morelia") == "place" and kinds.get("Villa Alcántara") == "place"


def test_a_sentence_the_court_leaves_unserved_frees(x):
    text = "Park Ji-hoon was sentenced to two years in prison on 19 February 2026 but was not taken into custody."
    assert people(x.extract(doc(text)))["Park Ji-hoon"]["measures"] == {"release"}


def test_a_relative_clause_after_the_last_name_of_a_list_is_that_name_s(x):
    text = ("In all, the two states released 16 people, among them the journalist Piotr Valen, the opposition "
            "politician Ilya Yarin and the artist Sonia Brodka, who had been sentenced in November to seven years "
            "for an anti-war protest.")
    p = people(x.extract(doc(text, published="2024-08-02")))
    assert "defendant" not in p["Piotr Valen"]["roles"] and "defendant" not in p.get("Ilya Yarin", {"roles": ()})["roles"]
    # the verb of the list is still everyone's
    q = people(x.extract(doc("The court convicted Maria Lopez and Tomas Brel, who had been detained since March.")))
    assert "defendant" in q["Maria Lopez"]["roles"] and "defendant" in q["Tomas Brel"]["roles"]


def test_the_object_of_what_the_accused_did_is_not_accused(x):
    text = ("All were accused under Article 278, part 3 of the Criminal Code of calls for mass riots, over videos by "
            "Kulan Live that criticised President Asan Turdubaev and the security chief Bakyt Osmonov.")
    p = people(x.extract(doc(text, published="2024-06-01")))
    assert "defendant" not in p["Bakyt Osmonov"]["roles"]
    q = people(x.extract(doc("The court convicted Tomas Brel after hearing Ana Sol Vega.")))
    assert "defendant" in q["Tomas Brel"]["roles"] and "defendant" not in q["Ana Sol Vega"]["roles"]
