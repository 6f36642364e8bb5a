"""Issue 14: the help reads like a plain click command line (no `<bool>`, `<str>`, `<list[str]>` or `{case}`), the
export formats are listed in `export --help`, a missing argument prints the usage line, an unknown case names the
nearest ones."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from casewatch.cli import main


def run(monkeypatch, capsys, *args: str) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "argv", ["casewatch", *args])
    monkeypatch.setenv("COLUMNS", "100")
    code = 0
    try:
        main()
    except SystemExit as e:
        code = e.code if isinstance(e.code, int) else 1
    out = capsys.readouterr()
    return code, out.out, out.err


def commands() -> list[tuple[str, ...]]:
    """Every command and sub-command of the tree, as the words that name it."""
    import typer.main
    from casewatch import cli
    monkey = pytest.MonkeyPatch()
    monkey.setattr(sys, "argv", ["casewatch", "--help"])
    try:  # main() imports the modules that register the other commands
        main()
    except SystemExit:
        pass
    finally:
        monkey.undo()
    found: list[tuple[str, ...]] = []

    def walk(cmd, path: tuple[str, ...]) -> None:
        found.append(path)
        for name, sub in (getattr(cmd, "commands", None) or {}).items():
            walk(sub, path + (name,))
    walk(typer.main.get_command(cli.app), ())
    return found


PLACEHOLDER = re.compile(r"<(bool|str|int|float|path|list\[[^\]]*\]|[a-z]+ range)>|\{[a-z_]+\}")


def test_no_command_shows_a_type_placeholder_or_braces(monkeypatch, capsys):
    seen = commands()
    assert len(seen) > 20 and ("export",) in seen and ("benchmark", "grow") in seen
    for words in seen:
        code, out, err = run(monkeypatch, capsys, *words, "--help")
        assert code == 0, (words, err)
        assert not PLACEHOLDER.search(out), (words, PLACEHOLDER.search(out).group(0), out)


def test_flags_have_no_placeholder_and_arguments_are_in_capitals(monkeypatch, capsys):
    _, out, _ = run(monkeypatch, capsys, "--help")
    assert re.search(r"--debug\s+Show tracebacks", out) and re.search(r"--db\s+TEXT", out), out
    _, out, _ = run(monkeypatch, capsys, "export", "--help")
    assert "Usage: casewatch export [OPTIONS] CASE" in out and re.search(r"\*\s+CASE\s+\[required\]", out), out
    assert re.search(r"--output\s+-o\s+PATH", out), out
    _, out, _ = run(monkeypatch, capsys, "ingest", "--help")
    assert "Usage: casewatch ingest [OPTIONS] PATH_OR_URL..." in out and re.search(r"--workers\s+INTEGER", out), out


def test_export_help_lists_every_export_format(monkeypatch, capsys):
    from casewatch.outputs import EXPORTERS
    _, out, _ = run(monkeypatch, capsys, "export", "--help")
    words = set(re.findall(r"[a-z]+", out))
    assert set(EXPORTERS) <= words, set(EXPORTERS) - words


@pytest.mark.parametrize("args, usage, error", [
    (("show",), "Usage: casewatch show [OPTIONS] CASE", "Missing argument 'CASE'"),
    (("export",), "Usage: casewatch export [OPTIONS] CASE", "Missing argument 'CASE'"),
    (("ingest", "x.txt"), "Usage: casewatch ingest [OPTIONS] PATH_OR_URL...", "Missing option '--case'"),
])
def test_a_missing_argument_prints_the_usage_line(monkeypatch, capsys, tmp_path: Path, args, usage, error):
    monkeypatch.setenv("CASEWATCH_DB", str(tmp_path / "cw.db"))
    code, out, err = run(monkeypatch, capsys, *args)
    assert code == 2 and usage in err and error in err and f"Try 'casewatch {args[0]} --help'" in err, err
    assert "Traceback" not in err and "MissingParameter" not in err
