"""Counts whose meaning turns on a few words: a detention ordered, a group joined by one more person,
a population the case's people belong to."""
from __future__ import annotations

from .conftest import doc


def figures(x, text):
    return {(f.measure, f.value) for f in x.extract(doc(text)).figures}


def test_a_count_ordered_detained_is_pretrial_detention(x):
    got = figures(x, "Prosecutors order three detained for 15 days after a raid on a clinic in Velmora.")
    assert ("pretrial_detention", 3) in got
    assert ("detained", 3) not in got


def test_together_with_one_more_adds_to_the_count(x):
    got = figures(x, "Three of them, together with a reporter who was visiting, remain in pretrial detention.")
    assert ("pretrial_detention", 4) in got


def test_one_of_many_is_a_population_not_the_case(x):
    got = figures(x, "He is one of at least 40 journalists behind bars today, and almost all of them are held in "
                     "pretrial detention.")
    assert ("pretrial_detention", 40) not in got
    assert ("other", 40) in got


def test_the_counts_own_verb_beats_a_nearer_participle(x):
    got = figures(x, "The five others arrested, all students, were released on Friday without charge.")
    assert ("released", 5) in got and ("detained", 5) not in got
    # but a count in an aside is not the subject: the nearest cue still decides for it
    got = figures(x, "Before the trial, 11 defenders, among the 17 initially arrested, were held in pretrial detention.")
    assert ("pretrial_detention", 11) in got and ("detained", 17) in got


def test_a_year_after_a_date_is_not_a_count(x):
    ex = x.extract(doc("On 20 June 2025 the Municipal People's Procuratorate informed his lawyers that it had "
                       "formally indicted him."))
    assert not [f for f in ex.figures if f.value == 2025]


def test_the_penalty_a_law_sets_is_a_maximum_not_a_sentence(x):
    ex = x.extract(doc("He is accused under Section 112 of the Criminal Code, which punishes anyone who defames, "
                       "insults or threatens the King, the Queen or the Heir-apparent with three to fifteen years "
                       "in prison."))
    assert not [f for f in ex.figures if f.measure == "sentence_years"]


def test_a_term_given_without_a_word_of_prison_and_a_range_told_from_to(x):
    from .conftest import doc
    ex = x.extract(doc("Tamo Ekan, a lawyer from the city, was given 28 years after being found guilty of terrorism. "
                       "Felo Ndor got 16 years.", "2026-05-10"))
    terms = {(c.subject, c.value) for c in ex.claims if c.topic == "term"}
    assert ("Tamo Ekan", "28 years") in terms and ("Felo Ndor", "16 years") in terms
    ex = x.extract(doc("Tamo Ekan was tried in Norville; three years after his arrest, the court had still not ruled.",
                       "2026-05-10"))
    assert not [c for c in ex.claims if c.topic == "term"]


def test_amounts_in_ringgit_and_cfa_francs_and_a_currency_sign_only_before_its_number(x):
    from .conftest import doc
    ex = x.extract(doc("Tamo Ekan pleaded not guilty and was freed on bail of RM5,000 (about US$1,650). The court "
                       "ordered the state to pay 25 million CFA francs in damages. Form 5 was filed.", "2026-05-10"))
    amounts = {(c.topic, c.value) for c in ex.claims if c.topic.startswith("amount")}
    assert ("amount.bail", "MYR 5,000") in amounts
    assert ("amount.damages", "XAF 25,000,000") in amounts
    assert not any(v.startswith("MYR 5") and t != "amount.bail" for t, v in amounts)


def test_a_maximum_penalty_in_months_is_a_maximum_but_a_time_held_before_charge_is_not(x):
    figs = {(f.measure, f.value) for f in x.extract(doc("The offences carry a fine of up to 10,000 dollars, "
                                                          "imprisonment of up to six months, or both.")).figures}
    assert ("max_sentence_years", 0.5) in figs
    figs = {(f.measure, f.value) for f in x.extract(doc("Suspects can be held for up to four months before being "
                                                          "charged.")).figures}
    assert not any(m == "max_sentence_years" for m, _ in figs)


def test_a_nationalitys_people_are_counted_and_a_count_after_released_is_released(x):
    from .conftest import doc
    got = {(f.measure, f.value) for f in x.extract(doc("Israel released 90 Palestinian prisoners. More than 3,400 "
                                                       "Palestinians are currently held in administrative detention.",
                                                       published="2025-01-20")).figures}
    assert ("released", 90.0) in got and ("administrative_detention", 3400.0) in got
