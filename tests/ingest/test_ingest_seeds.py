"""The five seed reports (read from ../shared/seeds beside the checkout at test time)."""
from __future__ import annotations


import pytest

from casewatch.ingest import iter_paths, read_path
from casewatch.settings import Settings

from tests.conftest import SEEDS, needs_seeds

pytestmark = needs_seeds

EXPECTED = {  # prefix: (kind, published, publisher contains)
    "000": ("ngo_statement", None, "Eurasia Review"),
    "001": ("ngo_statement", None, "Amnesty International"),
    "002": ("urgent_appeal", None, "Observatory"),
    "003": ("news", "2026-01-29", "Eurasianet"),
    "004": ("un_communication", "2026-03-06", "Special Procedures"),
}


@pytest.fixture(scope="module")
def docs():
    files, errors = iter_paths([SEEDS])
    assert not errors
    settings = Settings(db_url="sqlite://")
    return {p.name[:3]: read_path(p, settings) for p in files}


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_seed_metadata(docs, prefix):
    kind, published, publisher = EXPECTED[prefix]
    doc = docs[prefix]
    assert doc.kind == kind
    assert doc.published == published
    assert publisher in (doc.publisher or "")
    assert doc.title


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_seed_text_is_clean(docs, prefix):
    text = docs[prefix].text
    for furniture in ("We use cookies", "© Eurasia Review", "menu_open", "appeared first on"):
        assert furniture not in text
    assert "\n\n\n" not in text
    assert text == text.strip()


def test_seed_un_reference(docs):
    assert docs["004"].title == "Communication AL KAZ 2/2026"
    assert "AL KAZ 2/2026" in docs["004"].publisher
