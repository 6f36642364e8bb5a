"""Ages: whose they are when the sentence names nobody, and when an age is a birthday, not a second value."""
from __future__ import annotations

from .conftest import doc


def ages(ex):
    return sorted((c.subject, c.value, c.update) for c in ex.claims if c.topic == "age")


def test_a_description_without_a_name_is_the_accused_named_before(x):
    ex = x.extract(doc("Prosecutors charged Dariusz Wolanczyk with extremism on 3 March 2026. He denies it.\n\n"
                       "The 71-year-old human rights defender was handcuffed and taken to a detention centre."))
    assert ("Dariusz Wolanczyk", "71", False) in ages(ex)


def test_a_child_named_by_age_is_not_the_accused(x):
    ex = x.extract(doc("Police arrested Dariusz Wolanczyk on 3 March 2026 and charged him with extremism. "
                       "The 12-year-old daughter of a neighbour saw the raid."))
    assert ages(ex) == []


def test_a_dash_apposition_and_a_birthday(x):
    ex = x.extract(doc("In August 2025, after the first days of witness testimony, Tomasz Brzeczek - then 25 - pleaded "
                       "guilty. Brzeczek, who was 25 when he was sentenced, turned 26 in prison in May."))
    got = ages(ex)
    assert ("Tomasz Brzeczek", "25", False) in got
    assert [a for a in got if a[1] == "26"] == [("Brzeczek", "26", True)]  # "turned 26": a birthday, an update


def test_a_full_name_taken_for_a_body_is_the_person_the_report_names_alone():
    from casewatch.extract import _retype_surnames
    from casewatch.model import Evidence, Mention

    def m(kind, name, attrs=None):
        return Mention(kind=kind, name=name, evidence=Evidence("d", 0, len(name), name), attrs=attrs or {})
    ms = [m("organization", "Zoltan Vekerdi"), m("place", "Zoltan"), m("person", "Vekerdi"),
          m("organization", "Vekerdi Kiadó Press"), m("organization", "Kality Prison"), m("place", "Nagy Tamas", {"place_cue": "x"})]
    _retype_surnames(ms)
    assert [x.kind for x in ms] == ["person", "person", "person", "organization", "organization", "place"]


def test_a_caption_line_ends_the_name_at_its_dash(x):
    ex = x.extract(doc("Between\nThe Public Prosecutor - Plaintiff\nand\nMr Somchai Wongsawat - Defendant\n\n"
                       "The defendant was present, aged 26 years, of Thai nationality.", kind="court_document"))
    assert "Somchai Wongsawat" in {m.name for m in ex.mentions if m.kind == "person"}


def test_a_pronoun_after_an_opening_phrase_stands_for_the_accused_not_the_last_name(x):
    from .conftest import doc
    ex = x.extract(doc("The poet Mary Banda was charged over a poem about the late Queen Ada Mweemba. In August 2025, "
                       "after eight months on remand, she was convicted and sentenced to a year in prison.",
                       published="2025-09-01"))
    remand = [c for c in ex.claims if c.topic.startswith("duration.remand")]
    assert remand and all(c.subject == "Mary Banda" for c in remand), [(c.subject, c.value) for c in remand]


def test_an_age_between_commas_and_a_length_told_as_over(x):
    from .conftest import doc
    ex = x.extract(doc("The poet Mary Banda was charged over a poem. In August 2025, after eight months on remand, she "
                       "was convicted and sentenced, at 44, to a year in prison. She began an eight-day hunger strike. "
                       "She has spent 120 days in custody.", published="2025-09-01"))
    assert [(c.subject, c.value) for c in ex.claims if c.topic == "age"] == [("Mary Banda", "44")]
    kinds = {(c.topic, c.value) for c in ex.claims if c.topic.startswith("duration")}
    assert ("duration.remand_ended", "240 days") in kinds and ("duration.hunger_strike_ended", "8 days") in kinds
    assert ("duration.remand", "120 days") in kinds  # still running: it grows between reports


def test_a_place_of_detention_told_after_it_and_in_a_clause_without_subject(x):
    from .conftest import doc
    ex = x.extract(doc("Persons concerned: BANDA Mary (Dr) - poet, WHRD; detained at Chimwemwe Women's Prison since "
                       "March 2025. Mary Banda was charged. She followed the hearing by video link from Kalonga "
                       "Prison, where she has been held since May.", published="2025-09-01"))
    held = {(c.subject, c.value) for c in ex.claims if c.topic == "facility"}
    assert {v for _, v in held} >= {"Chimwemwe Women's Prison", "Kalonga Prison"}, held
    assert all(s and "banda" in s.casefold() for s, _ in held), held


def test_a_country_that_only_sounds_like_a_given_name_stays_a_place():
    """Issue 14: "Türkiye" beside the ambassador "Tarık …" (one skeleton, t-r-k) was made a person, joined to him and
    given the measure of its headline. Invented names: a country's name that only sounds like a word of a full name
    in the report stays a place; one written as that word ("Georgia" of "Georgia Lane") may still be the person."""
    from casewatch.extract import _retype_surnames
    from casewatch.model import Document, Evidence, Mention

    text = ("Chile: four defenders in pretrial detention. Write to H.E. Mr Chalo Verinde, Ambassador of Chile.\n"
            "Georgia Lane was detained. Georgia was later released.")
    d = Document(sha256="", filename="a.txt", media_type="text/plain", text=text, id="d")

    def m(kind, name, at):
        i = text.index(name, at)
        return Mention(kind=kind, name=name, evidence=Evidence("d", i, i + len(name), name))
    ms = [m("place", "Chile", 0), m("person", "Chalo Verinde", 0), m("place", "Chile", 60),
          m("person", "Georgia Lane", 0), m("place", "Georgia", 110)]
    _retype_surnames(ms, d)
    got = [(x.name, x.kind) for x in ms]
    assert ("Chile", "person") not in got and got.count(("Chile", "place")) == 2, got
    assert ("Georgia", "person") in got and ("Georgia", "place") not in got, got


def test_ages_written_in_spanish_and_french_after_the_name(x):
    ex = x.extract(doc("Sandra Milena Ortiz, de 41 años, fue capturada. Mme Awa Ndiaye, 54 ans, a été "
                       "placée sous mandat de dépôt. Condenaron a Luis Mora a 20 años de prisión."))
    got = ages(ex)
    assert ("Sandra Milena Ortiz", "41", False) in got and any(s.endswith("Awa Ndiaye") and v == "54" for s, v, _ in got)
    assert not any(s == "Luis Mora" for s, _, _ in got)  # twenty years of prison are no age
