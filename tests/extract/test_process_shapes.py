"""The steps of a case in the shapes courts and reports write them across legal systems: a sitting named by its
date, a placement in detention by its noun, custody kept on request, a move to house arrest, a remand extended
with an adverb between, a trial held or tried, an appeal heard or a term reduced, a ruling told in the present,
a court paper's date of judgment, sentences handed down, offences added to a file.  Invented names and places."""
from __future__ import annotations

from .conftest import doc


def events(x, text, published="2026-10-01"):
    return {(e.type, e.date) for e in x.extract(doc(text, published)).events}


def test_a_placement_in_detention_an_appeal_heard_and_a_term_reduced(x):
    got = events(x, "Dano Ruel was arrested on 7 March 2026. On 27 March 2026, the indictment chamber of the Norland "
                    "Court reportedly ordered his placement in pre-trial detention. On 8 September 2026, the Norland "
                    "Court heard the appeal. The Norland Court reduced it to two years on 15 September, after an "
                    "appeal hearing on 9 September at which the prosecution had again asked for four years.")
    assert ("pretrial_detention", "2026-03-27") in got
    assert ("appeal", "2026-09-08") in got
    assert ("hearing", "2026-09-09") in got
    assert ("appeal", "2026-09-15") in got


def test_sittings_named_by_their_date(x):
    got = events(x, "At the second session, held on 20 June 2026, the defendant attended with his counsel. "
                    "At the most recent hearing, on 7 July, the court heard the testimony of two officers.")
    assert ("hearing", "2026-06-20") in got
    assert ("hearing", "2026-07-07") in got


def test_a_hearing_named_only_by_its_purpose_is_no_event_without_its_date(x):
    got = events(x, "One of her lawyers was disbarred four days before the appeal hearing. An application for bail "
                    "pending appeal will be heard next month.")
    assert not {t for t, _ in got} & {"hearing", "appeal"}


def test_custody_kept_on_request_house_arrest_and_an_extension(x):
    got = events(x, "On 10 June 2026, a judge in Norville granted the prosecution's request to keep Lira Pavo and "
                    "Dano Ruel in custody for 90 days. On 7 July 2026, the district court transferred Tam Orsk, a "
                    "reporter with Norland Daily, to house arrest. The remand was subsequently extended on 4 August "
                    "2026.")
    assert ("pretrial_detention", "2026-06-10") in got
    assert ("house_arrest", "2026-07-07") in got
    assert ("measure_extended", "2026-08-04") in got


def test_a_trial_held_tried_and_a_plea_taken(x):
    got = events(x, "His trial before the Norville court took place on 3 August 2026. The seven students were tried "
                    "behind closed doors on 25 August 2026. On 9 September 2026 she pleaded not guilty to both counts.")
    assert ("trial_opened", "2026-08-03") in got
    assert ("trial_opened", "2026-08-25") in got
    assert ("hearing", "2026-09-09") in got


def test_a_ruling_in_the_present_a_judgment_date_and_sentences_handed_down(x):
    got = events(x, "- 22 June 2026 – the Supreme Court overturns the death sentence.\n\n"
                    "Date of judgment: 21 March 2026\n\n"
                    "The notices were filed 28 days after the sentences were handed down on 19 May.")
    assert ("appeal", "2026-06-22") in got
    assert ("verdict", "2026-03-21") in got
    assert ("sentence", "2026-05-19") in got


def test_offences_added_to_the_file_are_a_charge(x):
    got = events(x, "On 6 August 2026, the investigating officer told the family that two further offences had been "
                    "added to the file.")
    assert ("charge", "2026-08-06") in got


def test_leaving_the_prison_and_a_release_ordered_in_a_courts_words_are_releases(x):
    ex = x.extract(doc("Tam Orsk and Lira Pavo left the Norville prison on the afternoon of 24 February, a day after "
                       "the court annulled their conviction. THIRD: To lift the precautionary measure and to order the "
                       "IMMEDIATE RELEASE of Dano Ruel.", "2026-03-01"))
    assert ("release", "2026-02-24") in {(e.type, e.date) for e in ex.events}
    held: dict[str, set[str]] = {}
    for p in ex.mentions:
        if p.kind == "person":
            held.setdefault(p.name, set()).update(m.type for m in p.measures)
    assert "release" in held["Tam Orsk"] and "release" in held["Lira Pavo"]
    assert "release" in held["Dano Ruel"]


def test_leaving_one_prison_for_another_is_no_release(x):
    ex = x.extract(doc("On 3 May 2026 Tam Orsk left the Norville prison for another prison in the north.", "2026-06-01"))
    assert "release" not in {e.type for e in ex.events}


def test_they_after_a_list_of_names_are_the_people_listed(x):
    ex = x.extract(doc("The Norville tribunal held its first hearing in March. Observers were turned away.\n\n"
                       "The four — Tamo Ekan, Dr Felo Ndor, Prof. Mira Abeng and Kemi Ojong — were among 30 people "
                       "handed over by the neighbouring state on 26 January 2018. They were sentenced to life "
                       "imprisonment on 19 August 2019 after a hearing that ran through the night.", "2026-02-01"))
    held = {p.name: ({m.type for m in p.measures}, set(p.roles)) for p in ex.mentions if p.kind == "person"}
    for name in ("Tamo Ekan", "Felo Ndor", "Mira Abeng", "Kemi Ojong"):
        assert "sentence" in held[name][0] and "defendant" in held[name][1], name


def test_a_group_told_as_the_subject_further_into_a_report_takes_the_measure(x):
    ex = x.extract(doc("Police in Norville arrested six members of the dockers' union on 2 March 2026. Tamo Ekan and "
                       "Felo Ndor were charged with unlawful assembly on 4 March 2026.\n\nThe six members were remanded "
                       "in custody until 18 March 2026.", "2026-03-10"))
    held = {p.name: {m.type for m in p.measures} for p in ex.mentions if p.kind == "person"}
    assert "pretrial_detention" in held["Tamo Ekan"] and "pretrial_detention" in held["Felo Ndor"]


def test_custody_kept_on_a_refused_request_appeals_by_amparo_and_charges_on_counts(x):
    got = events(x, "On 18 December 2025, Judge Mira Abeng rejected the defence's request to replace the prisión "
                    "preventiva with alternative measures. On 2 February 2026, the Second Court of Appeals of Norville "
                    "(Corte Segunda de Apelaciones) confirmed the decision of Judge Abeng. On 7 April 2026, the legal "
                    "team filed an amparo before the Constitutional Chamber. On 27 April 2026 the four were brought "
                    "before the tribunal and charged on ten counts.", "2026-06-10")
    assert ("pretrial_detention", "2025-12-18") in got
    assert ("appeal", "2026-02-02") in got
    assert ("appeal", "2026-04-07") in got
    assert ("charge", "2026-04-27") in got


def test_held_then_freed_in_one_clause_each_step_on_its_own_day(x):
    got = events(x, "Tam Orsk, a blogger from Norville, was detained on 25 May 2026 and released on 3 June 2026 "
                    "without being charged.", "2026-06-10")
    assert ("arrest", "2026-05-25") in got and ("release", "2026-06-03") in got
    assert ("release", "2026-05-25") not in got


def test_warrants_provisional_release_judicial_supervision_and_hospital(x):
    got = events(x, "Awa Ndour was placed under a detention warrant on 24 May 2026. Her third application for "
                    "provisional release was rejected in July 2026. She was admitted to intensive care on 10 August "
                    "2026 after a hunger strike. Moussa Faye was granted provisional release on 31 August 2026. "
                    "Marc Leroy was placed under judicial supervision on 7 September 2026.")
    assert ("pretrial_detention", "2026-05-24") in got
    assert ("pretrial_detention", "2026-07") in got
    assert ("hospitalization", "2026-08-10") in got
    assert ("release", "2026-08-31") in got and ("release", "2026-09-07") in got


def test_captured_by_the_police_and_committal_orders(x):
    got = events(x, "On 11 January 2026, agents of the national police captured the five water defenders. On 25 "
                    "February 2026 the investigating judge issued committal orders against Jamel Ben Ali and Samir Tlili.")
    assert ("arrest", "2026-01-11") in got and ("pretrial_detention", "2026-02-25") in got
    roles = {m.name: m.roles for m in x.extract(doc("On 25 February 2026 the investigating judge issued committal "
                                                     "orders against Jamel Ben Ali and Samir Tlili.", "2026-10-01")).mentions}
    assert "defendant" in roles["Jamel Ben Ali"] and "defendant" in roles["Samir Tlili"]


def test_sittings_before_a_trial_are_hearings_not_the_trial(x):
    got = events(x, "A pre-trial conference was held on 18 September 2026. At a mention on 19 September 2026 the judge "
                    "fixed a hearing date.", published="2026-10-01")
    assert ("hearing", "2026-09-18") in got and ("hearing", "2026-09-19") in got
    assert not any(t == "trial_opened" for t, _ in got)


def test_a_laws_year_is_no_date_of_the_story(x):
    got = events(x, "Ahmed Saleh was detained by the governor under the Crime Prevention Law of 1954 on 5 March 2026.",
                 published="2026-04-02")
    assert ("arrest", "2026-03-05") in got and not any(d == "1954" for _, d in got)


def test_charged_told_by_its_day_alone(x):
    got = events(x, "Omar Salah was arrested in 2024 and charged in 2025. Idris Nour was arrested on 3 May 2026 and "
                    "charged the next day. Musa Kanu has not been charged on any count.")
    assert ("charge", "2025") in got and ("charge", "2026-05-04") in got
    assert not any(t == "charge" and d is None for t, d in got)


def test_measures_of_pretrial_detention_imposed_a_hearing_called_off_and_a_custody_order_revoked(x):
    got = events(x, "On 29 March 2017, the court imposed measures of pre-trial detention on the detainees. On 3 May "
                    "2018 the hearing, set before the First Specialised Criminal Circuit Court of Norland, was called "
                    "off once again. On 7 November 2017, Judge Ferro revoked the detention orders against six of the "
                    "accused.", published="2018-05-04")
    assert ("pretrial_detention", "2017-03-29") in got
    assert ("hearing_postponed", "2018-05-03") in got
    assert ("release", "2017-11-07") in got


def test_a_working_group_opinion_told_in_another_report(x):
    assert ("communication", "2025-10-15") in events(x, "In an opinion adopted on 15 October 2025, the UN Working "
                                                         "Group on Arbitrary Detention found the detention arbitrary.",
                                                     published="2025-11-01")


def test_a_hunger_and_thirst_strike_a_return_to_prison_and_a_killing_are_steps_of_the_case(x):
    got = events(x, "Ana Ruiz began a hunger and thirst strike at home on 25 April 2021. On 6 May 2021 Tomas Brel was "
                    "taken back to Norland jail without his family being told. On 21 January 2023 the lawyer Piet "
                    "Vosk was shot dead at his home.", published="2024-06-01")
    assert {("other", "2021-04-25"), ("other", "2021-05-06"), ("other", "2023-01-21")} <= got


def test_a_hearing_named_with_its_court_a_hearing_where_the_detainees_spoke_and_a_show_cause_order(x):
    got = events(x, "At the first Supreme Court hearing, on 18 December 2025, the judges questioned the prosecutor. "
                    "On 15 January 2026 the detainees addressed the Supreme Court at a hearing. On 14 May 2025 a "
                    "single bench of Justice Hari Lal Joshi issued a show cause order.", published="2026-06-01")
    assert {("hearing", "2025-12-18"), ("hearing", "2026-01-15"), ("hearing", "2025-05-14")} <= got


def test_terms_as_the_court_s_object_and_a_verdict_deferred(x):
    got = events(x, "On 27 November 2017 the court handed down 50-year sentences to Ana Ruiz and Tomas Brel. On 24 "
                    "June 2022 the court imposed five years on Piet Vosk and nine years on Dano Ruel. On 7 September "
                    "2023 the verdict was deferred to 14 September.", published="2025-06-01")
    assert {("sentence", "2017-11-27"), ("sentence", "2022-06-24"), ("hearing_postponed", "2023-09-07")} <= got
    assert not any(t == "sentence" for t, _ in events(x, "The 2015 law imposed sentences of up to ten years for such "
                                                         "posts. In 2019 the government gave them two weeks to leave."))
