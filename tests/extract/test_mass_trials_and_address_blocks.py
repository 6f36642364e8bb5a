"""People of a mass trial named the ways its papers and reports name them, and officials in an appeal's address
block: the parties by their number, the side counsel appear for, the accused among those cleared, kin of someone
else, bylines in a page's furniture, a name alone on its line beside an office."""
from __future__ import annotations

from .conftest import doc, people


def test_a_party_by_number_and_those_cleared_are_accused_whoever_their_kin(x):
    text = ("HARARE — The High Court on Friday acquitted most of the accused arrested at a gathering in Marlow Park in June.\n\n"
            "Among those acquitted last Friday was Farai Chikore, the rural teacher whose wife was briefly detained "
            "outside the court. Lastly, the forty-third appellant, Tinashe Gova, was a child.")
    p = people(x.extract(doc(text, published="2024-11-29")))
    assert "defendant" in p["Farai Chikore"]["roles"]  # his wife's detention does not make him only her kin
    assert "defendant" in p["Tinashe Gova"]["roles"]
    kin = people(x.extract(doc("Malam Idris Bello, whose son was among the defendants, said he had been interviewed twice.")))
    assert kin["Malam Idris Bello"]["roles"] == {"relative"}


def test_people_let_out_of_a_prison_were_held(x):
    text = ("The women, among them Rudo Makoni and Chipo Makoni, were released from Norport Female Prison about an "
            "hour later.")
    p = people(x.extract(doc(text, published="2024-11-29")))
    assert "detainee" in p["Rudo Makoni"]["roles"] and "detainee" in p["Chipo Makoni"]["roles"]


def test_a_line_of_appearances_tells_counsel_for_the_accused_from_the_states(x):
    text = ("JUDGMENT\n\nBefore the Honourable Justice Ruvimbo Dande\n\n"
            "W. Marufu and J. Chigumba, for the appellants\nC. Nyoni, for the respondent\n\n"
            "The appellants were refused bail by the magistrates' court on 27 June 2024.")
    p = people(x.extract(doc(text, published="2024-07-17", kind="court_document")))
    assert "lawyer" in p["W. Marufu"]["roles"] and "lawyer" in p["J. Chigumba"]["roles"]
    assert "official" in p["C. Nyoni"]["roles"] and "lawyer" not in p["C. Nyoni"]["roles"]


def test_bylines_after_a_separator_with_a_place_or_a_date_after_the_name(x):
    for line in ("Sahel Post · Politics · By Awa Ndour in Dakar · Published 4 April 2024",
                 "Caspian Monitor | By Hannah Whitby | Published 14 July 2025",
                 "**By Rufaro Zhou in Harare** | *The Midlands Mirror* | Published 2 May 2024",
                 "By Dennis A. Valencia — February 16, 2026"):
        text = line + "\n\nPolice arrested the activist Tendai Moyo on Friday at his home."
        p = people(x.extract(doc(text)))
        journalists = [n for n, v in p.items() if "journalist" in v["roles"]]
        assert journalists and all(n.split()[-1] in line for n in journalists), (line, p)


def test_lawyers_for_someone_named_after_them_are_not_that_person(x):
    text = ("Lawyers for community journalist Marisol Dela Paz have asked the Court of Appeals to overturn her "
            "conviction. Lawyer for the family, Ana Ruiz, said the ruling was wrong.")
    p = people(x.extract(doc(text)))
    assert "lawyer" not in p["Marisol Dela Paz"]["roles"] and "lawyer" in p["Ana Ruiz"]["roles"]


def test_officials_alone_on_their_line_in_an_address_block(x):
    text = ("Please send appeals to the following:\n\n"
            "Minister of Justice\nGetaneh Alemu\nMinistry of Justice\nPO Box 1370\n\n"
            "Ambassador of the Republic of Velmor to the United Kingdom\nH.E. Chen Weiming\nEmbassy of the Republic of Velmor\n\n"
            "3. Daw Khin Myat Thu\nUnion Attorney General\n\n"
            "Juan E. Morales\nSpecial Rapporteur on torture and other cruel, inhuman or degrading treatment or punishment\n")
    p = people(x.extract(doc(text, kind="urgent_appeal")))
    for name in ("Getaneh Alemu", "Chen Weiming", "Khin Myat Thu"):
        assert "official" in p[name]["roles"], (name, p)
    assert "advocate" in p["Juan E. Morales"]["roles"]
    assert not any(n.startswith("H.E.") for n in p)


def test_the_state_law_officers_of_south_asia_are_officials(x):
    text = ("At the hearing of 15 April, the Additional Advocate General, Mr. Imran Qadir, argued that the detention "
            "had been lawful.")
    assert "official" in people(x.extract(doc(text)))["Imran Qadir"]["roles"]


def test_an_appeals_caption_lists_the_accused_in_capitals_before_versus_the_state(x):
    text = ("HH 101-24\nHCHCR 2020/24\n\nTENDAI MAROVE\nand\nRUDO CHIKANDA (a minor)\nand\nFORTY-ONE OTHERS\nversus\n"
            "THE STATE\n\nHIGH COURT OF NORLAND\nHARARE, 16 July 2024\n\nAppeal against refusal of bail\n")
    p = people(x.extract(doc(text, published="2024-07-17", kind="court_document")))
    assert "defendant" in p["Tendai Marove"]["roles"] and "defendant" in p["Rudo Chikanda"]["roles"]
    assert not any("Others" in n for n in p)


def test_acquitted_of_one_charge_and_convicted_of_another_is_serving_the_term(x):
    text = ("On January 22, Judge Rosa Dimaano acquitted Marisol Cabrera and Lina Domingo of illegal possession of "
            "firearms, but found them guilty of financing terrorism and sentenced them to 12 years in prison. On "
            "March 3 the same court acquitted Arnel Bautista.")
    p = people(x.extract(doc(text, published="2024-03-10")))
    assert p["Marisol Cabrera"]["measures"] == {"sentence"} and p["Lina Domingo"]["measures"] == {"sentence"}
    assert p["Arnel Bautista"]["measures"] == {"release"}


def test_an_office_with_its_portfolio_before_a_name_is_a_title(x):
    text = ("The arrests come days before U.S. Secretary of State Mark Dalton is due to arrive in the capital. "
            "The wife of teacher Abebe Kebede said he was held.")
    p = people(x.extract(doc(text)))
    assert "official" in p["Mark Dalton"]["roles"] and "relative" not in p["Abebe Kebede"]["roles"]


def test_spokespeople_of_the_state_officers_of_ngos_and_a_courts_officers(x):
    text = ('"Scholars must be free," said Clare Robson, Advocacy Director of Scholars at Peril. Sami Salah, '
            'vice-president of the League for the Defence of Human Rights, said the releases were not enough. "We welcome '
            'the release," US Embassy spokeswoman Karen Teng said. Kremlin spokesman Dmitri Pavlov told reporters the '
            'decree was signed. A judiciary spokesperson, Simon Mutebi, confirmed it.\n\n'
            "COMPOSITION OF THE COURT\nPresiding judge: Mrs Rachida Benali\nCourt clerk (Greffier): Mr Yacine Meziane\n")
    p = people(x.extract(doc(text)))
    assert "advocate" in p["Clare Robson"]["roles"] and "advocate" in p["Sami Salah"]["roles"]
    for name in ("Karen Teng", "Dmitri Pavlov", "Simon Mutebi", "Yacine Meziane"):
        assert "official" in p[name]["roles"], (name, p)
    assert "Advocacy" not in p


def test_bail_for_a_minority_of_the_group_is_no_step_of_the_whole_group(x):
    few = ("The 47 opposition figures were charged with subversion on 28 February. A magistrate granted bail late on "
           "Thursday 4 March to 15 of the 47 pro-democracy figures, but prosecutors kept the rest in custody.")
    most = ("The 17 activists were convicted on 28 March. Sixteen of the 17 walked free on 29 June after the Supreme "
            "Court ordered their release. The exception was one man, who remains in prison.")
    assert not any(ev.whole_group for ev in x.extract(doc(few, published="2021-03-05")).events if ev.type == "release")
    assert any(ev.whole_group for ev in x.extract(doc(most, published="2016-07-01")).events if ev.type == "release")


def test_address_block_names_the_general_test_doubts_and_lines_that_run_on(x):
    text = ("ADDRESSES\n\nRt. Hon. K.P. Sharma Gurung\nPrime Minister\nOffice of the Prime Minister\n\n"
            "4. U Tun Tun Aye\nChief Justice of the Union\n\n"
            "Min-seo Park\nSpecial Rapporteur on the promotion and protection of the right to freedom of opinion and expression\n\n"
            "Minister of Justice, Keeper of the Seals\nKarim Benhadj\nMinistère de la Justice\n\n"
            "Ambassador Ali Bahrami\nPermanent Representative of the Republic of Velmor to the United Nations Office at Geneva\n")
    p = people(x.extract(doc(text, kind="urgent_appeal")))
    for name in ("K.P. Sharma Gurung", "Tun Tun Aye", "Karim Benhadj", "Ali Bahrami"):
        assert "official" in p[name]["roles"], (name, p)
    assert "advocate" in p["Min-seo Park"]["roles"]
