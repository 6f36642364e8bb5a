"""Consolidation across reports: a sentence pronounced is a conviction on that day where no report tells the
conviction on its own day; people convicted only where a report turns to other cases are not this case's accused."""
from __future__ import annotations

from tests.casefile.test_roster_measures import casefile


def _steps(cf):
    return {(e["type"], e["date"]) for e in cf["events"]}


def test_a_sentence_pronounced_is_a_conviction_that_day():
    cf = casefile([("2025-03-05", "On 3 March 2025 the regional court sentenced the journalist Amina Yusuf to seven "
                                  "years in prison for spreading false news.")])
    assert ("sentence", "2025-03-03") in _steps(cf) and ("verdict", "2025-03-03") in _steps(cf)
    verdict = next(e for e in cf["events"] if e["type"] == "verdict")
    assert "sentenced" in verdict["evidence"][0]["quote"]  # grounded in the sentence that tells it


def test_no_conviction_is_made_where_one_is_told_or_the_penalty_is_administrative():
    cf = casefile([("2025-02-10", "On 3 February 2025 the regional court found Amina Yusuf guilty of spreading false "
                                  "news."),
                   ("2025-03-05", "On 3 March 2025 the regional court sentenced Amina Yusuf to seven years in prison.")])
    assert [d for t, d in _steps(cf) if t == "verdict"] == ["2025-02-03"]
    cf = casefile([("2025-03-05", "On 3 March 2025 a district court sentenced five protesters to 15 days of "
                                  "administrative detention.")])
    assert not any(t == "verdict" for t, _ in _steps(cf))


def test_a_prisoner_of_another_case_is_held_not_accused_here():
    cf = casefile([("2025-03-05", "On 3 March 2025 the regional court charged Amina Yusuf with spreading false news "
                                  "and remanded her in custody. Her trial opens in May.\n\nThe case echoes that of "
                                  "the blogger Daniel Mensah, who was sentenced to nine years in 2023 for his posts.")])
    r = {p["name"]: p for p in cf["persons"]}
    assert "defendant" in r["Amina Yusuf"]["roles"]
    assert "defendant" not in r["Daniel Mensah"]["roles"] and "detainee" in r["Daniel Mensah"]["roles"]


def test_a_conviction_told_of_years_before_this_arrest_is_the_past_not_this_case():
    cf = casefile([("2024-01-10", "Nadia Qasem, a rights defender, was arrested on 26 December 2023 and placed in "
                                  "administrative detention for six months. She was convicted by a military court of "
                                  "membership in an association in 2021 and in 2015.")])
    p = {x["name"]: x for x in cf["persons"]}["Nadia Qasem"]
    assert "defendant" not in p["roles"] and "detainee" in p["roles"]
    assert p["current_measure"] != "sentence"  # the 2021 term is not what holds her now


def test_a_conviction_after_the_arrest_is_this_case():
    cf = casefile([("2024-01-10", "Omar Belkadi was arrested on 26 December 2023. He was convicted of sedition on "
                                  "5 January 2024.")])
    p = {x["name"]: x for x in cf["persons"]}["Omar Belkadi"]
    assert "defendant" in p["roles"] and p["current_measure"] == "sentence"


def test_people_convicted_in_the_storys_early_years_and_held_since_are_accused():
    cf = casefile([("2017-12-05", "Three of them, Tomás Ibarra Luna, Pedro Salas Berrio and Rómulo Ortiz Mireles, were "
                                  "detained in 2003 and were sentenced by the same court on 13 June 2006, also to fifty "
                                  "years. The others were convicted on 27 November 2017."),
                   ("2019-04-10", "Pedro Salas Berrio and Rómulo Ortiz Mireles were released on 5 April 2019.")])
    roles = {p["name"]: p["roles"] for p in cf["persons"]}
    assert "defendant" in roles["Pedro Salas Berrio"] and "defendant" in roles["Rómulo Ortiz Mireles"]
    # named once, in the story's past only: not enough to say so
    assert "defendant" not in roles["Tomás Ibarra Luna"]
