"""Names as French-speaking courts and lists write them: given names, then the family name in capitals; the bar's
title before one lawyer or several; a plural title before a list of names."""
from __future__ import annotations

from tests.extract.conftest import doc, people


def test_a_family_name_in_capitals_belongs_to_the_name(x):
    p = people(x.extract(doc("Mamadou Lamine DIALLO was arrested on Monday; the defence was represented by "
                             "Aissatou BAH and Fatoumata CAMARA.")))
    assert {"Mamadou Lamine DIALLO", "Aissatou BAH", "Fatoumata CAMARA"} <= set(p)


def test_capitals_that_are_no_family_name_make_no_person(x):
    ex = x.extract(doc("Four UN experts wrote to the government. A Bangkok-based NGO said the trial was unfair. "
                       "Judges Johnny Chan JJ and Stewart Wong ruled. Urgent Appeal MYS 2/2013 was sent."))
    names = {m.name for m in ex.mentions if m.kind == "person"}
    assert not {"Four UN", "Bangkok-based NGO", "Urgent Appeal MYS"} & names


def test_the_bars_title_before_a_list_makes_each_one_counsel(x):
    ex = x.extract(doc("Whereas the defence, represented by Maîtres Salifou DOUMBOUYA, Chérif KEITA, Aissatou BAH "
                       "and Fatoumata CAMARA, submitted that none of the accused had been arrested on the public "
                       "highway; Whereas the State, represented by Maître Aimé Christophe KONÉ, asked the court to "
                       "order the accused Oumar TOURÉ to pay damages.", kind="court_document"))
    p = people(ex)
    for name in ("Salifou DOUMBOUYA", "Chérif KEITA", "Aissatou BAH", "Fatoumata CAMARA", "Aimé Christophe KONÉ"):
        assert "lawyer" in p[name]["roles"] and "defendant" not in p[name]["roles"], name
    assert not any(m.name.startswith("Ma") and "Maître" in m.name for m in ex.mentions)
    assert all(m.attrs.get("counsel") for m in ex.mentions if m.name in ("Chérif KEITA", "Fatoumata CAMARA"))


def test_people_not_charged_and_bystanders_are_not_accused(x):
    p = people(x.extract(doc("Court documents allege that the conspiracy also involved two other women, Alysha Rahim "
                             "and Nadia Rahim, who were not charged on Thursday.")))
    assert "defendant" not in p["Alysha Rahim"]["roles"] and "defendant" not in p["Nadia Rahim"]["roles"]
    p = people(x.extract(doc("For a forum held on 26 November 2016, at which the activist Joshua Lim spoke by video "
                             "link, Wham Kwok Han was convicted of organising an assembly without a permit.")))
    assert "defendant" not in p["Joshua Lim"]["roles"]


def test_whole_names_in_capitals_after_citizens_are_people_and_take_the_release_ordered(x):
    p = people(x.extract(doc("SIXTH: The release of citizens MARÍA PAZ SOTO, VÍCTOR DÍAZ ROJAS and ALBERTO RUIZ "
                             "SOSA is ordered, as persons against whom no imputation has been made.",
                             kind="court_document")))
    for name in ("María Paz Soto", "Víctor Díaz Rojas", "Alberto Ruiz Sosa"):
        assert name in p and "release" in p[name]["measures"], name


def test_a_family_name_that_opens_like_a_place_is_the_persons_where_the_report_gives_the_full_name(x):
    ex = x.extract(doc("Security agents detained the defender Rocío San Miguel on Friday. San Miguel, 58, a lawyer "
                       "who holds two nationalities, was stopped at the airport."))
    kinds = {(m.kind, m.name) for m in ex.mentions}
    assert ("person", "San Miguel") in kinds and ("place", "San Miguel") not in kinds
    assert any(c.topic == "age" and c.value == "58" and c.subject == "San Miguel" for c in ex.claims)


def test_names_joined_by_bin_binte_or_s_o_are_one_name_without_the_title_before_them(x):
    ex = x.extract(doc("By Nur Hidayah binte Rosli. Puan Norsharidah binti Awang convicted Siti Amirah binte Mohamed "
                       "Asrori and Ravi s/o Madasamy. Crown Prince Mohammed bin Salman spoke. He later visited Sri "
                       "Lanka."))
    names = {m.name for m in ex.mentions if m.kind == "person"}
    assert {"Nur Hidayah binte Rosli", "Norsharidah binti Awang", "Siti Amirah binte Mohamed Asrori",
            "Ravi s/o Madasamy", "Mohammed bin Salman"} <= names
    assert not any(n.startswith(("By ", "Puan ", "Crown ")) for n in names)
    assert ("place", "Sri Lanka") in {(m.kind, m.name) for m in ex.mentions}
