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
def built(request, tmp_path_factory) -> tuple[str, dict]:
    url = f"sqlite:///{tmp_path_factory.mktemp('views') / 'cw.db'}"
    store = Store(url)
    rep = ingest_paths(store, request.param, [EXAMPLES / request.param], Settings(db_url=url))
    assert rep.added and not rep.failed
    return url, build_casefile(store, request.param)


@pytest.fixture(scope="module")
def cf(built) -> dict:
    return built[1]


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


def _overview(url: str, case: str) -> str:
    from fastapi.testclient import TestClient

    from casewatch.store.accounts import Accounts
    from casewatch.web import create_app
    from tests.web.conftest import PASSWORD, sign_in
    accounts = Accounts(Store(url))
    if not any(a["name"] == "ada" for a in accounts.list()):
        accounts.add("ada", PASSWORD, "admin")
    with TestClient(create_app(Settings(db_url=url, hosts=("testserver",)))) as c:
        r = sign_in(c).get(f"/cases/{case}")
    assert r.status_code == 200, r.text
    return r.text


def test_every_view_shows_one_headline_figure_a_measure_with_what_the_sources_disagree_on(built):
    """The overview, the dossier and `casewatch show` give each count of people once (issue 14: the overview listed
    "charged: 4/7/11 in the sources"), the same figure in each, and say where the sources disagree."""
    import re

    from rich.console import Console

    from casewatch.casefile.headline import headline
    from casewatch.cli.show import render
    url, cf = built
    rows = headline(cf)
    assert rows and len({h["measure"] for h in rows}) == len(rows)
    html = _overview(url, cf["case"])
    table = html[html.index('id="headline"'):html.index("</table>", html.index('id="headline"'))]
    shown = re.findall(r'<tr data-measure="(\w+)">.*?<strong class="figure">([\d.]+)</strong>', table, re.S)
    assert shown == [(h["measure"], str(h["value"])) for h in rows]
    for h in rows:
        if h["conflict"]:
            assert f'/conflicts#c-{h["conflict"]["n"]}' in table
            assert cf["conflicts"][h["conflict"]["n"] - 1]["key"] == h["conflict"]["key"]
    console = Console(record=True, width=200)
    render(console, cf)
    text = console.export_text()
    for h in rows:
        lines = [ln for ln in text.splitlines() if ln.startswith(h["measure"].replace("_", " ") + ": ")]
        assert len(lines) == 1 and lines[0].startswith(f"{h['measure'].replace('_', ' ')}: {h['value']} in"), lines
        assert ("sources disagree" in lines[0]) == h["disagree"]
    said = [s["text"] for s in dossier.build_context(cf)["summary"] if s["text"].startswith("Sources report")]
    assert len(said) == len([h for h in rows if h["measure"] in dossier.FIGURE_WORDS])
    for h in rows:
        if h["measure"] in dossier.FIGURE_WORDS:
            assert any(t.startswith(f"Sources report {h['value']} people {dossier.FIGURE_WORDS[h['measure']]}")
                       for t in said), (h, said)


def _fig(measure: str, value: int, doc: str, at: int = 0) -> dict:
    q = str(value)
    return {"measure": measure, "value": value, "unit": None, "sources": 1,
            "evidence": [{"doc": doc, "start": at, "end": at + len(q), "quote": q}]}


def test_the_headline_figure_is_the_one_most_sources_give_else_the_latest_else_the_analyst_s():
    from casewatch.casefile import _headline
    from casewatch.casefile.headline import headline, others_text
    docs = [{"id": f"d{i}", "published": f"2026-0{i}-01", "text": "4 7 11 14 16"} for i in range(1, 5)]
    f14 = _fig("detained", 14, "d1", 6)
    f14["evidence"].append({"doc": "d2", "start": 6, "end": 8, "quote": "14"})
    f14["sources"] = 2
    cf = {"documents": docs, "persons": [{"id": "p1", "name": "Ana Pop", "roles": ["defendant"], "measures": []}],
          "figures": [_fig("charged", 4, "d1"), _fig("charged", 7, "d3", 2), _fig("charged", 11, "d2", 4), f14,
                      _fig("detained", 16, "d4", 9)],
          "conflicts": [{"topic": "number detained", "key": "figure.detained:14-16", "status": "open", "claims": [
              {"value": "14", "evidence": []}, {"value": "16", "evidence": []}]}]}
    cf["headline"] = _headline(cf)
    assert len(cf["headline"]) == 5  # the case file keeps every value
    rows = {h["measure"]: h for h in headline(cf)}
    assert list(rows) == ["charged", "detained"]
    assert (rows["charged"]["value"], rows["charged"]["chosen_by"]) == (7, "latest report")  # d3 is the latest
    assert [o["value"] for o in rows["charged"]["others"]] == [4, 11] and rows["charged"]["conflict"] is None
    assert others_text(rows["charged"]) == "other sources give 4 and 11"
    assert (rows["detained"]["value"], rows["detained"]["chosen_by"]) == (14, "most sources")
    assert rows["detained"]["conflict"]["n"] == 1 and rows["detained"]["not_named"] == 13
    cf["conflicts"][0].update(status="resolved", resolution={"stands": "16"})
    assert {h["measure"]: (h["value"], h["chosen_by"]) for h in headline(cf)}["detained"] == (16, "analyst")


def test_next_dates_and_the_agenda_never_give_a_past_date_as_ahead_and_read_measure_ends_from_the_state():
    """A hearing announced for a day gone by is not ahead; a remand's end is a date only while the remand stands
    (a release or house arrest later replaces it); a measure of the same month as a day-dated one replaces nothing."""
    from datetime import date

    from casewatch.casefile.state import measure_ends
    from casewatch.casefile.summary import next_date, next_dates
    from casewatch.outputs.agenda import agenda_items, render_text
    text = "Ana Pop and Ion Dan were remanded in custody for two months. The hearing is set for 19 May."
    q = "remanded in custody for two months"
    ev = {"doc": "d1", "start": text.index(q), "end": text.index(q) + len(q), "quote": q}
    hq = "The hearing is set for 19 May"
    hev = {"doc": "d1", "start": text.index(hq), "end": text.index(hq) + len(hq), "quote": hq}
    remand = {"type": "pretrial_detention", "date": "2026-03-02", "length": "two months", "evidence": [ev]}
    cf = {"case": "x", "documents": [{"id": "d1", "kind": "news", "published": "2026-03-03", "text": text}],
          "conflicts": [],
          "persons": [{"id": "p1", "name": "Ana Pop", "aliases": [], "roles": ["defendant"], "measures": [remand]},
                      {"id": "p2", "name": "Ion Dan", "aliases": [], "roles": ["defendant"],
                       "measures": [remand, {"type": "release", "date": "2026-04", "length": None, "evidence": [ev]}]}],
          "events": [{"type": "hearing", "date": "2026-05-19", "status": "announced", "summary": hq, "evidence": [hev]},
                     {"type": "hearing", "date": "2026-07", "status": "announced", "summary": "July", "evidence": [hev]}]}
    assert [(g["end"], g["names"]) for g in measure_ends(cf)] == [("2026-05-02", ["Ana Pop"])]
    assert [g["names"] for g in measure_ends(cf, "2026-03-20")] == [["Ana Pop", "Ion Dan"]]  # before the release
    assert [(e["date"], e["type"]) for e in next_dates(cf, "2026-04-15")] == \
        [("2026-05-02", "measure_end"), ("2026-05-19", "hearing"), ("2026-07", "hearing")]
    assert [e["date"] for e in next_dates(cf, "2026-06-01")] == ["2026-07"]  # not the hearing of 19 May, announced
    assert next_dates(cf, "2026-08-01") == []
    assert next_date({"ahead": next_dates(cf, "2026-04-15"), "made_on": "2026-04-15"}, "2026-06-01")["date"] == "2026-07"
    items = agenda_items(cf)
    assert [(i.kind, i.when) for i in items if i.kind == "measure_end"] == [("measure_end", date(2026, 5, 2))]
    upcoming = render_text([cf], today=date(2026, 6, 1)).split("Past")[0]
    assert "2026-05" not in upcoming and "(nothing)" in upcoming


def test_no_official_is_held_nor_a_place_one_of_the_people(built):
    """Issue 14: the ambassador of the Turkey example was joined with "Türkiye" (a word of one skeleton with his given
    name), given the measure of the appeal's headline and marked held on the overview's roster. No person's other
    name is a place's that their own name does not spell, and the roster marks as held exactly the people held."""
    import re

    from casewatch.extract.gazetteer import is_place
    from casewatch.model.names import fold
    url, cf = built
    for p in cf["persons"]:
        words = {fold(w) for w in p["name"].split()}
        assert not [a for a in p["aliases"] if len(a.split()) == 1 and fold(a) not in words and is_place(a)], p
        if "official" in p["roles"]:
            assert not state(p)["held"], p["name"]  # no sentence of these cases holds an official
    html = _overview(url, cf["case"])
    marked = re.findall(r'<tr class="held">\s*<td><a href="/cases/[^/]+/persons/([^"]+)">', html)
    assert sorted(marked) == sorted(p["id"] for p in held(cf))


def test_each_role_on_the_person_page_shows_the_quotes_it_rests_on(built):
    """Issue 14: the person page listed roles without sources. Each role of each person in the case file says what it
    rests on, and the page shows it with the sentence of a mention that gives it, an exact span of its report."""
    import html as html_
    import re

    from fastapi.testclient import TestClient

    from casewatch.web import create_app
    from tests.web.conftest import sign_in
    url, cf = built
    _overview(url, cf["case"])  # the account
    docs = {d["id"]: d["text"] for d in cf["documents"]}
    for p in cf["persons"]:
        assert set(p["role_sources"]) == set(p["roles"]) - ({"other"} if p["roles"] == ["other"] else set()), p
        for r, src in p["role_sources"].items():
            assert src["by"] in ("text", "model", "analyst") and (src["by"] == "text") == bool(src["evidence"])
            for ev in src["evidence"]:
                assert docs[ev["doc"]][ev["start"]:ev["end"]] == ev["quote"]
    p = max((p for p in cf["persons"] if any(s["evidence"] for s in p["role_sources"].values())),
            key=lambda p: len(p["roles"]))
    with TestClient(create_app(Settings(db_url=url, hosts=("testserver",)))) as c:
        page = sign_in(c).get(f"/cases/{cf['case']}/persons/{p['id']}").text
    roles = page[page.index('id="roles"'):page.index("</ul>", page.index('id="roles"'))]
    for r in p["roles"]:
        item = re.search(rf'<li data-role="{r}">(.*?)</li>', roles, re.S).group(1)
        quotes = re.findall(r'documents/(\w+)\?hl=(\d+)-(\d+)#[^"]*">“(.*?)”</a>', item, re.S)
        assert quotes or "role model" in item or "analyst" in item, (r, item)
        for doc, s, e, q in quotes:
            assert docs[doc][int(s):int(e)] == html_.unescape(q)
            assert any(ev["doc"] == doc and int(s) <= ev["start"] and ev["end"] <= int(e)
                       for ev in p["role_sources"][r]["evidence"])
