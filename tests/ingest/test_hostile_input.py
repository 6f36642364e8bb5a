"""Hostile input: what a folder holds that is not read is named with its reason; odd encodings, odd names and
a YAML front matter built to explode are read safely or refused in one line."""
from __future__ import annotations

import os
import time

import pytest

from casewatch.errors import InputError
from casewatch.ingest import iter_paths, read_bytes
from casewatch.settings import Settings

GOOD = "Police detained the blogger Anna Berg in Port Halvard on 3 March 2026.\n"


@pytest.fixture
def settings() -> Settings:
    return Settings(db_url="sqlite://")


def test_every_file_of_a_folder_not_read_is_named_with_its_reason(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD)
    (tmp_path / ".hidden.txt").write_text(GOOD)
    (tmp_path / ".git").mkdir()
    for i in range(3):
        (tmp_path / ".git" / f"{i}.txt").write_text(GOOD)
    (tmp_path / "notes.rtf").write_bytes(b"{\\rtf1 notes}")
    (tmp_path / "outside.txt").symlink_to("/etc/hostname")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "inside.txt").symlink_to(tmp_path / "good.txt")  # the same file again: read once
    ignored: list[InputError] = []
    files, errors = iter_paths([tmp_path], ignored)
    assert [f.name for f in files] == ["good.txt"] and not errors
    why = {os.path.basename(e.file): e.reason for e in ignored}
    assert set(why) == {".git", ".hidden.txt", "notes.rtf", "outside.txt", "dangling.txt", "loop.txt", "pipe.txt"}
    assert why[".git"] == "hidden folder, not read"  # once, not once per file inside
    assert "outside the folder" in why["outside.txt"]
    assert "broken or looping" in why["dangling.txt"] and "broken or looping" in why["loop.txt"]
    assert "not a regular file" in why["pipe.txt"]
    assert "'.rtf' not accepted" in why["notes.rtf"]


def test_a_file_name_in_bytes_that_are_not_utf8_is_stored_readably(settings):
    raw = os.fsdecode(b"bad\xff\xfename.txt")  # as os.listdir gives it: with surrogates
    doc = read_bytes(raw, GOOD.encode(), settings)
    doc.filename.encode("utf-8")  # storable and printable
    assert doc.filename == "bad\ufffd\ufffdname.txt"


@pytest.mark.parametrize("codec", ["utf-32", "utf-32-be", "utf-16", "utf-16-be"])
def test_text_with_a_byte_order_mark_in_any_utf(settings, codec):
    data = GOOD.encode(codec)
    if codec.endswith("-be"):
        data = "\ufeff".encode(codec) + data
    assert read_bytes("a.txt", data, settings).text == GOOD.strip()


def test_utf16_that_decodes_to_nul_characters_is_refused(settings):
    with pytest.raises(InputError, match="control characters"):
        read_bytes("a.txt", b"\xfe\xff" + b"\x00\x00" * 200, settings)


def test_a_front_matter_built_to_explode_gives_no_title(settings):
    laughs = "\n".join(["a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"] +
                       [f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},"
                        f"*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]" for i in range(8)] +
                       ["title: *i"])
    t = time.monotonic()
    doc = read_bytes("a.md", f"---\n{laughs}\n---\n\n# Port Halvard arrests\n\n{GOOD}".encode(), settings)
    assert time.monotonic() - t < 5
    assert len(doc.title or "") < 200


@pytest.mark.parametrize("name, body", [
    ("strong.md", "**a " * 50000),  # openers with no closer
    ("links.md", "[a](" * 50000),
    ("em.md", "*a _b " * 40000),
])
def test_markdown_with_endless_openers_is_read_in_linear_time(settings, name, body):
    t = time.monotonic()
    try:
        read_bytes(name, (body + "\n\n" + GOOD).encode(), settings)
    except InputError:
        pass  # refused is fine; what matters is that it ends at once
    assert time.monotonic() - t < 3


def test_an_html_page_with_too_many_tags_is_refused_before_it_is_parsed(settings):
    page = "<html><body><table>" + "<tr><td>" * 60000 + "x" + "</td></tr>" * 60000 + "</table></body></html>"
    t = time.monotonic()
    with pytest.raises(InputError, match=r"HTML too complex .*240,0\d\d tags; limit 100,000"):
        read_bytes("deep.html", page.encode(), settings)
    assert time.monotonic() - t < 2
