"""Reports in a language the extractor does not read (issue 14), through the real ingest command on SQLite: stored,
marked with their language, named in the ingest summary and in `casewatch show` as not read, and no fact taken
from them but, from a report in French, Spanish, Portuguese or Italian, the laws it cites."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from casewatch.pipeline import build_casefile
from casewatch.store import Store
from tests.ingest.test_language import ENGLISH, FRENCH, RUSSIAN

EXE = Path(sys.executable).parent / "casewatch"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(EXE), *args], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "COLUMNS": "300"})


def test_russian_and_french_reports_are_stored_not_read(tmp_path: Path):
    folder = tmp_path / "reports"
    folder.mkdir()
    for name, text in (("en.txt", ENGLISH), ("fr.txt", FRENCH), ("ru.txt", RUSSIAN)):
        (folder / name).write_text(text, encoding="utf-8")
    db = str(tmp_path / "cw.db")
    r = run("--db", db, "ingest", "--case", "kazan", str(folder))
    assert r.returncode == 0, r.stderr
    assert f"not read {folder / 'ru.txt'}: in Russian, stored but not read (the extractor reads English)" in r.stderr
    assert f"not read {folder / 'fr.txt'}: in French, stored, and of it only the laws it cites are read (the " \
        "extractor reads English)" in r.stderr
    assert not [line for line in r.stderr.splitlines() if "en.txt" in line and not line.startswith("slowest")]
    assert "case kazan: 3 added (2 stored but not read: not in English), 0 already there, 0 failed" in r.stdout

    store = Store(f"sqlite:///{db}")
    docs = {d.filename: d for d in store.documents("kazan")}
    assert {n: (d.language, d.read) for n, d in docs.items()} == {
        "en.txt": ("en", True), "fr.txt": ("fr", False), "ru.txt": ("ru", False)}
    ex = store.extractions("kazan")
    assert not ex[docs["ru.txt"].id].facts()
    fr = ex[docs["fr.txt"].id]
    # "en vertu de l'article 24 du décret-loi 54"
    assert [(p.article, [e.quote for e in p.evidence]) for p in fr.provisions] == [("24", ["article 24 du décret-loi 54"])]
    assert not (fr.mentions or fr.events or fr.figures or fr.claims)
    cf = build_casefile(store, "kazan")
    assert {p["name"] for p in cf["persons"]} >= {"Igor Semyonov", "Anna Kravets"}
    en = docs["en.txt"].id
    for key in ("persons", "organizations", "places", "events", "provisions", "figures"):
        for item in cf[key]:
            if key == "provisions" and item["article"] == "24":
                continue
            assert {ev["doc"] for ev in item["evidence"]} == {en}, (key, item)
    assert {d["filename"]: (d["language"], d["read"], d["laws_read"]) for d in cf["documents"]} == {
        "en.txt": ("en", True, False), "fr.txt": ("fr", False, True), "ru.txt": ("ru", False, False)}

    shown = run("--db", db, "show", "kazan")
    assert shown.returncode == 0, shown.stderr
    assert f"not read: ru.txt ({docs['ru.txt'].id}): in Russian, stored but not read (the extractor reads English)" \
        in shown.stdout
    assert f"not read: fr.txt ({docs['fr.txt'].id}): in French, stored, and of it only the laws it cites are read" \
        in shown.stdout

    again = run("--db", db, "reextract", "kazan")  # extracted again: still nothing from them
    assert again.returncode == 0, again.stderr
    ex = Store(f"sqlite:///{db}").extractions("kazan")
    assert not ex[docs["ru.txt"].id].facts() and ex[en].facts()
