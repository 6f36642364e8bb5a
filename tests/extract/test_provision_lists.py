"""Provisions cited in the forms of legal systems that number articles "102 bis" and letter their
paragraphs "80(d)", several instruments in one sentence, and laws named by number and year."""
from __future__ import annotations

from casewatch.casefile import _laws_by_number

from .conftest import doc


def provs(x, text):
    return {(p.instrument, p.instrument_name, p.article, p.part) for p in x.extract(doc(text)).provisions}


def test_bis_articles_and_lettered_paragraphs_take_the_instrument_named_after_them(x):
    got = provs(x, "She was charged with membership of an unlawful group (Article 7 of Law No. 31 of 2009) and "
                   "with publishing false reports (Articles 61(c) and 188 bis of the Penal Code).")
    assert ("criminal_code", "Penal Code", "61", "c") in got
    assert ("criminal_code", "Penal Code", "188 bis", None) in got
    assert ("law_no_31_of_2009", "Law No. 31 of 2009", "7", None) in got
    assert not any(p[1].startswith("Law No.") and p[2] != "7" for p in got)


def test_a_constitution_of_an_arab_or_islamic_republic_keeps_its_country(x):
    got = provs(x, "We refer to article 41 of the Constitution of the Islamic Republic of Norland and to "
                   "Article 12 of the Norlandian Constitution.")
    assert ("constitution", "Constitution of Norland", "41", None) in got
    assert ("constitution", "Constitution", "12", None) in got


def test_a_bare_article_belongs_to_the_declaration_named_earlier_in_its_sentence(x):
    got = provs(x, "We recall article 9 of the ICCPR. We also recall the Declaration on the Protection of All "
                   "Persons from Enforced Disappearance, under which no State shall tolerate disappearances "
                   "(article 2). We further refer to the UN Declaration on Human Rights Defenders, in particular "
                   "articles 1 and 12.")
    assert {(p[0], p[2]) for p in got} == {("iccpr", "9"), ("disappearance_declaration", "2"),
                                           ("hrd_declaration", "1"), ("hrd_declaration", "12")}


def test_a_law_cited_by_number_is_the_titled_law_with_that_number_elsewhere_in_the_case(x):
    a = x.extract(doc("He is accused under Article 3 of the Public Order Law No. 12 of 2019.")).provisions
    b = x.extract(doc("He is accused under article 3 of Law No. 12 of 2019 on Public Order.")).provisions
    assert _laws_by_number(a + b) == {"law_no_12_of_2019": ("public_order_law", "Public Order Law")}


def test_a_code_or_constitution_of_a_kingdom_keeps_its_country(x):
    got = provs(x, "Under Article 88 of the Code of Criminal Procedure of the Kingdom of Norland, detention is "
                   "the exception. We recall articles 12 and 19 of the Constitution of the Kingdom of Norland.")
    assert ("criminal_procedure_code", "Code of Criminal Procedure of Norland", "88", None) in got
    assert ("constitution", "Constitution of Norland", "12", None) in got
    assert ("constitution", "Constitution of Norland", "19", None) in got
