"""The roster across reports: a release told of all the accused at once reaches each of them; counsel named
in sentences about the charges stays counsel; a client named before "'s lawyer" stays the accused."""
from __future__ import annotations

import dataclasses

from casewatch.casefile import build
from casewatch.extract import Extractor
from tests.extract.conftest import doc

X = Extractor()


def casefile(texts: list[tuple[str, str]]) -> dict:
    """The case file of reports given as (published, text)."""
    docs = [dataclasses.replace(doc(t, published=d), id=f"d{i}") for i, (d, t) in enumerate(texts)]
    exs = {}
    for d in docs:
        ex = X.extract(d)
        ex.doc = d.id
        exs[d.id] = ex
    return build("c", None, docs, exs)


def roster(texts: list[tuple[str, str]]) -> dict[str, dict]:
    return {p["name"]: p for p in casefile(texts)["persons"]}


def test_a_release_of_all_the_defendants_reaches_each_of_them():
    r = roster([("2026-03-02", "On 1 March 2026 police arrested Daniel Okafor and Grace Adeyemi. Daniel Okafor and "
                               "Grace Adeyemi were charged with treason and remanded in custody."),
                ("2026-05-20", "On 19 May 2026 Justice Ada Okon struck out the charges against all 12 defendants "
                               "and ordered their immediate release.")])
    for name in ("Daniel Okafor", "Grace Adeyemi"):
        assert name in r and "defendant" in r[name]["roles"]
        assert r[name]["current_measure"] == "release" and r[name]["current_since"] == "2026-05-19"
    assert r["Ada Okon"]["current_measure"] is None  # the judge who freed them is no one's co-accused


def test_a_release_of_some_named_people_does_not_reach_the_others():
    r = roster([("2026-03-02", "On 1 March 2026 police arrested Daniel Okafor and Grace Adeyemi. Daniel Okafor and "
                               "Grace Adeyemi were charged with treason and remanded in custody."),
                ("2026-05-20", "On 19 May 2026 Daniel Okafor was released on bail.")])
    assert r["Grace Adeyemi"]["current_measure"] == "pretrial_detention"


def test_counsel_in_a_sentence_about_the_charges_is_not_the_accused():
    r = roster([("2026-03-02", "Daniel Okafor was charged with treason on 1 March 2026. His lawyer, Samuel Eze, said the "
                               "charges against his client were baseless."),
                ("2026-04-02", "Counsel for the defendants, among them Samuel Eze, Esq., asked the court to dismiss "
                               "the charges against Daniel Okafor."),
                ("2026-04-09", "Daniel Okafor's lawyer said the trial against him would open in May.")])
    assert "defendant" in r["Daniel Okafor"]["roles"]
    assert "defendant" not in r["Samuel Eze"]["roles"]


def test_the_one_who_grants_bail_or_pardons_is_not_the_one_freed():
    r = roster([("2026-03-02", "The journalist Tomas Lindqvist was charged with sedition on 1 March 2026 and remanded "
                               "in custody."),
                ("2026-05-20", "When a bench of Justices Anil Varmani and Rekha Sooden granted him bail on 19 May 2026, "
                               "Tomas Lindqvist walked free."),
                ("2026-09-02", "The poet Ivo Raskin was among 3,000 prisoners pardoned by General Oren Malkovan on "
                               "1 September 2026. Raskin had been sentenced to four years in 2025.")])
    for name in ("Anil Varmani", "Rekha Sooden", "Oren Malkovan"):
        assert name in r and not {"defendant", "detainee"} & set(r[name]["roles"]), (name, r[name]["roles"])
        assert r[name]["current_measure"] is None, (name, r[name]["measures"])
    assert r["Tomas Lindqvist"]["current_measure"] == "release"


def test_an_accused_named_once_beside_an_officials_title_stays_accused():
    r = roster([("2026-03-02", "Mirela Dantas was arrested on 1 March 2026. Mirela Dantas was charged with "
                               "insulting the president and remanded in custody."),
                ("2026-04-02", "Prosecutor Ivan Stoyko asked the court to keep Mirela Dantas in custody. Dantas was "
                               "charged under article 7 and remanded again on 1 April 2026."),
                ("2026-06-02", "Judge Lena Mott, speaking after Minister Mirela Dantas's hearing, adjourned the case. "
                               "Dantas was convicted on 1 June 2026 and sentenced to two years.")])
    assert "defendant" in r["Mirela Dantas"]["roles"] and "official" not in r["Mirela Dantas"]["roles"]
    assert "defendant" not in r["Ivan Stoyko"]["roles"]


def test_at_liberty_a_non_custodial_sentence_and_leaving_the_country():
    r = roster([("2026-03-02", "Paulo Serrat and Inês Valdo were charged with public disorder on 1 March 2026 and "
                               "remanded in custody. Rui Canto was charged with them."),
                ("2026-06-02", "On 1 June 2026 Paulo Serrat was released. Rui Canto, who is at liberty, must report "
                               "to the police weekly. On 2 June 2026 Inês Valdo received a non-custodial sentence."),
                ("2026-09-02", "On 1 September 2026 Paulo Serrat left Norland for Estmark with his family, three months "
                               "after his release.")])
    for name in ("Rui Canto", "Inês Valdo"):  # undated here: each has the release among their measures
        assert "release" in {m["type"] for m in r[name]["measures"]}, r[name]["measures"]
    assert r["Paulo Serrat"]["current_measure"] == "exile"


def test_a_caption_that_names_the_prosecutor_then_the_accused_makes_them_the_accused():
    r = roster([("2022-05-10", "TRIBUNAL OF GOMA\n\nTHE PUBLIC PROSECUTOR\nagainst\n1. KAMBALE MUSAVULI Josué, 27, "
                               "student;\n2. MUHINDO KASEREKA Elie, 31, teacher.\n\nOn 3 May 2022 the Tribunal sentences "
                               "each of the defendants to 12 months of penal servitude.")])
    for name in ("KAMBALE MUSAVULI Josué", "MUHINDO KASEREKA Elie"):
        assert "defendant" in r[name]["roles"] and r[name]["current_measure"] == "sentence", name


def test_two_reports_that_count_the_days_held_differently_disagree():
    cf = casefile([("2018-02-22", "Ahmed Ali Hassan spent 47 days in the custody of the intelligence service before "
                                  "his release on 16 May 2017."),
                   ("2018-03-01", "Ahmed Ali Hassan was held for 45 days by the intelligence service until his release "
                                  "on 16 May 2017.")])
    assert any({c["value"] for c in x["claims"]} == {"45 days", "47 days"} for x in cf["conflicts"])


def test_two_reports_that_hold_a_man_in_different_places_at_once_disagree():
    cf = casefile([("2018-02-22", "Ahmed Ali Hassan was arrested on 13 June 2016 and is held at Jau prison."),
                   ("2018-03-01", "Ahmed Ali Hassan, arrested on 13 June 2016, is held at Riffa police station.")])
    assert any({c["value"] for c in x["claims"]} == {"Jau prison", "Riffa police station"} for x in cf["conflicts"])


def test_a_term_turned_into_community_service_frees_the_accused():
    r = roster([("2024-07-03", "Ahmed Hassan Saleh was arrested on 2 July 2024 to serve a one-year sentence imposed "
                               "over a Facebook post."),
                ("2025-01-20", "A judge agreed on 16 January 2025 to replace the rest of Ahmed Hassan Saleh's one-year "
                               "sentence with community service, and he was reunited with his family that evening.")])
    p = r["Ahmed Hassan Saleh"]
    assert [m["type"] for m in p["measures"]] == ["sentence", "release"]
    assert p["current_measure"] == "release" and p["current_since"] == "2025-01-16"


def test_a_judgment_told_to_the_day_and_to_another_month_disagrees_for_the_same_people_only():
    cf = casefile([("2017-12-05", "The court convicted Dominga Ruiz Martínez and Marco Pérez Gómez on 27 November "
                                  "2017 and sentenced them to 50 years."),
                   ("2019-04-10", "Dominga Ruiz Martínez and Marco Pérez Gómez were convicted in December 2017 and "
                                  "sentenced to 50 years.")])
    dated = [x for x in cf["conflicts"] if x["topic"].startswith("date of the")]
    assert len(dated) == 1 and {c["value"] for c in dated[0]["claims"]} == {"2017-11-27", "2017-12"}
    cf = casefile([("2017-12-05", "The court convicted Dominga Ruiz Martínez on 27 November 2017."),
                   ("2019-04-10", "Marco Pérez Gómez was convicted in December 2017.")])
    assert not [x for x in cf["conflicts"] if x["topic"].startswith("date of the")]


def test_released_after_serving_part_of_the_term_is_free():
    r = roster([("2018-02-22", "Nadim Rashed was sentenced to five years on 21 February 2018."),
                ("2020-06-10", "Nadim Rashed was released on 9 June 2020 under the alternative sentencing law, after "
                               "serving four years of his five-year sentence.")])
    assert r["Nadim Rashed"]["current_measure"] == "release" and r["Nadim Rashed"]["current_since"] == "2020-06-09"


def test_freed_after_months_in_pretrial_detention_is_free_and_not_released_is_not():
    r = roster([("2020-06-10", "Nadim Rashed was released on bail on 9 June 2020 after 14 months in pre-trial "
                               "detention.")])
    assert r["Nadim Rashed"]["current_measure"] == "release"
    r = roster([("2020-06-10", "Nadim Rashed was sentenced on 9 June 2020 to five years, after two years in pretrial "
                               "detention, and was not released.")])
    assert r["Nadim Rashed"]["current_measure"] != "release"
