"""Issue 14: "a failed ingest leaves an empty case behind". An ingest that stores nothing (every file failed, or
none of a type accepted) makes no case; a case that was there before, or that got a report, stays."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from casewatch.api.service import create_case
from casewatch.pipeline import ingest_paths
from casewatch.settings import Settings
from casewatch.store import Store
from tests.conftest import EXAMPLES, ROOT

GOOD = EXAMPLES / "egypt_matariya" / "001_ncdr_statement.txt"


def _bad(tmp_path: Path) -> Path:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0 not a report")
    return bad


def test_an_ingest_where_every_file_fails_makes_no_case(tmp_path: Path):
    url = f"sqlite:///{tmp_path / 'cw.db'}"
    store = Store(url)
    rep = ingest_paths(store, "turkey", [_bad(tmp_path), tmp_path / "missing.txt"], Settings(db_url=url))
    assert rep.added == [] and len(rep.failed) == 2 and len(rep.ignored) == 1
    assert rep.dropped and store.cases() == []


def test_a_folder_with_no_accepted_file_makes_no_case(tmp_path: Path):
    url = f"sqlite:///{tmp_path / 'cw.db'}"
    store = Store(url)
    only = tmp_path / "only"
    only.mkdir()
    (only / "scan.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    rep = ingest_paths(store, "c", [only], Settings(db_url=url))
    assert rep.ignored and not rep.failed and store.cases() == []


def test_a_case_made_before_stays_when_an_ingest_into_it_fails(tmp_path: Path):
    """A case made in the workspace, empty until its first upload, is the team's: a failed ingest keeps it."""
    url = f"sqlite:///{tmp_path / 'cw.db'}"
    store = Store(url)
    create_case(store, "turkey", "Turkey")
    rep = ingest_paths(store, "turkey", [_bad(tmp_path)], Settings(db_url=url))
    assert not rep.dropped and [c["id"] for c in store.cases()] == ["turkey"]


def test_the_cli_says_no_case_was_made_and_a_good_file_beside_a_bad_one_makes_it(tmp_path: Path):
    exe = Path(sys.executable).parent / "casewatch"
    env = {"CASEWATCH_DB": str(tmp_path / "cli.db"), "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)}
    bad = _bad(tmp_path)
    r = subprocess.run([str(exe), "ingest", "--case", "turkey", str(bad)], capture_output=True, text=True, env=env)
    assert r.returncode == 1 and "no case was made" in r.stdout, r.stdout + r.stderr
    r = subprocess.run([str(exe), "cases"], capture_output=True, text=True, env=env)
    assert "no cases yet" in r.stdout, r.stdout
    r = subprocess.run([str(exe), "ingest", "--case", "egypt", str(bad), str(GOOD)], capture_output=True, text=True,
                       env=env)
    assert r.returncode == 1 and "1 added" in r.stdout and "no case was made" not in r.stdout, r.stdout + r.stderr
    assert [c["id"] for c in Store(f"sqlite:///{tmp_path / 'cli.db'}").cases()] == ["egypt"]
