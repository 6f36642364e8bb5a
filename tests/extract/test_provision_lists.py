"""Provisions cited in the forms of legal systems that number articles "102 bis" and letter their
paragraphs "80(d)", several instruments in one sentence, and laws named by number and year."""
from __future__ import annotations

from casewatch.casefile import _laws_by_number

from .conftest import doc


def provs(x, text):
    return {(p.instrument, p.instrument_name, p.article, p.part) for p in x.extract(doc(text)).provisions}


def test_bis_articles_and_lettered_paragraphs_take_the_instrument_named_after_them(x):
    got = provs(x, "She was charged with membership of an unlawful group (Article 7 of Law No. 31 of 2009) and "
                   "with publishing false reports (Articles 61(c) and 188 bis of the Penal Code).")
    assert ("criminal_code", "Penal Code", "61", "c") in got
    assert ("criminal_code", "Penal Code", "188 bis", None) in got
    assert ("law_no_31_of_2009", "Law No. 31 of 2009", "7", None) in got
    assert not any(p[1].startswith("Law No.") and p[2] != "7" for p in got)


def test_a_constitution_of_an_arab_or_islamic_republic_keeps_its_name_as_written(x):
    got = provs(x, "We refer to article 41 of the Constitution of the Islamic Republic of Norland and to "
                   "Article 12 of the Norlandian Constitution.")
    assert ("constitution", "Constitution of the Islamic Republic of Norland", "41", None) in got
    assert ("constitution", "Norlandian Constitution", "12", None) in got  # one instrument, as each text writes it


def test_a_bare_article_belongs_to_the_declaration_named_earlier_in_its_sentence(x):
    got = provs(x, "We recall article 9 of the ICCPR. We also recall the Declaration on the Protection of All "
                   "Persons from Enforced Disappearance, under which no State shall tolerate disappearances "
                   "(article 2). We further refer to the UN Declaration on Human Rights Defenders, in particular "
                   "articles 1 and 12.")
    assert {(p[0], p[2]) for p in got} == {("iccpr", "9"), ("disappearance_declaration", "2"),
                                           ("hrd_declaration", "1"), ("hrd_declaration", "12")}


def test_a_law_cited_by_number_is_the_titled_law_with_that_number_elsewhere_in_the_case(x):
    a = x.extract(doc("He is accused under Article 3 of the Public Order Law No. 12 of 2019.")).provisions
    b = x.extract(doc("He is accused under article 3 of Law No. 12 of 2019 on Public Order.")).provisions
    assert _laws_by_number(a + b) == {"law_no_12_of_2019": ("public_order_law", "Public Order Law No. 12 of 2019")}


def test_a_code_or_constitution_of_a_kingdom_keeps_its_country(x):
    got = provs(x, "Under Article 88 of the Code of Criminal Procedure of the Kingdom of Norland, detention is "
                   "the exception. We recall articles 12 and 19 of the Constitution of the Kingdom of Norland.")
    assert ("criminal_procedure_code", "Code of Criminal Procedure of the Kingdom of Norland", "88", None) in got
    assert ("constitution", "Constitution of the Kingdom of Norland", "12", None) in got
    assert ("constitution", "Constitution of the Kingdom of Norland", "19", None) in got


def test_the_grammar_of_sections_acts_acronyms_parts_and_dotted_articles(x):
    got = provs(x, "They were charged under Sections 11, 14 and 19 of the Public Safety (Prevention) Act, 1967 (PSPA). "
                   "The court later added section 45C(2) of the PSPA and sections 302A and 153B of the Penal Code, read "
                   "with section 120B of the same Code. A second accused faces Part 2 of Article 212.1 of the Criminal "
                   "Code; the indictment cites Article 212.1(2). The Law on Countering Extremist Activity and its "
                   "Funding was cited too (Articles 30 and 34 of the Law on Countering Extremist Activity and its "
                   "Funding).")
    key = "public_safety_prevention_act"
    assert {(key, "11", None), (key, "14", None), (key, "19", None), (key, "45C", "2")} <= {(p[0], p[2], p[3]) for p in got}
    assert {("criminal_code", "302A", None), ("criminal_code", "153B", None), ("criminal_code", "120B", None)} <= \
        {(p[0], p[2], p[3]) for p in got}
    assert ("criminal_code", "212.1", "2") in {(p[0], p[2], p[3]) for p in got}  # a dotted article, not 212 part 1
    assert not any(p[2] == "212" for p in got)
    law = "law_on_countering_extremist_activity_and_its_funding"
    assert {(law, "30"), (law, "34")} <= {(p[0], p[2]) for p in got}
    # the names are the text's own: a reader finds them as written
    assert {p[1] for p in got if p[0] == key} == {"Public Safety (Prevention) Act, 1967", "PSPA"}


def test_three_level_numbers_split_only_where_the_text_numbers_so(x):
    got = provs(x, "He was charged under article 206.3.2 of the Criminal Code and fined under article 535.1 of the Code "
                   "of Administrative Offences.")
    assert ("criminal_code", "Criminal Code", "206", "3.2") in got
    assert ("administrative_code", "Code of Administrative Offences", "535", "1") in got
    got = provs(x, "She is accused under Article 207.3 of the Criminal Code.")
    assert {(p[2], p[3]) for p in got} == {("207.3", None)}


def test_titles_with_their_kind_first_in_spanish_and_with_a_qualifier_in_english(x):
    ex = x.extract(doc("He was charged with association (Article 37 of the Ley Orgánica contra la Delincuencia "
                       "Organizada y Financiamiento al Terrorismo). The requirements of Articles 236 and 238 of the "
                       "Código Orgánico Procesal Penal are met. She faces Article 52 of the Organic Law against "
                       "Organized Crime and Financing of Terrorism. He was charged under Section 61 of the Organic Act "
                       "on Referendum for the Draft Constitution B.E. 2559 (2016)."))
    got = {(p.instrument_name, p.article) for p in ex.provisions}
    assert ("Ley Orgánica contra la Delincuencia Organizada y Financiamiento al Terrorismo", "37") in got
    assert {("Código Orgánico Procesal Penal", "236"), ("Código Orgánico Procesal Penal", "238")} <= got
    assert ("Organic Law against Organized Crime and Financing of Terrorism", "52") in got
    assert ("Organic Act on Referendum for the Draft Constitution", "61") in got
    assert {p.instrument for p in ex.provisions if p.article in ("236", "238")} == {"criminal_procedure_code"}


def test_subdivisions_in_words_after_the_article_the_first_is_the_part(x):
    got = {(a, p) for _, _, a, p in provs(x, "This breached article 2, section A, fraction VIII, of the Constitution, "
                                                "and the court punished them under article 242, fraction II, of the "
                                                "Penal Code.")}
    assert ("2", "A") in got and ("242", "II") in got


def test_a_list_carried_past_a_verb_takes_the_law_named_at_its_end(x):
    got = provs(x, "The court found them responsible for the offence provided for in articles 241 and 245 and "
                   "punished under article 242 of the Penal Code.")
    assert {(i, a) for i, _, a, _ in got} == {("criminal_code", "241"), ("criminal_code", "245"),
                                              ("criminal_code", "242")}


def test_a_citation_after_another_law_keeps_the_law_cited_before_it(x):
    got = provs(x, "It accuses him of sedition under section 124A of the Penal Code, of criminal conspiracy under "
                   "section 120B and of offences under sections 17 and 18 of the Public Safety Act.")
    assert ("criminal_code", "120B") in {(i, a) for i, _, a, _ in got}
    assert not any(a == "120B" and i != "criminal_code" for i, _, a, _ in got)


def test_romance_titles_of_codes_and_constitutions_are_read_from_the_text(x):
    got = provs(x, "Detention is mandatory under article 167 of the Código Nacional de Procedimientos Penales and "
                   "article 20 of the Constitución Política de los Estados Unidos Mexicanos.")
    names = {(n, a) for _, n, a, _ in got}
    assert ("Código Nacional de Procedimientos Penales", "167") in names
    assert ("constitution", "20") in {(i, a) for i, _, a, _ in got}


def test_parts_listed_after_one_section_and_the_said_act_after_a_code(x):
    got = provs(x, "He was held under section 54 of the Code of Criminal Procedure, and then accused under "
                   "section 66(1) and (3) of the Digital Media Act, 2011. The court found that section 66 of the "
                   "Digital Media Act had been repealed, was detained under section 167 of the Code of Criminal "
                   "Procedure, and asked whether a report can be an offence under section 66 of the said Act. "
                   "Article 21(1), (2) and (4) of the Constitution applies.")
    assert {p[2:] for p in got if p[0] == "digital_media_act"} == {("66", "1"), ("66", "3"), ("66", None)}
    assert not any(p[0] == "criminal_procedure_code" and p[2] == "66" for p in got)
    assert {p[3] for p in got if p[0] == "constitution" and p[2] == "21"} == {"1", "2", "4"}


def test_a_law_numbered_with_a_two_figure_year_keeps_it():
    from casewatch.extract.laws import named_instruments
    got = {(n.key, n.name) for n in named_instruments("under Article 21(1) of Law 23/10 of 3 December and Law No. 7/98")}
    assert ("law_no_23_of_2010", "Law 23/10") in got and ("law_no_7_of_1998", "Law No. 7/98") in got
