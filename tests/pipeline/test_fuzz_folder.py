"""Issue 12's fuzz run: a folder of 100+ hostile files of every accepted type and 5 good reports, ingested by the
real command: the good reports are stored, every hostile file is stored or named with its reason, no traceback,
the whole process tree stays under 1 GiB, the run ends within three minutes, and the database is intact."""
from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.pdfs import one_page_pdf

ROOT = Path(__file__).resolve().parents[2]
GOOD = ROOT / "examples" / "belarus_minsk"
EXE = Path(sys.executable).parent / "casewatch"
SENT = "The court in Port Halvard remanded the blogger Anna Berg on 3 March 2026. "


def _pdf(stream: bytes, filtered: bool = True) -> bytes:
    return one_page_pdf(stream, filtered)


def hostile(folder: Path) -> list[str]:
    """Writes the hostile files; returns the names the run must account for (stored, failed or skipped)."""
    rnd = random.Random(12)
    made: list[str] = []

    def put(name: str, data: bytes) -> None:
        (folder / name).write_bytes(data)
        made.append(name)
    for ext in ("txt", "md", "html", "htm", "pdf"):
        put(f"empty.{ext}", b"")
        put(f"blank.{ext}", b" \n\t\n" * 50)
        for i in range(8):
            put(f"random{i}.{ext}", bytes(rnd.getrandbits(8) for _ in range(rnd.choice([10, 2000, 50000]))))
        put(f"nul.{ext}", (SENT * 20).encode().replace(b" ", b"\x00"))
        put(f"latin1.{ext}", ("Société civile à Genève, élu en 1998. " * 40).encode("latin-1"))
        put(f"truncated.{ext}", (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog" if ext == "pdf" else b"<html><body><p>" + SENT.encode()[:40]))
    for codec in ("utf-16", "utf-16-le", "utf-32", "utf-8-sig"):
        put(f"bom-{codec}.txt", (SENT * 10).encode(codec))
    put("utf16-no-bom.txt", (SENT * 10).encode("utf-16-le"))
    put("control-chars.txt", ("".join(chr(rnd.randrange(0, 32)) for _ in range(5000))).encode())
    put("one-long-line.txt", ("Ma. Cristina. " * 60_000).encode())             # 840 KB of name-like words
    put("over-nlp-limit.txt", (SENT * 14_000).encode())                       # over 1,000,000 characters
    put("stars.md", ("*_" * 100_000).encode())
    put("openers.md", ("[" * 50_000 + "(" * 50_000 + "`" * 20_000).encode())
    put("laughs.md", b'---\na: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n'
                     b'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n'
                     b'title: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n---\n' + SENT.encode())
    put("front-matter-only.md", b"---\ntitle: x\n---\n")
    put("nested.html", b"<table>" + b"<tr><td>" * 150_000 + b"x")
    put("amp.html", b"<p>" + b"&amp;" * 300_000 + b"</p>")
    put("siblings.html", b"<html><body>" + b"<p></p>" * 150_000 + b"</body></html>")
    put("script-only.html", b"<html><head><script>" + b"var a=1;" * 20_000 + b"</script></head><body></body></html>")
    put("nav-only.html", b"<html><body><nav>" + b"<a href='/x'>Home</a> " * 2000 + b"</nav></body></html>")
    put("comment-bomb.html", b"<!--" + b"-" * 200_000 + b"<p>" + SENT.encode() + b"</p>")
    put("pdf-no-text.pdf", _pdf(b"0 0 1 rg 0 0 612 792 re f"))
    put("pdf-flate-bomb.pdf", _pdf(b"0 0 m " * 800_000))                    # 2 KB that expands to 4.8 MB
    put("pdf-text.pdf", _pdf(b"BT /F1 12 Tf 72 700 Td (" + SENT.encode() + b") Tj ET", filtered=False))
    put("pdf-garbage-xref.pdf", b"%PDF-1.7\n" + bytes(rnd.getrandbits(8) for _ in range(5000)) + b"\n%%EOF")
    put("pdf-html-inside.pdf", b"<html><body>" + SENT.encode() + b"</body></html>")
    put("html-as-txt.txt", b"<html><script>alert(1)</script><body>" + SENT.encode() + b"</body></html>")
    put("bidi-\u202e-name.txt", SENT.encode())
    put("x" * 200 + ".txt", SENT.encode())
    put("spaces and 'quotes' \"here\".md", SENT.encode())
    put("notes.docx", b"PK\x03\x04" + bytes(100))
    put("notes.odt", b"PK\x03\x04" + bytes(100))
    put("photo.jpg", b"\xff\xd8\xff\xe0" + bytes(100))
    put("archive.zip", b"PK\x05\x06" + bytes(18))
    put(".hidden.txt", SENT.encode())
    put("UPPER.TXT", SENT.encode())
    os.symlink("/etc/hostname", folder / "outside.txt")
    made.append("outside.txt")
    os.symlink(folder / "nowhere.txt", folder / "dangling.txt")
    made.append("dangling.txt")
    os.symlink(folder / "loop.txt", folder / "loop.txt")
    made.append("loop.txt")
    os.mkfifo(folder / "pipe.txt")
    made.append("pipe.txt")
    sub = folder / "deep" / "er" / "still"
    sub.mkdir(parents=True)
    (sub / "inner.txt").write_bytes(SENT.encode())
    made.append("inner.txt")
    return made


def _tree_memory(pid: int) -> int:
    import psutil
    try:
        p = psutil.Process(pid)
        procs = [p, *p.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    total = 0
    for q in procs:
        try:  # proportional set size: pages the workers share with the process they were forked from count once
            total += q.memory_full_info().pss
        except psutil.Error:
            pass
    return total


@pytest.mark.slow
def test_a_hostile_folder_and_five_good_reports(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    names = hostile(folder)
    good = sorted(p.name for p in GOOD.iterdir())
    for p in GOOD.iterdir():
        (folder / p.name).write_bytes(p.read_bytes())
    assert len(names) >= 100 and len(good) == 5
    db = tmp_path / "fuzz.db"
    t0 = time.monotonic()
    proc = subprocess.Popen([str(EXE), "--db", str(db), "ingest", "--case", "fuzz", str(folder)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, _tree_memory(proc.pid))
        time.sleep(0.1)
        assert time.monotonic() - t0 < 180, "the run took over three minutes"
    out = proc.stdout.read()
    seconds = time.monotonic() - t0
    assert proc.returncode in (0, 1), out[-3000:]
    assert "Traceback" not in out, out[-3000:]
    con = sqlite3.connect(db)
    stored = {r[0] for r in con.execute("SELECT filename FROM documents WHERE case_id='fuzz'")}
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert set(good) <= {Path(s).name for s in stored}, out[-3000:]
    from casewatch.ingest import shown
    flat = " ".join(out.split())
    unaccounted = [n for n in names if shown(n) not in {Path(s).name for s in stored} and shown(n).split(".")[0][:40] not in flat]
    assert not unaccounted, unaccounted
    assert "longer than" not in out, out[-3000:]  # no file reached its time limit (the default, 120 s)
    slowest = next((x for x in out.splitlines() if x.startswith("slowest: ")), "slowest: ?")
    print(f"\nfuzz: {len(names)} hostile files and 5 good reports; {len(stored)} stored, "
          f"{len(names) + 5 - len(stored)} refused or skipped; {seconds:.0f} s; peak memory {peak / 2**20:.0f} MiB; "
          f"{slowest}")
    assert peak < 2**30, f"peak memory {peak / 2**20:.0f} MiB"
