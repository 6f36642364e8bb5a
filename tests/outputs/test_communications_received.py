"""UN communications that arrive as documents are items of the case: reference, type, date, mandates and
State, each tied to the letter's text; the agenda, the dossier and the communication use the record."""
from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from casewatch.casefile.communications import communications, rules
from casewatch.outputs import dossier as ds
from casewatch.outputs.agenda import agenda_items
from casewatch.outputs.communication import render as communication
from casewatch.settings import Settings


@pytest.fixture(params=["seeds_cf", "example_cf"])
def cf(request: pytest.FixtureRequest):
    return request.getfixturevalue(request.param)


def grounded(cf, ev) -> bool:
    texts = {d["id"]: d["text"] for d in cf["documents"]}
    return texts[ev["doc"]][ev["start"]:ev["end"]] == ev["quote"] and bool(ev["quote"].strip())


def test_each_un_letter_is_recorded_with_its_evidence(cf):
    letters = [d for d in cf["documents"] if d["kind"] == "un_communication"]
    assert letters and "communications" in cf
    recorded = {c["doc"]: c for c in cf["communications"]}
    for d in letters:
        c = recorded[d["id"]]
        # read the letter independently: its "Ref.:" line, its date line, its "Mandates of" heading
        ref = " ".join(re.search(r"Ref\.?:?\s*([A-Z]+\s+[A-Z]{3}\s+\d+/\d{4})", d["text"]).group(1).split())
        assert c["reference"] == ref and c["evidence"][0]["quote"] == ref
        assert c["type"] == ref.split()[0] and c["type_name"] == rules().types[c["type"]]
        assert c["date"] == d["published"] and date.fromisoformat(c["date"])
        assert any(e["quote"] in d["text"][:1000] and re.search(r"\d{4}$", e["quote"]) for e in c["evidence"][1:])
        heading = next(line for line in d["text"].splitlines() if "Mandates of" in line)
        assert c["mandates"] and all(m["title"] in heading for m in c["mandates"])
        assert all(m["evidence"][0]["quote"] == m["title"] for m in c["mandates"])
        assert c["state_code"] == ref.split()[1] and c["state"]
        assert any(c["state"] in e["quote"] for e in c["evidence"])
        assert c["signatories"] and all(s["name"] in d["text"] for s in c["signatories"])
        for ev in [*c["evidence"], *(e for m in c["mandates"] for e in m["evidence"]),
                   *(e for s in c["signatories"] for e in s["evidence"])]:
            assert grounded(cf, ev), ev


def test_the_agenda_uses_the_recorded_communication(cf):
    windows = Settings().reply_window_days
    items = [i for i in agenda_items(cf, windows) if i.kind == "reply_due"]
    for c in cf["communications"]:
        if c["kind"] != "un_communication":
            continue
        due = date.fromisoformat(c["date"]) + timedelta(days=windows["un_communication"])
        item = next(i for i in items if i.when == due)
        assert c["reference"] in item.summary and item.evidence == c["evidence"]


def test_the_dossier_and_the_communication_show_it(cf):
    ctx = ds.build_context(cf)
    letter = communication(cf)
    for c in cf["communications"]:
        shown = next(x for x in ctx["communications"] if x["reference"] == c["reference"])
        assert shown["state"] == c["state"] and shown["cite"]
        assert f"{c['reference']}" in ds.render(cf, "md", context=ctx)
        assert f"follows {c['type_name']} {c['reference']}" in letter


def _doc(i: str, kind: str, text: str, published: str | None = None) -> dict:
    return {"id": i, "kind": kind, "text": text, "published": published}


def test_an_ngo_appeal_number_is_not_a_un_letter_and_a_news_mention_is_recorded():
    docs = [_doc("d1", "urgent_appeal", "URGENT APPEAL – UA AZE 02/2026\nThe authorities must release them."),
            _doc("d2", "news", "Three UN Special Rapporteurs wrote to the government (AL AZE 7/2026) last week.")]
    out = communications(docs)
    assert [c["reference"] for c in out] == ["AL AZE 7/2026"]
    assert out[0]["date"] is None and out[0]["mandates"] == [] and out[0]["doc"] == "d2"


def test_an_earlier_letter_recalled_in_a_new_one_keeps_its_own_record():
    text = ("Mandates of the Special Rapporteur on the situation of human rights defenders and the Working Group on "
            "Arbitrary Detention\n\nRef.: UA KAZ 5/2026\n(Please use this reference in your reply)\n\n2 May 2026\n\n"
            "Excellency,\n\nThis letter follows our communication AL KAZ 2/2026, to which no reply has been received.\n\n"
            "Please accept, Excellency, the assurances of our highest consideration.\n\nAda Example\n"
            "Special Rapporteur on the situation of human rights defenders\n")
    news = _doc("d0", "news", "The UN letter AL KAZ 2/2026 asked about the trial.")
    out = {c["reference"]: c for c in communications([_doc("d1", "un_communication", text, "2026-05-02"), news])}
    new, old = out["UA KAZ 5/2026"], out["AL KAZ 2/2026"]
    assert new["type_name"] == "urgent appeal" and new["date"] == "2026-05-02" and new["state"] == "Kazakhstan"
    assert [m["title"] for m in new["mandates"]] == ["Special Rapporteur on the situation of human rights defenders",
                                                       "Working Group on Arbitrary Detention"]
    assert [s["name"] for s in new["signatories"]] == ["Ada Example"]
    assert old["date"] is None and old["mandates"] == [] and old["doc"] == "d1"
    assert [e["doc"] for e in old["mentioned_in"]] == ["d0"]
    for c in out.values():
        assert c["evidence"][0]["quote"] == c["reference"]
