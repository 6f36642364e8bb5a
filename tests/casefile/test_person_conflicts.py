"""Conflicts about one person: how long they were held incommunicado, how often they must report to the
police, the day of their arrest (one arrest told two ways, not two arrests)."""
from __future__ import annotations

from casewatch.casefile.conflicts import find_conflicts
from casewatch.extract import Extractor
from casewatch.model import Claim, Evidence, Extraction
from tests.extract.conftest import doc

X = Extractor()


class Ent:
    def __init__(self, name: str):
        self.id, self.name = "p-" + name.split()[-1].lower(), name


def conflicts_of(texts: list[str]) -> list[dict]:
    exs = {f"d{i}": X.extract(doc(t, published="2026-03-12")) for i, t in enumerate(texts)}
    for d, ex in exs.items():
        ex.doc = d
    found, _ = find_conflicts(exs, lambda d, n: Ent(n), [], [])
    return found


def test_days_held_incommunicado_that_differ_between_sources():
    found = conflicts_of(["Mr Ilan Voss was taken on 2 February 2026. For nine days his family could not find "
                          "out where he was.",
                          "The whereabouts of Mr Ilan Voss remained unknown for eight days."])
    assert [sorted(c["value"] for c in x["claims"]) for x in found
            if x["topic"].startswith("incommunicado")] == [["8 days", "9 days"]]


def test_reporting_duty_twice_against_once_a_week():
    found = conflicts_of(["Ms Dora Quell was released, but must report to the police station twice a week.",
                          "Ms Dora Quell was released in February but must still sign in at a police station "
                          "every week."])
    assert [sorted(c["value"] for c in x["claims"]) for x in found
            if x["topic"].startswith("reporting")] == [["once a week", "twice a week"]]


def claim(doc_id: str, value: str) -> tuple[str, Claim]:
    return doc_id, Claim(topic="arrest.date", value=value, subject="Ilan Voss", evidence=[Evidence(doc_id, 0, 2, "xx")])


def run(claims):
    exs: dict[str, Extraction] = {}
    for d, c in claims:
        exs.setdefault(d, Extraction(doc=d)).claims.append(c)
    return find_conflicts(exs, lambda d, n: Ent(n), [], [])[0]


def test_one_arrest_on_two_days_conflicts_but_a_source_telling_both_tells_two_arrests():
    assert len(run([claim("a", "2026-02-02"), claim("b", "2026-02-10"), claim("c", "2026-02-10")])) == 1
    assert run([claim("a", "2026-02-02"), claim("a", "2026-02-10"), claim("b", "2026-02-10")]) == []
    assert run([claim("a", "2026-02-02"), claim("b", "2026-05-10")]) == []  # months apart: a re-arrest


def test_the_day_of_an_arrest_is_claimed_for_the_one_person_arrested():
    ex = X.extract(doc("Police raided the office on 2 February 2026. The official record states that Mr Ilan Voss "
                       "was arrested on 10 February 2026 in the city.", published="2026-03-12"))
    assert [(c.subject, c.value) for c in ex.claims if c.topic == "arrest.date"] == [("Ilan Voss", "2026-02-10")]
