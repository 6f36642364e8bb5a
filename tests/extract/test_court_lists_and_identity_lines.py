"""A judgment's list of the accused and its operative part, a charge sheet's identity line, and the subject of a
sentence that opens with a date: shapes of court papers and of plain reporting, on invented people."""
from __future__ import annotations

from casewatch.extract.name_shapes import connected_names
from casewatch.extract.names import _clean_span, looks_like_person

from .conftest import doc, people


def test_the_items_under_a_heading_of_the_accused_are_defendants(x):
    text = ("HIGH COURT OF NORLAND\n\nI. THE ACCUSED\n\n1. KAREMERA Jean Bosco, born in 1979, trader\n"
            "2. UWASE Odette, born in 1990\n\nII. THE WITNESSES\n\n1. GATETE Innocent, farmer\n")
    p = people(x.extract(doc(text, published="2026-03-01", kind="court")))
    assert "defendant" in p["KAREMERA Jean Bosco"]["roles"] and "defendant" in p["UWASE Odette"]["roles"]
    assert "defendant" not in p["GATETE Innocent"]["roles"]


def test_the_operative_part_gives_each_listed_person_the_term_after_the_name(x):
    text = ("FOR THESE REASONS, THE COURT:\n\nSentences:\n- KAREMERA Jean Bosco to twenty-five (25) years of "
            "imprisonment;\n- UWASE Odette and GATETE Innocent each to five (5) years of imprisonment;\n\n"
            "Orders the registrar to notify:\n- MUKAMANA Alice, counsel for the civil parties.\n")
    p = people(x.extract(doc(text, published="2026-03-01", kind="court")))
    for name in ("KAREMERA Jean Bosco", "UWASE Odette", "GATETE Innocent"):
        assert "defendant" in p[name]["roles"] and "sentence" in p[name]["measures"], name
    assert "sentence" not in p["MUKAMANA Alice"]["measures"]


def test_a_gerund_that_governs_a_name_is_no_part_of_it():
    for text, name in (("Arresting Tarnak Zehrani", "Tarnak Zehrani"), ("Silencing Nour Halabi Kassem", "Nour Halabi Kassem"),
                       ("Xiaoming Wang", "Xiaoming Wang"), ("Jing Li", "Jing Li")):
        s, e = _clean_span(text, 0, len(text))
        assert text[s:e] == name


def test_a_parents_full_name_after_a_slashed_connector_is_another_person():
    text = ("1. Dr. Farzana Qadri d/o Abdul Karim Lashari, r/o Canal Road, Ridgeway\n"
            "2. Kavitha d/o Rajendran\n3. Arul Prakash a/l Subramaniam\n")
    names = {text[s:e] for _, s, e in connected_names(text, looks_like_person)}
    assert "Farzana Qadri" in names  # the person, without her father's name
    assert "Kavitha d/o Rajendran" in names and "Arul Prakash a/l Subramaniam" in names  # names of that shape


def test_she_after_a_sentence_that_opens_with_a_date_is_that_sentences_subject(x):
    text = ("On 11 May 2024, Ms. Tahira Jamali, a defender, was arrested in Port Halvard while protesting against the "
            "arrest of Ms. Nargis Buledi. On 12 May 2024, after a magistrate ordered her release, she was detained "
            "under a preventive detention order.")
    p = people(x.extract(doc(text, published="2024-05-20")))
    assert "pretrial_detention" in p["Tahira Jamali"]["measures"]
    assert not p["Nargis Buledi"]["measures"]


def test_a_list_does_not_take_the_step_of_a_contrasting_clause(x):
    text = ("Similar detention orders were issued against Ms. Gulnaz Rind, Ms. Shireen Marri and Mr. Dost Mengal, "
            "while most of the other people arrested at the sit-in were released over the following days.")
    p = people(x.extract(doc(text, published="2024-05-20")))
    for name in ("Gulnaz Rind", "Shireen Marri", "Dost Mengal"):
        assert "release" not in p[name]["measures"], name


def test_a_person_arrested_together_with_others_counts_among_them(x):
    ex = x.extract(doc("On May 11, police raided the sit-in and arrested Dr. Farzana Qadri together with 23 other "
                       "members and supporters.", published="2024-05-16"))
    assert [(f.measure, f.value) for f in ex.figures] == [("detained", 24.0)]


def test_a_court_verb_post_nominal_letters_and_the_rt_hon_are_no_part_of_a_name():
    from casewatch.extract.names import canonical
    for text, name in (("Declares ZOMAHOUN Pamphile", "ZOMAHOUN Pamphile"), ("Sentences KAREMERA Jean", "KAREMERA Jean")):
        s, e = _clean_span(text, 0, len(text))
        assert text[s:e] == name
    assert canonical("The Rt Hon Sir Keir Fairbairn KCB KC MP") == "Keir Fairbairn"
    assert canonical("Jonathan Meyer KC") == "Jonathan Meyer" and canonical("Dame Sue Barrow") == "Sue Barrow"


def test_a_rank_at_the_bar_and_a_state_prosecutions_spokesperson_are_no_accused(x):
    text = ("Jonathan Meyer KC, prosecuting, put the cost at £640,000. A spokesperson for the National Prosecution "
            "Service, Nicola Pratt, said the case against Daniel Roe was not about protest.")
    p = people(x.extract(doc(text, published="2023-02-14")))
    assert p["Jonathan Meyer"]["roles"] == {"lawyer"} and p["Nicola Pratt"]["roles"] == {"official"}
    assert "defendant" in p["Daniel Roe"]["roles"]


def test_the_officials_an_appeal_asks_to_write_to_are_officials(x):
    text = ("Please write to:\n\nThe Rt Hon Shabnam Qureshi MP\nLord Chancellor and Secretary of State for Justice\n"
            "Ministry of Justice\n14 Harbour Row\nNorport\n\nThe Rt Hon Yvonne Carter MP\nSecretary of State for the "
            "Home Department\nHome Office\n")
    p = people(x.extract(doc(text, published="2023-08-30", kind="appeal")))
    assert set(p) == {"Shabnam Qureshi", "Yvonne Carter"}
    assert all(v["roles"] == {"official"} for v in p.values())


def test_a_weekday_written_with_a_day_of_the_month_picks_its_year():
    from datetime import date
    from casewatch.extract.dates import find_dates
    text = "It resumed on Thursday 2 March and ran through the night. On 1 March it snowed."
    assert [d.value for d in find_dates(text, date(2024, 3, 10))] == ["2023-03-02", "2024-03-01"]


def test_the_operative_part_speaks_on_the_rulings_date_and_its_items_are_no_headlines(x):
    text = ("Date: 9 November 2022\n\n1.4 The trial session was held on 31 October 2022 in the presence of the accused. "
            "The judgment was deferred.\n\n2.1 According to the prosecution, the accused published, in the period "
            "after 2 August 2021, a number of video recordings.\n\n5. DECISION\n\nFor the above reasons, the court "
            "decides unanimously:\n\n(a) Kamal Zadran is convicted of propaganda under Article 312(1) of the Penal "
            "Code and sentenced to seven months of imprisonment;\n\n(b) Kamal Zadran is acquitted of the charge under "
            "Article 313;\n")
    ex = x.extract(doc(text, published="2022-11-09", kind="court"))
    verdicts = [e for e in ex.events if e.type == "verdict"]
    assert verdicts and all(e.date == "2022-11-09" and not e.date_inferred for e in verdicts)
    assert any(ev.quote == "9 November 2022" for e in verdicts for ev in e.evidence)  # where the date is written


def test_titles_of_clerics_and_the_spokespeople_and_heads_of_states_and_un_missions(x):
    text = ("A spokesman for the Kandari administration, Zabir Mujadidi, did not respond to requests for comment. "
            "Rozia Temirbekova, the head of UNMISS, said in a statement that the teacher had been detained for "
            "peaceful advocacy. Mawlawi Abdul Rahim Safi, the judge, read the verdict.")
    p = people(x.extract(doc(text, published="2022-11-12")))
    assert p["Zabir Mujadidi"]["roles"] == {"official"} and p["Rozia Temirbekova"]["roles"] == {"advocate"}
    assert "Abdul Rahim Safi" in p and p["Abdul Rahim Safi"]["roles"] == {"official"}
