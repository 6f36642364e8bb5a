"""Steps of a case as reports write them: terms told as a range, a court that adjourns, a step asked for (not
taken), an adjournment told right after the sitting it ends."""
from __future__ import annotations

from tests.extract.conftest import doc


def _events(x, text, published="2024-01-10"):
    return {(e.type, e.date, e.date_inferred) for e in x.extract(doc(text, published=published)).events}


def test_terms_told_as_a_range_are_a_sentence(x):
    ev = _events(x, "The 17 were convicted on 28 March 2016 by the provincial court of rebellion and sentenced to "
                    "terms ranging from two years and three months to eight and a half years.", "2016-04-01")
    assert ("verdict", "2016-03-28", False) in ev and ("sentence", "2016-03-28", False) in ev


def test_a_court_that_adjourns_is_a_hearing_put_off(x):
    ev = _events(x, "On 7 June 2023 the first session was held: the indictment was read and the court adjourned "
                    "for appointed counsel. On 14 September 2023 the court adjourns until Friday.", "2023-10-01")
    assert ("hearing_postponed", "2023-06-07", False) in ev
    assert ("hearing_postponed", "2023-09-14", False) in ev


def test_a_step_asked_for_is_not_taken(x):
    ev = _events(x, "On 26 September 2023 the state prosecutor asked the court to sentence each of the defendants "
                    "to six years' imprisonment. The lawyers urged the court to release them on bail.", "2023-10-01")
    assert not {t for t, _, _ in ev} & {"sentence", "release"}
    ev = _events(x, "On 3 October 2023 the court sentenced him to five years.", "2023-10-05")
    assert ("sentence", "2023-10-03", False) in ev


def test_an_adjournment_right_after_a_dated_sitting_is_that_sittings(x):
    ev = _events(x, "On 1 November 2024, 76 protesters were arraigned before Justice Emeka Obi at the Federal High "
                    "Court. The case was adjourned to 24 January 2025.", "2024-11-20")
    assert ("hearing_postponed", "2024-11-01", False) in ev
    # two sentences on, the day is the story's guess: kept apart as inferred
    ev = _events(x, "On 1 November 2024, 76 protesters were arraigned before Justice Emeka Obi. Their families "
                    "waited outside. The case was adjourned to 24 January 2025.", "2024-11-20")
    assert not any(t == "hearing_postponed" and not inf for t, _, inf in ev)


def test_a_courts_order_right_after_its_sitting_is_that_sittings(x):
    ev = _events(x, "The five were charged under the Sedition Act at the Sessions Court on 21 May 2013. All five "
                    "pleaded not guilty and were each released on bail with one surety.", "2013-06-01")
    assert ("release", "2013-05-21", False) in ev
    # a step that is no court's order keeps the story's day as a guess
    ev = _events(x, "The five were charged under the Sedition Act on 21 May 2013. Police raided their offices.",
                 "2013-06-01")
    assert not any(t == "arrest" and not inf for t, _, inf in ev)


def test_charged_before_a_court_is_a_charge(x):
    ev = _events(x, "On Thursday 27 June 2024, Kokila Raman, 36, and Siti Amirah Asrori, 29, were charged before the "
                    "State Courts in connection with the walk.", "2024-07-01")
    assert ("charge", "2024-06-27", False) in ev
