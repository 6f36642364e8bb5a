"""Issue 14: `casewatch show turky` names the nearest cases; the web's "no case" says nothing of the others."""
from __future__ import annotations

import sys
from pathlib import Path

from casewatch.api.service import create_case
from casewatch.cli import main
from casewatch.cli.suggest import nearest
from casewatch.store import Store

CASES = ["turkey", "turkey_diyarbakir", "egypt_matariya", "belarus_minsk", "hongkong_subversion", "cuba_11j"]


def test_nearest_names_a_misspelling_a_prefix_and_a_word():
    assert nearest("turky", CASES) == ["turkey", "turkey_diyarbakir"]
    assert nearest("egypt", CASES) == ["egypt_matariya"]
    assert nearest("egipt", CASES) == ["egypt_matariya"]
    assert nearest("belarus_vyasna", CASES) == ["belarus_minsk"]
    assert nearest("hong-kong", CASES) == ["hongkong_subversion"]
    assert nearest("zzz", CASES) == [] and nearest("", CASES) == []


def _run(monkeypatch, capsys, *args: str) -> tuple[int, str]:
    monkeypatch.setattr(sys, "argv", ["casewatch", *args])
    try:
        main()
        code = 0
    except SystemExit as e:
        code = e.code
    return code, capsys.readouterr().err


def test_show_and_delete_of_an_unknown_case_suggest_the_nearest(monkeypatch, capsys, tmp_path: Path):
    db = tmp_path / "cw.db"
    monkeypatch.setenv("CASEWATCH_DB", str(db))
    code, err = _run(monkeypatch, capsys, "show", "turky")
    assert code == 2 and "no case named 'turky'; there are no cases yet" in err, err
    store = Store(f"sqlite:///{db}")
    for c in CASES:
        create_case(store, c)
    code, err = _run(monkeypatch, capsys, "show", "turky")
    assert code == 2 and "no case named 'turky'; did you mean 'turkey' or 'turkey_diyarbakir'?" in err, err
    code, err = _run(monkeypatch, capsys, "delete", "egipt", "--yes")
    assert code == 2 and "did you mean 'egypt_matariya'?" in err, err
    code, err = _run(monkeypatch, capsys, "export", "zzz")
    assert code == 2 and "no case named 'zzz'; `casewatch cases` lists the 6 cases" in err, err


def test_the_store_names_no_other_case():
    """The message the web shows (a 404) is the store's own: it names no case the user may not see."""
    from casewatch.errors import NoCase, NotFound
    e = NoCase("turky")
    assert isinstance(e, NotFound) and str(e) == "no case named 'turky'"
