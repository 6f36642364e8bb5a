"""Who may use casewatch: accounts with a role, their grants on cases, sessions, API tokens, and the audit log.

Roles: an **admin** manages accounts and may read and change every case; an **editor** ingests, judges and
exports the cases granted to them (and the cases they create); a **viewer** reads the cases granted to them.
Passwords are hashed with argon2 (argon2-cffi); a session or an API token is a random secret whose SHA-256
digest alone is stored.  Every write of consequence leaves a row in the append-only audit log.
"""
from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from ..errors import AlreadyThere, Invalid, NotFound

ROLES = ("admin", "editor", "viewer")
SESSION_HOURS = 12
MIN_PASSWORD = 10


@dataclass(frozen=True)
class User:
    name: str
    role: str
    disabled: bool = False

    def can(self, action: str, case: str | None, granted: frozenset[str]) -> bool:
        """`action`: read | write | admin.  An admin may do all; the others only on the cases granted to them."""
        if self.disabled:
            return False
        if self.role == "admin":
            return True
        if action == "admin":
            return False
        if action == "write" and self.role != "editor":
            return False
        return case is None or case in granted


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _iso(t: datetime) -> str:
    return t.isoformat(timespec="seconds")


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _hasher():
    from argon2 import PasswordHasher
    return PasswordHasher()


class Accounts:
    """The account tables of a Store."""

    def __init__(self, store: Any):
        self.engine = store.engine

    # accounts -------------------------------------------------------------------
    def count(self) -> int:
        with self.engine.connect() as c:
            return c.execute(text("SELECT COUNT(*) FROM users")).scalar_one()

    def add(self, name: str, password: str, role: str) -> User:
        name = name.strip()
        if not name or len(name) > 100 or any(ch.isspace() for ch in name):
            raise Invalid("a user name is one word of at most 100 characters")
        if role not in ROLES:
            raise Invalid(f"role must be one of {', '.join(ROLES)}")
        _check_password(password)
        try:
            with self.engine.begin() as c:
                c.execute(text("INSERT INTO users (name, password_hash, role, disabled, created_at) "
                               "VALUES (:n, :h, :r, 0, :t)"),
                          {"n": name, "h": _hasher().hash(password), "r": role, "t": _iso(_now())})
        except IntegrityError:
            raise AlreadyThere(f"user {name} exists already") from None
        return User(name, role)

    def get(self, name: str) -> User:
        with self.engine.connect() as c:
            r = c.execute(text("SELECT name, role, disabled FROM users WHERE name=:n"), {"n": name}).first()
        if r is None:
            raise NotFound(f"no user {name}")
        return User(r[0], r[1], bool(r[2]))

    def list(self) -> list[dict[str, Any]]:
        with self.engine.connect() as c:
            rows = c.execute(text("SELECT name, role, disabled, created_at FROM users ORDER BY name")).all()
            grants = c.execute(text("SELECT user_name, case_id FROM grants ORDER BY case_id")).all()
        by: dict[str, list[str]] = {}
        for u, case in grants:
            by.setdefault(u, []).append(case)
        return [{"name": r[0], "role": r[1], "disabled": bool(r[2]), "created_at": r[3], "cases": by.get(r[0], [])}
                for r in rows]

    def set_password(self, name: str, password: str) -> None:
        _check_password(password)
        self.get(name)
        with self.engine.begin() as c:
            c.execute(text("UPDATE users SET password_hash=:h WHERE name=:n"), {"h": _hasher().hash(password), "n": name})
            c.execute(text("DELETE FROM sessions WHERE user_name=:n"), {"n": name})  # every other login ends

    def set_role(self, name: str, role: str) -> None:
        if role not in ROLES:
            raise Invalid(f"role must be one of {', '.join(ROLES)}")
        self.get(name)
        with self.engine.begin() as c:
            c.execute(text("UPDATE users SET role=:r WHERE name=:n"), {"r": role, "n": name})

    def disable(self, name: str, disabled: bool = True) -> None:
        self.get(name)
        with self.engine.begin() as c:
            c.execute(text("UPDATE users SET disabled=:d WHERE name=:n"), {"d": int(disabled), "n": name})
            if disabled:
                c.execute(text("DELETE FROM sessions WHERE user_name=:n"), {"n": name})
                c.execute(text("DELETE FROM api_tokens WHERE user_name=:n"), {"n": name})

    def verify(self, name: str, password: str) -> User | None:
        """The user if the password is theirs and the account is enabled, else None (same cost either way)."""
        from argon2.exceptions import InvalidHashError, VerificationError
        with self.engine.connect() as c:
            r = c.execute(text("SELECT name, role, disabled, password_hash FROM users WHERE name=:n"), {"n": name}).first()
        h = r[3] if r else _dummy_hash()
        try:
            _hasher().verify(h, password)
        except (VerificationError, InvalidHashError):
            return None
        if r is None or r[2]:
            return None
        return User(r[0], r[1], False)

    # grants ---------------------------------------------------------------------
    def grant(self, name: str, case: str) -> None:
        self.get(name)
        with self.engine.begin() as c:
            if c.execute(text("SELECT 1 FROM grants WHERE user_name=:n AND case_id=:c"), {"n": name, "c": case}).first():
                return
            c.execute(text("INSERT INTO grants (user_name, case_id) VALUES (:n, :c)"), {"n": name, "c": case})

    def revoke(self, name: str, case: str) -> None:
        with self.engine.begin() as c:
            c.execute(text("DELETE FROM grants WHERE user_name=:n AND case_id=:c"), {"n": name, "c": case})

    def granted(self, name: str) -> frozenset[str]:
        with self.engine.connect() as c:
            return frozenset(r[0] for r in c.execute(text("SELECT case_id FROM grants WHERE user_name=:n"), {"n": name}))

    # sessions and tokens ----------------------------------------------------------
    def open_session(self, user: User) -> tuple[str, str]:
        """(session token, its CSRF token): the browser keeps the first in a cookie, forms carry the second."""
        token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        with self.engine.begin() as c:
            c.execute(text("DELETE FROM sessions WHERE expires_at < :t"), {"t": _iso(_now())})
            c.execute(text("INSERT INTO sessions (token_hash, user_name, csrf, created_at, expires_at) "
                           "VALUES (:h, :n, :x, :t, :e)"),
                      {"h": digest(token), "n": user.name, "x": csrf, "t": _iso(_now()),
                       "e": _iso(_now() + timedelta(hours=SESSION_HOURS))})
        return token, csrf

    def session(self, token: str) -> tuple[User, str] | None:
        """(user, CSRF token) of a live session of an enabled account, else None."""
        with self.engine.connect() as c:
            r = c.execute(text("SELECT u.name, u.role, u.disabled, s.csrf, s.expires_at FROM sessions s "
                               "JOIN users u ON u.name = s.user_name WHERE s.token_hash=:h"), {"h": digest(token)}).first()
        if r is None or r[2] or r[4] < _iso(_now()):
            return None
        return User(r[0], r[1], False), r[3]

    def close_session(self, token: str) -> None:
        with self.engine.begin() as c:
            c.execute(text("DELETE FROM sessions WHERE token_hash=:h"), {"h": digest(token)})

    def new_token(self, name: str, label: str = "") -> str:
        """An API token for scripts (sent as "Authorization: Bearer …"); shown once, stored as its digest."""
        self.get(name)
        token = "cw_" + secrets.token_urlsafe(32)
        with self.engine.begin() as c:
            c.execute(text("INSERT INTO api_tokens (token_hash, user_name, label, created_at) VALUES (:h, :n, :l, :t)"),
                      {"h": digest(token), "n": name, "l": label, "t": _iso(_now())})
        return token

    def token_user(self, token: str) -> User | None:
        with self.engine.connect() as c:
            r = c.execute(text("SELECT u.name, u.role, u.disabled FROM api_tokens t JOIN users u ON u.name = t.user_name "
                               "WHERE t.token_hash=:h"), {"h": digest(token)}).first()
        return User(r[0], r[1], False) if r and not r[2] else None

    # audit ----------------------------------------------------------------------
    def log(self, user: str | None, action: str, case: str | None = None, detail: str = "", address: str | None = None) -> None:
        with self.engine.begin() as c:
            c.execute(text("INSERT INTO audit (at, user_name, action, case_id, detail, address) VALUES (:t, :u, :a, :c, :d, :ip)"),
                      {"t": _iso(_now()), "u": user, "a": action, "c": case, "d": detail[:1000], "ip": address})

    def audit(self, limit: int = 500, case: str | None = None) -> list[dict[str, Any]]:
        q = "SELECT id, at, user_name, action, case_id, detail, address FROM audit"
        params: dict[str, Any] = {"l": limit}
        if case:
            q += " WHERE case_id=:c"
            params["c"] = case
        with self.engine.connect() as c:
            rows = c.execute(text(q + " ORDER BY id DESC LIMIT :l"), params).all()
        return [dict(zip(("id", "at", "user", "action", "case", "detail", "address"), r)) for r in rows]


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise Invalid(f"a password has at least {MIN_PASSWORD} characters")


_DUMMY: list[str] = []


def _dummy_hash() -> str:
    """A hash to verify against when the name is unknown, so that a wrong name costs what a wrong password does."""
    if not _DUMMY:
        _DUMMY.append(_hasher().hash(secrets.token_urlsafe(16)))
    return _DUMMY[0]
