"""Issue 14, "views that disagree": the roster, the headline's "held now" (the overview and the list of cases), the
dossier, the appeal and `changes` all read one state of each person (casefile/state.py), so built on the same case
they name the same people held, under the same measure, since the same date."""
from __future__ import annotations

from pathlib import Path

import pytest

from casewatch.casefile.state import held, state
from casewatch.casefile.summary import summarize
from casewatch.outputs import appeal, changes, dossier
from casewatch.outputs.roster_csv import roster_csv
from casewatch.pipeline import build_casefile, ingest_paths
from casewatch.settings import Settings
from casewatch.store import Store
from tests.conftest import EXAMPLES

CASES = ["azerbaijan_yeni_dalga", "turkey_diyarbakir"]


@pytest.fixture(scope="module", params=CASES)
def cf(request, tmp_path_factory) -> dict:
    url = f"sqlite:///{tmp_path_factory.mktemp('views') / 'cw.db'}"
    store = Store(url)
    rep = ingest_paths(store, request.param, [EXAMPLES / request.param], Settings(db_url=url))
    assert rep.added and not rep.failed
    return build_casefile(store, request.param)


def test_every_view_names_the_same_people_held(cf: dict):
    names = {p["name"] for p in held(cf)}
    assert names, "an example case with nobody held tests nothing"
    # the overview's and the list of cases' count
    assert summarize(cf)["held_now"] == len(names)
    # the dossier: each person's "held" mark, and the summary's sentences on who is held under what
    ctx = dossier.build_context(cf)
    assert {p["name"] for p in ctx["people"] if p["held"]} == names
    said = " ".join(s["text"] for s in ctx["summary"] if "by the latest report on each" in s["text"])
    assert all(n in said for n in names), (names, said)
    # the appeal asks release from pretrial detention, and an end to house arrest, of exactly those under them
    asks = {r["kind"]: r["text"] for r in appeal.build_context(cf)["requests"]}
    for mtype in ("pretrial_detention", "house_arrest"):
        under = {p["name"] for p in held(cf) if state(p)["measure"] == mtype}
        assert all(n in asks.get(mtype, "") for n in under), (mtype, under, asks.get(mtype))


def test_the_roster_csv_and_changes_give_each_person_the_state_s_measure_and_date(cf: dict):
    import csv
    import io
    rows = {r["name"]: r for r in csv.DictReader(io.StringIO(roster_csv(cf)))}
    new = {x["name"]: x for x in changes.diff(None, cf)["people"]}
    for p in cf["persons"]:
        now = state(p)
        assert (p["current_measure"], p["current_since"]) == (now["measure"], now["since"])
        if p["name"] in rows:
            assert (rows[p["name"]]["current_measure"] or None, rows[p["name"]]["since"] or None) == \
                (now["measure"], now["since"])
        assert new[p["name"]]["current_measure"] == now["measure"]
    ctx = dossier.build_context(cf)
    for person in ctx["people"]:
        p = next(q for q in cf["persons"] if q["id"] == person["id"])
        assert (person["measure_type"], person["since"]) == (state(p)["measure"], state(p)["since"])


def test_state_at_a_date_and_a_measure_newly_dated_in_changes():
    p = {"id": "p1", "name": "Ana Pop", "roles": ["defendant"],
         "measures": [{"type": "pretrial_detention", "date": "2025-11-22", "length": None, "evidence": []},
                      {"type": "house_arrest", "date": "2026-03-02", "length": None, "evidence": []}]}
    assert state(p, "2025-11-01")["measure"] is None
    assert state(p, "2026-01-10") == {"measure": "pretrial_detention", "since": "2025-11-22", "length": None,
                                     "held": True, "evidence": []}
    assert state(p)["measure"] == "house_arrest" and state(p, "2026-03")["measure"] == "pretrial_detention"
    cf = {"persons": [p], "documents": [], "events": [], "conflicts": []}
    assert held(cf) and not held({"persons": [dict(p, roles=["official"])]})
    # the same measure given a date by a later report: said so, never "pretrial_detention -> pretrial_detention"
    old = {"persons": [dict(p, measures=[dict(p["measures"][0], date=None)])], "documents": [], "events": [],
           "conflicts": []}
    new = {"persons": [dict(p, measures=[p["measures"][0]])], "documents": [], "events": [], "conflicts": []}
    for x in (old, new):
        x["persons"][0]["current_measure"] = state(x["persons"][0])["measure"]
        x["persons"][0]["current_since"] = state(x["persons"][0])["since"]
    text = changes.render_text(changes.diff(old, new))
    assert "pretrial detention since 2025-11-22 (was undated)" in text and "->" not in text, text
