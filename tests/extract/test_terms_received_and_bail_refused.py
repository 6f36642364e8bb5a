"""A prison term told as received or given ("received nine years", "were given six years"), with the person's
relative clause between name and verb; a bail plea rejected or a bail application dismissed in the words of other
benches; a sitting moved by "deferred it", "stood down", "reset". Invented people and places."""
from __future__ import annotations

from .conftest import doc


def people(x, text, published="2026-04-10"):
    return {m.name: (m.roles, [t.type for t in m.measures]) for m in x.extract(doc(text, published)).mentions
            if m.kind == "person"}


def events(x, text, published="2026-04-10"):
    return {(e.type, e.date) for e in x.extract(doc(text, published)).events}


def test_a_term_received_makes_the_receiver_accused_and_sentenced(x):
    got = people(x, "Nilda Arroyo Vence, Tomás Quiroga and Elsa Brun, members of the cooperative who came to court "
                    "as free people, were taken into custody the same night after receiving seven years each.")
    for name in ("Nilda Arroyo Vence", "Tomás Quiroga", "Elsa Brun"):
        assert "defendant" in got[name][0] and "sentence" in got[name][1]
    got = people(x, "Rosa Ibarra, Marta Quiroz and Delia Funes were given six years.")
    assert all("sentence" in got[n][1] for n in ("Rosa Ibarra", "Marta Quiroz", "Delia Funes"))


def test_a_term_received_after_a_relative_clause_that_tells_since_when_she_is_held(x):
    got = people(x, "Among them, Nilda Arroyo, a long-time organiser who has been in prison since 2021, received "
                    "nine years.", published="2026-01-20")
    assert "defendant" in got["Nilda Arroyo"][0]


def test_threats_received_for_years_are_no_term(x):
    got = people(x, "Nilda Arroyo has received death threats for years.")
    assert "defendant" not in got["Nilda Arroyo"][0] and not got["Nilda Arroyo"][1]


def test_a_bail_plea_rejected_or_an_application_dismissed_is_the_detention_kept(x):
    assert ("pretrial_detention", "2025-09-16") in events(
        x, "The High Court granted him bail on 8 October 2025, three weeks after Sessions Judge Tomas Ruel rejected "
           "a bail plea on 16 September 2025.")
    assert ("pretrial_detention", "2025-08") in events(
        x, "Their first bail application was dismissed by the same judge in August 2025.")
    assert ("pretrial_detention", "2025-05-03") in events(x, "The court rejected a new bail application on 3 May 2025.")


def test_a_sitting_deferred_stood_down_or_reset_is_postponed_on_its_own_day(x):
    assert ("hearing_postponed", "2025-07-11") in events(
        x, "On 11 July 2025 the bail appeal was stood down to 16 July at the State's request.")
    assert ("hearing_postponed", "2025-09-07") in events(
        x, "The verdict was first scheduled for 7 September 2025, but on that day the judge deferred it to a later "
           "date because the judgment was not ready.")
    assert ("hearing_postponed", "2026-02-12") in events(
        x, "On 12 February 2026 the hearing in Lomara was reset because a prosecution witness was absent.")


def test_they_after_a_list_goes_on_naming_the_listed_through_the_next_sentences(x):
    got = people(x, "On 28 October 2025, police in Lomara arrested 31 people, including Mr. Tembo and Mr. Phiri, "
                    "after a march. They were charged with incitement to violence under section 124 of the Penal Code. "
                    "On 31 October 2025, they were remanded in custody at Kanjedza Prison. On 3 November 2025, they "
                    "were released on bail.", published="2025-12-01")
    for name in ("Tembo", "Phiri"):
        roles, measures = got[name]
        assert "defendant" in roles and "pretrial_detention" in measures and "release" in measures


def test_they_were_not_charged_accuses_nobody(x):
    got = people(x, "Nora Vela, Tomas Paruta and the two brothers were released on 13 February 2025. They were not "
                    "charged, but they were forbidden to leave the country.", published="2025-03-01")
    assert "defendant" not in got["Nora Vela"][0] and "defendant" not in got["Tomas Paruta"][0]


def claims(x, text, published="2026-04-10"):
    return [(c.topic, c.value) for c in x.extract(doc(text, published)).claims]


def test_a_kwacha_or_kina_amount_written_k_before_the_figure_and_what_sureties_stand_bound_in(x):
    got = claims(x, "Magistrate Tembo admitted Mr. Phiri to bail on the following conditions: a cash bond of K50,000; "
                    "two sureties, each bound in the sum of K500,000 non-cash; reporting to police once a fortnight.")
    assert ("amount.bail", "K 50,000") in got and ("amount.surety", "K 500,000") in got
    assert not [c for c in claims(x, "The K9 unit was deployed and 50 fans were held before bail was set.")
                if c[0].startswith("amount")]
    assert ("amount.bail", "THB 400,000") in claims(x, "The court granted bail on a surety of 400,000 baht.")


def test_a_time_of_day_told_the_sentence_after_its_day(x):
    got = claims(x, "On 13 December 2025 Magistrate Tembo released Mr. Phiri on bail. At around 3 pm, barely minutes "
                    "after walking out of the court, Mr. Phiri was re-arrested by police.")
    assert ("time.arrest", "~15:00") in got


def test_charges_read_in_court_and_a_case_opened_at_a_court_are_steps(x):
    got = events(x, "The 33 appeared before the Chief Resident Magistrate's Court on Monday, 31 October 2025, where the "
                    "charges were read and all of them pleaded not guilty. His first case opened at the Lomara "
                    "Magistrate's Court on Monday, 3 November 2025.", published="2025-12-01")
    assert ("charge", "2025-10-31") in got and ("trial_opened", "2025-11-03") in got


def test_a_headings_participle_and_a_seats_members_are_no_person(x):
    got = people(x, "Incarcerated Hosea and Ngwempisi MPs will spend a second Christmas in custody after the High Court "
                    "dismissed their third application for bail.")
    assert not got
