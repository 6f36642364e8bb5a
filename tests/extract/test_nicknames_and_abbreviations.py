"""A nickname in quotes after a full name, and sentences that go on through a title's abbreviation."""
from __future__ import annotations

from casewatch.model import Evidence, Extraction, Mention
from casewatch.resolve import resolve
from tests.extract.conftest import doc
from tests.resolve.test_resolve import groups


def test_a_nickname_in_quotes_after_a_name_is_that_persons_and_no_name_of_its_own(x):
    ex = x.extract(doc('Police arrested the activists Nelson Tavares Mendes "Kilamba", Domingos Ferraz Lopes '
                       '"Dito Bala" and Afonso Matoso on Saturday.', published="2026-03-02"))
    persons = {m.name: m.attrs.get("alias") for m in ex.mentions if m.kind == "person"}
    assert persons.get("Nelson Tavares Mendes") == "Kilamba"
    assert persons.get("Domingos Ferraz Lopes") == "Dito Bala"
    assert persons.get("Afonso Matoso") is None
    names = {m.name for m in ex.mentions}
    assert "Kilamba" not in names and "Dito Bala" not in names


def _m(d, name, pos, **attrs):
    return Mention(kind="person", name=name, evidence=Evidence(d, pos, pos + len(name), name), attrs=attrs)


def test_the_nickname_written_alone_in_another_report_joins_its_person():
    a = Extraction(doc="a", mentions=[_m("a", "Ilidio Santo Merca", 0, alias="Dito Vau"),
                                      _m("a", "Tomaso Velindre Quirbal", 40, alias="Zarambo")])
    b = Extraction(doc="b", mentions=[_m("b", "Dito Vau", 0), _m("b", "Zarambo", 20), _m("b", "Vau Dito", 40)])
    g = groups(resolve({"a": a, "b": b}))
    assert ["Dito Vau", "Ilidio Santo Merca"] in g
    assert ["Tomaso Velindre Quirbal", "Zarambo"] in g


def test_a_nickname_two_people_are_given_joins_neither():
    a = Extraction(doc="a", mentions=[_m("a", "Ilidio Santo Merca", 0, alias="Dito"),
                                      _m("a", "Tomaso Velindre Quirbal", 40, alias="Dito")])
    b = Extraction(doc="b", mentions=[_m("b", "Dito", 0)])
    g = groups(resolve({"a": a, "b": b}))
    assert ["Ilidio Santo Merca"] in g and ["Tomaso Velindre Quirbal"] in g


def test_a_sentence_goes_on_through_a_title_abbreviation(x):
    ex = x.extract(doc("On 10 February 2017, the public prosecutor indicted Mr. Somchai Rattanavong under article 9 "
                       "of the Computer Act. On 17 April 2024, Mr. Vadim Orekhin was transferred again, to "
                       "detention centre No. 2 in Tolvar.", published="2024-06-01"))
    got = {(e.type, e.date) for e in ex.events}
    assert ("charge", "2017-02-10") in got
    assert ("other", "2024-04-17") in got


def test_a_sitting_moved_to_a_day_happened_on_the_day_it_was_moved(x):
    ex = x.extract(doc("The charges were first read on 18 July 2014 without their lawyers; the hearing was adjourned "
                       "to 4 August 2014.", published="2014-08-20"))
    got = {(e.type, e.date) for e in ex.events}
    assert ("hearing_postponed", "2014-07-18") in got
    assert ("hearing_postponed", "2014-08-04") not in got


def test_a_date_in_another_calendar_corresponding_to_a_day_is_that_day(x):
    ex = x.extract(doc("The indictment was registered on 8/11/1444 AH, corresponding to 28 May 2023.",
                       published="2023-09-01"))
    assert ("charge", "2023-05-28") in {(e.type, e.date) for e in ex.events}


def test_custody_told_up_to_its_end_is_a_release_on_that_day(x):
    ex = x.extract(doc("On 2 May 2021 officers took him to the Orlanda hospital, where he remained under police "
                       "custody until 31 May 2021.", published="2021-07-01"))
    assert ("release", "2021-05-31") in {(e.type, e.date) for e in ex.events}
    ex = x.extract(doc("The magistrate remanded him in custody until 31 May 2021.", published="2021-05-20"))
    assert "release" not in {e.type for e in ex.events}


def test_bail_upheld_on_review_and_a_ruling_put_off(x):
    ex = x.extract(doc("On 11 March the judge upheld bail for Helena Wong Pik-wan. On 7 October the court again "
                       "postponed its ruling.", published="2021-10-20"))
    got = {(e.type, e.date) for e in ex.events}
    assert ("release", "2021-03-11") in got
    assert ("hearing_postponed", "2021-10-07") in got


def test_an_occupation_just_before_a_name_makes_it_a_persons(x):
    ex = x.extract(doc("In April, the film-makers Jafar Panahi and Mohammad Rasoulof travelled to Shiraz.",
                       published="2024-06-01"))
    kinds = {m.name: m.kind for m in ex.mentions}
    assert kinds.get("Jafar Panahi") == "person" and kinds.get("Mohammad Rasoulof") == "person"


def test_a_name_an_honorific_stands_before_is_a_person_in_every_report():
    a = Extraction(doc="a", mentions=[_m("a", "Femi Falana", 0, sex="m")])
    b = Extraction(doc="b", mentions=[Mention(kind="organization", name="Femi Falana", evidence=Evidence("b", 0, 11, "Femi Falana")),
                                      Mention(kind="organization", name="Femi Falana", evidence=Evidence("b", 40, 51, "Femi Falana"))])
    ents = resolve({"a": a, "b": b})
    assert [e.kind for e in ents if e.name == "Femi Falana"] == ["person"]


def test_a_court_papers_day_of_the_month_is_a_date(x):
    ex = x.extract(doc("It was further deposed that on the 7th day of January, 2018, the Applicants were arrested at "
                       "the hotel by officers.", published="2019-03-01"))
    assert ("arrest", "2018-01-07") in {(e.type, e.date) for e in ex.events}


def test_a_name_goes_on_through_its_patronymic_marker(x):
    ex = x.extract(doc("Police detained the journalist Makhabat Tazhibek kyzy and her brother Maksat Tazhibek uulu "
                       "on Tuesday.", published="2024-01-20"))
    names = {m.name for m in ex.mentions if m.kind == "person"}
    assert {"Makhabat Tazhibek kyzy", "Maksat Tazhibek uulu"} <= names


def test_a_patronymic_may_stand_before_or_after_the_given_name():
    a = Extraction(doc="a", mentions=[_m("a", "Makhabat Tazhibek kyzy", 0), _m("a", "Maksat Tazhibek uulu", 40)])
    b = Extraction(doc="b", mentions=[_m("b", "Tazhibek kyzy Makhabat", 0), _m("b", "Tazhibek uulu Maksat", 40)])
    g = groups(resolve({"a": a, "b": b}))
    assert ["Makhabat Tazhibek kyzy", "Tazhibek kyzy Makhabat"] in g
    assert ["Maksat Tazhibek uulu", "Tazhibek uulu Maksat"] in g


def test_a_term_cut_on_appeal_is_a_term_served(x):
    ex = x.extract(doc("Sultanbek Kaipov's term was cut from seven to five years.", published="2023-06-01"))
    got = {m.name: {ms.type for ms in m.measures} for m in ex.mentions if m.kind == "person"}
    assert got.get("Sultanbek Kaipov") == {"sentence"}


def test_an_apposition_naming_one_of_the_accused(x):
    ex = x.extract(doc("Pieter Wittenberg, a Dutch defendant who had volunteered with the group in 2017, said he hoped "
                       "the ruling would help. Anna Berg, one of the accused, did not speak.", published="2026-01-16"))
    got = {m.name: set(m.roles) for m in ex.mentions if m.kind == "person"}
    assert "defendant" in got["Pieter Wittenberg"] and "defendant" in got["Anna Berg"]


def test_names_set_apart_on_one_line_are_two(x):
    ex = x.extract(doc("Signed by the bench on 3 May 2023.\nMarkus Feldmann                   Eleni Giannakou\n"
                       "President                          Secretary", published="2023-05-03"))
    names = {m.name for m in ex.mentions if m.kind == "person"}
    assert "Eleni Giannakou" in names
    assert not any("Giannakou" in n and n != "Eleni Giannakou" for n in names)


def test_a_year_is_no_count_and_proceedings_brought_against_people_are_charges(x):
    ex = x.extract(doc("The Prosecutor General's Office said in late 2022 that 171 people had been charged. In "
                       "December the office said criminal proceedings had been brought against 180 people.",
                       published="2023-06-01"))
    got = {(f.measure, f.value) for f in ex.figures}
    assert ("charged", 171) in got and ("charged", 180) in got
    assert not any(v == 2022 for _, v in got)


def test_a_date_another_verb_leads_into_is_that_verbs(x):
    ex = x.extract(doc("Those arrested on 20 June were placed in pretrial detention by the prosecutor's office on "
                       "22 June 2015.", published="2015-07-01"))
    got = {(e.type, e.date) for e in ex.events}
    assert ("pretrial_detention", "2015-06-22") in got and ("pretrial_detention", "2015-06-20") not in got


def test_a_trial_resumed_and_proceedings_suspended(x):
    ex = x.extract(doc("The trial resumed on Tuesday 10 January 2023. On 22 April 2024 the hearing did not go ahead "
                       "and the court suspended the proceedings.", published="2024-06-01"))
    got = {(e.type, e.date) for e in ex.events}
    assert ("hearing", "2023-01-10") in got and ("hearing_postponed", "2024-04-22") in got


def test_places_whose_head_comes_first_and_plural_bodies_are_no_people():
    from casewatch.extract.names import looks_like_person
    for name in ("Largo da Independência", "Place Bir Hakem", "County Kerry", "Co. Dublin", "UN Special Rapporteurs"):
        assert not looks_like_person(name), name
    assert looks_like_person("Juan Plaza") and looks_like_person("Sarah Mardini")


def test_a_greek_style_citation_with_its_paragraph_and_the_codes_acronym(x):
    ex = x.extract(doc("The Penal Code (PC) applies. They are charged with forming a criminal organisation (Article 187 "
                       "par. 1 PC) and under Article 30 par. 2 of Law 4251/2014.", published="2021-11-01"))
    got = {(p.instrument, p.article, p.part) for p in ex.provisions}
    assert ("criminal_code", "187", "1") in got
    assert any(a == "30" and part == "2" for _, a, part in got)


def test_an_urgent_appeal_headed_by_its_senders_name_dates_a_communication(x):
    ex = x.extract(doc("FRONT LINE DEFENDERS – URGENT APPEAL\n\nAngola: detained defender on hunger strike\n\n"
                       "Dublin, 8 October 2015\n\nOn 16 September 2015, prosecutors charged 17 activists.",
                       published="2015-10-08", kind="urgent_appeal"))
    assert ("communication", "2015-10-08") in {(e.type, e.date) for e in ex.events}


def test_letters_opinions_and_addresses_told_inside_another_report(x):
    ex = x.extract(doc("Amnesty International issued the original Urgent Action on her case on 14 October 2016. "
                       "In its Opinion No. 85/2020, made public on 3 March 2021, the Working Group found the detention "
                       "arbitrary. The president announced in a televised address on 18 February that he would grant "
                       "clemency.", published="2021-06-01"))
    got = {(e.type, e.date) for e in ex.events}
    assert {("communication", "2016-10-14"), ("communication", "2021-03-03"), ("statement", "2021-02-18")} <= got
