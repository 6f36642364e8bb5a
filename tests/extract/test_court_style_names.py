"""Names as court papers and Spanish-naming reports write them, hard-wrapped PDF lines, and the roles and
measures read around them (fixtures of our own, in other countries' names)."""
from __future__ import annotations

from tests.extract.conftest import doc, people


def persons(ex):
    return {m.name for m in ex.mentions if m.kind == "person"}


def test_caption_names_with_the_maternal_surname_after_y_are_people_of_the_case(x):
    ex = x.extract(doc(
        "REPUBLIC OF PERU\nSUPERIOR COURT OF JUSTICE OF CUSCO\nTHE STATE,\n    Plaintiff,\n    - versus -\n"
        "JUAN CARLOS QUISPE y\nMAMANI, ROSA ELENA HUAMAN y TORRES,\n    Accused.\n"
        "The petition of accused Pedro Condori y Vargas was denied.", published=None, kind="court_document"))
    p = persons(ex)
    assert {"Juan Carlos Quispe", "Rosa Elena Huaman", "Pedro Condori"} <= p
    assert not any(m.name in ("MAMANI", "Mamani", "TORRES", "Torres", "Vargas") for m in ex.mentions)
    assert all("defendant" in people(ex)[n]["roles"] for n in ("Juan Carlos Quispe", "Rosa Elena Huaman"))


def test_y_between_two_full_names_is_a_conjunction():
    from casewatch.extract.names import MATERNAL_RE
    assert MATERNAL_RE.search("Juan Quispe y Rosa Huaman") is None
    assert MATERNAL_RE.search("Juan Quispe y Mamani fue detenido").group("mat2") == "Mamani"


def test_a_nickname_in_quotes_stays_inside_the_name(x):
    ex = x.extract(doc('The organiser Bartolomé "Tolo" Ccori Jr. remains free on bail, his lawyer said.'))
    assert any(n.startswith('Bartolomé "Tolo" Ccori') for n in persons(ex))
    assert "Tolo" not in persons(ex)


def test_an_abbreviated_given_name_is_part_of_the_name(x):
    ex = x.extract(doc("Those charged are the centre's director, Ma. Lourdes Quispe, 51; and its driver."))
    assert "Ma. Lourdes Quispe" in persons(ex) and "Ma" not in persons(ex)


def test_a_title_before_a_name_broken_by_a_line_and_a_capitals_signature(x):
    ex = x.extract(doc(
        "the Comment of the prosecution, represented by Assistant Provincial Prosecutor Walter\nHuarcaya.\n"
        "SO ORDERED.\nCusco, 2 March 2026.\nELIANA R. CHOQUEHUANCA\nPresiding Judge\n", published=None))
    p = people(ex)
    assert "Walter Huarcaya" in p and "official" in p["Walter Huarcaya"]["roles"]
    assert "Eliana R. Choquehuanca" in p and "official" in p["Eliana R. Choquehuanca"]["roles"]


def test_a_signature_under_a_statement_keeps_all_given_names(x):
    ex = x.extract(doc("Humanitarian work is not a crime.\n\nMaria Jose Ccahuana-Rojas\nSecretary-General, Andean "
                       "Rights Network\n", kind="ngo_statement"))
    assert "Maria Jose Ccahuana-Rojas" in persons(ex)


def test_places_in_a_list_after_in_are_not_people(x):
    ex = x.extract(doc("The group is based in Sicuani City, Canchis Province, and runs a clinic there."))
    assert not {"Sicuani City", "Canchis Province"} & persons(ex)


def test_an_organisation_name_wrapped_over_two_lines(x):
    ex = x.extract(doc("Copy furnished:\nAtty. Lucia Paucar, Andean Public Interest Lawyers\nNetwork, counsel for "
                       "the accused\n", published=None))
    orgs = {m.name for m in ex.mentions if m.kind == "organization"}
    assert "Andean Public Interest Lawyers Network" in orgs
    assert "Andean Public Interest Lawyers" not in persons(ex)


def test_ranks_titles_witnesses_and_relatives_in_a_court_order(x):
    ex = x.extract(doc(
        "The prosecution presented Police\nStaff Sergeant Marco Huillca, the seizing officer, and the village "
        "councillor Hugo Quispe, who witnessed the search. The witness Hugo Quispe testified that he is not "
        "related to accused Ana Quispe. The defense presented Tomas Quispe, husband of accused Ana Quispe, who "
        "testified that the occupants were kept in the kitchen. Undersecretary Raul Mendoza defended the raid.",
        published=None))
    p = people(ex)
    assert "Marco Huillca" in p and "witness" in p["Marco Huillca"]["roles"]
    assert "witness" in p["Hugo Quispe"]["roles"] and "defendant" not in p["Hugo Quispe"]["roles"]
    assert "defendant" not in p["Tomas Quispe"]["roles"]
    assert "official" in p["Raul Mendoza"]["roles"]


def test_present_detention_is_pretrial_and_a_new_predicate_ends_a_coordination(x):
    ex = x.extract(doc(
        "On 2 May 2026 the court denied bail to Ms. Rosa Huaman and Mr. Luis Mamani, and granted bail to "
        "Ms. Elena Torres, who was released on 4 May 2026. Luis Mamani is detained at the Cusco Men's Prison."))
    p = people(ex)
    assert "pretrial_detention" in p["Rosa Huaman"]["measures"]
    assert "release" in p["Elena Torres"]["measures"] and "pretrial_detention" not in p["Elena Torres"]["measures"]


def test_events_of_a_court_order_and_of_a_government_reply(x):
    ex = x.extract(doc(
        "ORDER\nThe Petitions for Bail of accused ROSA HUAMAN y TORRES are hereby DENIED. She shall remain under "
        "the custody of the Cusco Men's Prison.\nLet the pre-trial of these cases be set on 16 April 2026.\n"
        "SO ORDERED.\nCusco, 20 March 2026.\n", published="2026-03-20", kind="court_document"))
    got = {(e.type, e.date) for e in ex.events}
    assert ("measure_extended", "2026-03-20") in got and ("hearing", "2026-04-16") in got
    ex = x.extract(doc(
        "The Lima court has set the arraignment of the two accused for June 25. In a reply dated May 29 to three "
        "United Nations special rapporteurs, the Permanent Mission of Peru in Geneva said the arrests were lawful. "
        "The prosecutor filed the information against the director, Ma. Luisa Quispe, on May 19.",
        published="2026-06-08"))
    got = {(e.type, e.date) for e in ex.events}
    assert {("hearing", "2026-06-25"), ("diplomatic_note", "2026-05-29"), ("charge", "2026-05-19")} <= got


def test_a_un_letters_concern_paragraph_is_no_event(x):
    ex = x.extract(doc("Without prejudging the accuracy of the information received, we express serious concern at "
                       "the arrest and detention of the staff.", kind="un_communication"))
    assert not [e for e in ex.events if e.type == "arrest"]


def test_a_centre_is_a_place_only_with_a_qualifier_and_a_court_keeps_its_regional(x):
    ex = x.extract(doc("Staff of the Andean Community Development Center (ACDC) were taken to the Temporary "
                       "Detention Center in Cusco. The Regional Trial Court of Cusco issued the warrants."))
    kinds = {m.name: m.kind for m in ex.mentions}
    assert kinds.get("Andean Community Development Center") == "organization"
    assert kinds.get("Regional Trial Court of Cusco", "organization") == "organization"
    assert "Trial Court of Cusco" not in kinds


def test_a_court_number_written_after_a_name_anywhere_in_a_paper_names_that_person_again(x):
    from .conftest import doc
    ex = x.extract(doc("The court heard the submissions of counsel. The accused were TAMO Ekan-wai (D1) and NDOR "
                       "Felo-ming (D2). D1 is now aged 60 and D2 is a student.", "2026-05-01"))
    ids = {m.attrs.get("court_id"): m.name for m in ex.mentions if m.attrs.get("court_id")}
    assert set(ids) == {"D1", "D2"}
