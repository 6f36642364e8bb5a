"""One offence charged under two articles by reports that never cite both is a conflict (not where one report cites
both); a date two reports give for the arrest of a name left unresolved (three people share it) is still compared
between the reports that write it so; a place of detention written with its kind in lower case ("the Eastvale
penitentiary institution") is a place and where a person is held. Invented people, places and laws."""
from __future__ import annotations

from .test_roster_measures import casefile
from .test_values_told_two_ways import conflicts


def test_one_offence_under_two_sections_is_a_conflict():
    c = conflicts(("2022-02-13", "Police said the activist Kwabena Asare had been arrested and charged with treason "
                                 "felony under section 180 of the Criminal Offences Act, 1960 (Act 29)."),
                  ("2022-02-20", "On 15 February Kwabena Asare was arraigned on a charge of treason felony contrary to "
                                 "section 182 of the Criminal Offences Act, 1960 (Act 29)."),
                  ("2022-03-01", "Asare, who is charged with treason felony under section 182 of the Criminal Offences "
                                 "Act, was denied bail."))
    assert c.get("section under which treason felony is charged") == ["Section 180", "Section 182"]


def test_two_articles_one_report_cites_for_one_offence_are_no_conflict():
    c = conflicts(("2023-05-02", "Prosecutors accuse Rosa Quispe of sabotage under Article 211 of the Penal Code."),
                  ("2023-06-02", "Rosa Quispe is accused of sabotage under Article 212 of the Penal Code and of sabotage "
                                 "under Article 211 of the Penal Code."))
    assert not any("sabotage" in k for k in c)


def test_an_unresolved_name_still_has_its_arrest_dates_compared():
    c = conflicts(("2023-01-05", "Marco Ruiz Salas, the governor, and his cousins Pedro Ruiz and Tomás Ruiz, a lawyer, "
                                 "were named in the case. Ruiz was arrested on 28 December 2022 in Puerto Norte."),
                  ("2023-01-20", "Mr Ruiz was arrested on 29 December 2022 in Puerto Norte by officers of the special "
                                 "police unit."))
    assert c.get("arrest date (Ruiz)") == ["2022-12-28", "2022-12-29"]  # the claims of the name, not only the events


def test_a_penitentiary_institution_written_in_lower_case_is_a_place_of_detention():
    cf = casefile([("2025-08-01", "Archbishop Aram Kesoyan is reportedly held at the Eastvale penitentiary institution "
                                  "in Norport.")])
    assert "Eastvale penitentiary institution" in {p["name"] for p in cf["places"]}


def test_two_lists_of_one_law_that_share_an_article_and_never_cite_the_others_are_a_conflict():
    c = conflicts(("2021-03-01", "Judge Samir Aoun charged 35 people with terrorist acts under Articles 5 and 6 of the "
                                 "Law of 3 March 1962 and with theft under Article 638 of the Penal Code."),
                  ("2021-04-09", "The defendants face terrorism charges under Articles 5 and 6 of the Law of 3 March "
                                 "1962."),
                  ("2022-06-10", "The commissioner charged 35 people with terrorism under Articles 6 and 7 of the Law of "
                                 "3 March 1962."))
    assert ["Articles 5 and 6", "Articles 6 and 7"] in c.values()


def test_lists_of_a_treaty_or_lists_one_report_cites_whole_are_no_conflict():
    c = conflicts(("2021-03-01", "The arrest breached Articles 9 and 14 of the ICCPR. He is charged under Articles 5 "
                                 "and 6 of the Law of 3 March 1962."),
                  ("2021-04-09", "The arrest breached Articles 9 and 19 of the ICCPR. He is charged under Articles 6 and "
                                 "7 of the Law of 3 March 1962, and Article 5 of the same law was cited at the hearing."))
    assert not any(v in (["Articles 9 and 14", "Articles 9 and 19"], ["Articles 5 and 6", "Articles 6 and 7"])
                   for v in c.values())


def test_a_few_children_counted_two_ways_are_a_conflict():
    c = conflicts(("2021-03-01", "Judge Samir Aoun charged 35 people, including two children, with terrorist acts."),
                  ("2021-04-09", "Mr. Farid Nakhla is one of 35 people, among them three children, charged with "
                                 "terrorist acts in February."))
    assert ["2", "3"] in c.values()
