"""A sentence that tells several events gives each of them: a second event after "and on <date>", days
coordinated under one month, a second event of the same type in a relative clause, a measure changed to house
arrest, and a hearing announced by its resumption."""
from __future__ import annotations

import pytest

from .conftest import doc


def events(x, text, published="2026-04-10"):
    return {(e.type, e.date) for e in x.extract(doc(text, published)).events}


def test_a_second_event_told_after_and_on_a_date_is_its_own(x):
    got = events(x, "On 5 January 2026, Ms. Vela Orn was detained again at the prison gate and on 7 January 2026 "
                    "sentenced to a further 10 days.")
    assert ("arrest", "2026-01-05") in got
    assert ("administrative_sanction", "2026-01-07") in got


def test_days_coordinated_under_one_month_give_one_event_each(x):
    assert {("release", "2026-02-04"), ("release", "2026-02-11")} <= \
        events(x, "The two students were released on 4 and 11 February 2026.")
    assert {("release", "2026-02-04"), ("release", "2026-02-11")} <= \
        events(x, "The two students were released on February 4 and 11, 2026.")


def test_a_day_followed_by_a_count_is_not_a_coordinated_day(x):
    got = events(x, "Mr. Tol Brann was detained on February 4 and 12 others were held with him.")
    assert ("arrest", "2026-02-12") not in got


def test_a_second_event_of_the_same_type_in_a_relative_clause(x):
    got = events(x, "On 9 March 2026, the court granted bail to Mr. Tol Brann and Ms. Vela Orn, who were released "
                    "on 12 March 2026 after posting bail.")
    assert ("release", "2026-03-12") in got


def test_a_second_cue_of_a_type_without_a_date_of_its_own_adds_nothing(x):
    ex = x.extract(doc("On 9 March 2026, Mr. Tol Brann was released, and Ms. Vela Orn was released as well."))
    assert [e.date for e in ex.events if e.type == "release"] == ["2026-03-09"]


def test_a_preventive_measure_changed_to_house_arrest(x):
    got = events(x, "On 6 April 2026, the investigator changed her preventive measure to house arrest on medical "
                    "grounds.")
    assert ("house_arrest", "2026-04-06") in got


def test_a_hearing_due_to_resume_is_an_announced_hearing(x):
    ex = x.extract(doc("The hearing is due to resume on 14 May 2026.", "2026-04-10"))
    assert [(e.type, e.date, e.status) for e in ex.events] == [("hearing", "2026-05-14", "announced")]


def test_the_day_a_measure_runs_to_is_not_its_date(x):
    got = events(x, "On 17 January 2026 the district court remanded all nine in custody for two months, until "
                    "17 March 2026.")
    assert ("pretrial_detention", "2026-01-17") in got
    assert not {e for e in got if e[1] == "2026-03-17"}


# one sentence, one event it must give: (why, text, event)
TOLD = [
    ("'not … until' a day: it happened that day",
     "Ms. Vela Orn was not released until 20 February 2026, after three days at the station.", ("release", "2026-02-20")),
    ("a statement told in another report",
     "On 3 March 2026 the Harbour Rights Centre said in a joint statement that the arrests were unlawful.",
     ("statement", "2026-03-03")),
    ("a state's spokesperson at a briefing",
     "The foreign ministry spokeswoman told a regular press briefing on 4 March 2026 that the arrest was lawful.",
     ("statement", "2026-03-04")),
    ("the state's agents as the subject of an arrest",
     "According to the family, officers of the State Security Directorate arrested Reza Tavakoli on 12 June 2025 "
     "outside his home.", ("arrest", "2025-06-12")),
    ("the state's agents as the subject of searches",
     "On 15 January 2026, officers of the Ministry of Internal Affairs and of the city police department conducted "
     "searches at the office of the outlet and at the homes of its staff.", ("arrest", "2026-01-15")),
    ("moved to a country the gazetteer knows: exile",
     "After his release in 2019 he later moved to the United States with his family.", ("exile", "2019")),
    ("emigrated to a country: exile", "He emigrated to Germany in March 2021.", ("exile", "2021-03")),
    ("a clause that only says what someone is hides no date",
     "Plain-clothes officers detained six members of the collective and three journalists who are close to the "
     "group on Friday, April 25, 2025, according to relatives.", ("arrest", "2025-04-25")),
]


@pytest.mark.parametrize("why, text, event", TOLD, ids=[t[0] for t in TOLD])
def test_one_sentence_tells_its_event(x, why, text, event):
    assert event in events(x, text)


def test_moving_to_a_city_is_no_exile(x):
    assert not {e for e in events(x, "In 2020 she moved to Almaty to work for a bank.") if e[0] == "exile"}


def test_a_step_told_again_by_its_complement_with_a_day_of_its_own_is_a_second_step(x):
    ex = x.extract(doc("After the initial two-month remand, the court extended the detention of the defendants by three "
                       "months in August and by another three months on 18 November 2025. Police arrested Ana Lobo on "
                       "3 May 2025 and again on 10 June 2025. Police arrested Rui Sol on 3 May 2025 and held him in the "
                       "city prison on 4 May 2025.", published="2026-02-10"))
    got = sorted((e.type, e.date) for e in ex.events)
    assert ("measure_extended", "2025-08") in got and ("measure_extended", "2025-11-18") in got
    assert ("arrest", "2025-06-10") in got
    assert ("arrest", "2025-05-04") not in got  # "and held him … on 4 May" is another verb's day


def test_a_transfer_to_a_medical_centre_dated_between_verb_and_place_is_a_hospitalisation(x):
    ex = x.extract(doc("The oldest defendant, 67-year-old Aram Petrosov, was transferred on 2 December 2025 to the "
                       "Penitentiary Medical Centre after his condition worsened.", published="2026-02-10"))
    assert ("hospitalization", "2025-12-02") in {(e.type, e.date) for e in ex.events}
