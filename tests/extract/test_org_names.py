"""Which capitalised words name an organisation of the case."""
from __future__ import annotations

from casewatch.extract.names import find_names

from .conftest import doc


def test_a_kind_of_body_alone_is_no_organisation():
    text = ("The Court rejected the appeal of the Velmora Teachers' Union, and the Council said the Groups had "
            "misreported it.")
    ents = [("ORG", text.index(w), text.index(w) + len(w)) for w in ("Court", "Council", "Groups",
                                                                      "Velmora Teachers' Union")]
    orgs = {text[h.start:h.end] for h in find_names(doc(text), ents) if h.kind == "organization"}
    assert "Velmora Teachers' Union" in orgs
    assert not orgs & {"Court", "Council", "Groups"}


def test_an_address_block_keeps_its_lines_apart_and_an_office_is_no_body(x):
    text = ("Please write to:\n\nMr Karan Mehta\nUnion Minister of Home Affairs\nMinistry of Home Affairs, North "
            "Block\nNew Delhi 110001\n\nThe Indian Penal Code (IPC) was cited. The Inspector-General of Police did "
            "not reply.")
    ex = x.extract(doc(text))
    orgs = {m.name for m in ex.mentions if m.kind == "organization"}
    assert "Ministry of Home Affairs" in orgs
    assert not [o for o in orgs if "Affairs Ministry" in o]
    assert "IPC" not in orgs and "Indian Penal Code" not in orgs
    assert "Inspector-General of Police" not in orgs


def test_a_body_cut_at_for_the_is_one_name(x):
    from .conftest import doc
    ex = x.extract(doc("Samir Haddad, vice-president of the Norland League for the Defence of Human Rights (NLDH), said "
                       "the Cyber Unit of the Criminal Investigations Directorate had summoned him."))
    orgs = {m.name for m in ex.mentions if m.kind == "organization"}
    assert "Norland League for the Defence of Human Rights" in orgs
    assert "Defence of Human Rights" not in orgs


def test_a_mandates_name_ends_at_the_verb_that_follows_it(x):
    from .conftest import doc
    ex = x.extract(doc("In its opinion, the Working Group on Arbitrary Detention found that the detention of the eight "
                       "defenders in Norville is arbitrary.", "2026-01-01"))
    orgs = {m.name for m in ex.mentions if m.kind == "organization"}
    assert "Working Group on Arbitrary Detention" in orgs
    assert not any("found" in o for o in orgs)


def test_a_companys_registered_suffix_and_the_platforms_are_no_bodies_of_the_case(x):
    from .conftest import doc
    ex = x.extract(doc("© 2026 The Riverside Ledger Ltd. All rights reserved. He posted the video on Telegram and "
                       "WhatsApp."))
    orgs = {m.name for m in ex.mentions if m.kind == "organization"}
    assert "Riverside Ledger" in orgs and not {"Telegram", "WhatsApp", "The Riverside Ledger Ltd"} & orgs
