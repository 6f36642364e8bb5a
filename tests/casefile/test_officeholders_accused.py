"""An officeholder told as accused or held in three reports is the accused, however often the reports give the
title ("Governor A"); a judge named once in a sentence about a charge stays the state's officer. Invented people."""
from __future__ import annotations

from .test_roster_measures import casefile


def roles(cf) -> dict[str, list[str]]:
    return {p["name"]: p["roles"] for p in cf["persons"]}


def test_a_governor_charged_in_three_reports_is_the_accused():
    cf = casefile([
        ("2023-01-02", "Tomás Aranda Vidal was arrested on 28 December 2022 in Puerto Norte. Governor Aranda said "
                       "nothing. Governor Aranda waved to supporters. Governor Aranda was flown to the capital."),
        ("2023-01-10", "Tomás Aranda Vidal was charged with terrorism. Prosecutors accuse Governor Aranda of leading a "
                       "coup. Governor Aranda denies it."),
        ("2023-02-01", "Judge Elena Robles ordered that Tomás Aranda Vidal be held in pretrial detention for four "
                       "months. Governor Aranda remains in the high-security prison."),
    ])
    r = roles(cf)
    assert "defendant" in r["Tomás Aranda Vidal"] and "official" not in r["Tomás Aranda Vidal"]
    assert "official" in r["Elena Robles"] and "defendant" not in r["Elena Robles"]
