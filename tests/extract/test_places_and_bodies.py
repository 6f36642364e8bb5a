"""Places named by the words around them, bodies named with their level or portfolio, people of a signature."""
from __future__ import annotations

from casewatch.extract.names import find_names

from .conftest import doc, people


def _hits(text, ents=()):
    return {(h.kind, text[h.start:h.end]) for h in find_names(doc(text), list(ents))}


def _ent(text, label, w):
    return (label, text.index(w), text.index(w) + len(w))


def test_a_place_name_of_several_words_before_its_kind():
    text = "She was taken from Tuol Sangke village, Rokar Kong district, Kampong Tralach province, at dawn."
    h = _hits(text)
    assert ("place", "Tuol Sangke") in h and ("place", "Rokar Kong") in h
    assert ("place", "Kampong Tralach province") in h and not any(n == "Tralach province" for _, n in h)


def test_a_city_possessive_is_no_part_of_a_district_name():
    text = "Police raided a flat in Velmora's Ostrik district on Monday."
    assert ("place", "Ostrik") in _hits(text)


def test_a_name_before_a_lower_case_place_word_is_a_place():
    text = "The men were taken to the Tuol Kork prison complex; police blocked them near the Wat Leuk roundabout."
    h = _hits(text)
    assert ("place", "Tuol Kork prison complex") in h and ("place", "Wat Leuk") in h


def test_a_numbered_correctional_centre_is_a_place():
    text = "The two women were held at Correctional Centre 4 and the men at Remand Centre No. 2 until June."
    h = _hits(text)
    assert ("place", "Correctional Centre 4") in h and ("place", "Remand Centre No. 2") in h


def test_a_boulevard_is_a_place_even_with_an_organisation_word():
    text = "They marched along Friendship Federation Boulevard before noon."
    assert ("place", "Friendship Federation Boulevard") in _hits(text, [_ent(text, "ORG", "Friendship Federation Boulevard")])


def test_a_ministry_portfolio_runs_through_and_and_a_ministers_is_a_title():
    text = ("They walked to the Ministry of Fisheries and Rural Roads. Letters went to Ms Dara Pich, Minister of "
            "Fisheries and Rural Roads, last week.")
    ents = [_ent(text, "ORG", "Ministry of Fisheries"), ("PERSON", text.index("Rural Roads"), text.index("Rural Roads") + 11),
            ("ORG", text.rindex("Fisheries"), text.rindex("Fisheries") + 9)]
    h = _hits(text, ents)
    assert ("organization", "Ministry of Fisheries and Rural Roads") in h
    assert not any(n in ("Rural Roads", "Fisheries") for _, n in h)


def test_a_court_name_runs_through_its_level_and_a_police_force_is_a_body():
    text = "A judge of the Velmor Municipal Court of First Instance heard it; Velmor provincial police made the arrest."
    h = _hits(text, [_ent(text, "ORG", "Velmor Municipal Court"), _ent(text, "ORG", "First Instance")])
    assert ("organization", "Velmor Municipal Court of First Instance") in h
    assert ("organization", "Velmor provincial police") in h and ("organization", "First Instance") not in h


def test_a_law_and_a_reference_code_are_no_organisations():
    text = "VLM 004/0526/ABC\n\nThe Teachers Union Law protects union leaders, the union said."
    h = _hits(text, [_ent(text, "ORG", "VLM"), _ent(text, "ORG", "Teachers Union Law")])
    assert not any(k == "organization" for k, _ in h)
    text = "She teaches at the Velmora State University College of Law."
    assert ("organization", "Velmora State University College of Law") in _hits(
        text, [_ent(text, "ORG", "Velmora State University College of Law")])


def test_an_acronym_expansion_opens_its_own_line():
    text = "Arrest of land defender Sok Dara\n\nRivers Defence Network (RDN) calls for her release."
    h = _hits(text)
    assert ("organization", "Rivers Defence Network") in h and ("organization", "RDN") in h


def test_a_signature_with_a_surname_particle(x):
    text = "Please accept the assurances of our highest consideration.\n\nMarieke van Dalsum\nSpecial Rapporteur on the right to food\n"
    assert "Marieke van Dalsum" in people(x.extract(doc(text, kind="un_communication")))


def test_a_name_before_factory_is_a_business():
    text = "Two union representatives at the Silver Crane Textiles factory were dismissed."
    h = _hits(text, [_ent(text, "GPE", "Silver Crane Textiles")])
    assert ("organization", "Silver Crane Textiles") in h and ("place", "Silver Crane Textiles") not in h


def test_a_name_the_model_started_a_word_late_is_the_business_it_opens():
    from casewatch.extract import _cut_heads
    from casewatch.model import Mention
    text = "Workers of Silver Crane Textiles Co., Ltd. marched.\n1. Order Silver Crane Textiles to pay all wages.\n"
    d = doc(text)
    k = text.index("Crane Textiles to")
    ms = [Mention(kind="organization", name="Silver Crane Textiles Co., Ltd", evidence=d.span(11, 41)),
          Mention(kind="person", name="Crane Textiles", evidence=d.span(k, k + 14))]
    _cut_heads(ms, d)
    assert (ms[1].kind, ms[1].name, ms[1].evidence.quote) == ("organization", "Silver Crane Textiles", "Silver Crane Textiles")


def test_a_term_of_address_before_a_given_name_is_that_person():
    from casewatch.extract import _address_terms
    from casewatch.model import Mention
    text = "Sok Dara was arrested. \"Bong Dara never told anyone to fight,\" a worker said."
    d = doc(text)
    k = text.index("Bong Dara")
    ms = [Mention(kind="person", name="Sok Dara", evidence=d.span(0, 8)),
          Mention(kind="place", name="Bong Dara", evidence=d.span(k, k + 9))]
    _address_terms(ms, d)
    assert (ms[1].kind, ms[1].name, ms[1].evidence.quote) == ("person", "Dara", "Dara")
