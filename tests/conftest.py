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


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'cw.db'}"
