"""The JSON API and the pages' server side, through fastapi's TestClient on a real seeded database."""
from __future__ import annotations

import re

import pytest

from .conftest import CASE

W = {"X-Casewatch-Client": "tests"}


def token(client, url: str = "/") -> str:  # noqa: ANN001
    html = client.get(url).text
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


def test_cases_headline(client) -> None:  # noqa: ANN001
    [c] = client.get("/api/cases").json()
    assert c["id"] == CASE and c["documents"] == 5
    assert c["held_now"] >= 10 and c["open_conflicts"] >= 1 and c["updated_at"]


def test_casefile_and_grounding(client) -> None:  # noqa: ANN001
    cf = client.get(f"/api/cases/{CASE}").json()
    assert cf["schema"] == "casewatch.casefile/1"
    docs = {d["id"]: d["text"] for d in cf["documents"]}
    p = next(p for p in cf["persons"] if p["name"] == "Nazigul Maksutkhan")
    got = client.get(f"/api/cases/{CASE}/persons/{p['id']}").json()
    assert got["current_measure"] == "house_arrest"
    for ev in got["evidence"]:
        assert docs[ev["doc"]][ev["start"]:ev["end"]] == ev["quote"]


def test_document_spans_point_into_text(client) -> None:  # noqa: ANN001
    cf = client.get(f"/api/cases/{CASE}").json()
    doc = client.get(f"/api/cases/{CASE}/documents/{cf['documents'][0]['id']}").json()
    assert doc["spans"]
    for s in doc["spans"]:
        assert doc["text"][s["start"]:s["end"]] == s["quote"] and s["id"] == f"s-{s['start']}-{s['end']}"


@pytest.mark.parametrize("url", ["/api/cases/nope", f"/api/cases/{CASE}/persons/p9999", f"/api/cases/{CASE}/documents/dnope",
                                 "/api/cases/nope/judgements"])
def test_unknown_ids_are_404_json(client, url: str) -> None:  # noqa: ANN001
    r = client.get(url)
    assert r.status_code == 404 and r.json()["detail"]


def test_unknown_page_is_404_html(client) -> None:  # noqa: ANN001
    r = client.get("/cases/nope")
    assert r.status_code == 404 and "no case named" in r.text and r.headers["content-type"].startswith("text/html")


def test_openapi(client) -> None:  # noqa: ANN001
    paths = client.get("/openapi.json").json()["paths"]
    for p in ("/api/cases", "/api/cases/{case}", "/api/cases/{case}/persons/{pid}", "/api/cases/{case}/documents/{doc}",
              "/api/cases/{case}/judgements", "/api/cases/{case}/upload", "/api/search"):
        assert p in paths
    assert not any(not p.startswith("/api") for p in paths)


def test_merge_then_undo(client) -> None:  # noqa: ANN001
    before = client.get(f"/api/cases/{CASE}").json()["persons"]
    r = client.post(f"/api/cases/{CASE}/judgements", headers=W,
                    json={"kind": "merge", "payload": {"kind": "person", "a": "Ergali Nurlybayev", "b": "Erbol Nurlybayev"}})
    assert r.status_code == 201, r.text
    jid = r.json()["id"]
    after = client.get(f"/api/cases/{CASE}").json()["persons"]
    assert len(after) == len(before) - 1
    assert client.post(f"/api/cases/{CASE}/judgements/{jid}/undo", headers=W).status_code == 204
    assert len(client.get(f"/api/cases/{CASE}").json()["persons"]) == len(before)
    assert client.post(f"/api/cases/{CASE}/judgements/{jid}/undo", headers=W).status_code == 404
    log = client.get(f"/api/cases/{CASE}/judgements").json()
    assert log[0]["id"] == jid and log[0]["undone_at"]


def test_conflict_judgement(client) -> None:  # noqa: ANN001
    c = client.get(f"/api/cases/{CASE}").json()["conflicts"][0]
    value = c["claims"][1]["value"]
    r = client.post(f"/api/cases/{CASE}/judgements", headers=W,
                    json={"kind": "conflict", "payload": {"key": c["key"], "stands": value, "note": "court record"}})
    assert r.status_code == 201
    c2 = next(x for x in client.get(f"/api/cases/{CASE}").json()["conflicts"] if x["key"] == c["key"])
    assert c2["status"] == "resolved" and c2["resolution"]["stands"] == value


@pytest.mark.parametrize("body", [
    {"kind": "explode", "payload": {}},
    {"kind": "merge", "payload": {"kind": "person", "a": "Nobody Atall", "b": "Erbol Nurlybayev"}},
    {"kind": "merge", "payload": {"kind": "person", "a": "Erbol Nurlybayev", "b": "Erbol Nurlybayev"}},
    {"kind": "conflict", "payload": {"key": "nope", "stands": "x"}},
    {"kind": "role", "payload": {"name": "Erbol Nurlybayev", "role": "king"}},
    {"kind": "split"},
])
def test_bad_judgements_are_422(client, body) -> None:  # noqa: ANN001
    r = client.post(f"/api/cases/{CASE}/judgements", headers=W, json=body)
    assert r.status_code == 422 and r.json()["detail"]


def test_api_writes_need_the_client_header(client) -> None:  # noqa: ANN001
    r = client.post(f"/api/cases/{CASE}/judgements", json={"kind": "split", "payload": {"kind": "person", "name": "Turgunbay"}})
    assert r.status_code == 403


def test_upload_text_adds_people(client) -> None:  # noqa: ANN001
    text = ("Almaty court jails activist Zhanar Kenzhebekova\n\nOn 2 March 2026 the Almaty court placed activist "
            "Zhanar Kenzhebekova in pretrial detention for two months, her lawyer Aigerim Dauletova said.")
    r = client.post(f"/api/cases/{CASE}/upload", headers=W, data={"text": text, "published": "2026-03-03"})
    assert r.status_code == 201, r.text
    assert r.json()["added"]
    names = [p["name"] for p in client.get(f"/api/cases/{CASE}").json()["persons"]]
    assert "Zhanar Kenzhebekova" in names
    again = client.post(f"/api/cases/{CASE}/upload", headers=W, data={"text": text, "published": "2026-03-03"})
    assert again.json()["skipped"] and not again.json()["added"]


def test_upload_limits(client, settings) -> None:  # noqa: ANN001
    big = b"x" * (settings.max_upload_bytes + 200 * 1024)
    r = client.post(f"/api/cases/{CASE}/upload", headers=W, files={"file": ("big.txt", big, "text/plain")})
    assert r.status_code == 413 and "limit" in r.json()["detail"]
    just_over = b"word " * (settings.max_upload_bytes // 5 + 10)
    r = client.post(f"/api/cases/{CASE}/upload", headers=W, files={"file": ("over.txt", just_over, "text/plain")})
    assert r.status_code == 413
    r = client.post(f"/api/cases/{CASE}/upload", headers=W, files={"file": ("x.exe", b"MZ....", "application/octet-stream")})
    assert r.status_code == 400 and "unsupported file type" in r.json()["detail"]
    r = client.post(f"/api/cases/{CASE}/upload", headers=W, data={})
    assert r.status_code == 422
    assert client.post("/api/cases/nope/upload", headers=W, data={"text": "hello"}).status_code == 404


def test_create_case_api(client) -> None:  # noqa: ANN001
    r = client.post("/api/cases", headers=W, json={"id": "yeni-dalga", "title": "Yeni Dalga"})
    assert r.status_code == 201 and r.json()["held_now"] == 0
    assert client.post("/api/cases", headers=W, json={"id": "yeni-dalga"}).status_code == 422
    assert client.post("/api/cases", headers=W, json={"id": "Bad Id!"}).status_code == 422


# the HTML forms -------------------------------------------------------------
def test_forms_refuse_a_missing_or_wrong_csrf_token(client) -> None:  # noqa: ANN001
    client.get("/")
    assert client.post("/cases", data={"id": "x1"}).status_code == 403
    assert client.post("/cases", data={"id": "x1", "csrf": "forged" * 8}).status_code == 403
    assert client.post(f"/cases/{CASE}/review/merge", data={"a": "Ergali Nurlybayev", "b": "Erbol Nurlybayev"}).status_code == 403
    assert client.post(f"/cases/{CASE}/upload", data={"text": "hello there"}).status_code == 403
    fresh = type(client)(client.app)  # another browser, signed in as no one: sent to sign in, nothing made
    r = fresh.post("/cases", data={"id": "x1", "csrf": token(client)}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/login")
    # the double-submit cookie alone (any value, with the same value in the form) is no longer enough
    assert client.post("/cases", data={"id": "x1", "csrf": client.cookies.get("cw_csrf")}).status_code == 403
    assert client.get("/api/cases").json()[0]["id"] == CASE and len(client.get("/api/cases").json()) == 1


def test_form_flow_create_case_and_resolve_conflict(client) -> None:  # noqa: ANN001
    t = token(client)
    r = client.post("/cases", data={"id": "second", "title": "Second", "csrf": t}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/cases/second"
    r = client.post("/cases", data={"id": "Bad Id", "csrf": t})
    assert r.status_code == 422 and "case id" in r.text
    c = client.get(f"/api/cases/{CASE}").json()["conflicts"][0]
    r = client.post(f"/cases/{CASE}/conflicts", data={"key": c["key"], "stands": c["claims"][0]["value"], "note": "", "csrf": t})
    assert r.status_code == 200 and "Stands:" in r.text


def test_cookie_and_security_headers(anonymous) -> None:  # noqa: ANN001
    r = anonymous.get("/login")
    assert "cw_csrf" in r.cookies and "samesite=strict" in r.headers["set-cookie"].lower()
    assert "script-src 'self'" in r.headers["content-security-policy"]
    from .conftest import sign_in
    r = sign_in(anonymous).get("/")
    assert r.status_code == 200 and r.headers["cache-control"] == "no-store"  # a case page stays out of caches


def test_hostile_report_is_escaped(client) -> None:  # noqa: ANN001
    text = ('<script>window.__pwned = 1</script> Report on Daulet Serikbayev\n\n'
            'Activist Daulet Serikbayev was detained on 4 March 2026. <img src=x onerror="window.__pwned=1"> '
            '<a href="javascript:alert(1)">x</a>')
    r = client.post(f"/api/cases/{CASE}/upload", headers=W, data={"text": text, "title": "<b onmouseover=alert(1)>t</b>"})
    assert r.status_code == 201
    cf = client.get(f"/api/cases/{CASE}").json()
    doc = next(d for d in cf["documents"] if "__pwned" in d["text"])
    for url in (f"/cases/{CASE}/documents/{doc['id']}", f"/cases/{CASE}", f"/cases/{CASE}/timeline"):
        html = client.get(url).text
        assert "<script>window" not in html and "<img src=x" not in html and "<b onmouseover" not in html
    html = client.get(f"/cases/{CASE}/documents/{doc['id']}").text
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html


def test_every_page_renders(client) -> None:  # noqa: ANN001
    cf = client.get(f"/api/cases/{CASE}").json()
    for url in ("/", f"/cases/{CASE}", f"/cases/{CASE}/timeline", f"/cases/{CASE}/persons/{cf['persons'][0]['id']}",
                f"/cases/{CASE}/documents/{cf['documents'][0]['id']}", f"/cases/{CASE}/conflicts",
                f"/cases/{CASE}/review", f"/cases/{CASE}/upload", "/search", f"/search?case={CASE}&q=detained"):
        r = client.get(url)
        assert r.status_code == 200, url
