"""Bad input: each raises InputError naming the file and a short reason."""
from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from casewatch.errors import InputError
from casewatch.ingest import read_bytes, read_path
from casewatch.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def settings() -> Settings:
    return Settings(db_url="sqlite://")


@pytest.mark.parametrize("name, reason", [
    ("empty.txt", "empty file"),
    ("image.txt", "binary"),
    ("latin1.txt", "not valid UTF-8 text"),
])
def test_bad_fixture_files(settings, name, reason):
    path = FIXTURES / name
    with pytest.raises(InputError) as err:
        read_path(path, settings)
    assert reason in err.value.reason
    assert name in str(err.value)
    assert str(err.value) == f"{path}: {err.value.reason}"


def test_png_bytes_named_html(settings):
    png = (FIXTURES / "image.txt").read_bytes()
    with pytest.raises(InputError, match=r"^photo\.html: binary"):
        read_bytes("photo.html", png, settings)


def test_truncated_pdf(settings, tmp_path):
    data = (FIXTURES / "verdict.pdf").read_bytes()
    half = tmp_path / "verdict_half.pdf"
    half.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError) as err:
        read_path(half, settings)
    assert err.value.reason == "truncated or damaged PDF"
    assert "verdict_half.pdf" in str(err.value)


def test_damaged_pdf_with_intact_ends(settings):
    data = (FIXTURES / "verdict.pdf").read_bytes()
    with pytest.raises(InputError, match="truncated or damaged PDF"):
        read_bytes("mangled.pdf", data[:1500] + b"garbage" * 300 + data[-600:], settings)


def test_not_a_pdf(settings):
    with pytest.raises(InputError, match=r"^fake\.pdf: not a PDF"):
        read_bytes("fake.pdf", b"Just some text pretending to be a PDF.", settings)


def test_pdf_without_text_layer(settings):
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    buf = io.BytesIO()
    writer.write(buf)
    # one line naming the file and why: with tesseract, the blank page read by OCR gives no text; without it, the
    # line says so and how to install it (a machine without OCR reads no scan, and says why)
    ocr = shutil.which("tesseract") is not None
    reason = r"PDF has no text layer" if ocr else r"a scan \(no text layer\), and tesseract is not installed"
    with pytest.raises(InputError, match=rf"^scan\.pdf: {reason}"):
        read_bytes("scan.pdf", buf.getvalue(), settings)


def test_oversized_file_checked_before_reading(tmp_path, monkeypatch):
    small = Settings(db_url="sqlite://", max_file_bytes=1000)
    big = tmp_path / "big.txt"
    big.write_bytes(b"A long report about Port Halvard.\n" * 100)

    def no_read(*args, **kwargs):
        raise AssertionError("the file was opened although it is too large")

    monkeypatch.setattr("builtins.open", no_read)
    with pytest.raises(InputError) as err:
        read_path(big, small)
    monkeypatch.undo()
    assert err.value.reason.startswith("file too large")
    assert "big.txt" in str(err.value)
    with pytest.raises(InputError, match=r"^big\.txt: file too large"):
        read_bytes("big.txt", big.read_bytes(), small)


def test_only_furniture(settings):
    with pytest.raises(InputError, match=r"^menu\.txt: no text left after removing page furniture"):
        read_bytes("menu.txt", b"menu_open Columnists\nShare\nTweet\n6 1\n\xc2\xa9 Northern Ledger\n", settings)


def test_whitespace_only(settings):
    with pytest.raises(InputError, match=r"^blank\.txt: no text"):
        read_bytes("blank.txt", b"  \n\n\t\n", settings)


def test_unsupported_suffix(settings):
    with pytest.raises(InputError, match=r"^report\.rtf: unsupported file type"):
        read_bytes("report.rtf", b"{\\rtf1\\ansi Police detained him.}", settings)


def test_missing_path(settings, tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_path(tmp_path / "nope.txt", settings)
