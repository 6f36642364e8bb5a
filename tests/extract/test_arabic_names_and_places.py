"""Reading Arabic names, titles used as honorifics, places named by the words around them and UN mandates
(extract/data/names.yaml: name_articles, title_honorifics, place_in_cues, place_heads_lower, world_regions,
mandate_heads; facility_words with "airport")."""
from __future__ import annotations

from tests.extract.conftest import doc


def kinds(ex, kind):
    return {m.name for m in ex.mentions if m.kind == kind}


def test_an_arabic_surname_after_its_article_belongs_to_the_name(x):
    ex = x.extract(doc("The lawyer Karim Abdel Latif el-Masri, 51, was arrested at dawn. Mr. Samir Fathi El Masri, "
                       "a teacher, said the lawyer Karim Abdel Latif El Masri had done nothing wrong."))
    ps = kinds(ex, "person")
    assert "Karim Abdel Latif el-Masri" in ps and "Karim Abdel Latif El Masri" in ps
    assert "Karim Abdel Latif" not in ps and "Karim Abdel Latif El" not in ps


def test_a_judicial_title_is_an_honorific_not_a_part_of_the_name(x):
    ex = x.extract(doc("Please write to:\n- Counsellor Tamer Nabil Abdel Aziz, Prosecutor General, Email: a@b.example\n"
                       "- Counsellor Fathi Gamal Ramzy, Minister of Justice, Email: c@d.example\n"))
    ps = kinds(ex, "person")
    assert {"Tamer Nabil Abdel Aziz", "Fathi Gamal Ramzy"} <= ps
    assert not any(p.startswith("Counsellor") or p == "Abdel Aziz" for p in ps)


def test_places_named_by_the_words_around_them(x):
    ex = x.extract(doc(
        "Police took Omar Sabry from his family home in Kafr el-Dawwar at midnight. He was held at Sidi Gaber police "
        "station, then at al-Marg Women's Prison, and stopped at Borg el-Arab International Airport. The group "
        "works in the Raml and Montaza districts of the city. Nour Hamdan, Middle East and North Africa director at "
        "the group, said so.", kind="news"))
    pl = kinds(ex, "place")
    assert {"Kafr el-Dawwar", "Sidi Gaber police station", "al-Marg Women's Prison",
            "Borg el-Arab International Airport", "Raml", "Montaza", "Middle East and North Africa"} <= pl
    assert not {"Kafr el-Dawwar", "Middle East", "North Africa"} & kinds(ex, "person")


def test_a_facility_word_alone_is_no_place(x):
    ex = x.extract(doc("Ms. Leila Haddad works at the Delta Centre for Rights. The Centre was raided on 3 May."))
    assert "Centre" not in kinds(ex, "place") | kinds(ex, "organization")


def test_un_mandates_are_read_to_the_end_of_their_topic_and_a_mandate_holders_title_is_no_body(x):
    ex = x.extract(doc(
        "Mandates of the Working Group on Arbitrary Detention and Special Rapporteur on the situation of human "
        "rights defenders; the Working Group on discrimination against women and girls, pursuant to resolution 1. "
        "The Working Group on discrimination against women and girls in one of its reports said so.",
        kind="un_communication"))
    orgs = kinds(ex, "organization")
    assert {"Working Group on Arbitrary Detention", "Working Group on discrimination against women and girls"} <= orgs
    # "Special Rapporteur on …" is an office one person holds, not a body; its topic names no body either
    assert not any("Rapporteur" in o or "human rights defenders" in o for o in orgs)
    assert not any(" and Special" in o or "reports" in o for o in orgs)


def test_the_publisher_named_in_capitals_on_its_masthead_is_an_organisation(x):
    d = doc("LEVANT PRESS MONITOR\n\nA reporter was jailed on Tuesday in Alexandria, his lawyer said.\n")
    d.publisher = "Levant Press Monitor"
    ex = x.extract(d)
    assert [(m.name, m.evidence.quote) for m in ex.mentions if m.kind == "organization"] == \
        [("Levant Press Monitor", "LEVANT PRESS MONITOR")]
