"""Lists told after a copula ("Those still held are A, B and C"), people the model took for bodies inside a list of
people, custody orders revoked, and dates of another calendar written with slashes ("2082/02/29") that are no years
of the story."""
from __future__ import annotations

from casewatch.extract.dates import find_dates

from .conftest import doc, kinds, people


def test_a_list_after_a_copula_takes_the_step_told_before_it(x):
    text = ("The court ordered 12 defendants held on 3 May. Those still detained under the May order are Ram Prasad "
            "Koirala, Bishnu Maya Thapa and Hari Lal Shrestha. The speakers at the rally were Sita Devi Rai and "
            "Gopal Man Joshi.")
    p = people(x.extract(doc(text, published="2026-06-01")))
    for name in ("Ram Prasad Koirala", "Bishnu Maya Thapa", "Hari Lal Shrestha"):
        assert "detainee" in p[name]["roles"], name
    assert not p["Sita Devi Rai"]["roles"] and not p["Gopal Man Joshi"]["roles"]


def test_revoking_a_detention_order_frees_the_people_listed(x):
    text = ("On 7 November 2025, Judge Perez revoked the detention orders against three of the accused: Ana Lucía "
            "Torres Vega, Julio César Mena Ríos and Pedro Pablo Ortiz.")
    ex = x.extract(doc(text, published="2025-12-01"))
    p = people(ex)
    for name in ("Ana Lucía Torres Vega", "Julio César Mena Ríos", "Pedro Pablo Ortiz"):
        assert "release" in p[name]["measures"], name
    assert any(e.type == "release" and e.date == "2025-11-07" for e in ex.events)
    refused = ("On 7 November 2025, Judge Perez refused to revoke the detention order against the journalist "
               "Pedro Pablo Ortiz.")
    assert "release" not in people(x.extract(doc(refused, published="2025-12-01")))["Pedro Pablo Ortiz"]["measures"]


def test_a_name_in_a_list_of_people_is_a_person_whatever_the_model_took_it_for(x):
    text = ("The judge freed six people: Rojas, Ramiro Ortega Valbuena of Ribera, Celia Pardo Luna and "
            "Óscar Núñez. Amnesty International, Human Rights Watch and Front Line Defenders welcomed it.")
    k = kinds(x.extract(doc(text)))
    assert k.get("Ramiro Ortega Valbuena") == "person" and k.get("Celia Pardo Luna") == "person"
    assert k.get("Front Line Defenders") == "organization"


def test_names_the_model_took_for_bodies_in_a_list_with_a_person_are_read_as_people():
    from casewatch.extract.name_shapes import listed_with_person_ents
    text = "freed six people: Ramiro Ortega Valbuena of Ribera, Celia Pardo Luna and Óscar Núñez. Then"
    span = lambda w: (text.index(w), text.index(w) + len(w))  # noqa: E731
    ents = [("ORG", *span("Ramiro Ortega Valbuena")), ("GPE", *span("Ribera")), ("ORG", *span("Celia Pardo Luna")),
            ("PERSON", *span("Óscar Núñez"))]
    got = listed_with_person_ents(text, ents)
    assert {span("Ramiro Ortega Valbuena"), span("Celia Pardo Luna"), span("Óscar Núñez")} <= got
    assert span("Ribera") not in got
    bodies = "Amnesty International, Human Rights Watch and Front Line Defenders"
    assert not listed_with_person_ents(bodies, [("ORG", 0, 20), ("ORG", 22, 40), ("ORG", 45, len(bodies))])


def test_a_date_of_another_calendar_is_no_year_and_a_later_year_is_no_story_year(x):
    assert [d.value for d in find_dates("held since 2081/12/29 (11 April 2025)", None)] == ["2025-04-11"]
    # a release due years after the report does not make the report's own story its distant past
    text = ("On 12 March 2026 Mina Karki was sentenced to three years in prison; she is due for release in 2029.")
    assert "defendant" in people(x.extract(doc(text, published="2026-04-01")))["Mina Karki"]["roles"]


def test_a_country_in_brackets_after_a_name_is_no_translation_of_it(x):
    text = ("Opinion No. 12/2025 concerning Sipho Vilakati and Themba Khumalo (Ruritania)\n\n"
            "1. The Working Group on Arbitrary Detention was established in 1991. Themba Khumalo was arrested in "
            "July 2021.")
    assert kinds(x.extract(doc(text)))["Themba Khumalo"] == "person"
    # a name in another tongue still is one: "Trade Union Federation (Federación Sindical)"
    ex = x.extract(doc("The Independent Workers Union (Sindicato Independiente) protested."))
    assert any(m.attrs.get("translation") for m in ex.mentions)


def test_enlarged_on_bail_and_acquitting_free(x):
    text = ("On 10 October 2023 the High Court admitted the appeal and the appellants, namely Rafiqul Islam Babu "
            "and Nurul Haque Milon, are enlarged on bail. On 22 August 2024 the court set aside the sentence "
            "handed to Kamal Hossain Ripon, acquitting him.")
    p = people(x.extract(doc(text, published="2024-09-01")))
    assert "release" in p["Rafiqul Islam Babu"]["measures"] and "release" in p["Nurul Haque Milon"]["measures"]
    assert "release" in p["Kamal Hossain Ripon"]["measures"]


def test_the_victims_of_the_charged_killing_and_counsel_in_the_appearances_are_not_accused(x):
    text = ("For the Crown:      Mr. S. Nkosi, Principal Crown Counsel\n\n"
            "For the Accused:    Adv. T. Mahlangu (instructed by Zwane Attorneys)\n\n"
            "[3] Counts 2 and 3 alleged that on 29 June 2021 the accused unlawfully and intentionally killed "
            "Bongani Mavuso and Sipho Ndlovu, who were struck by a motor vehicle. On 1 June 2023 the court found "
            "Ms. Lindiwe Khoza guilty of the murder of two men, Bongani Mavuso and Sipho Ndlovu.")
    p = people(x.extract(doc(text, published="2023-07-01")))
    assert "defendant" not in p["Bongani Mavuso"]["roles"] and "defendant" not in p["Sipho Ndlovu"]["roles"]
    assert "defendant" not in p["T. Mahlangu"]["roles"] and "lawyer" in p["T. Mahlangu"]["roles"]
    app = people(x.extract(doc("JUDGMENT\n(Excerpts. Delivered in open court on 20 February 2020.)\n\nRepresentation\n"
                               "Mr. Paul K. Okello, together with Hon. Erias Mugisha, for the Appellant.\nMs. Amina "
                               "Nakato, State Attorney, Office of the Director of Public Prosecutions, for the "
                               "Respondent.\n\n1.1 In Count 1 she was charged with cyber harassment contrary to section "
                               "24(1) of the Act.", published="2020-03-01")))  # "she": the appellant, not counsel
    assert "defendant" not in app["Amina Nakato"]["roles"]
    assert "defendant" in p["Lindiwe Khoza"]["roles"]
    q = people(x.extract(doc("On 1 June 2023 she found them guilty of terrorism and of the murder of two men, Bongani "
                             "Mavuso and Sipho Ndlovu, who were run over by a vehicle.", published="2023-07-01")))
    assert "defendant" not in q["Bongani Mavuso"]["roles"] and "defendant" not in q["Sipho Ndlovu"]["roles"]
    r = people(x.extract(doc("The prosecution filed a charge sheet on 25 May 2025 against 61 persons over the "
                             "demonstration of 28 March 2025, in the course of which two persons, namely the "
                             "journalist Hari Rajak and Bimal Thapa, lost their lives.", published="2025-07-01")))
    assert "defendant" not in r["Hari Rajak"]["roles"] and "defendant" not in r["Bimal Thapa"]["roles"]


def test_dates_written_in_spanish_french_and_portuguese():
    from datetime import date
    got = lambda t: [d.value for d in find_dates(t, date(2025, 9, 1))]  # noqa: E731
    assert got("fue capturada el 22 de marzo de 2017 en Ribera") == ["2017-03-22"]
    assert got("le 1er août 2025, puis le 3 septembre") == ["2025-08-01", "2025-09-03"]
    assert got("preso em 5 de novembro de 2019") == ["2019-11-05"]
    assert got("en marzo de 2017") == ["2017-03"]
    # a given name that is a month's in Spanish is no date: "Julio César Mena", "Mayo Ortiz"
    assert got("Julio César Mena and Mayo Ortiz were arrested on 22 March 2017") == ["2017-03-22"]


def test_a_courtesy_title_is_no_part_of_the_name_and_tells_the_sex(x):
    ex = x.extract(doc("Pak Yulius said the police beat him. Mme Awa Ndiaye, 54 ans, a été placée sous mandat de "
                       "dépôt. Prince Simelane, the minister, spoke."))
    names = {m.name: m for m in ex.mentions if m.kind == "person"}
    assert "Yulius" in names and names["Yulius"].attrs.get("sex") == "m" and "Pak Yulius" not in names
    assert "Awa Ndiaye" in names and "Prince Simelane" in names  # a given name that is a title word stays


def test_walking_out_of_a_correctional_centre_frees(x):
    text = ("Former MP Sipho Vilakati walked out of Norland Correctional Centre on Tuesday, 4 November 2025, under "
            "a royal pardon.")
    assert "release" in people(x.extract(doc(text, published="2025-11-08")))["Sipho Vilakati"]["measures"]


def test_words_of_a_court_order_a_police_command_and_a_hospital_are_no_people(x):
    k = kinds(x.extract(doc("Each Defendant shall produce two sureties. The FCT Command said the minors were held. "
                            "She was taken to Hôpital Principal de Dakar. The Menteri Besar spoke.")))
    assert k.get("FCT Command") == "organization" and k.get("Hôpital Principal de Dakar") == "place"
    assert "Each Defendant" not in k and k.get("Menteri Besar") != "person"
