"""Values two reports give differently, read from whole reports into a case file: ages told of a description, an
age before a dash, the sum paid or the cost claimed, the prison a person is held in (a code before its name, a
town's prison, two moves at one time), and what is not a conflict (a combined term, moves at different times).
Invented people and places."""
from __future__ import annotations

from .test_roster_measures import casefile


def conflicts(*reports: tuple[str, str]) -> dict[str, list[str]]:
    return {c["topic"]: sorted(str(x["value"]) for x in c["claims"]) for c in casefile(list(reports))["conflicts"]}


def test_an_age_told_of_a_description_before_anyone_is_said_accused():
    c = conflicts(("2025-03-23", "Police detained Dr Farzana Qadri at the camp on Saturday. The 32-year-old physician "
                                 "was among 17 people arrested when police moved on the camp."),
                  ("2025-03-27", "Dr. Farzana Qadri, 31, is being held in the District Jail in Quetta."))
    assert c.get("age (Farzana Qadri)") == ["31", "32"]


def test_an_age_before_a_dash_and_a_combined_term_of_several():
    c = conflicts(("2024-07-18", "The judge jailed Rowan Pike for five years. The other two defendants, Ellis Varga, 38, "
                                 "and Cressida Holm, 21 — were each jailed for four years."),
                  ("2024-08-06", "Ellis Varga, 38, and Cressida Holm, 22, were sentenced on 18 July."),
                  ("2024-09-01", "The court sentenced Rowan Pike, Ellis Varga and Cressida Holm to a combined 13 years "
                                 "in prison."))
    assert c.get("age (Cressida Holm)") == ["21", "22"]
    assert not any(k.startswith("prison term") for k in c)


def test_the_sum_said_paid_and_the_cost_claimed_are_the_cases_values():
    c = conflicts(("2021-03-08", "According to the prosecutor, a military officer was offered 10 million CFA francs "
                                 "(about €15,000) to organise the attacks."),
                  ("2021-12-11", "Prosecutors had accused her of paying 15 million CFA francs (about €23,000) to an "
                                 "army officer."),
                  ("2024-07-11", "Counsel for the prosecution put the economic cost of the road blockades at about "
                                 "£765,000."),
                  ("2024-10-16", "Prosecutors later claimed that the blockades had caused economic losses of £1.9 "
                                 "million (about US$2.4 million)."))
    assert c.get("amount of payment") == ["XAF 10,000,000", "XAF 15,000,000"]
    assert c.get("amount of economic cost") == ["GBP 1,900,000", "GBP 765,000"]


def test_prisons_named_after_a_code_or_a_town_conflict():
    c = conflicts(("2024-08-06", "Current places of detention:\n- Rowan Pike is held at HMP Highmoor in Suffolk;\n"
                                 "- Ellis Varga is held at HMP Wandle."),
                  ("2024-10-16", "Mr. Rowan Pike has been held at HMP Thamesmead, in south-east London, since his "
                                 "conviction on 11 July 2024."),
                  ("2021-04-20", "Joël Adjovi is being held at the Akpro-Missérété civil prison, in the Ouémé "
                                 "department."),
                  ("2021-12-10", "Joël Adjovi has been held at the Cotonou civil prison since his arrest in April 2021."))
    assert c.get("where held (Rowan Pike)") == ["HMP Highmoor", "HMP Thamesmead"]
    assert c.get("where held (Joël Adjovi)") == ["Akpro-Missérété civil prison", "Cotonou civil prison"]


def test_two_moves_at_one_time_conflict_moves_at_two_times_do_not():
    first = ("2025-06-30", "On 14 June, Farzana Qadri was shifted without notice from Hudda Jail to Pishin District "
                           "Jail.")
    c = conflicts(first, ("2025-10-09", "On 14 June, Farzana Qadri was transferred to Mastung Central Jail."))
    assert c.get("where held (Farzana Qadri)") == ["Mastung Central Jail", "Pishin District Jail"]
    later = conflicts(first, ("2025-10-09", "On 3 October, Farzana Qadri was transferred to Mastung Central Jail."))
    assert "where held (Farzana Qadri)" not in later


def test_the_prospect_of_a_term_is_no_term():
    cf = casefile([("2014-05-30", "The judge acquitted Sok Vanna of plotting, the charge that had raised the prospect "
                                  "of ten-year sentences, and gave Chhim Dara a suspended term.")])
    assert not any(f["measure"] == "sentence_years" and f["value"] == 10 for f in cf["figures"])
