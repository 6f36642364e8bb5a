"""Events, figures and claims told in the forms of a union case: a march, bail refused and granted on appeal,
an added charge notified, a trial that "went" on, a sentence handed in a participle clause, a prison term in
words, a range of penalty, an arrest told in the active voice, and how many marched."""
from __future__ import annotations

from .conftest import doc


def events(x, text, published="2026-04-10"):
    return {(e.type, e.date) for e in x.extract(doc(text, published)).events}


def test_a_march_bail_refusals_and_an_appeal_ruling_are_events(x):
    got = events(x, "On 2 March 2026, about 300 dockers marched from the port towards the Ministry of Transport. "
                    "On 9 March 2026, the investigating judge rejected the bail applications of all three. "
                    "On 20 March 2026, the Court of Appeal granted bail to Ms. Lira Pavo.")
    assert ("protest", "2026-03-02") in got
    assert ("pretrial_detention", "2026-03-09") in got
    assert ("appeal", "2026-03-20") in got


def test_an_added_charge_a_hospital_transfer_and_a_placement_in_detention(x):
    got = events(x, "On 4 April 2026, the judge notified Mr. Dano Ruel and Ms. Lira Pavo of an additional charge of "
                    "sabotage. On 6 April 2026, Ms. Lira Pavo was taken from Women's Prison 3 to the Norland General "
                    "Hospital. A judge late on Sunday charged the three over last week's strike and ordered all three "
                    "held in pretrial detention.", published="2026-04-07")
    assert ("charge", "2026-04-04") in got
    assert ("hospitalization", "2026-04-06") in got
    assert ("pretrial_detention", "2026-04-05") in got  # "last week's strike" dates the strike, not the order


def test_a_trial_that_went_on_is_past_though_a_later_clause_speaks_of_the_future(x):
    got = events(x, "Three dockers went on trial in the city court on Tuesday, in a case that unions say will "
                    "decide the right to strike.", published="2026-06-03")
    assert ("trial_opened", "2026-06-02") in got


def test_a_sentence_handed_in_a_participle_clause_takes_the_main_verb_date(x):
    got = events(x, "The city court on Tuesday convicted three dockers over a strike in March, handing their "
                    "leader Dano Ruel a three-year prison term.", published="2026-06-25")
    assert ("sentence", "2026-06-23") in got


def test_prison_terms_in_words_and_penalty_ranges_are_figures(x):
    ex = x.extract(doc("The court handed Dano Ruel a three-year prison term. The offences carry between six months "
                       "and four years in prison. The three remain in pretrial detention; the pretrial detention of "
                       "the three dockers was criticised."))
    figs = {(f.measure, f.value) for f in ex.figures}
    assert ("sentence_years", 3) in figs
    assert ("max_sentence_years", 4) in figs
    assert ("detained", 3) not in figs


def test_an_arrest_in_the_active_voice_and_a_crowd_size_are_claims(x):
    ex = x.extract(doc("On 3 March 2026, police arrested Ms Lira Pavo at her home in Port Ulm. "
                       "More than 1,500 dockers of Ulm Harbour Co. Ltd. and their families marched to the ministry."))
    claims = {(c.topic, c.subject, c.value) for c in ex.claims}
    assert ("arrest.date", "Lira Pavo", "2026-03-03") in claims
    assert ("crowd.size", None, "1500") in claims


def test_a_bodys_standing_view_is_no_event(x):
    got = events(x, "The Committee on Freedom of Association has consistently held that the arrest and detention "
                    "of trade unionists for union activities is a serious interference with civil liberties.")
    assert not any(t == "arrest" for t, _ in got)


def test_the_story_stays_on_the_day_its_events_were_told_on_not_an_earlier_month_in_the_sentence(x):
    got = events(x, "The city court on Tuesday convicted three dockers over a strike in March. "
                    "The judge acquitted Dano Ruel of sabotage.", published="2026-06-25")
    assert ("verdict", "2026-06-23") in got
    assert ("verdict", "2026-03") not in got


def test_a_remand_until_a_weekday_when_a_hearing_is_due_is_dated_by_its_own_day(x):
    from .conftest import doc
    ex = x.extract(doc("LUSAKA — The poet Mary Banda was on Wednesday charged with seditious practices and remanded to "
                       "Mwembeshi Prison until Friday, November 9, when she is due to return to court to take plea.",
                       published="2018-11-08"))
    dated = {e.type: e.date for e in ex.events}
    assert dated.get("pretrial_detention") == "2018-11-07", dated  # Wednesday before the report, not the Friday after
