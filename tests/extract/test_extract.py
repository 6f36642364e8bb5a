"""The domain layer on small texts of our own: each cue file (extract/data/*.yaml) exercised."""
from __future__ import annotations

import pytest

from casewatch.extract.data import cue_table, load
from tests.extract.conftest import doc, people


def test_lists_measures_and_group_counts(x):
    ex = x.extract(doc("On 2 March 2026, police in Baku arrested eleven journalists. "
                       "Seven of them were remanded in custody for one month, including Leyla Mammadova, Rauf Aliyev, "
                       "Tural Huseynov and Nigar Aliyeva. Four others – Samir Guliyev, Orkhan Babayev, Elvin Rzayev and "
                       "Aynur Karimova – were placed under house arrest."))
    ps = people(ex)
    assert {"Leyla Mammadova", "Rauf Aliyev", "Tural Huseynov", "Nigar Aliyeva"} <= set(ps)
    assert all("pretrial_detention" in ps[n]["measures"] and "defendant" in ps[n]["roles"]
               for n in ("Leyla Mammadova", "Nigar Aliyeva"))
    assert "house_arrest" in ps["Aynur Karimova"]["measures"]
    figs = {(f.measure, f.value) for f in ex.figures}
    assert ("detained", 11) in figs and ("pretrial_detention", 7) in figs
    assert ("house_arrest", 4) in figs


def test_relative_dates_and_announced_events(x):
    ex = x.extract(doc("Rosa Cux was detained last November near Cobán. The following week prosecutors brought charges "
                       "against her under Article 264 of the Penal Code. The trial will begin on 3 June."))
    types = {(e.type, e.date, e.status) for e in ex.events}
    assert ("arrest", "2025-11", "happened") in types
    assert any(t == "charge" and d and d.startswith("2025-1") for t, d, _ in types)
    assert ("trial_opened", "2026-06-03", "announced") in types
    assert [(p.instrument, p.article) for p in ex.provisions] == [("criminal_code", "264")]


def test_provisions_lists_parts_and_ranges(x):
    ex = x.extract(doc("She is charged under Article 341(1) of the Criminal Code and article 5.38 of the Code of "
                       "Administrative Offences. This violates Articles 9, 14 (3) and 19 of the ICCPR and articles 1 to 3 of CEDAW. "
                       "If convicted under Article 341(1), she faces up to seven years in prison."))
    got = {(p.instrument, p.article, p.part) for p in ex.provisions}
    assert {("criminal_code", "341", "1"), ("administrative_code", "5.38", None), ("iccpr", "9", None),
            ("iccpr", "14", "3"), ("iccpr", "19", None), ("cedaw", "1", None), ("cedaw", "2", None),
            ("cedaw", "3", None)} <= got
    assert ("max_sentence_years", 7) in {(f.measure, f.value) for f in ex.figures}
    for p in ex.provisions:
        e = p.evidence[0]
        assert ex and e.quote and e.quote.lower().startswith("article")


def test_roles_from_titles_and_appositions(x):
    ex = x.extract(doc("Tendai Moyo, a lawyer for the residents, said the arrests were unlawful. Justice Minister "
                       "Ziyambi Mukoko declined to comment. “This is retaliation,” said Farai Chikore, director of the "
                       "Harare Civic Forum. Professor Ruth Ndlovu, an analyst at the University of Zimbabwe, agreed."))
    ps = people(ex)
    assert "lawyer" in ps["Tendai Moyo"]["roles"]
    assert "official" in ps["Ziyambi Mukoko"]["roles"]
    assert "advocate" in ps["Farai Chikore"]["roles"]
    assert "expert" in ps["Ruth Ndlovu"]["roles"]


def test_pronoun_carries_a_measure_and_she_and_five_others_are_six(x):
    ex = x.extract(doc("When Marta Quispe joined the march, she did not expect to end up in the dock. "
                       "She and five other suspects are under house arrest; the others are in detention."))
    ps = people(ex)
    assert "defendant" in ps["Marta Quispe"]["roles"] and "house_arrest" in ps["Marta Quispe"]["measures"]
    assert ("house_arrest", 6) in {(f.measure, f.value) for f in ex.figures}


def test_claims_for_conflicts_and_updates(x):
    ex = x.extract(doc("Nine protesters were sentenced to between five and 12 days of administrative detention. "
                       "They were remanded for one month. In April the detention was extended for a further three months."))
    claims = {(c.topic, c.value, c.update) for c in ex.claims}
    assert ("administrative_detention.length", "5–12 days", False) in claims
    assert ("pretrial_detention.length", "3 months", True) in claims


def test_every_span_is_the_text_at_its_offsets(x):
    d = doc("On 5 May 2026 the Interior Ministry detained Ali Hasanov (a blogger) in Ganja; the Committee to Protect "
            "Journalists condemned the arrest.")
    ex = x.extract(d)
    spans = [m.evidence for m in ex.mentions] + [e for k, f in ex.facts() if k not in ("person", "organization", "place")
                                                 for e in f.evidence]
    assert spans and all(d.text[e.start:e.end] == e.quote for e in spans)
    assert {"Ali Hasanov"} <= {m.name for m in ex.mentions if m.kind == "person"}
    assert "Committee to Protect Journalists" in {m.name for m in ex.mentions if m.kind == "organization"}


@pytest.mark.parametrize("name", ["events", "measures", "roles", "cues", "figures", "instruments", "names", "claims"])
def test_data_files_load_and_compile(name):
    data = load(name)
    assert data
    if name in ("events", "measures", "roles"):
        table = cue_table(name)
        assert table and all(p.pattern for p in table.values())
