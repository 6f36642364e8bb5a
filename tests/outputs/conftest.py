"""Real SQLite databases holding the seed case, ingested once per session."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from casewatch.pipeline import build_casefile, ingest_paths
from casewatch.settings import Settings
from casewatch.store import Store
from tests.conftest import EXAMPLES, SEEDS

CASE = "seeds"


def _ingest(tmp: Path, case: str, batches: list[list[Path]]) -> Store:
    url = f"sqlite:///{tmp / 'cw.db'}"
    store = Store(url)
    for paths in batches:
        rep = ingest_paths(store, case, paths, Settings(db_url=url))
        assert not rep.failed, rep.failed
    return store


@pytest.fixture(scope="session")
def seeds_store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    if not SEEDS.is_dir():
        pytest.skip(f"no seeds at {SEEDS}")
    return _ingest(tmp_path_factory.mktemp("seeds"), CASE, [[SEEDS]])


@pytest.fixture(scope="session")
def seeds_cf(seeds_store: Store) -> dict[str, Any]:
    return build_casefile(seeds_store, CASE)


def publication_order(folder: Path) -> list[Path]:
    """The folder's reports by publication date (undated ones first, then by file name)."""
    from casewatch.ingest import iter_paths, read_path
    files, _ = iter_paths([folder])
    dated = [(read_path(p, Settings()).published or "", p.name, p) for p in files]
    return [p for _, _, p in sorted(dated)]


@pytest.fixture(scope="session")
def seeds_one_by_one(tmp_path_factory: pytest.TempPathFactory) -> tuple[Store, list[Path]]:
    if not SEEDS.is_dir():
        pytest.skip(f"no seeds at {SEEDS}")
    files = publication_order(SEEDS)
    return _ingest(tmp_path_factory.mktemp("seeds1by1"), CASE, [[p] for p in files]), files


EXAMPLE = EXAMPLES / "zimbabwe_chitungwiza"


@pytest.fixture(scope="session")
def example_cf(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    store = _ingest(tmp_path_factory.mktemp("example"), EXAMPLE.name, [[EXAMPLE]])
    return build_casefile(store, EXAMPLE.name)
