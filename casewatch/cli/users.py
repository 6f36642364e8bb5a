"""`casewatch user …`: the accounts of the web workspace and the API (issue 13), and `casewatch audit`."""
from __future__ import annotations

import getpass
from typing import Optional

import typer
from rich.markup import escape

from . import app, console, state

users = typer.Typer(help="Accounts: add, list, passwd, role, disable, enable, grant, revoke, token.",
                    no_args_is_help=True)
app.add_typer(users, name="user")


def _accounts():
    from ..store.accounts import Accounts
    return Accounts(state.store())


def _by() -> str:
    """Who acts at the terminal, as the audit log records it."""
    try:
        return "cli:" + getpass.getuser()
    except Exception:  # noqa: BLE001
        return "cli"


def _password(given: Optional[str]) -> str:
    """The password from --password-stdin's line, or asked twice at the terminal (never on the command line)."""
    if given is not None:
        return given
    a = getpass.getpass("password (10 characters or more): ")
    if a != getpass.getpass("again: "):
        raise typer.BadParameter("the two passwords differ")
    return a


def _stdin(flag: bool) -> Optional[str]:
    import sys
    return sys.stdin.readline().rstrip("\n") if flag else None


@users.command("add")
def add(name: str, role: str = typer.Option("viewer", "--role", help="admin, editor or viewer"),
        password_stdin: bool = typer.Option(False, "--password-stdin", help="Read the password from standard input.")) -> None:
    """Add an account."""
    acc = _accounts()
    acc.add(name, _password(_stdin(password_stdin)), role)
    acc.log(_by(), "user_add", detail=f"{name} ({role})")
    console.print(f"added {escape(name)} ({role})")


@users.command("list")
def list_() -> None:
    """The accounts, their roles and the cases granted to them."""
    from rich.table import Table
    t = Table("name", "role", "state", "cases", "since")
    for u in _accounts().list():
        t.add_row(escape(u["name"]), u["role"], "disabled" if u["disabled"] else "enabled",
                  escape(", ".join(u["cases"])) if u["role"] != "admin" else "all", u["created_at"][:10])
    console.print(t)


@users.command("passwd")
def passwd(name: str, password_stdin: bool = typer.Option(False, "--password-stdin")) -> None:
    """Set an account's password (its sessions end)."""
    acc = _accounts()
    acc.set_password(name, _password(_stdin(password_stdin)))
    acc.log(_by(), "user_passwd", detail=name)
    console.print(f"password of {escape(name)} changed")


@users.command("role")
def role(name: str, role: str) -> None:
    """Give an account another role (admin, editor, viewer)."""
    acc = _accounts()
    acc.set_role(name, role)
    acc.log(_by(), "user_role", detail=f"{name} -> {role}")
    console.print(f"{escape(name)} is now {role}")


@users.command("disable")
def disable(name: str) -> None:
    """Disable an account: its sessions and API tokens end at once."""
    acc = _accounts()
    acc.disable(name)
    acc.log(_by(), "user_disable", detail=name)
    console.print(f"{escape(name)} disabled")


@users.command("enable")
def enable(name: str) -> None:
    """Enable a disabled account again."""
    acc = _accounts()
    acc.disable(name, False)
    acc.log(_by(), "user_enable", detail=name)
    console.print(f"{escape(name)} enabled")


@users.command("grant")
def grant(name: str, case: str) -> None:
    """Let an editor or a viewer work on a case."""
    acc = _accounts()
    state.store().case(case)  # the case must exist
    acc.grant(name, case)
    acc.log(_by(), "grant", case, name)
    console.print(f"{escape(name)} may now open {escape(case)}")


@users.command("revoke")
def revoke(name: str, case: str) -> None:
    """Take a case away from an account."""
    acc = _accounts()
    acc.revoke(name, case)
    acc.log(_by(), "revoke", case, name)
    console.print(f"{escape(name)} may no longer open {escape(case)}")


@users.command("token")
def token(name: str, label: str = typer.Option("", "--label", help="What the token is for.")) -> None:
    """A new API token for scripts (Authorization: Bearer …); shown once, only its digest is kept."""
    acc = _accounts()
    t = acc.new_token(name, label)
    acc.log(_by(), "token", detail=f"{name} {label}".strip())
    console.print(t, highlight=False, soft_wrap=True)


@app.command()
def audit(case: Optional[str] = typer.Option(None, "--case"), limit: int = typer.Option(200, "--limit"),
          csv: bool = typer.Option(False, "--csv", help="Write CSV to standard output.")) -> None:
    """The audit log: who signed in, changed, exported or administered what, when and from where."""
    rows = _accounts().audit(limit=limit, case=case)
    if csv:
        import csv as _csv
        import sys
        w = _csv.writer(sys.stdout)
        w.writerow(["at", "user", "action", "case", "detail", "address"])
        for r in rows:
            w.writerow([r["at"], r["user"], r["action"], r["case"], r["detail"], r["address"]])
        return
    from rich.table import Table
    t = Table("when (UTC)", "who", "what", "case", "detail", "from")
    for r in rows:
        t.add_row(r["at"], escape(r["user"] or ""), r["action"], escape(r["case"] or ""), escape(r["detail"] or ""),
                  r["address"] or "")
    console.print(t)


@app.command()
def backup(target: str = typer.Argument(..., help="The file to write the copy to.")) -> None:
    """A consistent copy of the whole database while it is in use: SQLite's online backup, or pg_dump's custom
    format for PostgreSQL (restore: copy the file back, or pg_restore -d URL FILE)."""
    import shutil
    import sqlite3
    import subprocess
    from pathlib import Path

    from ..errors import CasewatchError
    store = state.store()
    out = Path(target).expanduser().resolve()
    if out.exists():
        raise CasewatchError(f"{out} exists already: pick a new file")
    url = store.engine.url
    if url.get_backend_name() == "sqlite":
        src = sqlite3.connect(url.database)
        dst = sqlite3.connect(str(out))
        with dst:
            src.backup(dst)
        src.close()
        dst.close()
    else:
        if not shutil.which("pg_dump"):
            raise CasewatchError("pg_dump is not installed (PostgreSQL's client tools)")
        plain = url.set(drivername="postgresql").render_as_string(hide_password=False)
        r = subprocess.run(["pg_dump", "--format=custom", "--file", str(out), plain], capture_output=True, text=True)
        if r.returncode:
            raise CasewatchError(f"pg_dump failed: {r.stderr.strip()[:300]}")
    _accounts().log(_by(), "backup", detail=str(out))
    console.print(f"backup written to {escape(str(out))} ({out.stat().st_size:,} bytes)")
