"""Loads the cue phrases and vocabularies of extract/data/*.yaml once."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .prefilter import fast

DATA = Path(__file__).parent / "data"


@lru_cache(maxsize=None)
def load(name: str) -> Any:
    with open(DATA / f"{name}.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _compile(patterns: list[str]) -> re.Pattern[str]:
    return fast(re.compile("|".join(f"(?:{p})" for p in patterns), re.I))


@lru_cache(maxsize=None)
def cue_table(name: str) -> dict[str, re.Pattern[str]]:
    """{label: one compiled alternation} for a YAML file of label -> [regex]."""
    return {k: _compile(v) for k, v in load(name).items() if isinstance(v, list) and v and isinstance(v[0], str)}


@lru_cache(maxsize=None)
def cue(name: str, key: str) -> re.Pattern[str]:
    return _compile(load(name)[key])


@lru_cache(maxsize=None)
def word_set(name: str, key: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in load(name)[key])


@lru_cache(maxsize=None)
def frame_patterns(name: str, key: str) -> dict[str, tuple[re.Pattern[str], ...]]:
    """{frame: its cue regexes, each compiled once} for a YAML section of frame -> [regex] (claims.yaml)."""
    return {frame: tuple(fast(re.compile(p, re.I)) for p in pats) for frame, pats in load(name)[key].items()}
