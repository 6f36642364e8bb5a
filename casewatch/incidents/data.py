"""The incident step's data files (data/*.yaml, data/model.json), loaded once."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).parent / "data"


@lru_cache(maxsize=None)
def load(name: str) -> Any:
    """data/NAME.yaml (or NAME.json for trained weights)."""
    p = DATA / f"{name}.yaml"
    if p.exists():
        with open(p, encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    with open(DATA / f"{name}.json", encoding="utf-8") as fh:
        return json.load(fh)
