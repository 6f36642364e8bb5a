"""Harder reading on texts of our own: provisions in national forms, coordinated and dashed lists,
titles that make officials, bylines, direct speech and hypotheticals, claims that can conflict."""
from __future__ import annotations

import pytest

from casewatch.extract.provisions import split_number
from tests.extract.conftest import doc, people


@pytest.mark.parametrize("written,article,part", [
    ("206.3.2", "206", "3.2"), ("193-1.3.1", "193-1", "3.1"), ("37(1)(b)", "37", "1(b)"), ("14 (7)", "14", "7"),
    ("5.38", "5.38", None), ("535.1", "535", "1"), ("174", "174", None), ("314/2", "314", "2")])
def test_article_numbers_and_parts(written, article, part):
    assert split_number(written) == (article, part)


def test_national_forms_back_references_and_inherited_instruments(x):
    ex = x.extract(doc(
        "The nine were charged under article 318.2.1 of the Criminal Code of Belarus and section 12(3)(a) of the "
        "Public Order Act. Prosecutors later added a charge under section 14 of the same Act. Belarus is bound by the "
        "European Convention on Human Rights. The detention violates Articles 5 and 11 of the Convention and, "
        "as the court has often found, Article 18. Article 19, the press freedom group, called for their release."))
    got = {(p.instrument, p.instrument_name, p.article, p.part) for p in ex.provisions}
    assert ("criminal_code", "Criminal Code of Belarus", "318", "2.1") in got
    assert ("public_order_act", "Public Order Act", "12", "3") in got  # the point (a) stays in the quote
    assert ("public_order_act", "Public Order Act", "14", None) in got
    assert {("echr", "5"), ("echr", "11"), ("echr", "18")} <= {(p.instrument, p.article) for p in ex.provisions}
    assert not any(p.article == "19" for p in ex.provisions)  # the organisation, not a provision
    assert all(p.evidence[0].quote.lower().startswith(("article", "section")) for p in ex.provisions)


def test_coordinated_and_dashed_lists_share_their_predicate(x):
    ex = x.extract(doc(
        "Moses Okello, chairperson of the Kasese Farmers' Union, and the teacher Grace Atim were sent to pretrial "
        "detention on 3 March. Later that day, three others – the student Peter Obbo, the nurse Ruth Akello and the "
        "driver Sam Opio – were sentenced to 20 days of administrative detention. The judge convicted union "
        "treasurer Aisha Nabirye, youth leader Brian Kato and Esther Namutebi, a farmer, of unlawful assembly."))
    p = people(ex)
    for name in ("Moses Okello", "Grace Atim"):
        assert "defendant" in p[name]["roles"] and "pretrial_detention" in p[name]["measures"], name
    for name in ("Peter Obbo", "Ruth Akello", "Sam Opio"):
        assert "administrative_sanction" in p[name]["measures"], name
        assert "defendant" not in p[name]["roles"], name
    for name in ("Aisha Nabirye", "Brian Kato", "Esther Namutebi"):
        assert "sentence" in p[name]["measures"] and "defendant" in p[name]["roles"], name


def test_titles_make_officials_and_speakers_are_not_accused(x):
    ex = x.extract(doc(
        "Regional Magistrate Joyce Mwale refused bail to the eight accused. A spokesperson for the National Police, "
        "Peter Banda, said the arrests were lawful. Assistant Commissioner Grace Phiri confirmed the charges. "
        "Mercy Tembo, the lawyer who represents the eight, said the charges were fabricated."))
    p = people(ex)
    assert "official" in p["Joyce Mwale"]["roles"] and "defendant" not in p["Joyce Mwale"]["roles"]
    assert "official" in p["Peter Banda"]["roles"]
    assert "Grace Phiri" in p and "official" in p["Grace Phiri"]["roles"]   # the title is not part of the name
    assert "lawyer" in p["Mercy Tembo"]["roles"] and "defendant" not in p["Mercy Tembo"]["roles"]


def test_byline_names_the_reporter(x):
    ex = x.extract(doc("Activists detained in Lusaka\n\nBy Chanda Mulenga\n\nPolice detained four activists on Monday."))
    assert "journalist" in people(ex)["Chanda Mulenga"]["roles"]


def test_direct_speech_hypotheticals_and_headlines_are_not_events(x):
    ex = x.extract(doc(
        "Court refuses bail to Lusaka activists\n\n"
        "On 2 April 2026 the court refused bail to the four. If convicted, they could face up to five years in prison. "
        "\"From the first day they refused bail, we knew they would be convicted,\" said a relative."))
    got = [(e.type, e.date) for e in ex.events]
    assert ("pretrial_detention", "2026-04-02") in got
    assert not any(t == "verdict" for t, _ in got)
    assert sum(1 for t, _ in got if t == "pretrial_detention") == 1


def test_claims_on_money_force_and_earlier_years(x):
    ex = x.extract(doc(
        "Police said they found $12,000 in cash at the office. Some 300 police officers surrounded the camp. "
        "Juma Hassan was jailed in 2016 on sedition charges. The court set bail at 500,000 shillings each."))
    claims = {(c.topic, c.value) for c in ex.claims}
    assert ("amount.seized", "USD 12,000") in claims and ("amount.bail", "KES 500,000") in claims
    assert ("force.size", "300") in claims
    assert ("year.earlier_conviction", "2016") in {(c.topic, c.value) for c in ex.claims if c.subject == "Juma Hassan"}
    for c in ex.claims:
        assert c.evidence[0].quote


def test_undated_report_reads_yearless_days_after_its_last_full_date(x):
    ex = x.extract(doc("On 17 January 2026 police arrested 12 activists. On 2 February they were further remanded "
                       "in custody.", published=None))
    assert ("measure_extended", "2026-02-02") in {(e.type, e.date) for e in ex.events}


def test_whereabouts_unknown_against_held_is_a_fate_claim_each(x):
    a = x.extract(doc("Relatives said they had not heard from another leader, Pedro Ixim Cal, since the morning and "
                      "that his whereabouts were unknown."))
    b = x.extract(doc("The community leader Pedro Ixim Cal is being held at the district detention centre in Cobán."))
    assert [(c.subject, c.value.split(":")[0]) for c in a.claims if c.topic == "fate"] == [("Pedro Ixim Cal", "unknown")]
    held = [c for c in b.claims if c.topic == "fate"]
    assert held and held[0].value.startswith("held") and held[0].evidence[0].quote.endswith("in Cobán")


def test_the_publisher_named_in_the_text_is_an_organisation(x):
    d = doc("Court frees activists\n\nHarbour Courier · 12 March 2026\n\nA court freed four activists on Monday.")
    d.publisher = "Harbour Courier"
    ex = x.extract(d)
    orgs = [m for m in ex.mentions if m.name == "Harbour Courier"]
    assert orgs and all(m.kind == "organization" for m in orgs)
    assert not any(m.kind == "person" and "Harbour" in m.name for m in ex.mentions)


def test_a_law_with_its_number_and_a_bare_article_seen_before(x):
    ex = x.extract(doc("She is charged under Article 314/2 of the Turkish Penal Code and article 7 (2) of the Anti-Terror "
                       "Law (Law No. 3713). The court ordered house arrest under Article 109 of the Code of Criminal "
                       "Procedure. Article 314 has been criticised by the Venice Commission."))
    got = {(p.instrument_name, p.article, p.part) for p in ex.provisions}
    assert ("Anti-Terror Law (Law No. 3713)", "7", "2") in got and ("Turkish Penal Code", "314", "2") in got  # as written
    assert not any(p.article == "314" and "Procedure" in p.instrument_name for p in ex.provisions)


def test_days_later_and_days_ago(x):
    ex = x.extract(doc("On 20 March 2026 the court denied bail to Ana Ruiz Pardo. Three days later two of the accused were "
                       "released on bail. The bank said two days ago that the group's accounts had been frozen."))
    got = {(e.type, e.date) for e in ex.events}
    assert ("release", "2026-03-23") in got
    assert ("other", "2026-04-08") in got


def test_held_at_a_jail_is_a_measure(x):
    ex = x.extract(doc("Maria Santos and Jose Cruz have been held at the Central District Jail since their arrest."))
    p = people(ex)
    assert all("pretrial_detention" in p[n]["measures"] for n in ("Maria Santos", "Jose Cruz"))


def test_sections_of_a_roman_numbered_article_and_laws_by_number(x):
    ex = x.extract(doc("The arrests violate Sections 4, 8 and 13 of Article III of the 1987 Constitution. They were "
                       "charged under Section 28 of Republic Act No. 10591 and Section 3 of P.D. No. 1866."))
    got = {(p.instrument_name, p.article, p.part) for p in ex.provisions}
    assert {("1987 Constitution", "III", "4"), ("1987 Constitution", "III", "8"), ("1987 Constitution", "III", "13")} <= got
    assert ("Republic Act No. 10591", "28", None) in got and ("P.D. No. 1866", "3", None) in got
    assert {p.instrument for p in ex.provisions if p.article == "3"} == {"presidential_decree_no_1866"}


def test_an_abbreviated_title_before_a_name_gives_the_role(x):
    ex = x.extract(doc("The five accused were charged on Monday. \"They lied,\" said Atty. Maria Santos of the Public "
                       "Lawyers Network. Prof. Jose Cruz, who studies land conflicts, disagreed."))
    p = people(ex)
    assert "lawyer" in p["Maria Santos"]["roles"] and "defendant" not in p["Maria Santos"]["roles"]
    assert "expert" in p["Jose Cruz"]["roles"]


def test_list_items_under_an_introducing_line_take_its_cues(x):
    ex = x.extract(doc("On 20 February the Investigative Committee formally charged three members of the group:\n\n"
                       "- Olga Petrova, coordinator of the monitoring group;\n- Sergei Ivanov, trial monitor;\n"
                       "- Pavel Orlov, volunteer.\n\nTheir lawyers were not allowed to attend."))
    p = people(ex)
    for name in ("Olga Petrova", "Sergei Ivanov"):
        assert "defendant" in p[name]["roles"], name


def test_an_urgent_appeal_is_itself_a_communication_sent_on_its_date(x):
    d = doc("DEFENDERS NETWORK\n\nURGENT APPEAL – UA KEN 012/2026\n\nNairobi, 5 March 2026\n\nThe network requests your "
            "urgent intervention: four activists were arrested in Nairobi on 2 March 2026.", published="2026-03-05")
    d.kind = "urgent_appeal"
    ex = x.extract(d)
    comm = [e for e in ex.events if e.type == "communication"]
    assert len(comm) == 1 and comm[0].date == "2026-03-05" and comm[0].evidence[0].quote == "UA KEN 012/2026"


def test_two_spellings_after_an_honorific_at_a_line_start_are_one_person(x):
    ex = x.extract(doc("The appeal concerns:\n\n- Mr Sergei Ivanov (Siarhei Ivanou), coordinator;\n"
                       "- Ms Olga Petrova (Volha Piatrova), volunteer.\n"))
    p = people(ex)
    assert "Sergei Ivanov" in p and "Olga Petrova" in p
    assert not [m.name for m in ex.mentions if m.kind == "organization"]


def test_a_dateline_names_places(x):
    ex = x.extract(doc("KYIV/LVIV – Ukrainian prosecutors have charged two volunteers of a relief fund with "
                       "financing protests, their lawyers said on Monday.\n"))
    places = {m.name.casefold() for m in ex.mentions if m.kind == "place"}
    assert {"kyiv", "lviv"} <= places
    assert all(m.attrs.get("dateline") for m in ex.mentions if m.name.casefold() in ("kyiv", "lviv"))


def test_numbered_facilities_and_castles_are_places_not_people(x):
    ex = x.extract(doc("Petrov is held in Temporary Detention Centre No. 2 in Tbilisi, while Sokolova is held in "
                       "the old prison known as Orlov Castle, her lawyer said.\n"))
    kinds = {m.name: m.kind for m in ex.mentions}
    assert kinds.get("Temporary Detention Centre No. 2") == "place"
    assert kinds.get("Orlov Castle", "place") == "place"


def test_a_list_of_names_before_a_name_is_no_apposition_and_short_sentences_do_not_accuse(x):
    ex = x.extract(doc(
        "On 3 March 2026, the prosecutor's office sanctioned the custody of Mr Pavel Orlov, Ms Irina Sokolova and "
        "Mr Oleg Volkov. On 4 March 2026, the district court sentenced five of them, including Ms. Nina Kravets and "
        "Ms. Zoya Belova, to 15 days of administrative arrest. On 20 March 2026 Ms. Kravets was detained again and "
        "sentenced to a further 15 days. Her son Ivan Kravets, who was not detained, said the hearing lasted minutes."))
    p = people(ex)
    assert "official" not in p["Irina Sokolova"]["roles"]
    for name in ("Nina Kravets", "Zoya Belova"):
        assert "defendant" not in p[name]["roles"] and "detainee" in p[name]["roles"]
    assert "detainee" not in p["Ivan Kravets"]["roles"]


def test_article_19_is_a_provision_where_cited_and_a_missions_address_is_no_organisation(x):
    text = ("Mr Ilir Hoxha was given 10 days under Part 1 of Article 19.4 of the Code. Article 19 of the Covenant "
            "protects the freedom of expression, and Article 19 said the arrest breached it.\n\n"
            "Addresses: Mr Besnik Krasniqi, Permanent Representative of the Republic of Albania to the United "
            "Nations Office at Geneva.\n")
    ex = x.extract(doc(text))
    orgs = [(m.name, m.evidence.start) for m in ex.mentions if m.kind == "organization"]
    assert [p for n, p in orgs if n == "Article 19"] == [text.index("Article 19 said")]  # only the one that spoke
    assert not any("United Nations Office" in n for n, _ in orgs)


def test_a_report_without_a_headline_keeps_the_events_of_its_first_sentence(x):
    from casewatch.model import Document
    text = ("Gulf Monitor, 5 July 2011\n\nOn 9 April 2011 security forces arrested Karim Dallal at his home in "
            "Manama. He was charged on 12 April 2011.\n")
    # the title a plain text gets is its first sentence: it is no headline standing on a line of its own
    d = Document(sha256="f" * 64, filename="t.txt", media_type="text/plain", text=text, published="2011-07-05",
                 kind="news", title="On 9 April 2011 security forces arrested Karim Dallal at his home in Manama")
    assert ("arrest", "2011-04-09") in {(e.type, e.date) for e in x.extract(d).events}
    headed = Document(sha256="e" * 64, filename="t.txt", media_type="text/plain", kind="news", published="2011-07-05",
                      text="Security forces arrested Karim Dallal on 9 April 2011\n\n" + text,
                      title="Security forces arrested Karim Dallal on 9 April 2011")
    ev = [e for e in x.extract(headed).events if e.type == "arrest"]
    assert ev and all(e.evidence[0].start > 60 for e in ev)  # the headline itself stays out
