"""Fixtures for the web and API tests: a real SQLite database holding the seeds.

The seeds are ingested once per session (the language model loads once);
each test gets its own copy of that database file, so writes never leak.
"""
from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path
from typing import Iterator

import pytest

from casewatch.settings import Settings
from tests.conftest import EXAMPLES, SEEDS

CASE = "atajurt"
PASSWORD = "correct horse battery"
# one account of each role; eddie and vera are granted the seed case (olga, an editor, is granted none)
ACCOUNTS = {"ada": "admin", "eddie": "editor", "vera": "viewer"}


@pytest.fixture(scope="session")
def seeded_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"no seeds at {SEEDS}")
    from casewatch.pipeline import ingest_paths
    from casewatch.store import Store
    path = tmp_path_factory.mktemp("seeded") / "cw.db"
    store = Store(f"sqlite:///{path}")
    rep = ingest_paths(store, CASE, [SEEDS], Settings(db_url=store.url), title="Atajurt activists")
    assert rep.added and not rep.failed
    from casewatch.store.accounts import Accounts
    acc = Accounts(store)
    for name, role in ACCOUNTS.items():
        acc.add(name, PASSWORD, role)
    for name in ("eddie", "vera"):
        acc.grant(name, CASE)
    acc.add("olga", PASSWORD, "editor")  # an editor with no case granted
    store.close()
    return path


# an example case written for the project, every name in it invented: the pages a clone without the shared kit
# can test, and the checked-in screenshots (docs/screenshots), which show no real person
EXAMPLE = "azerbaijan_yeni_dalga"


@pytest.fixture(scope="session")
def example_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from casewatch.pipeline import ingest_paths
    from casewatch.store import Store
    from casewatch.store.accounts import Accounts
    path = tmp_path_factory.mktemp("example") / "cw.db"
    store = Store(f"sqlite:///{path}")
    rep = ingest_paths(store, EXAMPLE, [EXAMPLES / EXAMPLE], Settings(db_url=store.url), title="Yeni Dalga journalists")
    assert rep.added and not rep.failed
    Accounts(store).add("ada", PASSWORD, "admin")
    store.close()
    return path


def _copy(db: Path, tmp_path: Path) -> Settings:
    """A copy of a prepared database for one test, so writes never leak."""
    to = tmp_path / "cw.db"
    for suffix in ("", "-wal", "-shm"):
        src = Path(str(db) + suffix)
        if src.exists():
            shutil.copy(src, str(to) + suffix)
    return Settings(db_url=f"sqlite:///{to}", max_upload_bytes=64 * 1024,
                    hosts=("127.0.0.1", "localhost", "testserver"))


@pytest.fixture
def settings(seeded_db: Path, tmp_path: Path) -> Settings:
    return _copy(seeded_db, tmp_path)


@pytest.fixture
def example_settings(example_db: Path, tmp_path: Path) -> Settings:
    return _copy(example_db, tmp_path)


def sign_in(c, name: str = "ada", password: str = PASSWORD):  # noqa: ANN001, ANN201
    """Sign a TestClient in through the login form, as a browser does."""
    c.get("/login")
    r = c.post("/login", data={"name": name, "password": password, "csrf": c.cookies.get("cw_csrf"), "next": "/"},
               follow_redirects=False)
    assert r.status_code == 303, r.text
    return c


@pytest.fixture
def client(settings: Settings) -> Iterator:
    from fastapi.testclient import TestClient

    from casewatch.web import create_app
    with TestClient(create_app(settings)) as c:
        yield sign_in(c)


@pytest.fixture
def anonymous(settings: Settings) -> Iterator:
    from fastapi.testclient import TestClient

    from casewatch.web import create_app
    with TestClient(create_app(settings)) as c:
        yield c


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(settings: Settings) -> Iterator[str]:
    """uvicorn in a thread on 127.0.0.1 with a free port; yields the base URL."""
    import uvicorn

    from casewatch.web import create_app
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning"))
    t = threading.Thread(target=server.run, daemon=True)
    t.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not t.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    t.join(10)


@pytest.fixture
def live_server(settings: Settings) -> Iterator[str]:
    yield from serve(settings)


@pytest.fixture
def example_server(example_settings: Settings) -> Iterator[str]:
    """The workspace on the example case (no shared kit needed)."""
    yield from serve(example_settings)
