"""The pages of a PDF that have no text layer (a scan), read by OCR: each page rendered by poppler's `pdftoppm`
and read by Debian's `tesseract` (English and Russian data), one child process at a time.

Why these two and not ocrmypdf: we need the text of the pages that lack one, in their place among the pages that
have one (pypdf reads those); ocrmypdf writes a new PDF, through Ghostscript and a dozen Python packages, to be read
again.  pdftoppm is already on the machine for the dossier's tests (`.ci/pdf-setup`), and two plain child
processes per page are easy to bound:

- at most `OcrLimits.max_pages` pages to read (CASEWATCH_MAX_OCR_PAGES), refused before the first;
- every child has the time left of the file's budget (CASEWATCH_MAX_FILE_SECONDS) as its timeout, and is killed
  at it; a child also gets SIGKILL from the kernel the moment the process that started it dies (PR_SET_PDEATHSIG),
  so a watched worker killed past its limits (workers.py) leaves no tesseract behind;
- a page is rendered at 300 dpi, less for a page so large that its longer side would pass `MAX_PIXELS`, in grey;
- tesseract runs on one thread (OMP_THREAD_LIMIT=1): the workers already share the cores.

    pages = read_pages(pdf_bytes, [(3, 595.0, 842.0)], OcrLimits(), deadline)   # {3: "text of page 3"}
"""
from __future__ import annotations

import ctypes
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DPI = 300
MAX_PIXELS = 5000  # the longer side of a rendered page, at most
FIX = "apt install tesseract-ocr tesseract-ocr-eng tesseract-ocr-rus"


class OcrFailed(Exception):
    """Why the scanned pages could not be read (one line, with the fix where there is one)."""


@dataclass(frozen=True)
class OcrLimits:
    max_pages: int = 100  # pages without text read by OCR in one file
    seconds: float = 120.0  # the whole file's budget: OCR stops with a line when it is spent
    languages: str = "eng+rus"  # tesseract's language data to read with (those installed of them)
    tesseract: str = "tesseract"  # the program: a name on PATH, or a path


def _pdeathsig():
    """A function run in each child before it starts: SIGKILL when its parent dies (Linux), or None."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    prctl.argtypes, prctl.restype = [ctypes.c_int, ctypes.c_ulong], ctypes.c_int
    kill, set_pdeathsig = int(signal.SIGKILL), 1  # PR_SET_PDEATHSIG

    def die_with_parent() -> None:
        prctl(set_pdeathsig, kill)
    return die_with_parent


_DIE_WITH_PARENT = _pdeathsig()


def _run(args: list[str], deadline: float, what: str) -> bytes:
    """One child process, within the time left; its standard output."""
    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeoutError
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    try:
        res = subprocess.run(args, stdin=subprocess.DEVNULL, capture_output=True, timeout=left, env=env,
                             preexec_fn=_DIE_WITH_PARENT)
    except subprocess.TimeoutExpired:  # run() has killed the child and waited for it
        raise TimeoutError from None
    if res.returncode != 0:
        last = (res.stderr.decode("utf-8", "replace").strip().splitlines() or [f"exit {res.returncode}"])[-1]
        raise OcrFailed(f"{what} failed ({Path(args[0]).name}: {last[:200]})")
    return res.stdout


@lru_cache(maxsize=4)
def _installed(tesseract: str) -> frozenset[str]:
    try:
        out = subprocess.run([tesseract, "--list-langs"], capture_output=True, timeout=30, stdin=subprocess.DEVNULL,
                             preexec_fn=_DIE_WITH_PARENT).stdout.decode("utf-8", "replace")
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    return frozenset(x.strip() for x in out.splitlines()[1:] if x.strip())


def tools(limits: OcrLimits) -> tuple[str, str, str]:
    """(tesseract, pdftoppm, the languages to read with), or OcrFailed naming what to install."""
    languages = limits.languages
    tesseract = shutil.which(limits.tesseract)
    if not tesseract:
        raise OcrFailed(f"a scan (no text layer), and tesseract is not installed to read it by OCR ({FIX})")
    pdftoppm = shutil.which("pdftoppm")
    if not pdftoppm:
        raise OcrFailed("a scan (no text layer), and pdftoppm is not installed to render its pages for OCR "
                        "(apt install poppler-utils)")
    have = _installed(tesseract)
    langs = [x for x in languages.split("+") if x and x in have]
    if not langs:
        raise OcrFailed(f"a scan (no text layer), and tesseract has none of the language data {languages!r} to "
                        f"read it ({FIX})")
    return tesseract, pdftoppm, "+".join(langs)


def dpi_for(width_pt: float, height_pt: float) -> int:
    """300 dpi, or less so that the page's longer side stays within MAX_PIXELS."""
    longest_in = max(width_pt, height_pt, 1.0) / 72
    return max(10, min(DPI, int(MAX_PIXELS / longest_in)))


def read_pages(data: bytes, pages: list[tuple[int, float, float]], limits: OcrLimits, deadline: float) -> dict[int, str]:
    """The text of each page (number from 1, width and height in points) read by OCR; OcrFailed with one line when
    a tool is missing or fails, or when `deadline` (time.monotonic()) passes."""
    tesseract, pdftoppm, langs = tools(limits)
    out: dict[int, str] = {}
    with tempfile.TemporaryDirectory(prefix="casewatch-ocr-") as tmp:
        pdf, image = Path(tmp) / "in.pdf", Path(tmp) / "page"
        pdf.write_bytes(data)
        try:
            for n, w, h in pages:
                _run([pdftoppm, "-r", str(dpi_for(w, h)), "-f", str(n), "-l", str(n), "-singlefile", "-gray", "-png",
                      str(pdf), str(image)], deadline, f"rendering page {n} for OCR")
                tsv = _run([tesseract, str(image) + ".png", "stdout", "-l", langs, "--psm", "3", "tsv"], deadline,
                           f"OCR of page {n}")
                out[n] = layout(tsv.decode("utf-8", "replace"))
        except TimeoutError:
            raise OcrFailed(f"reading the scan by OCR took longer than {limits.seconds:g} s (limit "
                            "CASEWATCH_MAX_FILE_SECONDS), not stored") from None
        except OSError as e:
            raise OcrFailed(f"OCR could not run ({e.strerror or e})") from None
    return out




def layout(tsv: str, gap: float = 1.6) -> str:
    """A page's text from tesseract's TSV (each word with its block, paragraph, line and box), laid out as a text
    layer would be, with the lines of a paragraph joined into one: a line was wrapped (and goes on with the next)
    when the next line's first word would not have fitted at its end, within the page's right margin; "informa-" +
    "tion" is joined whole.  A vertical gap over `gap` times the usual line step, or a new block, starts a
    paragraph (a blank line); any other line ends where it ends (a heading, an item of a list, an address)."""
    lines: dict[tuple[str, str, str], list] = {}  # block, left, top, right, first word's width, words
    chars = widths = 0
    for row in tsv.splitlines()[1:]:
        f = row.split("\t")
        if len(f) < 12 or f[0] != "5" or not f[11].strip():
            continue
        left, top, width = int(f[6]), int(f[7]), int(f[8])
        word = f[11].strip()
        line = lines.setdefault((f[2], f[3], f[4]), [f[2], left, top, left + width, width, []])
        line[1], line[3] = min(line[1], left), max(line[3], left + width)
        line[5].append(word)
        chars, widths = chars + len(word), widths + width
    rows = list(lines.values())
    if not rows:
        return ""
    space = widths / max(chars, 1)  # about one character's width
    right = max(r[3] for r in rows)
    steps = sorted(b[2] - a[2] for a, b in zip(rows, rows[1:]) if a[0] == b[0] and b[2] > a[2])
    step = steps[len(steps) // 2] if steps else 0
    out = " ".join(rows[0][5])
    for a, b in zip(rows, rows[1:]):
        text = " ".join(b[5])
        if a[0] != b[0] or (step and b[2] - a[2] > gap * step):
            out += "\n\n" + text
        elif a[3] + space + b[4] > right - 3 * space:  # the next line's first word did not fit: wrapped
            out = out[:-1] + text if out.endswith("-") and out[-2:-1].islower() and text[:1].islower() \
                else out + " " + text
        else:
            out += "\n" + text
    return latin_lookalikes(out)


# Cyrillic letters drawn like Latin ones: tesseract reading with English and Russian data now and then takes an
# English word for a Russian one ("on" read as "оп")
_LOOKALIKE = str.maketrans("аеокмпрстухАВЕКМНОРСТУХ", "aeokmnpctyxABEKMHOPCTYX")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_WORD = re.compile(r"\w+")


def latin_lookalikes(text: str) -> str:
    """On a page mostly in Latin letters, a word whose Cyrillic letters all have a Latin double is written in Latin
    letters; a word with a letter of Cyrillic's own (a Russian name quoted: "Мамедов") stays as it is."""
    cyrillic = len(_CYRILLIC.findall(text))
    if not cyrillic or cyrillic * 5 > sum(c.isalpha() for c in text):
        return text

    def fix(m: re.Match) -> str:
        w = m.group()
        latin = w.translate(_LOOKALIKE)
        return latin if _CYRILLIC.search(w) and not _CYRILLIC.search(latin) else w
    return _WORD.sub(fix, text)
