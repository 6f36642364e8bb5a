"""A list a colon opens, its items parted by semicolons, and the sentence after it that speaks of its people by their
number; amounts in the currencies of any country (CLDR's names), never a code read in lower case; a citation whose
offence is glossed in brackets before its law; honorifics of names.yaml before a name with particles; a law's year
is no year of an earlier conviction. Invented people, places and sums."""
from __future__ import annotations

from .conftest import doc, people


def test_people_a_colon_lists_take_the_step_of_the_sentence_that_numbers_them(x):
    ex = x.extract(doc("Police dispersed the vigil and detained three young supporters: the drummer Kofi Asante-Mensah, "
                       "known as \"Kofi Beat\"; Ama Boatemaa Darko, a law student at the Northfield Polytechnic; and Yaw "
                       "Ofori Quaye, a welder. The three were held overnight without charge and released the following "
                       "afternoon.", published="2024-03-01"))
    p = people(ex)
    for n in ("Kofi Asante-Mensah", "Ama Boatemaa Darko", "Yaw Ofori Quaye"):
        assert "release" in p[n]["measures"], n
        assert "detainee" in p[n]["roles"] and "defendant" not in p[n]["roles"], n


def test_a_number_that_only_matches_the_names_of_experts_before_it_is_not_their_step(x):
    ex = x.extract(doc("In July, the Special Rapporteur on human rights defenders, Miriam Okello, and the Special "
                       "Rapporteur on freedom of expression, Tomas Lindqvist, wrote to the government. \"The two men were "
                       "convicted under a repealed provision,\" said the federation.", published="2024-09-01"))
    p = people(ex)
    assert "defendant" not in p["Miriam Okello"]["roles"] and "defendant" not in p["Tomas Lindqvist"]["roles"]


def test_amounts_in_any_currency_and_no_currency_read_from_a_word(x):
    ex = x.extract(doc("The court admitted her to bail in the sum of GH¢150,000.00 (One Hundred and Fifty Thousand "
                       "Ghana Cedis). In May a second court set bail at 90,000 Ghana cedis. In Yerevan bail was set at "
                       "5,000,000 drams, and the fine was 2,000 Fijian dollars. All 3 were then released.",
                       published="2024-06-01"))
    amounts = [c.value for c in ex.claims if c.topic.startswith("amount")]
    assert amounts == ["GHS 150,000", "GHS 90,000", "AMD 5,000,000", "FJD 2,000"]


def test_an_offence_glossed_in_brackets_does_not_cut_a_citation_from_its_law(x):
    got = {(p.instrument, p.article, p.part) for p in x.extract(doc(
        "They are accused under Article 301, part 2 (preparation of an act of sabotage committed by a group) and "
        "Article 402, part 1 (preparation for the seizure of power) of the Criminal Code of the Republic of Norland. "
        "Later they were charged under Part 3 of Article 301 (sabotage) and Article 402 (seizure of power) of the "
        "Criminal Code.")).provisions}
    assert {("criminal_code", "301", "2"), ("criminal_code", "402", "1"), ("criminal_code", "301", "3"),
            ("criminal_code", "402", None)} <= got


def test_an_honorific_of_any_language_opens_a_name_with_its_particles(x):
    ex = x.extract(doc("Sr. Rodrigo del Valle del Monte\nMinistro de Gobierno\nAv. Libertad 120, Puerto Norte\n\n"
                       "For the appellant: Mr. Anand Krishnamurthy, Sr. Adv.", published="2024-06-01"))
    p = people(ex)
    assert "Rodrigo del Valle del Monte" in p and "official" in p["Rodrigo del Valle del Monte"]["roles"]
    assert "Adv" not in p and "Ministro" not in p


def test_the_year_in_a_laws_name_is_no_year_of_an_earlier_conviction(x):
    ex = x.extract(doc("Orla Brennan was convicted of conspiracy under section 1 of the Criminal Law Act 1977. "
                       "Brennan was jailed in 2019 for criminal damage.", published="2024-08-01"))
    assert [(c.subject, c.value) for c in ex.claims if c.topic == "year.earlier_conviction"] == [("Brennan", "2019")]
