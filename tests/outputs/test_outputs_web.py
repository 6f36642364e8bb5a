"""The dossier, the appeal and the communication from the JSON API and the case pages."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from casewatch.settings import Settings
from casewatch.web import create_app
from tests.outputs.pdftools import HAVE_PDF, needs_pdf

CASE = "seeds"


@pytest.fixture(scope="module")
def client(seeds_store):
    from casewatch.store.accounts import Accounts
    acc = Accounts(seeds_store)
    if "outputs" not in {u["name"] for u in acc.list()}:
        acc.add("outputs", "a long password", "admin")
    with TestClient(create_app(Settings(db_url=seeds_store.url, hosts=("testserver",)))) as c:
        c.headers["Authorization"] = f"Bearer {acc.new_token('outputs')}"  # the outputs are read as a signed-in script
        yield c


@pytest.mark.parametrize("kind", ["dossier", "appeal", "communication"])
def test_api_serves_each_format(client, kind):
    r = client.get(f"/api/cases/{CASE}/{kind}")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/markdown") and "[1]" in r.text
    r = client.get(f"/api/cases/{CASE}/{kind}", params={"format": "html"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert 'href="#note-1"' in r.text and "<script" not in r.text
    csp = r.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src" not in csp
    assert client.get(f"/api/cases/{CASE}/{kind}", params={"format": "docx"}).status_code == 422
    r = client.get(f"/api/cases/nosuchcase/{kind}")
    assert r.status_code == 404 and "nosuchcase" in r.json()["detail"]


@needs_pdf
def test_api_dossier_pdf(client):
    r = client.get(f"/api/cases/{CASE}/dossier", params={"format": "pdf"})
    assert r.status_code == 200 and r.headers["content-type"] == "application/pdf" and r.content[:5] == b"%PDF-"


def test_api_communications_received_and_the_state_written_to(client):
    r = client.get(f"/api/cases/{CASE}/communications")
    assert r.status_code == 200 and r.json() and all(c["reference"] and c["evidence"] for c in r.json())
    assert client.get("/api/cases/nosuchcase/communications").status_code == 404
    r = client.get(f"/api/cases/{CASE}/communication", params={"state": "Ruritania"})
    assert r.text.startswith("# Communication to the Government of Ruritania")
    paths = client.get("/openapi.json").json()["paths"]
    assert {f"/api/cases/{{case}}/{k}" for k in ("dossier", "appeal", "communication", "communications")} <= set(paths)


def test_case_pages_link_to_the_documents_and_serve_them(client):
    overview = client.get(f"/cases/{CASE}")
    assert overview.status_code == 200
    for kind in ("dossier", "appeal", "communication"):
        assert f'href="/cases/{CASE}/{kind}"' in overview.text
        r = client.get(f"/cases/{CASE}/{kind}")
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
        assert f'href="/cases/{CASE}"' in r.text and f'href="/cases/{CASE}/{kind}.pdf"' in r.text
    if HAVE_PDF:
        r = client.get(f"/cases/{CASE}/dossier.pdf")
        assert r.status_code == 200 and r.content[:5] == b"%PDF-" and "attachment" in r.headers["content-disposition"]
    assert client.get("/cases/nosuchcase/dossier").status_code == 404
    assert client.get(f"/cases/{CASE}/nothing.pdf").status_code == 404


@needs_pdf
def test_a_case_id_cannot_break_the_pdfs_content_disposition(tmp_path):
    """A case made at the command line may have any id; its PDF's file name must not end the header or add one."""
    from urllib.parse import quote

    from casewatch.pipeline import ingest_paths
    from casewatch.store import Store
    from casewatch.store.accounts import Accounts
    case = 'x"; filename="evil.exe'
    report = tmp_path / "r.txt"
    report.write_text("Police arrested the activist Daniel Okafor in Abuja on 3 March 2026.", encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'c.db'}"
    store = Store(url)
    ingest_paths(store, case, [report], Settings(db_url=url))
    acc = Accounts(store)
    acc.add("ada", "a long password", "admin")
    with TestClient(create_app(Settings(db_url=url, hosts=("testserver",)))) as c:
        c.headers["Authorization"] = f"Bearer {acc.new_token('ada')}"
        r = c.get(f"/cases/{quote(case, safe='')}/dossier.pdf")
    assert r.status_code == 200, r.text[:300]
    header = r.headers["content-disposition"]
    assert header.count('"') == 2 and "evil.exe\"" not in header and 'filename="x__' in header
