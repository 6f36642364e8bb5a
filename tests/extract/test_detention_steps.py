"""The steps of a detention told in the forms of prosecution-led systems: questioned before a
prosecution, ordered detained for so many days, renewals, release ordered under precautionary measures,
and what is not an event (a protest at a detention, a date something is due, a quotation of several
sentences)."""
from __future__ import annotations

import pytest

from datetime import date

from casewatch.extract.dates import find_dates

from .conftest import doc


def events(x, text, published="2026-03-12"):
    return {(e.type, e.date) for e in x.extract(doc(text, published=published)).events}


def test_questioning_by_a_prosecution_and_a_detention_ordered_for_days(x):
    got = events(x, "On 4 February 2026, Ms Lorna Vesk was brought before the Higher State Prosecution in Case "
                    "No. 77 of 2026. She was ordered detained for 15 days pending investigation.")
    assert ("charge", "2026-02-04") in got
    assert ("pretrial_detention", "2026-02-04") in got
    assert not any(t == "arrest" for t, _ in got)


def test_not_appearing_before_prosecutors_is_no_charge(x):
    got = events(x, "Mr Tomas Brel had not appeared before prosecutors by Thursday morning, lawyers said.")
    assert not any(t == "charge" for t, _ in got)


def test_renewals_of_detention_are_extensions(x):
    got = events(x, "On 2 March 2026, the prosecution renewed the detention of all three for another 15 days. "
                    "On 9 March 2026, the court renewed for 45 days the pretrial detention of Mr Brel.")
    assert {("measure_extended", "2026-03-02"), ("measure_extended", "2026-03-09")} <= got


def test_a_release_ordered_under_precautionary_measures_is_a_release(x):
    got = events(x, "On 20 February 2026, the prosecution ordered the release of Ms Vesk under precautionary "
                    "measures, requiring her to report to the police twice a week.")
    assert ("release", "2026-02-20") in got


def test_a_protest_at_a_detention_and_a_due_date_are_not_events(x):
    got = events(x, "Mr Brel stopped eating a week ago in protest at his continued detention. Last Monday he was "
                    "brought before the prosecution. He was ordered detained for 15 days and is due back before "
                    "prosecutors on March 23.")
    assert not any(t == "measure_extended" for t, _ in got)
    assert ("pretrial_detention", "2026-03-09") in got
    assert not any(d == "2026-03-23" for _, d in got)


def test_a_sentence_inside_a_longer_quotation_is_speech(x):
    got = events(x, '"I waited until two in the morning. Then an officer came out and said he had been released. '
                    'He had not," his wife said.')
    assert not any(t == "release" for t, _ in got)


def test_to_have_been_released_describes_no_release(x):
    got = events(x, "Ms Vesk, the only one of the staff to have been released, still reports to the police.")
    assert not any(t == "release" for t, _ in got)


def test_the_same_night_and_the_hours_of_a_weekday(x):
    got = events(x, "Police raided the office in the early hours of 3 March 2026. Mr Brel was arrested the same "
                    "night at his home, and held until he appeared before the prosecution on 11 March 2026.")
    assert ("arrest", "2026-03-03") in got
    assert [d.value for d in find_dates("Officers raided the office in the early hours of Tuesday.",
                                        date(2026, 3, 12))] == ["2026-03-10"]


def test_the_year_of_a_case_or_law_number_is_not_a_date():
    assert find_dates("He was questioned in Case No. 77 of 2026 under Law No. 5 of 2019.", date(2026, 3, 12)) == []


def test_a_week_as_a_duration_is_not_a_date():
    assert find_dates("She was held for more than a week before she was charged.", date(2026, 3, 12)) == []
    assert [d.value for d in find_dates("On 2 March 2026 he was taken. A week later he was charged.",
                                        date(2026, 3, 12))] == ["2026-03-02", "2026-03"]


def test_a_relative_clause_event_is_not_dated_by_its_main_clause(x):
    got = events(x, "Experts wrote to the government about the case in February, raising the case of Mr Brel, "
                    "who was held incommunicado before he was brought before prosecutors.", published="2026-04-23")
    assert ("charge", "2026-02") not in got


def test_a_term_served_told_in_passing_and_a_detention_since_a_date(x):
    from .conftest import doc, people
    text = ("Among many others, the municipal deputy Pavel Voronin is serving a seven-year sentence under Article 207. "
            "The cleric Yusuf Haddad has been detained since January 2026 and faces the death penalty.")
    p = people(x.extract(doc(text)))
    assert "sentence" in p["Pavel Voronin"]["measures"]
    assert "pretrial_detention" in p["Yusuf Haddad"]["measures"]


def test_a_step_two_years_before_the_report_is_still_the_story(x):
    from .conftest import doc, people
    p = people(x.extract(doc("Police arrested seven supporters in the courtroom on 2 August 2019, among them Mary Akello "
                             "and Sam Obbo, who were charged with malicious damage and freed on bail in late August "
                             "2019. The case has not moved since.", published="2021-09-01")))
    for name in ("Mary Akello", "Sam Obbo"):
        assert "defendant" in p[name]["roles"] and "release" in p[name]["measures"], p[name]


def test_french_and_spanish_court_words_and_a_judge_who_places_someone(x):
    from .conftest import doc, people
    p = people(x.extract(doc("On 29 March 2026 the investigating judge placed Karim Salhi under a mandat de dépôt. "
                             "On 2 April 2026 the prosecutor imposed prisión provisional on Lina Ortega. On 3 May "
                             "2026 Omar Benali was granted liberté provisoire.", published="2026-05-05")))
    assert "official" not in p["Karim Salhi"]["roles"]  # the judge's title is before the verb, not his
    assert "pretrial_detention" in p["Karim Salhi"]["measures"]
    assert "pretrial_detention" in p["Lina Ortega"]["measures"]
    assert "release" in p["Omar Benali"]["measures"]


def test_people_named_as_the_members_of_a_group_arrested_in_the_sentence_before(x):
    from .conftest import doc, people
    p = people(x.extract(doc("Police confirmed that five of her supporters had been arrested on 2 August 2026. A "
                             "police spokesperson, Peter Okumu, named them as Joan Akello, Sam Obbo and Rose Nantale, and said "
                             "they would face charges of malicious damage.",
                             published="2026-08-05")))
    for name in ("Joan Akello", "Sam Obbo", "Rose Nantale"):
        assert "defendant" in p[name]["roles"], p[name]  # "would face charges": charged
    assert "detainee" not in p["Peter Okumu"]["roles"]


@pytest.mark.parametrize("sentence, step", [
    ("The following day, 22 March 2024, he was formally charged and made to sign an undertaking.", ("charge", "2024-03-22")),
    ("The First Information Report was registered at Lakeside police station on 10 March 2024.", ("charge", "2024-03-10")),
    ("On 2 April 2024 the police filed a charge sheet of 900 pages against the eight accused.", ("charge", "2024-04-02")),
    ("On 2 September 2024 the charge under section 12 was framed against the accused.", ("charge", "2024-09-02")),
    ("The case was referred to the court by way of an indictment registered on 28 May 2024.", ("charge", "2024-05-28")),
    ("On 16 July 2024 the prosecution imposed prisión provisional on him.", ("pretrial_detention", "2024-07-16")),
    ("The application for bail filed on behalf of the accused on 28 June 2024 was rejected.", ("pretrial_detention", "2024-06-28")),
    ("On 4 December 2024 the provincial court authorised a first custody term of 12 days.", ("pretrial_detention", "2024-12-04")),
    ("On 10 June 2024 the judge granted a 90-day detention order against the three.", ("pretrial_detention", "2024-06-10")),
    ("On 15 December 2024 the court approved a second custody term of 12 days.", ("measure_extended", "2024-12-15")),
    ("On 4 July 2024, defence lawyers lodged a recurso de apelación with the Criminal Chamber.", ("appeal", "2024-07-04")),
    ("The three accused lodged appeals in cassation on 17 September 2024.", ("appeal", "2024-09-17")),
    ("The memorandum of appeal, lodged in August 2024, raised eleven grounds.", ("appeal", "2024-08")),
    ("On 25 November 2024 the Supreme Court rejected the cassation appeals of the two.", ("appeal", "2024-11-25")),
])
def test_the_charging_and_custody_steps_as_systems_write_them(x, sentence, step):
    from .conftest import doc
    assert step in {(e.type, e.date) for e in x.extract(doc(sentence, published="2025-01-20")).events}


def test_a_date_that_names_its_noun_does_not_date_the_verbs_of_its_sentence(x):
    from .conftest import doc
    ex = x.extract(doc("On 21 March 2024, the special court convicted Aung Min Thu under Section 505A, the provision "
                       "inserted by the junta shortly after the February 2021 coup, and sentenced him to two years.",
                       published="2024-04-30"))
    assert {(e.type, e.date) for e in ex.events} >= {("verdict", "2024-03-21"), ("sentence", "2024-03-21")}


def test_the_convicted_person_is_a_description_not_a_verdict(x):
    from .conftest import doc
    ex = x.extract(doc("The hearing of the appeal, scheduled for 7 June 2024, was adjourned to 11 July 2024; the motion "
                       "that the convicted person be brought to the capital was refused.", published="2024-08-01"))
    assert "verdict" not in {e.type for e in ex.events}
    assert ("verdict", "2024-10-11") in {(e.type, e.date) for e in x.extract(doc(
        "He was convicted on 11 October 2024.", published="2024-11-01")).events}


@pytest.mark.parametrize("sentence, arrests", [
    ("They said the five should never have been detained in the first place.", set()),
    ("Ms. Lena Orr was not detained on 3 March 2024, her lawyer said.", set()),
    ("His bail was revoked on 22 December 2024, and he has been detained since that date.", set()),
    ("Ali Karimi, who was arrested on 5 May 2024, was sentenced in December.", {"2024-05-05"}),
    # the main clause's day is not the relative clause's
    ("Two friends who were arrested with him, the boxer Reza Nikpour and the wrestler Omid Saleh, were released on "
     "bail in December.", {None}),
])
def test_an_arrest_not_told_as_happening_or_dated_by_another_clause(x, sentence, arrests):
    from .conftest import doc
    ex = x.extract(doc(sentence, published="2025-01-20"))
    assert {e.date for e in ex.events if e.type == "arrest"} == arrests
