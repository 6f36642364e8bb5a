"""Every data file of the incident step loads, and is used."""
from __future__ import annotations

import json

from casewatch.incidents.build import MODEL_FILE, models
from casewatch.incidents.data import DATA, load
from casewatch.incidents.features import cue_patterns, doc_features, word_cues
from casewatch.incidents.hrdsattack import from_dataset_label, to_dataset_labels
from casewatch.incidents.places import country_name, place_hits
from casewatch.incidents.view import DocView, candidates, trim


def _view(text: str, names=()) -> DocView:
    return DocView(id="d1", text=text, published="2020-02-20", title=None, names=list(names))


def test_every_data_file_loads():
    for p in sorted(DATA.glob("*.yaml")):
        assert load(p.stem), p
    assert json.loads(MODEL_FILE.read_text())


def test_cues_yaml_grounds_violations_perpetrators_and_victim_types():
    assert set(cue_patterns("violations")) == set(load("labels")["violation_types"]) - {"unknown"}
    assert set(cue_patterns("perpetrators")) <= set(load("labels")["perpetrator_types"])
    assert set(cue_patterns("victim_types")) <= set(load("labels")["victim_types"])
    assert cue_patterns("violations")["killing"].search("he was shot dead on Monday")
    assert cue_patterns("violations")["kidnapping"].search("She was abducted from her home")
    f = doc_features(_view("Gunmen abducted the reporter and killed his driver."))
    assert f["violations:kidnapping"] > 0 and f["violations:killing"] > 0
    assert "she" in word_cues("sex")["woman"] and "his" in word_cues("sex")["man"]
    assert load("cues")["age"]["adult_age"] == 18


def test_names_yaml_trims_titles_and_joins_surnames():
    text = "Police arrested journalist Ayodele Bankole in Lagos. Bankole was released later."
    s = text.index("journalist")
    e = text.index(" in Lagos")
    assert text[slice(*trim(text, s, e))] == "Ayodele Bankole"
    cands = candidates(_view(text))
    assert [c.name for c in cands] == ["Ayodele Bankole"]
    assert len(cands[0].spans) == 2  # the surname alone joins the full name


def test_places_yaml_names_and_short_forms():
    assert country_name("tr") == "Turkey"
    assert country_name("ng") == "Nigeria"
    hits = place_hits(_view("Nigerian police arrested him. The US and In Turkey it was quiet."))
    codes = [h.country for h in hits]
    assert codes[0] == "ng" and "us" in codes and "tr" in codes
    assert all(h.country != "in" for h in hits)  # "In" is a word, not India


def test_labels_yaml_spells_perpetrators_as_the_data_set_does():
    rec = {"perpetrator_type": "state security forces", "country": "United States"}
    out = to_dataset_labels(rec, {"country": {"United States": "USA"}})
    assert out["perpetrator_type"] == "state actor" and out["country"] == "USA"
    assert rec["perpetrator_type"] == "state security forces"  # the record itself keeps INCIDENT.md's terms
    assert from_dataset_label("insufficient info") == "insufficient information"


def test_the_trained_model_is_small_and_complete():
    assert MODEL_FILE.stat().st_size < 400_000
    m = models()
    assert m.violations.classes and m.perpetrator.classes and 0 < m.victim.threshold < 1
    labels = load("labels")
    assert set(m.violations.classes) <= set(labels["violation_types"])
    assert set(m.perpetrator.classes) <= set(labels["perpetrator_types"]) | {"none"}


def test_places_yaml_homonyms_are_regions_of_the_country_the_text_names():
    from casewatch.incidents.places import country_candidates
    v = _view("Gunmen kidnapped five pupils in Niger, the Nigerian police said. Nigeria's army gave chase.")
    assert [c.code for c in country_candidates(v, place_hits(v))] == ["ng"]
    v = _view("Soldiers in Niger detained the reporter in Niamey.")
    assert "ne" in [c.code for c in country_candidates(v, place_hits(v))]
    for name, code in load("places")["homonyms"].items():
        assert country_name(code) != code.upper() and name != country_name(code)


def test_names_keep_their_initials_and_lead_words_go():
    from casewatch.incidents.view import with_initials
    text = "Police held E.V. Krishnasamy and the poet P. Varavara Rao. State Counsellor Aung San Suu Kyi spoke."
    for name, full in (("Krishnasamy", "E.V. Krishnasamy"), ("Varavara Rao", "P. Varavara Rao")):
        s = text.index(name)
        assert text[slice(*with_initials(text, s, s + len(name)))] == full
    s = text.index("Counsellor")
    e = text.index(" spoke")
    assert text[slice(*trim(text, s, e))] == "Aung San Suu Kyi"


def test_names_that_are_common_words_or_places_are_marked():
    from casewatch.incidents.features import name_shape_features
    from casewatch.incidents.view import Candidate
    text = "Political Prisoner Day: every political prisoner in Uzbekistan, said Kadyr Yusupov."
    v = _view(text)
    common = name_shape_features(v, Candidate(name="Political Prisoner"))
    assert common["all-common"] == 1.0 and common["common-first"] == 1.0
    assert name_shape_features(v, Candidate(name="Uzbekistan"))["place-word"] == 1.0
    assert name_shape_features(v, Candidate(name="Kadyr Yusupov")) == {}


def test_plural_titles_go_and_runs_with_a_word_no_name_holds_are_not_people():
    from casewatch.incidents.view import not_a_person
    text = "Senators Leila Osei and Kofi Boateng spoke on Monte Mar Road after Councilman Ama Darko left."
    for title, name in (("Senators", "Leila Osei"), ("Councilman", "Ama Darko")):
        s = text.index(title)
        assert text[slice(*trim(text, s, s + len(title) + 1 + len(name)))] == name
    assert not_a_person("Monte Mar Road") and not_a_person("Manila Today") and not_a_person("U.S. Border Patrol")
    assert not not_a_person("Kofi Boateng") and not not_a_person("Rose West")
    v = DocView(id="1", text=text, published=None, title=None,
                names=[("person", text.index("Monte"), text.index(" after"), [])])
    assert "Monte Mar Road" not in [c.name for c in candidates(v)]
