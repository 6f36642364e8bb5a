"""Search through the JSON API and the page: hits that lead to their quote, filters, clear answers to bad input."""
from __future__ import annotations

import re

import pytest

from .conftest import CASE

W = {"X-Casewatch-Client": "tests"}


def pid(client, name: str) -> str:  # noqa: ANN001
    return next(p["id"] for p in client.get(f"/api/cases/{CASE}").json()["persons"] if p["name"] == name)


def test_a_name_leads_to_its_quotes_in_the_reader(client) -> None:  # noqa: ANN001
    res = client.get("/api/search", params={"q": "Maksutkhan", "case": CASE}).json()
    assert res["facts"] and res["texts"] and res["query"] == "Maksutkhan"
    docs = {d["id"]: d["text"] for d in client.get(f"/api/cases/{CASE}").json()["documents"]}
    person = next(h for h in res["facts"] if h["kind"] == "person")
    assert person["label"].startswith("Nazigul Maksutkhan")
    for h in res["facts"] + res["texts"]:
        assert docs[h["doc"]][h["start"]:h["end"]] == h["quote"] and "Maksutkhan" in h["quote"]
        assert "<mark>Maksutkhan</mark>" in h["snippet"]
        assert h["url"] == f"/cases/{CASE}/documents/{h['doc']}?hl={h['start']}-{h['end']}#s-{h['start']}-{h['end']}"
        page = client.get(h["url"]).text
        mark = re.search(rf'<mark id="s-{h["start"]}-{h["end"]}" class="ev ([^"]*)"', page)
        assert mark, h["url"]
    assert "k-hit" in client.get(res["texts"][0]["url"]).text


def test_all_cases_and_limit(client) -> None:  # noqa: ANN001
    res = client.get("/api/search", params={"q": "detained OR arrested", "limit": 2}).json()
    assert len(res["facts"]) == 2 and len(res["texts"]) == 2 and res["more"]
    assert {h["case"] for h in res["texts"]} == {CASE}


def test_filters(client) -> None:  # noqa: ANN001
    everyone = client.get("/api/search", params={"q": "house arrest", "case": CASE}).json()
    her = client.get("/api/search", params={"q": "house arrest", "case": CASE, "person": pid(client, "Nazigul Maksutkhan")}).json()
    assert her["facts"] and len(her["facts"]) < len(everyone["facts"])
    assert any("Maksutkhan" in h["quote"] for h in her["facts"])
    cf = client.get(f"/api/cases/{CASE}").json()
    p = next(p for p in cf["provisions"] if p["instrument_key"] == "criminal_code" and not p["part"])
    cited = client.get("/api/search", params={"q": "article", "case": CASE, "provision": f"criminal_code:{p['article']}"}).json()
    assert "provision" in {h["kind"] for h in cited["facts"]}
    cited_docs = {ev["doc"] for q in cf["provisions"] if (q["instrument_key"], q["article"]) == ("criminal_code", p["article"])
                  for ev in q["evidence"]}  # the article with any of its parts
    assert {h["doc"] for h in cited["texts"]} <= cited_docs
    typed = client.get("/api/search", params={"q": "detained", "case": CASE, "event_type": "arrest"}).json()
    assert typed["facts"] and all(h["kind"] in ("event", "figure", "person", "place", "organization", "claim") for h in typed["facts"])


@pytest.mark.parametrize("params, status, says", [
    ({"q": '"house arrest'}, 400, "unbalanced quote"),
    ({"q": "  "}, 400, "type a word"),
    ({"q": "OR detained"}, 400, "OR needs"),
    ({"q": "x", "person": "p1"}, 400, "needs a case"),
    ({"q": "x", "case": CASE, "provision": "174"}, 400, "instrument:article"),
    ({"q": "x", "event_type": "coronation"}, 400, "unknown event type"),
    ({"q": "x", "case": "nope"}, 404, "no case"),
    ({"q": "x", "case": CASE, "person": "nobody"}, 404, "no person"),
])
def test_bad_input_is_a_clear_4xx(client, params, status, says) -> None:  # noqa: ANN001
    r = client.get("/api/search", params=params)
    assert r.status_code == status and says in r.json()["detail"]
    if not params["q"].strip():
        return  # the page shows its empty form
    page = client.get("/search", params=params)
    assert page.status_code == status and says in page.text.replace("&#34;", '"') and "Traceback" not in page.text
    assert 'role="alert"' in page.text and 'name="q"' in page.text  # the form stays, to fix the search


@pytest.mark.parametrize("params", [{}, {"q": "x", "limit": "many"}, {"q": "x", "limit": 0}, {"q": "x" * 501}])
def test_wrong_types_are_422(client, params) -> None:  # noqa: ANN001
    r = client.get("/api/search", params=params)
    assert r.status_code == 422 and r.json()["detail"]


def test_fts_syntax_is_never_a_500(client) -> None:  # noqa: ANN001
    for q in ['NEAR(a b)', 'title:x', '^x', '*', '"', 'a"b"c"', "x AND", "(", ")", "-x", "'", "\\", "%", "_", "a*b*"]:
        r = client.get("/api/search", params={"q": q})
        assert r.status_code in (200, 400), (q, r.text)


def test_hostile_text_is_escaped_in_hits(client) -> None:  # noqa: ANN001
    text = ('<script>window.__pwned = 1</script> Statement on Daulet Serikbayev\n\n'
            'Activist Daulet Serikbayev was detained on 4 March 2026. <img src=x onerror="window.__pwned=2">')
    assert client.post(f"/api/cases/{CASE}/upload", headers=W, data={"text": text, "title": "<b onmouseover=x>t</b>"}).status_code == 201
    res = client.get("/api/search", params={"q": "pwned OR onerror OR onmouseover Serikbayev"}).json()
    assert res["texts"]
    for h in res["facts"] + res["texts"]:
        for html in (h["snippet"], h["label_snippet"]):
            assert "<script" not in html and "<img" not in html and "<b " not in html
    page = client.get("/search", params={"q": "pwned", "case": CASE}).text
    assert "&lt;script&gt;window.__<mark>pwned</mark>" in page and "<script>window" not in page


def test_page_keeps_the_form_and_lists_filters(client) -> None:  # noqa: ANN001
    html = client.get("/search").text
    assert 'name="q"' in html and 'name="person"' not in html and "Choose a case" in html
    assert 'aria-current="page">Search' in html
    html = client.get("/search", params={"case": CASE}).text
    assert 'name="person"' in html and 'name="provision"' in html and "Nazigul Maksutkhan" in html
    html = client.get("/search", params={"case": CASE, "q": "Maksutkhan"}).text
    assert 'id="search-summary"' in html and 'class="quote"' in html
    assert f'href="/search?case={CASE}" aria-current="page">Search' in html
    assert f'href="/search?case={CASE}"' in client.get(f"/cases/{CASE}").text
