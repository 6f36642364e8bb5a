"""Values two reports give differently, read from whole reports into a case file: ages told of a description, an
age before a dash, the sum paid or the cost claimed, the prison a person is held in (a code before its name, a
town's prison, two moves at one time), and what is not a conflict (a combined term, moves at different times).
Invented people and places."""
from __future__ import annotations

from .test_roster_measures import casefile


def conflicts(*reports: tuple[str, str]) -> dict[str, list[str]]:
    return {c["topic"]: sorted(str(x["value"]) for x in c["claims"]) for c in casefile(list(reports))["conflicts"]}


def test_an_age_told_of_a_description_before_anyone_is_said_accused():
    c = conflicts(("2024-05-12", "Police detained Dr Farzana Qadri at the camp on Saturday. The 44-year-old physician "
                                 "was among 23 people arrested when police moved on the camp."),
                  ("2024-05-16", "Dr. Farzana Qadri, 43, is being held in the District Jail in Ridgeway."))
    assert c.get("age (Farzana Qadri)") == ["43", "44"]


def test_an_age_before_a_dash_and_a_combined_term_of_several():
    c = conflicts(("2023-03-01", "The judge jailed Rowan Pike for five years. The other two defendants, Ellis Varga, 38, "
                                 "and Cressida Holm, 27 — were each jailed for four years."),
                  ("2023-03-20", "Ellis Varga, 38, and Cressida Holm, 28, were sentenced on 28 February."),
                  ("2023-04-03", "The court sentenced Rowan Pike, Ellis Varga and Cressida Holm to a combined 13 years "
                                 "in prison."))
    assert c.get("age (Cressida Holm)") == ["27", "28"]
    assert not any(k.startswith("prison term") for k in c)


def test_the_sum_said_paid_and_the_cost_claimed_are_the_cases_values():
    c = conflicts(("2020-09-07", "According to the prosecutor, a military officer was offered 8 million CFA francs "
                                 "(about €12,000) to organise the attacks."),
                  ("2021-06-15", "Prosecutors had accused her of paying 12 million CFA francs (about €18,000) to an "
                                 "army officer."),
                  ("2023-02-14", "Counsel for the prosecution put the economic cost of the road blockades at about "
                                 "£640,000."),
                  ("2023-05-22", "Prosecutors later claimed that the blockades had caused economic losses of £2.3 "
                                 "million (about US$2.9 million)."))
    assert c.get("amount of payment") == ["XAF 12,000,000", "XAF 8,000,000"]
    assert c.get("amount of economic cost") == ["GBP 2,300,000", "GBP 640,000"]


def test_prisons_named_after_a_code_or_a_town_conflict():
    c = conflicts(("2023-08-30", "Current places of detention:\n- Rowan Pike is held at HMP Highmoor in Norshire;\n"
                                 "- Ellis Varga is held at HMP Wandle."),
                  ("2023-05-22", "Mr. Rowan Pike has been held at HMP Thamesmead, in south-east London, since his "
                                 "conviction on 14 February 2023."),
                  ("2020-10-05", "Joël Adjovi is being held at the Porto Lemba civil prison, in the Lamara "
                                 "department."),
                  ("2021-05-19", "Joël Adjovi has been held at the Kanduri civil prison since his arrest in September 2020."))
    assert c.get("where held (Rowan Pike)") == ["HMP Highmoor", "HMP Thamesmead"]
    assert c.get("where held (Joël Adjovi)") == ["Kanduri civil prison", "Porto Lemba civil prison"]


def test_two_moves_at_one_time_conflict_moves_at_two_times_do_not():
    first = ("2024-07-20", "On 9 July, Farzana Qadri was shifted without notice from Old Town Jail to Ridgeway District "
                           "Jail.")
    c = conflicts(first, ("2024-11-02", "On 9 July, Farzana Qadri was transferred to Kestrel Central Jail."))
    assert c.get("where held (Farzana Qadri)") == ["Kestrel Central Jail", "Ridgeway District Jail"]
    later = conflicts(first, ("2024-11-02", "On 3 October, Farzana Qadri was transferred to Kestrel Central Jail."))
    assert "where held (Farzana Qadri)" not in later


def test_the_prospect_of_a_term_is_no_term():
    cf = casefile([("2014-05-30", "The judge acquitted Sok Vanna of plotting, the charge that had raised the prospect "
                                  "of ten-year sentences, and gave Chhim Dara a suspended term.")])
    assert not any(f["measure"] == "sentence_years" and f["value"] == 10 for f in cf["figures"])


def test_a_detention_facility_by_its_head_and_number_and_each_side_quoted_in_its_sentence():
    cf = casefile([("2024-01-10", "Journalist Dorjgiin Saraa was taken to Detention Centre No. 461 on the edge of the "
                                  "capital after her arrest on 4 January."),
                   ("2024-02-02", "Ms. Saraa is reportedly held in pretrial detention facility No. 416 in the "
                                  "capital, her lawyer said.")])
    c = next(c for c in cf["conflicts"] if c["topic"].startswith("where held"))
    assert sorted(x["value"] for x in c["claims"]) == ["Detention Centre No. 461", "pretrial detention facility No. 416"]
    quotes = [e["quote"] for x in c["claims"] for e in x["evidence"]]
    assert any(q.startswith("Ms. Saraa is reportedly held") or q.startswith("Saraa is reportedly held") for q in quotes)
    assert any("after her arrest on 4 January" in q for q in quotes)  # the whole sentence, not the name of the place


def test_a_hunger_and_thirst_strike_told_as_six_days_and_as_ended_after_five():
    c = conflicts(("2025-05-20", "Dragana Ilić, a teacher charged with plotting against the constitutional order, "
                                 "began a six-day hunger and thirst strike on 13 May in protest at the extension of her "
                                 "detention."),
                  ("2025-06-02", "Dragana Ilić, who is charged with plotting against the constitutional order, was moved "
                                 "to the prison hospital. She ended her strike after five days, when she was told of the "
                                 "appeal court's decision."))
    assert any(sorted(v) == ["5 days", "6 days"] for k, v in c.items() if "hunger strike" in k)
