"""Shared test fixtures: the shared data beside the checkout, real databases."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CASEWATCH_SHARED", ROOT.parent / "shared"))
SEEDS = SHARED / "seeds"
GOLD = SHARED / "eval" / "gold" / "atajurt.json"
SCORER = SHARED / "eval" / "score.py"
EXAMPLES = ROOT / "examples"

# the shared evaluation kit (seed reports, answer key, scorer) lives beside the checkout, not in it: a clone
# without it skips the tests that need it, each with this one reason, and runs all the others
_KIT = f"needs the shared evaluation kit at {SHARED} (set CASEWATCH_SHARED to where it is)"
needs_seeds = pytest.mark.skipif(not SEEDS.is_dir() or not GOLD.is_file(), reason=_KIT)
needs_scorer = pytest.mark.skipif(not SCORER.is_file(), reason=_KIT)


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'cw.db'}"


def empty_postgres(url: str) -> str:
    """The PostgreSQL test database with no table at all (every table of every migration, present or future)."""
    from sqlalchemy import create_engine, text
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return url
