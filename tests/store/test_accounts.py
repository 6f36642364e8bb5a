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
