"""A law known by the day it was made ("the Law of 3 March 1962", "the Law of March 3, 1962", "Law of 3/3/1962",
"la loi du 3 mars 1962") or by its year ("the 1962 law on sedition") is one law; "the 2019 Act" after a title of
2019 is that title; a title whose words are a list ("the Roads, Bridges and Harbours Act 2019"); lists of articles
in French, Spanish and Portuguese; and the laws a report in one of those languages cites are read from it, nothing
else. Invented laws, people and places."""
from __future__ import annotations

import dataclasses

from .conftest import doc


def cited(x, text):
    return {(p.instrument, p.instrument_name, p.article, p.part) for p in x.extract(doc(text)).provisions}


def test_a_law_known_by_its_day_is_one_law_however_the_day_is_written(x):
    keys = set()
    for text in ("He was charged under Articles 5 and 6 of the Law of 3 March 1962 and Article 335 of the Penal Code.",
                 "He was charged under Articles 5 and 6 of the Law of March 3, 1962, and Article 335 of the Penal Code.",
                 "He was charged under Articles 5 and 6 of the Law of 3/3/1962 and Article 335 of the Penal Code.",
                 "He was charged under Articles 5 and 6 of the 1962 law on sedition and Article 335 of the Penal Code."):
        got = cited(x, text)
        laws = {(k, a) for k, _, a, _ in got if k != "criminal_code"}
        assert {a for _, a in laws} == {"5", "6"}, text  # not the Penal Code's
        keys |= {k for k, _ in laws}
    assert len(keys) == 1


def test_a_year_named_law_after_its_title_is_that_title_and_a_listed_title_is_whole(x):
    got = cited(x, 'It is contrary to section 41(1) of the Roads, Bridges and Harbours Act 2019 ("the 2019 Act"). '
                   "The maximum is five years under section 41(3) of the 2019 Act.")
    assert {(k, a, p) for k, _, a, p in got} == {("roads_bridges_and_harbours_act", "41", "1"),
                                                 ("roads_bridges_and_harbours_act", "41", "3")}


def test_lists_of_articles_in_french_spanish_and_portuguese(x):
    assert {a for _, _, a, _ in cited(x, "Il a été poursuivi en vertu des articles 6 et 7 de la loi du 3 mars 1962.")} \
        == {"6", "7"}
    assert {(k, a) for k, _, a, _ in cited(x, "Se la acusa de tumulto (artículos 209 y 230 del Código Penal).")} \
        == {("criminal_code", "209"), ("criminal_code", "230")}
    assert {a for _, _, a, _ in cited(x, "Foi acusado nos termos dos artigos 5 e 6 da Lei de Segurança Interna.")} \
        == {"5", "6"}
    assert {(k, a) for k, _, a, _ in cited(x, "Il est poursuivi en vertu des articles 192 et 193 du code pénal.")} \
        == {("criminal_code", "192"), ("criminal_code", "193")}


def test_a_numbered_law_of_a_year_in_spanish_is_the_same_law_in_english(x):
    es = cited(x, "La defensa invoca el artículo 318 de la Ley 1234 de 2004 y el artículo 308 ibídem.")
    en = cited(x, "The judge applied Article 310 of Law 1234 of 2004.")
    assert {k for k, _, _, _ in es} == {k for k, _, _, _ in en} and len({k for k, _, _, _ in es}) == 1


def test_a_letter_after_a_number_is_no_list_word(x):
    assert {(a, p) for _, _, a, p in cited(x, "He is charged under section 12(e) of the Public Order Act.")} == {("12", "e")}


def test_a_report_in_french_gives_the_laws_it_cites_and_no_one(x):
    d = dataclasses.replace(doc("Le 3 mars 2021, le juge Paul Martin a inculpé Ahmad Samir pour actes terroristes en "
                                "vertu des articles 6 et 7 de la loi du 3 mars 1962. Il a été placé en détention."),
                            language="fr")
    ex = next(x.extract_many([d]))
    assert {p.article for p in ex.provisions} == {"6", "7"}
    assert not ex.mentions and not ex.events
    ru = dataclasses.replace(d, language="ru")
    assert not next(x.extract_many([ru])).provisions


def test_the_day_or_year_in_a_laws_name_dates_no_step(x):
    evs = {(e.type, e.date) for e in x.extract(doc(
        "On 22 February 2021, Judge Samir Aoun charged them with terrorist acts under Articles 5 and 6 of the Law of "
        "3 March 1962. Nader Haddad was also charged under Articles 5 and 6 of the Law of 3 March 1962. Rami Saad "
        "was charged under Articles 5 and 6 of the 1962 law on sedition.")).events}
    assert ("charge", "2021-02-22") in evs and not any((d or "").startswith("1962") for _, d in evs)


def test_a_sentence_upheld_with_its_length_and_kind_before_it(x):
    evs = {(e.type, e.date) for e in x.extract(doc(
        "The Superior Court on Friday upheld the 13-year prison sentence imposed on Rosa Quispe.",
        published="2026-04-13")).events}
    assert ("appeal", "2026-04-10") in evs
