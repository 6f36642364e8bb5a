"""The case page and the reader name a report the extractor does not read as "not read", with its language."""
from __future__ import annotations

from pathlib import Path

from casewatch.pipeline import ingest_paths
from casewatch.settings import Settings
from casewatch.store import Store
from casewatch.store.accounts import Accounts
from tests.ingest.test_language import ENGLISH, RUSSIAN
from tests.web.conftest import PASSWORD, sign_in


def test_case_page_shows_a_russian_report_as_not_read(tmp_path: Path):
    from fastapi.testclient import TestClient

    from casewatch.web import create_app
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "en.txt").write_text(ENGLISH, encoding="utf-8")
    (folder / "ru.txt").write_text(RUSSIAN, encoding="utf-8")
    settings = Settings(db_url=f"sqlite:///{tmp_path / 'cw.db'}", hosts=("testserver",))
    store = Store(settings.db_url)
    rep = ingest_paths(store, "kazan", [folder], settings)
    assert len(rep.added) == 2 and [Path(n).name for n, _ in rep.unread] == ["ru.txt"]
    Accounts(store).add("ada", PASSWORD, "admin")
    ru = next(d for d in store.documents("kazan") if d.filename == "ru.txt")
    with TestClient(create_app(settings)) as c:
        sign_in(c)
        page = c.get("/cases/kazan").text
        assert page.count("not read: in Russian") == 1 and "not read: in English" not in page
        reader = c.get(f"/cases/kazan/documents/{ru.id}").text
        assert "Not read: this report is in Russian, and the extractor reads English." in reader
        assert "Игорь Семёнов" in reader  # stored, and shown as it is
