"""Accounts (issue 13): hashed passwords, sessions that end, tokens stored as digests, the audit log, and the
`casewatch user` commands a team runs."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from casewatch.errors import AlreadyThere, Invalid
from casewatch.store import Store
from casewatch.store.accounts import Accounts

EXE = Path(sys.executable).parent / "casewatch"


def test_passwords_are_hashed_and_sessions_end(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'a.db'}")
    acc = Accounts(store)
    user = acc.add("ada", "a long password", "editor")
    with pytest.raises(AlreadyThere):
        acc.add("ada", "another long one", "viewer")
    with pytest.raises(Invalid):
        acc.add("bob", "short", "viewer")
    with store.engine.connect() as c:
        stored = c.execute(text("SELECT password_hash FROM users")).scalar_one()
    assert stored.startswith("$argon2") and "a long password" not in stored
    assert acc.verify("ada", "a long password") == user and acc.verify("ada", "wrong password") is None
    token, csrf = acc.open_session(user)
    assert acc.session(token) == (user, csrf)
    with store.engine.connect() as c:  # only the digest of a session token is kept
        assert c.execute(text("SELECT COUNT(*) FROM sessions WHERE token_hash=:t"), {"t": token}).scalar_one() == 0
    acc.set_password("ada", "a new long password")
    assert acc.session(token) is None  # a changed password ends every session
    api = acc.new_token("ada", "script")
    assert acc.token_user(api) == user
    acc.disable("ada")
    assert acc.token_user(api) is None and acc.verify("ada", "a new long password") is None


def test_the_user_commands_and_the_audit_log(tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")

    def cw(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
        return subprocess.run([str(EXE), "--db", db, *args], input=stdin, capture_output=True, text=True)
    r = cw("user", "add", "ada", "--role", "admin", "--password-stdin", stdin="a long password\n")
    assert r.returncode == 0, r.stderr
    assert cw("user", "add", "eve", "--role", "boss", "--password-stdin", stdin="a long password\n").returncode == 2
    assert "ada" in cw("user", "list").stdout
    assert cw("user", "grant", "ada", "no-such-case").returncode == 2
    r = cw("audit", "--csv")
    assert r.returncode == 0 and "user_add" in r.stdout and "ada (admin)" in r.stdout


def test_backup_is_a_working_copy_of_the_database(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    subprocess.run([str(EXE), "--db", str(db), "user", "add", "ada", "--role", "admin", "--password-stdin"],
                   input="a long password\n", capture_output=True, text=True, check=True)
    r = subprocess.run([str(EXE), "--db", str(db), "backup", str(tmp_path / "copy.db")], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    copy = Accounts(Store(f"sqlite:///{tmp_path / 'copy.db'}"))
    assert copy.verify("ada", "a long password") is not None  # the copy opens and holds what was there
    again = subprocess.run([str(EXE), "--db", str(db), "backup", str(tmp_path / "copy.db")], capture_output=True, text=True)
    assert again.returncode == 2 and "exists already" in again.stderr  # never overwrites


@pytest.mark.postgres
@pytest.mark.skipif(not __import__("os").environ.get("CASEWATCH_TEST_PG"), reason="set CASEWATCH_TEST_PG to a PostgreSQL URL")
def test_backup_of_postgres_with_pg_dump(tmp_path: Path) -> None:
    import os
    import shutil
    if not shutil.which("pg_dump"):
        pytest.skip("no pg_dump (PostgreSQL's client tools)")
    url = os.environ["CASEWATCH_TEST_PG"]
    Accounts(Store(url))  # the tables exist
    r = subprocess.run([str(EXE), "--db", url, "backup", str(tmp_path / "pg.dump")], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "pg.dump").read_bytes()[:5] == b"PGDMP"  # pg_dump's custom format
