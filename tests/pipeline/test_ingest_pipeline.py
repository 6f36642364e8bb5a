"""Ingest into a real SQLite database: idempotent, transactional, bad files reported one by one."""
from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from casewatch.errors import InputError
from casewatch.pipeline import ingest_paths
from casewatch.settings import Settings
from casewatch.store import Store
from tests.conftest import ROOT

GOOD = ROOT / "tests" / "ingest" / "fixtures" / "statement.txt"
GOOD2 = ROOT / "tests" / "ingest" / "fixtures" / "letter.txt"
PDF = ROOT / "tests" / "ingest" / "fixtures" / "verdict.pdf"


def dump(path: Path) -> str:
    """Every row of every table, as one fingerprint of the database's content."""
    con = sqlite3.connect(path)
    h = hashlib.sha256()
    for (t,) in con.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name"):
        for row in con.execute(f'SELECT * FROM "{t}" ORDER BY 1'):
            h.update(repr(row).encode())
    con.close()
    return h.hexdigest()


@pytest.fixture
def bad_dir(tmp_path: Path) -> Path:
    d = tmp_path / "bad"
    d.mkdir()
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (d / "latin1.txt").write_bytes("Défenseure arrêtée à Bakou le 3 mars.".encode("latin-1"))
    data = PDF.read_bytes()
    (d / "truncated.pdf").write_bytes(data[: len(data) // 2])
    (d / "huge.txt").write_bytes(b"word " * 50_000)
    return d


def test_bad_files_fail_one_by_one_and_leave_the_store_unchanged(tmp_path: Path, bad_dir: Path):
    db = tmp_path / "cw.db"
    settings = Settings(db_url=f"sqlite:///{db}", max_file_bytes=100_000)
    store = Store(settings.db_url)
    first = ingest_paths(store, "c", [GOOD], settings)
    assert len(first.added) == 1
    before = dump(db)
    rep = ingest_paths(store, "c", [bad_dir], settings, )
    reasons = {Path(e.file).name: e.reason for e in rep.failed}
    assert set(reasons) == {"empty.txt", "binary.txt", "latin1.txt", "truncated.pdf", "huge.txt"}
    assert all(r and "\n" not in r for r in reasons.values())
    assert rep.added == []
    assert dump(db) == before
    # the rest of a batch goes on
    shutil.copy(GOOD2, bad_dir / "good.txt")
    rep = ingest_paths(store, "c", [bad_dir], settings)
    assert [Path(x).name for x in rep.added] == ["good.txt"] and len(rep.failed) == 5


def test_ingest_is_idempotent(tmp_path: Path):
    db = tmp_path / "cw.db"
    settings = Settings(db_url=f"sqlite:///{db}")
    store = Store(settings.db_url)
    ingest_paths(store, "c", [GOOD, GOOD2], settings)
    counts = store.counts("c")
    snaps = len(store.snapshots("c"))
    rep = ingest_paths(store, "c", [GOOD, GOOD2], settings)
    assert rep.added == [] and len(rep.skipped) == 2
    assert store.counts("c") == counts and len(store.snapshots("c")) == snaps


class FailingStore(Store):
    """A real store whose fact writer fails after the document row is written."""

    def replace_facts(self, conn, case, ex):
        super().replace_facts(conn, case, ex)
        raise InputError(ex.doc, "disk full (simulated)")


def test_a_failure_half_way_through_a_file_leaves_the_database_as_it_was(tmp_path: Path):
    db = tmp_path / "cw.db"
    settings = Settings(db_url=f"sqlite:///{db}")
    ingest_paths(Store(settings.db_url), "c", [GOOD], settings)
    before = dump(db)
    rep = ingest_paths(FailingStore(settings.db_url), "c", [GOOD2], settings)
    assert rep.added == [] and len(rep.failed) == 1
    assert dump(db) == before


def test_cli_reports_bad_files_in_one_line_each_and_exits_non_zero(tmp_path: Path, bad_dir: Path):
    exe = Path(sys.executable).parent / "casewatch"
    env = {"CASEWATCH_DB": str(tmp_path / "cli.db"), "CASEWATCH_MAX_FILE_BYTES": "100000", "PATH": "/usr/bin:/bin"}
    r = subprocess.run([str(exe), "ingest", "--case", "c", str(bad_dir), str(GOOD)], capture_output=True, text=True, env=env)
    assert r.returncode == 1
    errors = [line for line in r.stderr.splitlines() if line.startswith("error")]
    assert len(errors) == 5 and all("bad/" in line for line in errors), r.stderr
    assert "Traceback" not in r.stderr
    assert "1 added" in r.stdout
    r = subprocess.run([str(exe), "show", "nosuchcase"], capture_output=True, text=True, env=env)
    assert r.returncode == 2 and "no case named" in r.stderr and "Traceback" not in r.stderr


def test_error_lines_keep_square_brackets(tmp_path: Path):
    """A file named "appeal [draft].txt" is named as it is: the terminal's markup does not eat the brackets."""
    exe = Path(sys.executable).parent / "casewatch"
    bad = tmp_path / "appeal [draft].txt"
    bad.write_bytes(b"")
    env = {"CASEWATCH_DB": str(tmp_path / "cli.db"), "PATH": "/usr/bin:/bin"}
    r = subprocess.run([str(exe), "ingest", "--case", "c", str(bad)], capture_output=True, text=True, env=env)
    assert r.returncode == 1 and "appeal [draft].txt" in r.stderr and "empty file" in r.stderr, r.stderr


def test_version_prints_the_installed_version():
    from importlib.metadata import version
    exe = Path(sys.executable).parent / "casewatch"
    r = subprocess.run([str(exe), "--version"], capture_output=True, text=True)
    assert r.returncode == 0 and r.stdout.strip() == f"casewatch {version('casewatch')}"


def test_without_a_language_model_ingest_says_how_to_install_one_and_makes_no_case(tmp_path: Path, monkeypatch):
    from casewatch.extract import models
    from casewatch.extract.models import NoModel
    monkeypatch.setattr(models, "MODEL_NAMES", ("no_such_model_installed",))
    url = f"sqlite:///{tmp_path / 'm.db'}"
    store = Store(url)
    with pytest.raises(NoModel, match=r"pip install 'casewatch\[model\]'"):
        ingest_paths(store, "c", [GOOD], Settings(db_url=url), workers=2)
    assert store.cases() == []
