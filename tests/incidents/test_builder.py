"""The incident builder on short reports of our own (real spaCy model, real SQLite)."""
from __future__ import annotations

from tests.incidents.conftest import names


def test_the_victim_is_named_and_the_spokesperson_is_not(incident):
    rec = incident(
        "Journalist detained in Lagos\n\n"
        "Police in Lagos arrested the journalist Ayodele Bankole on Tuesday at his home, after he published a "
        "report on corruption. Bankole, a reporter for the Daily Sun, was taken to a police station and held "
        "without charge.\n\n"
        "Police spokesman Ibrahim Musa said the reporter was being questioned. \"He will be charged in court,\" "
        "Ibrahim Musa told reporters.")
    assert names(rec) == ["Ayodele Bankole"]
    v = rec["victims"][0]
    assert v["types"] == ["journalist"]
    assert v["sex"] == "man"
    assert v["population"] == "individual"
    assert "arbitrary detention" in rec["violation_types"]
    assert rec["perpetrator_mention"] is True
    assert rec["perpetrator_type"] == "state security forces"
    assert rec["evidence"]["perpetrator_type"][0]["quote"].lower().startswith("police")


def test_on_tuesday_is_resolved_against_the_publication_date(incident):
    # 20 February 2020 was a Thursday: "on Tuesday" is 18 February
    rec = incident("Police in Lagos arrested the journalist Ayodele Bankole on Tuesday at his home.\n\n"
                   "Bankole was held without charge, his family said.", published="2020-02-20")
    assert (rec["year"], rec["month"], rec["day"]) == ("2020", "February", "18")
    assert rec["evidence"]["date"][0]["quote"] == "on Tuesday"


def test_the_country_comes_from_the_city(incident):
    rec = incident("Police in Lagos arrested the journalist Ayodele Bankole on Tuesday at his home.\n\n"
                   "Bankole was held without charge at a police station in Lagos, his family said.")
    assert rec["country"] == "Nigeria"
    assert rec["city"] == "Lagos"
    assert rec["evidence"]["country"][0]["quote"] == "Lagos"


def test_no_victims_when_none_is_named(incident):
    rec = incident("Dozens of protesters were detained by riot police in Minsk on Sunday, a rights group said.\n\n"
                   "The group said at least 40 people were held overnight.")
    assert rec["victims"] == []
    assert rec["country"] == "Belarus"
    assert "arbitrary detention" in rec["violation_types"]


def test_the_record_says_its_schema_and_document(incident):
    rec = incident("Unknown gunmen shot dead the trade union leader Maria Lopez in Cali, Colombia, on Monday.")
    assert rec["schema"] == "casewatch.incident/1"
    assert isinstance(rec["id"], str) and rec["id"].startswith("d")
    assert set(rec) >= {"victims", "violation_types", "perpetrator_mention", "perpetrator_type", "country", "region",
                        "city", "year", "month", "day", "evidence"}
    assert "killing" in rec["violation_types"]
    assert rec["country"] == "Colombia"
