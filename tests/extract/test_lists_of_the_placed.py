"""A step told of a list of people ("placed A, B and C under house arrest", "sentenced A, B and C to five years",
"released A, B and C on bail") is a dated event of each of them, and a number a judgment says twice ("4 (four)
years and 9 (nine) months") is still a term. Invented people."""
from __future__ import annotations

from .conftest import doc, people


def _steps(ex) -> dict[str, tuple[str | None, set[str]]]:
    return {e.type: (e.date, set(e.participants)) for e in ex.events}


def test_a_list_placed_under_house_arrest_sentenced_or_bailed_is_each_ones_step(x):
    for text, step in (
            ("On 28 May 2025 the appeal court placed Mr. Milan Jovanović, Mr. Goran Lukić and Ms. Vesna Ilić under "
             "house arrest.", "house_arrest"),
            ("On 28 May 2025 the court sentenced Milan Jovanović, Goran Lukić and Vesna Ilić to five years in prison.",
             "sentence"),
            ("On 28 May 2025 the judge released Milan Jovanović, Goran Lukić and Vesna Ilić on bail.", "release"),
            ("On 28 May 2025 the judge placed Milan Jovanović, Goran Lukić and Vesna Ilić in pretrial detention.",
             "pretrial_detention")):
        ex = x.extract(doc(text, published="2025-06-10"))
        date, who = _steps(ex).get(step, (None, set()))
        assert date == "2025-05-28", text
        assert {"Milan Jovanović", "Goran Lukić", "Vesna Ilić"} <= who, text
        p = people(ex)
        assert all(step in p[n]["measures"] for n in ("Milan Jovanović", "Goran Lukić", "Vesna Ilić")), text


def test_a_number_said_again_in_brackets_is_one_term(x):
    ex = x.extract(doc("On 3 May 2024 the court sentenced Dolgor Battsetseg to 4 (four) years and 9 (nine) months of "
                       "imprisonment, to be served in a closed-regime facility.", published="2024-06-01"))
    assert [c.value for c in ex.claims if c.topic == "term"] == ["4 years 9 months"]
    assert [f.value for f in ex.figures if f.measure == "sentence_years"] == [4.75]
    unpaid = x.extract(doc("The tribunal sentenced each of them to simple imprisonment for 2 (two) years and to pay a "
                           "fine of Tk. 10,000/- (ten thousand), in default to suffer simple imprisonment for 1 (one) "
                           "month more.", published="2024-01-01"))
    assert [f.value for f in unpaid.figures if f.measure == "sentence_years"] == [2.0]  # not the unpaid fine's month


def test_the_group_by_its_number_or_both_of_them_is_every_accused_of_the_report(x):
    base = "Journalists Joaquim Tembe and Elias Cumbe were charged with instigation in January. "
    for step in ("On 23 April 2019 the court ordered the two journalists released, on condition that they report "
                 "to the police.",
                 "On 23 April 2019 the court ordered the provisional release of both journalists.",
                 # the step nearest the group's words, not the first the sentence names
                 "By order of 23 April 2019 the court, finding that the maximum period of pre-trial detention had "
                 "been exceeded, ordered the provisional release of both defendants."):
        p = people(x.extract(doc(base + step, published="2019-05-01")))
        assert "release" in p["Joaquim Tembe"]["measures"] and "release" in p["Elias Cumbe"]["measures"], step
    part = people(x.extract(doc("Journalists Joaquim Tembe, Elias Cumbe and Rui Maposse were charged with instigation "
                                "in January. On 23 April 2019 the court ordered the two journalists released.",
                                published="2019-05-01")))
    assert not any("release" in part[n]["measures"] for n in ("Joaquim Tembe", "Elias Cumbe", "Rui Maposse"))


def test_a_name_the_model_read_in_part_as_a_town_is_the_person_its_apposition_says(x):
    ex = x.extract(doc("Naran Unurtsetseg, the investigative journalist whose imprisonment became the most closely "
                       "watched case in the country, walked out of Women's Prison No. 407 on Sunday.",
                       published="2025-03-10"))
    p = people(ex)
    assert "release" in p["Naran Unurtsetseg"]["measures"]
    assert "Naran" not in {m.name for m in ex.mentions if m.kind == "place"}
    landmark = x.extract(doc("London Bridge, the landmark, was closed on Sunday."))
    assert not [m for m in landmark.mentions if m.kind == "person"]


def test_a_main_hearing_adjourned_and_a_detention_ordered_in_the_passive_are_steps(x):
    ex = x.extract(doc("Detention was ordered in absentia against defendants 7 to 12 by ruling of the judge for the "
                       "preliminary proceedings of 28 March 2025. On 24 November Judge Petar Ilić adjourned the main "
                       "hearing to 2 February so that the recusal request could be decided.", published="2025-12-01"))
    steps = {(e.type, e.date) for e in ex.events}
    assert ("pretrial_detention", "2025-03-28") in steps
    assert ("hearing_postponed", "2025-11-24") in steps
    secretary = x.extract(doc("US Secretary of State Antony Blinken, who had raised the case, welcomed the release."))
    assert "State Antony Blinken" not in {m.name for m in secretary.mentions}


def test_a_measure_lifted_for_a_list_and_a_short_detention_told_as_over_are_releases(x):
    p = people(x.extract(doc("In mid-October the Higher Court lifted the house arrest of Marko Vasić, Petar Dinić and "
                             "Ivan Jovović. Three weeks later, on 5 November, the court lifted the measure for Goran "
                             "Cvijetić, Srđan Lukić and Davor Stefanović too.", published="2025-12-01")))
    for name in ("Marko Vasić", "Petar Dinić", "Ivan Jovović", "Goran Cvijetić", "Srđan Lukić", "Davor Stefanović"):
        assert p[name]["measures"] == {"release"}, name
    short = people(x.extract(doc("In December 2018, the journalist Tomás Valoi was detained by soldiers for two days.",
                                 published="2019-03-01")))
    assert short["Tomás Valoi"]["measures"] == {"release"}
